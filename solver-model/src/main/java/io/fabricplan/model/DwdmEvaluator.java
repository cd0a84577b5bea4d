package io.fabricplan.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures of a plan's DWDM part, recomputed from the instance with {@link OpticalRules}: per lightpath its
 * frequency, route length and OSNR; per span the fiber pairs, channels and amplifiers in use. Figures that
 * depend on something unknown or missing (a span, the optic's data, a MUX) are NaN; the checker says why.
 */
public final class DwdmEvaluator {
    private final InstanceIndex index;
    private final Plan plan;
    private final Map<String, String> placed;
    private final Map<String, MuxPlacement> muxes = new HashMap<>();
    private final Map<String, List<AmplifierPlacement>> amplifiers = new HashMap<>();

    public DwdmEvaluator(InstanceIndex index, Plan plan) {
        this.index = index;
        this.plan = plan;
        this.placed = PlanEvaluator.placedRacks(index, plan);
        for (MuxPlacement m : plan.dwdm().muxes()) {
            muxes.putIfAbsent(muxKey(m.siteId(), m.spanId(), m.fiberPair()), m);
        }
        for (AmplifierPlacement a : plan.dwdm().amplifiers()) {
            amplifiers.computeIfAbsent(pairKey(a.spanId(), a.fiberPair()), k -> new ArrayList<>()).add(a);
        }
    }

    static String pairKey(String spanId, int fiberPair) {
        return spanId + "#" + fiberPair;
    }

    private static String muxKey(String siteId, String spanId, int fiberPair) {
        return siteId + "@" + pairKey(spanId, fiberPair);
    }

    /** The MUX placed at a site for a span's fiber pair, or null. */
    public MuxPlacement mux(String siteId, String spanId, int fiberPair) {
        return muxes.get(muxKey(siteId, spanId, fiberPair));
    }

    /** Amplifier placements on a span's fiber pair. */
    public List<AmplifierPlacement> amplifiersOn(String spanId, int fiberPair) {
        return amplifiers.getOrDefault(pairKey(spanId, fiberPair), List.of());
    }

    /** The site the device stands in under the plan, or null when its rack is unknown. */
    public String siteOf(String deviceId) {
        String rackId = placed.get(deviceId);
        Rack rack = rackId == null ? null : index.rack(rackId);
        return rack == null ? null : rack.siteId();
    }

    /** Whether the link joins racks of two different sites (under the plan's placement). */
    public boolean interSite(Link link) {
        String a = siteOf(link.aDevice());
        String b = siteOf(link.bDevice());
        return a != null && b != null && !a.equals(b);
    }

    /**
     * A route walked from a site: the sites it passes ({@code hops + 1} of them) or what is wrong with it.
     *
     * @param sites   the sites in order, from the start; complete only when {@code problem} is null
     * @param problem null when the route is a chain of known spans from the start to the end
     */
    public record Walk(List<String> sites, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /** Walks a route from {@code from}, which must end at {@code to}. Fiber pair indices are not checked here. */
    public Walk walk(List<SpanHop> route, String from, String to) {
        List<String> sites = new ArrayList<>(List.of(from));
        if (route.isEmpty()) {
            return new Walk(sites, "the route is empty; it must lead from site \"" + from + "\" to \"" + to + "\"");
        }
        String at = from;
        for (SpanHop hop : route) {
            Span span = index.span(hop.spanId());
            if (span == null) {
                return new Walk(sites, "unknown span \"" + hop.spanId() + "\"");
            }
            String next = span.other(at);
            if (next == null) {
                return new Walk(sites, "span " + span.id() + " (" + span.aSite() + "-" + span.bSite()
                        + ") does not start at site \"" + at + "\" where the route stands");
            }
            at = next;
            sites.add(at);
        }
        if (!at.equals(to)) {
            return new Walk(sites, "the route ends at site \"" + at + "\", the link's far end is at \"" + to + "\"");
        }
        return new Walk(sites, null);
    }

    /** Sum of the spans' lengths in metres; NaN when a span is unknown. */
    public double routeLengthM(List<SpanHop> route) {
        double m = 0;
        for (SpanHop hop : route) {
            Span s = index.span(hop.spanId());
            if (s == null) {
                return Double.NaN;
            }
            m += s.lengthM();
        }
        return m;
    }

    /**
     * One lightpath's figures.
     *
     * @param frequencyThz   its channel's frequency on the grid of its first MUX
     * @param spacingGhz     spacing of that MUX
     * @param routeLengthM   sum of span lengths
     * @param osnrDb         ASE-limited OSNR, worse direction; +infinity without amplifiers
     * @param requiredOsnrDb the optic's required OSNR plus the settings' margin
     * @param marginDb       {@code osnr - required}
     * @param budget         the worse direction's budget, null when it cannot be computed
     */
    public record LightpathFigures(Lightpath lightpath, double frequencyThz, double spacingGhz, double routeLengthM,
                                   double osnrDb, double requiredOsnrDb, double marginDb,
                                   OpticalRules.Budget budget) {
    }

    public LightpathFigures figures(Lightpath lp) {
        Link link = index.link(lp.linkId());
        Optic optic = index.optic(lp.opticId());
        CoherentSpec spec = optic == null ? null : optic.coherent();
        double length = routeLengthM(lp.route());
        double required = spec == null ? Double.NaN : spec.requiredOsnrDb() + index.settings().osnrMarginDb();
        String from = link == null ? null : siteOf(link.aDevice());
        String to = link == null ? null : siteOf(link.bDevice());
        if (from == null || to == null || !walk(lp.route(), from, to).ok()) {
            return new LightpathFigures(lp, Double.NaN, Double.NaN, length, Double.NaN, required, Double.NaN, null);
        }
        List<String> sites = walk(lp.route(), from, to).sites();
        WdmEquipment first = item(mux(sites.get(0), lp.route().get(0).spanId(), lp.route().get(0).fiberPair()));
        double spacing = first == null ? Double.NaN : first.spacingGhz();
        double frequency = OpticalRules.channelFrequencyThz(index.settings().gridStartThz(), spacing, lp.channel());
        List<OpticalRules.Hop> hops = hops(lp.route(), sites);
        if (spec == null || hops == null) {
            return new LightpathFigures(lp, frequency, spacing, length, Double.NaN, required, Double.NaN, null);
        }
        OpticalRules.Budget budget = OpticalRules.worseDirection(spec.txPowerDbm(), hops);
        return new LightpathFigures(lp, frequency, spacing, length, budget.osnrDb(), required,
                budget.osnrDb() - required, budget);
    }

    /** The hops of a walked route for {@link OpticalRules}; null when a MUX or an item is missing. */
    private List<OpticalRules.Hop> hops(List<SpanHop> route, List<String> sites) {
        List<OpticalRules.Hop> hops = new ArrayList<>();
        for (int k = 0; k < route.size(); k++) {
            SpanHop hop = route.get(k);
            Span span = index.span(hop.spanId());
            WdmEquipment mux = item(mux(sites.get(k), hop.spanId(), hop.fiberPair()));
            WdmEquipment demux = item(mux(sites.get(k + 1), hop.spanId(), hop.fiberPair()));
            if (mux == null || demux == null) {
                return null;
            }
            int count = 0;
            double gain = Double.POSITIVE_INFINITY;
            double nf = Double.NEGATIVE_INFINITY;
            for (AmplifierPlacement a : amplifiersOn(hop.spanId(), hop.fiberPair())) {
                WdmEquipment amp = item(a);
                if (amp == null || amp.kind() != WdmKind.AMPLIFIER) {
                    return null;
                }
                count += Math.max(0, a.count());
                gain = Math.min(gain, amp.gainDb());
                nf = Math.max(nf, amp.noiseFigureDb());
            }
            hops.add(new OpticalRules.Hop(span.lossDb(), count, gain, nf, mux.insertionLossDb(),
                    demux.insertionLossDb()));
        }
        return hops;
    }

    private WdmEquipment item(MuxPlacement m) {
        WdmEquipment e = m == null ? null : index.wdm(m.itemId());
        return e != null && e.kind() == WdmKind.MUX ? e : null;
    }

    private WdmEquipment item(AmplifierPlacement a) {
        return index.wdm(a.itemId());
    }

    /**
     * A span's use.
     *
     * @param fiberPairsUsed distinct fiber pairs used, grey and DWDM
     * @param dwdmFiberPairs fiber pairs carrying lightpaths
     * @param channelsUsed   lightpaths over the span, all its pairs
     * @param amplifiers     amplifiers on its pairs
     */
    public record SpanRow(String spanId, int fiberPairs, int fiberPairsUsed, int dwdmFiberPairs, int channelsUsed,
                          int amplifiers) {
    }

    /** One row per span of the instance, in sheet order. */
    public List<SpanRow> spanRows() {
        Map<String, Set<Integer>> used = new LinkedHashMap<>();
        Map<String, Set<Integer>> dwdm = new HashMap<>();
        Map<String, Integer> channels = new HashMap<>();
        Map<String, Integer> amps = new HashMap<>();
        for (Lightpath lp : plan.dwdm().lightpaths()) {
            for (SpanHop h : lp.route()) {
                used.computeIfAbsent(h.spanId(), k -> new LinkedHashSet<>()).add(h.fiberPair());
                dwdm.computeIfAbsent(h.spanId(), k -> new LinkedHashSet<>()).add(h.fiberPair());
                channels.merge(h.spanId(), 1, Integer::sum);
            }
        }
        for (GreyRoute g : plan.dwdm().greyRoutes()) {
            for (SpanHop h : g.route()) {
                used.computeIfAbsent(h.spanId(), k -> new LinkedHashSet<>()).add(h.fiberPair());
            }
        }
        for (AmplifierPlacement a : plan.dwdm().amplifiers()) {
            amps.merge(a.spanId(), Math.max(0, a.count()), Integer::sum);
        }
        List<SpanRow> rows = new ArrayList<>();
        for (Span s : index.instance().spans()) {
            rows.add(new SpanRow(s.id(), s.fiberPairs(), used.getOrDefault(s.id(), Set.of()).size(),
                    dwdm.getOrDefault(s.id(), Set.of()).size(), channels.getOrDefault(s.id(), 0),
                    amps.getOrDefault(s.id(), 0)));
        }
        return rows;
    }
}
