package io.fabricplan.excel;

import io.fabricplan.api.Baseline;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveStatistics;
import io.fabricplan.model.AmplifierPlacement;
import io.fabricplan.model.DwdmEvaluator;
import io.fabricplan.model.GreyRoute;
import io.fabricplan.excel.CellStyles.Unit;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Lightpath;
import io.fabricplan.model.Objective;
import io.fabricplan.model.MuxPlacement;
import io.fabricplan.model.Plan;
import io.fabricplan.model.SpanHop;
import io.fabricplan.model.WdmEquipment;
import io.fabricplan.model.WdmKind;
import io.fabricplan.model.InstanceIndex;
import io.fabricplan.model.Link;
import io.fabricplan.model.LinkAssignment;
import io.fabricplan.model.PlanEvaluation;
import io.fabricplan.model.PlanEvaluator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The result sheets of a plan workbook (Summary, LinkPlan, DevicePlan, RackPower, BOM, and with spans or a DWDM
 * plan DwdmLightpaths, DwdmGreyRoutes, DwdmSpans, DwdmPlacements), every figure taken from the plan's evaluation
 * (and {@link DwdmEvaluator}) so that the checker recomputes the same numbers. MUX/DEMUX pairs and amplifiers
 * appear in the BOM (kinds MUX, AMPLIFIER) and in capex and power_w, but in no rack's power.
 */
final class ResultSheets {
    /** The unit of every result column that holds numbers, by header (the same name means the same unit). */
    static final Map<String, Unit> UNITS = Map.ofEntries(
            Map.entry("count", Unit.COUNT), Map.entry("gbps", Unit.COUNT), Map.entry("length_m", Unit.METRES),
            Map.entry("power_w", Unit.WATTS), Map.entry("cost_usd", Unit.USD), Map.entry("ports_used", Unit.PORTS),
            Map.entry("ports", Unit.COUNT), Map.entry("power_budget_kw", Unit.KW), Map.entry("base_load_kw", Unit.KW),
            Map.entry("network_kw", Unit.KW), Map.entry("total_kw", Unit.KW), Map.entry("utilization", Unit.PERCENT),
            Map.entry("quantity", Unit.COUNT), Map.entry("unit_cost_usd", Unit.USD),
            Map.entry("total_cost_usd", Unit.USD), Map.entry("reused", Unit.COUNT), Map.entry("bought", Unit.COUNT),
            Map.entry("cable", Unit.INDEX), Map.entry("channel", Unit.INDEX),
            Map.entry("frequency_thz", Unit.THZ), Map.entry("osnr_db", Unit.DB), Map.entry("margin_db", Unit.DB),
            Map.entry("fiber_pairs_used", Unit.COUNT), Map.entry("dwdm_fiber_pairs", Unit.COUNT),
            Map.entry("channels_used", Unit.COUNT), Map.entry("amplifiers", Unit.COUNT),
            Map.entry("fiber_pair", Unit.INDEX));

    private ResultSheets() {
    }

    static void write(Workbook workbook, Instance instance, PlanResult result, String solverName) {
        PlanEvaluation evaluation = result.evaluation();
        if (evaluation == null && result.plan() != null) {
            evaluation = new PlanEvaluator(instance).evaluate(result.plan());
        }
        CellStyles styles = new CellStyles(workbook);
        summary(styles, result, evaluation, solverName);
        linkPlan(styles, instance, result, evaluation);
        devicePlan(styles, evaluation);
        rackPower(styles, evaluation);
        bom(styles, evaluation);
        if (hasDwdm(instance, result.plan())) {
            dwdm(styles, instance, result.plan() == null ? new Plan(List.of(), List.of()) : result.plan());
        }
    }

    static boolean hasDwdm(Instance instance, Plan plan) {
        return instance.hasSpans() || plan != null && !plan.dwdm().isEmpty();
    }

    /** About the rows the DWDM sheets take. */
    static long dwdmRows(Instance instance, Plan plan) {
        if (!hasDwdm(instance, plan)) {
            return 0;
        }
        long n = 4L + instance.spans().size();
        if (plan != null) {
            n += plan.dwdm().lightpaths().size() + plan.dwdm().greyRoutes().size() + plan.dwdm().muxes().size()
                    + plan.dwdm().amplifiers().size();
        }
        return n;
    }

