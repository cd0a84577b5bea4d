package io.fabricplan.formulations;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import io.fabricplan.api.Cancellation;

/**
 * The linear-programming relaxation of a {@link MipModel} (integrality dropped, everything else kept), solved by
 * GLOP's simplex. Its optimum is a lower bound on the model's optimum that does not depend on any search, seed or
 * luck; and where the optimal vertex it returns is integral (common for the fabric models: the linking rows between
 * classes and cable groups are network-like), that vertex is an optimal solution of the model itself.
 *
 * <p>Problem: {@code min c'x + c0 s.t. lo <= Ax <= hi, lb <= x <= ub} over the reals. Complexity: the simplex is
 * exponential in the worst case and fast in practice (the 131,072-GPU fabric, about 100,000 columns and 89,000
 * rows, in 3-10 s on two cores); a time limit and a cancellation stop it.
 *
 * <p>Stateless; each call makes its own native solver.
 */
final class LpRelaxation {
    /** GLOP's parameters (protobuf text format). */
    static final String GLOP_PARAMETERS = "use_dual_simplex: true";
    /** Integer variables within this of an integer count as integral. */
    static final double INTEGRALITY = 1e-6;
    /** Rows are rechecked with the rounded values, within this relative tolerance. */
    static final double ROW_TOLERANCE = 1e-6;

    /** What the relaxation found. */
    enum Status {
        /** The relaxation is solved: {@code bound} is valid. */
        OPTIMAL,
        /** The relaxation has no solution: neither has the model. */
        INFEASIBLE,
        /** Stopped (time limit, cancellation) or the engine gave up: nothing is known. */
        UNKNOWN
    }

    /**
     * The outcome of one relaxation.
     *
     * @param status   OPTIMAL, INFEASIBLE or UNKNOWN
     * @param bound    a lower bound on the model's optimum (OPTIMAL only, else NaN), valid within the simplex's
     *                 tolerances (1e-7 relative), as the bound of any LP-based MIP solver is
     * @param values   the optimal vertex, integer variables rounded when {@code integral}, null unless OPTIMAL
     * @param integral whether the vertex is integral and, rounded, meets every row: then it solves the model
     * @param seconds  wall-clock seconds, loading included
     */
    record Outcome(Status status, double bound, double[] values, boolean integral, double seconds) {
        static Outcome unknown(double seconds) {
            return new Outcome(Status.UNKNOWN, Double.NaN, null, false, seconds);
        }
    }

    private LpRelaxation() {
    }

    /**
     * Solves the relaxation within {@code timeLimitSeconds}; raising {@code cancellation} interrupts it.
     * Loads the OR-Tools natives if needed.
     */
    static Outcome solve(MipModel model, double timeLimitSeconds, Cancellation cancellation) {
        long start = System.nanoTime();
        MipBackends.loadNatives();
        MPSolver solver = MPSolver.createSolver("GLOP");
        if (solver == null) {
            return Outcome.unknown(seconds(start));
        }
        MpSolverStop stop = new MpSolverStop(solver);
        try {
            MPVariable[] vars = MpSolverBackend.load(model, solver, true);
            solver.suppressOutput();
            // the dual simplex: 3x faster than GLOP's default primal on fabrics with placement (16k GPUs: 7 s
            // against 24 s), as fast elsewhere, and its vertices as integral on fabrics with fixed racks
            solver.setSolverSpecificParametersAsString(GLOP_PARAMETERS);
            solver.setTimeLimit(Math.max(1, Math.round(timeLimitSeconds * 1000)));
            cancellation.onCancel(stop);
            if (cancellation.isCancelled()) {
                return Outcome.unknown(seconds(start));
            }
            MPSolver.ResultStatus status = solver.solve();
            if (status == MPSolver.ResultStatus.INFEASIBLE) {
                return new Outcome(Status.INFEASIBLE, Double.NaN, null, false, seconds(start));
            }
            if (status != MPSolver.ResultStatus.OPTIMAL || cancellation.isCancelled()) {
                return Outcome.unknown(seconds(start));
            }
            double[] values = new double[vars.length];
            for (int i = 0; i < vars.length; i++) {
                values[i] = vars[i].solutionValue();
            }
            double value = solver.objective().value();
            double[] rounded = rounded(model, values);
            boolean integral = rounded != null && meetsEveryRow(model, rounded);
            return new Outcome(Status.OPTIMAL, value, integral ? rounded : values, integral, seconds(start));
        } finally {
            cancellation.remove(stop);
            stop.deleteSolver(); // never while a cancelling thread interrupts it
        }
    }

    /** The values with every integer variable rounded, or null when one is further than 1e-6 from an integer. */
    static double[] rounded(MipModel model, double[] values) {
        double[] out = values.clone();
        for (MipModel.Var v : model.variables()) {
            if (!v.integer()) {
                continue;
            }
            double r = Math.rint(values[v.index()]);
            if (Math.abs(values[v.index()] - r) > INTEGRALITY) {
                return null;
            }
            out[v.index()] = Math.min(v.ub(), Math.max(v.lb(), r)) + 0.0;
        }
        return out;
    }

    /**
     * Whether every row and bound holds for the values: rows over integer variables exactly as the integer engines
     * scale them (a budget row may sit a thousandth of a watt below a plan's power, far inside the LP's own
     * tolerance), other rows within a relative tolerance of 1e-6.
     */
    static boolean meetsEveryRow(MipModel model, double[] values) {
        for (MipModel.Var v : model.variables()) {
            double x = values[v.index()];
            if (x < v.lb() - tolerance(v.lb()) || x > v.ub() + tolerance(v.ub())) {
                return false;
            }
        }
        for (MipModel.Row r : model.rows()) {
            if (overIntegers(model, r)) {
                if (!meetsScaled(model, r, values)) {
                    return false;
                }
                continue;
            }
            double sum = 0;
            double scale = 0;
            for (int i = 0; i < r.size(); i++) {
                double term = r.coefs()[i] * values[r.vars()[i]];
                sum += term;
                scale = Math.max(scale, Math.abs(term));
            }
            double slack = ROW_TOLERANCE * Math.max(1, scale);
            if (sum < r.lo() - slack || sum > r.hi() + slack) {
                return false;
            }
        }
        return true;
    }

    private static boolean overIntegers(MipModel model, MipModel.Row row) {
        for (int v : row.vars()) {
            if (!model.variables().get(v).integer()) {
                return false;
            }
        }
        return true;
    }

    /** The row scaled to integers holds for the (integral) values, in exact integer arithmetic. */
    private static boolean meetsScaled(MipModel model, MipModel.Row row, double[] values) {
        IntegerScaling.ScaledRow scaled = IntegerScaling.scaleRow(row, model);
        long sum = 0;
        for (int i = 0; i < row.size(); i++) {
            sum = Math.addExact(sum, Math.multiplyExact(scaled.coefs()[i], Math.round(values[row.vars()[i]])));
        }
        return (scaled.upperOnly() || sum >= scaled.lo()) && (scaled.lowerOnly() || sum <= scaled.hi());
    }

    private static double tolerance(double bound) {
        return Double.isInfinite(bound) ? 0 : ROW_TOLERANCE * Math.max(1, Math.abs(bound));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
