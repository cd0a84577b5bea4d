package io.fabricplan.excel;

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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Reads a plan workbook (perhaps edited by hand) back into a {@link Plan}: DevicePlan rows into device
 * assignments, LinkPlan rows into link assignments, Summary into the totals the plan states, and the optional
 * DwdmLightpaths, DwdmGreyRoutes and DwdmPlacements into its {@link DwdmPlan} (DwdmSpans and the figure columns
 * are recomputed, not read). Reports unreadable
 * cells like the instance reader does; whether the plan is valid is the checker's call, not this reader's.
 * The file is opened read-only.
 */
public final class PlanWorkbookReader {
    private static final Schema.Columns DEVICE_PLAN = new Schema.Columns(Schema.DEVICE_PLAN_COLUMNS,
            Set.of("device_id", "model_id"));
    private static final Schema.Columns LINK_PLAN = new Schema.Columns(Schema.LINK_PLAN_COLUMNS,
            Set.of("link_id", "optic_id", "a_end", "b_end", "count"));
    private static final Schema.Columns SUMMARY = new Schema.Columns(List.of("key", "value"), Set.of("key", "value"));
    private static final Schema.Columns LIGHTPATHS = new Schema.Columns(Schema.DWDM_LIGHTPATH_COLUMNS,
            Set.of("link_id", "cable", "route", "channel", "optic_id"));
    private static final Schema.Columns GREY_ROUTES = new Schema.Columns(Schema.DWDM_GREY_ROUTE_COLUMNS,
            Set.of("link_id", "cable", "route", "optic_id"));
    private static final Schema.Columns PLACEMENTS = new Schema.Columns(Schema.DWDM_PLACEMENT_COLUMNS,
            Set.of("item_id", "kind", "span_id", "fiber_pair"));

    private PlanWorkbookReader() {
    }

    /**
     * What reading a plan workbook gave.
     *
     * @param plan     the plan; null only when the file could not be read as a workbook. Rows with problems
     *                 are left out. {@code reported} is null when the workbook has no Summary sheet.
     * @param problems every unreadable cell, missing sheet or column
     */
    public record PlanReadResult(Plan plan, List<InputProblem> problems) {
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
            return new PlanReadResult(plan, reading.problems);
        });
        return result != null ? result : new PlanReadResult(null, fileProblems);
    }

    /** One read of one workbook. */
    private static final class Reading {
        private final RowSource source;
        private final List<InputProblem> problems = new ArrayList<>();
        private final List<String> ignoredWarnings = new ArrayList<>();
        private final Fields fields = new Fields(problems);

        Reading(RowSource source) {
            this.source = source;
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
            table(Schema.DEVICE_PLAN, DEVICE_PLAN, true, (t, r) -> {
                if (!t.has("device_id")) {
                    return;
                }
                String id = fields.text(t.value(r, "device_id"), t.ref(r, "device_id"), "device_id", true);
                if (!id.isEmpty()) {
                    out.add(new DeviceAssignment(id, optionalText(t, r, "model_id"), optionalText(t, r, "rack_id")));
                }
            });
            return out;
        }

        List<LinkAssignment> links() {
            List<LinkAssignment> out = new ArrayList<>();
            table(Schema.LINK_PLAN, LINK_PLAN, true, (t, r) -> {
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
                // A row with an unreadable cell is reported and left out; the checker then reports the link short.
                if (problems.size() == before) {
                    out.add(new LinkAssignment(linkId, opticId, a, b, count));
                }
            });
            return out;
        }

        DwdmPlan dwdm() {
            List<Lightpath> lightpaths = new ArrayList<>();
            table(Schema.DWDM_LIGHTPATHS, LIGHTPATHS, false, (t, r) -> {
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
                    lightpaths.add(new Lightpath(linkId, cable, opticId, route, channel));
                }
            });
            List<GreyRoute> greys = new ArrayList<>();
            table(Schema.DWDM_GREY_ROUTES, GREY_ROUTES, false, (t, r) -> {
                if (!GREY_ROUTES.required().stream().allMatch(t::has)) {
                    return;
                }
                int before = problems.size();
                String linkId = fields.text(t.value(r, "link_id"), t.ref(r, "link_id"), "link_id", true);
                int cable = fields.whole(t.value(r, "cable"), t.ref(r, "cable"), "cable", true, 0);
                List<SpanHop> route = route(t, r);
                String opticId = fields.text(t.value(r, "optic_id"), t.ref(r, "optic_id"), "optic_id", true);
                if (problems.size() == before) {
                    greys.add(new GreyRoute(linkId, cable, opticId, route));
                }
            });
            List<MuxPlacement> muxes = new ArrayList<>();
            List<AmplifierPlacement> amplifiers = new ArrayList<>();
            table(Schema.DWDM_PLACEMENTS, PLACEMENTS, false, (t, r) -> {
                if (!PLACEMENTS.required().stream().allMatch(t::has)) {
                    return;
                }
                int before = problems.size();
                String item = fields.text(t.value(r, "item_id"), t.ref(r, "item_id"), "item_id", true);
                WdmKind kind = fields.choice(t.value(r, "kind"), t.ref(r, "kind"), "kind", WdmKind.class, true, null);
                String span = fields.text(t.value(r, "span_id"), t.ref(r, "span_id"), "span_id", true);
                int pair = fields.whole(t.value(r, "fiber_pair"), t.ref(r, "fiber_pair"), "fiber_pair", true, 0);
                int count = t.has("count") ? fields.whole(t.value(r, "count"), t.ref(r, "count"), "count", false, 1)
                        : 1;
                if (kind == WdmKind.MUX) {
                    String site = t.has("site_id") ? fields.text(t.value(r, "site_id"), t.ref(r, "site_id"),
                            "site_id", true) : "";
                    if (problems.size() == before) {
                        muxes.add(new MuxPlacement(site, span, pair, item));
                    }
                } else if (problems.size() == before) {
                    amplifiers.add(new AmplifierPlacement(span, pair, item, count));
                }
            });
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

        ReportedTotals totals() {
            Map<String, SheetRow> rows = new HashMap<>();
            SheetTable t = table(Schema.SUMMARY, SUMMARY, false, (table, r) -> {
                if (table.has("key") && table.has("value")) {
                    String key = fields.text(table.value(r, "key"), table.ref(r, "key"), "key", false);
                    if (key != null) {
                        rows.putIfAbsent(key.toLowerCase(Locale.ROOT), r);
                    }
                }
            });
            if (t == null) {
                return null;
            }
            SheetRow objectiveRow = rows.get("objective");
            Objective objective = objectiveRow == null ? null : fields.choice(t.value(objectiveRow, "value"),
                    t.ref(objectiveRow, "value"), "objective", Objective.class, false, null);
            return new ReportedTotals(objective, number(t, rows, "objective_value"), number(t, rows, "capex_usd"),
                    number(t, rows, "power_w"), number(t, rows, "tco_usd"));
        }

        private double number(SheetTable t, Map<String, SheetRow> rows, String key) {
            SheetRow r = rows.get(key);
            return r == null ? Double.NaN
                    : fields.number(t.value(r, "value"), t.ref(r, "value"), key, "a number", false, Double.NaN);
        }

        private String optionalText(SheetTable t, SheetRow r, String column) {
            return t.has(column) ? fields.text(t.value(r, column), t.ref(r, column), column, false) : null;
        }
    }
}
