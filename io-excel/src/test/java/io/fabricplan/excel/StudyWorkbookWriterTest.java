package io.fabricplan.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabricplan.study.OverrideValue;
import io.fabricplan.study.Scenario;
import io.fabricplan.study.ScenarioResult;
import io.fabricplan.study.StudyReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ConditionalFormattingThreshold.RangeType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFColorScaleFormatting;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study workbooks read back with POI: cells, formats, charts, conditional formats, and how they are written. */
class StudyWorkbookWriterTest {
    @TempDir
    Path dir;

    private XSSFWorkbook results(StudyReport report) throws IOException {
        Path out = dir.resolve("study.xlsx");
        StudyWorkbookWriter.writeResults(out, report);
        return open(out);
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    /** A row's cells as values: String, Double, or null for a blank. */
    private static List<Object> values(Sheet sheet, int row) {
        Row r = sheet.getRow(row);
        List<Object> values = new ArrayList<>();
        for (int c = 0; r != null && c < r.getLastCellNum(); c++) {
            values.add(value(r.getCell(c)));
        }
        return values;
    }

    private static Object value(Cell cell) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        return cell.getCellType() == CellType.NUMERIC ? (Object) cell.getNumericCellValue() : cell.getStringCellValue();
    }

    private static Object value(Sheet sheet, String header, int row) {
        Row head = sheet.getRow(0);
        for (Cell c : head) {
            if (c.getStringCellValue().equals(header)) {
                return value(sheet.getRow(row).getCell(c.getColumnIndex()));
            }
        }
        throw new AssertionError("no column " + header + " in " + values(sheet, 0));
    }

    private static String format(Sheet sheet, String header, int row) {
        int col = values(sheet, 0).indexOf(header);
        return sheet.getRow(row).getCell(col).getCellStyle().getDataFormatString();
    }

    private static List<XSSFChart> charts(XSSFSheet sheet) {
        return sheet.getDrawingPatriarch() == null ? List.of() : sheet.getDrawingPatriarch().getCharts();
    }

    private static List<String> seriesTitles(XSSFChart chart) {
        List<String> titles = new ArrayList<>();
        for (XDDFChartData data : chart.getChartSeries()) {
            for (int i = 0; i < data.getSeriesCount(); i++) {
                var tx = ((org.apache.poi.xddf.usermodel.chart.XDDFScatterChartData.Series) data.getSeries(i))
                        .getCTScatterSer().getTx();
                titles.add(tx.isSetStrRef() ? tx.getStrRef().getStrCache().getPtArray(0).getV() : tx.getV());
            }
        }
        return titles;
    }

