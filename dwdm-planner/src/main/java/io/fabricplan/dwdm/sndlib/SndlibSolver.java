package io.fabricplan.dwdm.sndlib;

import io.fabricplan.api.Cancellation;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.formulations.MipBackend;
import io.fabricplan.formulations.MipBackends;
import io.fabricplan.formulations.MipModel;
import io.fabricplan.model.SolverKind;

/** Solves an SNDlib instance: builds {@link SndlibModel}, hints the greedy plan, runs the MIP backend. */
public final class SndlibSolver {

    /** Share of the time limit the LP heuristic may take before the MIP starts. */
    static final double HEURISTIC_SHARE = Double.parseDouble(System.getProperty("fabricplan.sndlib.heuristic",
            "0.05"));

    private SndlibSolver() {
    }

    /**
     * SCIP settings: with EXPLICIT capacities the root heuristics RENS and ALNS take most of a short time limit
     * (seconds per call on the disaggregated model) for little; the tree search gets that time instead.
     */
    static String scipParameters(SndlibVariant variant) {
        return variant.capacity() == SndlibVariant.CapacityModel.EXPLICIT
                ? "heuristics/rens/freq = -1\nheuristics/alns/freq = -1" : "";
    }

    static double[] hintValues(MipModel mip) {
        double[] x = new double[mip.numVariables()];
        for (java.util.Map.Entry<Integer, Double> e : mip.hint().entrySet()) {
            x[e.getKey()] = e.getValue();
        }
        return x;
    }

    /**
     * Solves the network under the variant.
     *
     * @throws SndlibFormatException when the variant is not supported or the solver cannot take the model
     */
    public static SndlibResult solve(SndlibNetwork network, SndlibVariant variant, SndlibOptions options)
            throws SndlibFormatException {
        long start = System.nanoTime();
        SndlibModel model = SndlibModel.build(network, variant, options);
        MipModel mip = model.mip();
        if (options.warmStart()) {
            model.hintGreedy();
            double greedy = mip.hint().isEmpty() ? Double.POSITIVE_INFINITY : mip.objectiveValue(hintValues(mip));
            if (SndlibLpHeuristic.applies(model)) {
                double budget = HEURISTIC_SHARE * options.timeLimitS() - (System.nanoTime() - start) / 1e9;
                SndlibLpHeuristic.Plan plan = SndlibLpHeuristic.run(model, Math.max(0, budget),
                        mip.hint().isEmpty() ? null : model.hintedArcFlows());
                if (plan != null && plan.cost() < greedy - 1e-9) {
                    model.hintArcFlows(plan.flow());
                }
            }
        }
        SolverKind kind = options.solver() == SolverKind.AUTO ? SolverKind.SCIP : options.solver();
        if ((kind == SolverKind.CP_SAT || kind == SolverKind.CHOCO)
                && mip.variables().stream().anyMatch(v -> !v.integer())) {
            throw new SndlibFormatException(network.name() + " " + variant.code() + ": "
                    + (kind == SolverKind.CP_SAT ? "CP-SAT" : "Choco") + " needs integer "
                    + "variables but this variant has continuous ones (continuous routing or linear capacities)"
                    + ". Maybe use --solver SCIP or HIGHS");
        }
        MipBackend backend = MipBackends.create(kind);
        double remaining = Math.max(1, options.timeLimitS() - (System.nanoTime() - start) / 1e9);
        MipBackend.Result r = backend.solve(mip, new MipBackend.Parameters(remaining, options.relativeGap(),
                options.threads(), 1, kind == SolverKind.SCIP ? scipParameters(variant) : ""),
                MipBackend.Observer.NONE, new Cancellation());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!r.status().hasPlan() || r.values() == null) {
            return new SndlibResult(Double.NaN, r.bound(), r.status() == SolveStatus.INFEASIBLE
                    ? SolveStatus.INFEASIBLE : SolveStatus.NO_SOLUTION, seconds, r.solver(), null, null,
                    mip.numVariables(), mip.numRows(), model.cutRows());
        }
        double bound = Double.isNaN(r.bound()) ? Double.NaN : Math.min(r.bound(), r.objective());
        return new SndlibResult(r.objective(), bound, r.status(), seconds, r.solver(),
                model.moduleCounts(r.values()), model.flows(r.values()), mip.numVariables(), mip.numRows(),
                model.cutRows());
    }
}
