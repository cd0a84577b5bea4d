package io.fabricplan.dwdm.rwa;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.Literal;
import io.fabricplan.formulations.MipBackends;
import java.util.ArrayList;
import java.util.List;

/**
 * The path-based CP-SAT model: x[r][p][c] = request r on candidate path p with wavelength c (c below the
 * heuristic's W), exactly one per request; on every directed fiber and wavelength at most one chosen lightpath,
 * and only if wavelength c is in use (u[c], used ones first); minimise the number used, at least the lower
 * bound; warm-started from the heuristic. When the candidates are all simple paths of every request, the
 * solver's proven bound is a bound for the problem itself ({@code complete}); otherwise only for the restriction.
 */
final class ExactRwa {
    int wavelengths;
    int[] path;
    int[] col;
    int provenBound;
    boolean improved;

    /** Returns true when it ran; fields hold the best solution (the hint's when nothing better was found). */
    boolean solve(int fibers, int[][][] paths, int[] hintPath, int[] hintCol, int ub, int lb, double seconds,
            int threads, long seed) {
        MipBackends.loadNatives();
        int nReq = paths.length;
        CpModel m = new CpModel();
        BoolVar[][][] x = new BoolVar[nReq][][];
        BoolVar[] used = new BoolVar[ub];
        for (int c = 0; c < ub; c++) {
            used[c] = m.newBoolVar("u" + c);
        }
        List<List<Literal>> onFiber = new ArrayList<>();
        for (int i = 0; i < fibers * ub; i++) {
            onFiber.add(new ArrayList<>());
        }
        for (int r = 0; r < nReq; r++) {
            x[r] = new BoolVar[paths[r].length][ub];
            List<Literal> one = new ArrayList<>();
            for (int p = 0; p < paths[r].length; p++) {
                for (int c = 0; c < ub; c++) {
                    BoolVar v = m.newBoolVar("");
                    x[r][p][c] = v;
                    one.add(v);
                    m.addImplication(v, used[c]);
                    for (int f : paths[r][p]) {
                        onFiber.get(f * ub + c).add(v);
                    }
                    m.addHint(v, hintPath[r] == p && hintCol[r] == c ? 1 : 0);
                }
            }
            m.addExactlyOne(one);
        }
        for (List<Literal> lits : onFiber) {
            if (lits.size() > 1) {
                m.addAtMostOne(lits);
            }
        }
        for (int c = 0; c + 1 < ub; c++) {
            m.addImplication(used[c + 1], used[c]);
        }
        for (int c = 0; c < ub; c++) {
            m.addHint(used[c], 1);
        }
        if (nReq > 0) { // wavelengths are interchangeable: request 0 takes wavelength 0
            for (int p = 0; p < paths[0].length; p++) {
                for (int c = 1; c < ub; c++) {
                    m.addEquality(x[0][p][c], 0);
                }
            }
        }
        LinearExpr count = LinearExpr.sum(used);
        m.addGreaterOrEqual(count, lb);
        m.minimize(count);
        CpSolver s = new CpSolver();
        s.getParameters().setMaxTimeInSeconds(Math.max(0.1, seconds));
        s.getParameters().setNumWorkers(threads);
        s.getParameters().setRandomSeed((int) seed);
        s.getParameters().setLogSearchProgress(false);
        s.getParameters().setCatchSigintSignal(false); // Ctrl-C is the JVM's (see CpSatBackend)
        CpSolverStatus st = s.solve(m);
        wavelengths = ub;
        path = hintPath.clone();
        col = hintCol.clone();
        provenBound = lb;
        if (st == CpSolverStatus.OPTIMAL || st == CpSolverStatus.FEASIBLE) {
            int w = (int) Math.round(s.objectiveValue());
            provenBound = Math.max(lb, (int) Math.ceil(s.bestObjectiveBound() - 1e-6));
            if (w < ub) {
                improved = true;
                wavelengths = w;
                for (int r = 0; r < nReq; r++) {
                    for (int p = 0; p < paths[r].length; p++) {
                        for (int c = 0; c < ub; c++) {
                            if (s.booleanValue(x[r][p][c])) {
                                path[r] = p;
                                col[r] = c;
                            }
                        }
                    }
                }
            }
        } else if (st == CpSolverStatus.INFEASIBLE) {
            provenBound = Math.max(lb, ub); // nothing below ub
        }
        return true;
    }
}
