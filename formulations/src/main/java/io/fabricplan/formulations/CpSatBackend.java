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
import io.fabricplan.formulations.IntegerScaling.ScaledObjective;
import io.fabricplan.formulations.IntegerScaling.ScaledRow;
import java.util.Map;

/**
 * Solves a {@link MipModel} with CP-SAT. CP-SAT needs integer coefficients, so rows and objective are scaled by
 * powers of ten as {@link IntegerScaling} says. The objective and bound reported are divided back; callers
 * re-evaluate plans in doubles. All variables must be integer with finite bounds.
 */
final class CpSatBackend implements MipBackend {

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
        if (parameters.solverSpecific() != null && !parameters.solverSpecific().isBlank()) {
            try {
                com.google.protobuf.TextFormat.merge(parameters.solverSpecific(), p);
            } catch (com.google.protobuf.TextFormat.ParseException e) {
                throw new IllegalArgumentException("not CP-SAT parameters: " + parameters.solverSpecific()
                        + " (" + e.getMessage() + ")", e);
            }
        }
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

    /** Adds one row scaled to integers (see {@link IntegerScaling}). */
    private static void addRow(MipModel.Row row, MipModel model, IntVar[] vars, CpModel cp) {
        ScaledRow scaled = IntegerScaling.scaleRow(row, model);
        IntVar[] terms = new IntVar[row.size()];
        for (int i = 0; i < row.size(); i++) {
            terms[i] = vars[row.vars()[i]];
        }
        LinearExpr expr = LinearExpr.weightedSum(terms, scaled.coefs());
        if (scaled.upperOnly()) {
            cp.addLessOrEqual(expr, scaled.hi()).getBuilder().setName(row.name());
        } else if (scaled.lowerOnly()) {
            cp.addGreaterOrEqual(expr, scaled.lo()).getBuilder().setName(row.name());
        } else {
            cp.addLinearConstraint(expr, scaled.lo(), scaled.hi()).getBuilder().setName(row.name());
        }
    }

    /** Minimises the objective scaled to integers, its largest value far inside CP-SAT's int64 range. */
    private static ScaledObjective objective(MipModel model, IntVar[] vars, CpModel cp) {
        ScaledObjective objective = IntegerScaling.scaleObjective(model);
        cp.minimize(LinearExpr.newBuilder().addWeightedSum(vars, objective.coefs())
                .add(objective.scaledConstant()).build());
        return objective;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
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
