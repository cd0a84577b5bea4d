package io.fabricplan.check;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.check.StatedFigures.Table;
import io.fabricplan.check.Violation.Kind;
import io.fabricplan.model.Device;
import io.fabricplan.model.DwdmEvaluator;
import io.fabricplan.model.InstanceIndex;
import io.fabricplan.model.Link;
import io.fabricplan.model.LinkAssignment;
import io.fabricplan.model.Objective;
import io.fabricplan.model.Plan;
import io.fabricplan.model.PlanEvaluation;
import io.fabricplan.model.Span;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Compares the figures a plan states ({@link StatedFigures}) with those its decisions give ({@link PlanEvaluation},
 * {@link DwdmEvaluator}): every figure that differs, is blank where the plan gives one, or is not a number, and
 * every row missing, unknown or repeated, each named by its place. A figure agrees within
 * {@link PlanChecker#TOLERANCE} relative plus, for figures shown with decimals, half a unit of the second decimal
 * ({@link #SHOWN}); whole counts must be equal. A figure that cannot be recomputed because a decision is broken
 * (an unknown optic, a route that does not lead anywhere) is not compared: the decision's violation says why.
 * The BOM's {@code reused} and {@code bought} (workbook v2) are compared when some row states them, so that a plan
 * written before them still checks. Runs in O(rows + route hops).
 */
final class StatedFigureCheck {
    /** Half a unit of the second decimal: what a figure shown rounded to two decimals may be off by. */
    static final double SHOWN = 0.005;
    /** The same for a fraction shown as a percentage with two decimals. */
    static final double SHOWN_PERCENT = 0.00005;
    /** Whole counts agree only within {@link PlanChecker#TOLERANCE} relative, i.e. exactly. */
    static final double WHOLE = 0;

    private static final List<String> REQUIRED_SUMMARY_KEYS = List.of("status", "objective", "objective_value",
            "capex_usd", "power_w", "tco_usd");
    /** Figures of the solve's own record: not recomputable, but numbers when stated. */
    private static final List<String> SOLVE_RECORD_NUMBERS = List.of("solve_seconds", "greedy_objective_value",
            "greedy_capex_usd", "greedy_power_w");

    private final InstanceIndex index;
    private final Plan plan;
    private final PlanEvaluation evaluation;
    private final List<Violation> out;

    StatedFigureCheck(InstanceIndex index, Plan plan, PlanEvaluation evaluation, List<Violation> out) {
        this.index = index;
        this.plan = plan;
        this.evaluation = evaluation;
        this.out = out;
    }

    void check(StatedFigures stated) {
        summary(stated.summary());
        links(stated.links());
        devices(stated.devices());
        racks(stated.racks());
        bom(stated.bom());
        if (index.instance().hasSpans() || !plan.dwdm().isEmpty()) {
            dwdm(stated);
        }
    }

    // ------------------------------------------------------------------ Summary

    private void summary(Table<StatedFigures.SummaryRow> t) {
        if (!table(t, "it states the plan's status and totals")) {
            return;
        }
        Map<String, StatedFigures.SummaryRow> first = new LinkedHashMap<>();
        t.rows().forEach(r -> first.putIfAbsent(r.key(), r));
        Objective objective = index.settings().objective();
        StatedFigures.SummaryRow objectiveRow = first.get("objective");
        if (objectiveRow != null && objectiveRow.text() != null) {
            Objective stated = parse(Objective.class, objectiveRow.text());
            // A solve may minimise another objective than the Settings sheet's (solve --objective).
            objective = stated != null ? stated : objective;
        }
        double objectiveValue = index.settings().withObjective(objective).objectiveValue(evaluation.capexUsd(),
                evaluation.powerW());
        String objectiveUnit = objective == Objective.POWER ? " W" : " USD";
        StatedFigures.SummaryRow boundRow = first.get("best_bound");
        double bound = boundRow == null ? Double.NaN : boundRow.number();
        boolean holdsPlan = !plan.links().isEmpty() || !plan.devices().isEmpty();
        for (StatedFigures.SummaryRow r : t.rows()) {
            String where = t.locate(r.row(), "value");
            String notNumber = Double.isNaN(r.number()) ? r.text() : null;
            switch (r.key()) {
                case "status" -> status(where, r.text(), holdsPlan);
                case "objective" -> choice(where, "objective", r.text(), Objective.class, false);
                case "objective_value" -> total(where, r, notNumber, objectiveValue, "the plan's choices give",
                        objectiveUnit + " (" + objective + ")", holdsPlan);
                case "capex_usd" -> total(where, r, notNumber, evaluation.capexUsd(), "the plan's choices cost",
                        " USD", holdsPlan);
                case "power_w" -> total(where, r, notNumber, evaluation.powerW(), "the plan draws", " W", holdsPlan);
                case "tco_usd" -> total(where, r, notNumber, evaluation.tcoUsd(), "the plan's TCO is", " USD",
                        holdsPlan);
                case "best_bound" -> {
                    numberOrBlank(where, "best_bound", notNumber);
                    if (holdsPlan && !Double.isNaN(r.number())
                            && r.number() > objectiveValue + tolerance(objectiveValue, SHOWN)) {
                        mismatch(where, "best_bound " + fmt(r.number()) + " is above the plan's objective value "
                                + fmt(objectiveValue) + objectiveUnit + "; a lower bound cannot be");
                    }
                }
                case "relative_gap" -> {
                    boolean boundHolds = !Double.isNaN(bound)
                            && bound <= objectiveValue + tolerance(objectiveValue, SHOWN);
                    if (!holdsPlan || !boundHolds) {
                        numberOrBlank(where, "relative_gap", notNumber);
                    } else {
                        compare(Kind.STATED_FIGURE_MISMATCH, where, "relative_gap", r.number(), notNumber,
                                PlanResult.gap(objectiveValue, bound), SHOWN_PERCENT,
                                "objective_value and best_bound give", "");
                    }
                }
                case "greedy_feasible" -> {
                    String v = r.text() == null ? null : r.text().toUpperCase(Locale.ROOT);
                    if (v != null && !v.equals("YES") && !v.equals("NO")) {
                        mismatch(where, "greedy_feasible must be YES or NO, got \"" + r.text() + "\"");
                    }
                }
                default -> {
                    if (SOLVE_RECORD_NUMBERS.contains(r.key())) {
                        numberOrBlank(where, r.key(), notNumber);
                    }
                }
            }
        }
        if (holdsPlan) {
            for (String key : REQUIRED_SUMMARY_KEYS) {
                if (!first.containsKey(key)) {
                    missing(t.name(), "no " + key + " row; the plan workbook states its " + key + " there");
                }
            }
        }
    }

    /** A total of the Summary; a workbook without a plan states none (blank), or at least numbers. */
    private void total(String where, StatedFigures.SummaryRow r, String notNumber, double actual, String phrase,
                       String unit, boolean holdsPlan) {
        if (holdsPlan) {
            compare(Kind.REPORTED_TOTAL_MISMATCH, where, r.key(), r.number(), notNumber, actual, SHOWN, phrase, unit);
        } else {
            numberOrBlank(where, r.key(), notNumber);
        }
    }

    private void status(String where, String text, boolean holdsPlan) {
        SolveStatus status = choice(where, "status", text, SolveStatus.class, true);
        if (status != null && holdsPlan && !status.hasPlan()) {
            mismatch(where, "status " + status + " but the workbook holds a plan (" + plan.links().size()
                    + " link rows, " + plan.devices().size() + " device rows); a plan is OPTIMAL or FEASIBLE");
        }
    }

    private <E extends Enum<E>> E choice(String where, String what, String text, Class<E> type, boolean required) {
        if (text == null) {
            if (required) {
                mismatch(where, what + " is blank; it is one of " + names(type));
            }
            return null;
        }
        E value = parse(type, text);
        if (value == null) {
            mismatch(where, what + " must be one of " + names(type) + ", got \"" + text + "\"");
        }
        return value;
    }

    private void numberOrBlank(String where, String what, String notNumber) {
        if (notNumber != null) {
            mismatch(where, what + " \"" + notNumber + "\" is not a number");
        }
    }

    // ------------------------------------------------------------------ LinkPlan

    private void links(Table<StatedFigures.LinkRow> t) {
        columns(t);
        Map<LinkAssignment, PlanEvaluation.LinkRow> rows = new IdentityHashMap<>();
        evaluation.links().forEach(r -> rows.put(r.assignment(), r));
        for (StatedFigures.LinkRow r : t.rows()) {
            if (r.assignment() < 0 || r.assignment() >= plan.links().size()) {
                continue;
            }
            LinkAssignment a = plan.links().get(r.assignment());
            Link link = index.link(a.linkId());
            if (link == null) {
                continue; // UNKNOWN_LINK says so
            }
            Cells c = new Cells(t, r.row(), r.notNumbers());
            c.text("a_device", r.aDevice(), link.aDevice(), "link " + link.id() + " runs from");
            c.text("b_device", r.bDevice(), link.bDevice(), "link " + link.id() + " runs to");
            c.number("gbps", r.gbps(), link.gbps(), SHOWN, "link " + link.id() + " runs at", " Gb/s");
            PlanEvaluation.LinkRow e = rows.get(a);
            if (e == null) {
                continue; // an unknown optic or device: reported, and the row has no figures to recompute
            }
            c.number("length_m", r.lengthM(), e.lengthM(), SHOWN, "the link is", " m");
            c.number("power_w", r.powerW(), e.powerW(), SHOWN, "the plan draws", " W");
            c.number("cost_usd", r.costUsd(), e.costUsd(), SHOWN, "the plan's choices cost", " USD");
        }
    }

    // ------------------------------------------------------------------ DevicePlan

    private void devices(Table<StatedFigures.DeviceRow> t) {
        columns(t);
        Map<String, PlanEvaluation.DeviceRow> byId = new HashMap<>();
        evaluation.devices().forEach(d -> byId.putIfAbsent(d.deviceId(), d));
        Map<String, Integer> seen = new HashMap<>();
        for (StatedFigures.DeviceRow r : t.rows()) {
            seen.putIfAbsent(r.deviceId(), r.row());
            Device device = index.device(r.deviceId());
            PlanEvaluation.DeviceRow e = byId.get(r.deviceId());
            if (device == null || e == null || device.isSwitch() && e.modelId() == null) {
                continue; // UNKNOWN_DEVICE or MISSING_MODEL says so
            }
            Cells c = new Cells(t, r.row(), r.notNumbers());
            String what = device.isSwitch() ? "model " + e.modelId() : "a server";
            c.text("packaging", r.packaging() == null ? null : r.packaging().toUpperCase(Locale.ROOT),
                    e.packaging().name(), what + " is");
            c.number("ports_used", r.portsUsed(), e.portsUsed(), SHOWN, "its links take", " ports");
            c.number("ports", r.ports(), e.ports(), WHOLE, "the device has", " ports");
            c.number("power_w", r.powerW(), e.powerW(), SHOWN, what + " draws", " W");
            c.number("cost_usd", r.costUsd(), e.costUsd(), SHOWN, what + " costs", " USD");
        }
        if (t.present()) {
            for (Device d : index.instance().devices()) {
                // a switch without a row is a MISSING_MODEL already
                if (!d.isSwitch() && !seen.containsKey(d.id())) {
                    missing(t.name(), "no row for server " + d.id() + "; the plan workbook lists every device");
                }
            }
        }
    }

    // ------------------------------------------------------------------ RackPower

    private void racks(Table<StatedFigures.RackRow> t) {
        if (!table(t, "it states each rack's power")) {
            return;
        }
        Map<String, PlanEvaluation.RackRow> byId = new LinkedHashMap<>();
        evaluation.racks().forEach(r -> byId.putIfAbsent(r.rackId(), r));
        Map<String, Integer> seen = new HashMap<>();
        for (StatedFigures.RackRow r : t.rows()) {
            PlanEvaluation.RackRow e = known(t, r.row(), "rack_id", "rack", r.rackId(), byId, seen);
            if (e == null) {
                continue;
            }
            Cells c = new Cells(t, r.row(), r.notNumbers());
            c.number("power_budget_kw", r.powerBudgetKw(), e.powerBudgetKw(), SHOWN, "the instance gives it",
                    " kW");
            c.number("base_load_kw", r.baseLoadKw(), e.baseLoadKw(), SHOWN, "the instance gives it", " kW");
            c.number("network_kw", r.networkKw(), e.networkKw(), SHOWN, "its network draws", " kW");
            c.number("total_kw", r.totalKw(), e.totalKw(), SHOWN, "the rack draws", " kW");
            c.number("utilization", r.utilization(), e.utilization(), SHOWN_PERCENT, "the rack uses",
                    " of its budget", "the rack has no power budget");
        }
        byId.keySet().stream().filter(id -> !seen.containsKey(id))
                .forEach(id -> missing(t.name(), "no row for rack " + id + "; the plan workbook lists every rack"));
    }

    // ------------------------------------------------------------------ BOM

    private void bom(Table<StatedFigures.BomRow> t) {
        if (!table(t, "it states the plan's bill of materials")) {
            return;
        }
        // item and kind make an item (a switch model and an optic may share an id)
        Map<String, PlanEvaluation.BomRow> byKey = new LinkedHashMap<>();
        Map<String, PlanEvaluation.BomRow> byItem = new HashMap<>();
        for (PlanEvaluation.BomRow b : evaluation.bom()) {
            byKey.putIfAbsent(bomKey(b.itemId(), b.kind()), b);
            byItem.putIfAbsent(b.itemId(), b);
        }
        // reused and bought came with workbook v2: a plan that states neither in any row was written before them
        boolean statesReused = states(t, "reused", StatedFigures.BomRow::reused);
        boolean statesBought = states(t, "bought", StatedFigures.BomRow::bought);
        Map<String, Integer> seen = new HashMap<>();
        for (StatedFigures.BomRow r : t.rows()) {
            String where = t.locate(r.row(), "item_id");
            if (r.itemId() == null) {
                extra(where, "item_id is blank; every row of the bill of materials names its item");
                continue;
            }
            PlanEvaluation.BomRow e = r.kind() == null ? null : byKey.get(bomKey(r.itemId(), r.kind()));
            Cells c = new Cells(t, r.row(), r.notNumbers());
            if (e == null && byItem.containsKey(r.itemId())) {
                e = byItem.get(r.itemId());
                c.text("kind", r.kind(), e.kind(), "item " + e.itemId() + " is of kind");
            }
            if (e == null) {
                extra(where, "item \"" + r.itemId() + "\"" + (r.kind() == null ? "" : " (" + r.kind() + ")")
                        + " is not in the plan's bill of materials");
                continue;
            }
            Integer earlier = seen.putIfAbsent(bomKey(e.itemId(), e.kind()), r.row());
            if (earlier != null) {
                extra(where, "item " + e.itemId() + " is listed again (first at " + t.locate(earlier, "item_id")
                        + ")");
                continue;
            }
            c.number("quantity", r.quantity(), e.quantity(), SHOWN, "the plan uses", "");
            c.number("unit_cost_usd", r.unitCostUsd(), e.unitCostUsd(), SHOWN, "the catalog prices it at",
                    " USD");
            if (statesReused) {
                c.number("reused", r.reused(), e.reused(), SHOWN, "the plan takes from stock or keeps installed",
                        "");
            }
            if (statesBought) {
                c.number("bought", r.bought(), e.bought(), SHOWN, "the plan buys", "");
            }
            c.number("total_cost_usd", r.totalCostUsd(), e.totalCostUsd(), SHOWN,
                    (e.reused() == 0 ? fmt(e.quantity()) : fmt(e.bought()) + " bought") + " x "
                            + fmt(e.unitCostUsd()) + " USD make", " USD");
        }
        byKey.forEach((key, b) -> {
            if (!seen.containsKey(key)) {
                missing(t.name(), "no row for item " + b.itemId() + " (" + b.kind() + "): the plan uses "
                        + fmt(b.quantity()) + " at " + fmt(b.unitCostUsd()) + " USD");
            }
        });
    }

    /** Whether some BOM row states a figure of the column: a number, or text where one belongs. */
    private static boolean states(Table<StatedFigures.BomRow> t, String column,
                                  ToDoubleFunction<StatedFigures.BomRow> figure) {
        return t.rows().stream().anyMatch(r -> !Double.isNaN(figure.applyAsDouble(r))
                || r.notNumbers() != null && r.notNumbers().containsKey(column));
    }

    private static String bomKey(String itemId, String kind) {
        return itemId + "\u0000" + kind.toUpperCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------ DWDM sheets

    private void dwdm(StatedFigures stated) {
        DwdmEvaluator ev = new DwdmEvaluator(index, plan);
        Table<StatedFigures.LightpathRow> lp = stated.lightpaths();
        columns(lp);
        columns(stated.greyRoutes());
        for (StatedFigures.LightpathRow r : lp.rows()) {
            if (r.lightpath() < 0 || r.lightpath() >= plan.dwdm().lightpaths().size()) {
                continue;
            }
            DwdmEvaluator.LightpathFigures f = ev.figures(plan.dwdm().lightpaths().get(r.lightpath()));
            Cells c = new Cells(lp, r.row(), r.notNumbers());
            String unlimited = "its route has no amplifiers, so only the loss budget limits it";
            c.number("frequency_thz", r.frequencyThz(), f.frequencyThz(), SHOWN, "its channel is at", " THz");
            c.number("osnr_db", r.osnrDb(), f.osnrDb(), SHOWN, "its route gives", " dB", unlimited);
            c.number("margin_db", r.marginDb(), f.marginDb(), SHOWN, "its OSNR margin is", " dB", unlimited);
        }
        Table<StatedFigures.GreyRouteRow> grey = stated.greyRoutes();
        for (StatedFigures.GreyRouteRow r : grey.rows()) {
            if (r.greyRoute() >= 0 && r.greyRoute() < plan.dwdm().greyRoutes().size()) {
                new Cells(grey, r.row(), r.notNumbers()).number("length_m", r.lengthM(),
                        ev.routeLengthM(plan.dwdm().greyRoutes().get(r.greyRoute()).route()), SHOWN,
                        "its route is", " m");
            }
        }
        Table<StatedFigures.MuxRow> muxes = stated.muxes();
        for (StatedFigures.MuxRow r : muxes.rows()) {
            if (!Double.isNaN(r.count()) || r.notNumbers() != null) {
                new Cells(muxes, r.row(), r.notNumbers()).number("count", r.count(), 1, WHOLE,
                        "a MUX placement is one MUX/DEMUX pair:", "");
            }
        }
        spans(stated.spans(), ev);
    }

    private void spans(Table<StatedFigures.SpanRow> t, DwdmEvaluator ev) {
        if (!index.instance().hasSpans() && !t.present()) {
            return;
        }
        if (!table(t, "it states each span's fiber pairs, channels and amplifiers")) {
            return;
        }
        Map<String, DwdmEvaluator.SpanRow> byId = new LinkedHashMap<>();
        ev.spanRows().forEach(s -> byId.putIfAbsent(s.spanId(), s));
        Map<String, Integer> seen = new HashMap<>();
        for (StatedFigures.SpanRow r : t.rows()) {
            DwdmEvaluator.SpanRow e = known(t, r.row(), "span_id", "span", r.spanId(), byId, seen);
            if (e == null) {
                continue;
            }
            Cells c = new Cells(t, r.row(), r.notNumbers());
            c.number("fiber_pairs_used", r.fiberPairsUsed(), e.fiberPairsUsed(), WHOLE,
                    "the plan's routes use", " of its fiber pairs");
            c.number("dwdm_fiber_pairs", r.dwdmFiberPairs(), e.dwdmFiberPairs(), WHOLE,
                    "the plan's lightpaths use", " fiber pairs");
            c.number("channels_used", r.channelsUsed(), e.channelsUsed(), WHOLE, "the plan's lightpaths take",
                    " channels");
            c.number("amplifiers", r.amplifiers(), e.amplifiers(), WHOLE, "the plan places", " amplifiers");
        }
        for (Span s : index.instance().spans()) {
            if (!seen.containsKey(s.id())) {
                missing(t.name(), "no row for span " + s.id() + "; the plan workbook lists every span");
            }
        }
    }

    // ------------------------------------------------------------------ rows and tables

    /** Whether the table is there to compare; a missing one is reported once. */
    private boolean table(Table<?> t, String why) {
        if (!t.present()) {
            missing(t.name(), "the sheet is missing; " + why);
            return false;
        }
        columns(t);
        return true;
    }

    /** Each figure column the table lacks, once. */
    private void columns(Table<?> t) {
        for (String column : t.missingColumns()) {
            missing(t.name(), "column \"" + column + "\" is missing; the plan workbook states its figures there");
        }
    }

    /** The recomputed row of an id, or null after reporting the row as unknown, blank or repeated. */
    private <E> E known(Table<?> t, int row, String column, String what, String id, Map<String, E> byId,
                       Map<String, Integer> seen) {
        String where = t.locate(row, column);
        if (id == null) {
            extra(where, column + " is blank");
            return null;
        }
        E e = byId.get(id);
        if (e == null) {
            extra(where, "the instance has no " + what + " \"" + id + "\"");
            return null;
        }
        Integer earlier = seen.putIfAbsent(id, row);
        if (earlier != null) {
            extra(where, what + " " + id + " is listed again (first at " + t.locate(earlier, column) + ")");
            return null;
        }
        return e;
    }

    /** The figure cells of one row. */
    private final class Cells {
        private final Table<?> table;
        private final int row;
        private final Map<String, String> notNumbers;

        Cells(Table<?> table, int row, Map<String, String> notNumbers) {
            this.table = table;
            this.row = row;
            this.notNumbers = notNumbers;
        }

        void number(String column, double stated, double actual, double shown, String phrase, String unit) {
            number(column, stated, actual, shown, phrase, unit, null);
        }

        void number(String column, double stated, double actual, double shown, String phrase, String unit,
                    String unbounded) {
            if (table.missingColumns().contains(column)) {
                return;
            }
            String notNumber = notNumbers == null ? null : notNumbers.get(column);
            if (notNumber == null && agrees(stated, actual, shown)) {
                return; // the common case, without building the cell's name
            }
            String where = table.locate(row, column);
            if (Double.isInfinite(actual) && notNumber == null) {
                mismatch(where, column + " " + fmt(stated) + " but " + (unbounded != null ? unbounded
                        : "the figure is not bounded here") + "; the cell stays blank");
                return;
            }
            compare(Kind.STATED_FIGURE_MISMATCH, where, column, stated, notNumber, actual, shown, phrase, unit);
        }

        void text(String column, String stated, String actual, String phrase) {
            if (table.missingColumns().contains(column) || actual.equals(stated)) {
                return;
            }
            String where = table.locate(row, column);
            mismatch(where, column + (stated == null ? " is blank" : " \"" + stated + "\"") + " but " + phrase
                    + " " + actual);
        }
    }

    /** Whether a number cell agrees with its figure: both absent (NaN stated and NaN or infinite actual) counts. */
    private static boolean agrees(double stated, double actual, double shown) {
        if (Double.isNaN(actual)) {
            return true; // not recomputable: a broken decision, reported as such
        }
        if (Double.isInfinite(actual)) {
            return Double.isNaN(stated);
        }
        return !Double.isNaN(stated) && Math.abs(stated - actual) <= tolerance(actual, shown);
    }

    /** The two add up, so that a figure written rounded to the half unit (191.325 as 191.33) still agrees. */
    private static double tolerance(double actual, double shown) {
        return PlanChecker.TOLERANCE * Math.max(1, Math.abs(actual)) + shown;
    }

    private void compare(Kind kind, String where, String column, double stated, String notNumber, double actual,
                         double shown, String phrase, String unit) {
        boolean known = Double.isFinite(actual);
        if (notNumber != null) {
            out.add(new Violation(kind, where, column + " \"" + notNumber + "\" is not a number"
                    + (known ? "; " + phrase + " " + fmt(actual) + unit : "")));
        } else if (known && Double.isNaN(stated)) {
            out.add(new Violation(kind, where, column + " is blank but " + phrase + " " + fmt(actual) + unit));
        } else if (!agrees(stated, actual, shown)) {
            out.add(new Violation(kind, where, column + " " + fmt(stated) + " but " + phrase + " " + fmt(actual)
                    + unit));
        }
    }

    private void mismatch(String where, String message) {
        out.add(new Violation(Kind.STATED_FIGURE_MISMATCH, where, message));
    }

    private void missing(String where, String message) {
        out.add(new Violation(Kind.STATED_ROW_MISSING, where, message));
    }

    private void extra(String where, String message) {
        out.add(new Violation(Kind.STATED_ROW_EXTRA, where, message));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text) {
        String wanted = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(wanted)) {
                return e;
            }
        }
        return null;
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        StringBuilder b = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            b.append(b.length() == 0 ? "" : ", ").append(e.name());
        }
        return b.toString();
    }

    /** A figure in a message: whole numbers as digits, others to 10 significant digits (no float noise). */
    static String fmt(double v) {
        return PlanChecker.significant(v, 10);
    }
}
