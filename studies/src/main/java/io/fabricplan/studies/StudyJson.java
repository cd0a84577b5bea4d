package io.fabricplan.studies;

import io.fabricplan.study.FrontPoint;
import io.fabricplan.study.FrontReport;
import io.fabricplan.study.OverrideValue;
import io.fabricplan.study.ScenarioResult;
import io.fabricplan.study.StudyReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one JSON object that {@code study --json} and {@code pareto --json} print (non-finite numbers as null). */
public final class StudyJson {
    private StudyJson() {
    }

    /**
     * {@code {"points":[{"capex_usd":..,"power_w":..,"tco_usd":..,"status":"OPTIMAL","knee":false,...}],
     * "exact":true,"hypervolume_gap":0.0,"solves":N,"seconds":S, ...}}, points by increasing x.
     */
    public static String front(FrontReport front) {
        return Json.write(rounded(frontMap(front)));
    }

    /** {@code {"instance":..,"scenarios":N,"finished":M,"stopped":false,"seconds":S,"rows":[{...}]}}. */
    public static String study(StudyReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instance", report.instanceName());
        m.put("scenarios", report.scenarioCount());
        m.put("finished", report.rows().size());
        m.put("stopped", report.stopped());
        m.put("seconds", report.wallSeconds());
        m.put("parallel", report.parallel());
        m.put("threads_per_solve", report.threadsPerSolve());
        List<Object> rows = new ArrayList<>();
        for (ScenarioResult r : report.rows()) {
            rows.add(row(r, report.overrideHeaders()));
        }
        m.put("rows", rows);
        Map<String, Object> fronts = new LinkedHashMap<>();
        report.fronts().forEach((id, f) -> fronts.put(id, frontMap(f)));
        m.put("fronts", fronts);
        return Json.write(rounded(m));
    }

    /**
     * The value with every number rounded to 12 significant digits: sums of prices print as 4155596.8, not
     * 4155596.800000012 (the journal keeps the exact doubles).
     */
    private static Object rounded(Object value) {
        if (value instanceof Double d) {
            return Double.isFinite(d) && d != 0
                    ? new java.math.BigDecimal(d).round(new java.math.MathContext(12)).doubleValue() : d;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, rounded(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(StudyJson::rounded).toList();
        }
        return value;
    }

    private static Map<String, Object> row(ScenarioResult r, List<String> headers) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario_id", r.scenario().id());
        m.put("description", r.scenario().description());
        Map<String, Object> overrides = new LinkedHashMap<>();
        for (String header : headers) {
            for (OverrideValue o : r.scenario().overrides()) {
                if (o.target().header().equals(header)) {
                    overrides.put(header, Double.isNaN(o.number()) ? o.text() : (Object) o.number());
                }
            }
        }
        m.put("overrides", overrides);
        m.put("status", r.status());
        m.put("objective", r.objective());
        m.put("objective_value", r.objectiveValue());
        m.put("best_bound", r.bestBound());
        m.put("relative_gap", r.relativeGap());
        if (r.figures() != null) {
            m.put("capex_usd", r.figures().capexUsd());
            m.put("power_w", r.figures().powerW());
            m.put("tco_usd", r.figures().tcoUsd());
            m.put("network_kw", r.figures().networkKw());
            m.put("least_headroom_kw", r.figures().leastHeadroomKw());
            m.put("cpo_switches", new LinkedHashMap<>(r.figures().cpoSwitchesByRole()));
            m.put("cables", new LinkedHashMap<>(r.figures().cablesByKind()));
        }
        m.put("rule_of_thumb_tco_usd", r.ruleOfThumbTcoUsd());
        m.put("saving_usd", r.savingOverRuleOfThumbUsd());
        m.put("solve_seconds", r.solveSeconds());
        m.put("error", r.error());
        return m;
    }

    private static Map<String, Object> frontMap(FrontReport front) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> points = new ArrayList<>();
        for (FrontPoint p : front.points()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("capex_usd", p.figures().capexUsd());
            pm.put("power_w", p.figures().powerW());
            pm.put("tco_usd", p.figures().tcoUsd());
            pm.put("status", p.status());
            pm.put("knee", p.knee());
            pm.put("least_headroom_kw", p.figures().leastHeadroomKw());
            pm.put("cpo_switches", new LinkedHashMap<>(p.figures().cpoSwitchesByRole()));
            pm.put("cables", new LinkedHashMap<>(p.figures().cablesByKind()));
            points.add(pm);
        }
        m.put("x", front.xTotal());
        m.put("y", front.yTotal());
        m.put("points", points);
        m.put("exact", front.exact());
        m.put("hypervolume_gap", front.hypervolumeGap());
        List<Object> open = new ArrayList<>();
        for (FrontReport.OpenRegion r : front.openRegions()) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("y_from", r.yFrom());
            rm.put("y_to", r.yTo());
            rm.put("x_lower_bound", r.xLowerBound());
            rm.put("x_up_to", r.xUpTo());
            open.add(rm);
        }
        m.put("open_regions", open);
        m.put("solves", front.solves());
        m.put("seconds", front.seconds());
        return m;
    }
}
