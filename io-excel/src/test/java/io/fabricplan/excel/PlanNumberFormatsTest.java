package io.fabricplan.excel;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveStatistics;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.excel.CellStyles.Unit;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Objective;
import io.fabricplan.model.Plan;
import io.fabricplan.model.PlanEvaluation;
import io.fabricplan.model.PlanEvaluator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Numbers in plan workbooks show in their unit (USD with separators and cents, kW to 10 W, W to a tenth, shares
 * and gaps in percent, dB to one or two decimals, metres, counts whole), keep their full value, and share a few
 * styles per workbook, on small and on streamed plans alike.
 */
class PlanNumberFormatsTest {
    private static final DataFormatter SHOWN = new DataFormatter(Locale.US);

    @TempDir
    Path dir;

    private static PlanResult resultOf(Instance instance, Plan plan) {
        PlanEvaluation e = new PlanEvaluator(instance).evaluate(plan);
        double v = e.objectiveValue();
        return new PlanResult(SolveStatus.OPTIMAL, Objective.TCO, plan, e, v, v * (1 - 1.7967e-5), 1.7967e-5, null,
                new SolveStatistics("test", "none", SolveStatus.OPTIMAL, v, v, 0, 0, 0, 1.234, 0, 0), List.of());
    }

    @Test
    void smallPlanShowsEveryFigureInItsUnitAndKeepsItsFullValue() throws IOException {
        Instance ring = DwdmWorkbookTest.ring();
        PlanResult result = resultOf(ring, DwdmWorkbookTest.ringPlan());
        Path out = dir.resolve("plan.xlsx");

        PlanWorkbookWriter.write(null, ring, result, "none", out);

        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEveryResultColumnInItsUnit(wb);
            Map<String, Cell> summary = summary(wb);
            assertThat(summary.get("capex_usd").getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(SHOWN.formatCellValue(summary.get("capex_usd")))
                    .isEqualTo(String.format(Locale.US, "%,.2f", result.evaluation().capexUsd()));
            assertThat(SHOWN.formatCellValue(summary.get("relative_gap"))).isEqualTo("0.002%");
            assertThat(summary.get("relative_gap").getNumericCellValue()).isEqualTo(1.7967e-5);
            assertThat(summary.get("objective_value").getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(summary.get("power_w").getCellStyle().getDataFormatString()).isEqualTo("#,##0.0");
            assertThat(SHOWN.formatCellValue(summary.get("solve_seconds"))).isEqualTo("1.23");
            assertThat(summary.get("status").getCellStyle().getDataFormatString()).isEqualTo("General");

            Row lightpath = wb.getSheet("DwdmLightpaths").getRow(2);
            assertThat(SHOWN.formatCellValue(lightpath.getCell(4))).isEqualTo("191.500");
            assertThat(SHOWN.formatCellValue(lightpath.getCell(6))).isEqualTo("33.5");
            assertThat(SHOWN.formatCellValue(lightpath.getCell(3))).isEqualTo("1");
            Row rack = wb.getSheet("RackPower").getRow(1);
            PlanEvaluation.RackRow figures = result.evaluation().racks().get(0);
            assertThat(rack.getCell(5).getNumericCellValue()).as("full value").isEqualTo(figures.utilization());
            assertThat(SHOWN.formatCellValue(rack.getCell(5)))
                    .isEqualTo(String.format(Locale.US, "%.1f%%", 100 * figures.utilization()));
            assertThat(SHOWN.formatCellValue(rack.getCell(4)))
                    .isEqualTo(String.format(Locale.US, "%,.2f", figures.totalKw()));
            assertThat(wb.getNumCellStyles()).as("default, a header per instance sheet, one more and a dozen units")
                    .isLessThan(30);
        }
        assertThat(new PlanChecker(ring).check(PlanWorkbookReader.read(out).plan()).passed()).isTrue();
    }

    @Test
    void bomShowsFiberInMetresAndEverythingElseByThePiece() throws IOException {
        Instance instance = SyntheticFabric.instance(2, 2);
        Plan plan = SyntheticFabric.plan(instance);
        Plan withFiber = new Plan(plan.devices(), plan.links().stream()
                .map(l -> new io.fabricplan.model.LinkAssignment(l.linkId(), "dr8_800", l.aEnd(), l.bEnd(),
                        l.count())).toList());
        Path out = dir.resolve("plan.xlsx");

        PlanWorkbookWriter.write(null, instance, resultOf(instance, withFiber), "none", out);

        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet bom = wb.getSheet("BOM");
            List<String> kinds = new ArrayList<>();
            for (int r = 1; r <= bom.getLastRowNum(); r++) {
                String kind = bom.getRow(r).getCell(1).getStringCellValue();
                kinds.add(kind);
                for (int c : new int[] {2, 5, 6}) { // quantity, reused, bought
                    assertThat(bom.getRow(r).getCell(c).getCellStyle().getDataFormatString()).as(kind)
                            .isEqualTo(kind.equals("FIBER_M") ? "#,##0.0" : "#,##0");
                }
            }
            assertThat(kinds).contains("FIBER_M", "SWITCH");
        }
    }

