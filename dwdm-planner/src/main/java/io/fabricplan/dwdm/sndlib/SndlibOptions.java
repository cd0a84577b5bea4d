package io.fabricplan.dwdm.sndlib;

import io.fabricplan.model.SolverKind;

/**
 * Limits and switches of one SNDlib solve.
 *
 * @param timeLimitS     wall-clock limit of the MIP solve in seconds
 * @param solver         AUTO (SCIP), SCIP, HIGHS, or CP_SAT (only when every variable is integer)
 * @param threads        solver threads, 0 for all cores
 * @param relativeGap    relative gap at which the solver stops and reports OPTIMAL
 * @param routingCostMax with the BIDIRECTED link model, charge routing cost on the larger of the two directed
 *                       flows of a link (as capacity is) instead of on their sum
 * @param cuts           add the cut-set MIR inequalities and the strong flow/capacity linking rows
 * @param warmStart      hint a shortest-path routing with rounded-up capacities
 */
public record SndlibOptions(double timeLimitS, SolverKind solver, int threads, double relativeGap,
                            boolean routingCostMax, boolean cuts, boolean warmStart) {

    /** Defaults: SCIP, all strengthening on, gap 1e-6, MAX routing-cost convention for bidirected links. */
    public static SndlibOptions of(double timeLimitS) {
        return new SndlibOptions(timeLimitS, SolverKind.AUTO, 0, 1e-6, true, true, true);
    }

    public SndlibOptions withSolver(SolverKind kind) {
        return new SndlibOptions(timeLimitS, kind, threads, relativeGap, routingCostMax, cuts, warmStart);
    }

    public SndlibOptions withCuts(boolean on) {
        return new SndlibOptions(timeLimitS, solver, threads, relativeGap, routingCostMax, on, warmStart);
    }

    public SndlibOptions withRoutingCostMax(boolean on) {
        return new SndlibOptions(timeLimitS, solver, threads, relativeGap, on, cuts, warmStart);
    }
}
