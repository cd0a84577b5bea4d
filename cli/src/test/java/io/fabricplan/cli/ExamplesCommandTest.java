package io.fabricplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.instances.Examples;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExamplesCommandTest {
    private static final Path COMMITTED = Path.of("..", "instances", "examples");

    /** `fabricplan examples` over the committed folder changes nothing git would see: the same bytes. */
    @Test
    void examplesCommandWritesTheCommittedWorkbooksByteForByte(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("examples", dir.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        for (Examples.Named example : Examples.all()) {
            String file = example.name() + ".xlsx";
            assertThat(run.out()).contains("wrote " + dir.resolve(file));
            assertThat(Files.mismatch(COMMITTED.resolve(file), dir.resolve(file)))
                    .as("first byte where %s differs from instances/examples; rebuild with ./fabricplan examples",
                            file).isEqualTo(-1L);
        }
    }
}
