package io.fabricplan.formulations;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.SatParameters;
import io.fabricplan.api.Cancellation;
import io.fabricplan.api.SolveStatus;
import java.util.Map;

/**
 * Solves a {@link MipModel} with CP-SAT. CP-SAT needs integer coefficients, so every row is multiplied by the
 * smallest {@code 10^k} (k <= 6) that makes its coefficients integral, which is exact for figures given to a few
 * decimals (watts, dollars); the objective by the smallest {@code 10^k} (k <= 9) that keeps each coefficient's
 * rounding error below 1e-7 relative. The objective and bound reported are divided back; callers re-evaluate
 * plans in doubles. All variables must be integer with finite bounds.
 */
final class CpSatBackend implements MipBackend {
    static final int MAX_ROW_DIGITS = 6;
    static final int MAX_OBJECTIVE_DIGITS = 9;
    private static final double INTEGRAL = 1e-9;
    private static final double OBJECTIVE_ROUNDING = 1e-7;

    @Override
    public String name() {
        return "CP-SAT";
    }

    @Override
    public Result solve(MipModel model, Parameters parameters, Observer observer, Cancellation cancellation) {
        long start = System.nanoTime();
        CpModel cp = new CpModel();
        IntVar[] vars = variables(model, cp);
        for (MipModel.Row row : model.rows()) {
            addRow(row, model, vars, cp);
        }
        ScaledObjective objective = objective(model, vars, cp);
        for (Map.Entry<Integer, Double> h : model.hint().entrySet()) {
            cp.addHint(vars[h.getKey()], Math.round(h.getValue()));
        }

        CpSolver solver = new CpSolver();
        // the time limit counts from this call: loading the model into CP-SAT is part of it
        configure(solver.getParameters(), parameters, seconds(start));
        Callback callback = new Callback(objective, observer, cancellation, start);
        Runnable stop = solver::stopSearch;
        cancellation.onCancel(stop);
        CpSolverStatus status;
        try {
            if (cancellation.isCancelled()) {
                return new Result(SolveStatus.NO_SOLUTION, null, Double.NaN, Double.NaN, 0, seconds(start),
                        name());
            }
            status = solver.solve(cp, callback);
        } finally {
            cancellation.remove(stop);
        }
        double solveS = seconds(start);
        return switch (status) {
            case OPTIMAL, FEASIBLE -> {
                double[] values = new double[vars.length];
                for (int i = 0; i < vars.length; i++) {
                    values[i] = solver.value(vars[i]);
                }
                SolveStatus s = status == CpSolverStatus.OPTIMAL ? SolveStatus.OPTIMAL : SolveStatus.FEASIBLE;
                yield new Result(s, values, objective.unscale(solver.objectiveValue()),
                        objective.unscale(solver.bestObjectiveBound()), callback.timeToBest(solveS), solveS, name());
            }
            case INFEASIBLE -> new Result(SolveStatus.INFEASIBLE, null, Double.NaN, Double.NaN, 0, solveS, name());
            case UNKNOWN -> new Result(SolveStatus.NO_SOLUTION, null, Double.NaN,
                    objective.unscale(solver.bestObjectiveBound()), 0, solveS, name());
            case MODEL_INVALID -> throw new IllegalStateException("CP-SAT rejected the model " + model.name()
                    + ": " + cp.validate());
            default -> throw new IllegalStateException("unexpected CP-SAT status " + status);
        };
    }

    /** Every solver parameter is set here. */
    private static void configure(SatParameters.Builder p, Parameters parameters, double spentS) {
        p.setMaxTimeInSeconds(Math.max(0.001, parameters.timeLimitSeconds() - spentS));
        p.setRelativeGapLimit(parameters.relativeGap());
        p.setNumWorkers(parameters.effectiveThreads());
        p.setRandomSeed((int) parameters.seed());
        p.setLogSearchProgress(false);
        // CP-SAT would otherwise replace the process's SIGINT handler during the solve with one kept in a
        // thread_local std::function: Ctrl-C delivered to any other thread then calls an empty function
        // (std::bad_function_call, abort, exit 134), and the handler's destructor leaves SIGINT at SIG_DFL.
        // Ctrl-C is the JVM's to handle; it stops the search through the Cancellation (stopSearch).
        p.setCatchSigintSignal(false);
    }

    private static IntVar[] variables(MipModel model, CpModel cp) {
        IntVar[] vars = new IntVar[model.numVariables()];
        for (MipModel.Var v : model.variables()) {
            if (!v.integer() || Double.isInfinite(v.lb()) || Double.isInfinite(v.ub())) {
                throw new IllegalArgumentException("CP-SAT needs bounded integer variables, " + v.name()
                        + " is not");
            }
            vars[v.index()] = cp.newIntVar((long) v.lb(), (long) v.ub(), v.name());
        }
        return vars;
    }

