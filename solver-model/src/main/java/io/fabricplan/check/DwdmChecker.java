package io.fabricplan.check;

import io.fabricplan.check.Violation.Kind;
import io.fabricplan.model.AmplifierPlacement;
import io.fabricplan.model.DwdmEvaluator;
import io.fabricplan.model.FabricRules;
import io.fabricplan.model.GreyRoute;
import io.fabricplan.model.InstanceIndex;
import io.fabricplan.model.Lightpath;
import io.fabricplan.model.Link;
import io.fabricplan.model.LinkAssignment;
import io.fabricplan.model.MuxPlacement;
import io.fabricplan.model.Optic;
import io.fabricplan.model.OpticKind;
import io.fabricplan.model.OpticalRules;
import io.fabricplan.model.Plan;
import io.fabricplan.model.Span;
import io.fabricplan.model.SpanHop;
import io.fabricplan.model.WdmEquipment;
import io.fabricplan.model.WdmKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The DWDM rules of a plan (see {@link io.fabricplan.model.DwdmPlan} for the conventions): routes are chains of
 * spans between the link's sites on existing fiber pairs; a grey cable has its fiber pairs to itself; no two
 * lightpaths share a channel of a fiber pair, and channels stay on the grid and within the MUX; every DWDM pair
 * has a MUX at each end; OSNR and loss budgets hold ({@link OpticalRules}); every cable of a link between sites
 * is routed exactly once, with the optic its link assignments give.
 */
final class DwdmChecker {
    /** dB tolerance of the OSNR and loss comparisons (spreadsheet round-off). */
    static final double DB_TOLERANCE = 1e-6;

    private final InstanceIndex index;
    private final Plan plan;
    private final DwdmEvaluator evaluator;
    /** Per span: the fiber pairs routes use, and by what. */
    private final Map<String, Map<Integer, PairUse>> pairs = new LinkedHashMap<>();
    /** Per link: cables routed, and the optics of its routed cables. */
    private final Map<String, Set<Integer>> routed = new LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> routedOptics = new LinkedHashMap<>();

    private static final class PairUse {
        final List<String> greys = new ArrayList<>();
        final List<Lightpath> lightpaths = new ArrayList<>();
    }

    DwdmChecker(InstanceIndex index, Plan plan) {
        this.index = index;
        this.plan = plan;
        this.evaluator = new DwdmEvaluator(index, plan);
    }

    void check(List<Violation> out) {
        placements(out);
        for (Lightpath lp : plan.dwdm().lightpaths()) {
            lightpath(lp, out);
        }
        for (GreyRoute g : plan.dwdm().greyRoutes()) {
            grey(g, out);
        }
        fiberPairs(out);
        coverage(out);
    }

    private static String subject(String linkId, int cable) {
        return linkId + "[" + cable + "]";
    }

    // ------------------------------------------------------------------ equipment

    private void placements(List<Violation> out) {
        Set<String> seen = new HashSet<>();
        for (MuxPlacement m : plan.dwdm().muxes()) {
            String where = m.siteId() + "@" + m.spanId() + "#" + m.fiberPair();
            Span span = index.span(m.spanId());
            WdmEquipment item = index.wdm(m.itemId());
            String why = span == null ? "unknown span \"" + m.spanId() + "\""
                    : !span.touches(m.siteId()) ? "site \"" + m.siteId() + "\" is not an end of span " + span.id()
                    : m.fiberPair() < 0 || m.fiberPair() >= span.fiberPairs() ? "span " + span.id() + " has "
                    + span.fiberPairs() + " fiber pairs, no #" + m.fiberPair()
                    : item == null || item.kind() != WdmKind.MUX ? "\"" + m.itemId() + "\" is no MUX of WdmEquipment"
                    : !seen.add(where) ? "a second MUX at the same end of the same fiber pair" : null;
            if (why != null) {
                out.add(new Violation(Kind.BAD_PLACEMENT, where, why));
            }
        }
        for (AmplifierPlacement a : plan.dwdm().amplifiers()) {
            String where = a.spanId() + "#" + a.fiberPair();
            Span span = index.span(a.spanId());
            WdmEquipment item = index.wdm(a.itemId());
            String why = span == null ? "unknown span \"" + a.spanId() + "\""
                    : a.fiberPair() < 0 || a.fiberPair() >= span.fiberPairs() ? "span " + span.id() + " has "
                    + span.fiberPairs() + " fiber pairs, no #" + a.fiberPair()
                    : item == null || item.kind() != WdmKind.AMPLIFIER ? "\"" + a.itemId()
                    + "\" is no AMPLIFIER of WdmEquipment"
                    : a.count() < 1 ? "amplifier count must be 1 or more, got " + a.count() : null;
            if (why != null) {
                out.add(new Violation(Kind.BAD_PLACEMENT, where, why));
            }
        }
    }

