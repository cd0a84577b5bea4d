package io.fabricplan.formulations;

import static io.fabricplan.formulations.Fabrics.assertCheckedPlan;
import static io.fabricplan.formulations.Fabrics.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.Baseline;
import io.fabricplan.api.FormulationKind;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.check.CheckReport;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
import io.fabricplan.model.InstanceIndex;
import io.fabricplan.model.Objective;
import io.fabricplan.model.Packaging;
import io.fabricplan.model.PlanEvaluator;
import io.fabricplan.model.SolverKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Every engine solves random small fabrics ({@link RandomFabrics}) to the same end: the same proven optimum
 * (1e-6 relative) with plans the checker passes, or all INFEASIBLE, or all INVALID, with the same diagnostics.
 * Each engine runs alone (no LP relaxation beside it), and CP-SAT once more with the default LP bound; the
 * reference formulation agrees with the aggregated one wherever it applies (no placed switches), the per-cable one
 * everywhere; the rule of thumb and its repair, when valid, pass the checker and are never below the optimum.
 */
class EnginesAgreeProperties {
    /** The engines cross-checked against each other: adding one here runs it in every property. */
    static final List<SolverKind> ENGINES = List.of(SolverKind.CP_SAT, SolverKind.SCIP, SolverKind.HIGHS,
            SolverKind.CHOCO);

    private final OrToolsPlanner planner = new OrToolsPlanner();

    @Provide
    Arbitrary<RandomFabrics.Fabric> fabrics() {
        return RandomFabrics.fabrics();
    }

    @Property(tries = 100, seed = "20260610")
    void everyEngineReachesTheSameEnd(@ForAll("fabrics") RandomFabrics.Fabric fabric) {
        Instance instance = fabric.instance();
        Objective objective = fabric.objective();
        List<PlanResult> results = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (SolverKind engine : ENGINES) {
            results.add(planner.solve(instance, Fabrics.options(objective, engine).withLpBound(false)));
            names.add(engine + " alone");
        }
        results.add(planner.solve(instance, Fabrics.options(objective, SolverKind.CP_SAT)));
        names.add("CP_SAT with the LP bound");
        if (!fabric.places()) {
            results.add(planner.solve(instance, Fabrics.options(objective, SolverKind.CP_SAT).withLpBound(false)
                    .withFormulation(FormulationKind.REFERENCE)));
            names.add("CP_SAT on the reference formulation");
        }
        // the per-cable model places switches too: an independent check of the aggregated one's placement
        results.add(planner.solve(instance, Fabrics.options(objective, SolverKind.CP_SAT).withLpBound(false)
                .withFormulation(FormulationKind.NAIVE_CABLE)));
        names.add("CP_SAT on the per-cable formulation");

        PlanResult first = results.get(0);
        Statistics.label("status").collect(first.status(), first.status() == SolveStatus.INVALID ? "by the validator"
                : first.statistics().solver().equals("bounds") ? "by the bounds" : "by the engines");
        for (int i = 0; i < results.size(); i++) {
            PlanResult r = results.get(i);
            assertThat(r.status()).as("%s: %s %s", names.get(i), r.statistics().line(), r.diagnostics())
                    .isEqualTo(first.status());
            if (!first.status().hasPlan()) {
                assertThat(r.diagnostics()).as(names.get(i)).isEqualTo(first.diagnostics());
                continue;
            }
            assertThat(r.status()).as(names.get(i)).isEqualTo(SolveStatus.OPTIMAL);
            assertCheckedPlan(instance, r);
            assertThat(r.objectiveValue()).as("%s vs %s", names.get(i), names.get(0))
                    .isCloseTo(first.objectiveValue(), within(first.objectiveValue()));
        }
        assertThat(first.status()).as(first.diagnostics().toString())
                .isIn(SolveStatus.OPTIMAL, SolveStatus.INFEASIBLE, SolveStatus.INVALID);
        for (PlanResult r : results) {
            assertRuleOfThumbNotBelowOptimum(instance, r, first);
        }
        if (first.status().hasPlan()) {
            features(instance, first).forEach(f -> Statistics.label("optimal plans with").collect(f));
        }
    }

    /** What an optimal plan exercises, for the run's statistics. */
    private static List<String> features(Instance instance, PlanResult r) {
        InstanceIndex index = new InstanceIndex(instance);
        List<String> out = new ArrayList<>();
        if (r.plan().devices().stream().anyMatch(d -> d.modelId() != null
                && index.model(d.modelId()).packaging() == Packaging.CPO)) {
            out.add("a CPO switch");
        }
        if (instance.devices().stream().anyMatch(Device::isPlaced)) {
            out.add("a placed switch");
        }
        if (r.plan().links().stream().anyMatch(a -> index.optic(a.opticId()).lpo())) {
            out.add("an LPO module");
        }
        Map<String, String> placed = PlanEvaluator.placedRacks(index, r.plan());
        if (r.plan().links().stream().anyMatch(a -> index.optic(a.opticId()).reachM()
                == PlanEvaluator.lengthM(index, index.link(a.linkId()), placed))) {
            out.add("an option at exactly its reach");
        }
        return out;
    }

    /**
     * The rule of thumb and its repair, where valid, pass the checker, cost at least the optimum and exist only
     * when a plan does.
     */
    private static void assertRuleOfThumbNotBelowOptimum(Instance instance, PlanResult r, PlanResult first) {
        Instance target = instance.withSettings(instance.settings().withObjective(r.objective()));
        for (Baseline b : new Baseline[] {r.baseline(), r.repaired()}) {
            if (b == null || !b.feasible()) {
                continue;
            }
            CheckReport report = new PlanChecker(target).check(b.plan());
            assertThat(report.violations()).as("a rule of thumb said to be valid").isEmpty();
            assertThat(first.status()).as("a valid rule of thumb, yet the engines say").isEqualTo(SolveStatus.OPTIMAL);
            assertThat(report.evaluation().objectiveValue()).as("rule of thumb vs optimum")
                    .isGreaterThanOrEqualTo(first.objectiveValue() - within(first.objectiveValue()).value);
        }
    }
}
