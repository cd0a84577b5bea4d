package io.fabricplan.excel;

import io.fabricplan.api.Baseline;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveStatistics;
import io.fabricplan.model.AmplifierPlacement;
import io.fabricplan.model.DwdmEvaluator;
import io.fabricplan.model.GreyRoute;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Lightpath;
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
    private ResultSheets() {
    }

    static void write(Workbook workbook, Instance instance, PlanResult result, String solverName) {
        PlanEvaluation evaluation = result.evaluation();
        if (evaluation == null && result.plan() != null) {
            evaluation = new PlanEvaluator(instance).evaluate(result.plan());
        }
        summary(workbook, result, evaluation, solverName);
        linkPlan(workbook, instance, result, evaluation);
        devicePlan(workbook, evaluation);
        rackPower(workbook, evaluation);
        bom(workbook, evaluation);
        if (hasDwdm(instance, result.plan())) {
            dwdm(workbook, instance, result.plan() == null ? new Plan(List.of(), List.of()) : result.plan());
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

    private static void dwdm(Workbook workbook, Instance instance, Plan plan) {
        InstanceIndex index = new InstanceIndex(instance);
        DwdmEvaluator ev = new DwdmEvaluator(index, plan);
        SheetWriter w = new SheetWriter(workbook, Schema.DWDM_LIGHTPATHS, Schema.DWDM_LIGHTPATH_COLUMNS);
        for (Lightpath lp : plan.dwdm().lightpaths()) {
            DwdmEvaluator.LightpathFigures f = ev.figures(lp);
            // OSNR is blank (infinite) on a route without amplifiers: only the loss budget limits it.
            w.newRow().text(lp.linkId()).whole(lp.cableIndex()).text(SpanHop.format(lp.route())).whole(lp.channel())
                    .number(f.frequencyThz()).text(lp.opticId()).number(f.osnrDb()).number(f.marginDb());
        }
        w.finish();
        w = new SheetWriter(workbook, Schema.DWDM_GREY_ROUTES, Schema.DWDM_GREY_ROUTE_COLUMNS);
        for (GreyRoute g : plan.dwdm().greyRoutes()) {
            w.newRow().text(g.linkId()).whole(g.cableIndex()).text(SpanHop.format(g.route())).text(g.opticId())
                    .number(ev.routeLengthM(g.route()));
        }
        w.finish();
        w = new SheetWriter(workbook, Schema.DWDM_SPANS, Schema.DWDM_SPAN_COLUMNS);
        for (DwdmEvaluator.SpanRow r : ev.spanRows()) {
            w.newRow().text(r.spanId()).whole(r.fiberPairsUsed()).whole(r.dwdmFiberPairs()).whole(r.channelsUsed())
                    .whole(r.amplifiers());
        }
        w.finish();
        w = new SheetWriter(workbook, Schema.DWDM_PLACEMENTS, Schema.DWDM_PLACEMENT_COLUMNS);
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

    private static void summary(Workbook workbook, PlanResult result, PlanEvaluation e, String solverName) {
        SheetWriter w = new SheetWriter(workbook, Schema.SUMMARY, List.of("key", "value"));
        w.newRow().text("status").choice(result.status());
        w.newRow().text("objective").choice(result.objective());
        w.newRow().text("objective_value").number(e == null ? result.objectiveValue() : e.objectiveValue());
        w.newRow().text("best_bound").number(result.bestBound());
        w.newRow().text("relative_gap").number(result.relativeGap());
        w.newRow().text("capex_usd").number(e == null ? Double.NaN : e.capexUsd());
        w.newRow().text("power_w").number(e == null ? Double.NaN : e.powerW());
        w.newRow().text("tco_usd").number(e == null ? Double.NaN : e.tcoUsd());
        SolveStatistics stats = result.statistics();
        w.newRow().text("solve_seconds").number(stats == null ? Double.NaN : stats.totalS());
        w.newRow().text("solver").text(solverName);
        Baseline baseline = result.baseline();
        PlanEvaluation greedy = baseline == null ? null : baseline.evaluation();
        w.newRow().text("greedy_objective_value").number(greedy == null ? Double.NaN : greedy.objectiveValue());
        w.newRow().text("greedy_capex_usd").number(greedy == null ? Double.NaN : greedy.capexUsd());
        w.newRow().text("greedy_power_w").number(greedy == null ? Double.NaN : greedy.powerW());
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

    private static void linkPlan(Workbook workbook, Instance instance, PlanResult result, PlanEvaluation e) {
        SheetWriter w = new SheetWriter(workbook, Schema.LINK_PLAN, Schema.LINK_PLAN_COLUMNS);
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
                        .number(row == null ? Double.NaN : row.lengthM()).text(a.opticId()).choice(a.aEnd())
                        .choice(a.bEnd()).number(row == null ? Double.NaN : row.powerW())
                        .number(row == null ? Double.NaN : row.costUsd());
            }
        }
        w.finish();
    }

    private static void devicePlan(Workbook workbook, PlanEvaluation e) {
        SheetWriter w = new SheetWriter(workbook, Schema.DEVICE_PLAN, Schema.DEVICE_PLAN_COLUMNS);
        if (e != null) {
            for (PlanEvaluation.DeviceRow d : e.devices()) {
                w.newRow().text(d.deviceId()).text(d.modelId()).choice(d.packaging()).text(d.rackId())
                        .number(d.portsUsed()).whole(d.ports()).number(d.powerW()).number(d.costUsd());
            }
        }
        w.finish();
    }

    private static void rackPower(Workbook workbook, PlanEvaluation e) {
        SheetWriter w = new SheetWriter(workbook, Schema.RACK_POWER, Schema.RACK_POWER_COLUMNS);
        if (e != null) {
            for (PlanEvaluation.RackRow r : e.racks()) {
                w.newRow().text(r.rackId()).number(r.powerBudgetKw()).number(r.baseLoadKw()).number(r.networkKw())
                        .number(r.totalKw()).number(r.utilization());
            }
        }
        w.finish();
    }

    private static void bom(Workbook workbook, PlanEvaluation e) {
        SheetWriter w = new SheetWriter(workbook, Schema.BOM, Schema.BOM_COLUMNS);
        if (e != null) {
            for (PlanEvaluation.BomRow b : e.bom()) {
                w.newRow().text(b.itemId()).text(b.kind()).number(b.quantity()).number(b.unitCostUsd())
                        .number(b.totalCostUsd());
            }
        }
        w.finish();
    }
}
