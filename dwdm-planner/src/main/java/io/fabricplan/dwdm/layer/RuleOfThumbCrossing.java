package io.fabricplan.dwdm.layer;

import io.fabricplan.dwdm.budget.OpticalBudget;
import io.fabricplan.formulations.InterSiteLayer;
import io.fabricplan.model.AmplifierPlacement;
import io.fabricplan.model.DwdmPlan;
import io.fabricplan.model.FabricRules;
import io.fabricplan.model.GreyRoute;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Lightpath;
import io.fabricplan.model.LinkAssignment;
import io.fabricplan.model.LinkEnd;
import io.fabricplan.model.MuxPlacement;
import io.fabricplan.model.Optic;
import io.fabricplan.model.OpticKind;
import io.fabricplan.model.OpticalRules;
import io.fabricplan.model.Span;
import io.fabricplan.model.SpanHop;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule of thumb for cables between sites, as a planner does it by hand, one cable at a time in Links order,
 * those no lightpath can carry first: the cheapest grey optic that reaches the shortest route (of equally short
 * ones, the one with the most free pairs) while every span on it has a free fiber pair besides those kept for
 * DWDM (sized from the shortest routes' loads, spread over equally short routes); else the cheapest COHERENT
 * optic on the first of the k shortest routes with a channel free along it (else grey on a longer route), a
 * span's first DWDM pair fitting it with the cheapest line system the lightpath's budget accepts (kept for the
 * span's later pairs), opening another DWDM pair where the channel is taken and fiber is free. No look-ahead, so it can fail where a plan
 * exists. O(cables x k x (channels + combinations) x hops).
 */
final class RuleOfThumbCrossing {
    private final Instance instance;
    private final OpticalBudget budget;
    private final CandidateRoutes candidates;
    private final Map<Span, List<LineSystem>> systems;
    private final Map<Span, LineSystem> fitted = new HashMap<>();
    /** Per span: next free fiber pair index, and its DWDM pairs (index and channels in use). */
    private final Map<Span, Integer> nextPair = new HashMap<>();
    private final Map<Span, List<DwdmPair>> dwdmPairs = new LinkedHashMap<>();
    /** Per span and channel: how many of its DWDM pairs carry a lightpath on the channel. */
    private final Map<Span, int[]> channelUse = new HashMap<>();
    private final Map<String, Integer> assigned = new LinkedHashMap<>();
    /** Fiber pairs per span grey cables leave for DWDM. */
    private final Map<Span, Integer> reserved = new HashMap<>();
    private final List<GreyRoute> greys = new ArrayList<>();
    private final List<Lightpath> lightpaths = new ArrayList<>();

    private record DwdmPair(int index, boolean[] used) {
    }

    /** What the optics a cable may take depend on: its rate, its two ends, grey or coherent. */
    private record OpticsKey(double gbps, LinkEnd aEnd, LinkEnd bEnd, boolean coherent) {
    }

    /** The sorted candidates per {@link OpticsKey}: fabrics repeat a few kinds over tens of thousands of cables. */
    private final Map<OpticsKey, List<Optic>> cheapestFirst = new HashMap<>();

    RuleOfThumbCrossing(Instance instance) {
        this.instance = instance;
        this.budget = new OpticalBudget(instance.settings());
        this.candidates = new CandidateRoutes(instance.spans());
        this.systems = LineSystemCombinations.lineSystems(instance, budget);
    }

    /** The plan of the crossings, or null when some cable finds no way across. */
    InterSiteLayer.RuleOfThumb plan(List<InterSiteLayer.Crossing> crossings) {
        Map<String, InterSiteLayer.Crossing> byLink = new HashMap<>();
        Map<String, List<Route>> routesOf = new HashMap<>();
        for (InterSiteLayer.Crossing c : crossings) {
            routesOf.computeIfAbsent(c.aSite() + "|" + c.bSite(),
                    k -> candidates.between(c.aSite(), c.bSite(), DwdmLayer.DEFAULT_ROUTES));
        }
        reserveForDwdm(crossings, routesOf);
        for (InterSiteLayer.Crossing c : greyOnlyFirst(crossings, routesOf)) {
            byLink.put(c.link().id(), c);
            List<Route> routes = routesOf.get(c.aSite() + "|" + c.bSite());
            for (int cable = 0; cable < c.link().count(); cable++) {
                if (!carry(c, routes, cable)) {
                    return null;
                }
            }
        }
        List<LinkAssignment> links = new ArrayList<>();
        assigned.forEach((key, n) -> {
            int bar = key.indexOf('|');
            InterSiteLayer.Crossing c = byLink.get(key.substring(0, bar));
            links.add(new LinkAssignment(c.link().id(), key.substring(bar + 1), c.aEnd().packaging(),
                    c.bEnd().packaging(), n));
        });
        List<MuxPlacement> muxes = new ArrayList<>();
        List<AmplifierPlacement> amplifiers = new ArrayList<>();
        dwdmPairs.forEach((s, pairs) -> {
            LineSystem y = fitted.get(s);
            for (DwdmPair p : pairs) {
                muxes.add(new MuxPlacement(s.aSite(), s.id(), p.index(), y.mux().id()));
                muxes.add(new MuxPlacement(s.bSite(), s.id(), p.index(), y.mux().id()));
                if (y.amplifiers() > 0) {
                    amplifiers.add(new AmplifierPlacement(s.id(), p.index(), y.amplifier().id(), y.amplifiers()));
                }
            }
        });
        return new InterSiteLayer.RuleOfThumb(links, new DwdmPlan(lightpaths, greys, amplifiers, muxes));
    }

    /**
     * The crossings in Links order, those that can only go grey first (no lightpath meets its budget on any of
     * their routes, e.g. 800ZR through a site's DEMUX and MUX): a planner routes them while grey fiber is left,
     * since the others can still take a channel when it is gone.
     */
    private List<InterSiteLayer.Crossing> greyOnlyFirst(List<InterSiteLayer.Crossing> crossings,
                                                        Map<String, List<Route>> routesOf) {
        record Kind(String aSite, String bSite, double gbps, LinkEnd aEnd, LinkEnd bEnd) {
        }
        Map<Kind, Boolean> greyOnly = new HashMap<>();
        List<InterSiteLayer.Crossing> first = new ArrayList<>();
        List<InterSiteLayer.Crossing> then = new ArrayList<>();
        for (InterSiteLayer.Crossing c : crossings) {
            List<Route> routes = routesOf.get(c.aSite() + "|" + c.bSite());
            boolean onlyGrey = greyOnly.computeIfAbsent(new Kind(c.aSite(), c.bSite(), c.link().gbps(), c.aEnd(),
                    c.bEnd()), k -> cheapestFirst(c, true).stream().noneMatch(o -> routes.stream()
                    .anyMatch(r -> lineFor(o, r) != null)));
            (onlyGrey ? first : then).add(c);
        }
        first.addAll(then);
        return first;
    }

    /** Grey on the shortest route; else a lightpath on the first route that takes one; else grey on a detour. */
    private boolean carry(InterSiteLayer.Crossing c, List<Route> routes, int cable) {
        if (routes.isEmpty()) {
            return false;
        }
        if (grey(c, roomiestShortest(routes), cable)) {
            return true;
        }
        for (Route r : routes) {
            if (lightpath(c, r, cable)) {
                return true;
            }
        }
        for (Route r : routes.subList(1, routes.size())) {
            if (grey(c, r, cable)) {
                return true;
            }
        }
        return false;
    }

    private List<Optic> cheapestFirst(InterSiteLayer.Crossing c, boolean coherent) {
        return cheapestFirst.computeIfAbsent(new OpticsKey(c.link().gbps(), c.aEnd(), c.bEnd(), coherent),
                k -> sortedOptics(c, coherent));
    }

    private List<Optic> sortedOptics(InterSiteLayer.Crossing c, boolean coherent) {
        return instance.optics().stream()
                .filter(o -> FabricRules.rateMatches(o, c.link()) && FabricRules.endAccepts(o, c.aEnd())
                        && FabricRules.endAccepts(o, c.bEnd()))
                .filter(o -> coherent == (o.kind() == OpticKind.COHERENT) && (!coherent || o.coherent() != null))
                .sorted(Comparator.comparingDouble((Optic o) -> FabricRules.linkCostUsd(o, 0, c.aEnd(), c.bEnd()))
                        .thenComparingDouble(o -> FabricRules.endPowerW(o, c.link(), c.aEnd())
                                + FabricRules.endPowerW(o, c.link(), c.bEnd())))
                .toList();
    }

    private int freePairs(Span s) {
        return s.fiberPairs() - nextPair.getOrDefault(s, 0);
    }

    /**
     * Fiber pairs per span kept from grey cables for DWDM, as a planner sizes them from the shortest routes: none
     * where all cables fit grey, else enough that grey fills the rest and DWDM pairs of the narrowest MUX carry
     * the excess: {@code ceil((cables - pairs) / (channels - 1))}.
     */
    private void reserveForDwdm(List<InterSiteLayer.Crossing> crossings, Map<String, List<Route>> routesOf) {
        // the narrowest MUX: which one a span gets is decided later, and too few pairs strand the DWDM cables
        int channels = Integer.MAX_VALUE;
        for (List<LineSystem> list : systems.values()) {
            for (LineSystem y : list) {
                channels = Math.min(channels, y.channels());
            }
        }
        channels = channels == Integer.MAX_VALUE ? 2 : Math.max(2, channels);
        Map<Span, Long> cables = new HashMap<>();
        Map<String, Integer> spread = new HashMap<>();
        for (InterSiteLayer.Crossing c : crossings) {
            String sites = c.aSite() + "|" + c.bSite();
            List<Route> shortest = shortest(routesOf.get(sites));
            for (int cable = 0; cable < c.link().count() && !shortest.isEmpty(); cable++) {
                // cables between opposite sites of a ring go either way: spread over the routes of equal length
                int next = spread.merge(sites, 1, Integer::sum) - 1;
                shortest.get(next % shortest.size()).spans().forEach(s -> cables.merge(s, 1L, Long::sum));
            }
        }
        for (Map.Entry<Span, Long> e : cables.entrySet()) {
            long excess = e.getValue() - e.getKey().fiberPairs();
            if (excess > 0) {
                reserved.put(e.getKey(), (int) Math.max(1, (excess + channels - 2) / Math.max(1, channels - 1)));
            }
        }
    }

    /** The routes as short as the first (a ring's two ways round between opposite sites). */
    private static List<Route> shortest(List<Route> routes) {
        return routes.stream().filter(r -> r.lengthKm() <= routes.get(0).lengthKm() + 1e-9).toList();
    }

    /** Of the shortest routes, the one with the most fiber pairs left for grey on its fullest span. */
    private Route roomiestShortest(List<Route> routes) {
        Route best = routes.get(0);
        int bestRoom = Integer.MIN_VALUE;
        for (Route r : shortest(routes)) {
            int room = r.spans().stream().mapToInt(s -> freePairs(s) - stillReserved(s)).min().orElse(0);
            if (room > bestRoom) {
                best = r;
                bestRoom = room;
            }
        }
        return best;
    }

    private boolean grey(InterSiteLayer.Crossing c, Route r, int cable) {
        for (Optic o : cheapestFirst(c, false)) {
            if (!FabricRules.reaches(o, r.lengthKm() * 1000.0)) {
                continue;
            }
            // pairs kept for DWDM stay free of grey cables (less those DWDM already opened there)
            if (r.spans().stream().anyMatch(s -> freePairs(s) <= stillReserved(s))) {
                return false;
            }
            List<SpanHop> hops = new ArrayList<>();
            for (Span s : r.spans()) {
                hops.add(new SpanHop(s.id(), nextPair.merge(s, 1, Integer::sum) - 1));
            }
            greys.add(new GreyRoute(c.link().id(), cable, o.id(), hops));
            assigned.merge(c.link().id() + "|" + o.id(), 1, Integer::sum);
            return true;
        }
        return false;
    }

    /** Pairs kept for DWDM that grey cables stay off: the reserve less the DWDM pairs already opened there. */
    private int stillReserved(Span s) {
        return Math.max(0, reserved.getOrDefault(s, 0) - dwdmPairs.getOrDefault(s, List.of()).size());
    }

    private boolean lightpath(InterSiteLayer.Crossing c, Route r, int cable) {
        for (Optic o : cheapestFirst(c, true)) {
            LineSystem[] line = lineFor(o, r);
            if (line == null) {
                continue;
            }
            int channel = channelFor(r, line);
            if (channel < 0) {
                continue;
            }
            List<SpanHop> hops = new ArrayList<>();
            for (int k = 0; k < line.length; k++) {
                Span s = r.spans().get(k);
                fitted.putIfAbsent(s, line[k]);
                DwdmPair pair = pairWith(s, channel);
                hops.add(new SpanHop(s.id(), pair.index()));
            }
            lightpaths.add(new Lightpath(c.link().id(), cable, o.id(), hops, channel));
            assigned.merge(c.link().id() + "|" + o.id(), 1, Integer::sum);
            return true;
        }
        return false;
    }

    /**
     * The route's line systems: those fitted, and for the others the combination the optic's budget takes with the
     * most margin (OSNR over required, receiver loss under budget, section loss under gain; then the cheapest), as
     * a planner fits a new span for the routes to come, not just this one.
     */
    private LineSystem[] lineFor(Optic o, Route r) {
        List<List<LineSystem>> per = new ArrayList<>();
        for (Span s : r.spans()) {
            LineSystem y = fitted.get(s);
            per.add(y != null ? List.of(y) : systems.get(s).stream()
                    .filter(x -> OpticalBudget.fits(o.coherent(), x.mux())).toList());
        }
        LineSystem[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        double bestMargin = Double.NEGATIVE_INFINITY;
        int[] at = new int[per.size()];
        if (per.stream().anyMatch(List::isEmpty)) {
            return null;
        }
        for (int evaluated = 0; evaluated < LineSystemCombinations.MAX_COMBINATIONS; evaluated++) {
            LineSystem[] t = new LineSystem[at.length];
            double cost = 0;
            boolean oneSpacing = true;
            for (int k = 0; k < at.length; k++) {
                t[k] = per.get(k).get(at[k]);
                oneSpacing &= t[k].mux().spacingGhz() == t[0].mux().spacingGhz();
                cost += fitted.containsKey(r.spans().get(k)) ? 0 : t[k].costUsd();
            }
            if (oneSpacing) {
                OpticalRules.Budget b = LineSystemCombinations.budgetOf(o.coherent(), r, t);
                double margin = Math.min(b.osnrDb() - budget.requiredOsnrDb(o.coherent()),
                        o.coherent().maxUnamplifiedLossDb() - b.receiverLossDb());
                margin = Math.min(margin, b.amplified() ? -b.gainShortfallDb() : margin);
                boolean better = margin > bestMargin + 1e-9 || margin > bestMargin - 1e-9 && cost < bestCost;
                if (better && margin >= 0) {
                    best = t;
                    bestCost = cost;
                    bestMargin = margin;
                }
            }
            int k = at.length - 1;
            while (k >= 0 && ++at[k] == per.get(k).size()) {
                at[k--] = 0;
            }
            if (k < 0) {
                break;
            }
        }
        return best;
    }

    /**
     * The lowest channel that needs the fewest new DWDM pairs along the route (none when the spans' pairs have it
     * free), opening pairs only where fiber allows; -1: none.
     */
    private int channelFor(Route r, LineSystem[] line) {
        int channels = Integer.MAX_VALUE;
        for (LineSystem y : line) {
            channels = Math.min(channels, y.channels());
        }
        int best = -1;
        int fewest = Integer.MAX_VALUE;
        for (int c = 0; c < channels && fewest > 0; c++) {
            int opened = 0;
            boolean ok = true;
            for (Span s : r.spans()) {
                if (!hasFree(s, c)) {
                    opened++;
                    ok &= freePairs(s) > 0;
                }
            }
            if (ok && opened < fewest) {
                best = c;
                fewest = opened;
            }
        }
        return best;
    }

    /** Whether some DWDM pair of the span has the channel free: fewer of its pairs use it than it has. */
    private boolean hasFree(Span s, int channel) {
        int[] used = channelUse.get(s);
        return used != null && channel < used.length && used[channel] < dwdmPairs.get(s).size();
    }

    /** The span's first DWDM pair with the channel free (opening one where none has it), the channel taken. */
    private DwdmPair pairWith(Span s, int channel) {
        DwdmPair found = null;
        if (hasFree(s, channel)) {
            for (DwdmPair p : dwdmPairs.get(s)) {
                if (!p.used()[channel]) {
                    found = p;
                    break;
                }
            }
        }
        if (found == null) {
            found = new DwdmPair(nextPair.merge(s, 1, Integer::sum) - 1, new boolean[fitted.get(s).channels()]);
            dwdmPairs.computeIfAbsent(s, k -> new ArrayList<>()).add(found);
        }
        found.used()[channel] = true;
        channelUse.computeIfAbsent(s, k -> new int[fitted.get(s).channels()])[channel]++;
        return found;
    }
}
