package io.fabricplan.dwdm.rwa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

/**
 * The heuristic. First-fit greedy (requests by decreasing shortest-path hops, ties shuffled, several rounds;
 * each request takes the candidate path whose lowest free wavelength is least) gives W. Then, repeatedly, the
 * smallest wavelength class is emptied and the highest renamed into it, leaving W-1 wavelengths and some
 * unassigned requests; a tabu search over partial legal assignments (PartialCol-like) inserts an unassigned
 * request on the (path, wavelength) that evicts the fewest others, evicted requests being barred from their old
 * wavelength for a tenure, until nothing is unassigned (success: W-1 is feasible) or time runs out.
 */
final class TabuRwa {
    private final int nReq;
    private final int nFib;
    private final int[][][] paths; // request -> candidate -> fibers
    private final Random rnd;
    private final int[] shortest;

    private static final boolean DEBUG = System.getenv("RWA_DEBUG") != null;
    int bestW = Integer.MAX_VALUE;
    int[] bestPath;
    int[] bestCol;
    long iterations;

    TabuRwa(int fibers, int[][][] paths, long seed) {
        this.nFib = fibers;
        this.paths = paths;
        this.nReq = paths.length;
        this.rnd = new Random(seed);
        shortest = new int[nReq];
        for (int r = 0; r < nReq; r++) {
            shortest[r] = Arrays.stream(paths[r]).mapToInt(p -> p.length).min().orElse(0);
        }
    }

    /** Greedy rounds until {@code deadline} (nanoTime) or {@code rounds} rounds. */
    void greedy(long deadline, int rounds) {
        Integer[] order = new Integer[nReq];
        for (int i = 0; i < nReq; i++) {
            order[i] = i;
        }
        for (int round = 0; round < rounds && (round == 0 || System.nanoTime() < deadline); round++) {
            List<Integer> l = new ArrayList<>(Arrays.asList(order));
            java.util.Collections.shuffle(l, rnd);
            if (round % 2 == 0) {
                l.sort((a, b) -> Integer.compare(shortest[b], shortest[a]));
            }
            BitSet[] used = new BitSet[nFib];
            for (int f = 0; f < nFib; f++) {
                used[f] = new BitSet();
            }
            int[] pa = new int[nReq];
            int[] co = new int[nReq];
            int w = 0;
            for (int r : l) {
                int bestC = Integer.MAX_VALUE;
                int bestP = -1;
                for (int p = 0; p < paths[r].length; p++) {
                    BitSet u = new BitSet();
                    for (int f : paths[r][p]) {
                        u.or(used[f]);
                    }
                    int c = u.nextClearBit(0);
                    if (c < bestC) {
                        bestC = c;
                        bestP = p;
                    }
                }
                pa[r] = bestP;
                co[r] = bestC;
                for (int f : paths[r][bestP]) {
                    used[f].set(bestC);
                }
                w = Math.max(w, bestC + 1);
            }
            if (w < bestW) {
                bestW = w;
                bestPath = pa;
                bestCol = co;
            }
        }
    }