    private static void dwdm(CellStyles styles, Instance instance, Plan plan) {
        InstanceIndex index = new InstanceIndex(instance);
        DwdmEvaluator ev = new DwdmEvaluator(index, plan);
        SheetWriter w = new SheetWriter(styles, Schema.DWDM_LIGHTPATHS, Schema.DWDM_LIGHTPATH_COLUMNS, UNITS);
        for (Lightpath lp : plan.dwdm().lightpaths()) {
            DwdmEvaluator.LightpathFigures f = ev.figures(lp);
            // OSNR is blank (infinite) on a route without amplifiers: only the loss budget limits it.
            w.newRow().text(lp.linkId()).whole(lp.cableIndex()).text(SpanHop.format(lp.route())).whole(lp.channel())
                    .number(f.frequencyThz()).text(lp.opticId()).number(f.osnrDb()).number(f.marginDb());
        }
        w.finish();
        w = new SheetWriter(styles, Schema.DWDM_GREY_ROUTES, Schema.DWDM_GREY_ROUTE_COLUMNS, UNITS);
        for (GreyRoute g : plan.dwdm().greyRoutes()) {
            w.newRow().text(g.linkId()).whole(g.cableIndex()).text(SpanHop.format(g.route())).text(g.opticId())
                    .number(ev.routeLengthM(g.route()));
        }
        w.finish();
        w = new SheetWriter(styles, Schema.DWDM_SPANS, Schema.DWDM_SPAN_COLUMNS, UNITS);
        for (DwdmEvaluator.SpanRow r : ev.spanRows()) {
            w.newRow().text(r.spanId()).whole(r.fiberPairsUsed()).whole(r.dwdmFiberPairs()).whole(r.channelsUsed())
                    .whole(r.amplifiers());
        }
        w.finish();
        w = new SheetWriter(styles, Schema.DWDM_PLACEMENTS, Schema.DWDM_PLACEMENT_COLUMNS, UNITS);
        for (MuxPlacement m : plan.dwdm().muxes()) {
            w.newRow().text(m.itemId()).choice(WdmKind.MUX).text(m.siteId()).text(m.spanId()).whole(m.fiberPair())
                    .whole(1);
        }
        for (AmplifierPlacement a : plan.dwdm().amplifiers()) {
            WdmEquipment item = index.wdm(a.itemId());
            w.newRow().text(a.itemId()).choice(item == null ? WdmKind.AMPLIFIER : item.kind()).blank()
                    .text(a.spanId()).whole(a.fiberPair()).whole(a.count());
        }
        w.dropDown(Schema.DWDM_PLACEMENT_COLUMNS.indexOf("kind"), InstanceSheets.names(WdmKind.class));
        w.finish();
    }

    private static void summary(CellStyles styles, PlanResult result, PlanEvaluation e, String solverName) {
        SheetWriter w = new SheetWriter(styles, Schema.SUMMARY, List.of("key", "value"), Map.of());
        Unit objective = result.objective() == Objective.POWER ? Unit.WATTS : Unit.USD;
        w.newRow().text("status").choice(result.status());
        w.newRow().text("objective").choice(result.objective());
        w.newRow().text("objective_value").number(e == null ? result.objectiveValue() : e.objectiveValue(), objective);
        w.newRow().text("best_bound").number(result.bestBound(), objective);
        w.newRow().text("relative_gap").number(result.relativeGap(), Unit.GAP);
        w.newRow().text("capex_usd").number(e == null ? Double.NaN : e.capexUsd(), Unit.USD);
        w.newRow().text("power_w").number(e == null ? Double.NaN : e.powerW(), Unit.WATTS);
        w.newRow().text("tco_usd").number(e == null ? Double.NaN : e.tcoUsd(), Unit.USD);
        SolveStatistics stats = result.statistics();
        w.newRow().text("solve_seconds").number(stats == null ? Double.NaN : stats.totalS(), Unit.SECONDS);
        w.newRow().text("solver").text(solverName);
        Baseline baseline = result.baseline();
        PlanEvaluation greedy = baseline == null ? null : baseline.evaluation();
        w.newRow().text("greedy_objective_value").number(greedy == null ? Double.NaN : greedy.objectiveValue(),
                objective);
        w.newRow().text("greedy_capex_usd").number(greedy == null ? Double.NaN : greedy.capexUsd(), Unit.USD);
        w.newRow().text("greedy_power_w").number(greedy == null ? Double.NaN : greedy.powerW(), Unit.WATTS);
        w.newRow().text("greedy_feasible");
        if (baseline == null) {
            w.blank();
        } else {
            w.yesNo(baseline.feasible());
        }
        w.newRow().text("statistics").text(stats == null ? null : stats.line());
        for (String diagnostic : result.diagnostics()) {
            w.newRow().text("diagnostic").text(diagnostic);
        }
        w.finish();
    }

