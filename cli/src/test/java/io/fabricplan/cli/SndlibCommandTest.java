package io.fabricplan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fabricplan sndlib} on a triangle: demand A-&gt;C of 25, modules (10 at 4, 20 at 7) on AB and BC and
 * (10 at 10, 20 at 18) on AC: around with 20+10 on AB and BC costs 22, the optimum.
 */
class SndlibCommandTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private Path network() throws Exception {
        return write("triangle.txt", """
                ?SNDlib native format; type: network; version: 1.0
                NODES (
                  A ( 0 0 )
                  B ( 1 1 )
                  C ( 2 0 )
                )
                LINKS (
                  AB ( A B ) 0 0 0 0 ( 10 4 20 7 )
                  BC ( B C ) 0 0 0 0 ( 10 4 20 7 )
                  AC ( A C ) 0 0 0 0 ( 10 10 20 18 )
                )
                DEMANDS (
                  D1 ( A C ) 1 25 UNLIMITED
                )
                """);
    }

    private Path model(String link, String survivability) throws Exception {
        return write("model-" + link + ".txt", """
                ?SNDlib native format; type: model; version: 1.0
                LINK_MODEL = %s
                NODE_MODEL = NO_NODE_HARDWARE
                DEMAND_MODEL = DIRECTED
                LINK_CAPACITY_MODEL = MODULAR_LINK_CAPACITIES
                ROUTING_MODEL = CONTINUOUS
                ADMISSIBLE_PATH_MODEL = ALL_PATHS
                HOP_LIMIT_MODEL = IGNORE_HOP_LIMITS
                SURVIVABILITY_MODEL = %s
                FIXED_CHARGE_MODEL = NO
                OBJECTIVE_MODEL = MINIMIZE_TOTAL_COST""".formatted(link, survivability));
    }

    @Test
    void jsonIsExactlyOneObjectWithTheDocumentedKeys() throws Exception {
        CliRun run = CliRun.of("sndlib", network().toString(), model("BIDIRECTED", "NO_SURVIVABILITY").toString(),
                "--time-limit", "20", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        String out = run.out().trim();
        assertThat(out.lines()).hasSize(1);
        assertThat(out).startsWith("{\"network\": \"triangle\", \"model\": \"model-BIDIRECTED\", \"objective\": 22, "
                + "\"bound\": 22, \"relative_gap\": 0, \"status\": \"OPTIMAL\", \"seconds\": ")
                .contains("\"solver\": ").endsWith("}");
    }

    @Test
    void textOutputShowsObjectiveBoundGapAndTheChecker() throws Exception {
        CliRun run = CliRun.of("sndlib", network().toString(), model("BIDIRECTED", "NO_SURVIVABILITY").toString(),
                "--time-limit", "20");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("OPTIMAL", "objective     22", "bound         22", "relative gap  0.0000 %",
                "checker       passed");
    }

    @Test
    void aBadNetworkFileExitsWithTwoNamingTheLine() throws Exception {
        Path bad = write("bad.txt", "NODES (\n  A ( 0 0 )\n)\nLINKS (\n  L ( A Z ) 0 0 0 0 ( 1 1 )\n)\n");
        CliRun run = CliRun.of("sndlib", bad.toString(), model("BIDIRECTED", "NO_SURVIVABILITY").toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("bad.txt:5:", "\"Z\" is not in NODES", "Maybe")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void anUnsupportedVariantExitsWithTwoAndSaysWhy() throws Exception {
        CliRun run = CliRun.of("sndlib", network().toString(),
                model("BIDIRECTED", "SHARED_PATH_PROTECTION").toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("SHARED_PATH_PROTECTION is not supported").doesNotContain("\tat ");
    }

    @Test
    void swappedArgumentsExitWithTwo() throws Exception {
        CliRun run = CliRun.of("sndlib", model("BIDIRECTED", "NO_SURVIVABILITY").toString(),
                network().toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("NETWORK.txt then MODEL.txt");
    }
}
