package io.fabricplan.formulations;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import io.fabricplan.api.Cancellation;
import io.fabricplan.api.SolveStatus;
import java.util.Map;

/**
 * Solves a {@link MipModel} with a MIP engine behind OR-Tools' MPSolver (SCIP or HiGHS), in doubles. MPSolver
 * has no solution callback in Java, so the observer hears of the final solution only and the time to best is the
 * solve time.
 */
final class MpSolverBackend implements MipBackend {
    private static final String HIGHS = "HIGHS";
    /** SCIP must not take Ctrl-C from the JVM (the CLI stops solves through their own interrupt). */
    static final String SCIP_NO_SIGINT = "misc/catchctrlc = FALSE";
    private final String solverId;

    /** @param solverId the MPSolver id, {@code SCIP} or {@code HIGHS} */
    MpSolverBackend(String solverId) {
        this.solverId = solverId;
    }

    @Override
    public String name() {
        return solverId;
    }

    @Override
    public Result solve(MipModel model, Parameters parameters, Observer observer, Cancellation cancellation) {
        long start = System.nanoTime();
        MPSolver solver = MPSolver.createSolver(solverId);
        if (solver == null) {
            throw new IllegalStateException("OR-Tools has no " + solverId + " solver on this platform");
        }
        MpSolverStop stop = new MpSolverStop(solver);
        try {
            if (model.numVariables() == 0) {
                return EmptyModel.solve(model, observer, start, solverName(solver));
            }
            MPVariable[] vars = load(model, solver, false);
            MPObjective objective = solver.objective();
            if (!HIGHS.equals(solverId)) {
                // OR-Tools 9.15 HighsSolveProto writes hints past an empty vector and crashes the JVM:
                // HiGHS runs cold
                hint(model, vars, solver);
            }
            MPSolverParameters mp = configure(solver, parameters);

            cancellation.onCancel(stop);
            if (cancellation.isCancelled()) {
                return new Result(SolveStatus.NO_SOLUTION, null, Double.NaN, Double.NaN, 0, seconds(start),
                        solverName(solver));
            }
            MPSolver.ResultStatus status = solver.solve(mp);
            double solveS = seconds(start);
            return switch (status) {
                case OPTIMAL, FEASIBLE -> {
                    double[] values = new double[vars.length];
                    for (int i = 0; i < vars.length; i++) {
                        // integers come back as doubles such as 2.9999999 or -0.0: give exact integers
                        double v = vars[i].solutionValue();
                        values[i] = (model.variables().get(i).integer() ? Math.rint(v) : v) + 0.0;
                    }
                    double value = objective.value();
                    // HiGHS through MPSolver reports its incumbent as the bound; trust it only at optimality
                    double bound = HIGHS.equals(solverId) && status != MPSolver.ResultStatus.OPTIMAL ? Double.NaN
                            : objective.bestBound();
                    observer.onSolution(solveS, value, bound);
                    yield new Result(status == MPSolver.ResultStatus.OPTIMAL ? SolveStatus.OPTIMAL
                            : SolveStatus.FEASIBLE, values, value, bound, solveS, solveS, solverName(solver));
                }
                case INFEASIBLE -> new Result(SolveStatus.INFEASIBLE, null, Double.NaN, Double.NaN, 0, solveS,
                        solverName(solver));
                case MODEL_INVALID -> throw new IllegalStateException(solverId + " rejected the model "
                        + model.name());
                default -> new Result(SolveStatus.NO_SOLUTION, null, Double.NaN, Double.NaN, 0, solveS,
                        solverName(solver));
            };
        } finally {
            cancellation.remove(stop);
            stop.deleteSolver(); // never while a cancelling thread interrupts it
        }
    }

    /** Every solver parameter is set here. MPSolver takes no seed; its engines default to a fixed one. */
    private MPSolverParameters configure(MPSolver solver, Parameters parameters) {
        solver.suppressOutput();
        if (HIGHS.equals(solverId)) {
            solver.setSolverSpecificParametersAsString("output_flag=false\nlog_to_console=false");
        } else {
            // SCIP would catch Ctrl-C itself during the solve (printing to stdout, unseen by the JVM);
            // the JVM handles it and stops SCIP through the Cancellation (interruptSolve)
            String specific = parameters.solverSpecific() == null ? "" : parameters.solverSpecific();
            solver.setSolverSpecificParametersAsString(SCIP_NO_SIGINT + "\n" + specific);
        }
        solver.setTimeLimit(Math.max(1, Math.round(parameters.timeLimitSeconds() * 1000)));
        // engines without multi-threading refuse; they then run on one thread, which is correct if slower
        solver.setNumThreads(parameters.effectiveThreads());
        MPSolverParameters mp = new MPSolverParameters();
        mp.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, parameters.relativeGap());
        return mp;
    }

    private static void hint(MipModel model, MPVariable[] vars, MPSolver solver) {
        if (model.hint().isEmpty()) {
            return;
        }
        MPVariable[] hinted = new MPVariable[model.hint().size()];
        double[] values = new double[hinted.length];
        int i = 0;
        for (Map.Entry<Integer, Double> h : model.hint().entrySet()) {
            hinted[i] = vars[h.getKey()];
            values[i++] = h.getValue();
        }
        solver.setHint(hinted, values);
    }

    /**
     * Loads the model into an MPSolver: its variables (continuous when {@code relaxed}), rows and objective to
     * minimise. Shared by the MIP backends and the LP relaxation, so that both solve the same model.
     */
    static MPVariable[] load(MipModel model, MPSolver solver, boolean relaxed) {
        MPVariable[] vars = new MPVariable[model.numVariables()];
        for (MipModel.Var v : model.variables()) {
            vars[v.index()] = solver.makeVar(v.lb(), v.ub(), v.integer() && !relaxed, v.name());
        }
        for (MipModel.Row r : model.rows()) {
            MPConstraint c = solver.makeConstraint(bound(r.lo()), bound(r.hi()), r.name());
            for (int i = 0; i < r.size(); i++) {
                c.setCoefficient(vars[r.vars()[i]], r.coefs()[i]);
            }
        }
        MPObjective objective = solver.objective();
        for (MipModel.Var v : model.variables()) {
            objective.setCoefficient(vars[v.index()], model.objectiveCoefficient(v));
        }
        objective.setOffset(model.objectiveConstant());
        objective.setMinimization();
        return vars;
    }

    private static double bound(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return MPSolver.infinity();
        }
        return v == Double.NEGATIVE_INFINITY ? -MPSolver.infinity() : v;
    }

    private String solverName(MPSolver solver) {
        if (HIGHS.equals(solverId)) {
            return "HiGHS"; // OR-Tools 9.15 names HiGHS "PDLP Solver" in solverVersion()
        }
        String version = solver.solverVersion();
        return version == null || version.isBlank() ? solverId : version;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
