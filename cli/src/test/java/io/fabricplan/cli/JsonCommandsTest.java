package io.fabricplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.Planner;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.excel.PlanWorkbookReader;
import io.fabricplan.instances.Examples;
import io.fabricplan.json.InstanceJson;
import io.fabricplan.json.PlanJson;
import io.fabricplan.model.Instance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code solve}, {@code validate} and {@code check} with instance and plan JSON, by the files' extensions. */
class JsonCommandsTest {
    @TempDir
    Path dir;

    private Path write(Instance instance, String name) throws IOException {
        Path file = dir.resolve(name);
        InstanceJson.write(instance, file);
        return file;
    }

    @Test
    void solveWritesPlanJsonThatCheckPassesAgainstTheJsonInstance() throws IOException {
        Path in = write(Examples.tiny(), "tiny.json");
        Path plan = dir.resolve("plan.json");

        CliRun solve = CliRun.of("solve", in.toString(), "-o", plan.toString(), "--json");
        CliRun check = CliRun.of("check", in.toString(), plan.toString());

        assertThat(solve.exitCode()).as(solve.toString()).isZero();
        assertThat(solve.out()).contains("\"status\": \"OPTIMAL\"", "\"tco_usd\": 138928.248",
                "\"output\": \"" + plan + "\"");
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out()).startsWith("check passed: 3 link rows, capex 123600.00 USD, power 2692.0 W");
        PlanJson.ReadResult read = PlanJson.read(plan);
        assertThat(read.plan().reported().tcoUsd()).isEqualTo(138928.248, org.assertj.core.data.Offset.offset(1e-6));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(in, plan);
        }
    }

    /** A solved plan, written as JSON and read back, is the plan: decisions, DWDM routes, channels and placements. */
    @Test
    void aSolvedPlanBetweenSitesReadsBackEqual() throws IOException {
        Instance campus = Examples.campusDwdm();
        PlanResult result = Planner.create().solve(campus, SolveOptions.from(campus.settings())
                .withTimeLimitSeconds(30).withThreads(1).withSeed(1));
        assertThat(result.status().hasPlan()).isTrue();
        Path plan = dir.resolve("campus-plan.json");

        PlanJson.write(campus, result, result.statistics().solver(), plan);
        PlanJson.ReadResult read = PlanJson.read(plan);

        assertThat(read.problems()).isEmpty();
        assertThat(read.plan().withReported(null)).isEqualTo(result.plan().withReported(null));
        assertThat(read.plan().dwdm().lightpaths()).isNotEmpty().isEqualTo(result.plan().dwdm().lightpaths());
        assertThat(new PlanChecker(campus).check(read.plan(), read.stated()).violations()).isEmpty();
    }

    @Test
    void anyInstanceFormatSolvesToAnyPlanFormatAndChecksAgainstAnyOther() throws IOException {
        Path json = write(Examples.tiny(), "tiny.json");
        Path xlsx = dir.resolve("tiny.xlsx");
        Files.copy(Path.of("..", "instances", "examples", "tiny.xlsx"), xlsx);
        Path planXlsx = dir.resolve("from-json.xlsx");
        Path planJson = dir.resolve("from-xlsx.json");

        assertThat(CliRun.of("solve", json.toString(), "-o", planXlsx.toString()).exitCode()).isZero();
        assertThat(CliRun.of("solve", xlsx.toString(), "-o", planJson.toString()).exitCode()).isZero();

        for (Path in : new Path[] {json, xlsx}) {
            for (Path plan : new Path[] {planXlsx, planJson}) {
                CliRun check = CliRun.of("check", in.toString(), plan.toString());
                assertThat(check.exitCode()).as(check.toString()).isZero();
            }
        }
        // a JSON instance has no sheets to copy: the plan workbook holds them written from the instance
        assertThat(CliRun.of("check", planXlsx.toString(), planXlsx.toString()).exitCode()).isZero();
        assertThat(PlanWorkbookReader.read(planXlsx).plan().links()).hasSize(3);
    }

    @Test
    void validateNamesEveryProblemByPointerWithAMaybeLine() throws IOException {
        Path in = dir.resolve("bad.json");
        Files.writeString(in, InstanceJson.toJson(Examples.tiny()).replace("\"gbps\": 800}", "\"gbps\": \"fast\"}")
                .replace("\"b_device\": \"spine1\"", "\"b_device\": \"spine9\""));

        CliRun run = CliRun.of("validate", in.toString());
        CliRun solve = CliRun.of("solve", in.toString(), "-o", dir.resolve("plan.json").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("fabricplan: " + in + " has 4 problems:",
                "  /links/0/gbps: must be a number, got \"fast\"",
                "    Maybe give gbps as a number in Gb/s, without quotes, e.g. \"gbps\": 800.",
                "  /links/2/b_device: unknown device \"spine9\"",
                "    Maybe add it to the Devices sheet or correct the id (did you mean \"spine1\"?).")
                .doesNotContain("Exception", "\tat ");
        assertThat(solve.exitCode()).isEqualTo(2);
        assertThat(solve.err()).isEqualTo(run.err());
        assertThat(Files.exists(dir.resolve("plan.json"))).isFalse();
    }

    @Test
    void checkOfAnEditedPlanJsonNamesThePointers() throws IOException {
        Path in = write(Examples.tiny(), "tiny.json");
        Path plan = dir.resolve("plan.json");
        assertThat(CliRun.of("solve", in.toString(), "-o", plan.toString()).exitCode()).isZero();
        Files.writeString(plan, Files.readString(plan).replace("\"optic_id\": \"aec800\"", "\"optic_id\": \"dac800\""));

        CliRun run = CliRun.of("check", in.toString(), plan.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(5);
        assertThat(run.out()).contains("REACH_EXCEEDED s1-leaf1: dac800 reaches 2 m, the link is 7 m",
                "REPORTED_TOTAL_MISMATCH /capex_usd: capex_usd", "/links/0/power_w",
                "Maybe they were not updated after a decision was edited: correct the fields named");
    }

    @Test
    void checkOfAPlanJsonWithoutAPlanSaysWhy() throws IOException {
        Path in = write(Examples.infeasibleRack(), "infeasible.json");
        Path plan = dir.resolve("plan.json");
        assertThat(CliRun.of("solve", in.toString(), "-o", plan.toString()).exitCode()).isEqualTo(3);

        CliRun run = CliRun.of("check", in.toString(), plan.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.out()).contains(plan + " records an infeasible instance (status INFEASIBLE)",
                "Why, from its diagnostics:", "rack N1: the least network power possible is 1.48 kW");
    }

    @Test
    void aBadPlanJsonIsInvalidInputAtItsPointer() throws IOException {
        Path in = write(Examples.tiny(), "tiny.json");
        Path plan = dir.resolve("plan.json");
        assertThat(CliRun.of("solve", in.toString(), "-o", plan.toString()).exitCode()).isZero();
        Files.writeString(plan, Files.readString(plan).replace("\"a_end\": \"PLUGGABLE\"", "\"a_end\": \"pluggable\""));

        CliRun run = CliRun.of("check", in.toString(), plan.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("/links/0/a_end: must be one of PLUGGABLE, CPO, got \"pluggable\"",
                "Maybe \"PLUGGABLE\": the names are spelled as here, in capitals.");
    }

    @Test
    void jsonLimitsAreSetByName() throws IOException {
        Path in = write(Examples.tiny(), "tiny.json");

        CliRun run = CliRun.of("validate", in.toString(), "--limit", "json-records=2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("/racks/2: more than 2 racks: the limit json-records",
                "Maybe if the document is trusted and must be read, raise the limit with --limit json-records=VALUE");
    }
}
