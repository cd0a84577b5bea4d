package io.fabricplan.dwdm.sndlib;

import io.fabricplan.api.Cancellation;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.formulations.MipBackend;
import io.fabricplan.formulations.MipBackends;
import io.fabricplan.formulations.MipModel;
import io.fabricplan.model.SolverKind;

/** Solves an SNDlib instance: builds {@link SndlibModel}, hints the greedy plan, runs the MIP backend. */
public final class SndlibSolver {

    private SndlibSolver() {
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
        }
        SolverKind kind = options.solver() == SolverKind.AUTO ? SolverKind.SCIP : options.solver();
        if (kind == SolverKind.CP_SAT && mip.variables().stream().anyMatch(v -> !v.integer())) {
            throw new SndlibFormatException(network.name() + " " + variant.code() + ": CP-SAT needs integer "
                    + "variables but this variant has continuous ones (continuous routing or linear capacities)"
                    + ". Maybe use --solver SCIP or HIGHS");
        }
        MipBackend backend = MipBackends.create(kind);
        double remaining = Math.max(1, options.timeLimitS() - (System.nanoTime() - start) / 1e9);
        MipBackend.Result r = backend.solve(mip, new MipBackend.Parameters(remaining, options.relativeGap(),
                options.threads(), 1), MipBackend.Observer.NONE, new Cancellation());
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
