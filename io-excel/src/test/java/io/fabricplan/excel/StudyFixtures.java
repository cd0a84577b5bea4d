package io.fabricplan.excel;

import io.fabricplan.study.FrontPoint;
import io.fabricplan.study.FrontReport;
import io.fabricplan.study.OverrideValue;
import io.fabricplan.study.OverrideTarget;
import io.fabricplan.study.PlanFigures;
import io.fabricplan.study.Scenario;
import io.fabricplan.study.ScenarioResult;
import io.fabricplan.study.StudyReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Study reports made in code for the writer's tests: a sweep of one key, a grid of two, a front. */
final class StudyFixtures {
    static final String PUE = "pue";
    static final String ENERGY = "energy_usd_per_kwh";
    static final String CPO_COST = "SwitchModels[packaging=CPO].cost_usd *";

    private StudyFixtures() {
    }

    /** Figures whose TCO is capex plus {@code 40 x power}; SPINE switches CPO, DR and DAC cables. */
    static PlanFigures figures(double capex, double powerW, int cpoSpines) {
        return new PlanFigures(capex, powerW, capex + 40 * powerW, powerW / 1000, 2.5 - powerW / 100_000,
                Map.of("SPINE", cpoSpines, "LEAF", 0), Map.of("DR", 2048L, "DAC", 512L));
    }

    static OverrideValue override(String header, String text) {
        return OverrideValue.of(OverrideTarget.parse(header), text, "");
    }

    static ScenarioResult solved(String id, PlanFigures f, OverrideValue... overrides) {
        return new ScenarioResult(new Scenario(id, "scenario " + id, List.of(overrides)), "OPTIMAL", "TCO",
                f.tcoUsd(), f.tcoUsd() * 0.999, 0.001, f, f.tcoUsd() * 1.2, f.tcoUsd() * 0.2, 1.25, "");
    }

    /**
     * PUE swept 1.1 to 1.5 (rows out of order, so that the chart's table must sort them), the CPO cost factor 0.9
     * everywhere, a sixth row INFEASIBLE, and the front of S3.
     */
    static StudyReport sweep() {
        List<ScenarioResult> rows = new ArrayList<>();
        double[] pues = {1.3, 1.1, 1.2, 1.5, 1.4};
        for (int i = 0; i < pues.length; i++) {
            double pue = pues[i];
            rows.add(solved("S" + (i + 1), figures(1_000_000 + 500_000 * (pue - 1), 40_000 - 20_000 * (pue - 1),
                    pue >= 1.3 ? 32 : 0), override(PUE, Double.toString(pue)), override(CPO_COST, "0.9")));
        }
        rows.add(ScenarioResult.failed(new Scenario("S6", "too little power", List.of(override(PUE, "1.6"),
                override(CPO_COST, "0.9"))), "INFEASIBLE", "TCO", 0.5, "rack R1 needs 12.5 kW, has 10 kW"));
        return new StudyReport("fabric.xlsx", List.of(PUE, CPO_COST), rows, Map.of("S3", front()), 8, 12.5, 2, 1,
                "2 cores, Linux, Java 17", true);
    }

    /** PUE 1.2 and 1.4 crossed with energy 0.05, 0.10 and 0.15 USD/kWh; the last cell has no plan. */
    static StudyReport grid() {
        List<ScenarioResult> rows = new ArrayList<>();
        int n = 0;
        for (String pue : List.of("1.2", "1.4")) {
            for (String energy : List.of("0.05", "0.1", "0.15")) {
                n++;
                if (n == 6) {
                    rows.add(ScenarioResult.failed(new Scenario("G6", "", List.of(override(PUE, pue),
                            override(ENERGY, energy))), "NO_SOLUTION", "TCO", 30, "time limit"));
                } else {
                    double p = Double.parseDouble(pue);
                    double e = Double.parseDouble(energy);
                    rows.add(solved("G" + n, figures(1_000_000 * p, 30_000 + 100_000 * e, 0), override(PUE, pue),
                            override(ENERGY, energy)));
                }
            }
        }
        return new StudyReport("fabric.xlsx", List.of(PUE, ENERGY), rows, Map.of(), 6, 40, 1, 2, "", false);
    }

    /** Capex against power: four points, the second the knee, one region left open. */
    static FrontReport front() {
        List<FrontPoint> points = List.of(
                new FrontPoint(1_000_000, 48_000, figures(1_000_000, 48_000, 0), "OPTIMAL", false),
                new FrontPoint(1_100_000, 36_000, figures(1_100_000, 36_000, 16), "OPTIMAL", true),
                new FrontPoint(1_300_000, 33_000, figures(1_300_000, 33_000, 32), "OPTIMAL", false),
                new FrontPoint(1_600_000, 31_500, figures(1_600_000, 31_500, 48), "FEASIBLE", false));
        return new FrontReport("capex", "power", points, List.of(new FrontReport.OpenRegion(31_500, 33_000,
                1_350_000)), false, 0.012, 9, 42.5);
    }
}
