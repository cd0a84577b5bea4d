package io.fabricplan.formulations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabricplan.api.Cancellation;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.model.SolverKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The search restarted from the relaxation's rounded vertex (see {@link LpBoundedSearch}), on the fractional cover
 * of {@link LpRelaxationTest#fractionalCover()}: LP vertex (0, 3.09) for 8.96, integer optimum (1, 3) for 10.4.
 */
class LpRestartTest {
    private static final MipBackend CP_SAT = MipBackends.create(SolverKind.CP_SAT);

    private static LpRelaxation.Outcome relaxation(MipModel m) {
        LpRelaxation.Outcome lp = LpRelaxation.solve(m, 10, new Cancellation());
        assertThat(lp.integral()).isFalse();
        return lp;
    }

    private static MipBackend.Result stoppedAt(double x, double y, MipModel m) {
        double[] values = {x, y};
        return new MipBackend.Result(SolveStatus.FEASIBLE, values, m.objectiveValue(values), Double.NaN, 1.5, 2.0,
                "CP-SAT");
    }

    /** A poor first plan (x = 7: 11.9) is replaced by the restart's optimum, its times counted from the start. */
    @Test
    void restartFromTheVertexReplacesAPoorerPlan() {
        MipModel m = LpRelaxationTest.fractionalCover();
        List<Double> reported = new ArrayList<>();
        long start = System.nanoTime();

        MipBackend.Result r = LpBoundedSearch.restarted(m, CP_SAT, new MipBackend.Parameters(30, 0, 1, 0),
                (elapsed, objective, bound) -> reported.add(objective), new Cancellation(), stoppedAt(7, 0, m),
                relaxation(m), start);

        assertThat(r.values()).containsExactly(1.0, 3.0);
        assertThat(r.objective()).isCloseTo(10.4, Fabrics.within(10.4));
        assertThat(r.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(r.solver()).isEqualTo("CP-SAT (restarted from the LP)");
        assertThat(r.timeToBestS()).isBetween(0.0, r.solveS());
        assertThat(reported).isNotEmpty().allMatch(objective -> objective < 11.9);
    }

    /** The first plan is already optimal: the restart cannot beat it, and the first one is kept. */
    @Test
    void firstPlanKeptWhenTheRestartFindsNothingBetter() {
        MipModel m = LpRelaxationTest.fractionalCover();
        MipBackend.Result first = stoppedAt(1, 3, m);

        MipBackend.Result r = LpBoundedSearch.restarted(m, CP_SAT, new MipBackend.Parameters(30, 0, 1, 0),
                MipBackend.Observer.NONE, new Cancellation(), first, relaxation(m), System.nanoTime());

        assertThat(r.values()).isSameAs(first.values());
        assertThat(r.solver()).isEqualTo("CP-SAT");
        assertThat(r.bound()).isCloseTo(10.4, Fabrics.within(10.4)); // the restart's proof is kept
    }

    /** Too little time left: no restart at all. */
    @Test
    void noRestartWithoutTimeForIt() {
        MipModel m = LpRelaxationTest.fractionalCover();
        MipBackend.Result first = stoppedAt(7, 0, m);

        assertThat(LpBoundedSearch.restarted(m, CP_SAT, new MipBackend.Parameters(0.5, 0, 1, 0),
                MipBackend.Observer.NONE, new Cancellation(), first, relaxation(m), System.nanoTime()))
                .isSameAs(first);
    }

    /** The model's own hint (the warm start) is restored after the restart's rounded vertex. */
    @Test
    void warmStartHintRestoredAfterTheRestart() {
        MipModel m = LpRelaxationTest.fractionalCover();
        m.hint(m.variable("x"), 7);
        m.hint(m.variable("y"), 0);

        LpBoundedSearch.restarted(m, CP_SAT, new MipBackend.Parameters(30, 0, 1, 0), MipBackend.Observer.NONE,
                new Cancellation(), stoppedAt(7, 0, m), relaxation(m), System.nanoTime());

        assertThat(m.hint()).containsExactly(java.util.Map.entry(0, 7.0), java.util.Map.entry(1, 0.0));
        assertThat(LpBoundedSearch.hintObjective(m)).isCloseTo(11.9, Fabrics.within(11.9));
    }

    @Test
    void hintObjectiveOnlyForACompleteHint() {
        MipModel m = LpRelaxationTest.fractionalCover();
        assertThat(LpBoundedSearch.hintObjective(m)).isNaN();
        m.hint(m.variable("x"), 1);
        assertThat(LpBoundedSearch.hintObjective(m)).isNaN();
        m.hint(m.variable("y"), 3);
        assertThat(LpBoundedSearch.hintObjective(m)).isCloseTo(10.4, Fabrics.within(10.4));
    }

    /** CP-SAT takes engine parameters in protobuf text; a typo is refused naming the text. */
    @Test
    void cpSatTakesItsOwnParametersAndRefusesUnknownOnes() {
        MipModel m = LpRelaxationTest.fractionalCover();
        MipBackend.Result r = CP_SAT.solve(m, new MipBackend.Parameters(10, 0, 1, 0, "cp_model_presolve: false"),
                MipBackend.Observer.NONE, new Cancellation());
        assertThat(r.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(r.objective()).isCloseTo(10.4, Fabrics.within(10.4));

        assertThatThrownBy(() -> CP_SAT.solve(m, new MipBackend.Parameters(10, 0, 1, 0, "cp_model_presolv: false"),
                MipBackend.Observer.NONE, new Cancellation()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cp_model_presolv: false");
    }

    /**
     * The watcher of a fractional relaxation waits for the search's end, not a fixed nap: counted down from the
     * search's thread, it returns then (true) within a wait far longer than the test; not counted down, false.
     */
    @Test
    void watcherWakesAsSoonAsTheSearchEnds() throws InterruptedException {
        java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        assertThat(LpBoundedSearch.awaitEnd(ended, 1)).isFalse();
        Thread search = new Thread(ended::countDown);
        search.start();
        assertThat(LpBoundedSearch.awaitEnd(ended, 600_000)).isTrue();
        search.join();
        assertThat(LpBoundedSearch.awaitEnd(ended, 600_000)).isTrue();
    }
}