    private static void linkPlan(CellStyles styles, Instance instance, PlanResult result, PlanEvaluation e) {
        // b_optic_id only when some link has different modules at its ends: other plans keep their columns
        boolean bOptic = result.plan() != null && result.plan().links().stream().anyMatch(a -> a.bOpticId() != null);
        SheetWriter w = new SheetWriter(styles, Schema.LINK_PLAN, Schema.linkPlanColumns(bOptic), UNITS);
        if (result.plan() != null) {
            // Every assignment gets a row; the evaluation skips unknown links or optics, whose figures stay blank.
            Map<LinkAssignment, PlanEvaluation.LinkRow> rows = new IdentityHashMap<>();
            if (e != null) {
                e.links().forEach(r -> rows.put(r.assignment(), r));
            }
            InstanceIndex index = new InstanceIndex(instance);
            for (LinkAssignment a : result.plan().links()) {
                PlanEvaluation.LinkRow row = rows.get(a);
                Link link = row != null ? row.link() : index.link(a.linkId());
                w.newRow().text(a.linkId()).text(link == null ? null : link.aDevice())
                        .text(link == null ? null : link.bDevice()).whole(a.count())
                        .number(link == null ? Double.NaN : link.gbps())
                        .number(row == null ? Double.NaN : row.lengthM()).text(a.opticId());
                if (bOptic) {
                    w.text(a.bOpticId());
                }
                w.choice(a.aEnd()).choice(a.bEnd()).number(row == null ? Double.NaN : row.powerW())
                        .number(row == null ? Double.NaN : row.costUsd());
            }
        }
        w.finish();
    }

    private static void devicePlan(CellStyles styles, PlanEvaluation e) {
        SheetWriter w = new SheetWriter(styles, Schema.DEVICE_PLAN, Schema.DEVICE_PLAN_COLUMNS, UNITS);
        if (e != null) {
            for (PlanEvaluation.DeviceRow d : e.devices()) {
                w.newRow().text(d.deviceId()).text(d.modelId()).choice(d.packaging()).text(d.rackId())
                        .number(d.portsUsed()).whole(d.ports()).number(d.powerW()).number(d.costUsd());
            }
        }
        w.finish();
    }

    private static void rackPower(CellStyles styles, PlanEvaluation e) {
        SheetWriter w = new SheetWriter(styles, Schema.RACK_POWER, Schema.RACK_POWER_COLUMNS, UNITS);
        if (e != null) {
            for (PlanEvaluation.RackRow r : e.racks()) {
                w.newRow().text(r.rackId()).number(r.powerBudgetKw()).number(r.baseLoadKw()).number(r.networkKw())
                        .number(r.totalKw()).number(r.utilization());
            }
        }
        w.finish();
    }

    private static void bom(CellStyles styles, PlanEvaluation e) {
        SheetWriter w = new SheetWriter(styles, Schema.BOM, Schema.BOM_COLUMNS, UNITS);
        if (e != null) {
            for (PlanEvaluation.BomRow b : e.bom()) {
                // fiber is bought by the metre, everything else by the piece
                Unit amount = "FIBER_M".equals(b.kind()) ? Unit.METRES : Unit.COUNT;
                w.newRow().text(b.itemId()).text(b.kind()).number(b.quantity(), amount)
                        .number(b.unitCostUsd()).number(b.totalCostUsd())
                        .number(b.reused(), amount).number(b.bought(), amount);
            }
        }
        w.finish();
    }
}
