package io.fabricplan.formulations;

import io.fabricplan.api.SolveStatus;

/**
 * A model with nothing to decide (a fabric without links whose switches each have one model): its rows are
 * constants, met at 0 or not at all. Decided here for every backend, because engines stumble on a model without
 * columns: HiGHS through MPSolver (OR-Tools 9.15) answers by a result status Java does not know (99), Choco's
 * variable selectors index an empty array.
 */
final class EmptyModel {
    /** Absolute slack on a row's bounds, as the engines' default primal feasibility tolerance. */
    private static final double FEASIBILITY_TOLERANCE = 1e-6;

    private EmptyModel() {
    }

    /** OPTIMAL at the objective's constant, or INFEASIBLE when a constant row is out of its bounds. */
    static MipBackend.Result solve(MipModel model, MipBackend.Observer observer, long start, String solver) {
        for (MipModel.Row r : model.rows()) {
            if (r.lo() > FEASIBILITY_TOLERANCE || r.hi() < -FEASIBILITY_TOLERANCE) {
                return new MipBackend.Result(SolveStatus.INFEASIBLE, null, Double.NaN, Double.NaN, 0,
                        seconds(start), solver);
            }
        }
        double value = model.objectiveConstant();
        double solveS = seconds(start);
        observer.onSolution(solveS, value, value);
        return new MipBackend.Result(SolveStatus.OPTIMAL, new double[0], value, value, solveS, solveS, solver);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
