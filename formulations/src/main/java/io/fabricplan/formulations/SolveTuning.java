package io.fabricplan.formulations;

/**
 * Every choice of how to run a solve that depends on its size, in one place. None of them changes what a solve
 * proves or the objective it returns; they decide what runs on which thread, and in what order, so that a small
 * solve (a quote, answered while the customer waits) does not pay for machinery that only pays on large ones.
 * The thresholds were set with {@code service-bench}'s QuoteLatency (see BENCHMARKS.md, "Quote latency").
 */
final class SolveTuning {
    /**
     * Models of at most this many variables solve their LP relaxation first, on the calling thread, before any
     * search: on the fabric models the relaxation's vertex is usually integral, hence the optimum, and on small
     * models it takes well under the time the search would (superpod-4su, 900 variables: 17 ms against 25 ms for
     * CP-SAT's load and search; the 3-link example: 0.2 ms against 3 ms), so the search, its thread and the
     * engine's start-up are saved. Only when the vertex is fractional does the search run, with that bound known
     * from its start. Larger models (16,384 GPUs: 11,000 variables) keep the relaxation beside the search, where
     * its seconds overlap the search's. Only for CP-SAT: SCIP and HiGHS solve the relaxation at their root
     * themselves (and the results keep naming them as they did).
     */
    static final int LP_FIRST_MAX_VARIABLES = 2_000;

    /**
     * The bounds of {@link InfeasibilityDiagnosis} run on a thread of their own beside the repair of the rule of
     * thumb (when the solve may use two threads) only where a check of the whole plan, which they take about as long
     * as, takes at least this long; below, starting and awaiting the thread costs more than it overlaps.
     */
    static final double BOUNDS_BESIDE_MIN_CHECK_SECONDS = 0.05;

    private SolveTuning() {
    }

    /** Whether the model's relaxation is solved before the backend's search rather than beside it. */
    static boolean lpFirst(MipModel model, MipBackend backend) {
        return backend instanceof CpSatBackend && model.numVariables() <= LP_FIRST_MAX_VARIABLES;
    }

    /**
     * Whether the infeasibility bounds run beside the repair: a second thread allowed ({@code threads} 0 means all
     * cores) and a check as slow as {@link #BOUNDS_BESIDE_MIN_CHECK_SECONDS}.
     */
    static boolean boundsBeside(int threads, double checkSeconds) {
        return threads != 1 && Runtime.getRuntime().availableProcessors() > 1
                && checkSeconds >= BOUNDS_BESIDE_MIN_CHECK_SECONDS;
    }
}
