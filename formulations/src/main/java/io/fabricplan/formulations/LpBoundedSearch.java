package io.fabricplan.formulations;

import io.fabricplan.api.Cancellation;
import io.fabricplan.api.SolveStatus;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 *   <li>where the vertex is fractional and CP-SAT's incumbent stays more than {@value #RESTART_GAP} (relative)
 *       above the bound without improving by {@value #SIGNIFICANT} for {@value #RESTART_STALL_SECONDS} s, with at
 *       least {@value #RESTART_MIN_SECONDS} s left, the search restarts hinted with the vertex
 *       rounded (a relaxation-induced hint, in the spirit of RINS: Danna, Rothberg and Le Pape, "Exploring
 *       relaxation induced neighborhoods to improve MIP solutions", Math. Programming 102, 2005); the better
 *       plan of the two searches is kept. On fabrics with free placement the search alone stalls near the
 *       repaired rule of thumb (16,384 GPUs: 17 % above the bound after 20 s); the rounded vertex leads it to
 *       plans within about 1 % of it.</li>
 *   <li>where the vertex is fractional and the model declares state groups, the relaxation dives from it
 *       ({@link LpRelaxation}: states rounded and fixed a batch at a time, the relaxation solved again after each)
 *       for a plan of its own: one within the gap ends the search, a better one than the search's is returned,
 *       and a restart is hinted with it rather than with the vertex. With stock and a CPO supply limit (16,384
 *       GPUs) the search alone stayed 9.9 % above the bound after 20 s; the dive's plan is 2.7 % above it after
 *       six solves (1.5 s).</li>
 * </ul>
 * The relaxation is stopped when the search ends first. Which bound was reported is said by
 * {@link Outcome#boundSource()}.
 */
final class LpBoundedSearch {
    /** Where the reported bound came from. */
    static final String SOURCE_SEARCH = "search";
    static final String SOURCE_LP = "LP";
    /** Relative gap of the incumbent to a fractional relaxation's bound above which the search restarts. */
    static final double RESTART_GAP = 0.02;
    /**
     * CP-SAT's parameters for the restart: no presolve. With it, 16,384 GPUs with free placement spend 7 s in
     * presolve before the search starts; without, the first plan near the rounded vertex comes 5 s after the
     * restart (its hint is infeasible, so the search's feasibility jump and LNS repair it).
     */
    static final String RESTART_PARAMETERS = "cp_model_presolve: false";
    /** Seconds without an improvement of {@value #SIGNIFICANT} (relative) after which a search has stalled. */
    static final double RESTART_STALL_SECONDS = 5.0;
    /** An improvement of the incumbent by this fraction counts as progress. */
    static final double SIGNIFICANT = 0.01;
    private static final long WATCH_MILLIS = 200;
    /** Seconds the restarted search must have at least. */
    static final double RESTART_MIN_SECONDS = 2.0;

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
     * Solves the model with the backend and, when {@code withLp}, its relaxation: beside the search, or first, on
     * this thread, for a small model ({@link SolveTuning#lpFirst}). There an integral vertex (or an infeasible
     * relaxation) settles the model without any search; a fractional vertex's bound is known to the search from
     * its start, and a relaxation that could not be solved leaves the search alone.
     *
     * @param cancellation the caller's: raising it stops both
     */
    static Outcome solve(MipModel model, MipBackend backend, MipBackend.Parameters parameters,
                         MipBackend.Observer observer, Cancellation cancellation, boolean withLp) {
        return solve(model, backend, parameters, observer, cancellation, withLp,
                SolveTuning.lpFirst(model, backend));
    }

    /** The same with the relaxation first or beside as {@code lpFirst} says, whatever the model's size (tests). */
    static Outcome solve(MipModel model, MipBackend backend, MipBackend.Parameters parameters,
                         MipBackend.Observer observer, Cancellation cancellation, boolean withLp, boolean lpFirst) {
        if (!withLp) {
            MipBackend.Result r = backend.solve(model, parameters, observer, cancellation);
            return new Outcome(r, SOURCE_SEARCH, LpRelaxation.Outcome.unknown(0));
        }
        long start = System.nanoTime();
        if (!lpFirst) {
            return beside(model, backend, parameters, observer, cancellation, start, null);
        }
        LpRelaxation.Outcome first = LpRelaxation.solve(model, parameters.timeLimitSeconds(), cancellation);
        if (first.status() == LpRelaxation.Status.OPTIMAL && !first.integral()
                && !divedWithinGap(model, first, parameters.relativeGap())) {
            return beside(model, backend, parameters, observer, cancellation, start, first);
        }
        if (first.status() == LpRelaxation.Status.UNKNOWN) {
            MipBackend.Result r = backend.solve(model, remaining(parameters, start), observer, cancellation);
            return new Outcome(r, SOURCE_SEARCH, first);
        }
        MipBackend.Result none = new MipBackend.Result(SolveStatus.NO_SOLUTION, null, Double.NaN, Double.NaN, 0,
                seconds(start), backend.name());
        return new Outcome(combine(model, none, first, parameters.relativeGap(), start), boundSource(none, first),
                first);
    }

    /** The parameters with the time spent since {@code start} taken off the limit. */
    private static MipBackend.Parameters remaining(MipBackend.Parameters p, long start) {
        return new MipBackend.Parameters(Math.max(0.001, p.timeLimitSeconds() - seconds(start)), p.relativeGap(),
                p.threads(), p.seed(), p.solverSpecific());
    }

    /**
     * The search with the relaxation on a thread beside it: solving it, or, when {@code known} (a fractional vertex
     * solved first), watching the search for a stall to restart it from that vertex.
     */
    private static Outcome beside(MipModel model, MipBackend backend, MipBackend.Parameters parameters,
                                  MipBackend.Observer observer, Cancellation cancellation, long start,
                                  LpRelaxation.Outcome known) {
        Cancellation search = new Cancellation();
        Cancellation relaxation = new Cancellation();
        Runnable stopBoth = () -> {
            search.cancel();
            relaxation.cancel();
        };
        cancellation.onCancel(stopBoth);
        AtomicReference<Double> incumbent = new AtomicReference<>(Double.NaN);
        AtomicReference<LpRelaxation.Outcome> lpDone = new AtomicReference<>(known);
        AtomicBoolean restart = new AtomicBoolean();
        // counted down when the search ends: wakes the watcher below at once rather than after its next nap, which
        // the caller would otherwise wait out (up to WATCH_MILLIS on every solve the search finishes first)
        CountDownLatch searchEnded = new CountDownLatch(1);
        SearchProgress progress = new SearchProgress(start, hintObjective(model));
        boolean mayRestart = backend instanceof CpSatBackend;
        try {
            CompletableFuture<LpRelaxation.Outcome> lp = CompletableFuture.supplyAsync(() -> {
                LpRelaxation.Outcome o = known != null ? known
                        : LpRelaxation.solve(model, parameters.timeLimitSeconds(), relaxation);
                lpDone.set(o);
                if (o.status() == LpRelaxation.Status.INFEASIBLE || o.integral()
                        || divedWithinGap(model, o, parameters.relativeGap())
                        || withinGap(incumbent.get(), o.bound(), parameters.relativeGap())) {
                    search.cancel();
                } else if (mayRestart && o.status() == LpRelaxation.Status.OPTIMAL) {
                    // watch the search: restart it from the vertex once it stalls far above the bound
                    while (searchEnded.getCount() > 0 && !search.isCancelled()) {
                        double left = parameters.timeLimitSeconds() - seconds(start);
                        if (left < RESTART_MIN_SECONDS) {
                            break;
                        }
                        if (!withinGap(incumbent.get(), o.bound(), RESTART_GAP)
                                && progress.stalledSeconds() >= RESTART_STALL_SECONDS) {
                            restart.set(true);
                            search.cancel();
                            break;
                        }
                        if (awaitEnd(searchEnded, WATCH_MILLIS)) {
                            break;
                        }
                    }
                }
                return o;
            }, DaemonThread.named("fabricplan-lp-bound"));
            MipBackend.Result r = backend.solve(model, remaining(parameters, start), (elapsed, objective, bound) -> {
                incumbent.set(objective);
                progress.found(objective);
                LpRelaxation.Outcome o = lpDone.get();
                observer.onSolution(elapsed, objective, o == null ? bound : better(bound, o.bound()));
                if (o != null && withinGap(objective, o.bound(), parameters.relativeGap())) {
                    search.cancel();
                }
            }, search);
            searchEnded.countDown();
            relaxation.cancel(); // the search has ended: a relaxation still running no longer helps
            LpRelaxation.Outcome o = await(lp);
            if (restart.get() && !cancellation.isCancelled()) {
                r = restarted(model, backend, parameters, observer, cancellation, r, o, start);
            }
            return new Outcome(combine(model, r, o, parameters.relativeGap(), start), boundSource(r, o), o);
        } finally {
            cancellation.remove(stopBoth);
        }
    }

    /**
     * The search again, hinted with the relaxation's vertex rounded, for the rest of the time; the better plan of
     * the two searches (the first one's when the second finds none better), with the times counted from the start.
     */
    static MipBackend.Result restarted(MipModel model, MipBackend backend, MipBackend.Parameters parameters,
                                       MipBackend.Observer observer, Cancellation cancellation,
                                       MipBackend.Result first, LpRelaxation.Outcome lp, long start) {
        double offsetS = seconds(start);
        double left = parameters.timeLimitSeconds() - offsetS;
        if (left < RESTART_MIN_SECONDS / 2) {
            return first;
        }
        Map<Integer, Double> previousHint = new java.util.LinkedHashMap<>(model.hint());
        model.clearHint();
        double[] from = lp.dived() != null ? lp.dived() : lp.values(); // the dive's solution is the better start
        for (MipModel.Var v : model.variables()) {
            double x = from[v.index()];
            model.hint(v, v.integer() ? Math.min(v.ub(), Math.max(v.lb(), Math.rint(x))) : x);
        }
        double firstObjective = first.status().hasPlan() ? first.objective() : Double.POSITIVE_INFINITY;
        Cancellation search = new Cancellation();
        Runnable stop = search::cancel;
        cancellation.onCancel(stop);
        MipBackend.Result second;
        try {
            second = backend.solve(model, new MipBackend.Parameters(left, parameters.relativeGap(),
                    parameters.threads(), parameters.seed(), RESTART_PARAMETERS),
                    (elapsed, objective, bound) -> {
                        if (objective < firstObjective) { // the progress line never goes back
                            observer.onSolution(offsetS + elapsed, objective, better(bound, lp.bound()));
                        }
                        if (withinGap(objective, lp.bound(), parameters.relativeGap())) {
                            search.cancel();
                        }
                    }, search);
        } finally {
            cancellation.remove(stop);
            model.clearHint();
            previousHint.forEach((index, value) -> model.hint(model.variables().get(index), value));
        }
        double bound = better(first.bound(), second.bound());
        if (second.status() == SolveStatus.INFEASIBLE || !second.status().hasPlan()
                || second.objective() >= firstObjective) {
            return new MipBackend.Result(first.status(), first.values(), first.objective(), bound,
                    first.timeToBestS(), seconds(start), first.solver());
        }
        return new MipBackend.Result(second.status(), second.values(), second.objective(), bound,
                offsetS + second.timeToBestS(), seconds(start), second.solver() + " (restarted from the LP)");
    }

    /** When the search last improved its incumbent significantly (or started, before its first plan). */
    private static final class SearchProgress {
        private double lastObjective = Double.NaN;
        private long lastNanos;

        /** @param hinted the objective of the search's hint (NaN: none), which the search finding is no progress */
        SearchProgress(long start, double hinted) {
            this.lastNanos = start;
            this.lastObjective = hinted;
        }

        synchronized void found(double objective) {
            if (Double.isNaN(lastObjective) || objective < lastObjective - SIGNIFICANT * Math.abs(lastObjective)) {
                lastObjective = objective;
                lastNanos = System.nanoTime();
            }
        }

        synchronized double stalledSeconds() {
            return (System.nanoTime() - lastNanos) / 1e9;
        }
    }

    /** The objective of the model's hint when it gives every variable a value, else NaN. */
    static double hintObjective(MipModel model) {
        if (model.hint().size() != model.numVariables()) {
            return Double.NaN;
        }
        double[] values = new double[model.numVariables()];
        model.hint().forEach((index, value) -> values[index] = value);
        return model.objectiveValue(values);
    }

    /** Waits until the latch is down or the time is up; whether it is down (an interrupt counts as down). */
    static boolean awaitEnd(CountDownLatch ended, long millis) {
        try {
            return ended.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
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

    /** Whether the relaxation's dive found a solution within the gap of its bound. */
    static boolean divedWithinGap(MipModel model, LpRelaxation.Outcome lp, double relativeGap) {
        return lp.status() == LpRelaxation.Status.OPTIMAL && lp.dived() != null
                && withinGap(model.objectiveValue(lp.dived()), lp.bound(), relativeGap);
    }

    static MipBackend.Result combine(MipModel model, MipBackend.Result r, LpRelaxation.Outcome lp,
                                             double relativeGap, long start) {
        double solveS = seconds(start);
        if (lp.status() == LpRelaxation.Status.OPTIMAL && !lp.integral() && lp.dived() != null) {
            double dived = model.objectiveValue(lp.dived());
            if (!r.status().hasPlan() || dived < r.objective()) {
                r = new MipBackend.Result(SolveStatus.FEASIBLE, lp.dived(), dived, r.bound(), lp.seconds(), solveS,
                        r.solver() + " (LP dive)");
            }
        }
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