    /** Adds one row scaled to integers; where no {@code 10^k} is exact it rounds towards the stricter row. */
    private static void addRow(MipModel.Row row, MipModel model, IntVar[] vars, CpModel cp) {
        int k = exactDigits(row.coefs(), MAX_ROW_DIGITS);
        double scale = Math.pow(10, k);
        boolean upperOnly = row.lo() == Double.NEGATIVE_INFINITY;
        boolean lowerOnly = row.hi() == Double.POSITIVE_INFINITY;
        long[] coefs = new long[row.size()];
        IntVar[] terms = new IntVar[row.size()];
        for (int i = 0; i < row.size(); i++) {
            double c = row.coefs()[i] * scale;
            boolean nonNegativeVar = model.variables().get(row.vars()[i]).lb() >= 0;
            long rounded = Math.round(c);
            if (Math.abs(rounded - c) > INTEGRAL * Math.max(1, Math.abs(c)) && nonNegativeVar) {
                // inexact: a larger coefficient on a non-negative variable tightens a <= row, a smaller one a >=
                rounded = upperOnly ? (long) Math.ceil(c) : lowerOnly ? (long) Math.floor(c) : rounded;
            }
            coefs[i] = rounded;
            terms[i] = vars[row.vars()[i]];
        }
        LinearExpr expr = LinearExpr.weightedSum(terms, coefs);
        long lo = upperOnly ? Long.MIN_VALUE : ceilTolerant(row.lo() * scale);
        long hi = lowerOnly ? Long.MAX_VALUE : floorTolerant(row.hi() * scale);
        if (upperOnly) {
            cp.addLessOrEqual(expr, hi).getBuilder().setName(row.name());
        } else if (lowerOnly) {
            cp.addGreaterOrEqual(expr, lo).getBuilder().setName(row.name());
        } else {
            cp.addLinearConstraint(expr, lo, hi).getBuilder().setName(row.name());
        }
    }

    /** Smallest k <= max with every {@code c * 10^k} integral within 1e-9 relative; max when there is none. */
    static int exactDigits(double[] coefs, int max) {
        for (int k = 0; k < max; k++) {
            double scale = Math.pow(10, k);
            boolean integral = true;
            for (double c : coefs) {
                double s = c * scale;
                if (Math.abs(s - Math.rint(s)) > INTEGRAL * Math.max(1, Math.abs(s))) {
                    integral = false;
                    break;
                }
            }
            if (integral) {
                return k;
            }
        }
        return max;
    }

    private static long floorTolerant(double v) {
        return (long) Math.floor(v + INTEGRAL * Math.max(1, Math.abs(v)));
    }

    private static long ceilTolerant(double v) {
        return (long) Math.ceil(v - INTEGRAL * Math.max(1, Math.abs(v)));
    }

    private static ScaledObjective objective(MipModel model, IntVar[] vars, CpModel cp) {
        double[] coefs = new double[vars.length];
        double reach = Math.abs(model.objectiveConstant());
        for (MipModel.Var v : model.variables()) {
            coefs[v.index()] = model.objectiveCoefficient(v);
            reach += Math.abs(coefs[v.index()]) * Math.max(Math.abs(v.lb()), Math.abs(v.ub()));
        }
        int k = objectiveDigits(coefs, reach);
        double scale = Math.pow(10, k);
        long[] scaled = new long[coefs.length];
        for (int i = 0; i < coefs.length; i++) {
            scaled[i] = Math.round(coefs[i] * scale);
        }
        long constant = Math.round(model.objectiveConstant() * scale);
        cp.minimize(LinearExpr.newBuilder().addWeightedSum(vars, scaled).add(constant).build());
        return new ScaledObjective(scale, constant, model.objectiveConstant());
    }

    /**
     * Smallest k <= 9 whose rounding error is below 1e-7 of every coefficient, and that keeps the largest
     * objective value far inside CP-SAT's int64 range.
     */
    static int objectiveDigits(double[] coefs, double reach) {
        for (int k = 0; k <= MAX_OBJECTIVE_DIGITS; k++) {
            double scale = Math.pow(10, k);
            if (reach * scale * 10 > 1e17) {
                return Math.max(0, k - 1);
            }
            boolean fine = true;
            for (double c : coefs) {
                double s = c * scale;
                if (Math.abs(s - Math.rint(s)) > OBJECTIVE_ROUNDING * Math.abs(s)) {
                    fine = false;
                    break;
                }
            }
            if (fine) {
                return k;
            }
        }
        return MAX_OBJECTIVE_DIGITS;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** The scaling of the objective: model value = (cp value - rounded constant) / scale + constant. */
    private record ScaledObjective(double scale, long scaledConstant, double constant) {
        double unscale(double cpValue) {
            return (cpValue - scaledConstant) / scale + constant;
        }
    }

    /** Reports improving solutions and remembers when the last one came; honours cancellation on each one. */
    private static final class Callback extends CpSolverSolutionCallback {
        private final ScaledObjective objective;
        private final Observer observer;
        private final Cancellation cancellation;
        private final long start;
        private volatile double lastSolutionS = Double.NaN;

        Callback(ScaledObjective objective, Observer observer, Cancellation cancellation, long start) {
            this.objective = objective;
            this.observer = observer;
            this.cancellation = cancellation;
            this.start = start;
        }

        @Override
        public void onSolutionCallback() {
            double elapsed = seconds(start);
            lastSolutionS = elapsed;
            observer.onSolution(elapsed, objective.unscale(objectiveValue()),
                    objective.unscale(bestObjectiveBound()));
            if (cancellation.isCancelled()) {
                // covers a cancel raised before the solver could take a stop request
                stopSearch();
            }
        }

        double timeToBest(double fallback) {
            double t = lastSolutionS;
            return Double.isNaN(t) ? fallback : t;
        }
    }
}
