package io.fabricplan.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fabricplan.api.Cancellation;
import io.fabricplan.api.Planner;
import io.fabricplan.excel.InstanceWorkbookWriter;
import io.fabricplan.instances.Examples;
import io.fabricplan.studies.Study;
import io.fabricplan.studies.StudyJournal;
import io.fabricplan.studies.StudyRunner;
import io.fabricplan.study.ScenarioResult;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study of the tiny example on a real Spark context (local[2]) against the same study on the local runner: a
 * Scenarios sheet (the base, CPO switches cheaper and dearer, a rack budget the validator refuses, a Pareto front)
 * crossed with two energy prices, ten scenarios; the rows must agree but for the solve times, and the results
 * workbook and journal must hold them.
 */
class SparkStudyTest {
    private static JavaSparkContext sc;

    @TempDir
    static Path dir;
    private static Path input;

    @BeforeAll
    static void start() throws Exception {
        sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("SparkStudyTest")
                .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false")
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.sql.shuffle.partitions", "2"));
        input = dir.resolve("tiny-study.xlsx");
        InstanceWorkbookWriter.write(Examples.tiny(), input);
        addScenarios(input, new Object[][] {
                {"scenario_id", "description", "pareto", "SwitchModels[packaging=CPO].cost_usd *",
                        "Racks[R1].power_budget_kw"},
                {"base", "as it is", null, null, null},
                {"cheap CPO", null, null, 0.8, null},
                {"dear CPO", null, null, 1.2, null},
                {"no budget", "below the leaf rack's base load", null, null, -1},
                {"front", null, "YES", null, null}});
    }

    @AfterAll
    static void stop() {
        if (sc != null) {
            sc.stop();
        }
    }

    @Test
    void sparkGivesTheLocalRunnersRowsAndWritesThemWithTheJournal() throws Exception {
        Path output = dir.resolve("results.xlsx");
        Run run = run(input.toString(), "-o", output.toString(), "--sweep", "energy_usd_per_kwh=0.1,0.3",
                "--time-limit", "30");
        assertThat(run.code).as(run.err).isZero();
        assertThat(run.out).contains("study: 10 scenarios in", "results written to " + output);

        List<StudyJournal.Entry> journal = StudyJournal.read(Path.of(output + ".journal.jsonl"));
        List<ScenarioResult> spark = journal.stream().map(StudyJournal.Entry::result).toList();
        assertThat(journal).extracting(StudyJournal.Entry::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);

        Study study = StudySource.make(input, input.getFileName().toString(),
                List.of("energy_usd_per_kwh=0.1,0.3"), false).study();
        StudyRunner.Outcome local = new StudyRunner(Planner.create()).run(study,
                new StudyRunner.Options(2, 1, 30, null), null, List.of(), StudyRunner.Listener.NONE,
                new Cancellation());
        assertThat(spark).hasSameSizeAs(local.rows());
        for (int i = 0; i < spark.size(); i++) {
            assertSameRow(spark.get(i), local.rows().get(i));
        }
        assertThat(spark).extracting(ScenarioResult::status).contains("OPTIMAL", "INVALID", StudyRunner.FRONT);
        assertThat(journal).filteredOn(e -> e.front() != null).hasSize(2);

        try (InputStream in = Files.newInputStream(output); Workbook wb = new XSSFWorkbook(in)) {
            Sheet results = wb.getSheet("Results");
            Map<String, Integer> column = columns(results.getRow(0));
            for (int i = 0; i < spark.size(); i++) {
                Row row = results.getRow(i + 1);
                ScenarioResult expected = spark.get(i);
                assertThat(text(row.getCell(column.get("scenario_id")))).isEqualTo(expected.scenario().id());
                assertThat(text(row.getCell(column.get("status")))).isEqualTo(expected.status());
                if (expected.hasPlan()) {
                    assertThat(row.getCell(column.get("capex_usd")).getNumericCellValue())
                            .isCloseTo(expected.figures().capexUsd(), within(1e-6));
                    assertThat(row.getCell(column.get("tco_usd")).getNumericCellValue())
                            .isCloseTo(expected.figures().tcoUsd(), within(1e-6));
                } else {
                    assertThat(text(row.getCell(column.get("error")))).isEqualTo(expected.error());
                }
            }
            assertThat(results.getRow(spark.size() + 1)).isNull();
            assertThat(summary(wb.getSheet("Summary"))).containsEntry("scenarios", "10")
                    .hasEntrySatisfying("machine", m -> assertThat(m).startsWith("Spark local[2]"));
            assertThat(wb.getSheet("Fronts")).isNotNull();
        }
    }

