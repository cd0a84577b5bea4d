package io.fabricplan.cli;

import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchCommandTest {

    @Test
    void solveJsonIsParsedFieldByField() {
        Map<String, String> json = BenchCommand.parse("{\"status\": \"OPTIMAL\", \"objective_value\": 138928.248, "
                + "\"best_bound\": null, \"solver\": \"CP-SAT\", \"output\": \"a, \\\"b\\\".xlsx\"}");
        assertThat(json).containsEntry("status", "OPTIMAL").containsEntry("objective_value", "138928.248")
                .containsEntry("best_bound", "null").containsEntry("solver", "CP-SAT");
    }
}
