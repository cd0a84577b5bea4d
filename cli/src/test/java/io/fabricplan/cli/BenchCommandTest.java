package io.fabricplan.cli;

import io.fabricplan.instances.Examples;
import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Role;
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

    @Test
    void cpoStagesSetPackagingByRole() {
        Instance fabric = Examples.superpod4su();
        assertThat(packagings(BenchCommand.stage(fabric, 1), Role.SPINE)).containsOnly(PackagingChoice.PLUGGABLE);
        assertThat(packagings(BenchCommand.stage(fabric, 2), Role.LEAF)).containsOnly(PackagingChoice.AUTO);
        Instance stage3 = BenchCommand.stage(fabric, 3);
        assertThat(packagings(stage3, Role.SPINE)).containsOnly(PackagingChoice.CPO);
        assertThat(packagings(stage3, Role.LEAF)).containsOnly(PackagingChoice.PLUGGABLE);
        assertThat(packagings(stage3, Role.SERVER)).containsOnly(PackagingChoice.PLUGGABLE);
        assertThat(stage3.links()).isEqualTo(fabric.links());
    }

    private static java.util.List<PackagingChoice> packagings(Instance instance, Role role) {
        return instance.devices().stream().filter(d -> d.role() == role).map(Device::packaging).toList();
    }
}
