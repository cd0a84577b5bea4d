package io.fabricplan.formulations;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.Baseline;
import io.fabricplan.api.PlanResult;
import io.fabricplan.check.Violation;
import io.fabricplan.model.DeviceAssignment;
import io.fabricplan.model.Instance;
import io.fabricplan.model.LinkAssignment;
import io.fabricplan.model.Objective;
import io.fabricplan.model.Packaging;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.SolverKind;
import org.junit.jupiter.api.Test;

/** The rule-of-thumb baseline: cheapest capex per cable, pluggable switches, blind to rack budgets. */
class GreedyPlannerTest {

    private final GreedyPlanner greedy = new GreedyPlanner();

    /**
     * <pre>
     *   N1: [leaf1 AUTO SW51T] ===== 16 x 800G, 30 m ===== S1: [s1]
     * </pre>
     * At 30 m the cheapest cable is aoc800 (1100 USD; sr8 1490, dr8 2560): sw51-p + 16 x aoc800 = 77600 USD.
     */
    @Test
    void picksPluggableModelAndCheapestCapexOptionPerLink() {
        Baseline b = greedy.plan(ConstraintFamilyContractTest.leafAndServer(2.0));

        assertThat(b.plan().devices()).contains(new DeviceAssignment("leaf1", "sw51-p", "N1"));
        assertThat(b.plan().links()).containsExactly(
                new LinkAssignment("l1", "aoc800", Packaging.PLUGGABLE, Packaging.PLUGGABLE, 16));
        assertThat(b.feasible()).isTrue();
        assertThat(b.evaluation().objectiveValue()).isEqualTo(77600);
    }

    /** The same leaf in a rack leaving 1450 W: the baseline draws 1508 W there and says so. */
    @Test
    void breaksARackBudgetItIgnores() {
        Baseline b = greedy.plan(ConstraintFamilyContractTest.leafAndServer(1.45));

        assertThat(b.feasible()).isFalse();
        assertThat(b.violations()).extracting(Violation::kind, Violation::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Violation.Kind.RACK_POWER_EXCEEDED, "N1"));
    }

    /** A switch asking for CPO takes the CPO model, and its links the cheapest option a DR port takes. */
    @Test
    void cpoSwitchTakesCpoModelAndDrModules() {
        Instance instance = Fabrics.builder().catalog()
                .rack("R1", 0, 0, 50, 10)
                .switchOf("leaf1", "SW51T", PackagingChoice.CPO, "R1")
                .server("s1", "R1", 4, 800, false)
                .link("l1", "leaf1", "s1", 4, 800, null)
                .build(Objective.COST);

        Baseline b = greedy.plan(instance);

        assertThat(b.plan().devices()).contains(new DeviceAssignment("leaf1", "sw51-cpo", "R1"));
        assertThat(b.plan().links()).containsExactly(
                new LinkAssignment("l1", "dr8_800", Packaging.CPO, Packaging.PLUGGABLE, 4));
    }

    @Test
    void feasibleBaselineIsNeverBetterThanTheOptimum() {
        Instance instance = Fabrics.leafSpine(12, 20, 1.8, 11);

        Baseline b = greedy.plan(instance);
        PlanResult optimum = Fabrics.assertCheckedPlan(instance, new OrToolsPlanner().solve(instance,
                Fabrics.options(Objective.TCO, SolverKind.CP_SAT)));

        assertThat(b.feasible()).isTrue();
        assertThat(b.evaluation().objectiveValue()).isGreaterThanOrEqualTo(optimum.objectiveValue());
        // CPO spines save energy the baseline leaves on the table
        assertThat(b.evaluation().objectiveValue()).isGreaterThan(optimum.objectiveValue() * 1.001);
        assertThat(optimum.baseline()).isNotNull();
        assertThat(optimum.baseline().plan()).isEqualTo(b.plan());
    }

    @Test
    void isDeterministic() {
        Instance instance = Fabrics.leafSpine(4, 10, 1.5, 11);

        assertThat(greedy.plan(instance).plan()).isEqualTo(greedy.plan(instance).plan());
    }
}
