package io.fabricplan.formulations;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.model.Objective;
import io.fabricplan.model.SolverKind;
import org.junit.jupiter.api.Test;

/**
 * The infeasibility bounds get a thread of their own beside the repair only where a check is slow enough to be worth
 * it ({@link SolveTuning#boundsBeside}); either way an infeasible instance is proven so by them.
 */
class BoundsBesideRepairTest {
    private static final boolean MULTICORE = Runtime.getRuntime().availableProcessors() > 1;

    @Test
    void onlySlowChecksWithASecondThreadRunTheBoundsBeside() {
        assertThat(SolveTuning.boundsBeside(1, 10)).isFalse();
        assertThat(SolveTuning.boundsBeside(2, 0.001)).isFalse();
        assertThat(SolveTuning.boundsBeside(0, SolveTuning.BOUNDS_BESIDE_MIN_CHECK_SECONDS / 2)).isFalse();
        assertThat(SolveTuning.boundsBeside(2, SolveTuning.BOUNDS_BESIDE_MIN_CHECK_SECONDS)).isEqualTo(MULTICORE);
        assertThat(SolveTuning.boundsBeside(0, 1.0)).isEqualTo(MULTICORE);
    }

    /** Leaf racks with 0.2 kW of headroom, too little for any leaf: the bounds prove it at 1, 2 and all threads. */
    @Test
    void infeasibleSmallInstanceIsProvenByTheBoundsAtEveryThreadCount() {
        var instance = Fabrics.leafSpine(4, 4, 0.2, 3);
        for (int threads : new int[] {1, 2, 0}) {
            PlanResult r = new OrToolsPlanner().solve(instance,
                    Fabrics.options(Objective.TCO, SolverKind.CP_SAT).withThreads(threads));
            assertThat(r.status()).as("threads %d: %s", threads, r.diagnostics()).isEqualTo(SolveStatus.INFEASIBLE);
            assertThat(r.plan()).isNull();
            assertThat(r.diagnostics()).isNotEmpty();
        }
    }

    /** A feasible one solves to the same optimum whether the bounds could run beside or not. */
    @Test
    void feasibleSmallInstanceHasTheSameOptimumAtOneAndTwoThreads() {
        var instance = Fabrics.leafSpine(4, 4, 30, 3);
        PlanResult one = Fabrics.assertCheckedPlan(instance, new OrToolsPlanner().solve(instance,
                Fabrics.options(Objective.TCO, SolverKind.CP_SAT).withThreads(1)));
        PlanResult two = Fabrics.assertCheckedPlan(instance, new OrToolsPlanner().solve(instance,
                Fabrics.options(Objective.TCO, SolverKind.CP_SAT).withThreads(2)));
        assertThat(one.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(two.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(two.objectiveValue()).isCloseTo(one.objectiveValue(), Fabrics.within(one.objectiveValue()));
    }
}
