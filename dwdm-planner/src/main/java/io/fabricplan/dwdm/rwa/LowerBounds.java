package io.fabricplan.dwdm.rwa;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import io.fabricplan.formulations.MipBackends;
import java.util.List;

/**
 * Lower bounds on the number of wavelengths. Every lightpath on a fiber needs its own wavelength, so W is at
 * least the congestion (max fiber load) of any routing, hence at least ceil(L*) for L* the optimum of the LP
 * relaxation of min-congestion multicommodity flow (aggregated by source). Node cuts (demand leaving or entering
 * a node over its fibers) are weaker but need no solver and serve as fallback. The max load of shortest-path
 * routing is an upper bound on congestion, not a lower bound on W, and is not used.
 */
final class LowerBounds {
    private LowerBounds() {
    }

    /** max over nodes v of ceil(requests out of v / fibers out of v) and the same for in. */
    static int nodeCut(RwaProblem p) {
        Network net = p.network();
        int[] out = new int[net.nodeCount()];
        int[] in = new int[net.nodeCount()];
        for (Request r : p.requests()) {
            out[r.src()]++;
            in[r.dst()]++;
        }
        int lb = p.requests().isEmpty() ? 0 : 1;
        for (int v = 0; v < net.nodeCount(); v++) {
            int deg = net.fibersOut(v).length;
            if (deg > 0) {
                lb = Math.max(lb, ceilDiv(out[v], deg));
                lb = Math.max(lb, ceilDiv(in[v], deg));
            }
        }
        return lb;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** ceil of the LP min-congestion value, or -1 when GLOP fails. */
    static int lpCongestion(RwaProblem p, double timeLimitS) {
        MipBackends.loadNatives();
        Network net = p.network();
        int n = net.nodeCount();
        int fibers = net.fiberCount();
        int[][] demand = new int[n][n];
        int[] total = new int[n];
        for (Request r : p.requests()) {
            demand[r.src()][r.dst()]++;
            total[r.src()]++;
        }
        MPSolver solver = MPSolver.createSolver("GLOP");
        if (solver == null) {
            return -1;
        }
        try {
            solver.setTimeLimit((long) Math.max(1000, timeLimitS * 1000));
            MPVariable load = solver.makeNumVar(0, MPSolver.infinity(), "L");
            MPConstraint[] cap = new MPConstraint[fibers];
            for (int f = 0; f < fibers; f++) {
                cap[f] = solver.makeConstraint(-MPSolver.infinity(), 0);
                cap[f].setCoefficient(load, -1);
            }
            for (int s = 0; s < n; s++) {
                if (total[s] == 0) {
                    continue;
                }
                MPConstraint[] flow = new MPConstraint[n];
                for (int v = 0; v < n; v++) {
                    double rhs = v == s ? total[s] : -demand[s][v];
                    flow[v] = solver.makeConstraint(rhs, rhs); // out - in
                }
                for (int f = 0; f < fibers; f++) {
                    MPVariable x = solver.makeNumVar(0, MPSolver.infinity(), "");
                    cap[f].setCoefficient(x, 1);
                    flow[net.fiberTail(f)].setCoefficient(x, 1);
                    flow[net.fiberHead(f)].setCoefficient(x, -1);
                }
            }
            MPObjective obj = solver.objective();
            obj.setCoefficient(load, 1);
            obj.setMinimization();
            MPSolver.ResultStatus st = solver.solve();
            if (st != MPSolver.ResultStatus.OPTIMAL) {
                return -1;
            }
            return (int) Math.ceil(obj.value() - 1e-6);
        } finally {
            solver.delete();
        }
    }

    /** The best of the bounds above (at least 1 when there are requests). */
    static int best(RwaProblem p, double timeLimitS) {
        return Math.max(nodeCut(p), lpCongestion(p, timeLimitS));
    }

    static int maxOf(List<Integer> xs) {
        return xs.stream().mapToInt(Integer::intValue).max().orElse(0);
    }
}
