package io.fabricplan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RwaCommandTest {
    @TempDir
    Path dir;

    private Path ring4() throws Exception {
        Path f = dir.resolve("ring.edges.txt");
        Files.writeString(f, "NODES id\nA\nB\nC\nD\nEDGES u v length_km\nA B 10\nB C 10\nC D 10\nD A 10\n");
        return f;
    }

    @Test
    void jsonPrintsOneObjectWithTheKeys() throws Exception {
        CliRun run = CliRun.of("rwa", "--topology", ring4().toString(), "--all-to-all", "--time-limit", "5", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode o = new ObjectMapper().readTree(run.out());
        assertThat(o.get("wavelengths").asInt()).isEqualTo(2);
        assertThat(o.get("lower_bound").asInt()).isEqualTo(2);
        assertThat(o.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(o.get("requests").asInt()).isEqualTo(12);
        assertThat(o.has("seconds")).isTrue();
    }

    @Test
    void outputFileHoldsLightpathsWithInputIds() throws Exception {
        Path req = dir.resolve("req.json");
        Files.writeString(req, "[{\"src\": \"A\", \"dst\": \"C\"}, {\"src\": \"B\", \"dst\": \"C\"}]");
        Path out = Files.createDirectories(dir.resolve("sub")).resolve("assign.json");
        CliRun run = CliRun.of("rwa", "--topology", ring4().toString(), "--requests", req.toString(),
                "--time-limit", "3", "-o", out.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("2 requests on 4 nodes, 4 links: 1 wavelengths");
        JsonNode o = new ObjectMapper().readTree(out.toFile());
        assertThat(o.get("wavelengths").asInt()).isEqualTo(1);
        JsonNode lps = o.get("lightpaths");
        assertThat(lps).hasSize(2);
        assertThat(lps.get(0).get("src").asText()).isEqualTo("A");
        assertThat(lps.get(0).get("path").get(0).asText()).isEqualTo("A");
        assertThat(lps.get(0).get("path").get(lps.get(0).get("path").size() - 1).asText()).isEqualTo("C");
        assertThat(lps.get(1).get("wavelength").asInt()).isZero();
        try (var files = Files.list(out.getParent())) {
            assertThat(files).hasSize(1); // no temporary file left
        }
    }

    @Test
    void minRwaFileUsesItsTraffics() throws Exception {
        Path f = dir.resolve("m.json");
        Files.writeString(f, "{\"graph\": {\"nodeNum\": 3, \"edges\": [{\"source\": 0, \"target\": 1}, "
                + "{\"source\": 1, \"target\": 2}]}, \"traffics\": [{\"src\": 0, \"dst\": 2}, {\"src\": 1, \"dst\": 2}]}");
        CliRun run = CliRun.of("rwa", "--topology", f.toString(), "--time-limit", "3", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("\"wavelengths\": 2", "\"requests\": 2", "\"status\": \"OPTIMAL\"");
    }

    @Test
    void badFileExitsTwoWithMessage() throws Exception {
        Path f = dir.resolve("bad.edges.txt");
        Files.writeString(f, "NODES id\nA\nB\nEDGES u v\nA Z 5\n");
        CliRun run = CliRun.of("rwa", "--topology", f.toString(), "--all-to-all");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("bad.edges.txt:5: unknown node \"Z\"").doesNotContain("Exception", "\tat ");
    }

    @Test
    void topologyWithoutRequestsAsksForThem() throws Exception {
        CliRun run = CliRun.of("rwa", "--topology", ring4().toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("carries no requests", "Maybe give --all-to-all or --requests FILE");
    }
}
