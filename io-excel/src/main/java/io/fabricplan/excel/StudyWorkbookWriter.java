package io.fabricplan.excel;

import io.fabricplan.study.FrontPoint;
import io.fabricplan.study.FrontReport;
import io.fabricplan.study.OverrideValue;
import io.fabricplan.study.PlanFigures;
import io.fabricplan.study.ScenarioResult;
import io.fabricplan.study.StudyReport;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ConditionalFormattingThreshold.RangeType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFColorScaleFormatting;
import org.apache.poi.xssf.usermodel.XSSFConditionalFormattingRule;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFSheetConditionalFormatting;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the workbooks of a trade-off study: the results of a study ({@link #writeResults}: a row per scenario,
 * a summary, and native Excel charts of what varies) and a Pareto front alone ({@link #writeFront}). Numbers are
 * numeric cells in their unit's format, blank where there is none. Each workbook is built in memory (a study has
 * rows by the thousand, not the million) and written atomically: the target is replaced only by a complete file,
 * and the instance workbook is never written.
 */
public final class StudyWorkbookWriter {
    static final String RESULTS = "Results";
    static final String SUMMARY = "Summary";
    static final String CHARTS = "Charts";
    static final String TCO_TABLE = "TCO table";
    static final String FRONTS = "Fronts";
    static final String FRONT = "Front";
    /** Rows a chart takes, and columns, at the default row height and column width. */
    private static final int CHART_ROWS = 22;
    private static final int CHART_COLS = 10;

    private StudyWorkbookWriter() {
    }

    /**
     * Writes a study's results workbook: sheet {@code Results} (a row per scenario run: its overrides, status,
     * objective, totals, CPO switches by role, cables by optic kind, the rule of thumb and the saving over it, an
     * error where there is no plan), sheet {@code Summary} (the study's inputs, counts by status, time, machine),
     * and charts of what varies: when exactly one override varies, and numerically, sheet {@code Charts} draws
     * capex, TCO and power against it; when exactly two vary, sheet {@code TCO table} crosses them, coloured from
     * the lowest TCO (green) to the highest (red); sheet {@code Fronts} draws each Pareto front.
     *
     * @throws IllegalArgumentException when {@code out} is the instance workbook
     * @throws IOException              when the file cannot be written; {@code out} is then as it was
     */
    public static void writeResults(Path out, StudyReport report) throws IOException {
        Objects.requireNonNull(report, "report");
        refuseInput(out, report.instanceName());
        write(out, workbook -> {
            CellStyles styles = new CellStyles(workbook);
            results(styles, report);
            summary(styles, report);
            List<String> varying = varying(report);
            if (varying.size() == 1 && numeric(report, varying.get(0))) {
                sweep(styles, report, varying.get(0));
            } else if (varying.size() >= 2) {
                tcoTable(styles, report, varying.get(0), varying.get(1), varying.subList(2, varying.size()));
            }
            if (!report.fronts().isEmpty()) {
                fronts(styles, report);
            }
        });
    }

    /**
     * Writes a Pareto front's workbook, sheet {@code Front}: a row per point (its two totals, named by them, the
     * third total, status, the knee marked YES and highlighted, CPO switches by role, cables by optic kind, the
     * least rack headroom), a summary block below it (exactness, hypervolume gap, solves, time, and each region
     * left open with its bound) and a scatter chart of the points beside it.
     *
     * @throws IllegalArgumentException when {@code out} is the instance workbook
     * @throws IOException              when the file cannot be written; {@code out} is then as it was
     */
    public static void writeFront(Path out, FrontReport front, String instanceName) throws IOException {
        Objects.requireNonNull(front, "front");
        refuseInput(out, instanceName);
        write(out, workbook -> {
            CellStyles styles = new CellStyles(workbook);
            Grid grid = new Grid(styles, workbook.createSheet(FRONT));
            int end = frontBlock(grid, 0, front, "Pareto front of " + total(front.xTotal()) + " and "
                    + total(front.yTotal()), true);
            grid.sheet.createFreezePane(0, 1);
            int r = end + 1;
            r = grid.pair(r, "instance", instanceName);
            r = frontSummary(grid, r, front);
            grid.finish();
            landscape(grid.sheet, false);
        });
    }

    // ---------------------------------------------------------------- Results and Summary

    private static void results(CellStyles styles, StudyReport report) {
        Set<String> roles = new TreeSet<>();
        Set<String> kinds = new TreeSet<>();
        for (ScenarioResult r : report.rows()) {
            if (r.hasPlan()) {
                roles.addAll(r.figures().cpoSwitchesByRole().keySet());
                kinds.addAll(r.figures().cablesByKind().keySet());
            }
        }
        List<String> headers = new ArrayList<>(List.of("scenario_id", "description"));
        headers.addAll(report.overrideHeaders());
        headers.addAll(List.of("status", "objective", "objective_value", "best_bound", "relative_gap", "capex_usd",
                "power_w", "tco_usd", "network_kw", "least_headroom_kw", "cpo_switches"));
        roles.forEach(role -> headers.add("cpo_" + role));
        kinds.forEach(kind -> headers.add("cables_" + kind));
        headers.addAll(List.of("rule_of_thumb_tco_usd", "saving_usd", "solve_seconds", "error"));
        Map<String, CellStyles.Unit> units = new HashMap<>(Map.of("relative_gap", CellStyles.Unit.GAP,
                "capex_usd", CellStyles.Unit.USD, "power_w", CellStyles.Unit.WATTS, "tco_usd", CellStyles.Unit.USD,
                "network_kw", CellStyles.Unit.KW, "least_headroom_kw", CellStyles.Unit.KW,
                "rule_of_thumb_tco_usd", CellStyles.Unit.USD, "saving_usd", CellStyles.Unit.USD,
                "solve_seconds", CellStyles.Unit.SECONDS));
        roles.forEach(role -> units.put("cpo_" + role, CellStyles.Unit.COUNT));
        kinds.forEach(kind -> units.put("cables_" + kind, CellStyles.Unit.COUNT));

        SheetWriter w = new SheetWriter(styles, RESULTS, headers, units);
        for (ScenarioResult r : report.rows()) {
            w.newRow().text(cellText(r.scenario().id())).text(cellText(r.scenario().description()));
            for (String header : report.overrideHeaders()) {
                OverrideValue o = override(r, header);
                if (o == null) {
                    w.blank();
                } else if (Double.isFinite(o.number())) {
                    w.number(o.number(), null);
                } else {
                    w.text(cellText(o.text()));
                }
            }
            CellStyles.Unit objectiveUnit = objectiveUnit(r.objective());
            w.text(r.status()).text(r.objective()).number(r.objectiveValue(), objectiveUnit)
                    .number(r.bestBound(), objectiveUnit).number(r.relativeGap());
            PlanFigures f = r.figures();
            if (f == null) {
                w.blank().blank().blank().blank().blank().blank();
                roles.forEach(role -> w.blank());
                kinds.forEach(kind -> w.blank());
            } else {
                w.number(f.capexUsd()).number(f.powerW()).number(f.tcoUsd()).number(f.networkKw())
                        .number(f.leastHeadroomKw()).text(f.describeCpo());
                roles.forEach(role -> count(w, f.cpoSwitchesByRole().get(role)));
                kinds.forEach(kind -> count(w, f.cablesByKind().get(kind)));
            }
            w.number(r.ruleOfThumbTcoUsd()).number(r.savingOverRuleOfThumbUsd()).number(r.solveSeconds())
                    .text(cellText(r.error()));
        }
        w.finish();
        w.sheet().setAutoFilter(new CellRangeAddress(0, Math.max(1, report.rows().size()), 0, headers.size() - 1));
        landscape(w.sheet(), true);
    }

    private static void count(SheetWriter w, Number n) {
        if (n == null) {
            w.blank();
        } else {
            w.whole(n.longValue());
        }
    }

    private static CellStyles.Unit objectiveUnit(String objective) {
        return switch (objective.toUpperCase(Locale.ROOT)) {
            case "COST", "TCO" -> CellStyles.Unit.USD;
            case "POWER" -> CellStyles.Unit.WATTS;
            default -> null;
        };
    }

    /** The row's override of the header (the last, should a scenario set it twice); null when it has none. */
    private static OverrideValue override(ScenarioResult r, String header) {
        OverrideValue found = null;
        for (OverrideValue o : r.scenario().overrides()) {
            if (o.target().header().equals(header)) {
                found = o;
            }
        }
        return found;
    }

    private static void summary(CellStyles styles, StudyReport report) {
        SheetWriter w = new SheetWriter(styles, SUMMARY, List.of("item", "value"), Map.of());
        w.newRow().text("instance").text(cellText(report.instanceName()));
        w.newRow().text("override_headers").text(report.overrideHeaders().isEmpty() ? "none"
                : cellText(String.join(", ", report.overrideHeaders())));
        w.newRow().text("scenarios").whole(report.scenarioCount());
        w.newRow().text("rows").whole(report.rows().size());
        w.newRow().text("parallel").whole(report.parallel());
        w.newRow().text("threads_per_solve").whole(report.threadsPerSolve());
        Map<String, Integer> byStatus = new TreeMap<>();
        report.rows().forEach(r -> byStatus.merge(r.status(), 1, Integer::sum));
        byStatus.forEach((status, n) -> w.newRow().text("status " + status).whole(n));
        w.newRow().text("with_plan").whole(report.rows().stream().filter(ScenarioResult::hasPlan).count());
        w.newRow().text("fronts").whole(report.fronts().size());
        w.newRow().text("wall_seconds").number(report.wallSeconds(), CellStyles.Unit.SECONDS);
        w.newRow().text("machine").text(cellText(report.machine()));
        w.newRow().text("stopped").yesNo(report.stopped());
        w.finish();
    }

    // ---------------------------------------------------------------- what varies

    /** OverrideValue headers that take two or more values over the rows, in the study's order. */
    static List<String> varying(StudyReport report) {
        List<String> varying = new ArrayList<>();
        for (String header : report.overrideHeaders()) {
            Set<String> values = new LinkedHashSet<>();
            for (ScenarioResult r : report.rows()) {
                OverrideValue o = override(r, header);
                if (o != null) {
                    values.add(o.text().strip());
                }
            }
            if (values.size() >= 2) {
                varying.add(header);
            }
        }
        return varying;
    }

    /** Whether every row that sets the header sets a number. */
    private static boolean numeric(StudyReport report, String header) {
        return report.rows().stream().map(r -> override(r, header))
                .allMatch(o -> o == null || Double.isFinite(o.number()));
    }

    /** The Charts sheet: the rows with a plan and a value of the key, by the key, and a chart of them. */
    private static void sweep(CellStyles styles, StudyReport report, String key) {
        List<ScenarioResult> points = report.rows().stream()
                .filter(r -> r.hasPlan() && override(r, key) != null)
                .sorted(Comparator.comparingDouble(r -> override(r, key).number()))
                .toList();
        if (points.size() < 2) {
            return;
        }
        Grid grid = new Grid(styles, styles.workbook().createSheet(CHARTS));
        List<String> headers = List.of(key, "capex_usd", "tco_usd", "power_w", "scenario_id");
        grid.header(0, 0, headers);
        int r = 1;
        for (ScenarioResult p : points) {
            grid.number(r, 0, override(p, key).number(), null);
            grid.number(r, 1, p.figures().capexUsd(), CellStyles.Unit.USD);
            grid.number(r, 2, p.figures().tcoUsd(), CellStyles.Unit.USD);
            grid.number(r, 3, p.figures().powerW(), CellStyles.Unit.WATTS);
            grid.text(r++, 4, p.scenario().id());
        }
        int col = headers.size() + 1;
        StudyCharts.sweep((XSSFSheet) grid.sheet, grid.cover(new StudyCharts.Place(col, 0, col + CHART_COLS + 2,
                CHART_ROWS + 4)), key, 1, points.size(), 0, 1, 2, 3);
        grid.sheet.createFreezePane(0, 1);
        grid.finish();
        landscape(grid.sheet, false);
    }

    /**
     * The TCO table sheet: rows the first key's values, columns the second's, each cell the TCO of the first row
     * with both values and a plan (blank without one), coloured on a three-colour scale; with more keys varying,
     * one such table for each combination of their values, one below the other, each coloured on its own.
     */
    private static void tcoTable(CellStyles styles, StudyReport report, String first, String second,
                                 List<String> rest) {
        List<OverrideValue> rowKeys = keyValues(report, first);
        List<OverrideValue> colKeys = keyValues(report, second);
        Grid grid = new Grid(styles, styles.workbook().createSheet(TCO_TABLE));
        XSSFSheetConditionalFormatting cf = ((XSSFSheet) grid.sheet).getSheetConditionalFormatting();
        int top = 0;
        for (List<OverrideValue> others : combinations(report, rest)) {
            if (!rest.isEmpty()) {
                StringBuilder title = new StringBuilder();
                for (int k = 0; k < rest.size(); k++) {
                    title.append(k == 0 ? "" : ", ").append(rest.get(k)).append(" = ").append(others.get(k).text());
                }
                grid.header(top++, 0, List.of(title.toString()));
            }
            grid.header(top, 0, List.of(first + " \\ " + second));
            for (int c = 0; c < colKeys.size(); c++) {
                grid.key(top, c + 1, colKeys.get(c)).setCellStyle(styles.header());
            }
            for (int i = 0; i < rowKeys.size(); i++) {
                grid.key(top + i + 1, 0, rowKeys.get(i)).setCellStyle(styles.header());
                for (int c = 0; c < colKeys.size(); c++) {
                    double tco = tcoOf(report, first, rowKeys.get(i), second, colKeys.get(c), rest, others);
                    grid.number(top + i + 1, c + 1, tco, CellStyles.Unit.USD);
                }
            }
            XSSFConditionalFormattingRule rule = cf.createConditionalFormattingColorScaleRule();
            XSSFColorScaleFormatting scale = rule.getColorScaleFormatting();
            scale.getThresholds()[0].setRangeType(RangeType.MIN);
            scale.getThresholds()[1].setRangeType(RangeType.PERCENTILE);
            scale.getThresholds()[1].setValue(50d);
            scale.getThresholds()[2].setRangeType(RangeType.MAX);
            scale.setColors(new XSSFColor[] {rgb(0x63BE7B), rgb(0xFFEB84), rgb(0xF8696B)});
            cf.addConditionalFormatting(new CellRangeAddress[] {new CellRangeAddress(top + 1, top + rowKeys.size(),
                    1, colKeys.size())}, rule);
            top += rowKeys.size() + 2;
        }
        grid.note(top, 0, "tco_usd of the scenario with these values; blank: no such scenario, or no plan. "
                + "Green is the lowest TCO, red the highest" + (rest.isEmpty() ? "." : ", within each table."));
        grid.sheet.createFreezePane(1, rest.isEmpty() ? 1 : 0);
        grid.finish();
        landscape(grid.sheet, false);
    }

    /** Every combination of the keys' values that the rows take, in the keys' value order; one empty without keys. */
    private static List<List<OverrideValue>> combinations(StudyReport report, List<String> keys) {
        List<List<OverrideValue>> out = new ArrayList<>();
        out.add(List.of());
        for (String key : keys) {
            List<List<OverrideValue>> next = new ArrayList<>();
            for (List<OverrideValue> partial : out) {
                for (OverrideValue v : keyValues(report, key)) {
                    List<OverrideValue> more = new ArrayList<>(partial);
                    more.add(v);
                    next.add(more);
                }
            }
            out = next;
        }
        return out;
    }

    /** The header's distinct values over the rows: by number when all are numbers, else as first met. */
    private static List<OverrideValue> keyValues(StudyReport report, String header) {
        Map<String, OverrideValue> byText = new LinkedHashMap<>();
        for (ScenarioResult r : report.rows()) {
            OverrideValue o = override(r, header);
            if (o != null) {
                byText.putIfAbsent(o.text().strip(), o);
            }
        }
        List<OverrideValue> values = new ArrayList<>(byText.values());
        if (values.stream().allMatch(o -> Double.isFinite(o.number()))) {
            values.sort(Comparator.comparingDouble(OverrideValue::number));
        }
        return values;
    }

    private static double tcoOf(StudyReport report, String first, OverrideValue a, String second, OverrideValue b,
                                List<String> rest, List<OverrideValue> others) {
        for (ScenarioResult r : report.rows()) {
            if (r.hasPlan() && same(override(r, first), a) && same(override(r, second), b)
                    && sameRest(r, rest, others)) {
                return r.figures().tcoUsd();
            }
        }
        return Double.NaN;
    }

    private static boolean sameRest(ScenarioResult r, List<String> rest, List<OverrideValue> others) {
        for (int k = 0; k < rest.size(); k++) {
            if (!same(override(r, rest.get(k)), others.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(OverrideValue value, OverrideValue key) {
        return value != null && value.text().strip().equals(key.text().strip());
    }

    // ---------------------------------------------------------------- fronts

    /** The Fronts sheet: each front's table, a line about it and its chart, one below the other. */
    private static void fronts(CellStyles styles, StudyReport report) {
        Grid grid = new Grid(styles, styles.workbook().createSheet(FRONTS));
        List<String> ids = new ArrayList<>();
        report.rows().forEach(r -> {
            if (report.fronts().containsKey(r.scenario().id()) && !ids.contains(r.scenario().id())) {
                ids.add(r.scenario().id());
            }
        });
        new TreeSet<>(report.fronts().keySet()).forEach(id -> {
            if (!ids.contains(id)) {
                ids.add(id);
            }
        });
        int r = 0;
        for (String id : ids) {
            FrontReport front = report.fronts().get(id);
            grid.note(r, 0, id + ": Pareto front of " + total(front.xTotal()) + " and " + total(front.yTotal())
                    + ", " + front.points().size() + " points, " + (front.exact() ? "exact"
                    : "not exact: hypervolume gap " + String.format(Locale.ROOT, "%.2f%%", front.hypervolumeGap() * 100))
                    + ", " + front.solves() + " solves").setCellStyle(styles.header());
            r = frontBlock(grid, r + 1, front, id + ": Pareto front", false) + 1;
        }
        grid.finish();
        landscape(grid.sheet, true);
    }

    /**
     * A front's table at row {@code top} (header, then a row per point, the knee highlighted) and its chart to the
     * right; returns the first row below both.
     */
    private static int frontBlock(Grid grid, int top, FrontReport front, String title, boolean filter) {
        Set<String> roles = new TreeSet<>();
        Set<String> kinds = new TreeSet<>();
        front.points().forEach(p -> {
            roles.addAll(p.figures().cpoSwitchesByRole().keySet());
            kinds.addAll(p.figures().cablesByKind().keySet());
        });
        String x = total(front.xTotal());
        String y = total(front.yTotal());
        List<String> others = new ArrayList<>(List.of("capex_usd", "power_w", "tco_usd"));
        others.removeAll(List.of(x, y));
        List<String> headers = new ArrayList<>(List.of(x, y));
        headers.addAll(others);
        headers.addAll(List.of("status", "knee", "cpo_switches"));
        roles.forEach(role -> headers.add("cpo_" + role));
        kinds.forEach(kind -> headers.add("cables_" + kind));
        headers.add("least_headroom_kw");
        grid.header(top, 0, headers);
        int r = top + 1;
        int kneeRow = -1;
        for (FrontPoint p : front.points()) {
            PlanFigures f = p.figures();
            grid.highlight = p.knee();
            int c = 0;
            grid.number(r, c++, p.x(), unit(front.xTotal()));
            grid.number(r, c++, p.y(), unit(front.yTotal()));
            for (String other : others) {
                grid.number(r, c++, switch (other) {
                    case "capex_usd" -> f.capexUsd();
                    case "power_w" -> f.powerW();
                    default -> f.tcoUsd();
                }, other.equals("power_w") ? CellStyles.Unit.WATTS : CellStyles.Unit.USD);
            }
            grid.text(r, c++, p.status());
            grid.text(r, c++, p.knee() ? "YES" : "NO");
            grid.text(r, c++, f.describeCpo());
            for (String role : roles) {
                Integer n = f.cpoSwitchesByRole().get(role);
                grid.number(r, c++, n == null ? Double.NaN : n, CellStyles.Unit.COUNT);
            }
            for (String kind : kinds) {
                Long n = f.cablesByKind().get(kind);
                grid.number(r, c++, n == null ? Double.NaN : n, CellStyles.Unit.COUNT);
            }
            grid.number(r, c, f.leastHeadroomKw(), CellStyles.Unit.KW);
            grid.highlight = false;
            if (p.knee() && kneeRow < 0) {
                kneeRow = r;
            }
            r++;
        }
        if (filter) {
            grid.sheet.setAutoFilter(new CellRangeAddress(top, Math.max(top + 1, r - 1), 0, headers.size() - 1));
        }
        int chartBottom = top;
        if (!front.points().isEmpty()) {
            int col = headers.size() + 1;
            StudyCharts.front((XSSFSheet) grid.sheet, grid.cover(new StudyCharts.Place(col, top, col + CHART_COLS,
                    top + CHART_ROWS)), title, x, y, top + 1, r - 1, 0, 1, kneeRow);
            chartBottom = top + CHART_ROWS;
        }
        return Math.max(r, chartBottom) + 1;
    }

    private static int frontSummary(Grid grid, int r, FrontReport front) {
        r = grid.pair(r, "front", total(front.xTotal()) + " against " + total(front.yTotal()));
        r = grid.pair(r, "points", front.points().size());
        r = grid.pair(r, "exact", front.exact() ? "YES" : "NO");
        grid.text(r, 0, "hypervolume_gap").setCellStyle(grid.styles.header());
        grid.number(r++, 1, front.hypervolumeGap(), CellStyles.Unit.PERCENT);
        r = grid.pair(r, "solves", front.solves());
        grid.text(r, 0, "seconds").setCellStyle(grid.styles.header());
        grid.number(r++, 1, front.seconds(), CellStyles.Unit.SECONDS);
        r = grid.pair(r, "open_regions", front.openRegions().size());
        if (!front.openRegions().isEmpty()) {
            String x = total(front.xTotal());
            String y = total(front.yTotal());
            grid.header(r++, 0, List.of(y + " from", y + " to", x + " at least"));
            for (FrontReport.OpenRegion region : front.openRegions()) {
                grid.number(r, 0, region.yFrom(), unit(front.yTotal()));
                grid.number(r, 1, region.yTo(), unit(front.yTotal()));
                grid.number(r++, 2, region.xLowerBound(), unit(front.xTotal()));
            }
            grid.note(r++, 0, "In each open region no plan has " + x + " below the bound while " + y
                    + " is in [from, to).");
        }
        return r;
    }

    /** A total's column name: capex_usd, power_w, tco_usd. */
    static String total(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "capex", "capex_usd" -> "capex_usd";
            case "power", "power_w" -> "power_w";
            case "tco", "tco_usd" -> "tco_usd";
            default -> name;
        };
    }

    private static CellStyles.Unit unit(String total) {
        return switch (total(total)) {
            case "capex_usd", "tco_usd" -> CellStyles.Unit.USD;
            case "power_w" -> CellStyles.Unit.WATTS;
            default -> null;
        };
    }

    // ---------------------------------------------------------------- writing

    /** Fills a workbook. */
    @FunctionalInterface
    private interface Body {
        void fill(XSSFWorkbook workbook) throws IOException;
    }

    private static void write(Path out, Body body) throws IOException {
        Objects.requireNonNull(out, "out");
        WorkbookFiles.writeAtomically(out, stream -> {
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                body.fill(workbook);
                workbook.setActiveSheet(0);
                workbook.getSheetAt(0).setSelected(true);
                workbook.write(stream);
            }
        });
    }

    /** The instance workbook is an input: a study never writes over it. */
    private static void refuseInput(Path out, String instanceName) throws IOException {
        Objects.requireNonNull(out, "out");
        Path input;
        try {
            input = instanceName == null || instanceName.isBlank() ? null : Path.of(instanceName);
        } catch (InvalidPathException e) {
            input = null; // a name, not a file
        }
        if (input != null && WorkbookFiles.sameFile(out, input)) {
            throw new IllegalArgumentException("the study's workbook would overwrite the instance workbook "
                    + instanceName + ". Maybe write it to another file, e.g. study-results.xlsx.");
        }
    }

    /** Prints landscape, one page wide (and one page tall unless {@code tall}). */
    private static void landscape(Sheet sheet, boolean tall) {
        sheet.setFitToPage(true);
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) (tall ? 0 : 1));
    }

    /**
     * Text as a cell can hold it: at most Excel's 32,767 characters, a longer one (a checker's long report) cut,
     * saying how much was cut.
     */
    static String cellText(String text) {
        if (text == null || text.length() <= ReadLimits.EXCEL_CELL_CHARS) {
            return text;
        }
        int keep = ReadLimits.EXCEL_CELL_CHARS - 64;
        if (Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--;
        }
        return text.substring(0, keep) + " ... (" + ReadLimits.grouped(text.length() - keep) + " more characters)";
    }

    private static XSSFColor rgb(int rgb) {
        return new XSSFColor(new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb}, null);
    }

    /**
     * Cells at any place of a sheet, for the blocks a {@link SheetWriter} (one table from the top) cannot write:
     * typed cells in their unit's format, optionally highlighted, and column widths fitted to what was written.
     */
    private static final class Grid {
        private final CellStyles styles;
        private final Sheet sheet;
        private final Map<Integer, Integer> widths = new TreeMap<>();
        private final Map<CellStyles.Unit, CellStyle> highlighted = new HashMap<>();
        private CellStyle highlightedText;
        private int lastCol;
        private int lastRow;
        /** Whether cells written now are highlighted (the knee's row). */
        boolean highlight;

        Grid(CellStyles styles, Sheet sheet) {
            this.styles = styles;
            this.sheet = sheet;
        }

        Cell text(int r, int c, String value) {
            Cell cell = note(r, c, value);
            if (value != null) {
                fit(c, value.length());
            }
            return cell;
        }

        /** Text that may run over the cells to its right: it does not widen its column. */
        Cell note(int r, int c, String value) {
            Cell cell = cell(r, c);
            if (value != null && !value.isEmpty()) {
                cell.setCellValue(cellText(value));
            }
            if (highlight) {
                cell.setCellStyle(highlightedText());
            }
            return cell;
        }

        /** A number in its unit's format; NaN leaves the cell blank. */
        Cell number(int r, int c, double value, CellStyles.Unit unit) {
            Cell cell = cell(r, c);
            if (Double.isFinite(value)) {
                cell.setCellValue(value);
                fit(c, unit == null ? CellValue.numberText(value).length() : unit.width(value));
            }
            if (highlight) {
                cell.setCellStyle(unit == null ? highlightedText() : highlighted.computeIfAbsent(unit, u -> {
                    CellStyle s = styles.workbook().createCellStyle();
                    s.cloneStyleFrom(styles.of(u));
                    fill(s);
                    return s;
                }));
            } else if (unit != null) {
                cell.setCellStyle(styles.of(unit));
            }
            return cell;
        }

        /** A key's value: a number when it is one, else its text. */
        Cell key(int r, int c, OverrideValue value) {
            return Double.isFinite(value.number()) ? number(r, c, value.number(), null) : text(r, c, value.text());
        }

        void header(int r, int c, List<String> names) {
            for (int i = 0; i < names.size(); i++) {
                text(r, c + i, names.get(i)).setCellStyle(styles.header());
            }
        }

        /** A bold name and its value; returns the next row. */
        int pair(int r, String name, Object value) {
            text(r, 0, name).setCellStyle(styles.header());
            if (value instanceof Number n) {
                number(r, 1, n.doubleValue(), CellStyles.Unit.COUNT);
            } else {
                note(r, 1, value == null ? "" : value.toString());
            }
            return r + 1;
        }

        private CellStyle highlightedText() {
            if (highlightedText == null) {
                highlightedText = styles.workbook().createCellStyle();
                fill(highlightedText);
            }
            return highlightedText;
        }

        private static void fill(CellStyle style) {
            style.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }

        /** Makes the print area take in a chart's place. */
        StudyCharts.Place cover(StudyCharts.Place place) {
            lastCol = Math.max(lastCol, place.col2());
            lastRow = Math.max(lastRow, place.row2());
            return place;
        }

        private Cell cell(int r, int c) {
            lastCol = Math.max(lastCol, c);
            lastRow = Math.max(lastRow, r);
            Row row = sheet.getRow(r);
            if (row == null) {
                row = sheet.createRow(r);
            }
            Cell cell = row.getCell(c);
            return cell == null ? row.createCell(c) : cell;
        }

        private void fit(int c, int chars) {
            widths.merge(c, chars, Math::max);
        }

        /** Sets the widths of the columns written, and a print area that takes in the charts. */
        void finish() {
            widths.forEach((c, chars) -> sheet.setColumnWidth(c, Math.min(60, Math.max(8, chars + 2)) * 256));
            Workbook workbook = styles.workbook();
            workbook.setPrintArea(workbook.getSheetIndex(sheet), 0, lastCol, 0, lastRow);
        }
    }
}
