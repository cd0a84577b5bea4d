package io.fabricplan.dwdm.rwa;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Simple paths between node pairs by hop count: the k shortest (all paths of length at most shortest + s for
 * the least slack s that gives k, then the k shortest of those), or every simple path when there are at most a
 * given number. Paths are node sequences.
 */
final class CandidatePaths {
    private final Network net;
    private final int[][] dist; // hop distance
    /** Search steps allowed per enumeration; past it the enumeration stops with what it has. */
    private static final int BUDGET = 40_000;
    private int steps;
    private boolean exhausted;

    CandidatePaths(Network net) {
        this.net = net;
        int n = net.nodeCount();
        dist = new int[n][];
        for (int t = 0; t < n; t++) {
            dist[t] = bfs(t);
        }
    }

    /** Hops from every node to {@code t} (fibers are symmetric, so distances too); MAX_VALUE if unreachable. */
    private int[] bfs(int t) {
        int[] d = new int[net.nodeCount()];
        Arrays.fill(d, Integer.MAX_VALUE);
        d[t] = 0;
        ArrayDeque<Integer> q = new ArrayDeque<>();
        q.add(t);
        while (!q.isEmpty()) {
            int v = q.poll();
            for (int f : net.fibersOut(v)) {
                int w = net.fiberHead(f);
                if (d[w] == Integer.MAX_VALUE) {
                    d[w] = d[v] + 1;
                    q.add(w);
                }
            }
        }
        return d;
    }

    int hops(int s, int t) {
        return dist[t][s];
    }

    /** The k shortest simple paths from s to t (fewer if there are fewer); empty if t is unreachable. */
    List<int[]> kShortest(int s, int t, int k) {
        if (dist[t][s] == Integer.MAX_VALUE) {
            return List.of();
        }
        int cap = Math.max(k, 2000);
        List<int[]> found = List.of();
        for (int slack = 0; slack <= net.nodeCount(); slack++) {
            List<int[]> level = enumerate(s, t, dist[t][s] + slack, cap);
            if (level.size() >= found.size()) {
                found = level;
            }
            if (found.size() >= k || exhausted || dist[t][s] + slack >= net.nodeCount() - 1) {
                break;
            }
        }
        List<int[]> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(p -> p.length));
        return sorted.subList(0, Math.min(k, sorted.size()));
    }

    /** Every simple path from s to t, or null when there are more than {@code cap} (or too many to search). */
    List<int[]> all(int s, int t, int cap) {
        List<int[]> found = enumerate(s, t, net.nodeCount() - 1, cap + 1);
        if (found.size() > cap || exhausted) {
            return null;
        }
        List<int[]> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(p -> p.length));
        return sorted;
    }

    /** Simple paths of at most maxHops hops, stopping once {@code cap} are found. */
    private List<int[]> enumerate(int s, int t, int maxHops, int cap) {
        List<int[]> out = new ArrayList<>();
        int[] stack = new int[net.nodeCount()];
        boolean[] on = new boolean[net.nodeCount()];
        stack[0] = s;
        on[s] = true;
        steps = 0;
        exhausted = false;
        dfs(t, maxHops, cap, stack, 0, on, out);
        return out;
    }

    private void dfs(int t, int maxHops, int cap, int[] stack, int depth, boolean[] on, List<int[]> out) {
        int v = stack[depth];
        if (v == t) {
            out.add(Arrays.copyOf(stack, depth + 1));
            return;
        }
        if (++steps > BUDGET) {
            exhausted = true;
            return;
        }
        for (int f : net.fibersOut(v)) {
            if (out.size() >= cap || exhausted) {
                return;
            }
            int w = net.fiberHead(f);
            if (on[w] || dist[t][w] == Integer.MAX_VALUE || depth + 1 + dist[t][w] > maxHops) {
                continue;
            }
            on[w] = true;
            stack[depth + 1] = w;
            dfs(t, maxHops, cap, stack, depth + 1, on, out);
            on[w] = false;
        }
    }

    /** The fibers a node path runs over. */
    static int[] fibers(Network net, int[] nodes) {
        int[] f = new int[nodes.length - 1];
        for (int i = 0; i + 1 < nodes.length; i++) {
            f[i] = net.fiber(nodes[i], nodes[i + 1]);
        }
        return f;
    }
}
