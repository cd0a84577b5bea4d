package io.fabricplan.formulations;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.Cancellation;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.model.SolverKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A cancellation raised on one thread just as the solve it stops ends on another. The hook then ran after the
 * solving thread had deleted its native MPSolver, and {@code interruptSolve} on the deleted solver killed the JVM
 * (SIGSEGV, found by {@link RelaxationProperties}: the LP relaxation beside CP-SAT finished as the search ended and
 * stopped it). Before the fix these tests crashed the test JVM in 5 of 6 runs.
 */
class SolverCancellationRaceTest {
    /** min x  s.t.  1 <= x <= 3, x in 0..4 integer: optimum 1. */
    private static MipModel tiny() {
        MipModel m = new MipModel("tiny");
        MipModel.Var x = m.addInteger("x", 0, 4);
        m.addRow("r", 1, new MipModel.Expr().add(x, 1), 3);
        m.addObjective(x, 1);
        return m;
    }

    @Test
    void cancellingAsTheRelaxationEndsNeverTouchesADeletedSolver() throws Exception {
        MipModel model = tiny();
        Map<LpRelaxation.Status, Integer> seen = race(800, c -> {
            LpRelaxation.Outcome o = LpRelaxation.solve(model, 10, c);
            if (o.status() == LpRelaxation.Status.OPTIMAL) {
                assertThat(o.bound()).isEqualTo(1.0);
            }
            return o.status();
        }, LpRelaxation.Status.class);

        // cancels landed both after the end (solved) and before it (stopped): the race window was crossed
        assertThat(seen).containsOnlyKeys(LpRelaxation.Status.OPTIMAL, LpRelaxation.Status.UNKNOWN);
    }

    /** The MPSolver backend's hook, with HiGHS (SCIP takes the same path, ten times slower to create). */
    @Test
    void cancellingAsTheMipSolveEndsNeverTouchesADeletedSolver() throws Exception {
        MipModel model = tiny();
        MipBackend backend = MipBackends.create(SolverKind.HIGHS);
        Map<SolveStatus, Integer> seen = race(300, c -> {
            MipBackend.Result r = backend.solve(model, new MipBackend.Parameters(10, 0, 1, 0),
                    MipBackend.Observer.NONE, c);
            if (r.status() == SolveStatus.OPTIMAL) {
                assertThat(r.objective()).isEqualTo(1.0);
            }
            return r.status();
        }, SolveStatus.class);

        assertThat(seen).containsKey(SolveStatus.OPTIMAL).containsKey(SolveStatus.NO_SOLUTION);
    }

    /**
     * Solves {@code rounds} times on another thread and cancels each solve after a random wait of up to twice a
     * solve's time, so that cancels land before, during and after it; counts the statuses.
     */
    private static <S extends Enum<S>> Map<S, Integer> race(int rounds, Function<Cancellation, S> solve,
                                                            Class<S> statuses) throws Exception {
        MipBackends.loadNatives();
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            solve.apply(new Cancellation());
        }
        long solveNanos = Math.max(1, (System.nanoTime() - start) / 20);
        Random random = new Random(7);
        Map<S, Integer> seen = new EnumMap<>(statuses);
        for (int i = 0; i < rounds; i++) {
            Cancellation cancellation = new Cancellation();
            CompletableFuture<S> solving = new CompletableFuture<>();
            // a hook ahead of the solver's that lets the solve end first: a cancel landing during the solve then
            // reaches the solver's hook after the solving thread has deleted the solver, every time
            cancellation.onCancel(() -> awaitQuietly(solving));
            CompletableFuture.runAsync(() -> {
                try {
                    solving.complete(solve.apply(cancellation));
                } catch (RuntimeException | Error e) {
                    solving.completeExceptionally(e);
                }
            });
            long wait = (long) (random.nextDouble() * 2 * solveNanos);
            long from = System.nanoTime();
            while (System.nanoTime() - from < wait) {
                Thread.onSpinWait();
            }
            cancellation.cancel();
            seen.merge(solving.get(), 1, Integer::sum);
        }
        return seen;
    }

    private static void awaitQuietly(CompletableFuture<?> solving) {
        try {
            solving.get(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the round's assertion reports it
        }
    }
}
