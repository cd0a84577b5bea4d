package io.fabricplan.dwdm.sndlib;

import io.fabricplan.api.SolveStatus;
import java.util.List;

/**
 * The outcome of an SNDlib solve.
 *
 * @param objective SNDlib total cost of the solution (NaN without one)
 * @param bound     proven lower bound (NaN when unknown)
 * @param status    OPTIMAL, FEASIBLE, INFEASIBLE or NO_SOLUTION
 * @param seconds   wall time of build and solve
 * @param solver    engine name
 * @param modules   installed module counts: {@code modules[link][module]} in the link's module order (null without
 *                  a solution); pre-installed capacity is always present and not counted here
 * @param flows     routed flow per commodity (null without a solution)
 * @param variables number of MIP variables
 * @param rows      number of MIP rows (of which {@code cutRows} strengthening rows)
 */
public record SndlibResult(double objective, double bound, SolveStatus status, double seconds, String solver,
                           double[][] modules, List<CommodityFlow> flows, int variables, int rows, int cutRows) {

    /**
     * The flow of one commodity: one demand, or (continuous routing) all demands of one source node.
     *
     * @param demandIds the demands routed together
     * @param arcFlow   flow in base units: {@code arcFlow[2*link]} from the link's source to its target,
     *                  {@code arcFlow[2*link+1]} the other way
     */
    public record CommodityFlow(String name, List<String> demandIds, double[] arcFlow) {
    }

    public boolean hasSolution() {
        return modules != null;
    }

    /** (objective - bound) / |objective|; NaN when either is unknown. */
    public double relativeGap() {
        if (Double.isNaN(objective) || Double.isNaN(bound)) {
            return Double.NaN;
        }
        double g = (objective - bound) / Math.max(Math.abs(objective), 1e-9);
        return Math.max(0, g);
    }
}