    // ------------------------------------------------------------------ cables

    /**
     * Registers the route's fiber pairs (for a lightpath, or grey when {@code lightpath} is null) and returns the
     * sites it passes when it is continuous (reported otherwise); null to skip further checks.
     */
    private List<String> route(Link link, List<SpanHop> route, String subject, Lightpath lightpath,
                               List<Violation> out) {
        String from = evaluator.siteOf(link.aDevice());
        String to = evaluator.siteOf(link.bDevice());
        if (from == null || to == null) {
            return null; // unknown racks are reported on the devices
        }
        for (SpanHop hop : route) {
            Map<Integer, PairUse> use = pairs.computeIfAbsent(hop.spanId(), k -> new TreeMap<>());
            PairUse pair = use.computeIfAbsent(hop.fiberPair(), k -> new PairUse());
            if (lightpath != null) {
                pair.lightpaths.add(lightpath);
            } else {
                pair.greys.add(subject);
            }
        }
        DwdmEvaluator.Walk walk = evaluator.walk(route, from, to);
        if (!walk.ok()) {
            out.add(new Violation(Kind.ROUTE_DISCONTINUOUS, subject, "route " + SpanHop.format(route) + ": "
                    + walk.problem()));
            return null;
        }
        return walk.sites();
    }

    /** The cable's link when the cable exists and lies between sites; counts it as routed. */
    private Link cable(String linkId, int cable, String opticId, String subject, List<Violation> out) {
        Link link = index.link(linkId);
        if (link == null) {
            out.add(new Violation(Kind.UNKNOWN_LINK, linkId, "the instance has no link \"" + linkId + "\""));
            return null;
        }
        if (cable < 0 || cable >= link.count()) {
            out.add(new Violation(Kind.BAD_CABLE, subject, "link " + link.id() + " has cables 0.."
                    + (link.count() - 1)));
            return null;
        }
        if (!evaluator.interSite(link)) {
            out.add(new Violation(Kind.BAD_CABLE, subject, "link " + link.id() + " lies within one site; only "
                    + "links between sites are routed over spans"));
            return null;
        }
        if (!routed.computeIfAbsent(link.id(), k -> new TreeSet<>()).add(cable)) {
            out.add(new Violation(Kind.CABLE_ROUTED_TWICE, subject, "cable is routed more than once"));
            return null;
        }
        routedOptics.computeIfAbsent(link.id(), k -> new TreeMap<>()).merge(opticId, 1, Integer::sum);
        return link;
    }

    private void lightpath(Lightpath lp, List<Violation> out) {
        String subject = subject(lp.linkId(), lp.cableIndex());
        Link link = cable(lp.linkId(), lp.cableIndex(), lp.opticId(), subject, out);
        if (link == null) {
            return;
        }
        List<String> sites = route(link, lp.route(), subject, lp, out);
        Optic optic = index.optic(lp.opticId());
        if (optic == null) {
            out.add(new Violation(Kind.UNKNOWN_OPTIC, subject, "unknown optic \"" + lp.opticId() + "\""));
            return;
        }
        if (optic.kind() != OpticKind.COHERENT || optic.coherent() == null) {
            out.add(new Violation(Kind.NOT_COHERENT, subject, optic.id() + " is " + optic.kind()
                    + (optic.kind() == OpticKind.COHERENT ? " without OSNR data" : "")
                    + "; a lightpath needs a COHERENT optic with required_osnr_db"));
            return;
        }
        if (sites == null || !muxesAndGrid(lp, optic, sites, subject, out)) {
            return;
        }
        DwdmEvaluator.LightpathFigures f = evaluator.figures(lp);
        OpticalRules.Budget b = f.budget();
        if (b == null) {
            return;
        }
        if (f.osnrDb() < f.requiredOsnrDb() - DB_TOLERANCE) {
            out.add(new Violation(Kind.OSNR_BELOW_REQUIRED, subject, "OSNR " + PlanChecker.fmt(round(f.osnrDb()))
                    + " dB over " + SpanHop.format(lp.route()) + ", " + optic.id() + " needs "
                    + PlanChecker.fmt(optic.coherent().requiredOsnrDb()) + " + margin "
                    + PlanChecker.fmt(index.settings().osnrMarginDb()) + " = "
                    + PlanChecker.fmt(f.requiredOsnrDb()) + " dB"));
        }
        if (b.gainShortfallDb() > DB_TOLERANCE) {
            out.add(new Violation(Kind.LOSS_BUDGET_EXCEEDED, subject, "an amplified section loses "
                    + PlanChecker.fmt(round(b.gainShortfallDb())) + " dB more than its amplifier's gain"));
        }
        double budget = optic.coherent().maxUnamplifiedLossDb();
        if (b.receiverLossDb() > budget + DB_TOLERANCE) {
            out.add(new Violation(Kind.LOSS_BUDGET_EXCEEDED, subject, "the receiver sees "
                    + PlanChecker.fmt(round(b.receiverLossDb())) + " dB of loss after the last amplifier"
                    + (b.amplified() ? "" : " (none on the route)") + ", " + optic.id() + " tolerates "
                    + PlanChecker.fmt(budget) + " dB unamplified"));
        }
    }

