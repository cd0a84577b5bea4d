package io.fabricplan.dwdm.rwa;

import java.util.ArrayList;
import java.util.List;

/**
 * Solves min-RWA: lower bound (LP min-congestion and node cuts), candidate paths, first-fit greedy and tabu
 * search for W, then, on small instances, the CP-SAT path model warm-started from the heuristic. When every
 * request has few enough simple paths to list all of them, the model is exact and its proven bound is global.
 * Status OPTIMAL only when W equals a valid lower bound.
 */
public final class RwaSolver {
    /** Candidate paths per request for the heuristic and the restricted model. */
    static final int K = Integer.getInteger("rwa.k", 100);
    /** Up to this many simple paths per request the exact model takes all of them. */
    static final int ALL_PATHS_CAP = 64;
    /** The CP-SAT model runs only when requests x paths x wavelengths stays under this. */
    static final long EXACT_MAX_VARS = 60_000;

    private RwaSolver() {
    }

    public static RwaResult solve(RwaProblem problem, RwaOptions options) {
        long start = System.nanoTime();
        long deadline = start + (long) (options.timeLimitS() * 1e9);
        Network net = problem.network();
        List<Request> reqs = problem.requests();
        if (reqs.isEmpty()) {
            return new RwaResult(0, 0, RwaResult.Status.OPTIMAL, seconds(start), List.of());
        }
        CandidatePaths cands = new CandidatePaths(net);
        int n = reqs.size();
        int[][][] nodePaths = new int[n][][];
        boolean complete = true;
        java.util.Map<Long, int[][]> cache = new java.util.HashMap<>();
        java.util.Map<Long, int[][]> allCache = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            Request r = reqs.get(i);
            long key = ((long) r.src() << 32) | r.dst();
            int[][] ps = cache.computeIfAbsent(key, k -> cands.kShortest(r.src(), r.dst(), K).toArray(int[][]::new));
            if (ps.length == 0) {
                throw new RwaInputException("request " + i + ": no path from \"" + net.nodeId(r.src())
                        + "\" to \"" + net.nodeId(r.dst()) + "\"");
            }
            nodePaths[i] = ps;
        }
        int lb = LowerBounds.best(problem, Math.max(1, options.timeLimitS() * 0.2));
        int[][][] fib = toFibers(net, nodePaths);
        TabuRwa tabu = new TabuRwa(net.fiberCount(), fib, options.seed());
        long greedyEnd = start + (long) (options.timeLimitS() * 0.05e9);
        tabu.greedy(greedyEnd, 50);
        long vars = 0;
        for (int[][] ps : fib) {
            vars += (long) ps.length * tabu.bestW;
        }
        boolean exact = vars <= EXACT_MAX_VARS;
        long heurEnd = exact ? start + (long) (options.timeLimitS() * 0.5e9) : deadline;
        tabu.improve(heurEnd, lb);
        int w = tabu.bestW;
        int[][][] usedPaths = fib;
        int[][][] usedNodePaths = nodePaths;
        int[] path = tabu.bestPath;
        int[] col = tabu.bestCol;
        if (exact && w > lb && System.nanoTime() < deadline) {
            // all simple paths when few enough: then the model is exact
            int[][][] allNodes = new int[n][][];
            for (int i = 0; i < n && complete; i++) {
                Request r = reqs.get(i);
                long key = ((long) r.src() << 32) | r.dst();
                int[][] ps = allCache.computeIfAbsent(key, k -> {
                    List<int[]> all = cands.all(r.src(), r.dst(), ALL_PATHS_CAP);
                    return all == null ? null : all.toArray(int[][]::new);
                });
                if (ps == null) {
                    complete = false;
                } else {
                    allNodes[i] = ps;
                }
            }
            int[] hintPath = path;
            if (complete) {
                long allVars = 0;
                hintPath = new int[n];
                for (int i = 0; i < n; i++) {
                    allVars += (long) allNodes[i].length * w;
                    hintPath[i] = indexOf(allNodes[i], nodePaths[i][path[i]]);
                }
                if (allVars <= 4 * EXACT_MAX_VARS) {
                    usedNodePaths = allNodes;
                    usedPaths = toFibers(net, allNodes);
                } else {
                    complete = false;
                    hintPath = path;
                }
            }
            ExactRwa model = new ExactRwa();
            double left = (deadline - System.nanoTime()) / 1e9;
            model.solve(net.fiberCount(), usedPaths, hintPath, col, w, lb, left, options.threads(), options.seed());
            if (model.improved) {
                w = model.wavelengths;
                path = model.path;
                col = model.col;
            } else {
                usedPaths = fib;
                usedNodePaths = nodePaths;
            }
            if (complete) {
                lb = Math.max(lb, Math.min(model.provenBound, w));
            }
        }
        List<Lightpath> lps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int[] nodes = usedNodePaths[i][path[i]];
            List<String> ids = new ArrayList<>();
            for (int v : nodes) {
                ids.add(net.nodeId(v));
            }
            lps.add(new Lightpath(net.nodeId(reqs.get(i).src()), net.nodeId(reqs.get(i).dst()), ids, col[i]));
        }
        int maxCol = 0;
        for (int c : col) {
            maxCol = Math.max(maxCol, c + 1);
        }
        lb = Math.min(lb, maxCol);
        return new RwaResult(maxCol, lb, maxCol == lb ? RwaResult.Status.OPTIMAL : RwaResult.Status.FEASIBLE,
                seconds(start), lps);
    }

    private static int indexOf(int[][] all, int[] p) {
        for (int i = 0; i < all.length; i++) {
            if (java.util.Arrays.equals(all[i], p)) {
                return i;
            }
        }
        throw new IllegalStateException("candidate path missing from the complete list");
    }

    private static int[][][] toFibers(Network net, int[][][] nodePaths) {
        int[][][] out = new int[nodePaths.length][][];
        for (int i = 0; i < nodePaths.length; i++) {
            out[i] = new int[nodePaths[i].length][];
            for (int p = 0; p < nodePaths[i].length; p++) {
                out[i][p] = CandidatePaths.fibers(net, nodePaths[i][p]);
            }
        }
        return out;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