    /**
     * A plan too large for memory streams (SXSSF): written alone, over a small input loaded whole, and over an
     * input copied by streaming. Each shows the same formats, with styles made once per workbook.
     */
    @ParameterizedTest
    @ValueSource(strings = {"no input", "input loaded whole", "input streamed"})
    void streamedPlanShowsTheSameFormatsWithStylesMadeOncePerWorkbook(String how) throws IOException {
        Instance instance = SyntheticFabric.instance(600, 20); // 12,000 links: more rows than a workbook in memory
        Plan plan = SyntheticFabric.plan(instance);
        Path input = dir.resolve("in.xlsx");
        InstanceWorkbookWriter.write(instance, input);
        Path out = dir.resolve("plan.xlsx");

        switch (how) {
            case "no input" -> PlanWorkbookWriter.write(null, instance, resultOf(instance, plan), "none", out);
            case "input loaded whole" -> PlanWorkbookWriter.write(input, instance, resultOf(instance, plan), "none",
                    out);
            default -> PlanWorkbookWriter.write(input, instance, resultOf(instance, plan), "none", out, -1);
        }

        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet links = wb.getSheet("LinkPlan");
            assertThat(links.getLastRowNum()).isEqualTo(12_000);
            assertEveryResultColumnInItsUnit(wb);
            Cell cost = links.getRow(12_000).getCell(10);
            assertThat(cost.getNumericCellValue()).isEqualTo(
                    new PlanEvaluator(instance).evaluate(plan).links().get(11_999).costUsd());
            assertThat(wb.getNumCellStyles()).as("styles made once per workbook, not per cell").isLessThan(40);
        }
    }

    /** Every numeric cell of a result column with a unit shows in that unit's format. */
    private static void assertEveryResultColumnInItsUnit(XSSFWorkbook wb) {
        int checked = 0;
        for (String name : Schema.RESULT_SHEETS) {
            Sheet sheet = wb.getSheet(name);
            if (sheet == null || name.equals(Schema.SUMMARY)) {
                continue;
            }
            Row header = sheet.getRow(0);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                for (Cell cell : row) {
                    if (cell.getCellType() != CellType.NUMERIC) {
                        continue;
                    }
                    String column = header.getCell(cell.getColumnIndex()).getStringCellValue();
                    Unit unit = ResultSheets.UNITS.get(column);
                    assertThat(unit).as("%s!%s has a unit", name, column).isNotNull();
                    String format = cell.getCellStyle().getDataFormatString();
                    if (name.equals(Schema.BOM) && List.of("quantity", "reused", "bought").contains(column)) {
                        assertThat(format).isIn(Unit.COUNT.format(), Unit.METRES.format());
                    } else {
                        assertThat(format).as("%s!%s", name, column).isEqualTo(unit.format());
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isPositive();
    }

    private static Map<String, Cell> summary(XSSFWorkbook wb) {
        Map<String, Cell> values = new java.util.HashMap<>();
        for (Row row : wb.getSheet("Summary")) {
            if (row.getRowNum() > 0 && row.getCell(1) != null) {
                values.put(row.getCell(0).getStringCellValue(), row.getCell(1));
            }
        }
        return values;
    }
}
