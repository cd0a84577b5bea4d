package io.fabricplan.dwdm.sndlib;

import io.fabricplan.dwdm.sndlib.SndlibVariant.CapacityModel;
import io.fabricplan.dwdm.sndlib.SndlibVariant.LinkModel;
import io.fabricplan.dwdm.sndlib.SndlibVariant.PathModel;
import io.fabricplan.dwdm.sndlib.SndlibVariant.RoutingModel;
import io.fabricplan.formulations.MipModel;
import io.fabricplan.formulations.MipModel.Expr;
import io.fabricplan.formulations.MipModel.Var;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The MIP of an SNDlib instance without survivability.
 *
 * <p><b>Arcs.</b> Link {@code e} has arc {@code 2e} (source to target) and, unless the link model is DIRECTED,
 * arc {@code 2e+1} (target to source). Undirected demands are routed from their source to their target, which is
 * exact for the UNDIRECTED link model (the only one the format allows with them).
 *
 * <p><b>Commodities.</b> Continuous routing over all paths aggregates the demands by source node (one flow per
 * source with the demands as sinks: exact, as continuous multi-commodity flows decompose); integer and single-path
 * routing keep one commodity per demand (integer units of the routing unit, resp. one binary per arc). With
 * EXPLICIT_LIST, each demand has one variable per admissible path (hop limits filter the list).
 *
 * <p><b>Capacity.</b> {@code load(arc) <= pre + sum_m C_m y_em} with the load of an UNDIRECTED link the sum of
 * both arcs, of a BIDIRECTED link each arc separately (i.e. the maximum), of a DIRECTED link the forward arc.
 * {@code y_em} is a non-negative integer (MODULAR), binary with {@code sum_m y_em <= 1} (EXPLICIT), integer with
 * one module type per link (SINGLE_MODULAR), or continuous (LINEAR). With fixed charge, a binary {@code open_e}
 * bounds {@code y_em} and is forced to 1 by pre-installed capacity. UNLIMITED modules take the total demand as
 * capacity.
 *
 * <p><b>Objective.</b> Module costs + pre-installed cost (a constant) + routing cost x flow (+ setup cost x
 * open). Routing cost of a BIDIRECTED link is charged on the larger direction by default (see
 * {@link SndlibOptions#routingCostMax()}).
 *
 * <p><b>Strengthening.</b> For every single node and for every linked pair of nodes {@code S}, the demand
 * leaving/entering {@code S} must fit the capacity of the cut: {@code sum_{e in cut} sum_m C_em y_em >= D}. Each
 * is rounded with a mixed-integer rounding (MIR) for every module capacity in the cut as divisor {@code c}:
 * {@code sum (floor(a) + min(1, frac(a)/frac(b))) y >= ceil(b)} with {@code a = min(C,D)/c}, {@code b = D/c}
 * (for a single module type, the classic {@code sum y >= ceil(D/C)}). Plus the strong linking rows per commodity
 * and link: {@code f_ka + f_k(rev a) <= min(F_k, pre) + sum_m min(F_k, C_m) y_em} with {@code F_k} the
 * commodity's volume (both directions in one row: some optimal flow of each commodity never runs both ways on a
 * link, as cancelling that frees capacity and routing cost).
 */
public final class SndlibModel {
    /** A commodity: the demands it carries and its supply per node in base units (positive at the source). */
    record Commodity(String name, List<Integer> demands, double[] supply, int source, double scale,
                     boolean integerFlow, boolean binary) {
    }

    record Term(Var var, double coef) {
    }

    /**
     * Continuous routing keeps one commodity per demand up to this many demand-arc pairs (system property
     * {@code fabricplan.sndlib.disaggregate}, default 0: always one commodity per source node), and with EXPLICIT
     * capacities up to {@link #DISAGGREGATE_EXPLICIT}: there the per-demand linking rows {@code f_da <= min(d,
     * C_m) y_em} are what makes the at-most-one-module choice's LP strong (fixed-charge like costs).
     */
    static final long DISAGGREGATE_LIMIT = Long.getLong("fabricplan.sndlib.disaggregate", 0);
    static final long DISAGGREGATE_EXPLICIT = 20_000;
    /** Search nodes of one modular cover before its best so far is taken. */
    static final int COVER_NODES = 100_000;


    final SndlibNetwork net;
    final SndlibVariant variant;
    final SndlibOptions options;
    final MipModel mip;
    final int nodesN;
    final int linksN;
    final int[] from;
    final int[] to;
    final boolean reverseArcs;
    final double bigCapacity;
    final List<Commodity> commodities = new ArrayList<>();
    /** Per commodity, per arc: the variables whose scaled sum is the commodity's flow on the arc. */
    final List<List<List<Term>>> arcTerms = new ArrayList<>();
    /** Per commodity, the arc variables of the arc formulation (null entries for absent arcs). */
    final List<Var[]> arcVars = new ArrayList<>();
    /** Per commodity in the path formulation: the path variables and their arcs. */
    final List<List<Var>> pathVars = new ArrayList<>();
    final List<List<int[]>> pathArcs = new ArrayList<>();
    final Var[][] modules;
    final Var[] open;
    final Var[] routeMax;
    int cutRows;
    private int coverNodes;

    private SndlibModel(SndlibNetwork net, SndlibVariant variant, SndlibOptions options) {
        this.net = net;
        this.variant = variant;
        this.options = options;
        this.mip = new MipModel("sndlib-" + net.name() + "-" + variant.code());
        this.nodesN = net.nodes().size();
        this.linksN = net.links().size();
        this.from = new int[linksN];
        this.to = new int[linksN];
        Map<String, Integer> ni = net.nodeIndex();
        for (int e = 0; e < linksN; e++) {
            from[e] = ni.get(net.links().get(e).source());
            to[e] = ni.get(net.links().get(e).target());
        }
        this.reverseArcs = variant.link() != LinkModel.DIRECTED;
        this.bigCapacity = Math.max(1, net.totalVolume());
        this.modules = new Var[linksN][];
        this.open = new Var[linksN];
        this.routeMax = new Var[linksN];
    }

    /** Checks that the variant is supported and builds its MIP. */
    public static SndlibModel build(SndlibNetwork net, SndlibVariant variant, SndlibOptions options)
            throws SndlibFormatException {
        checkSupported(net, variant);
        SndlibModel m = new SndlibModel(net, variant, options);
        m.buildCommodities();
        m.buildCapacities();
        m.buildObjectiveAndCapacityRows();
        if (options.cuts()) {
            m.addCutSets();
            m.addStrongLinking();
        }
        return m;
    }

    public MipModel mip() {
        return mip;
    }

    public int cutRows() {
        return cutRows;
    }

    static void checkSupported(SndlibNetwork net, SndlibVariant v) throws SndlibFormatException {
        String code = net.name() + " " + v.code();
        if (v.survivability() != SndlibVariant.Survivability.NO_SURVIVABILITY) {
            throw new SndlibFormatException(code + ": SURVIVABILITY_MODEL = " + v.survivability()
                    + " is not supported. Maybe use a model with NO_SURVIVABILITY (code ending in N)");
        }
        if (v.demand() == SndlibVariant.DemandModel.UNDIRECTED && v.link() != LinkModel.UNDIRECTED) {
            throw new SndlibFormatException(code + ": undirected demands need LINK_MODEL = UNDIRECTED (format "
                    + "description). Maybe use DEMAND_MODEL = DIRECTED");
        }
        boolean limited = net.demands().stream().anyMatch(d -> d.maxPathLength() >= 0);
        if (v.hopLimits() && v.paths() == PathModel.ALL_PATHS && limited) {
            throw new SndlibFormatException(code + ": HOP_LIMIT_MODEL = INDIVIDUAL_HOP_LIMITS with ALL_PATHS is "
                    + "not supported. Maybe use IGNORE_HOP_LIMITS, or EXPLICIT_LIST with the network's "
                    + "admissible paths (which are filtered by the hop limits)");
        }
        if (v.paths() == PathModel.EXPLICIT_LIST) {
            for (SndlibNetwork.Demand d : net.demands()) {
                if (!net.paths().containsKey(d.id())) {
                    throw new SndlibFormatException(code + ": ADMISSIBLE_PATH_MODEL = EXPLICIT_LIST but demand "
                            + d.id() + " has no admissible paths. Maybe use ALL_PATHS or add an "
                            + "ADMISSIBLE_PATHS entry for it");
                }
            }
        }
        if (v.routing() == RoutingModel.INTEGER) {
            for (SndlibNetwork.Link l : net.links()) {
                for (SndlibNetwork.Module mod : l.modules()) {
                    for (SndlibNetwork.Demand d : net.demands()) {
                        if (d.routingUnit() > mod.capacity()) {
                            throw new SndlibFormatException(code + ": demand " + d.id() + " has routing unit "
                                    + d.routingUnit() + " above the capacity " + mod.capacity() + " of a module"
                                    + " of link " + l.id() + "; INTEGER routing with modules smaller than a "
                                    + "routing unit is not supported. Maybe use CONTINUOUS routing");
                        }
                    }
                }
            }
        }
        for (SndlibNetwork.Link l : net.links()) {
            for (SndlibNetwork.Module mod : l.modules()) {
                if (mod.cost() < 0) {
                    throw new SndlibFormatException(code + ": link " + l.id() + " has a negative module cost. "
                            + "Maybe the cost and capacity of a pair are swapped");
                }
            }
        }
    }

    /** Arc {@code a} exists in this variant. */
    boolean arcExists(int a) {
        return a % 2 == 0 || reverseArcs;
    }

    int tail(int a) {
        return a % 2 == 0 ? from[a / 2] : to[a / 2];
    }

    int head(int a) {
        return a % 2 == 0 ? to[a / 2] : from[a / 2];
    }

    /** Modelled capacity of module m of link e (UNLIMITED becomes the total demand). */
    double moduleCapacity(int e, int m) {
        double c = net.links().get(e).modules().get(m).capacity();
        return Double.isInfinite(c) ? bigCapacity : Math.min(c, bigCapacity);
    }

    private void buildCommodities() throws SndlibFormatException {
        Map<String, Integer> ni = net.nodeIndex();
        List<SndlibNetwork.Demand> demands = net.demands();
        RoutingModel routing = variant.routing();
        long perDemand = (long) demands.size() * linksN * (reverseArcs ? 2 : 1);
        if (routing == RoutingModel.CONTINUOUS && variant.paths() == PathModel.ALL_PATHS
                && perDemand > (variant.capacity() == CapacityModel.EXPLICIT ? Math.max(DISAGGREGATE_LIMIT,
                DISAGGREGATE_EXPLICIT) : DISAGGREGATE_LIMIT)) {
            Map<Integer, List<Integer>> bySource = new LinkedHashMap<>();
            for (int d = 0; d < demands.size(); d++) {
                if (demands.get(d).volume() > 0) {
                    bySource.computeIfAbsent(ni.get(demands.get(d).source()), k -> new ArrayList<>()).add(d);
                }
            }
            for (Map.Entry<Integer, List<Integer>> s : bySource.entrySet()) {
                double[] supply = new double[nodesN];
                for (int d : s.getValue()) {
                    double v = demands.get(d).volume();
                    supply[s.getKey()] += v;
                    supply[ni.get(demands.get(d).target())] -= v;
                }
                commodities.add(new Commodity("from-" + net.nodes().get(s.getKey()), s.getValue(), supply,
                        s.getKey(), 1, false, false));
            }
        } else {
            for (int d = 0; d < demands.size(); d++) {
                SndlibNetwork.Demand dem = demands.get(d);
                if (dem.volume() <= 0) {
                    continue;
                }
                double[] supply = new double[nodesN];
                double volume = routing == RoutingModel.INTEGER ? dem.routingUnit() * Math.ceil(dem.value() - 1e-9)
                        : dem.volume();
                supply[ni.get(dem.source())] = volume;
                supply[ni.get(dem.target())] = -volume;
                double scale = switch (routing) {
                    case CONTINUOUS -> 1;
                    case INTEGER -> dem.routingUnit();
                    case SINGLE_PATH -> volume;
                };
                commodities.add(new Commodity(dem.id(), List.of(d), supply, ni.get(dem.source()), scale,
                        routing == RoutingModel.INTEGER, routing == RoutingModel.SINGLE_PATH));
            }
        }
        for (int k = 0; k < commodities.size(); k++) {
            if (variant.paths() == PathModel.EXPLICIT_LIST) {
                buildPathCommodity(k);
            } else {
                buildArcCommodity(k);
            }
        }
    }

    private void buildArcCommodity(int k) {
        Commodity c = commodities.get(k);
        double units = c.supply()[c.source()] / c.scale();
        Var[] vars = new Var[2 * linksN];
        List<List<Term>> terms = new ArrayList<>();
        for (int a = 0; a < 2 * linksN; a++) {
            terms.add(new ArrayList<>());
            if (!arcExists(a) || head(a) == c.source()
                    || (c.demands().size() == 1 && tail(a) != c.source() && c.supply()[tail(a)] < 0)) {
                continue; // no flow into the source, none out of a single demand's target
            }
            vars[a] = mip.addVar("f_" + k + "_" + a, 0, c.binary() ? 1 : units, c.integerFlow() || c.binary());
            terms.get(a).add(new Term(vars[a], c.scale()));
        }
        for (int v = 0; v < nodesN; v++) {
            Expr balance = new Expr();
            for (int a = 0; a < 2 * linksN; a++) {
                if (vars[a] != null && tail(a) == v) {
                    balance.add(vars[a], 1);
                }
                if (vars[a] != null && head(a) == v) {
                    balance.add(vars[a], -1);
                }
            }
            double rhs = c.supply()[v] / c.scale();
            if (balance.isEmpty() && Math.abs(rhs) > 1e-12) {
                balance.add(mip.addVar("infeasible_" + k + "_" + v, 0, 0, false), 1);
            }
            if (!balance.isEmpty()) {
                mip.addEquality("flow_" + k + "_" + v, balance, rhs);
            }
        }
        arcVars.add(vars);
        arcTerms.add(terms);
        pathVars.add(null);
        pathArcs.add(null);
    }

    private void buildPathCommodity(int k) throws SndlibFormatException {
        Commodity c = commodities.get(k);
        SndlibNetwork.Demand dem = net.demands().get(c.demands().get(0));
        Map<String, Integer> li = net.linkIndex();
        Map<String, Integer> ni = net.nodeIndex();
        List<List<Term>> terms = new ArrayList<>();
        for (int a = 0; a < 2 * linksN; a++) {
            terms.add(new ArrayList<>());
        }
        List<Var> vars = new ArrayList<>();
        List<int[]> arcsOfPaths = new ArrayList<>();
        Expr sum = new Expr();
        double units = c.supply()[c.source()] / c.scale();
        for (SndlibNetwork.Path p : net.paths().get(dem.id())) {
            if (variant.hopLimits() && dem.maxPathLength() >= 0 && p.links().size() > dem.maxPathLength()) {
                continue;
            }
            int[] arcs = new int[p.links().size()];
            int at = ni.get(dem.source());
            for (int i = 0; i < arcs.length; i++) {
                int e = li.get(p.links().get(i));
                if (from[e] == at) {
                    arcs[i] = 2 * e;
                } else if (to[e] == at && reverseArcs) {
                    arcs[i] = 2 * e + 1;
                } else {
                    throw new SndlibFormatException(net.name() + ": admissible path " + p.id() + " of demand "
                            + dem.id() + " does not continue at node " + net.nodes().get(at) + " with link "
                            + p.links().get(i) + (reverseArcs ? "" : " (links are DIRECTED)")
                            + ". Maybe list its links in order from " + dem.source());
                }
                at = head(arcs[i]);
            }
            if (at != ni.get(dem.target())) {
                throw new SndlibFormatException(net.name() + ": admissible path " + p.id() + " of demand "
                        + dem.id() + " ends at " + net.nodes().get(at) + ", not at " + dem.target()
                        + ". Maybe complete the path");
            }
            Var x = mip.addVar("p_" + k + "_" + vars.size(), 0, c.binary() ? 1 : units,
                    c.integerFlow() || c.binary());
            vars.add(x);
            arcsOfPaths.add(arcs);
            sum.add(x, 1);
            for (int a : arcs) {
                terms.get(a).add(new Term(x, c.scale()));
            }
        }
        if (sum.isEmpty()) {
            sum.add(mip.addVar("nopath_" + k, 0, 0, false), 1);
        }
        mip.addEquality("demand_" + k, sum, units);
        arcVars.add(null);
        arcTerms.add(terms);
        pathVars.add(vars);
        pathArcs.add(arcsOfPaths);
    }

    private void buildCapacities() {
        CapacityModel cm = variant.capacity();
        double volume = net.totalVolume();
        for (int e = 0; e < linksN; e++) {
            SndlibNetwork.Link l = net.links().get(e);
            int mods = l.modules().size();
            modules[e] = new Var[mods];
            if (variant.fixedCharge()) {
                open[e] = mip.addVar("open_" + e, l.preCapacity() > 0 ? 1 : 0, 1, true);
            }
            double need = Math.max(0, volume - l.preCapacity());
            Expr one = new Expr();
            Var[] choose = new Var[mods];
            for (int m = 0; m < mods; m++) {
                double c = moduleCapacity(e, m);
                double ub = Math.max(1, Math.ceil(need / c - 1e-9));
                modules[e][m] = switch (cm) {
                    case LINEAR -> mip.addVar("y_" + e + "_" + m, 0, ub, false);
                    case EXPLICIT -> mip.addBinary("y_" + e + "_" + m);
                    default -> mip.addVar("y_" + e + "_" + m, 0, ub, true);
                };
                one.add(modules[e][m], 1);
                if (cm == CapacityModel.SINGLE_MODULAR && mods > 1) {
                    choose[m] = mip.addBinary("t_" + e + "_" + m);
                    mip.addLessOrEqual("single_" + e + "_" + m,
                            new Expr().add(modules[e][m], 1).add(choose[m], -ub), 0);
                }
                if (open[e] != null) {
                    mip.addLessOrEqual("open_" + e + "_" + m,
                            new Expr().add(modules[e][m], 1).add(open[e], -ub), 0);
                }
            }
            if (cm == CapacityModel.EXPLICIT && mods > 1) {
                mip.addLessOrEqual("explicit_" + e, one, 1);
            }
            if (cm == CapacityModel.SINGLE_MODULAR && mods > 1) {
                Expr types = new Expr();
                for (Var t : choose) {
                    types.add(t, 1);
                }
                mip.addLessOrEqual("onetype_" + e, types, 1);
            }
        }
    }

    /** Sum of the arc's terms over all commodities, scaled to base units, added to {@code expr}. */
    private void addLoad(Expr expr, int a, double factor) {
        for (List<List<Term>> terms : arcTerms) {
            for (Term t : terms.get(a)) {
                expr.add(t.var(), t.coef() * factor);
            }
        }
    }

    private void buildObjectiveAndCapacityRows() {
        LinkModel lm = variant.link();
        for (int e = 0; e < linksN; e++) {
            SndlibNetwork.Link l = net.links().get(e);
            mip.addObjectiveConstant(l.preCost());
            for (int m = 0; m < modules[e].length; m++) {
                mip.addObjective(modules[e][m], l.modules().get(m).cost());
            }
            if (open[e] != null) {
                mip.addObjective(open[e], l.setupCost());
            }
            List<Expr> rows = new ArrayList<>();
            if (lm == LinkModel.UNDIRECTED) {
                Expr both = new Expr();
                addLoad(both, 2 * e, 1);
                addLoad(both, 2 * e + 1, 1);
                rows.add(both);
            } else {
                Expr fwd = new Expr();
                addLoad(fwd, 2 * e, 1);
                rows.add(fwd);
                if (lm == LinkModel.BIDIRECTED) {
                    Expr bwd = new Expr();
                    addLoad(bwd, 2 * e + 1, 1);
                    rows.add(bwd);
                }
            }
            for (int r = 0; r < rows.size(); r++) {
                Expr row = rows.get(r);
                for (int m = 0; m < modules[e].length; m++) {
                    row.add(modules[e][m], -moduleCapacity(e, m));
                }
                mip.addLessOrEqual("cap_" + e + "_" + r, row, l.preCapacity());
            }
            double rc = l.routingCost();
            if (rc != 0) {
                if (lm == LinkModel.BIDIRECTED && options.routingCostMax()) {
                    routeMax[e] = mip.addVar("r_" + e, 0, Double.POSITIVE_INFINITY, false);
                    mip.addObjective(routeMax[e], rc);
                    for (int a = 2 * e; a <= 2 * e + 1; a++) {
                        Expr ge = new Expr().add(routeMax[e], -1);
                        addLoad(ge, a, 1);
                        mip.addLessOrEqual("rmax_" + a, ge, 0);
                    }
                } else {
                    for (int a = 2 * e; a <= 2 * e + 1; a++) {
                        if (!arcExists(a)) {
                            continue;
                        }
                        for (List<List<Term>> terms : arcTerms) {
                            for (Term t : terms.get(a)) {
                                mip.addObjective(t.var(), rc * t.coef());
                            }
                        }
                    }
                }
            }
        }
    }

    /** Node sets whose cuts get MIR rows: every node and both ends of every link. */
    private List<Set<Integer>> cutSets() {
        Set<Set<Integer>> sets = new LinkedHashSet<>();
        for (int v = 0; v < nodesN; v++) {
            sets.add(Set.of(v));
        }
        for (int e = 0; e < linksN; e++) {
            if (nodesN > 2) {
                sets.add(Set.of(from[e], to[e]));
            }
        }
        return new ArrayList<>(sets);
    }

    private void addCutSets() {
        Map<String, Integer> ni = net.nodeIndex();
        int s = 0;
        for (Set<Integer> set : cutSets()) {
            double out = 0;
            double in = 0;
            for (SndlibNetwork.Demand d : net.demands()) {
                boolean a = set.contains(ni.get(d.source()));
                boolean b = set.contains(ni.get(d.target()));
                double vol = variant.routing() == RoutingModel.INTEGER ? d.routingUnit() * Math.ceil(d.value() - 1e-9)
                        : d.volume();
                if (a && !b) {
                    out += vol;
                } else if (b && !a) {
                    in += vol;
                }
            }
            List<Integer> cutOut = new ArrayList<>();
            List<Integer> cutIn = new ArrayList<>();
            for (int e = 0; e < linksN; e++) {
                boolean a = set.contains(from[e]);
                boolean b = set.contains(to[e]);
                if (a && !b) {
                    cutOut.add(e);
                } else if (b && !a) {
                    cutIn.add(e);
                }
            }
            List<Integer> all = new ArrayList<>(cutOut);
            all.addAll(cutIn);
            switch (variant.link()) {
                case UNDIRECTED -> s += cutRow("cutU_" + s, all, out + in);
                case BIDIRECTED -> s += cutRow("cutB_" + s, all, Math.max(out, in));
                case DIRECTED -> {
                    s += cutRow("cutDo_" + s, cutOut, out);
                    s += cutRow("cutDi_" + s, cutIn, in);
                }
            }
        }
    }

    /** MIR rows for {@code sum_{e in links} cap_e >= demand}; returns the number of rows added. */
    private int cutRow(String name, List<Integer> links, double demand) {
        double d = demand;
        for (int e : links) {
            d -= net.links().get(e).preCapacity();
        }
        if (d <= 1e-9) {
            return 0;
        }
        int added = 0;
        if (variant.fixedCharge()) {
            Expr any = new Expr();
            for (int e : links) {
                any.add(open[e], 1);
            }
            mip.addRow(name + "_open", 1, any, Double.POSITIVE_INFINITY);
            added++;
        }
        if (variant.capacity() == CapacityModel.LINEAR) {
            return added;
        }
        TreeSet<Double> divisors = new TreeSet<>();
        for (int e : links) {
            for (int m = 0; m < modules[e].length; m++) {
                divisors.add(Math.min(moduleCapacity(e, m), d));
            }
        }
        if (divisors.isEmpty()) {
            Expr none = new Expr().add(mip.addVar(name + "_empty", 0, 0, false), 1);
            mip.addRow(name, 1, none, Double.POSITIVE_INFINITY);
            return added + 1;
        }
        for (double c : divisors) {
            double b = d / c;
            double rhs = Math.ceil(b - 1e-9);
            double f = b - Math.floor(b);
            if (f < 1e-9 || f > 1 - 1e-9) {
                f = 1;
            }
            Expr row = new Expr();
            for (int e : links) {
                for (int m = 0; m < modules[e].length; m++) {
                    double a = Math.min(moduleCapacity(e, m), d) / c;
                    double fa = a - Math.floor(a);
                    double coef = fa < 1e-9 ? Math.rint(a) : Math.floor(a) + Math.min(1, fa / f);
                    row.add(modules[e][m], Math.min(coef, rhs));
                }
            }
            mip.addRow(name + "_" + added, rhs, row, Double.POSITIVE_INFINITY);
            added++;
            cutRows++;
        }
        return added;
    }

    /**
     * {@code f_ka + f_k(rev a) <= min(F, pre) + sum_m min(F, C_m) y_em} per commodity and link (arc formulation
     * only).
     */
    private void addStrongLinking() {
        if (variant.capacity() == CapacityModel.LINEAR) {
            return;
        }
        long size = 0;
        for (Var[] vars : arcVars) {
            if (vars != null) {
                size += Arrays.stream(vars).filter(v -> v != null).count();
            }
        }
        if (size > 60_000) {
            return;
        }
        for (int k = 0; k < commodities.size(); k++) {
            Var[] vars = arcVars.get(k);
            if (vars == null) {
                continue;
            }
            Commodity c = commodities.get(k);
            double volume = c.supply()[c.source()];
            for (int a = 0; a < vars.length; a++) {
                if (vars[a] == null || (a % 2 == 1 && vars[a - 1] != null)) {
                    continue;
                }
                int e = a / 2;
                double pre = Math.min(volume, net.links().get(e).preCapacity());
                if (pre >= volume) {
                    continue;
                }
                Expr row = new Expr().add(vars[a], c.scale());
                if (a % 2 == 0 && a + 1 < vars.length && vars[a + 1] != null) {
                    row.add(vars[a + 1], c.scale());
                }
                for (int m = 0; m < modules[e].length; m++) {
                    row.add(modules[e][m], -Math.min(volume, moduleCapacity(e, m)));
                }
                mip.addLessOrEqual("link_" + k + "_" + a, row, pre);
                cutRows++;
            }
        }
    }

    /** A capacity configuration of one link: module counts and their cost. */
    record Cover(double[] counts, double cost) {
    }

    /** The cheapest configuration of link e giving at least {@code load} capacity; null when none can. */
    Cover cover(int e, double load) {
        SndlibNetwork.Link l = net.links().get(e);
        int mods = l.modules().size();
        double r = load - l.preCapacity();
        if (r <= 1e-9) {
            return new Cover(new double[mods], 0);
        }
        double[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        switch (variant.capacity()) {
            case LINEAR -> {
                for (int m = 0; m < mods; m++) {
                    double n = r / moduleCapacity(e, m);
                    double c = n * l.modules().get(m).cost();
                    if (c < bestCost) {
                        bestCost = c;
                        best = new double[mods];
                        best[m] = n;
                    }
                }
            }
            case EXPLICIT -> {
                for (int m = 0; m < mods; m++) {
                    if (moduleCapacity(e, m) >= r - 1e-9 && l.modules().get(m).cost() < bestCost) {
                        bestCost = l.modules().get(m).cost();
                        best = new double[mods];
                        best[m] = 1;
                    }
                }
            }
            case SINGLE_MODULAR -> {
                for (int m = 0; m < mods; m++) {
                    double n = Math.ceil(r / moduleCapacity(e, m) - 1e-9);
                    if (n * l.modules().get(m).cost() < bestCost) {
                        bestCost = n * l.modules().get(m).cost();
                        best = new double[mods];
                        best[m] = n;
                    }
                }
            }
            case MODULAR -> {
                double[] counts = new double[mods];
                double[] out = new double[mods + 1];
                out[mods] = Double.POSITIVE_INFINITY;
                coverNodes = 0;
                modular(e, 0, r, 0, counts, out);
                if (out[mods] < Double.POSITIVE_INFINITY) {
                    best = Arrays.copyOf(out, mods);
                    bestCost = out[mods];
                }
            }
        }
        if (open[e] != null && best != null && l.preCapacity() <= 0) {
            bestCost += l.setupCost();
        }
        return best == null ? null : new Cover(best, bestCost);
    }

    /**
     * Branch and bound over the module counts, largest count first; the last module covers what is left. A
     * partial configuration is cut off when its cost plus what is left at the best price per unit of the
     * modules still open is no cheaper than the best one; after {@link #COVER_NODES} configurations the best so
     * far stands (only links with many small modules and a large load get there).
     */
    private void modular(int e, int m, double r, double cost, double[] counts, double[] out) {
        int mods = counts.length;
        if (r <= 1e-9 || m == mods) {
            if (r <= 1e-9 && cost < out[mods]) {
                System.arraycopy(counts, 0, out, 0, mods);
                out[mods] = cost;
            }
            return;
        }
        double price = Double.POSITIVE_INFINITY;
        for (int i = m; i < mods; i++) {
            price = Math.min(price, net.links().get(e).modules().get(i).cost() / moduleCapacity(e, i));
        }
        if (cost + r * price >= out[mods] - 1e-9 || ++coverNodes > COVER_NODES) {
            return;
        }
        double c = moduleCapacity(e, m);
        double unit = net.links().get(e).modules().get(m).cost();
        double ce = Math.ceil(r / c - 1e-9);
        double low = m == mods - 1 ? ce : 0;
        for (double n = ce; n >= low; n--) {
            counts[m] = n;
            modular(e, m + 1, Math.max(0, r - n * c), cost + n * unit, counts, out);
            counts[m] = 0;
        }
    }

    /** The load of link e that capacity must cover, from its two arc loads. */
    double requiredLoad(double fwd, double bwd) {
        return switch (variant.link()) {
            case UNDIRECTED -> fwd + bwd;
            case BIDIRECTED -> Math.max(fwd, bwd);
            case DIRECTED -> fwd;
        };
    }

    /**
     * Warm start: routes the demands one by one, largest first, on the path of least added cost (routing cost
     * plus the growth of the cheapest capacity cover of each link), then hints every variable. Returns false
     * (no hint) when some demand cannot be routed that way.
     */
    public boolean hintGreedy() {
        int arcs = 2 * linksN;
        double[] load = new double[arcs];
        double[][] demandArcFlow = new double[net.demands().size()][];
        Map<String, Integer> ni = net.nodeIndex();
        List<Integer> order = new ArrayList<>();
        for (Commodity c : commodities) {
            order.addAll(c.demands());
        }
        order.sort((x, y) -> Double.compare(net.demands().get(y).volume(), net.demands().get(x).volume()));
        Map<Integer, Integer> commodityOf = new LinkedHashMap<>();
        for (int k = 0; k < commodities.size(); k++) {
            for (int d : commodities.get(k).demands()) {
                commodityOf.put(d, k);
            }
        }
        for (int d : order) {
            int k = commodityOf.get(d);
            Commodity c = commodities.get(k);
            double vol = c.demands().size() == 1 ? c.supply()[c.source()] : net.demands().get(d).volume();
            double[] w = new double[arcs];
            for (int a = 0; a < arcs; a++) {
                w[a] = Double.POSITIVE_INFINITY;
                if (!arcExists(a)) {
                    continue;
                }
                int e = a / 2;
                double f = load[2 * e];
                double b = load[2 * e + 1];
                Cover now = cover(e, requiredLoad(f, b));
                Cover next = cover(e, a % 2 == 0 ? requiredLoad(f + vol, b) : requiredLoad(f, b + vol));
                if (now == null || next == null) {
                    continue;
                }
                w[a] = next.cost() - now.cost() + vol * net.links().get(e).routingCost() + 1e-9 * (1 + vol);
            }
            int[] path;
            int s = ni.get(net.demands().get(d).source());
            int t = ni.get(net.demands().get(d).target());
            if (pathArcs.get(k) != null) {
                path = null;
                double best = Double.POSITIVE_INFINITY;
                for (int[] p : pathArcs.get(k)) {
                    double sum = 0;
                    for (int a : p) {
                        sum += w[a];
                    }
                    if (sum < best) {
                        best = sum;
                        path = p;
                    }
                }
            } else {
                path = dijkstra(s, t, w, c);
            }
            if (path == null) {
                return false;
            }
            demandArcFlow[d] = new double[arcs];
            for (int a : path) {
                load[a] += vol;
                demandArcFlow[d][a] += vol;
            }
        }
        mip.clearHint();
        if (!hintCapacities(load, 0)) {
            return false;
        }
        for (int k = 0; k < commodities.size(); k++) {
            Commodity c = commodities.get(k);
            if (arcVars.get(k) != null) {
                double[] f = new double[arcs];
                for (int d : c.demands()) {
                    for (int a = 0; a < arcs; a++) {
                        f[a] += demandArcFlow[d][a];
                    }
                }
                hintArcFlow(k, f);
            } else {
                double[] flow = demandArcFlow[c.demands().get(0)];
                List<int[]> paths = pathArcs.get(k);
                boolean chosen = false;
                for (int p = 0; p < paths.size(); p++) {
                    boolean on = !chosen;
                    for (int a : paths.get(p)) {
                        on &= flow[a] > 0;
                    }
                    chosen |= on;
                    mip.hint(pathVars.get(k).get(p), on ? c.supply()[c.source()] / c.scale() : 0);
                }
            }
        }
        return true;
    }

    /**
     * Hints a plan given by the flow of every (arc-formulation) commodity in base units: its capacities are the
     * cheapest covers of the loads. Returns false (no hint) when some load cannot be covered.
     */
    boolean hintArcFlows(double[][] flow) {
        int arcs = 2 * linksN;
        double[] load = new double[arcs];
        for (double[] f : flow) {
            for (int a = 0; a < arcs; a++) {
                load[a] += f[a];
            }
        }
        mip.clearHint();
        if (!hintCapacities(load, 1e-7)) {
            return false;
        }
        for (int k = 0; k < commodities.size(); k++) {
            hintArcFlow(k, flow[k].clone());
        }
        return true;
    }

    /** Hints commodity k's arc variables, first cancelling flow that runs both ways on a link. */
    private void hintArcFlow(int k, double[] f) {
        Var[] vars = arcVars.get(k);
        Commodity c = commodities.get(k);
        for (int a = 0; a + 1 < f.length; a += 2) {
            double both = Math.min(f[a], f[a + 1]);
            f[a] -= both;
            f[a + 1] -= both;
        }
        for (int a = 0; a < f.length; a++) {
            if (vars[a] != null) {
                mip.hint(vars[a], f[a] / c.scale());
            }
        }
    }

    /**
     * Hints the cheapest cover of every link for the arc loads less {@code tolerance} (LP round-off), and the
     * variables that follow from it.
     */
    private boolean hintCapacities(double[] load, double tolerance) {
        for (int e = 0; e < linksN; e++) {
            Cover cv = cover(e, requiredLoad(load[2 * e], load[2 * e + 1]) - tolerance);
            if (cv == null) {
                mip.clearHint();
                return false;
            }
            boolean any = net.links().get(e).preCapacity() > 0;
            for (int m = 0; m < modules[e].length; m++) {
                mip.hint(modules[e][m], cv.counts()[m]);
                any |= cv.counts()[m] > 0;
                Var t = mip.variable("t_" + e + "_" + m);
                if (t != null) {
                    mip.hint(t, cv.counts()[m] > 0 ? 1 : 0);
                }
            }
            if (open[e] != null) {
                mip.hint(open[e], any ? 1 : 0);
            }
            if (routeMax[e] != null) {
                mip.hint(routeMax[e], Math.max(load[2 * e], load[2 * e + 1]));
            }
        }
        return true;
    }

    /** Cheapest path from s to t under weights w, avoiding the arcs the commodity may not use. */
    private int[] dijkstra(int s, int t, double[] w, Commodity c) {
        double[] dist = new double[nodesN];
        int[] via = new int[nodesN];
        boolean[] done = new boolean[nodesN];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        Arrays.fill(via, -1);
        dist[s] = 0;
        for (int it = 0; it < nodesN; it++) {
            int u = -1;
            for (int v = 0; v < nodesN; v++) {
                if (!done[v] && dist[v] < Double.POSITIVE_INFINITY && (u < 0 || dist[v] < dist[u])) {
                    u = v;
                }
            }
            if (u < 0 || u == t) {
                break;
            }
            done[u] = true;
            if (c.demands().size() == 1 && u != s && c.supply()[u] < 0) {
                continue;
            }
            for (int a = 0; a < 2 * linksN; a++) {
                if (tail(a) == u && w[a] < Double.POSITIVE_INFINITY && head(a) != c.source()
                        && dist[u] + w[a] < dist[head(a)]) {
                    dist[head(a)] = dist[u] + w[a];
                    via[head(a)] = a;
                }
            }
        }
        if (dist[t] == Double.POSITIVE_INFINITY) {
            return null;
        }
        List<Integer> arcs = new ArrayList<>();
        for (int v = t; v != s; v = tail(via[v])) {
            arcs.add(0, via[v]);
        }
        return arcs.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Flows per commodity and arc in base units of the hinted plan (arc formulation; zeros when not hinted). */
    double[][] hintedArcFlows() {
        double[][] flow = new double[commodities.size()][2 * linksN];
        for (int k = 0; k < commodities.size(); k++) {
            Var[] vars = arcVars.get(k);
            for (int a = 0; vars != null && a < vars.length; a++) {
                if (vars[a] != null) {
                    flow[k][a] = mip.hint().getOrDefault(vars[a].index(), 0.0) * commodities.get(k).scale();
                }
            }
        }
        return flow;
    }

    /** Module counts of a solution: {@code [link][module]}. */
    double[][] moduleCounts(double[] values) {
        double[][] out = new double[linksN][];
        for (int e = 0; e < linksN; e++) {
            out[e] = new double[modules[e].length];
            for (int m = 0; m < modules[e].length; m++) {
                double v = values[modules[e][m].index()];
                out[e][m] = variant.capacity() == CapacityModel.LINEAR ? Math.max(0, v) : Math.rint(v);
            }
        }
        return out;
    }

    /** Flows of a solution per commodity in base units. */
    List<SndlibResult.CommodityFlow> flows(double[] values) {
        List<SndlibResult.CommodityFlow> out = new ArrayList<>();
        for (int k = 0; k < commodities.size(); k++) {
            double[] arc = new double[2 * linksN];
            for (int a = 0; a < arc.length; a++) {
                for (Term t : arcTerms.get(k).get(a)) {
                    double v = values[t.var().index()];
                    arc[a] += t.coef() * (t.var().integer() ? Math.rint(v) : Math.max(0, v));
                }
            }
            List<String> ids = new ArrayList<>();
            for (int d : commodities.get(k).demands()) {
                ids.add(net.demands().get(d).id());
            }
            out.add(new SndlibResult.CommodityFlow(commodities.get(k).name(), ids, arc));
        }
        return out;
    }
}
