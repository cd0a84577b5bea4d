package io.fabricplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.excel.InstanceWorkbookWriter;
import io.fabricplan.instances.Examples;
import io.fabricplan.study.OverrideTarget;
import io.fabricplan.study.OverrideValue;
import io.fabricplan.study.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fabricplan study} and {@code fabricplan pareto} end to end, in-process and as killed processes. */
class StudyCommandTest {
    @TempDir
    Path dir;

    /** The tiny example with three scenarios: CPO price x0.8, as is, and a leaf-rack budget no plan meets. */
    private Path tinyStudy() throws IOException {
        OverrideTarget cpo = OverrideTarget.parse("SwitchModels[packaging=CPO].cost_usd *");
        OverrideTarget budget = OverrideTarget.parse("Racks[R1].power_budget_kw");
        List<Scenario> scenarios = List.of(
                new Scenario("cheap-cpo", "CPO at 80 %", List.of(OverrideValue.of(cpo, 0.8, "Scenarios!D2"))),
                new Scenario("as-is", "", List.of()),
                new Scenario("tight", "R1 at 0.5 kW", List.of(OverrideValue.of(budget, 0.5, "Scenarios!E4"))));
        Path file = dir.resolve("tiny-study.xlsx");
        InstanceWorkbookWriter.writeReproducible(Examples.tiny(), scenarios, file);
        return file;
    }

    @Test
    void studyWritesARowPerScenarioAndEveryPlanPassesCheck() throws Exception {
        Path input = tinyStudy();
        Path results = dir.resolve("results.xlsx");
        Path plans = Files.createDirectory(dir.resolve("plans"));
        CliRun run = CliRun.of("study", input.toString(), "-o", results.toString(), "--plans", plans.toString(),
                "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().strip()).startsWith("{").endsWith("}");
        assertThat(run.out()).contains("\"scenario_id\":\"cheap-cpo\"").contains("\"status\":\"INFEASIBLE\"");
        try (XSSFWorkbook workbook = new XSSFWorkbook(results.toFile())) {
            XSSFSheet sheet = workbook.getSheet("Results");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("cheap-cpo");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("tight");
            assertThat(workbook.getSheet("Summary")).isNotNull();
        }
        // README's worked optimum of the tiny example with CPO at 80 %: 114,648 USD
        assertThat(run.out()).contains("\"capex_usd\":114648");
        for (String scenario : List.of("cheap-cpo", "as-is")) {
            Path plan = plans.resolve(scenario + ".xlsx");
            CliRun check = CliRun.of("check", plan.toString(), plan.toString());
            assertThat(check.exitCode()).as(check.toString()).isZero();
        }
        assertThat(plans.resolve("tight.xlsx")).doesNotExist();
        assertThat(Files.readAllLines(dir.resolve("results.xlsx.journal.jsonl"))).hasSize(3);
    }

    @Test
    void badCellsAndSweepsAreEachNamedBeforeAnySolve() throws Exception {
        Path input = tinyStudy();
        CliRun run = CliRun.of("study", input.toString(), "-o", dir.resolve("r.xlsx").toString(),
                "--sweep", "Racks[R9].power_budget_kw=1,2", "--sweep", "pue=1.5:1.1:0.1", "--sweep", "yeers=5");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--sweep Racks[R9].power_budget_kw=1,2: no Racks row has id \"R9\"")
                .contains("--sweep pue=1.5:1.1:0.1").contains("--sweep yeers=5").contains("Maybe");
        assertThat(dir.resolve("r.xlsx")).doesNotExist();
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void sweepAloneMakesTheCrossProduct() throws Exception {
        Path input = dir.resolve("tiny.xlsx");
        InstanceWorkbookWriter.writeReproducible(Examples.tiny(), input);
        CliRun run = CliRun.of("study", input.toString(), "-o", dir.resolve("r.xlsx").toString(), "--sweep",
                "energy_usd_per_kwh=0.1:0.3:0.1", "--sweep", "SwitchModels[packaging=CPO].cost_usd *=0.8,1", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("\"scenarios\":6").contains("\"finished\":6")
                .contains("energy_usd_per_kwh=0.3/SwitchModels[packaging=CPO].cost_usd*=1");
    }

    @Test
    void stagesGiveThreeRowsPerScenario() throws Exception {
        Path input = dir.resolve("tiny.xlsx");
        InstanceWorkbookWriter.writeReproducible(Examples.tiny(), input);
        CliRun run = CliRun.of("study", input.toString(), "-o", dir.resolve("r.xlsx").toString(), "--stages",
                "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("\"scenario_id\":\"stage-1-pluggable\"")
                .contains("\"scenario_id\":\"stage-3-cpo-spine\"").contains("\"SPINE\":1");
    }

    @Test
    void paretoPrintsAnExactFrontWhosePlansPassCheck() throws Exception {
        Path input = dir.resolve("tiny.xlsx");
        InstanceWorkbookWriter.writeReproducible(Examples.tiny(), input);
        Path plans = Files.createDirectory(dir.resolve("points"));
        CliRun run = CliRun.of("pareto", input.toString(), "-o", dir.resolve("front.xlsx").toString(), "--plans",
                plans.toString(), "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("\"exact\":true").contains("\"hypervolume_gap\":0")
                .contains("\"capex_usd\":123600");
        List<Path> files;
        try (var list = Files.list(plans)) {
            files = list.sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        for (Path plan : files) {
            CliRun check = CliRun.of("check", input.toString(), plan.toString());
            assertThat(check.exitCode()).as(check.toString()).isZero();
        }
        assertThat(dir.resolve("front.xlsx")).exists();
    }

    /**
     * A study process killed with SIGKILL (no shutdown hook runs) loses at most the scenarios that were running:
     * --resume solves only the rest.
     */
    @Test
    void killedStudyResumesFromItsJournal() throws Exception {
        Path input = dir.resolve("superpod.xlsx");
        InstanceWorkbookWriter.writeReproducible(Examples.superpod4su(), input);
        Path results = dir.resolve("results.xlsx");
        Path journal = dir.resolve("results.xlsx.journal.jsonl");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g", "-cp", System.getProperty("java.class.path"), Fabricplan.class.getName(),
                "study", input.toString(), "-o", results.toString(), "--parallel", "1", "--threads", "1",
                "--sweep", "energy_usd_per_kwh=0.05:0.50:0.01"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (lines(journal) < 3 && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL
        int journalled = lines(journal);
        assertThat(journalled).as(Files.readString(dir.resolve("child.log"))).isBetween(3, 45);
        assertThat(results).doesNotExist();

        CliRun resumed = CliRun.of("study", input.toString(), "-o", results.toString(), "--resume", "--json",
                "--sweep", "energy_usd_per_kwh=0.05:0.50:0.01");
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.err()).contains("resuming from " + journalled + " journalled")
                .contains("(" + journalled + " from the journal)");
        assertThat(resumed.out()).contains("\"scenarios\":46").contains("\"finished\":46");
        assertThat(lines(journal)).isEqualTo(46);
    }

    private static int lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        return (int) Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> l.endsWith("}")).count();
    }
}
