package io.fabricplan.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabricplan.api.Baseline;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveStatistics;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.check.CheckReport;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.check.StatedFigures;
import io.fabricplan.check.Violation;
import io.fabricplan.excel.PlanWorkbookReader.PlanReadResult;
import io.fabricplan.model.DeviceAssignment;
import io.fabricplan.model.Instance;
import io.fabricplan.model.LinkAssignment;
import io.fabricplan.model.Objective;
import io.fabricplan.model.Packaging;
import io.fabricplan.model.Plan;
import io.fabricplan.model.PlanEvaluation;
import io.fabricplan.model.PlanEvaluator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

class PlanWorkbookTest {
    private static final List<String> INSTANCE_SHEETS =
            List.of("Settings", "Racks", "SwitchModels", "Devices", "Links", "Optics", "Sites", "Spans", "WdmEquipment");
    private static final List<String> RESULT_SHEETS = List.of("Summary", "LinkPlan", "DevicePlan", "RackPower", "BOM");

    @TempDir
    Path dir;

    private final Instance instance = InstanceWorkbookWriter.templateInstance();

    /** A valid plan of the template: leaf1 pluggable, both servers on AOCs. */
    private static Plan validPlan() {
        return new Plan(
                List.of(new DeviceAssignment("leaf1", "sw51-p", "R1"), new DeviceAssignment("srv1", null, "R2"),
                        new DeviceAssignment("srv2", null, "R2")),
                List.of(new LinkAssignment("l1", "aoc800", Packaging.PLUGGABLE, Packaging.PLUGGABLE, 1),
                        new LinkAssignment("l2", "dr8_800", Packaging.PLUGGABLE, Packaging.PLUGGABLE, 1)));
    }

    private PlanResult resultOf(Plan plan) {
        PlanEvaluation evaluation = new PlanEvaluator(instance).evaluate(plan);
        double v = evaluation.objectiveValue();
        Baseline baseline = new Baseline(plan, evaluation, List.of());
        return new PlanResult(SolveStatus.OPTIMAL, Objective.TCO, plan, evaluation, v, v, 0.0, baseline,
                new SolveStatistics("test", "none", SolveStatus.OPTIMAL, v, v, 0, 0, 0, 0, 0, 0), List.of());
    }

    private static PlanResult noPlan() {
        return new PlanResult(SolveStatus.INFEASIBLE, Objective.TCO, null, null, Double.NaN, Double.NaN,
                Double.NaN, null, new SolveStatistics("test", "none", SolveStatus.INFEASIBLE, Double.NaN,
                Double.NaN, Double.NaN, 0, 0, 0, 0, 0), List.of("rack R1 needs 3 kW more"));
    }