    /** MUXes at both ends of every hop, one spacing that fits the optic, a channel on the grid. */
    private boolean muxesAndGrid(Lightpath lp, Optic optic, List<String> sites, String subject,
                                 List<Violation> out) {
        boolean ok = true;
        Set<Double> spacings = new TreeSet<>();
        int muxChannels = Integer.MAX_VALUE;
        for (int k = 0; k < lp.route().size(); k++) {
            SpanHop hop = lp.route().get(k);
            for (String site : List.of(sites.get(k), sites.get(k + 1))) {
                MuxPlacement m = evaluator.mux(site, hop.spanId(), hop.fiberPair());
                WdmEquipment item = m == null ? null : index.wdm(m.itemId());
                if (item == null || item.kind() != WdmKind.MUX) {
                    out.add(new Violation(Kind.MUX_MISSING, subject, "no MUX at site \"" + site + "\" for "
                            + hop + ", which the lightpath uses"));
                    ok = false;
                } else {
                    spacings.add(item.spacingGhz());
                    muxChannels = Math.min(muxChannels, item.channels());
                }
            }
        }
        if (!ok) {
            return false;
        }
        if (spacings.size() > 1) {
            out.add(new Violation(Kind.SPACING_MISMATCH, subject, "the MUXes on its route have different spacings "
                    + spacings.stream().map(PlanChecker::fmt).collect(Collectors.joining(", ")) + " GHz"));
            return false;
        }
        double spacing = spacings.iterator().next();
        if (optic.coherent().spacingGhz() > spacing + DB_TOLERANCE) {
            out.add(new Violation(Kind.SPACING_MISMATCH, subject, optic.id() + " takes "
                    + PlanChecker.fmt(optic.coherent().spacingGhz()) + " GHz, the MUXes' grid is "
                    + PlanChecker.fmt(spacing) + " GHz"));
            ok = false;
        }
        // a MUX of C channels passes channels 0..C-1 of its grid
        int grid = OpticalRules.gridChannels(index.settings(), spacing);
        int channels = Math.min(grid, muxChannels);
        if (lp.channel() < 0 || lp.channel() >= channels) {
            out.add(new Violation(Kind.CHANNEL_OUT_OF_GRID, subject, "channel " + lp.channel() + " is off "
                    + (channels < grid ? "the MUX's " + channels + " channels" : "the grid of " + channels
                    + " channels") + " at " + PlanChecker.fmt(spacing) + " GHz (0.." + (channels - 1) + ")"));
            ok = false;
        }
        return ok;
    }

    private void grey(GreyRoute g, List<Violation> out) {
        String subject = subject(g.linkId(), g.cableIndex());
        Link link = cable(g.linkId(), g.cableIndex(), g.opticId(), subject, out);
        if (link == null) {
            return;
        }
        List<String> sites = route(link, g.route(), subject, null, out);
        Optic optic = index.optic(g.opticId());
        if (optic == null) {
            out.add(new Violation(Kind.UNKNOWN_OPTIC, subject, "unknown optic \"" + g.opticId() + "\""));
            return;
        }
        double length = evaluator.routeLengthM(g.route());
        if (sites != null && !FabricRules.reaches(optic, length)) {
            out.add(new Violation(Kind.REACH_EXCEEDED, subject, optic.id() + " reaches "
                    + PlanChecker.fmt(optic.reachM()) + " m, the route " + SpanHop.format(g.route()) + " is "
                    + PlanChecker.fmt(length) + " m"));
        }
    }

    // ------------------------------------------------------------------ fiber pairs

