package io.fabricplan.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.instances.Examples;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The warm-up instance is README's tiny fabric, as the instance JSON writer writes it today. */
class WarmUpTest {
    @Test
    void warmUpInstanceIsTheTinyExample() throws IOException {
        try (InputStream in = PlanningServer.class.getResourceAsStream("warm-up.json")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .as("regenerate with ./fabricplan convert instances/examples/tiny.xlsx "
                            + "http-service/src/main/resources/io/fabricplan/http/warm-up.json")
                    .isEqualTo(Served.json(Examples.tiny()));
        }
    }
}
