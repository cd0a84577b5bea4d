package io.fabricplan.formulations;

import static io.fabricplan.formulations.Fabrics.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.Baseline;
import io.fabricplan.api.PlanResult;
import io.fabricplan.check.CheckReport;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.check.Violation;
import io.fabricplan.model.Device;
import io.fabricplan.model.DeviceAssignment;
import io.fabricplan.model.Instance;
import io.fabricplan.model.LinkAssignment;
import io.fabricplan.model.Plan;
import io.fabricplan.model.PlanEvaluation;
import io.fabricplan.model.ReportedTotals;
import io.fabricplan.model.SolverKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The checker flags every corruption of a valid plan ({@link PlanCorruptions}: a wrong optic, a cable too few or
 * too many, a rack over budget, a CPO end given another PMD, a switch out of its racks or of another family, ports
 * over capacity ...) with a violation of the expected kind, and passes the plan's harmless rewrites. The valid
 * plans are the optimum of a random small fabric ({@link RandomFabrics}) and its repaired rule of thumb.
 */
class CorruptedPlanProperties {

    private final OrToolsPlanner planner = new OrToolsPlanner();

    @Provide
    Arbitrary<RandomFabrics.Fabric> fabrics() {
        return RandomFabrics.plannableFabrics();
    }

    @Property(tries = 120, seed = "20260611", maxDiscardRatio = 10)
    void checkerFlagsEveryCorruptionOfAValidPlan(@ForAll("fabrics") RandomFabrics.Fabric fabric,
                                                 @ForAll @IntRange(max = 9999) int pick) {
        Instance instance = fabric.instance();
        // one CP-SAT worker alone: the same plan on every run, so the corruptions are the same too
        PlanResult solved = planner.solve(instance, Fabrics.options(fabric.objective(), SolverKind.CP_SAT)
                .withThreads(1).withLpBound(false));
        Assume.that(solved.status().hasPlan());

        List<Plan> valid = new ArrayList<>(List.of(solved.plan()));
        Baseline repaired = solved.repaired();
        if (repaired != null && repaired.feasible() && !repaired.plan().equals(solved.plan())) {
            valid.add(repaired.plan());
        }
        PlanChecker checker = new PlanChecker(instance);
        for (Plan plan : valid) {
            CheckReport report = checker.check(plan);
            assertThat(report.violations()).as("the valid plan").isEmpty();
            assertRulesAgreeWithTheEvaluator(instance, plan, report.evaluation());
            for (PlanCorruptions corruption : PlanCorruptions.values()) {
                Optional<Plan> broken = corruption.apply(instance, plan, pick);
                if (broken.isEmpty()) {
                    continue;
                }
                Statistics.label("corruptions").collect(corruption);
                List<Violation> violations = checker.check(broken.get()).violations();
                assertThat(violations).as("%s of%n%s%ninto%n%s", corruption, plan, broken.get())
                        .extracting(Violation::kind).contains(corruption.expected());
            }
            for (Plan same : harmlessRewrites(instance, plan, report.evaluation(), pick)) {
                assertThat(checker.check(same).violations()).as("harmless rewrite%n%s", same).isEmpty();
            }
        }
        Statistics.label("corruptions").coverage(coverage -> {
            for (PlanCorruptions corruption : PlanCorruptions.values()) {
                coverage.check(corruption).count(n -> n >= 3);
            }
        });
    }

    /**
     * The rack power and totals worked out from README's rules ({@link PlanCorruptions.Context}) are the
     * evaluator's: an independent check of the figures the checker compares budgets and stated totals with.
     */
    private static void assertRulesAgreeWithTheEvaluator(Instance instance, Plan plan, PlanEvaluation evaluation) {
        PlanCorruptions.Context rules = new PlanCorruptions.Context(instance, plan);
        Map<String, Double> rackPowerW = rules.rackPowerW();
        for (PlanEvaluation.RackRow r : evaluation.racks()) {
            double expected = rackPowerW.getOrDefault(r.rackId(), 0.0);
            assertThat(r.networkKw() * 1000).as("network power of rack %s", r.rackId())
                    .isCloseTo(expected, within(expected));
        }
        assertThat(evaluation.capexUsd()).as("capex").isCloseTo(rules.capexUsd(), within(rules.capexUsd()));
        assertThat(evaluation.powerW()).as("power").isCloseTo(rules.networkPowerW(), within(rules.networkPowerW()));
    }

    /**
     * Rewrites that keep the plan valid: a link's cables split over two rows of the same option, the rows in
     * another order, the servers' rows (optional) stated with their racks, the totals stated as the rules give them.
     */
    private static List<Plan> harmlessRewrites(Instance instance, Plan plan, PlanEvaluation evaluation, int pick) {
        List<Plan> out = new ArrayList<>();
        List<LinkAssignment> links = plan.links();
        for (int i = 0; i < links.size(); i++) {
            LinkAssignment a = links.get((i + pick) % links.size());
            if (a.count() >= 2) {
                int first = 1 + pick % (a.count() - 1);
                List<LinkAssignment> split = new ArrayList<>(links);
                split.set(split.indexOf(a), new LinkAssignment(a.linkId(), a.opticId(), a.aEnd(), a.bEnd(), first));
                split.add(new LinkAssignment(a.linkId(), a.opticId(), a.aEnd(), a.bEnd(), a.count() - first));
                out.add(new Plan(plan.devices(), split, plan.reported(), plan.dwdm()));
                break;
            }
        }
        List<LinkAssignment> reversed = new ArrayList<>(links);
        Collections.reverse(reversed);
        List<DeviceAssignment> devices = new ArrayList<>(plan.devices());
        Collections.reverse(devices);
        java.util.Set<String> stated = new java.util.HashSet<>();
        plan.devices().forEach(a -> stated.add(a.deviceId()));
        for (Device d : instance.devices()) {
            if (!d.isSwitch() && !stated.contains(d.id())) {
                devices.add(new DeviceAssignment(d.id(), null, d.rackId()));
            }
        }
        out.add(new Plan(devices, reversed, plan.reported(), plan.dwdm()));
        PlanCorruptions.Context rules = new PlanCorruptions.Context(instance, plan);
        double capex = rules.capexUsd();
        double power = rules.networkPowerW();
        out.add(plan.withReported(new ReportedTotals(instance.settings().objective(),
                instance.settings().objectiveValue(capex, power), capex, power,
                capex + instance.settings().energyUsdPerWatt() * power)));
        assertThat(evaluation.objectiveValue()).isCloseTo(instance.settings().objectiveValue(capex, power),
                within(evaluation.objectiveValue()));
        return out;
    }
}