    @Test
    void resultsHaveAHeaderAndARowPerScenarioWithNumbersInTheirUnits() throws IOException {
        try (XSSFWorkbook wb = results(StudyFixtures.sweep())) {
            Sheet sheet = wb.getSheet("Results");

            assertThat(values(sheet, 0)).containsExactly("scenario_id", "description", "pue",
                    "SwitchModels[packaging=CPO].cost_usd *", "status", "objective", "objective_value", "best_bound",
                    "relative_gap", "capex_usd", "power_w", "tco_usd", "network_kw", "least_headroom_kw",
                    "cpo_switches", "cpo_LEAF", "cpo_SPINE", "cables_DAC", "cables_DR", "rule_of_thumb_tco_usd",
                    "saving_usd", "solve_seconds", "error");
            assertThat(sheet.getLastRowNum()).isEqualTo(6);
            assertThat(values(sheet, 1)).startsWith("S1", "scenario S1", 1.3, 0.9, "OPTIMAL", "TCO");
            assertThat(value(sheet, "capex_usd", 1)).isEqualTo(1_150_000.0);
            assertThat(value(sheet, "tco_usd", 1)).isEqualTo(1_150_000.0 + 40 * 34_000.0);
            assertThat(value(sheet, "cpo_switches", 1)).isEqualTo("SPINE 32");
            assertThat(value(sheet, "cpo_SPINE", 1)).isEqualTo(32.0);
            assertThat(value(sheet, "cables_DR", 1)).isEqualTo(2048.0);
            assertThat(value(sheet, "error", 1)).isNull();
            assertThat(format(sheet, "capex_usd", 1)).isEqualTo("#,##0.00");
            assertThat(format(sheet, "objective_value", 1)).isEqualTo("#,##0.00");
            assertThat(format(sheet, "relative_gap", 1)).isEqualTo("0.000%");
            assertThat(format(sheet, "cables_DR", 1)).isEqualTo("#,##0");

            // the row without a plan: blank figures, its reason
            assertThat(values(sheet, 6)).startsWith("S6", "too little power", 1.6, 0.9, "INFEASIBLE", "TCO", null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null);
            assertThat(value(sheet, "solve_seconds", 6)).isEqualTo(0.5);
            assertThat(value(sheet, "error", 6)).isEqualTo("rack R1 needs 12.5 kW, has 10 kW");

            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(((XSSFSheet) sheet).getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:W7");
            assertThat(sheet.getColumnWidth(3)).isGreaterThan(30 * 256); // the long override header fits
        }
    }

    @Test
    void summaryStatesTheStudysInputsCountsAndWhetherItStopped() throws IOException {
        try (XSSFWorkbook wb = results(StudyFixtures.sweep())) {
            Sheet sheet = wb.getSheet("Summary");

            List<List<Object>> rows = IntStream.rangeClosed(0, sheet.getLastRowNum()).mapToObj(r -> values(sheet, r))
                    .toList();
            assertThat(rows).containsExactly(List.of("item", "value"),
                    List.of("instance", "fabric.xlsx"),
                    List.of("override_headers", "pue, SwitchModels[packaging=CPO].cost_usd *"),
                    List.of("scenarios", 8.0),
                    List.of("rows", 6.0),
                    List.of("parallel", 2.0),
                    List.of("threads_per_solve", 1.0),
                    List.of("status INFEASIBLE", 1.0),
                    List.of("status OPTIMAL", 5.0),
                    List.of("with_plan", 5.0),
                    List.of("fronts", 1.0),
                    List.of("wall_seconds", 12.5),
                    List.of("machine", "2 cores, Linux, Java 17"),
                    List.of("stopped", "YES"));
        }
    }

    @Test
    void oneNumericKeyGetsALineChartOfCapexTcoAndPowerAgainstIt() throws IOException {
        try (XSSFWorkbook wb = results(StudyFixtures.sweep())) {
            XSSFSheet sheet = wb.getSheet("Charts");

            assertThat(wb.getSheet("TCO table")).isNull();
            assertThat(values(sheet, 0)).containsExactly("pue", "capex_usd", "tco_usd", "power_w", "scenario_id");
            assertThat(IntStream.rangeClosed(1, 5).mapToObj(r -> values(sheet, r).get(0)))
                    .as("the rows with a plan, by pue").containsExactly(1.1, 1.2, 1.3, 1.4, 1.5);
            assertThat(values(sheet, 1)).containsExactly(1.1, 1_050_000.0, 1_050_000.0 + 40 * 38_000.0, 38_000.0,
                    "S2");
            assertThat(sheet.getLastRowNum()).isEqualTo(5);

            XSSFChart chart = charts(sheet).get(0);
            assertThat(charts(sheet)).hasSize(1);
            assertThat(chart.getChartSeries()).as("USD on the left axis, W on the right").hasSize(2);
            assertThat(chart.getChartSeries().stream().mapToInt(XDDFChartData::getSeriesCount).sum()).isEqualTo(3);
            assertThat(seriesTitles(chart)).containsExactly("capex_usd", "tco_usd", "power_w");
            assertThat(chart.getTitleText().getString()).isEqualTo("capex, TCO and power against pue");
            assertThat(chart.getCTChart().getPlotArea().getScatterChartArray(0).getSerArray(0).getYVal().getNumRef()
                    .getF()).isEqualTo("Charts!$B$2:$B$6");
        }
    }

    @Test
    void oneKeyThatIsNotANumberGetsNoChart() throws IOException {
        List<ScenarioResult> rows = new ArrayList<>();
        for (String packaging : List.of("PLUGGABLE", "CPO")) {
            rows.add(StudyFixtures.solved(packaging, StudyFixtures.figures(1e6, 3e4, 0),
                    StudyFixtures.override("Devices[role=SPINE].packaging", packaging)));
        }
        StudyReport report = new StudyReport("fabric.xlsx", List.of("Devices[role=SPINE].packaging"), rows,
                Map.of(), 2, 1, 1, 1, "", false);

        try (XSSFWorkbook wb = results(report)) {
            assertThat(wb.getSheet("Charts")).isNull();
            assertThat(wb.getSheet("TCO table")).isNull();
            assertThat(values(wb.getSheet("Results"), 2)).startsWith("CPO", "scenario CPO", "CPO");
        }
    }

    @Test
    void twoKeysGetATcoTableWithAThreeColourScale() throws IOException {
        try (XSSFWorkbook wb = results(StudyFixtures.grid())) {
            XSSFSheet sheet = wb.getSheet("TCO table");

            assertThat(wb.getSheet("Charts")).isNull();
            assertThat(values(sheet, 0)).containsExactly("pue \\ energy_usd_per_kwh", 0.05, 0.1, 0.15);
            assertThat(values(sheet, 1)).containsExactly(1.2, 1_200_000 + 40 * 35_000.0, 1_200_000 + 40 * 40_000.0,
                    1_200_000 + 40 * 45_000.0);
            assertThat(values(sheet, 2)).as("G6 has no plan").containsExactly(1.4, 1_400_000 + 40 * 35_000.0,
                    1_400_000 + 40 * 40_000.0, null);
            assertThat(sheet.getRow(1).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");

            var formatting = sheet.getSheetConditionalFormatting();
            assertThat(formatting.getNumConditionalFormattings()).isEqualTo(1);
            assertThat(formatting.getConditionalFormattingAt(0).getFormattingRanges()[0].formatAsString())
                    .isEqualTo("B2:D3");
            XSSFColorScaleFormatting scale = formatting.getConditionalFormattingAt(0).getRule(0)
                    .getColorScaleFormatting();
            assertThat(scale.getNumControlPoints()).isEqualTo(3);
            assertThat(Stream.of(scale.getThresholds()).map(t -> t.getRangeType()))
                    .containsExactly(RangeType.MIN, RangeType.PERCENTILE, RangeType.MAX);
            assertThat(Stream.of(scale.getColors()).map(c -> c.getARGBHex()))
                    .containsExactly("FF63BE7B", "FFFFEB84", "FFF8696B");
        }
    }

    /** A third key varying (the example study's rack budget): one coloured table per value of it. */
    @Test
    void threeKeysGetATcoTablePerValueOfTheThird() throws IOException {
        StudyReport grid = StudyFixtures.grid();
        List<ScenarioResult> rows = new ArrayList<>();
        for (String budget : List.of("20", "16")) {
            for (ScenarioResult r : grid.rows()) {
                List<OverrideValue> overrides = new ArrayList<>(r.scenario().overrides());
                overrides.add(StudyFixtures.override("Racks.power_budget_kw", budget));
                rows.add(new ScenarioResult(new Scenario(r.scenario().id() + "/" + budget, "", overrides), r.status(),
                        r.objective(), r.objectiveValue(), r.bestBound(), r.relativeGap(), r.figures(),
                        r.ruleOfThumbTcoUsd(), r.savingOverRuleOfThumbUsd(), r.solveSeconds(), r.error()));
            }
        }
        StudyReport three = new StudyReport("fabric.xlsx", List.of(StudyFixtures.PUE, StudyFixtures.ENERGY,
                "Racks.power_budget_kw"), rows, java.util.Map.of(), rows.size(), 40, 1, 2, "", false);
        try (XSSFWorkbook wb = results(three)) {
            XSSFSheet sheet = wb.getSheet("TCO table");
            assertThat(values(sheet, 0)).containsExactly("Racks.power_budget_kw = 16");
            assertThat(values(sheet, 1)).containsExactly("pue \\ energy_usd_per_kwh", 0.05, 0.1, 0.15);
            assertThat(values(sheet, 5)).containsExactly("Racks.power_budget_kw = 20");
            var formatting = sheet.getSheetConditionalFormatting();
            assertThat(formatting.getNumConditionalFormattings()).isEqualTo(2);
            assertThat(formatting.getConditionalFormattingAt(0).getFormattingRanges()[0].formatAsString())
                    .isEqualTo("B3:D4");
            assertThat(formatting.getConditionalFormattingAt(1).getFormattingRanges()[0].formatAsString())
                    .isEqualTo("B8:D9");
        }
    }

    @Test
    void eachFrontGetsAScatterChartOnTheFrontsSheet() throws IOException {
        try (XSSFWorkbook wb = results(StudyFixtures.sweep())) {
            XSSFSheet sheet = wb.getSheet("Fronts");

            assertThat(values(sheet, 0).get(0)).asString().startsWith("S3: Pareto front of capex_usd and power_w, "
                    + "4 points, not exact: hypervolume gap 1.20%, 9 solves");
            assertThat(values(sheet, 1)).startsWith("capex_usd", "power_w", "tco_usd", "status", "knee");
            assertThat(values(sheet, 3)).startsWith(1_100_000.0, 36_000.0);
            XSSFChart chart = charts(sheet).get(0);
            assertThat(charts(sheet)).hasSize(1);
            assertThat(seriesTitles(chart)).containsExactly("knee", "plans");
            assertThat(chart.getCTChart().getPlotArea().getScatterChartArray(0).getScatterStyle().getVal().toString())
                    .isEqualTo("marker");
        }
    }

    @Test
    void frontWorkbookHasARowPerPointTheKneeHighlightedASummaryAndAChart() throws IOException {
        Path out = dir.resolve("front.xlsx");

        StudyWorkbookWriter.writeFront(out, StudyFixtures.front(), "fabric.xlsx");

        try (XSSFWorkbook wb = open(out)) {
            XSSFSheet sheet = wb.getSheet("Front");
            assertThat(wb.getNumberOfSheets()).isEqualTo(1);
            assertThat(values(sheet, 0)).containsExactly("capex_usd", "power_w", "tco_usd", "status", "knee",
                    "cpo_switches", "cpo_LEAF", "cpo_SPINE", "cables_DAC", "cables_DR", "least_headroom_kw");
            assertThat(values(sheet, 2)).containsExactly(1_100_000.0, 36_000.0, 1_100_000 + 40 * 36_000.0,
                    "OPTIMAL", "YES", "SPINE 16", 0.0, 16.0, 512.0, 2048.0, 2.5 - 0.36);
            assertThat(values(sheet, 1).get(4)).isEqualTo("NO");
            assertThat(sheet.getRow(2).getCell(0).getCellStyle().getFillPattern())
                    .isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(sheet.getRow(2).getCell(0).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(sheet.getRow(1).getCell(0).getCellStyle().getFillPattern()).isEqualTo(FillPatternType.NO_FILL);

            List<List<Object>> below = IntStream.rangeClosed(5, sheet.getLastRowNum()).mapToObj(r -> values(sheet, r))
                    .filter(r -> !r.isEmpty()).toList();
            assertThat(below).startsWith(List.of("instance", "fabric.xlsx"),
                    List.of("front", "capex_usd against power_w"),
                    List.of("points", 4.0),
                    List.of("exact", "NO"),
                    List.of("hypervolume_gap", 0.012),
                    List.of("solves", 9.0),
                    List.of("seconds", 42.5),
                    List.of("open_regions", 1.0),
                    List.of("power_w from", "power_w to", "capex_usd at least"),
                    List.of(31_500.0, 33_000.0, 1_350_000.0));

            XSSFChart chart = charts(sheet).get(0);
            assertThat(seriesTitles(chart)).containsExactly("knee", "plans");
            var plot = chart.getCTChart().getPlotArea();
            assertThat(plot.getValAxArray()).extracting(a -> a.getTitle().getTx().getRich().getPArray(0).getRArray(0)
                    .getT()).containsExactly("capex_usd", "power_w");
            assertThat(plot.getScatterChartArray(0).getSerArray(1).getXVal().getNumRef().getF())
                    .isEqualTo("Front!$A$2:$A$5");
        }
    }

    @Test
    void writtenFileIsAnXlsxAndNothingIsLeftBesideIt() throws IOException {
        Path out = dir.resolve("study.xlsx");

        StudyWorkbookWriter.writeResults(out, StudyFixtures.sweep());

        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(out))) {
            assertThat(FileMagic.valueOf(in)).isEqualTo(FileMagic.OOXML);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
        assertThat(InstanceWorkbookReader.read(out).problems()).as("the reader's safety checks pass it")
                .noneMatch(p -> p.where().equals("study.xlsx"));
    }

    @Test
    void existingOutputIsReplacedWhole() throws IOException {
        Path out = Files.writeString(dir.resolve("study.xlsx"), "an older file");

        StudyWorkbookWriter.writeResults(out, StudyFixtures.grid());

        try (XSSFWorkbook wb = open(out)) {
            assertThat(wb.getSheet("TCO table")).isNotNull();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void writeThatFailsLeavesWhatWasThereAndNoTemporaryFile() throws IOException {
        Path out = Files.createDirectory(dir.resolve("study.xlsx"));
        Path inside = Files.writeString(out.resolve("keep.txt"), "kept");

        assertThatThrownBy(() -> StudyWorkbookWriter.writeFront(out, StudyFixtures.front(), "fabric.xlsx"))
                .isInstanceOf(IOException.class);

        assertThat(inside).hasContent("kept");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void instanceWorkbookIsNeverWrittenOver() throws IOException {
        Path instance = TestWorkbook.valid().write(dir.resolve("fabric.xlsx"));
        String before = TestWorkbook.sha256(instance);
        StudyReport report = StudyFixtures.sweep();
        StudyReport named = new StudyReport(instance.toString(), report.overrideHeaders(), report.rows(),
                report.fronts(), report.scenarioCount(), report.wallSeconds(), report.parallel(),
                report.threadsPerSolve(), report.machine(), report.stopped());

        assertThatThrownBy(() -> StudyWorkbookWriter.writeResults(instance, named))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("would overwrite the instance workbook").hasMessageContaining("Maybe");
        assertThatThrownBy(() -> StudyWorkbookWriter.writeFront(dir.resolve("./fabric.xlsx"), StudyFixtures.front(),
                instance.toString())).isInstanceOf(IllegalArgumentException.class);
        assertThat(TestWorkbook.sha256(instance)).isEqualTo(before);
    }

    @Test
    void textLongerThanACellHoldsIsCutSayingSo() throws IOException {
        String report = "x".repeat(40_000);
        StudyReport study = new StudyReport("fabric.xlsx", List.of(), List.of(ScenarioResult.failed(
                new Scenario("S1", "", List.<OverrideValue>of()), "INVALID", "TCO", 1, report)), Map.of(), 1, 1, 1, 1, "",
                false);

        try (XSSFWorkbook wb = results(study)) {
            String error = (String) value(wb.getSheet("Results"), "error", 1);
            assertThat(error).hasSizeLessThanOrEqualTo(32_767).endsWith(" more characters)")
                    .contains("... (7,297 more characters)");
        }
    }
}
