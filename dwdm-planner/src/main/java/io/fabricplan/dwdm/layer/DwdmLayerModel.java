package io.fabricplan.dwdm.layer;

import io.fabricplan.dwdm.budget.OpticalBudget;
import io.fabricplan.formulations.InterSiteLayer;
import io.fabricplan.formulations.MipModel;
import io.fabricplan.model.AmplifierPlacement;
import io.fabricplan.model.DwdmEvaluator;
import io.fabricplan.model.DwdmPlan;
import io.fabricplan.model.FabricRules;
import io.fabricplan.model.GreyRoute;
import io.fabricplan.model.Instance;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the cables between sites cross the spans, as rows of the fabric's MIP (exact within the candidate routes
 * and line systems it offers).
 *
 * <p><b>Problem.</b> The fabric model fixes, per pair of sites {@code q} and optic {@code o}, how many cables
 * {@code D[q,o]} join them (an expression of its own variables). Each cable takes one of the k shortest routes of
 * its pair (Yen): a grey optic whose reach covers the route takes one fiber pair of every span on it; a COHERENT
 * optic takes one channel, the same on every span (no conversion), through the MUX/DEMUX of a DWDM fiber pair on
 * each span. Each span gets one line system {@code y} (MUX item, amplifier item, count) for all its DWDM pairs;
 * which combinations of line systems along a route a COHERENT optic tolerates (OSNR with margin, section gain,
 * receiver loss - {@link OpticalRules}, the checker's own arithmetic) is decided here, once, by enumeration.
 * <pre>
 *   grey[q,o,r]     integer   grey cables of o on route r
 *   lp[q,o,r,c]     integer   lightpaths of o on route r on channel c
 *   sys[s,y]        binary    span s fitted with line system y (at most one)
 *   dwdm[s,y]       integer   DWDM fiber pairs of s, all with y;  dwdm[s,y] &lt;= pairs(s) sys[s,y]
 *   use[o,r,t]      binary    route r carries o with the line systems t (one per span), feasible by the budget
 *
 *   carry[q,o]        D[q,o] = sum_r grey[q,o,r] + sum_{r,c} lp[q,o,r,c]
 *   fiberPairs[s]     sum_{r through s} grey + sum_y dwdm[s,y] &lt;= pairs(s)
 *   channel[s,c]      sum_{r through s} lp[.,.,r,c] &lt;= sum_y dwdm[s,y]          (distinct per fiber pair)
 *   channelGrid[s,c]  sum_{r through s} lp[.,.,r,c] &lt;= pairs(s) sum_{y: c &lt; channels(y)} sys[s,y]
 *   routeBudget[o,r]  sum_c lp[.,o,r,c] &lt;= D_max sum_t use[o,r,t];   use[o,r,t] &lt;= sys[s,t_s] for s on r
 *   channelOrder[c]   sum lp[.,.,.,c] &gt;= sum lp[.,.,.,c+1] below the smallest channel count (symmetry)
 *   objective       + sum dwdm[s,y] (capex(y) + usd_per_W x power(y)),  capex(y) = 2 MUX + amplifiers
 * </pre>
 * Per span and channel, at most {@code dwdm[s]} lightpaths means they can take distinct DWDM pairs of s, and a
 * lightpath may change pair at an intermediate site (it passes that site's DEMUX and MUX), so the rows are exact:
 * every solution decodes into fiber pairs and channels that the plan checker accepts, and every plan within the
 * candidate routes and line systems is a solution. Line systems per span: each MUX item unamplified, and with
 * each amplifier item at the fewest amplifiers whose sections fit its gain, and with the count that fits it with
 * a DEMUX + MUX in front. Size: O(pairs x k x (optics + coherent optics x channels) + spans x (systems +
 * channels) + feasible combinations).
 */
final class DwdmLayerModel implements InterSiteLayer.Built {
    static final String NAME = "DwdmLayer";
    /**
     * Above this many channel-indexed lightpath variables, AUTO switches to per-span loads (a relaxation of
     * wavelength continuity, so its bound stays valid) and assigns channels after the solve.
     */
    static final long PER_CHANNEL_LIMIT = 1_000;
    /** Seconds the exact channel assignment may take when first-fit does not place every lightpath. */
    static final double ASSIGNMENT_SECONDS = 10;
    /** Kept back from the search when channels are assigned after it (first fit, and a little exact search). */
    static final double DECODE_RESERVE_SECONDS = 1;

    private record GreyVar(InterSiteLayer.Demand demand, Route route, MipModel.Var var) {
    }

    private record ChannelVar(InterSiteLayer.Demand demand, Route route, int channel, MipModel.Var var) {
    }

    /** Cables of a solution still to hand out: on a route, grey (channel -1) or on a channel. */
    private static final class Slot {
        final Route route;
        final int channel;
        long left;

        Slot(Route route, int channel, long left) {
            this.route = route;
            this.channel = channel;
            this.left = left;
        }
    }

    private final MipModel model;
    private final Instance instance;
    private final InstanceIndex index;
    private final OpticalBudget budget;
    private final double capexWeight;
    private final double powerWeight;
    private final int routesPerPair;
    private final CandidateRoutes candidates;
    private final LineSystemCombinations combinations;
    private final Map<String, List<Route>> routes = new HashMap<>();
    private final Map<Span, List<LineSystem>> systems;
    /** sys[s,y] and dwdm[s,y], created for the systems some feasible combination uses. */
    private final Map<Span, Map<Integer, MipModel.Var>> systemVars = new LinkedHashMap<>();
    private final Map<Span, Map<Integer, MipModel.Var>> pairVars = new LinkedHashMap<>();
    private final List<GreyVar> greys = new ArrayList<>();
    private final List<ChannelVar> channels = new ArrayList<>();
    /** Channels below every fitted system's count: interchangeable, ordered by channelOrder. */
    private int common;
    /** use[o,r,t] by "optic|route label|systems label", for hints. */
    private final Map<String, MipModel.Var> useVars = new HashMap<>();
    /** Site pairs "a|b" some coherent optic can join, and those only grey options join. */
    private final Set<String> coherentPairs = new HashSet<>();
    private final Set<String> greyPairs = new HashSet<>();
    /** Per site pair "a-b": whether some option carries cables, and why each optic cannot. */
    private final Map<String, Boolean> crossable = new LinkedHashMap<>();
    private final Map<String, List<String>> blocked = new LinkedHashMap<>();

    /** Channel-indexed rows (exact) or per-span loads with channels assigned after the solve. */
    private boolean perChannel = true;
    /** Lightpaths per route in the load model: a channel of -1 in a {@link ChannelVar}. */
    private final List<ChannelVar> routeLightpaths = new ArrayList<>();
    /** How the last decode's channels came about (for the notes). */
    private String channelAssignment = "per-channel model";

    private DwdmLayerModel(MipModel model, Instance instance, double capexWeight, double powerWeight,
                           int routesPerPair) {
        this.model = model;
        this.instance = instance;
        this.index = new InstanceIndex(instance);
        this.budget = new OpticalBudget(instance.settings());
        this.capexWeight = capexWeight;
        this.powerWeight = powerWeight;
        this.routesPerPair = routesPerPair;
        this.candidates = new CandidateRoutes(instance.spans());
        this.combinations = new LineSystemCombinations(instance, budget);
        this.systems = combinations.systems();
    }

    static DwdmLayerModel build(MipModel model, Instance instance, List<InterSiteLayer.Demand> demands,
                                double capexWeight, double powerWeight, int routesPerPair) {
        return build(model, instance, demands, capexWeight, powerWeight, routesPerPair,
                DwdmLayer.ChannelModel.AUTO);
    }

    static DwdmLayerModel build(MipModel model, Instance instance, List<InterSiteLayer.Demand> demands,
                                double capexWeight, double powerWeight, int routesPerPair,
                                DwdmLayer.ChannelModel channelModel) {
        DwdmLayerModel m = new DwdmLayerModel(model, instance, capexWeight, powerWeight, routesPerPair);
        m.perChannel = channelModel == DwdmLayer.ChannelModel.PER_CHANNEL
                || channelModel == DwdmLayer.ChannelModel.AUTO && m.channelVariables(demands) <= PER_CHANNEL_LIMIT;
        for (InterSiteLayer.Demand d : demands) {
            m.carry(d);
        }
        m.fiberPairs();
        if (m.perChannel) {
            m.channelRows();
            m.channelOrder();
        } else {
            m.spanLoads();
        }
        m.objective();
        return m;
    }

    /** Most lightpath variables the channel-indexed rows would take: coherent demands x routes x channels. */
    private long channelVariables(List<InterSiteLayer.Demand> demands) {
        long n = 0;
        for (InterSiteLayer.Demand d : demands) {
            Optic o = d.optic();
            if (o.kind() != OpticKind.COHERENT || o.coherent() == null) {
                continue;
            }
            int most = 0;
            for (List<LineSystem> list : systems.values()) {
                for (LineSystem y : list) {
                    if (OpticalBudget.fits(o.coherent(), y.mux())) {
                        most = Math.max(most, y.channels());
                    }
                }
            }
            n += (long) routesOf(d).size() * most;
        }
        return n;
    }

    // ---------------------------------------------------------------- candidates

    private List<Route> routesOf(InterSiteLayer.Demand d) {
        return routes.computeIfAbsent(d.aSite() + "|" + d.bSite(),
                k -> candidates.between(d.aSite(), d.bSite(), routesPerPair));
    }

    // ---------------------------------------------------------------- constraint families

    /** carry[q,o]: the fabric's cables of the pair and optic, each on one route, grey or as a lightpath. */
    private void carry(InterSiteLayer.Demand d) {
        String sites = d.aSite() + "-" + d.bSite();
        int before = model.numVariables();
        int lightpathsBefore = channels.size() + routeLightpaths.size();
        carryOptions(d, sites);
        String pair = d.aSite() + "|" + d.bSite();
        if (channels.size() + routeLightpaths.size() > lightpathsBefore) {
            coherentPairs.add(pair);
        } else if (model.numVariables() > before) {
            greyPairs.add(pair);
        }
        crossable.merge(sites, model.numVariables() > before, Boolean::logicalOr);
        if (model.numVariables() == before) {
            blocked.computeIfAbsent(sites, k -> new ArrayList<>()).add(whyNot(d));
        }
    }

    /** Why no route takes the demand's optic: its reach, or the best OSNR any line systems give it. */
    private String whyNot(InterSiteLayer.Demand d) {
        Optic optic = d.optic();
        List<Route> rs = routesOf(d);
        if (rs.isEmpty()) {
            return "no chain of spans joins them";
        }
        if (optic.kind() != OpticKind.COHERENT || optic.coherent() == null) {
            return String.format(Locale.ROOT, "%s reaches %.0f m, the shortest route (%s) is %.0f m", optic.id(),
                    optic.reachM(), rs.get(0).label(), rs.get(0).lengthKm() * 1000);
        }
        double best = Double.NEGATIVE_INFINITY;
        for (Route r : rs) {
            best = Math.max(best, combinations.bestOsnrDb(optic.coherent(), r));
        }
        return Double.isInfinite(best) ? optic.id() + ": no MUX of its spacing fits every span, or no line system "
                + "keeps the loss within its gain and the receiver's budget"
                : String.format(Locale.ROOT, "%s gets at most %.2f dB OSNR on its %d route(s), it needs %.2f dB "
                + "(required + margin)", optic.id(), best, rs.size(), budget.requiredOsnrDb(optic.coherent()));
    }

    private void carryOptions(InterSiteLayer.Demand d, String sites) {
        MipModel.Expr row = new MipModel.Expr().addAll(d.cables(), 1);
        Optic optic = d.optic();
        boolean coherent = optic.kind() == OpticKind.COHERENT && optic.coherent() != null;
        for (Route r : routesOf(d)) {
            if (!coherent) {
                if (FabricRules.reaches(optic, r.lengthKm() * 1000.0)) {
                    MipModel.Var v = model.addInteger("grey[sites=" + sites + ",optic=" + optic.id() + ",route="
                            + r.label() + "]", 0, d.maxCables());
                    greys.add(new GreyVar(d, r, v));
                    row.add(v, -1);
                }
                continue;
            }
            List<LineSystem[]> feasible = combinations.feasibleCombinations(optic.coherent(), r);
            if (feasible.isEmpty()) {
                continue;
            }
            MipModel.Expr lightpaths = new MipModel.Expr();
            int most = 0;
            for (LineSystem[] t : feasible) {
                most = Math.max(most, channelsOf(t));
            }
            if (!perChannel) {
                MipModel.Var v = model.addInteger("lp[sites=" + sites + ",optic=" + optic.id() + ",route="
                        + r.label() + "]", 0, d.maxCables());
                routeLightpaths.add(new ChannelVar(d, r, -1, v));
                row.add(v, -1);
                lightpaths.add(v, 1);
                routeBudget(d, r, feasible, lightpaths);
                continue;
            }
            for (int c = 0; c < most; c++) {
                MipModel.Var v = model.addInteger("lp[sites=" + sites + ",optic=" + optic.id() + ",route="
                        + r.label() + ",ch=" + c + "]", 0, d.maxCables());
                channels.add(new ChannelVar(d, r, c, v));
                row.add(v, -1);
                lightpaths.add(v, 1);
            }
            routeBudget(d, r, feasible, lightpaths);
        }
        model.addEquality("carry[sites=" + sites + ",optic=" + optic.id() + "]", row, 0);
    }

    private static int channelsOf(LineSystem[] t) {
        int c = Integer.MAX_VALUE;
        for (LineSystem y : t) {
            c = Math.min(c, y.channels());
        }
        return c;
    }

    /** routeBudget[o,r]: lightpaths only where the spans carry a combination of line systems the optic takes. */
    private void routeBudget(InterSiteLayer.Demand d, Route r, List<LineSystem[]> feasible, MipModel.Expr lightpaths) {
        String name = "optic=" + d.optic().id() + ",route=" + r.label();
        MipModel.Expr row = new MipModel.Expr().addAll(lightpaths, 1);
        MipModel.Expr oneOf = new MipModel.Expr();
        for (LineSystem[] t : feasible) {
            StringBuilder label = new StringBuilder();
            for (LineSystem y : t) {
                label.append(label.length() == 0 ? "" : "/").append(y.label());
            }
            MipModel.Var use = model.addBinary("use[" + name + ",systems=" + label + "]");
            useVars.put(d.optic().id() + "|" + r.from() + ":" + r.label() + "|" + label, use);
            row.add(use, -d.maxCables());
            oneOf.add(use, 1);
            for (int k = 0; k < t.length; k++) {
                Span s = r.spans().get(k);
                MipModel.Var sys = systemVar(s, systems.get(s).indexOf(t[k]));
                model.addLessOrEqual("useNeeds[" + name + ",systems=" + label + ",span=" + s.id() + "]",
                        new MipModel.Expr().add(use, 1).add(sys, -1), 0);
            }
        }
        model.addLessOrEqual("routeBudget[" + name + "]", row, 0);
        model.addLessOrEqual("oneCombination[" + name + "]", oneOf, 1);
    }

    /** sys[s,y] (with its dwdm[s,y]), created on first use; at most one system per span. */
    private MipModel.Var systemVar(Span s, int y) {
        return systemVars.computeIfAbsent(s, k -> new LinkedHashMap<>()).computeIfAbsent(y, k -> {
            LineSystem system = systems.get(s).get(y);
            MipModel.Var sys = model.addBinary("sys[span=" + s.id() + ",system=" + system.label() + "]");
            MipModel.Var pairs = model.addInteger("dwdm[span=" + s.id() + ",system=" + system.label() + "]", 0,
                    s.fiberPairs());
            pairVars.computeIfAbsent(s, q -> new LinkedHashMap<>()).put(y, pairs);
            model.addLessOrEqual("pairsNeedSystem[span=" + s.id() + ",system=" + system.label() + "]",
                    new MipModel.Expr().add(pairs, 1).add(sys, -s.fiberPairs()), 0);
            // a system fitted to no pair is never needed: dropping it keeps every other row (tightens the LP)
            model.addLessOrEqual("systemNeedsPairs[span=" + s.id() + ",system=" + system.label() + "]",
                    new MipModel.Expr().add(sys, 1).add(pairs, -1), 0);
            return sys;
        });
    }

    /** fiberPairs[s] and oneSystem[s]: grey cables and DWDM pairs within the span's fiber pairs. */
    private void fiberPairs() {
        for (Span s : instance.spans()) {
            MipModel.Expr row = new MipModel.Expr();
            for (GreyVar g : greys) {
                if (g.route().crosses(s)) {
                    row.add(g.var(), 1);
                }
            }
            pairVars.getOrDefault(s, Map.of()).values().forEach(v -> row.add(v, 1));
            if (!row.isEmpty()) {
                model.addLessOrEqual("fiberPairs[span=" + s.id() + "]", row, s.fiberPairs());
            }
            Map<Integer, MipModel.Var> sys = systemVars.getOrDefault(s, Map.of());
            if (sys.size() > 1) {
                MipModel.Expr one = new MipModel.Expr();
                sys.values().forEach(v -> one.add(v, 1));
                model.addLessOrEqual("oneSystem[span=" + s.id() + "]", one, 1);
            }
        }
    }

    /** channel[s,c] and channelGrid[s,c]: distinct channels per DWDM pair, and only channels the MUX has. */
    private void channelRows() {
        for (Span s : instance.spans()) {
            Map<Integer, MipModel.Expr> byChannel = new LinkedHashMap<>();
            for (ChannelVar v : channels) {
                if (v.route().crosses(s)) {
                    byChannel.computeIfAbsent(v.channel(), c -> new MipModel.Expr()).add(v.var(), 1);
                }
            }
            Map<Integer, MipModel.Var> pairs = pairVars.getOrDefault(s, Map.of());
            Map<Integer, MipModel.Var> sys = systemVars.getOrDefault(s, Map.of());
            byChannel.forEach((c, lightpaths) -> {
                MipModel.Expr row = new MipModel.Expr().addAll(lightpaths, 1);
                pairs.values().forEach(p -> row.add(p, -1));
                model.addLessOrEqual("channel[span=" + s.id() + ",ch=" + c + "]", row, 0);
                boolean limited = sys.keySet().stream().anyMatch(y -> systems.get(s).get(y).channels() <= c);
                if (limited) {
                    MipModel.Expr grid = new MipModel.Expr().addAll(lightpaths, 1);
                    sys.forEach((y, v) -> {
                        if (systems.get(s).get(y).channels() > c) {
                            grid.add(v, -s.fiberPairs());
                        }
                    });
                    model.addLessOrEqual("channelGrid[span=" + s.id() + ",ch=" + c + "]", grid, 0);
                }
            });
        }
    }

    /**
     * load[s] (load model): lightpaths through a span within its DWDM pairs' channels. Wavelength continuity is
     * left to {@link ChannelAssignment} after the solve, so this is a relaxation and its bound a valid bound.
     */
    private void spanLoads() {
        for (Span s : instance.spans()) {
            MipModel.Expr row = new MipModel.Expr();
            for (ChannelVar v : routeLightpaths) {
                if (v.route().crosses(s)) {
                    row.add(v.var(), 1);
                }
            }
            if (row.isEmpty()) {
                continue;
            }
            pairVars.getOrDefault(s, Map.of()).forEach((y, p) -> row.add(p, -systems.get(s).get(y).channels()));
            model.addLessOrEqual("load[span=" + s.id() + "]", row, 0);
        }
    }

    /**
     * channelOrder[c]: channels below every system's channel count are interchangeable (relabelling them all alike
     * keeps every row), so their use is made non-increasing.
     */
    private void channelOrder() {
        common = Integer.MAX_VALUE;
        for (Map.Entry<Span, Map<Integer, MipModel.Var>> e : systemVars.entrySet()) {
            for (int y : e.getValue().keySet()) {
                common = Math.min(common, systems.get(e.getKey()).get(y).channels());
            }
        }
        Map<Integer, MipModel.Expr> use = new HashMap<>();
        for (ChannelVar v : channels) {
            use.computeIfAbsent(v.channel(), c -> new MipModel.Expr()).add(v.var(), 1);
        }
        for (int c = 0; c + 1 < common && use.containsKey(c + 1); c++) {
            MipModel.Expr row = new MipModel.Expr().addAll(use.get(c + 1), 1).addAll(use.get(c), -1);
            model.addLessOrEqual("channelOrder[ch=" + c + "]", row, 0);
        }
    }

    private void objective() {
        pairVars.forEach((s, byY) -> byY.forEach((y, v) -> {
            LineSystem system = systems.get(s).get(y);
            model.addObjective(v, capexWeight * system.costUsd() + powerWeight * system.powerW());
            model.addTotals(v, system.costUsd(), system.powerW());
        }));
    }

    @Override
    public Set<String> greyOnlyPairs() {
        Set<String> out = new TreeSet<>(greyPairs);
        out.removeAll(coherentPairs);
        return out;
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        List<String> truncated = combinations.truncated();
        if (!truncated.isEmpty()) {
            notes.add("DWDM layer: only the first " + LineSystemCombinations.MAX_COMBINATIONS + " line-system "
                    + "combinations were tried for " + truncated.size() + " route(s) (e.g. " + truncated.get(0)
                    + "); the plan is optimal among those tried");
        }
        if (!perChannel && !channelAssignment.equals("first fit")) {
            // first fit keeps the model's solution; anything else is worth a word
            notes.add("DWDM layer: channels assigned after the solve by " + channelAssignment);
        }
        return notes;
    }

    @Override
    public List<String> unservable() {
        List<String> out = new ArrayList<>();
        crossable.forEach((sites, ok) -> {
            if (!ok) {
                out.add("sites " + sites + ": no option carries cables between them: "
                        + String.join("; ", blocked.get(sites)) + ". Maybe add an optic or line equipment that "
                        + "reaches, or give the links a length_m of their own.");
            }
        });
        return out;
    }

    // ---------------------------------------------------------------- decoding

    @Override
    public DwdmPlan decode(double[] values, Plan fabricPlan) {
        return decode(values, fabricPlan, ASSIGNMENT_SECONDS);
    }

    /** The load model assigns channels after the solve: first fit is instant, the exact model gets what is left. */
    @Override
    public double decodeReserveSeconds() {
        return perChannel ? 0 : DECODE_RESERVE_SECONDS;
    }

    @Override
    public DwdmPlan decode(double[] values, Plan fabricPlan, double secondsLeft) {
        Map<Span, LineSystem> fitted = new HashMap<>();
        Map<Span, Integer> dwdmPairs = new HashMap<>();
        for (Span s : instance.spans()) {
            for (Map.Entry<Integer, MipModel.Var> e : pairVars.getOrDefault(s, Map.of()).entrySet()) {
                int n = (int) Math.round(values[e.getValue().index()]);
                if (n > 0) {
                    fitted.put(s, systems.get(s).get(e.getKey()));
                    dwdmPairs.put(s, n);
                }
            }
        }
        Map<String, Deque<Slot>> pools = new HashMap<>();
        Map<Span, Integer> greyPairs = new HashMap<>();
        for (GreyVar g : greys) {
            long n = Math.round(values[g.var().index()]);
            if (n > 0) {
                pools.computeIfAbsent(key(g.demand()), k -> new ArrayDeque<>()).add(new Slot(g.route(), -1, n));
                g.route().spans().forEach(s -> greyPairs.merge(s, (int) n, Integer::sum));
            }
        }
        if (perChannel) {
            for (ChannelVar v : channels) {
                long n = Math.round(values[v.var().index()]);
                if (n > 0) {
                    pools.computeIfAbsent(key(v.demand()), k -> new ArrayDeque<>())
                            .add(new Slot(v.route(), v.channel(), n));
                }
            }
        } else {
            assignChannels(values, dwdmPairs, fitted, greyPairs, pools, secondsLeft);
        }
        List<MuxPlacement> muxes = new ArrayList<>();
        List<AmplifierPlacement> amplifiers = new ArrayList<>();
        for (Span s : instance.spans()) {
            LineSystem y = fitted.get(s);
            for (int p = 0; p < dwdmPairs.getOrDefault(s, 0); p++) {
                muxes.add(new MuxPlacement(s.aSite(), s.id(), p, y.mux().id()));
                muxes.add(new MuxPlacement(s.bSite(), s.id(), p, y.mux().id()));
                if (y.amplifiers() > 0) {
                    amplifiers.add(new AmplifierPlacement(s.id(), p, y.amplifier().id(), y.amplifiers()));
                }
            }
        }
        DwdmEvaluator placement = new DwdmEvaluator(index, fabricPlan);
        Map<String, Integer> nextGrey = new HashMap<>();
        Map<String, Integer> nextDwdm = new HashMap<>();
        List<Lightpath> lightpaths = new ArrayList<>();
        List<GreyRoute> greyRoutes = new ArrayList<>();
        Map<String, Integer> cableOf = new HashMap<>();
        for (LinkAssignment a : fabricPlan.links()) {
            Link link = index.link(a.linkId());
            String from = placement.siteOf(link.aDevice());
            String to = placement.siteOf(link.bDevice());
            if (link.lengthM() != null || from == null || to == null || from.equals(to)) {
                continue;
            }
            boolean ordered = from.compareTo(to) < 0;
            String poolKey = (ordered ? from : to) + "|" + (ordered ? to : from) + "|" + a.opticId();
            for (int i = 0; i < a.count(); i++) {
                int cable = cableOf.merge(link.id(), 1, Integer::sum) - 1;
                Deque<Slot> pool = pools.get(poolKey);
                Slot slot = pool == null ? null : pool.peek();
                if (slot == null) {
                    throw new IllegalStateException("the solution routes too few cables of " + a.opticId()
                            + " between " + from + " and " + to + " for link " + link.id());
                }
                Route r = slot.route;
                int channel = slot.channel;
                if (--slot.left == 0) {
                    pool.poll();
                }
                List<SpanHop> hops = new ArrayList<>();
                for (Span s : r.spans()) {
                    // DWDM pairs come first on a span, grey cables after them; a channel takes the next DWDM pair
                    int pair = channel < 0 ? dwdmPairs.getOrDefault(s, 0) + nextGrey.merge(s.id(), 1, Integer::sum)
                            - 1 : nextDwdm.merge(s.id() + "#" + channel, 1, Integer::sum) - 1;
                    hops.add(new SpanHop(s.id(), pair));
                }
                if (!ordered) {
                    Collections.reverse(hops);
                }
                if (channel < 0) {
                    greyRoutes.add(new GreyRoute(link.id(), cable, a.opticId(), hops));
                } else {
                    lightpaths.add(new Lightpath(link.id(), cable, a.opticId(), hops, channel));
                }
            }
        }
        return new DwdmPlan(lightpaths, greyRoutes, amplifiers, muxes);
    }

    /**
     * The load model's lightpaths get their channels here ({@link ChannelAssignment}); DWDM pairs may grow where
     * continuity needs more than the loads did and fiber is free (the plan then costs more than the model's
     * objective, and the planner reports FEASIBLE with the model's bound).
     */
    private void assignChannels(double[] values, Map<Span, Integer> dwdmPairs, Map<Span, LineSystem> fitted,
                                Map<Span, Integer> greyPairs, Map<String, Deque<Slot>> pools, double exactSeconds) {
        List<Route> routesOfLightpaths = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (ChannelVar v : routeLightpaths) {
            for (long n = Math.round(values[v.var().index()]); n > 0; n--) {
                routesOfLightpaths.add(v.route());
                keys.add(key(v.demand()));
            }
        }
        Map<Span, Integer> channelsPerPair = new HashMap<>();
        Map<Span, Integer> free = new HashMap<>();
        for (Span s : instance.spans()) {
            channelsPerPair.put(s, fitted.containsKey(s) ? fitted.get(s).channels() : 0);
            free.put(s, fitted.containsKey(s) ? s.fiberPairs() - dwdmPairs.getOrDefault(s, 0)
                    - greyPairs.getOrDefault(s, 0) : 0);
        }
        ChannelAssignment.Result a = ChannelAssignment.assign(routesOfLightpaths, dwdmPairs, channelsPerPair, free,
                Math.min(ASSIGNMENT_SECONDS, exactSeconds));
        channelAssignment = a.method() + (a.complete() ? "" : ", incomplete");
        dwdmPairs.putAll(a.pairs());
        for (int i = 0; i < routesOfLightpaths.size(); i++) {
            // a lightpath no channel could be found for keeps channel 0: the checker will name the conflict
            pools.computeIfAbsent(keys.get(i), k -> new ArrayDeque<>())
                    .add(new Slot(routesOfLightpaths.get(i), Math.max(0, a.channels()[i]), 1));
        }
    }

    @Override
    public boolean hint(Plan plan, double[] values) {
        DwdmEvaluator placement = new DwdmEvaluator(index, plan);
        Map<String, List<MuxPlacement>> muxOn = new HashMap<>();
        for (MuxPlacement m : plan.dwdm().muxes()) {
            muxOn.computeIfAbsent(m.spanId(), k -> new ArrayList<>()).add(m);
        }
        Map<String, AmplifierPlacement> ampOn = new HashMap<>();
        plan.dwdm().amplifiers().forEach(a -> ampOn.putIfAbsent(a.spanId(), a));
        // the span's line system: its MUX item and its amplifiers (the model fits one system per span)
        Map<Span, Integer> systemOf = new HashMap<>();
        for (Map.Entry<String, List<MuxPlacement>> e : muxOn.entrySet()) {
            Span s = index.span(e.getKey());
            AmplifierPlacement amp = ampOn.get(e.getKey());
            int y = -1;
            List<LineSystem> list = systems.getOrDefault(s, List.of());
            for (int i = 0; i < list.size(); i++) {
                LineSystem sys = list.get(i);
                boolean sameAmp = amp == null ? sys.amplifiers() == 0
                        : sys.amplifiers() == amp.count() && sys.amplifier().id().equals(amp.itemId());
                if (sys.mux().id().equals(e.getValue().get(0).itemId()) && sameAmp) {
                    y = i;
                }
            }
            MipModel.Var sys = y < 0 ? null : systemVars.getOrDefault(s, Map.of()).get(y);
            if (sys == null) {
                return false;
            }
            systemOf.put(s, y);
            values[sys.index()] = 1;
            values[pairVars.get(s).get(y).index()] = e.getValue().size() / 2.0;
        }
        for (GreyRoute g : plan.dwdm().greyRoutes()) {
            GreyVar v = findGrey(g.opticId(), placement, g.linkId(), g.route());
            if (v == null) {
                return false;
            }
            values[v.var().index()] += 1;
        }
        int[] relabel = channelOrderOf(plan.dwdm().lightpaths());
        for (Lightpath lp : plan.dwdm().lightpaths()) {
            ChannelVar v = findLightpath(lp, relabel[lp.channel()], placement);
            if (v == null) {
                return false;
            }
            values[v.var().index()] += 1;
            StringBuilder label = new StringBuilder();
            for (Span s : v.route().spans()) {
                Integer y = systemOf.get(s);
                if (y == null) {
                    return false;
                }
                label.append(label.length() == 0 ? "" : "/").append(systems.get(s).get(y).label());
            }
            MipModel.Var use = useVars.get(lp.opticId() + "|" + v.route().from() + ":" + v.route().label() + "|"
                    + label);
            if (use == null) {
                return false;
            }
            values[use.index()] = 1;
        }
        return true;
    }

    /** The spans of a route oriented from the pair's lower site, as ids. */
    private List<String> canonical(List<SpanHop> hops, boolean reversed) {
        List<String> ids = new ArrayList<>();
        hops.forEach(h -> ids.add(h.spanId()));
        if (reversed) {
            Collections.reverse(ids);
        }
        return ids;
    }

    private String pairKey(String linkId, String opticId, DwdmEvaluator placement, boolean[] reversed) {
        Link link = index.link(linkId);
        String a = link == null ? null : placement.siteOf(link.aDevice());
        String b = link == null ? null : placement.siteOf(link.bDevice());
        if (a == null || b == null) {
            return null;
        }
        reversed[0] = a.compareTo(b) > 0;
        return (reversed[0] ? b + "|" + a : a + "|" + b) + "|" + opticId;
    }

    private GreyVar findGrey(String opticId, DwdmEvaluator placement, String linkId, List<SpanHop> route) {
        boolean[] reversed = new boolean[1];
        String key = pairKey(linkId, opticId, placement, reversed);
        List<String> ids = canonical(route, reversed[0]);
        for (GreyVar g : greys) {
            if (key(g.demand()).equals(key) && spanIds(g.route()).equals(ids)) {
                return g;
            }
        }
        return null;
    }

    /**
     * Channels relabelled so that use falls with the channel below {@link #common} (what channelOrder asks of a
     * solution; relabelling interchangeable channels alike keeps every other row).
     */
    private int[] channelOrderOf(List<Lightpath> lightpaths) {
        int most = 1;
        for (Lightpath lp : lightpaths) {
            most = Math.max(most, lp.channel() + 1);
        }
        int[] use = new int[most];
        lightpaths.forEach(lp -> use[Math.max(0, lp.channel())]++);
        int[] relabel = new int[most];
        for (int c = 0; c < most; c++) {
            relabel[c] = c;
        }
        if (perChannel) {
            int top = Math.min(common, most);
            List<Integer> order = new ArrayList<>();
            for (int c = 0; c < top; c++) {
                order.add(c);
            }
            order.sort((p, q) -> Integer.compare(use[q], use[p]));
            for (int i = 0; i < order.size(); i++) {
                relabel[order.get(i)] = i;
            }
        }
        return relabel;
    }

    private ChannelVar findLightpath(Lightpath lp, int channel, DwdmEvaluator placement) {
        boolean[] reversed = new boolean[1];
        String key = pairKey(lp.linkId(), lp.opticId(), placement, reversed);
        List<String> ids = canonical(lp.route(), reversed[0]);
        for (ChannelVar v : perChannel ? channels : routeLightpaths) {
            if ((!perChannel || v.channel() == channel) && key(v.demand()).equals(key)
                    && spanIds(v.route()).equals(ids)) {
                return v;
            }
        }
        return null;
    }

    private static List<String> spanIds(Route r) {
        return r.spans().stream().map(Span::id).toList();
    }

    private static String key(InterSiteLayer.Demand d) {
        return d.aSite() + "|" + d.bSite() + "|" + d.optic().id();
    }
}