    @Test
    void badInputIsRefusedBeforeAnySolveWithAHintAndNoStackTrace() {
        Path output = dir.resolve("bad.xlsx");
        for (String[] args : List.of(
                new String[] {input.toString(), "-o", output.toString(), "--sweep", "no_such_setting=1,2"},
                new String[] {input.toString(), "-o", output.toString(), "--threads", "zero"},
                new String[] {input.toString(), "-o", output.toString(), "--frobnicate"},
                new String[] {dir.resolve("absent.xlsx").toString(), "-o", output.toString()},
                new String[] {input.toString(), "-o", input.toString()},
                new String[] {input.toString()})) {
            Run run = run(args);
            assertThat(run.code).as(String.join(" ", args)).isEqualTo(SparkStudy.INVALID_INPUT);
            assertThat(run.err).as(String.join(" ", args)).contains("Maybe").doesNotContain("Exception", "\tat ");
        }
        assertThat(output).doesNotExist();
    }

    private static void assertSameRow(ScenarioResult spark, ScenarioResult local) {
        String id = local.scenario().id();
        assertThat(spark.scenario()).as(id).isEqualTo(local.scenario());
        assertThat(spark.status()).as(id).isEqualTo(local.status());
        assertThat(spark.objective()).as(id).isEqualTo(local.objective());
        assertThat(spark.error()).as(id).isEqualTo(local.error());
        assertSameNumber(id + " objective", spark.objectiveValue(), local.objectiveValue());
        assertThat(spark.hasPlan()).as(id).isEqualTo(local.hasPlan());
        if (local.hasPlan()) {
            assertSameNumber(id + " capex", spark.figures().capexUsd(), local.figures().capexUsd());
            assertSameNumber(id + " power", spark.figures().powerW(), local.figures().powerW());
            assertSameNumber(id + " TCO", spark.figures().tcoUsd(), local.figures().tcoUsd());
            assertThat(spark.figures().cpoSwitchesByRole()).as(id).isEqualTo(local.figures().cpoSwitchesByRole());
            assertThat(spark.figures().cablesByKind()).as(id).isEqualTo(local.figures().cablesByKind());
        }
    }

    private static void assertSameNumber(String what, double spark, double local) {
        if (Double.isNaN(local)) {
            assertThat(spark).as(what).isNaN();
        } else {
            assertThat(spark).as(what).isCloseTo(local, within(1e-6 * Math.max(1, Math.abs(local))));
        }
    }

    /** Adds a sheet named Scenarios holding the rows (null for a blank cell) to the workbook. */
    private static void addScenarios(Path workbook, Object[][] rows) throws Exception {
        Workbook wb;
        try (InputStream in = Files.newInputStream(workbook)) {
            wb = new XSSFWorkbook(in);
        }
        try (wb) {
            Sheet sheet = wb.createSheet("Scenarios");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(workbook)) {
                wb.write(out);
            }
        }
    }

    private static Map<String, Integer> columns(Row header) {
        Map<String, Integer> columns = new HashMap<>();
        header.forEach(cell -> columns.put(cell.getStringCellValue(), cell.getColumnIndex()));
        return columns;
    }

    private static Map<String, String> summary(Sheet sheet) {
        Map<String, String> items = new HashMap<>();
        sheet.forEach(row -> {
            if (row.getCell(0) != null && row.getCell(1) != null) {
                items.put(text(row.getCell(0)), text(row.getCell(1)));
            }
        });
        return items;
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            double v = cell.getNumericCellValue();
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
        return cell.getStringCellValue();
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = SparkStudy.run(args, sc, o, e);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

}
