package io.fabricplan.formulations;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.Cancellation;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Objective;
import io.fabricplan.model.SolverKind;
import org.junit.jupiter.api.Test;

/** The LP relaxation as a bound, as a solution when integral, and raced beside a search. */
class LpRelaxationTest {

    /**
     * A cover whose LP optimum is fractional:
     * <pre>
     *   min 1.7 x + 2.9 y   s.t.  0.5 x + 1.1 y >= 3.4,  x, y in 0..10 integer
     * </pre>
     * y is the cheaper cover per unit (2.9 / 1.1 = 2.636 against 3.4), so the LP takes y = 3.4 / 1.1 = 3.0909 for
     * 8.9636; the integer optimum is x = 1, y = 3 (3.8 >= 3.4) for 10.4 (y = 4: 11.6; x = 3, y = 2: 10.9).
     */
    static MipModel fractionalCover() {
        return cover("fractional", 3.4, 0);
    }

    /** The same cover at 3.3: y = 3 meets it exactly, so the LP optimum is integral: 8.7 + 100.25. */
    static MipModel integralCover() {
        return cover("integral", 3.3, 100.25);
    }

    /** {@code min 1.7 x + 2.9 y + constant  s.t.  0.5 x + 1.1 y >= need,  x, y in 0..10 integer}. */
    static MipModel cover(String name, double need, double constant) {
        MipModel m = new MipModel(name);
        MipModel.Var x = m.addInteger("x", 0, 10);
        MipModel.Var y = m.addInteger("y", 0, 10);
        m.addRow("cover", need, new MipModel.Expr().add(x, 0.5).add(y, 1.1), Double.POSITIVE_INFINITY);
        m.addObjective(x, 1.7);
        m.addObjective(y, 2.9);
        if (constant != 0) {
            m.addObjectiveConstant(constant);
        }
        return m;
    }

    @Test
    void fractionalVertexGivesTheLpBoundAndNoSolution() {
        LpRelaxation.Outcome o = LpRelaxation.solve(fractionalCover(), 10, new Cancellation());

        assertThat(o.status()).isEqualTo(LpRelaxation.Status.OPTIMAL);
        assertThat(o.bound()).isCloseTo(2.9 * 3.4 / 1.1, Fabrics.within(8.96));
        assertThat(o.integral()).isFalse();
    }

    @Test
    void integralVertexIsTheModelsOptimum() {
        LpRelaxation.Outcome o = LpRelaxation.solve(integralCover(), 10, new Cancellation());

        assertThat(o.status()).isEqualTo(LpRelaxation.Status.OPTIMAL);
        assertThat(o.integral()).isTrue();
        assertThat(o.values()).containsExactly(0.0, 3.0);
        assertThat(o.bound()).isCloseTo(108.95, Fabrics.within(108.95));
    }

    @Test
    void infeasibleRelaxationProvesTheModelInfeasible() {
        MipModel m = new MipModel("infeasible");
        MipModel.Var a = m.addBinary("a");
        MipModel.Var b = m.addBinary("b");
        m.addEquality("three", new MipModel.Expr().add(a, 1).add(b, 1), 3);

        assertThat(LpRelaxation.solve(m, 10, new Cancellation()).status())
                .isEqualTo(LpRelaxation.Status.INFEASIBLE);
    }

    @Test
    void cancelledRelaxationKnowsNothing() {
        Cancellation cancelled = new Cancellation();
        cancelled.cancel();

        LpRelaxation.Outcome o = LpRelaxation.solve(integralCover(), 10, cancelled);

        assertThat(o.status()).isEqualTo(LpRelaxation.Status.UNKNOWN);
        assertThat(o.bound()).isNaN();
    }

    @Test
    void roundedVertexMustMeetEveryRow() {
        MipModel m = fractionalCover();
        assertThat(LpRelaxation.meetsEveryRow(m, new double[] {1, 3})).isTrue();
        assertThat(LpRelaxation.meetsEveryRow(m, new double[] {0, 3})).isFalse();
        assertThat(LpRelaxation.rounded(m, new double[] {0, 3.0909})).isNull();
        assertThat(LpRelaxation.rounded(m, new double[] {1e-9, 2.9999999999})).containsExactly(0.0, 3.0);
    }

