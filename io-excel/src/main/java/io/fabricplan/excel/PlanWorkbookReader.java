package io.fabricplan.excel;

import io.fabricplan.check.StatedFigures;
import io.fabricplan.model.AmplifierPlacement;
import io.fabricplan.model.DeviceAssignment;
import io.fabricplan.model.DwdmPlan;
import io.fabricplan.model.GreyRoute;
import io.fabricplan.model.Lightpath;
import io.fabricplan.model.MuxPlacement;
import io.fabricplan.model.SpanHop;
import io.fabricplan.model.WdmKind;
import io.fabricplan.model.LinkAssignment;
import io.fabricplan.model.Objective;
import io.fabricplan.model.Packaging;
import io.fabricplan.model.Plan;
import io.fabricplan.model.ReportedTotals;
import io.fabricplan.validate.InputProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Reads a plan workbook (perhaps edited by hand) back into a {@link Plan} and the {@link StatedFigures} it states.
 * The decisions: DevicePlan's device_id, model_id and rack_id into device assignments, LinkPlan's link_id,
 * optic_id, b_optic_id (when the sheet has it), a_end, b_end and count into link assignments, and the optional DwdmLightpaths, DwdmGreyRoutes and
 * DwdmPlacements into its {@link DwdmPlan}; an unreadable decision cell is a problem, reported like the instance
 * reader does. The figures: every other column of those sheets, the Summary, RackPower, BOM and DwdmSpans, each
 * with its cell, read as they stand (text in a number cell included) for the checker to compare; whether the plan
 * and its figures are right is the checker's call, not this reader's. The Summary's totals also fill
 * {@link Plan#reported()}. The file is opened read-only.
 */
public final class PlanWorkbookReader {
    private static final Schema.Columns DEVICE_PLAN = new Schema.Columns(Schema.DEVICE_PLAN_COLUMNS,
            Set.of("device_id", "model_id"));
    /** LinkPlan's columns; b_optic_id (the b end's module where it differs) may stand anywhere, or be absent. */
    private static final Schema.Columns LINK_PLAN = new Schema.Columns(Schema.linkPlanColumns(true),
            Set.of("link_id", "optic_id", "a_end", "b_end", "count"));
    private static final Schema.Columns SUMMARY = new Schema.Columns(List.of("key", "value"), Set.of("key", "value"));
    private static final Schema.Columns LIGHTPATHS = new Schema.Columns(Schema.DWDM_LIGHTPATH_COLUMNS,
            Set.of("link_id", "cable", "route", "channel", "optic_id"));
    private static final Schema.Columns GREY_ROUTES = new Schema.Columns(Schema.DWDM_GREY_ROUTE_COLUMNS,
            Set.of("link_id", "cable", "route", "optic_id"));
    private static final Schema.Columns PLACEMENTS = new Schema.Columns(Schema.DWDM_PLACEMENT_COLUMNS,
            Set.of("item_id", "kind", "span_id", "fiber_pair"));
    private static final Schema.Columns RACK_POWER = new Schema.Columns(Schema.RACK_POWER_COLUMNS,
            Set.of("rack_id"));
    private static final Schema.Columns BOM = new Schema.Columns(Schema.BOM_COLUMNS, Set.of("item_id"));
    private static final Schema.Columns SPANS = new Schema.Columns(Schema.DWDM_SPAN_COLUMNS, Set.of("span_id"));

    /** The figure columns of each sheet: the columns the checker compares rather than reads as decisions. */
    private static final List<String> LINK_FIGURES = List.of("a_device", "b_device", "gbps", "length_m", "power_w",
            "cost_usd");
    private static final List<String> DEVICE_FIGURES = List.of("packaging", "ports_used", "ports", "power_w",
            "cost_usd");
    private static final List<String> RACK_FIGURES = List.of("power_budget_kw", "base_load_kw", "network_kw",
            "total_kw", "utilization");
    /** BOM reused and bought are left out: a plan workbook written before them lacks them, and still checks. */
    private static final List<String> BOM_FIGURES = List.of("kind", "quantity", "unit_cost_usd", "total_cost_usd");
    private static final List<String> LIGHTPATH_FIGURES = List.of("frequency_thz", "osnr_db", "margin_db");
    private static final List<String> GREY_ROUTE_FIGURES = List.of("length_m");
    private static final List<String> SPAN_FIGURES = List.of("fiber_pairs_used", "dwdm_fiber_pairs",
            "channels_used", "amplifiers");

    private PlanWorkbookReader() {
    }

    /**
     * What reading a plan workbook gave.
     *
     * @param plan     the plan; null only when the file could not be read as a workbook. Rows with problems
     *                 are left out. {@code reported} is null when the workbook has no Summary sheet.
     * @param stated   the figures the workbook states, with their cells; null when {@code plan} is
     * @param problems every unreadable decision cell, missing sheet or column
     */
    public record PlanReadResult(Plan plan, StatedFigures stated, List<InputProblem> problems) {
        public PlanReadResult {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Reads the plan workbook at {@code planXlsx}; never throws for user errors. Sheets are streamed, so a plan
     * of hundreds of thousands of links reads in bounded memory.
     */
    public static PlanReadResult read(Path planXlsx) {
        return read(planXlsx, RowSources.Mode.AUTO);
    }

    /** As {@link #read(Path)}, under the given limits (see {@link ReadLimits}). */
    public static PlanReadResult read(Path planXlsx, ReadLimits limits) {
        return read(planXlsx, RowSources.Mode.AUTO, limits);
    }

    /** Reads over the given row source; tests force each. */
    static PlanReadResult read(Path planXlsx, RowSources.Mode mode) {
        return read(planXlsx, mode, ReadLimits.DEFAULTS);
    }

    static PlanReadResult read(Path planXlsx, RowSources.Mode mode, ReadLimits limits) {
        List<InputProblem> fileProblems = new ArrayList<>();
        PlanReadResult result = RowSources.read(planXlsx, mode, limits, fileProblems, source -> {
            Reading reading = new Reading(source);
            Plan plan = new Plan(reading.devices(), reading.links(), reading.totals(), reading.dwdm());
            return new PlanReadResult(plan, reading.stated(), reading.problems);
        });
        return result != null ? result : new PlanReadResult(null, null, fileProblems);
    }

    /** One read of one workbook. */
    private static final class Reading {
        private final RowSource source;
        private final List<InputProblem> problems = new ArrayList<>();
        private final List<String> ignoredWarnings = new ArrayList<>();
        private final Fields fields = new Fields(problems);
        /** Device ids of LinkPlan's a_device and b_device, one string each however many links name them. */
        private final Map<String, String> deviceIds = new HashMap<>();
        private StatedFigures.Table<StatedFigures.SummaryRow> summary;
        private StatedFigures.Table<StatedFigures.LinkRow> linkFigures;
        private StatedFigures.Table<StatedFigures.DeviceRow> deviceFigures;
        private StatedFigures.Table<StatedFigures.LightpathRow> lightpathFigures;
        private StatedFigures.Table<StatedFigures.GreyRouteRow> greyRouteFigures;
        private StatedFigures.Table<StatedFigures.MuxRow> muxFigures;

        Reading(RowSource source) {
            this.source = source;
        }

        /** The figures of the sheets read so far, and of RackPower, BOM and DwdmSpans. */
        StatedFigures stated() {
            return new StatedFigures(summary, linkFigures, deviceFigures, rackFigures(), bomFigures(),
                    lightpathFigures, greyRouteFigures, spanFigures(), muxFigures);
        }

        /** The stated table of a sheet read as {@code t} (null: the sheet is absent). */
        private <R> StatedFigures.Table<R> figures(String name, SheetTable t, List<String> figureColumns,
                                                   List<R> rows) {
            if (t == null) {
                return StatedFigures.Table.absent(name);
            }
            Map<String, Integer> columns = t.columns();
            return new StatedFigures.Table<>(name, true, figureColumns.stream().filter(c -> !t.has(c)).toList(),
                    rows, (row, column) -> SheetTable.ref(name, columns, row, column));
        }

        private StatedFigures.Table<StatedFigures.RackRow> rackFigures() {
            List<StatedFigures.RackRow> rows = new ArrayList<>();
            SheetTable t = table(Schema.RACK_POWER, RACK_POWER, false, (table, r) -> {
                Cells c = new Cells(table, r);
                rows.add(new StatedFigures.RackRow(r.index() + 1, c.text("rack_id"), c.number("power_budget_kw"),
                        c.number("base_load_kw"), c.number("network_kw"), c.number("total_kw"),
                        c.number("utilization"), c.notNumbers()));
            });
            return figures(Schema.RACK_POWER, t, RACK_FIGURES, rows);
        }

        private StatedFigures.Table<StatedFigures.BomRow> bomFigures() {
            List<StatedFigures.BomRow> rows = new ArrayList<>();
            SheetTable t = table(Schema.BOM, BOM, false, (table, r) -> {
                Cells c = new Cells(table, r);
                // reused and bought stay NaN in a plan workbook written before them, which lacks the columns
                rows.add(new StatedFigures.BomRow(r.index() + 1, c.text("item_id"), c.text("kind"),
                        c.number("quantity"), c.number("unit_cost_usd"), c.number("total_cost_usd"),
                        c.number("reused"), c.number("bought"), c.notNumbers()));
            });
            return figures(Schema.BOM, t, BOM_FIGURES, rows);
        }

        private StatedFigures.Table<StatedFigures.SpanRow> spanFigures() {
            List<StatedFigures.SpanRow> rows = new ArrayList<>();
            SheetTable t = table(Schema.DWDM_SPANS, SPANS, false, (table, r) -> {
                Cells c = new Cells(table, r);
                rows.add(new StatedFigures.SpanRow(r.index() + 1, c.text("span_id"), c.number("fiber_pairs_used"),
                        c.number("dwdm_fiber_pairs"), c.number("channels_used"), c.number("amplifiers"),
                        c.notNumbers()));
            });
            return figures(Schema.DWDM_SPANS, t, SPAN_FIGURES, rows);
        }

        /** Reads a sheet's rows to {@code rows}; null when it is absent (reported when required). */
        private SheetTable table(String name, Schema.Columns columns, boolean required,
                                 BiConsumer<SheetTable, SheetRow> rows) {
            String sheet = source.sheet(name);
            if (sheet == null) {
                if (required) {
                    problems.add(new InputProblem(name, "sheet \"" + name + "\" is missing",
                            "read a plan workbook written by `fabricplan solve`, or add the sheet."));
                }
                return null;
            }
            // Result sheets may carry extra columns a planner adds while reviewing; they are not the plan's.
            return SheetTable.read(source, sheet, name, columns, problems, ignoredWarnings, rows);
        }

        List<DeviceAssignment> devices() {
            List<DeviceAssignment> out = new ArrayList<>();
            List<StatedFigures.DeviceRow> figureRows = new ArrayList<>();
            SheetTable sheet = table(Schema.DEVICE_PLAN, DEVICE_PLAN, true, (t, r) -> {
                if (!t.has("device_id")) {
                    return;
                }
                String id = fields.text(t.value(r, "device_id"), t.ref(r, "device_id"), "device_id", true);
                if (!id.isEmpty()) {
                    Cells c = new Cells(t, r);
                    figureRows.add(new StatedFigures.DeviceRow(r.index() + 1, out.size(), id, c.text("packaging"),
                            c.number("ports_used"), c.number("ports"), c.number("power_w"), c.number("cost_usd"),
                            c.notNumbers()));
                    out.add(new DeviceAssignment(id, optionalText(t, r, "model_id"), optionalText(t, r, "rack_id")));
                }
            });
            deviceFigures = figures(Schema.DEVICE_PLAN, sheet, DEVICE_FIGURES, figureRows);
            return out;
        }

        List<LinkAssignment> links() {
            List<LinkAssignment> out = new ArrayList<>();
            List<StatedFigures.LinkRow> figureRows = new ArrayList<>();
            SheetTable sheet = table(Schema.LINK_PLAN, LINK_PLAN, true, (t, r) -> {
                if (!LINK_PLAN.required().stream().allMatch(t::has)) {
                    return;
                }
                int before = problems.size();
                String linkId = fields.text(t.value(r, "link_id"), t.ref(r, "link_id"), "link_id", true);
                String opticId = fields.text(t.value(r, "optic_id"), t.ref(r, "optic_id"), "optic_id", true);
                Packaging a = fields.choice(t.value(r, "a_end"), t.ref(r, "a_end"), "a_end", Packaging.class, true,
                        null);
                Packaging b = fields.choice(t.value(r, "b_end"), t.ref(r, "b_end"), "b_end", Packaging.class, true,
                        null);
                int count = fields.whole(t.value(r, "count"), t.ref(r, "count"), "count", true, 0);
                // blank (or absent) when both ends carry optic_id; an unknown id is the checker's, at this cell
                String bOpticId = optionalText(t, r, Schema.B_OPTIC_ID);
                // A row with an unreadable cell is reported and left out; the checker then reports the link short.
                if (problems.size() == before) {
                    Cells c = new Cells(t, r);
                    figureRows.add(new StatedFigures.LinkRow(r.index() + 1, out.size(), deviceId(c.text("a_device")),
                            deviceId(c.text("b_device")), c.number("gbps"), c.number("length_m"),
                            c.number("power_w"), c.number("cost_usd"), c.notNumbers()));
                    out.add(new LinkAssignment(linkId, opticId, a, b, count, bOpticId));
                }
            });
            linkFigures = figures(Schema.LINK_PLAN, sheet, LINK_FIGURES, figureRows);
            return out;
        }

        private String deviceId(String id) {
            return id == null ? null : deviceIds.computeIfAbsent(id, k -> k);
        }

        DwdmPlan dwdm() {
            List<Lightpath> lightpaths = new ArrayList<>();
            List<StatedFigures.LightpathRow> lightpathRows = new ArrayList<>();
            SheetTable lightpathSheet = table(Schema.DWDM_LIGHTPATHS, LIGHTPATHS, false, (t, r) -> {
                if (!LIGHTPATHS.required().stream().allMatch(t::has)) {
                    return;
                }
                int before = problems.size();
                String linkId = fields.text(t.value(r, "link_id"), t.ref(r, "link_id"), "link_id", true);
                int cable = fields.whole(t.value(r, "cable"), t.ref(r, "cable"), "cable", true, 0);
                List<SpanHop> route = route(t, r);
                int channel = fields.whole(t.value(r, "channel"), t.ref(r, "channel"), "channel", true, 0);
                String opticId = fields.text(t.value(r, "optic_id"), t.ref(r, "optic_id"), "optic_id", true);
                if (problems.size() == before) {
                    Cells c = new Cells(t, r);
                    lightpathRows.add(new StatedFigures.LightpathRow(r.index() + 1, lightpaths.size(),
                            c.number("frequency_thz"), c.number("osnr_db"), c.number("margin_db"), c.notNumbers()));
                    lightpaths.add(new Lightpath(linkId, cable, opticId, route, channel));
                }
            });
            lightpathFigures = figures(Schema.DWDM_LIGHTPATHS, lightpathSheet, LIGHTPATH_FIGURES, lightpathRows);
            List<GreyRoute> greys = new ArrayList<>();
            List<StatedFigures.GreyRouteRow> greyRows = new ArrayList<>();
            SheetTable greySheet = table(Schema.DWDM_GREY_ROUTES, GREY_ROUTES, false, (t, r) -> {
                if (!GREY_ROUTES.required().stream().allMatch(t::has)) {
                    return;
                }
                int before = problems.size();
                String linkId = fields.text(t.value(r, "link_id"), t.ref(r, "link_id"), "link_id", true);
                int cable = fields.whole(t.value(r, "cable"), t.ref(r, "cable"), "cable", true, 0);
                List<SpanHop> route = route(t, r);
                String opticId = fields.text(t.value(r, "optic_id"), t.ref(r, "optic_id"), "optic_id", true);
                if (problems.size() == before) {
                    Cells c = new Cells(t, r);
                    greyRows.add(new StatedFigures.GreyRouteRow(r.index() + 1, greys.size(), c.number("length_m"),
                            c.notNumbers()));
                    greys.add(new GreyRoute(linkId, cable, opticId, route));
                }
            });
            greyRouteFigures = figures(Schema.DWDM_GREY_ROUTES, greySheet, GREY_ROUTE_FIGURES, greyRows);
            List<MuxPlacement> muxes = new ArrayList<>();
            List<AmplifierPlacement> amplifiers = new ArrayList<>();
            List<StatedFigures.MuxRow> muxRows = new ArrayList<>();
            SheetTable placementSheet = table(Schema.DWDM_PLACEMENTS, PLACEMENTS, false, (t, r) -> {
                if (!PLACEMENTS.required().stream().allMatch(t::has)) {
                    return;
                }
                int before = problems.size();
                String item = fields.text(t.value(r, "item_id"), t.ref(r, "item_id"), "item_id", true);
                WdmKind kind = fields.choice(t.value(r, "kind"), t.ref(r, "kind"), "kind", WdmKind.class, true, null);
                String span = fields.text(t.value(r, "span_id"), t.ref(r, "span_id"), "span_id", true);
                int pair = fields.whole(t.value(r, "fiber_pair"), t.ref(r, "fiber_pair"), "fiber_pair", true, 0);
                if (kind == WdmKind.MUX) {
                    // A MUX placement is one MUX/DEMUX pair: its count is a figure the checker compares with 1.
                    String site = t.has("site_id") ? fields.text(t.value(r, "site_id"), t.ref(r, "site_id"),
                            "site_id", true) : "";
                    if (problems.size() == before) {
                        Cells c = new Cells(t, r);
                        muxRows.add(new StatedFigures.MuxRow(r.index() + 1, muxes.size(), c.number("count"),
                                c.notNumbers()));
                        muxes.add(new MuxPlacement(site, span, pair, item));
                    }
                    return;
                }
                int count = t.has("count") ? fields.whole(t.value(r, "count"), t.ref(r, "count"), "count", false, 1)
                        : 1;
                if (problems.size() == before) {
                    amplifiers.add(new AmplifierPlacement(span, pair, item, count));
                }
            });
            muxFigures = figures(Schema.DWDM_PLACEMENTS, placementSheet, List.of(), muxRows);
            return new DwdmPlan(lightpaths, greys, amplifiers, muxes);
        }

        /** A route cell such as {@code s1#0>s2#1}; empty and a problem when it does not parse. */
        private List<SpanHop> route(SheetTable t, SheetRow r) {
            String text = fields.text(t.value(r, "route"), t.ref(r, "route"), "route", true);
            try {
                return SpanHop.parse(text);
            } catch (IllegalArgumentException e) {
                problems.add(new InputProblem(t.ref(r, "route"), "route must read like s1#0>s2#1 (span#fiber_pair "
                        + "from the link's a-site), got \"" + text + "\": " + e.getMessage(), null));
                return List.of();
            }
        }

        /**
         * The Summary's rows as stated figures, and its totals as {@link ReportedTotals} (NaN, or a null objective,
         * where a value is missing or unreadable: the checker names those cells).
         */
        ReportedTotals totals() {
            List<StatedFigures.SummaryRow> rows = new ArrayList<>();
            SheetTable t = table(Schema.SUMMARY, SUMMARY, false, (table, r) -> {
                if (table.has("key") && table.has("value")) {
                    Cells c = new Cells(table, r);
                    String key = c.text("key");
                    if (key != null) {
                        double number = c.number("value");
                        rows.add(new StatedFigures.SummaryRow(r.index() + 1, key.toLowerCase(Locale.ROOT), number,
                                c.text("value")));
                    }
                }
            });
            summary = figures(Schema.SUMMARY, t, List.of(), rows);
            if (t == null) {
                return null;
            }
            Map<String, StatedFigures.SummaryRow> first = new HashMap<>();
            rows.forEach(r -> first.putIfAbsent(r.key(), r));
            StatedFigures.SummaryRow objectiveRow = first.get("objective");
            Objective objective = null;
            for (Objective o : Objective.values()) {
                if (objectiveRow != null && o.name().equalsIgnoreCase(objectiveRow.text())) {
                    objective = o;
                }
            }
            return new ReportedTotals(objective, number(first, "objective_value"), number(first, "capex_usd"),
                    number(first, "power_w"), number(first, "tco_usd"));
        }

        private static double number(Map<String, StatedFigures.SummaryRow> rows, String key) {
            StatedFigures.SummaryRow r = rows.get(key);
            return r == null ? Double.NaN : r.number();
        }

        private String optionalText(SheetTable t, SheetRow r, String column) {
            return t.has(column) ? fields.text(t.value(r, column), t.ref(r, column), column, false) : null;
        }
    }

    /**
     * The figure cells of one row, read as they stand: a number cell (or numeric text) as its number; blank as
     * NaN; anything else (text, an error, a formula without a saved value) as NaN with its text kept by column.
     */
    private static final class Cells {
        private final SheetTable table;
        private final SheetRow row;
        private Map<String, String> notNumbers;

        Cells(SheetTable table, SheetRow row) {
            this.table = table;
            this.row = row;
        }

        double number(String column) {
            CellValue v = table.value(row, column);
            if (v.isBlank()) {
                return Double.NaN;
            }
            Double d = Fields.parse(v);
            if (d != null) {
                return d;
            }
            if (notNumbers == null) {
                notNumbers = new HashMap<>(4);
            }
            notNumbers.put(column, v.text());
            return Double.NaN;
        }

        /** The text as shown (numbers too); null when blank or the column is absent. */
        String text(String column) {
            CellValue v = table.value(row, column);
            return v.isBlank() ? null : v.text();
        }

        Map<String, String> notNumbers() {
            return notNumbers == null ? null : Collections.unmodifiableMap(notNumbers);
        }
    }
}