    private static List<String> sheetNames(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            List<String> names = new java.util.ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            return names;
        }
    }

    @Test
    void planWrittenWithoutInputReadsBackEqualAndPassesTheChecker() throws IOException {
        Plan plan = validPlan();
        PlanResult result = resultOf(plan);
        Path out = dir.resolve("plan.xlsx");

        PlanWorkbookWriter.write(null, instance, result, "none", out);
        PlanReadResult read = PlanWorkbookReader.read(out);

        assertThat(read.problems()).isEmpty();
        assertThat(read.plan().devices()).isEqualTo(plan.devices());
        assertThat(read.plan().links()).isEqualTo(plan.links());
        assertThat(read.plan().reported().objective()).isEqualTo(Objective.TCO);
        assertThat(read.plan().reported().capexUsd()).isEqualTo(result.evaluation().capexUsd());
        assertThat(read.plan().reported().tcoUsd()).isEqualTo(result.evaluation().tcoUsd());
        CheckReport report = new PlanChecker(instance).check(read.plan());
        assertThat(report.violations()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(sheetNames(out)).containsExactlyElementsOf(
                Stream.concat(INSTANCE_SHEETS.stream(), RESULT_SHEETS.stream()).toList());
        assertThat(InstanceWorkbookReader.read(out).instance()).isEqualTo(instance);
    }

    @Test
    void planWithInputKeepsTheInputSheetsAndNeverChangesTheInput() throws IOException {
        Path input = dir.resolve("in.xlsx");
        InstanceWorkbookWriter.write(instance, input);
        String before = TestWorkbook.sha256(input);
        Path out = dir.resolve("plan.xlsx");

        PlanWorkbookWriter.write(input, instance, resultOf(validPlan()), "none", out);

        assertThat(TestWorkbook.sha256(input)).isEqualTo(before);
        assertThat(sheetNames(out)).containsExactlyElementsOf(
                Stream.concat(INSTANCE_SHEETS.stream(), RESULT_SHEETS.stream()).toList());
        InstanceWorkbookReader.ReadResult asInstance = InstanceWorkbookReader.read(out);
        assertThat(asInstance.problems()).isEmpty();
        assertThat(asInstance.instance()).isEqualTo(instance);
        assertThat(PlanWorkbookReader.read(out).plan().links()).isEqualTo(validPlan().links());
    }

    @Test
    void solvingAPlanWorkbookAgainReplacesItsResultSheets() throws IOException {
        Path first = dir.resolve("plan1.xlsx");
        Path second = dir.resolve("plan2.xlsx");
        PlanWorkbookWriter.write(null, instance, resultOf(validPlan()), "none", first);

        PlanWorkbookWriter.write(first, instance, noPlan(), "none", second);

        assertThat(sheetNames(second)).containsExactlyElementsOf(
                Stream.concat(INSTANCE_SHEETS.stream(), RESULT_SHEETS.stream()).toList());
        assertThat(PlanWorkbookReader.read(second).plan().links()).isEmpty();
    }

    @Test
    void refusesToOverwriteTheInputWorkbook() throws IOException {
        Path input = dir.resolve("in.xlsx");
        InstanceWorkbookWriter.write(instance, input);
        String before = TestWorkbook.sha256(input);

        assertThatThrownBy(() -> PlanWorkbookWriter.write(input, instance, resultOf(validPlan()), "none",
                dir.resolve("sub/../in.xlsx")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the plan would overwrite the input workbook")
                .hasMessageContaining("-o");
        assertThat(TestWorkbook.sha256(input)).isEqualTo(before);
    }

    @Test
    void failedPlanWriteLeavesNoHalfWrittenOutput() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        Path out = notADirectory.resolve("plan.xlsx");

        assertThatThrownBy(() -> PlanWorkbookWriter.write(null, instance, resultOf(validPlan()), "none", out))
                .isInstanceOf(IOException.class);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(notADirectory);
        }
    }

    @Test
    void unreadableInputFailsWithoutOutput() throws IOException {
        Path input = Files.writeString(dir.resolve("in.xlsx"), "not a workbook");
        Path out = dir.resolve("plan.xlsx");

        assertThatThrownBy(() -> PlanWorkbookWriter.write(input, instance, resultOf(validPlan()), "none", out))
                .isInstanceOf(IOException.class).hasMessageContaining("in.xlsx");

        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void withoutAPlanOnlyTheSummaryHasFiguresAndOtherSheetsHaveHeaders() throws IOException {
        Path out = dir.resolve("plan.xlsx");

        PlanWorkbookWriter.write(null, instance, noPlan(), "cp-sat", out);

        try (InputStream in = Files.newInputStream(out); Workbook wb = new XSSFWorkbook(in)) {
            Sheet summary = wb.getSheet("Summary");
            assertThat(value(summary, "status").getStringCellValue()).isEqualTo("INFEASIBLE");
            assertThat(value(summary, "solver").getStringCellValue()).isEqualTo("cp-sat");
            assertThat(value(summary, "objective_value")).isNull();
            assertThat(value(summary, "diagnostic").getStringCellValue()).contains("3 kW");
            for (String name : List.of("LinkPlan", "DevicePlan", "RackPower", "BOM")) {
                assertThat(wb.getSheet(name).getLastRowNum()).as(name).isZero();
                assertThat(wb.getSheet(name).getRow(0).getCell(0).getStringCellValue()).isNotBlank();
            }
            assertThat(wb.getActiveSheetIndex()).isEqualTo(wb.getSheetIndex("Summary"));
        }
    }

    @Test
    void summaryFiguresAreNumericCells() throws IOException {
        Path out = dir.resolve("plan.xlsx");
        PlanResult result = resultOf(validPlan());

        PlanWorkbookWriter.write(null, instance, result, "none", out);

        try (InputStream in = Files.newInputStream(out); Workbook wb = new XSSFWorkbook(in)) {
            Sheet summary = wb.getSheet("Summary");
            for (String key : List.of("objective_value", "best_bound", "relative_gap", "capex_usd", "power_w",
                    "tco_usd", "solve_seconds", "greedy_objective_value", "greedy_capex_usd", "greedy_power_w")) {
                assertThat(value(summary, key).getCellType()).as(key).isEqualTo(CellType.NUMERIC);
            }
            assertThat(value(summary, "power_w").getNumericCellValue()).isEqualTo(result.evaluation().powerW());
            assertThat(value(summary, "greedy_feasible").getStringCellValue()).isEqualTo("YES");
            assertThat(value(summary, "statistics").getStringCellValue()).startsWith("Model[test]");
            assertThat(wb.getSheet("RackPower").getLastRowNum()).isEqualTo(2);
            assertThat(wb.getSheet("BOM").getLastRowNum()).isEqualTo(result.evaluation().bom().size());
        }
    }

    private static org.apache.poi.ss.usermodel.Cell value(Sheet summary, String key) {
        for (Row r : summary) {
            if (r.getCell(0) != null && key.equals(r.getCell(0).getStringCellValue())) {
                return r.getCell(1);
            }
        }
        throw new AssertionError("no Summary row " + key);
    }

    /** Edits cells of a written plan as a planner would in Excel. */
    private static void edit(Path file, String sheet, int excelRow, int column, Object value) throws IOException {
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        }
        try (wb; OutputStream out = Files.newOutputStream(file)) {
            Row row = wb.getSheet(sheet).getRow(excelRow - 1);
            if (value instanceof Number n) {
                row.createCell(column).setCellValue(n.doubleValue());
            } else if (value == null) {
                row.removeCell(row.getCell(column));
            } else {
                row.createCell(column).setCellValue(value.toString());
            }
            wb.write(out);
        }
    }

    @Test
    void handEditedUnreadableCellsAreReportedWithCells() throws IOException {
        Path out = dir.resolve("plan.xlsx");
        PlanWorkbookWriter.write(null, instance, resultOf(validPlan()), "none", out);
        edit(out, "LinkPlan", 2, 3, "x");
        edit(out, "LinkPlan", 3, 7, "optical");
        edit(out, "Summary", 7, 1, "lots");

        PlanReadResult read = PlanWorkbookReader.read(out);

        assertThat(read.problems()).extracting(p -> p.where() + ": " + p.message()).containsExactly(
                "LinkPlan!D2: count must be a whole number, got \"x\"",
                "LinkPlan!H3: a_end must be one of PLUGGABLE, CPO, got \"optical\"");
        assertThat(read.plan().links()).isEmpty();
        assertThat(read.plan().devices()).hasSize(3);
        assertThat(read.plan().reported().capexUsd()).isNaN();
        assertThat(read.plan().reported().powerW()).isFinite();
        // A figure is no decision: its text is kept for the checker, which names the cell.
        StatedFigures.Table<StatedFigures.SummaryRow> summary = read.stated().summary();
        assertThat(summary.rows()).filteredOn(r -> r.key().equals("capex_usd")).singleElement().satisfies(r -> {
            assertThat(r.text()).isEqualTo("lots");
            assertThat(r.number()).isNaN();
            assertThat(summary.locate(r.row(), "value")).isEqualTo("Summary!B7");
        });
    }

    /** Every figure column reads back with its cell, equal to the evaluation, and the whole plan passes. */
    @ParameterizedTest
    @EnumSource(value = RowSources.Mode.class, names = {"DOM", "STREAMING"})
    void statedFiguresReadBackWithTheirCellsAndPassTheChecker(RowSources.Mode mode) throws IOException {
        Path out = dir.resolve("plan.xlsx");
        PlanResult result = resultOf(validPlan());
        PlanWorkbookWriter.write(null, instance, result, "none", out);

        PlanReadResult read = PlanWorkbookReader.read(out, mode);

        assertThat(read.problems()).isEmpty();
        StatedFigures stated = read.stated();
        assertThat(stated.links().rows()).hasSize(2).allSatisfy(r -> assertThat(r.notNumbers()).isNull());
        StatedFigures.LinkRow l2 = stated.links().rows().get(1);
        assertThat(l2.assignment()).isEqualTo(1);
        assertThat(l2.powerW()).isEqualTo(result.evaluation().links().get(1).powerW());
        assertThat(l2.costUsd()).isEqualTo(result.evaluation().links().get(1).costUsd());
        assertThat(stated.links().locate(l2.row(), "power_w")).isEqualTo("LinkPlan!J3");
        assertThat(stated.devices().rows()).extracting(StatedFigures.DeviceRow::deviceId)
                .containsExactly("leaf1", "srv1", "srv2");
        assertThat(stated.racks().rows()).hasSize(2);
        assertThat(stated.bom().rows()).hasSize(result.evaluation().bom().size());
        assertThat(stated.summary().rows()).extracting(StatedFigures.SummaryRow::key).contains("status",
                "objective_value", "capex_usd", "power_w", "tco_usd");
        assertThat(stated.spans().present()).isFalse();
        assertThat(new PlanChecker(instance).check(read.plan(), stated).violations()).isEmpty();
    }

    @Test
    void handEditedUnknownOpticIsReadAndLeftToTheChecker() throws IOException {
        Path out = dir.resolve("plan.xlsx");
        PlanWorkbookWriter.write(null, instance, resultOf(validPlan()), "none", out);
        edit(out, "LinkPlan", 2, 6, "aoc801");

        PlanReadResult read = PlanWorkbookReader.read(out);

        assertThat(read.problems()).isEmpty();
        assertThat(read.plan().links().get(0).opticId()).isEqualTo("aoc801");
        assertThat(new PlanChecker(instance).check(read.plan()).violations()).extracting(Violation::kind)
                .contains(Violation.Kind.UNKNOWN_OPTIC);
    }

    @Test
    void missingResultSheetsAreProblemsAndNoSummaryMeansNoReportedTotals() throws IOException {
        Path file = TestWorkbook.valid().write(dir.resolve("in.xlsx"));

        PlanReadResult read = PlanWorkbookReader.read(file);

        assertThat(read.problems()).extracting(p -> p.where() + ": " + p.message()).containsExactly(
                "DevicePlan: sheet \"DevicePlan\" is missing", "LinkPlan: sheet \"LinkPlan\" is missing");
        assertThat(read.plan().reported()).isNull();
        assertThat(read.plan().devices()).isEmpty();
    }

    @Test
    void unreadablePlanFileIsOneProblem() {
        PlanReadResult read = PlanWorkbookReader.read(dir.resolve("plan.xlsx"));

        assertThat(read.plan()).isNull();
        assertThat(read.problems()).singleElement().satisfies(p -> assertThat(p.where()).isEqualTo("plan.xlsx"));
    }

    /** Every non-blank cell of every sheet, as {@code Sheet!A1=KIND:value}, formulas by their (evaluated) value. */
    static java.util.Map<String, List<String>> cells(Path file) throws IOException {
        java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file);
             DomRowSource source = new DomRowSource(new XSSFWorkbook(in))) {
            for (String sheet : source.sheetNames()) {
                List<String> cells = new java.util.ArrayList<>();
                source.rows(sheet, row -> {
                    for (int c = 0; c < row.width(); c++) {
                        CellValue v = row.cell(c);
                        if (!v.isBlank()) {
                            cells.add(new org.apache.poi.ss.util.CellReference(row.index(), c).formatAsString(false)
                                    + "=" + v.kind() + ":" + v.text());
                        }
                    }
                });
                out.put(sheet, cells);
            }
        }
        return out;
    }

    @Test
    void largeInputIsCopiedByValueWithTheSameSheetsCellsAndValues() throws IOException {
        Path first = dir.resolve("plan1.xlsx");
        PlanWorkbookWriter.write(null, instance, resultOf(validPlan()), "none", first);
        // A planner's extra sheet and edits: formulas with and without saved values, booleans, stray spaces.
        Path input = dir.resolve("in.xlsx");
        try (InputStream in = Files.newInputStream(first); XSSFWorkbook wb = new XSSFWorkbook(in);
             OutputStream os = Files.newOutputStream(input)) {
            Sheet notes = wb.createSheet("Notes");
            notes.createRow(0).createCell(0).setCellValue(" checked by Ana ");
            notes.createRow(3).createCell(2).setCellValue(true);
            Row links = wb.getSheet("Links").getRow(1);
            links.getCell(4).setCellFormula("400*2");
            Row racks = wb.getSheet("Racks").getRow(2);
            racks.getCell(2).setCellFormula("1+2");
            wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(racks.getCell(2));
            wb.write(os);
        }
        java.util.Map<String, List<String>> before = cells(input);
        Path out = dir.resolve("plan2.xlsx");

        PlanWorkbookWriter.write(input, instance, resultOf(validPlan()), "none", out, -1);

        java.util.Map<String, List<String>> after = cells(out);
        assertThat(after.keySet()).containsExactly("Settings", "Racks", "SwitchModels", "Devices", "Links", "Optics",
                "Sites", "Spans", "WdmEquipment", "Notes", "Summary", "LinkPlan", "DevicePlan", "RackPower", "BOM");
        for (String sheet : List.of("Settings", "Racks", "SwitchModels", "Devices", "Links", "Optics", "Sites", "Spans",
                "WdmEquipment", "Notes")) {
            assertThat(after.get(sheet)).as(sheet).containsExactlyElementsOf(before.get(sheet));
        }
        assertThat(after.get("Notes")).containsExactly("A1=TEXT: checked by Ana ", "C4=BOOLEAN:TRUE");
        assertThat(InstanceWorkbookReader.read(out).instance()).isEqualTo(instance);
        PlanReadResult read = PlanWorkbookReader.read(out);
        assertThat(read.problems()).isEmpty();
        assertThat(read.plan().links()).isEqualTo(validPlan().links());
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet links = wb.getSheet("Links");
            assertThat(wb.getFontAt(links.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(links.getPaneInformation().isFreezePane()).isTrue();
            assertThat(wb.getActiveSheetIndex()).isEqualTo(wb.getSheetIndex("Summary"));
        }
    }

    @Test
    void streamedCopyNeverChangesTheInputAndStillRefusesToOverwriteIt() throws IOException {
        Path input = dir.resolve("in.xlsx");
        InstanceWorkbookWriter.write(instance, input);
        String before = TestWorkbook.sha256(input);

        PlanWorkbookWriter.write(input, instance, resultOf(validPlan()), "none", dir.resolve("plan.xlsx"), -1);

        assertThat(TestWorkbook.sha256(input)).isEqualTo(before);
        assertThatThrownBy(() -> PlanWorkbookWriter.write(input, instance, resultOf(validPlan()), "none", input, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TestWorkbook.sha256(input)).isEqualTo(before);
    }

    @Test
    void planPlacingASwitchInACandidateRackRoundTripsAndPassesTheChecker() throws IOException {
        Instance template = InstanceWorkbookWriter.templateInstance();
        List<io.fabricplan.model.Device> devices = new java.util.ArrayList<>(template.devices());
        devices.set(0, io.fabricplan.model.Device.placedSwitch("leaf1", io.fabricplan.model.Role.LEAF, "SW51T",
                io.fabricplan.model.PackagingChoice.AUTO, List.of("R1", "R2")));
        Instance placing = new Instance(template.settings(), template.racks(), template.switchModels(), devices,
                template.links(), template.optics());
        Plan plan = new Plan(
                List.of(new DeviceAssignment("leaf1", "sw51-p", "R2"), new DeviceAssignment("srv1", null, "R2"),
                        new DeviceAssignment("srv2", null, "R2")),
                List.of(new LinkAssignment("l1", "aoc800", Packaging.PLUGGABLE, Packaging.PLUGGABLE, 1),
                        new LinkAssignment("l2", "aoc800", Packaging.PLUGGABLE, Packaging.PLUGGABLE, 1)));
        PlanEvaluation evaluation = new PlanEvaluator(placing).evaluate(plan);
        double v = evaluation.objectiveValue();
        PlanResult result = new PlanResult(SolveStatus.OPTIMAL, Objective.TCO, plan, evaluation, v, v, 0.0, null,
                null, List.of());
        Path input = dir.resolve("in.xlsx");
        InstanceWorkbookWriter.write(placing, input);
        Path out = dir.resolve("plan.xlsx");

        PlanWorkbookWriter.write(input, placing, result, "none", out);

        InstanceWorkbookReader.ReadResult asInstance = InstanceWorkbookReader.read(out);
        assertThat(asInstance.problems()).isEmpty();
        assertThat(asInstance.instance()).isEqualTo(placing);
        PlanReadResult read = PlanWorkbookReader.read(out);
        assertThat(read.problems()).isEmpty();
        assertThat(read.plan().devices()).contains(new DeviceAssignment("leaf1", "sw51-p", "R2"));
        CheckReport report = new PlanChecker(asInstance.instance()).check(read.plan());
        assertThat(report.violations()).isEmpty();
        assertThat(report.passed()).isTrue();
        Plan elsewhere = new Plan(List.of(new DeviceAssignment("leaf1", "sw51-p", "R3")), plan.links());
        assertThat(new PlanChecker(placing).check(elsewhere).violations()).extracting(Violation::kind)
                .contains(Violation.Kind.WRONG_RACK);
    }

    @Test
    void planReaderGivesTheSameOverEachRowSource() throws IOException {
        Path out = dir.resolve("plan.xlsx");
        PlanWorkbookWriter.write(null, instance, resultOf(validPlan()), "none", out);
        edit(out, "LinkPlan", 2, 3, "x");

        PlanReadResult dom = PlanWorkbookReader.read(out, RowSources.Mode.DOM);
        PlanReadResult streamed = PlanWorkbookReader.read(out, RowSources.Mode.STREAMING);

        assertThat(streamed.problems()).isEqualTo(dom.problems()).hasSize(1);
        assertThat(streamed.plan()).isEqualTo(dom.plan());
    }
}