    private void fiberPairs(List<Violation> out) {
        pairs.forEach((spanId, use) -> {
            Span span = index.span(spanId);
            if (span == null) {
                return; // reported as a discontinuous route
            }
            boolean beyond = use.keySet().stream().anyMatch(p -> p < 0 || p >= span.fiberPairs());
            if (beyond) {
                long grey = use.values().stream().mapToLong(u -> u.greys.isEmpty() ? 0 : 1).sum();
                long dwdm = use.values().stream().filter(u -> !u.lightpaths.isEmpty()).count();
                out.add(new Violation(Kind.FIBER_PAIRS_EXCEEDED, spanId, "routes use fiber pairs "
                        + use.keySet().stream().map(p -> "#" + p).collect(Collectors.joining(", ")) + " ("
                        + grey + " grey, " + dwdm + " DWDM), the span has " + span.fiberPairs()
                        + " (#0..#" + (span.fiberPairs() - 1) + ")"));
            }
            use.forEach((pair, u) -> pairRules(span, pair, u, out));
        });
    }

    private void pairRules(Span span, int pair, PairUse u, List<Violation> out) {
        String where = span.id() + "#" + pair;
        if (u.greys.size() > 1 || !u.greys.isEmpty() && !u.lightpaths.isEmpty()) {
            out.add(new Violation(Kind.FIBER_PAIR_CONFLICT, where, "grey cable " + String.join(", ", u.greys)
                    + " shares the fiber pair with " + (u.lightpaths.isEmpty() ? "another grey cable"
                    : u.lightpaths.size() + " lightpath(s)")));
        }
        if (u.lightpaths.isEmpty()) {
            return;
        }
        Map<Integer, String> byChannel = new HashMap<>();
        for (Lightpath lp : u.lightpaths) {
            String first = byChannel.putIfAbsent(lp.channel(), subject(lp.linkId(), lp.cableIndex()));
            if (first != null) {
                out.add(new Violation(Kind.CHANNEL_CONFLICT, where, "channel " + lp.channel() + " is used by "
                        + first + " and " + subject(lp.linkId(), lp.cableIndex())));
            }
        }
        int capacity = Integer.MAX_VALUE;
        for (String site : List.of(span.aSite(), span.bSite())) {
            MuxPlacement m = evaluator.mux(site, span.id(), pair);
            WdmEquipment item = m == null ? null : index.wdm(m.itemId());
            if (item != null && item.kind() == WdmKind.MUX) {
                capacity = Math.min(capacity, item.channels());
            }
        }
        if (capacity != Integer.MAX_VALUE && u.lightpaths.size() > capacity) {
            out.add(new Violation(Kind.MUX_CAPACITY_EXCEEDED, where, u.lightpaths.size()
                    + " lightpaths on the fiber pair, its MUX has " + capacity + " channels"));
        }
    }

    // ------------------------------------------------------------------ coverage

    private void coverage(List<Violation> out) {
        Map<String, Map<String, Integer>> assigned = new HashMap<>();
        for (LinkAssignment a : plan.links()) {
            assigned.computeIfAbsent(a.linkId(), k -> new TreeMap<>()).merge(a.opticId(), a.count(), Integer::sum);
        }
        for (Link link : index.instance().links()) {
            if (index.link(link.id()) != link) {
                continue; // a duplicate row
            }
            // A link between sites with its own length_m keeps its cable off the spans (checked by its reach).
            boolean between = evaluator.interSite(link) && link.lengthM() == null;
            if (between && index.instance().hasSpans()) {
                Set<Integer> done = routed.getOrDefault(link.id(), Set.of());
                List<Integer> missing = new ArrayList<>();
                for (int c = 0; c < link.count(); c++) {
                    if (!done.contains(c)) {
                        missing.add(c);
                    }
                }
                if (!missing.isEmpty()) {
                    out.add(new Violation(Kind.CABLE_NOT_ROUTED, link.id(), "cable(s) " + missing.stream()
                            .map(String::valueOf).collect(Collectors.joining(", ")) + " of " + link.count()
                            + " are neither a lightpath nor a grey route"));
                }
            }
            Map<String, Integer> optics = routedOptics.get(link.id());
            if (optics != null && routed.get(link.id()).size() == link.count()
                    && !Objects.equals(optics, assigned.getOrDefault(link.id(), Map.of()))) {
                out.add(new Violation(Kind.ROUTE_OPTIC_MISMATCH, link.id(), "routed cables use " + optics
                        + ", the link assignments give " + assigned.getOrDefault(link.id(), Map.of())));
            }
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
