package io.fabricplan.dwdm.layer;

import io.fabricplan.api.Cancellation;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.formulations.MipBackend;
import io.fabricplan.formulations.MipBackends;
import io.fabricplan.formulations.MipModel;
import io.fabricplan.model.SolverKind;
import io.fabricplan.model.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Channels for lightpaths whose routes are fixed, over spans with {@code pairs(s)} DWDM fiber pairs of
 * {@code channels(s)} channels each: the same channel on every span of a route, at most {@code pairs(s)}
 * lightpaths per span and channel (they then take distinct pairs). This is multi-fiber wavelength assignment,
 * NP-hard in general (it contains graph colouring); solved in three steps:
 * <ol>
 *   <li>first fit, longest routes first (O(lightpaths x channels x hops));</li>
 *   <li>when that leaves one out, the exact model: {@code x[route,ch]} lightpaths of a route on a channel,
 *       {@code sum_ch x = n(route)}, {@code sum_{route through s} x[route,ch] <= pairs(s)}, by CP-SAT within
 *       {@link DwdmLayerModel#ASSIGNMENT_SECONDS};</li>
 *   <li>when no assignment exists (or none is found in time), first fit that adds a DWDM pair on a span where a
 *       free fiber pair allows it, the channel needing fewest new pairs first.</li>
 * </ol>
 */
final class ChannelAssignment {

    /**
     * The outcome.
     *
     * @param channels channel of each lightpath, in input order (-1: none could be given)
     * @param pairs    DWDM pairs per span afterwards (more than asked where step 3 added some)
     * @param method   which step placed them
     */
    record Result(int[] channels, Map<Span, Integer> pairs, String method) {
        boolean complete() {
            for (int c : channels) {
                if (c < 0) {
                    return false;
                }
            }
            return true;
        }
    }

    private ChannelAssignment() {
    }

    /**
     * @param routes          route of each lightpath
     * @param pairs           DWDM pairs per span
     * @param channelsPerPair channels of the span's MUX
     * @param freePairs       fiber pairs of the span left unused (step 3 may take them)
     */
    static Result assign(List<Route> routes, Map<Span, Integer> pairs, Map<Span, Integer> channelsPerPair,
                         Map<Span, Integer> freePairs) {
        return assign(routes, pairs, channelsPerPair, freePairs, DwdmLayerModel.ASSIGNMENT_SECONDS);
    }

    /** As above, the exact step within {@code exactSeconds} (skipped below a twentieth of a second). */
    static Result assign(List<Route> routes, Map<Span, Integer> pairs, Map<Span, Integer> channelsPerPair,
                         Map<Span, Integer> freePairs, double exactSeconds) {
        int[] firstFit = firstFit(routes, pairs, channelsPerPair);
        if (firstFit != null) {
            return new Result(firstFit, pairs, "first fit");
        }
        int[] exact = exactSeconds < 0.05 ? null : exact(routes, pairs, channelsPerPair, exactSeconds);
        if (exact != null) {
            return new Result(exact, pairs, "exact (CP-SAT)");
        }
        return withMorePairs(routes, pairs, channelsPerPair, freePairs);
    }

    private static List<Integer> longestFirst(List<Route> routes) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> -routes.get(i).spans().size())
                .thenComparing(i -> routes.get(i).label()));
        return order;
    }

    private static int channelsOf(Route r, Map<Span, Integer> channelsPerPair) {
        int c = Integer.MAX_VALUE;
        for (Span s : r.spans()) {
            c = Math.min(c, channelsPerPair.getOrDefault(s, 0));
        }
        return c;
    }

    /** First fit, longest routes first; null when some lightpath finds no channel. */
    static int[] firstFit(List<Route> routes, Map<Span, Integer> pairs, Map<Span, Integer> channelsPerPair) {
        Map<Span, int[]> used = new HashMap<>();
        int[] out = new int[routes.size()];
        for (int i : longestFirst(routes)) {
            Route r = routes.get(i);
            int found = -1;
            for (int c = 0; c < channelsOf(r, channelsPerPair) && found < 0; c++) {
                boolean free = true;
                for (Span s : r.spans()) {
                    free &= used.computeIfAbsent(s, k -> new int[channelsPerPair.getOrDefault(s, 0)])[c]
                            < pairs.getOrDefault(s, 0);
                }
                if (free) {
                    found = c;
                }
            }
            if (found < 0) {
                return null;
            }
            for (Span s : r.spans()) {
                used.get(s)[found]++;
            }
            out[i] = found;
        }
        return out;
    }

    /** The exact model by CP-SAT; null when infeasible or not solved in time. */
    private static int[] exact(List<Route> routes, Map<Span, Integer> pairs, Map<Span, Integer> channelsPerPair,
                               double seconds) {
        Map<Route, List<Integer>> byRoute = new LinkedHashMap<>();
        for (int i = 0; i < routes.size(); i++) {
            byRoute.computeIfAbsent(routes.get(i), k -> new ArrayList<>()).add(i);
        }
        MipModel m = new MipModel("ChannelAssignment");
        Map<Route, MipModel.Var[]> x = new LinkedHashMap<>();
        Map<String, MipModel.Expr> perSpanChannel = new LinkedHashMap<>();
        byRoute.forEach((r, members) -> {
            int channels = channelsOf(r, channelsPerPair);
            MipModel.Var[] vars = new MipModel.Var[channels];
            MipModel.Expr all = new MipModel.Expr();
            for (int c = 0; c < channels; c++) {
                vars[c] = m.addInteger("x[route=" + r.from() + ":" + r.label() + ",ch=" + c + "]", 0, members.size());
                all.add(vars[c], 1);
                for (Span s : r.spans()) {
                    perSpanChannel.computeIfAbsent(s.id() + "#" + c, k -> new MipModel.Expr()).add(vars[c], 1);
                }
            }
            m.addEquality("all[route=" + r.from() + ":" + r.label() + "]", all, members.size());
            x.put(r, vars);
        });
        Map<String, Span> spanById = new HashMap<>();
        routes.forEach(r -> r.spans().forEach(s -> spanById.put(s.id(), s)));
        perSpanChannel.forEach((key, row) -> {
            Span s = spanById.get(key.substring(0, key.lastIndexOf('#')));
            m.addLessOrEqual("pairs[" + key + "]", row, pairs.getOrDefault(s, 0));
        });
        MipBackend.Result res = MipBackends.create(SolverKind.AUTO).solve(m,
                new MipBackend.Parameters(seconds, 0, 0, 0), MipBackend.Observer.NONE,
                new Cancellation());
        if (res.status() != SolveStatus.OPTIMAL && res.status() != SolveStatus.FEASIBLE) {
            return null;
        }
        int[] out = new int[routes.size()];
        byRoute.forEach((r, members) -> {
            int next = 0;
            MipModel.Var[] vars = x.get(r);
            for (int c = 0; c < vars.length; c++) {
                for (long k = Math.round(res.values()[vars[c].index()]); k > 0; k--) {
                    out[members.get(next++)] = c;
                }
            }
        });
        return out;
    }

    /** First fit that opens DWDM pairs on spans with free fiber where no channel is free along the route. */
    private static Result withMorePairs(List<Route> routes, Map<Span, Integer> pairs,
                                        Map<Span, Integer> channelsPerPair, Map<Span, Integer> freePairs) {
        Map<Span, Integer> now = new HashMap<>(pairs);
        Map<Span, Integer> free = new HashMap<>(freePairs);
        Map<Span, int[]> used = new HashMap<>();
        int[] out = new int[routes.size()];
        for (int i : longestFirst(routes)) {
            Route r = routes.get(i);
            int best = -1;
            int fewest = Integer.MAX_VALUE;
            for (int c = 0; c < channelsOf(r, channelsPerPair); c++) {
                int needed = 0;
                boolean possible = true;
                for (Span s : r.spans()) {
                    if (used.computeIfAbsent(s, k -> new int[channelsPerPair.getOrDefault(s, 0)])[c]
                            >= now.getOrDefault(s, 0)) {
                        needed++;
                        possible &= free.getOrDefault(s, 0) > 0;
                    }
                }
                if (possible && needed < fewest) {
                    best = c;
                    fewest = needed;
                }
            }
            out[i] = best;
            if (best < 0) {
                continue;
            }
            for (Span s : r.spans()) {
                if (used.get(s)[best] >= now.getOrDefault(s, 0)) {
                    now.merge(s, 1, Integer::sum);
                    free.merge(s, -1, Integer::sum);
                }
                used.get(s)[best]++;
            }
        }
        return new Result(out, now, "first fit with added DWDM pairs");
    }
}