    /** Tabu search for fewer wavelengths until the deadline or until {@code lowerBound} is reached. */
    void improve(long deadline, int lowerBound) {
        if (bestW <= lowerBound || nReq == 0) {
            return;
        }
        final int cap = bestW;
        int[] occ = new int[nFib * cap];
        Arrays.fill(occ, -1);
        int[] path = bestPath.clone();
        int[] col = bestCol.clone();
        for (int r = 0; r < nReq; r++) {
            for (int f : paths[r][path[r]]) {
                occ[f * cap + col[r]] = r;
            }
        }
        long[] tabu = new long[nReq * cap];
        int[] unassigned = new int[nReq];
        int[] pos = new int[nReq];
        Arrays.fill(pos, -1);
        int nU = 0;
        int[] stamp = new int[nReq];
        int stampNow = 0;
        int w = bestW;
        int bestU = Integer.MAX_VALUE;
        long[] weight = new long[nReq];
        Arrays.fill(weight, 1);
        while (System.nanoTime() < deadline) {
            if (nU == 0) {
                if (DEBUG) {
                    System.err.printf("rwa: W=%d after %d iterations%n", w, iterations);
                }
                if (w < bestW) {
                    bestW = w;
                    bestPath = path.clone();
                    bestCol = col.clone();
                }
                if (w <= lowerBound || w <= 1) {
                    return;
                }
                // empty the smallest class, rename the top one into it
                int[] size = new int[w];
                for (int r = 0; r < nReq; r++) {
                    size[col[r]]++;
                }
                int small = 0;
                for (int c = 1; c < w; c++) {
                    if (size[c] < size[small] || (size[c] == size[small] && rnd.nextBoolean())) {
                        small = c;
                    }
                }
                for (int r = 0; r < nReq; r++) {
                    if (col[r] == small) {
                        for (int f : paths[r][path[r]]) {
                            occ[f * cap + small] = -1;
                        }
                        col[r] = -1;
                        pos[r] = nU;
                        unassigned[nU++] = r;
                    }
                }
                int top = w - 1;
                if (top != small) {
                    for (int r = 0; r < nReq; r++) {
                        if (col[r] == top) {
                            for (int f : paths[r][path[r]]) {
                                occ[f * cap + top] = -1;
                                occ[f * cap + small] = r;
                            }
                            col[r] = small;
                        }
                    }
                }
                w--;
                Arrays.fill(tabu, 0);
                Arrays.fill(weight, 1);
                bestU = nU;
                continue;
            }
            iterations++;
            if ((iterations & 255) == 0 && System.nanoTime() >= deadline) {
                break;
            }
            int sample = Math.min(nU, 6);
            int mr = -1;
            int mp = -1;
            int mc = -1;
            long mScore = Long.MAX_VALUE;
            int ties = 0;
            for (int s = 0; s < sample; s++) {
                int r = nU <= 6 ? unassigned[s] : unassigned[rnd.nextInt(nU)];
                for (int p = 0; p < paths[r].length; p++) {
                    int[] fib = paths[r][p];
                    for (int c = 0; c < w; c++) {
                        boolean isTabu = tabu[r * cap + c] > iterations;
                        stampNow++;
                        long cost = 0;
                        for (int f : fib) {
                            int q = occ[f * cap + c];
                            if (q >= 0 && stamp[q] != stampNow) {
                                stamp[q] = stampNow;
                                cost += weight[q];
                                if (cost * 64 > mScore) {
                                    break;
                                }
                            }
                        }
                        if (isTabu && cost > 0) {
                            continue;
                        }
                        long score = cost * 64 + fib.length;
                        if (score < mScore) {
                            mScore = score;
                            mr = r;
                            mp = p;
                            mc = c;
                            ties = 1;
                        } else if (score == mScore && rnd.nextInt(++ties) == 0) {
                            mr = r;
                            mp = p;
                            mc = c;
                        }
                    }
                }
            }
            if (mr < 0) {
                // everything tabu: take a random move
                mr = unassigned[rnd.nextInt(nU)];
                mp = rnd.nextInt(paths[mr].length);
                mc = rnd.nextInt(w);
            }
            // evict conflicts
            for (int f : paths[mr][mp]) {
                int q = occ[f * cap + mc];
                if (q >= 0) {
                    for (int g : paths[q][path[q]]) {
                        occ[g * cap + mc] = -1;
                    }
                    col[q] = -1;
                    pos[q] = nU;
                    unassigned[nU++] = q;
                    tabu[q * cap + mc] = iterations + 7 + rnd.nextInt(10) + (long) (0.6 * nU);
                }
            }
            // insert mr
            int at = pos[mr];
            int last = unassigned[--nU];
            unassigned[at] = last;
            pos[last] = at;
            pos[mr] = -1;
            path[mr] = mp;
            col[mr] = mc;
            for (int f : paths[mr][mp]) {
                occ[f * cap + mc] = mr;
            }
            if (nU < bestU) {
                bestU = nU;
            }
            for (int i = 0; i < nU; i++) {
                weight[unassigned[i]]++;
            }
            if (DEBUG && (iterations % 200000) == 0) {
                System.err.printf("rwa: it %d W=%d |U|=%d best |U|=%d%n", iterations, w, nU, bestU);
            }
        }
    }
}
