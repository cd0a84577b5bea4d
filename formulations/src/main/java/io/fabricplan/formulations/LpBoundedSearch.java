package io.fabricplan.formulations;

import io.fabricplan.api.Cancellation;
import io.fabricplan.api.SolveStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A backend's search with the model's {@link LpRelaxation} solved beside it, on a thread of its own, for a bound
 * that does not depend on the search's seed or luck.
 *
 * <p>Why: with two workers CP-SAT's portfolio sometimes has no worker improving the bound, so the same fabric was
 * proven optimal in 65 s on one run and left at an 8 % gap after 300 s on the next, although the plan was the
 * same. The LP relaxation of the fabric models is tight (on generated fabrics with fixed racks its optimal vertex
 * is integral, hence optimal), so:
 * <ul>
 *   <li>when the relaxation's vertex is integral and meets every row, the search stops and that vertex is the
 *       solution, proven optimal by the relaxation itself;</li>
 *   <li>otherwise the relaxation's optimum is a valid bound: the search stops as soon as its incumbent is within
 *       the requested gap of it, and the bound reported is the better of the two;</li>
 *   <li>a relaxation without solution proves the model infeasible.</li>
 * </ul>
 * The relaxation is stopped when the search ends first. Which bound was reported is said by
 * {@link Outcome#boundSource()}.
 */
final class LpBoundedSearch {
    /** Where the reported bound came from. */
    static final String SOURCE_SEARCH = "search";
    static final String SOURCE_LP = "LP";

    /**
     * The combined outcome.
     *
     * @param result      status, values, objective and bound as if one backend had found them
     * @param boundSource {@code search} (the backend's own bound) or {@code LP} (the relaxation's)
     * @param lp          the relaxation's outcome (UNKNOWN when it was not run or did not finish)
     */
    record Outcome(MipBackend.Result result, String boundSource, LpRelaxation.Outcome lp) {
    }

    private LpBoundedSearch() {
    }

    /**
     * Solves the model with the backend and, when {@code withLp}, its relaxation beside it.
     *
     * @param cancellation the caller's: raising it stops both
     */
    static Outcome solve(MipModel model, MipBackend backend, MipBackend.Parameters parameters,
                         MipBackend.Observer observer, Cancellation cancellation, boolean withLp) {
        if (!withLp) {
            MipBackend.Result r = backend.solve(model, parameters, observer, cancellation);
            return new Outcome(r, SOURCE_SEARCH, LpRelaxation.Outcome.unknown(0));
        }
        long start = System.nanoTime();
        Cancellation search = new Cancellation();
        Cancellation relaxation = new Cancellation();
        Runnable stopBoth = () -> {
            search.cancel();
            relaxation.cancel();
        };
        cancellation.onCancel(stopBoth);
        AtomicReference<Double> incumbent = new AtomicReference<>(Double.NaN);
        AtomicReference<LpRelaxation.Outcome> lpDone = new AtomicReference<>();
        try {
            CompletableFuture<LpRelaxation.Outcome> lp = CompletableFuture.supplyAsync(() -> {
                LpRelaxation.Outcome o = LpRelaxation.solve(model, parameters.timeLimitSeconds(), relaxation);
                lpDone.set(o);
                if (o.status() == LpRelaxation.Status.INFEASIBLE || o.integral()
                        || withinGap(incumbent.get(), o.bound(), parameters.relativeGap())) {
                    search.cancel();
                }
                return o;
            }, runnable -> {
                Thread t = new Thread(runnable, "fabricplan-lp-bound");
                t.setDaemon(true);
                t.start();
            });
            MipBackend.Result r = backend.solve(model, parameters, (elapsed, objective, bound) -> {
                incumbent.set(objective);
                LpRelaxation.Outcome o = lpDone.get();
                observer.onSolution(elapsed, objective, o == null ? bound : better(bound, o.bound()));
                if (o != null && withinGap(objective, o.bound(), parameters.relativeGap())) {
                    search.cancel();
                }
            }, search);
            relaxation.cancel(); // the search has ended: a relaxation still running no longer helps
            LpRelaxation.Outcome o = await(lp);
            return new Outcome(combine(model, r, o, parameters.relativeGap(), start), boundSource(r, o), o);
        } finally {
            cancellation.remove(stopBoth);
        }
    }

    private static LpRelaxation.Outcome await(CompletableFuture<LpRelaxation.Outcome> lp) {
        try {
            return lp.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return LpRelaxation.Outcome.unknown(0);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the LP relaxation failed: " + e.getCause(), e.getCause());
        }
    }

    static MipBackend.Result combine(MipModel model, MipBackend.Result r, LpRelaxation.Outcome lp,
                                             double relativeGap, long start) {
        double solveS = seconds(start);
        if (lp.status() == LpRelaxation.Status.INFEASIBLE) {
            return new MipBackend.Result(SolveStatus.INFEASIBLE, null, Double.NaN, Double.NaN, 0, solveS,
                    r.solver());
        }
        if (lp.status() != LpRelaxation.Status.OPTIMAL) {
            return r;
        }
        if (lp.integral()) {
            double objective = model.objectiveValue(lp.values());
            boolean searchAsGood = r.status().hasPlan() && r.objective() <= objective;
            return searchAsGood
                    ? new MipBackend.Result(SolveStatus.OPTIMAL, r.values(), r.objective(), lp.bound(),
                            r.timeToBestS(), solveS, r.solver())
                    : new MipBackend.Result(SolveStatus.OPTIMAL, lp.values(), objective, lp.bound(), lp.seconds(),
                            solveS, r.solver()); // the engine stays named whichever finished first: BoundFrom says
        }
        double bound = better(r.bound(), lp.bound());
        if (!r.status().hasPlan()) {
            return new MipBackend.Result(r.status(), null, Double.NaN, bound, 0, solveS, r.solver());
        }
        SolveStatus status = r.status() == SolveStatus.OPTIMAL || withinGap(r.objective(), bound, relativeGap)
                ? SolveStatus.OPTIMAL : SolveStatus.FEASIBLE;
        return new MipBackend.Result(status, r.values(), r.objective(), bound, r.timeToBestS(), solveS, r.solver());
    }

    /** Which bound the combined result reports. */
    static String boundSource(MipBackend.Result search, LpRelaxation.Outcome lp) {
        if (lp.status() != LpRelaxation.Status.OPTIMAL) {
            return SOURCE_SEARCH;
        }
        return lp.integral() || Double.isNaN(search.bound()) || lp.bound() > search.bound() ? SOURCE_LP : SOURCE_SEARCH;
    }

    private static double better(double a, double b) {
        if (Double.isNaN(a)) {
            return b;
        }
        return Double.isNaN(b) ? a : Math.max(a, b);
    }

    /** Whether an incumbent is within the relative gap of a bound (both known). */
    static boolean withinGap(double objective, double bound, double relativeGap) {
        if (Double.isNaN(objective) || Double.isNaN(bound)) {
            return false;
        }
        return objective - bound <= relativeGap * Math.max(1e-9, Math.abs(objective));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