    /**
     * The search proves 10.4; the LP's 8.96 (if it finishes first) is weaker: the bound reported is the search's.
     * The relaxation beside the search, as on large models (small ones solve it first: {@link LpFirstTest}).
     */
    @Test
    void searchBeatsAWeakRelaxationAndKeepsItsOwnBound() {
        LpBoundedSearch.Outcome o = LpBoundedSearch.solve(fractionalCover(), MipBackends.create(SolverKind.CP_SAT),
                new MipBackend.Parameters(10, 0, 1, 0), MipBackend.Observer.NONE, new Cancellation(), true, false);

        assertThat(o.result().status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(o.result().values()).containsExactly(1.0, 3.0);
        assertThat(o.result().objective()).isCloseTo(10.4, Fabrics.within(10.4));
        assertThat(o.result().bound()).isCloseTo(10.4, Fabrics.within(10.4));
        assertThat(o.boundSource()).isEqualTo(LpBoundedSearch.SOURCE_SEARCH);
        // the relaxation may be stopped by the search's end before it finishes; when it finished, it was weaker
        assertThat(o.lp().status() == LpRelaxation.Status.UNKNOWN || o.lp().bound() < 9.0).isTrue();
    }

    /**
     * When the relaxation finishes with an integral vertex, that vertex is the model's optimum and the bound is the
     * LP's (combined here from a search and a relaxation run one after the other, as the race may end either way).
     */
    @Test
    void integralRelaxationIsReportedAsTheBound() {
        MipModel m = integralCover();
        LpRelaxation.Outcome lp = LpRelaxation.solve(m, 10, new Cancellation());
        MipBackend.Result stopped = new MipBackend.Result(SolveStatus.NO_SOLUTION, null, Double.NaN, Double.NaN, 0,
                0.1, "SCIP");

        MipBackend.Result combined = LpBoundedSearch.combine(m, stopped, lp, 0, System.nanoTime());

        assertThat(combined.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(combined.values()).containsExactly(0.0, 3.0);
        assertThat(combined.objective()).isCloseTo(108.95, Fabrics.within(108.95));
        assertThat(combined.solver()).isEqualTo("SCIP");
        assertThat(LpBoundedSearch.boundSource(stopped, lp)).isEqualTo(LpBoundedSearch.SOURCE_LP);
    }

    /** A fractional relaxation's bound closes the gap of a search stopped early: OPTIMAL within the gap asked. */
    @Test
    void relaxationBoundClosesTheGapOfAStoppedSearch() {
        MipModel m = fractionalCover();
        LpRelaxation.Outcome lp = LpRelaxation.solve(m, 10, new Cancellation());
        MipBackend.Result stopped = new MipBackend.Result(SolveStatus.FEASIBLE, new double[] {1, 3}, 10.4, 5.0, 0,
                0.1, "CP-SAT");

        MipBackend.Result within = LpBoundedSearch.combine(m, stopped, lp, 0.2, System.nanoTime());
        MipBackend.Result outside = LpBoundedSearch.combine(m, stopped, lp, 0.1, System.nanoTime());

        assertThat(within.status()).isEqualTo(SolveStatus.OPTIMAL); // (10.4 - 8.96) / 10.4 = 13.8 % <= 20 %
        assertThat(within.bound()).isCloseTo(2.9 * 3.4 / 1.1, Fabrics.within(8.96));
        assertThat(outside.status()).isEqualTo(SolveStatus.FEASIBLE);
        assertThat(LpBoundedSearch.boundSource(stopped, lp)).isEqualTo(LpBoundedSearch.SOURCE_LP);
    }

    @Test
    void withoutTheRelaxationOnlyTheSearchRuns() {
        LpBoundedSearch.Outcome o = LpBoundedSearch.solve(integralCover(), MipBackends.create(SolverKind.CP_SAT),
                new MipBackend.Parameters(10, 0, 1, 0), MipBackend.Observer.NONE, new Cancellation(), false);

        assertThat(o.lp().status()).isEqualTo(LpRelaxation.Status.UNKNOWN);
        assertThat(o.boundSource()).isEqualTo(LpBoundedSearch.SOURCE_SEARCH);
        assertThat(o.result().objective()).isCloseTo(108.95, Fabrics.within(108.95));
    }

    /** A leaf-spine fabric with fixed racks: the relaxation's vertex is integral and names the bound. */
    @Test
    void fabricWithFixedRacksIsProvenByItsRelaxation() {
        Instance fabric = Fabrics.leafSpine(4, 10, 1.5, 11);
        PlanResult withLp = Fabrics.assertCheckedPlan(fabric, new OrToolsPlanner().solve(fabric,
                Fabrics.options(Objective.TCO, SolverKind.CP_SAT)));
        PlanResult alone = Fabrics.assertCheckedPlan(fabric, new OrToolsPlanner().solve(fabric,
                Fabrics.options(Objective.TCO, SolverKind.CP_SAT).withLpBound(false)));

        assertThat(withLp.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(withLp.objectiveValue()).isCloseTo(alone.objectiveValue(), Fabrics.within(alone.objectiveValue()));
        assertThat(withLp.statistics().line()).contains("BoundFrom[");
        assertThat(alone.statistics().boundSource()).isEqualTo("search");
    }

    /** Beside the search, an integral vertex (if it comes first) or the search proves the same optimum. */
    @Test
    void integralRelaxationBesideTheSearchGivesTheSameOptimum() {
        LpBoundedSearch.Outcome o = LpBoundedSearch.solve(integralCover(), MipBackends.create(SolverKind.CP_SAT),
                new MipBackend.Parameters(10, 0, 2, 0), MipBackend.Observer.NONE, new Cancellation(), true, false);

        assertThat(o.result().status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(o.result().values()).containsExactly(0.0, 3.0);
        assertThat(o.result().objective()).isCloseTo(108.95, Fabrics.within(108.95));
    }
}
