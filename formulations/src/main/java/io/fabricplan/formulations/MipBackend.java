package io.fabricplan.formulations;

import io.fabricplan.api.Cancellation;
import io.fabricplan.api.SolveStatus;
import java.util.List;

/**
 * An engine that solves a {@link MipModel}. Implementations create their native solver per call and keep no
 * state between calls, so one backend may serve many threads at once.
 */
public interface MipBackend {

    /** Engine name as reported in the statistics, e.g. {@code CP-SAT}. */
    String name();

    /**
     * Solves the model: minimises its objective under the given limits, using the model's hint if any.
     *
     * @param observer     told of every improving solution, from solver threads
     * @param cancellation raising it stops the search with the best solution so far
     */
    Result solve(MipModel model, Parameters parameters, Observer observer, Cancellation cancellation);

    /** What the user should be told about this engine having been chosen (e.g. AUTO's fallback); empty if nothing. */
    default List<String> notes() {
        return List.of();
    }

    /**
     * The limits of one solve, set in one place by each backend.
     *
     * @param solverSpecific engine parameters in the engine's own text format (SCIP: {@code name = value} lines;
     *                       CP-SAT: {@code SatParameters} in protobuf text format), applied after the backend's
     *                       own; Choco: see {@code ChocoBackend}
     */
    record Parameters(double timeLimitSeconds, double relativeGap, int threads, long seed, String solverSpecific) {
        public Parameters(double timeLimitSeconds, double relativeGap, int threads, long seed) {
            this(timeLimitSeconds, relativeGap, threads, seed, "");
        }

        /** Threads to use: the requested number, all cores for 0. */
        public int effectiveThreads() {
            return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        }
    }

    /** Improving solutions as they are found, in model units. */
    @FunctionalInterface
    interface Observer {
        Observer NONE = (elapsed, objective, bound) -> { };

        void onSolution(double elapsedSeconds, double objective, double bound);
    }

    /**
     * What a backend found.
     *
     * @param status      OPTIMAL, FEASIBLE, INFEASIBLE or NO_SOLUTION
     * @param values      value of every variable in model order, null without a solution
     * @param objective   the solver's objective value in model units, NaN without a solution
     * @param bound       best proven lower bound in model units, NaN when unknown
     * @param timeToBestS seconds from the start of the solve until the returned solution was found
     * @param solveS      seconds of the solve
     * @param solver      engine name and version
     */
    record Result(SolveStatus status, double[] values, double objective, double bound, double timeToBestS,
                  double solveS, String solver) {
    }
}
