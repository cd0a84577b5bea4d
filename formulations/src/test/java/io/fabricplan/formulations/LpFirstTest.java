package io.fabricplan.formulations;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.Cancellation;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Objective;
import io.fabricplan.model.SolverKind;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Small models solved by CP-SAT solve their relaxation first ({@link SolveTuning#lpFirst}; forced here for a
 * counting backend): an integral vertex or an infeasible
 * relaxation settles the model with no search at all; a fractional one gives the search its bound from the start;
 * a relaxation that cannot be solved leaves the search alone. Large models keep it beside the search.
 */
class LpFirstTest {
    private static final MipBackend CP_SAT = MipBackends.create(SolverKind.CP_SAT);

    /** Counts its searches and delegates them to CP-SAT. */
    private static final class CountingBackend implements MipBackend {
        final AtomicInteger searches = new AtomicInteger();

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public Result solve(MipModel model, Parameters parameters, Observer observer, Cancellation cancellation) {
            searches.incrementAndGet();
            return CP_SAT.solve(model, parameters, observer, cancellation);
        }
    }

    @Test
    void integralVertexSettlesASmallModelWithoutASearch() {
        CountingBackend backend = new CountingBackend();
        LpBoundedSearch.Outcome o = LpBoundedSearch.solve(LpRelaxationTest.integralCover(), backend,
                new MipBackend.Parameters(10, 0, 1, 0), MipBackend.Observer.NONE, new Cancellation(), true, true);

        assertThat(backend.searches).hasValue(0);
        assertThat(o.result().status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(o.result().values()).containsExactly(0.0, 3.0);
        assertThat(o.result().objective()).isCloseTo(108.95, Fabrics.within(108.95));
        assertThat(o.result().bound()).isCloseTo(108.95, Fabrics.within(108.95));
        assertThat(o.result().solver()).isEqualTo("counting");
        assertThat(o.boundSource()).isEqualTo(LpBoundedSearch.SOURCE_LP);
    }

    @Test
    void infeasibleRelaxationSettlesASmallModelWithoutASearch() {
        MipModel m = new MipModel("infeasible");
        MipModel.Var a = m.addBinary("a");
        MipModel.Var b = m.addBinary("b");
        m.addEquality("three", new MipModel.Expr().add(a, 1).add(b, 1), 3);
        CountingBackend backend = new CountingBackend();

        LpBoundedSearch.Outcome o = LpBoundedSearch.solve(m, backend, new MipBackend.Parameters(10, 0, 1, 0),
                MipBackend.Observer.NONE, new Cancellation(), true, true);

        assertThat(backend.searches).hasValue(0);
        assertThat(o.result().status()).isEqualTo(SolveStatus.INFEASIBLE);
        assertThat(o.result().values()).isNull();
    }

    /** The vertex (0, 3.09) is fractional: the search runs and proves (1, 3); the relaxation is always solved. */
    @Test
    void fractionalVertexLeavesTheProofToTheSearchWithItsBoundKnown() {
        CountingBackend backend = new CountingBackend();
        LpBoundedSearch.Outcome o = LpBoundedSearch.solve(LpRelaxationTest.fractionalCover(), backend,
                new MipBackend.Parameters(10, 0, 1, 0), MipBackend.Observer.NONE, new Cancellation(), true, true);

        assertThat(backend.searches).hasValue(1);
        assertThat(o.result().status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(o.result().values()).containsExactly(1.0, 3.0);
        assertThat(o.result().objective()).isCloseTo(10.4, Fabrics.within(10.4));
        assertThat(o.lp().status()).isEqualTo(LpRelaxation.Status.OPTIMAL);
        assertThat(o.lp().bound()).isCloseTo(2.9 * 3.4 / 1.1, Fabrics.within(8.96));
        assertThat(o.boundSource()).isEqualTo(LpBoundedSearch.SOURCE_SEARCH);
    }

    /** Within a 20 % gap the LP bound 8.96 proves the search's first plan (10.4 or better) good enough. */
    @Test
    void fractionalBoundKnownFirstStopsTheSearchWithinTheGap() {
        LpBoundedSearch.Outcome o = LpBoundedSearch.solve(LpRelaxationTest.fractionalCover(), CP_SAT,
                new MipBackend.Parameters(10, 0.2, 1, 0), MipBackend.Observer.NONE, new Cancellation(), true, true);

        assertThat(o.result().status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(o.result().objective()).isLessThanOrEqualTo(10.4 + 1e-9);
        assertThat((o.result().objective() - o.result().bound()) / o.result().objective()).isLessThanOrEqualTo(0.2);
    }

    /** Cancelled before anything ran: no relaxation, and the search (alone) has no plan. */
    @Test
    void cancelledBeforeTheRelaxationLeavesTheSearchAlone() {
        Cancellation cancelled = new Cancellation();
        cancelled.cancel();
        CountingBackend backend = new CountingBackend();

        LpBoundedSearch.Outcome o = LpBoundedSearch.solve(LpRelaxationTest.integralCover(), backend,
                new MipBackend.Parameters(10, 0, 1, 0), MipBackend.Observer.NONE, cancelled, true, true);

        assertThat(o.lp().status()).isEqualTo(LpRelaxation.Status.UNKNOWN);
        assertThat(backend.searches).hasValue(1);
        assertThat(o.result().status()).isEqualTo(SolveStatus.NO_SOLUTION);
        assertThat(o.boundSource()).isEqualTo(LpBoundedSearch.SOURCE_SEARCH);
    }

    @Test
    void onlyCpSatModelsUpToTheThresholdSolveTheirRelaxationFirst() {
        MipModel small = new MipModel("small");
        MipModel large = new MipModel("large");
        for (int i = 0; i < SolveTuning.LP_FIRST_MAX_VARIABLES; i++) {
            small.addBinary("x" + i);
            large.addBinary("x" + i);
        }
        large.addBinary("one more");
        assertThat(SolveTuning.lpFirst(small, CP_SAT)).isTrue();
        assertThat(SolveTuning.lpFirst(large, CP_SAT)).isFalse();
        // SCIP and HiGHS solve the relaxation at their own root
        assertThat(SolveTuning.lpFirst(small, MipBackends.create(SolverKind.HIGHS))).isFalse();
        assertThat(SolveTuning.lpFirst(small, new CountingBackend())).isFalse();
    }

    /** The planner's answer on a fabric proven by its relaxation is the search's optimum, plan checked. */
    @Test
    void plannerAnswerEqualsTheSearchAloneAndNamesTheEngineAsBefore() {
        Instance fabric = Fabrics.leafSpine(6, 4, 30, 7);
        for (Objective objective : Objective.values()) {
            PlanResult first = Fabrics.assertCheckedPlan(fabric, new OrToolsPlanner().solve(fabric,
                    Fabrics.options(objective, SolverKind.CP_SAT)));
            PlanResult alone = Fabrics.assertCheckedPlan(fabric, new OrToolsPlanner().solve(fabric,
                    Fabrics.options(objective, SolverKind.CP_SAT).withLpBound(false)));
            assertThat(first.status()).isEqualTo(SolveStatus.OPTIMAL);
            assertThat(alone.status()).isEqualTo(SolveStatus.OPTIMAL);
            assertThat(first.objectiveValue()).as(objective.name())
                    .isCloseTo(alone.objectiveValue(), Fabrics.within(alone.objectiveValue()));
            assertThat(first.statistics().solver()).isEqualTo("CP-SAT");
        }
        // HiGHS keeps the relaxation beside its search and its own name in the statistics
        PlanResult highs = Fabrics.assertCheckedPlan(fabric, new OrToolsPlanner().solve(fabric,
                Fabrics.options(Objective.TCO, SolverKind.HIGHS).withThreads(1)));
        assertThat(highs.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(highs.statistics().solver()).isEqualTo("HiGHS");
    }
}
