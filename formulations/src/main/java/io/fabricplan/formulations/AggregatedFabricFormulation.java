package io.fabricplan.formulations;

import io.fabricplan.api.InterSiteMedia;
import io.fabricplan.model.Device;
import io.fabricplan.model.DeviceAssignment;
import io.fabricplan.model.FabricRules;
import io.fabricplan.model.Instance;
import io.fabricplan.model.InstanceIndex;
import io.fabricplan.model.Link;
import io.fabricplan.model.LinkAssignment;
import io.fabricplan.model.LinkEnd;
import io.fabricplan.model.Objective;
import io.fabricplan.model.Optic;
import io.fabricplan.model.OpticKind;
import io.fabricplan.model.OpticPair;
import io.fabricplan.model.Plan;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Settings;
import io.fabricplan.model.SiteGraph;
import io.fabricplan.model.SwitchModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fabric planning problem aggregated over identical structure, exact, with switch placement.
 *
 * <p><b>Twin classes.</b> Devices are partitioned so that members of a class are interchangeable: same kind,
 * family, packaging request, possible racks (and for servers NIC), and the same multiset of (neighbour device,
 * gbps, length override) with counts summed. Between two classes A and B every a in A then has the same number k
 * of cables of a given rate and override to every b in B. A member's state is its (model, rack) for a switch
 * (usable models x possible racks), the one fixed state for a server.
 *
 * <p><b>Linearity.</b> Cable counts per state pair are {@code k * nA(eA) * nB(eB)}: bilinear when both classes
 * have several members and several states. While some link joins two such classes, the smaller is split into
 * singletons; afterwards every joined pair has a singleton or a single-state side and the model below is exact.
 * <pre>
 *   z[S,e]            integer in [0, |S|], members of S in state e (binary for singletons; none for one state)
 *   x[g,o,eA,eB]      integer >= 0, cables of link group g (class pair, gbps, override) on option o, ends in eA, eB
 *   classCount[S]     sum_e z[S,e] = |S|
 *   link[g,a=eA]      sum_{o,eB} x[g,o,eA,eB] = k |B| z[A,eA]      (and symmetrically for B; single-state sides
 *                                                                  give the plain demand row)
 *   rackPower[r]      sum z * (base + CPO port power) + sum x * end power at r  <= budget - base load
 *   rackSpace[r]      sum over placed classes z * height_u <= free_u
 * </pre>
 * Options dominated at a state pair in (objective coefficient, power at A's rack, power at B's rack) are left
 * out: any plan can swap them for their dominator without raising the objective or any rack's power (under
 * budgets, capex is compared too, so that the swap cannot break a capex budget). Port
 * capacity is a filter on the models, since every link is served (constant load). Classes whose members may hold
 * a unit shared by several links (twin-port module, breakout cable's wide end) are split into singletons, whose
 * whole units {@link BreakoutRows} counts per state, with a row for the ports of whole units; options with such a
 * unit never dominate. Size:
 * O(classes x states + groups x state pairs x options); building is O(links log links) for the twin hashing
 * plus that.
 */
final class AggregatedFabricFormulation implements Formulation {
    static final String NAME = "AggregatedFabricFormulation";

    /** A member state: model and rack of a switch, or the fixed end of a server. */
    record State(SwitchModel model, Rack rack, LinkEnd end, String label, double powerW, double costUsd) {
    }

    /**
     * A kept option of a group at a state pair, with its per-cable figures (pooled units left out, see
     * {@link BreakoutRows}); {@code pair} is in the group's orientation (its a end at class {@code a}).
     */
    record Opt(MipModel.Var var, OpticPair pair, double unitCostUsd, double powerAW, double powerBW) {
        Optic optic() {
            return pair.a();
        }
    }

    /** A link group: the Links rows of one class pair, rate and length override. */
    static final class Group {
        final int id;
        final int a;
        final int b;
        final Link proto;
        final List<Integer> rows = new ArrayList<>();
        long cables;
        int k;
        String name;
        /** Kept options per state pair {@code sA * statesB + sB}. */
        Opt[][] options;
        /** Per state pair and option index ({@link InstanceIndex#opticPairs}): the kept option serving in its place. */
        Opt[][] byOptic;

        Group(int id, int a, int b, Link proto) {
            this.id = id;
            this.a = a;
            this.b = b;
            this.proto = proto;
        }
    }

    private record GroupKey(int a, int b, double gbps, double lengthM) {
    }

    private final InstanceIndex index;
    private final Settings settings;
    /** Whether budgets limit capex, power or TCO: dominance then compares capex too. */
    private boolean budgeted;
    private final double capexWeight;
    private final double powerWeight;
    private final MipModel model = new MipModel(NAME);
    private final List<Device> devices;
    private final Map<String, Integer> deviceIndex = new HashMap<>();
    /** Option index by "a|b" optic ids; a symmetric pair's index is its optic's. */
    private final Map<String, Integer> pairIndex = new HashMap<>();
    private final List<OpticPair> pairs;
    private int[] classOf;
    private final List<int[]> members = new ArrayList<>();
    private final List<State[]> states = new ArrayList<>();
    private final List<String> classNames = new ArrayList<>();
    private MipModel.Var[][] z;
    private final List<Group> groups = new ArrayList<>();
    private int[] groupOfLink;
    /** Media the cables over spans may use, and the layer that routes them (null: no links over spans). */
    private final InterSiteMedia interSiteMedia;
    private final SiteGraph siteGraph;
    /** Per "siteLo|siteHi|optic": the cables the options put there, their most, and the site pair. */
    private final Map<String, MipModel.Expr> demandCables = new LinkedHashMap<>();
    private final Map<String, Long> demandMax = new HashMap<>();
    private final Map<String, String[]> demandOf = new HashMap<>();
    private InterSiteLayer.Built interSite;
    private String layerName;
    private final SupplyRows supply;
    private final BreakoutRows breakouts;
    /** Per class with installed members: per installed model, the state it is and kept[class,model] (or null). */
    private final List<Map<String, Kept>> kept = new ArrayList<>();

    /** The installed members of a class with one installed model: how many, its state, and how many keep it. */
    private record Kept(SwitchModel model, int installed, int state, MipModel.Var var) {
    }

    private AggregatedFabricFormulation(InstanceIndex index, InterSiteMedia interSiteMedia) {
        this.index = index;
        this.interSiteMedia = interSiteMedia;
        this.siteGraph = new SiteGraph(index.instance().spans());
        this.settings = index.settings();
        this.capexWeight = settings.objective() == Objective.POWER ? 0 : 1;
        this.powerWeight = settings.objective() == Objective.POWER ? 1 : settings.objectiveUsdPerWatt();
        this.supply = new SupplyRows(index, model, capexWeight);
        this.breakouts = new BreakoutRows(model, supply, capexWeight, powerWeight);
        this.devices = index.instance().devices();
        for (int i = 0; i < devices.size(); i++) {
            deviceIndex.putIfAbsent(devices.get(i).id(), i);
        }
        this.pairs = index.opticPairs();
        for (int i = 0; i < pairs.size(); i++) {
            pairIndex.putIfAbsent(pairs.get(i).a().id() + "|" + pairs.get(i).b().id(), i);
        }
    }

    /** Builds the model of a valid instance without links over spans (or with any media for them). */
    static AggregatedFabricFormulation build(Instance instance) {
        return build(instance, InterSiteMedia.ANY, InterSiteLayer.find().orElse(null));
    }

    /**
     * Builds the model of a valid instance whose settings carry the objective to minimise.
     *
     * @param interSiteMedia media allowed for cables over spans
     * @param layer          routes cables over spans; may be null when no link crosses them
     * @throws UnsupportedInstanceException when links cross spans and there is no layer
     */
    static AggregatedFabricFormulation build(Instance instance, InterSiteMedia interSiteMedia, InterSiteLayer layer) {
        return build(instance, interSiteMedia, layer, Deadline.none());
    }

    /**
     * Builds the model, looking at the deadline between its steps.
     *
     * @throws Deadline.Reached when the deadline comes before the model is complete
     */
    static AggregatedFabricFormulation build(Instance instance, InterSiteMedia interSiteMedia, InterSiteLayer layer,
                                             Deadline deadline) {
        return build(instance, interSiteMedia, layer, deadline, false);
    }

    /**
     * Builds the model; {@code budgeted} keeps every option that is cheaper in capex than the ones that dominate
     * it in the objective, for budgets on capex, power or TCO: an option is then left out only when another is no
     * worse in capex, in the objective and in power at either end.
     *
     * @throws Deadline.Reached when the deadline comes before the model is complete
     */
    static AggregatedFabricFormulation build(Instance instance, InterSiteMedia interSiteMedia, InterSiteLayer layer,
                                             Deadline deadline, boolean budgeted) {
        return build(new InstanceIndex(instance), interSiteMedia, layer, deadline, budgeted);
    }

    /** The same over an index of the instance already built (the planner's, shared by its phases). */
    static AggregatedFabricFormulation build(InstanceIndex index, InterSiteMedia interSiteMedia, InterSiteLayer layer,
                                             Deadline deadline, boolean budgeted) {
        AggregatedFabricFormulation f = new AggregatedFabricFormulation(index, interSiteMedia);
        f.budgeted = budgeted;
        List<Runnable> steps = List.of(f::twinClasses, f::splitPoolingClasses, f::splitBilinearPairs, f::linkGroups,
                f::stateVariables, f::classCount, f::linkVariables, f::linking, f::breakoutModules, f::breakoutPorts,
                f::rackPower, f::rackSpace, f::objective, f::keptInstalled, f::supply, () -> f.interSiteLayer(layer));
        for (Runnable step : steps) {
            deadline.check();
            step.run();
        }
        return f;
    }

    @Override
    public String name() {
        return interSite == null ? NAME : NAME + "+" + layerName;
    }

    @Override
    public MipModel model() {
        return model;
    }

    int numClasses() {
        return members.size();
    }

    int numGroups() {
        return groups.size();
    }

    @Override
    public int groupCount() {
        return groups.size();
    }

    // ---------------------------------------------------------------- structure

    /** A device's class signature: its attributes and its sorted neighbourhood with counts summed. */
    private static final class Signature {
        final String attributes;
        final int[] neighbours;
        final double[] gbps;
        final double[] lengths;
        final long[] counts;
        final int hash;

        Signature(String attributes, int[] neighbours, double[] gbps, double[] lengths, long[] counts) {
            this.attributes = attributes;
            this.neighbours = neighbours;
            this.gbps = gbps;
            this.lengths = lengths;
            this.counts = counts;
            int h = attributes.hashCode();
            h = 31 * h + Arrays.hashCode(neighbours);
            h = 31 * h + Arrays.hashCode(gbps);
            h = 31 * h + Arrays.hashCode(lengths);
            this.hash = 31 * h + Arrays.hashCode(counts);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Signature s && hash == s.hash && attributes.equals(s.attributes)
                    && Arrays.equals(neighbours, s.neighbours) && Arrays.equals(gbps, s.gbps)
                    && Arrays.equals(lengths, s.lengths) && Arrays.equals(counts, s.counts);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private Signature signature(Device d) {
        StringBuilder attrs = new StringBuilder();
        attrs.append(d.isSwitch()).append('|').append(d.family()).append('|').append(d.packaging()).append('|')
                .append(d.isPlaced()).append('|').append(d.platform())
                .append('|');
        d.possibleRacks().stream().sorted().forEach(r -> attrs.append(r).append(';'));
        if (!d.isSwitch()) {
            attrs.append('|').append(d.ports()).append('|').append(d.portGbps()).append('|').append(d.lpoCapable());
        }
        List<Link> links = index.linksOf(d.id());
        int m = links.size();
        long[][] entries = new long[m][];
        double[][] values = new double[m][];
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            Link l = links.get(i);
            String other = l.aDevice().equals(d.id()) ? l.bDevice() : l.aDevice();
            entries[i] = new long[] {deviceIndex.get(other), l.count()};
            values[i] = new double[] {l.gbps(), l.lengthM() == null ? Double.NaN : l.lengthM()};
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> {
            int c = Long.compare(entries[p][0], entries[q][0]);
            if (c == 0) {
                c = Double.compare(values[p][0], values[q][0]);
            }
            return c != 0 ? c : Double.compare(values[p][1], values[q][1]);
        });
        int[] nb = new int[m];
        double[] gb = new double[m];
        double[] len = new double[m];
        long[] cnt = new long[m];
        int size = 0;
        for (int i = 0; i < m; i++) {
            int j = order[i];
            if (size > 0 && nb[size - 1] == entries[j][0] && Double.compare(gb[size - 1], values[j][0]) == 0
                    && Double.compare(len[size - 1], values[j][1]) == 0) {
                cnt[size - 1] += entries[j][1];
            } else {
                nb[size] = (int) entries[j][0];
                gb[size] = values[j][0];
                len[size] = values[j][1];
                cnt[size++] = entries[j][1];
            }
        }
        return new Signature(attrs.toString(), Arrays.copyOf(nb, size), Arrays.copyOf(gb, size),
                Arrays.copyOf(len, size), Arrays.copyOf(cnt, size));
    }

    /** Partitions devices into twin classes by hashing their signatures. */
    private void twinClasses() {
        classOf = new int[devices.size()];
        Map<Signature, Integer> classes = new HashMap<>();
        List<List<Integer>> lists = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            Signature s = signature(devices.get(i));
            Integer c = classes.get(s);
            if (c == null) {
                c = lists.size();
                classes.put(s, c);
                lists.add(new ArrayList<>());
            }
            lists.get(c).add(i);
            classOf[i] = c;
        }
        for (List<Integer> list : lists) {
            members.add(list.stream().mapToInt(Integer::intValue).toArray());
            states.add(statesOf(devices.get(list.get(0))));
        }
        for (int c = 0; c < members.size(); c++) {
            classNames.add(className(c));
        }
    }

    private String className(int c) {
        int[] m = members.get(c);
        String first = devices.get(m[0]).id();
        return m.length == 1 ? first : first + "+" + (m.length - 1);
    }

    /** The states of a device: the fitting models of a switch in each possible rack, or the server's end. */
    private State[] statesOf(Device d) {
        if (!d.isSwitch()) {
            return new State[] {new State(null, index.rack(d.rackId()), index.endOf(d, null), "server", 0, 0)};
        }
        List<State> list = new ArrayList<>();
        for (SwitchModel m : index.candidateModels(d)) {
            if (!FabricFormulation.fits(index, d, m)) {
                continue;
            }
            double power = FabricFormulation.switchPowerW(index, d, m);
            for (String r : d.possibleRacks()) {
                // every member pays the list price here; installed members that keep their model take it back
                // through kept[class,model] (see keptInstalled)
                list.add(new State(m, index.rack(r), index.endOf(d, m), d.isPlaced() ? m.id() + "@" + r : m.id(),
                        power, m.costUsd()));
            }
        }
        return list.toArray(State[]::new);
    }

    /**
     * Splits into singletons every class whose members may hold a pooled unit (a twin-port module, a breakout
     * cable's wide end): whole units per device are not linear in a class's link totals, so those devices count
     * their own ({@link BreakoutRows}). Conservative: a breakout optic of one of the device's link rates that one of
     * its states could take.
     */
    private void splitPoolingClasses() {
        List<Optic> breakoutOptics = index.instance().optics().stream().filter(Optic::isBreakout).toList();
        if (breakoutOptics.isEmpty()) {
            return;
        }
        int classes = members.size();
        for (int c = 0; c < classes; c++) {
            if (members.get(c).length > 1 && mayPool(devices.get(members.get(c)[0]), states.get(c), breakoutOptics)) {
                split(c);
            }
        }
    }

    private boolean mayPool(Device d, State[] st, List<Optic> breakoutOptics) {
        for (Optic x : breakoutOptics) {
            boolean rated = index.linksOf(d.id()).stream().anyMatch(l -> FabricRules.rateMatches(x, l));
            if (!rated) {
                continue;
            }
            for (State e : st) {
                boolean wideFits = e.end().portGbps() >= x.gbps() * (1 - FabricRules.EPS);
                if (x.kind().isAssembly() ? wideFits : e.end().packaging() == io.fabricplan.model.Packaging.PLUGGABLE
                        && FabricRules.endAccepts(x, e.end())) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean bilinear(int c) {
        return members.get(c).length > 1 && states.get(c).length > 1;
    }

    /** While a link joins two classes with several members and several states, splits the smaller one. */
    private void splitBilinearPairs() {
        for (Link l : index.instance().links()) {
            int a = classOf[deviceIndex.get(l.aDevice())];
            int b = classOf[deviceIndex.get(l.bDevice())];
            if (bilinear(a) && bilinear(b)) {
                split(members.get(a).length <= members.get(b).length ? a : b);
            }
        }
    }

    private void split(int c) {
        int[] m = members.get(c);
        members.set(c, new int[] {m[0]});
        classNames.set(c, devices.get(m[0]).id());
        for (int i = 1; i < m.length; i++) {
            classOf[m[i]] = members.size();
            members.add(new int[] {m[i]});
            states.add(states.get(c));
            classNames.add(devices.get(m[i]).id());
        }
    }

    /** Groups the Links rows by class pair, rate and length override; k cables join every member pair. */
    private void linkGroups() {
        List<Link> links = index.instance().links();
        groupOfLink = new int[links.size()];
        Map<GroupKey, Group> byKey = new HashMap<>();
        for (int li = 0; li < links.size(); li++) {
            Link l = links.get(li);
            int ca = classOf[deviceIndex.get(l.aDevice())];
            int cb = classOf[deviceIndex.get(l.bDevice())];
            GroupKey key = new GroupKey(Math.min(ca, cb), Math.max(ca, cb), l.gbps(),
                    l.lengthM() == null ? Double.NaN : l.lengthM());
            Group g = byKey.get(key);
            if (g == null) {
                g = new Group(groups.size(), key.a(), key.b(), l);
                byKey.put(key, g);
                groups.add(g);
            }
            g.rows.add(li);
            g.cables += l.count();
            groupOfLink[li] = g.id;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Group g : groups) {
            long pairs = (long) members.get(g.a).length * members.get(g.b).length;
            if (g.cables % pairs != 0) {
                throw new IllegalStateException("twin classes " + classNames.get(g.a) + " and "
                        + classNames.get(g.b) + " are not regular: " + g.cables + " cables over " + pairs + " pairs");
            }
            g.k = (int) (g.cables / pairs);
            String base = classNames.get(g.a) + "~" + classNames.get(g.b);
            int n = seen.merge(base, 1, Integer::sum);
            g.name = n == 1 ? base : base + "#" + n;
        }
    }

    // ---------------------------------------------------------------- variables and constraint families

    /** z[S,e] for every class with more than one state. */
    private void stateVariables() {
        z = new MipModel.Var[members.size()][];
        for (int c = 0; c < members.size(); c++) {
            State[] st = states.get(c);
            if (st.length == 1) {
                continue;
            }
            z[c] = new MipModel.Var[st.length];
            for (int e = 0; e < st.length; e++) {
                String rack = st[e].rack() == null ? "" : ",rack=" + st[e].rack().id();
                boolean placed = devices.get(members.get(c)[0]).isPlaced();
                z[c][e] = model.addInteger("z[class=" + classNames.get(c) + ",model=" + st[e].model().id()
                        + (placed ? rack : "") + "]", 0, members.get(c).length);
            }
        }
    }

    /** Every member of a class with a choice takes one state (no state at all leaves an infeasible row). */
    private void classCount() {
        for (int c = 0; c < members.size(); c++) {
            if (z[c] == null && states.get(c).length == 1) {
                continue;
            }
            MipModel.Expr sum = new MipModel.Expr();
            if (z[c] != null) {
                for (MipModel.Var v : z[c]) {
                    sum.add(v, 1);
                }
            }
            model.addEquality("classCount[class=" + classNames.get(c) + "]", sum, members.get(c).length);
            if (z[c] != null) {
                model.addStateGroup(classNames.get(c), List.of(z[c]), members.get(c).length);
            }
        }
    }

    /**
     * x[g,o,eA,eB] for the options (an optic at both ends, or two modules that pair) usable at each state pair
     * that no other usable option dominates.
     */
    private void linkVariables() {
        List<Optic> optics = index.instance().optics();
        for (Group g : groups) {
            State[] sa = states.get(g.a);
            State[] sb = states.get(g.b);
            g.options = new Opt[sa.length * sb.length][];
            g.byOptic = new Opt[sa.length * sb.length][];
            long ub = g.cables;
            List<Integer> rated = new ArrayList<>();
            for (int o = 0; o < optics.size(); o++) {
                if (FabricRules.rateMatches(optics.get(o), g.proto)) {
                    rated.add(o);
                }
            }
            List<Integer> ratedPairs = new ArrayList<>();
            for (int p = 0; p < pairs.size(); p++) {
                if (FabricRules.rateMatches(pairs.get(p).a(), g.proto) && FabricRules.rateMatches(pairs.get(p).b(),
                        g.proto)) {
                    ratedPairs.add(p);
                }
            }
            String deviceA = devices.get(members.get(g.a)[0]).id();
            String deviceB = devices.get(members.get(g.b)[0]).id();
            for (int ea = 0; ea < sa.length; ea++) {
                for (int eb = 0; eb < sb.length; eb++) {
                    int pair = ea * sb.length + eb;
                    State a = sa[ea];
                    State b = sb[eb];
                    double length = FabricRules.lengthM(g.proto, a.rack(), b.rack(), settings);
                    if (Double.isNaN(length) && overSpans(g.proto, a.rack(), b.rack())) {
                        interSiteOptions(g, pair, a, b, rated);
                        continue;
                    }
                    boolean sameRack = a.rack() != null && b.rack() != null && a.rack().id().equals(b.rack().id());
                    // {option, obj, dimA, dimB, cost, pA, pB, objMin, objMax, costMin, costMax, wide}
                    List<double[]> candidates = new ArrayList<>();
                    for (int o : ratedPairs) {
                        OpticPair p = pairs.get(o);
                        if (Double.isNaN(length)
                                || !FabricRules.usable(p, g.proto, length, a.end(), deviceA, b.end(), deviceB)) {
                            continue;
                        }
                        char wide = FabricRules.wideEnd(p.a(), a.end(), deviceA, b.end(), deviceB);
                        double cost = FabricRules.ownCostUsd(p, length, a.end(), b.end(), wide);
                        double pa = FabricFormulation.ownEndPowerWithoutCpo(p, true, g.proto, a.end());
                        double pb = FabricFormulation.ownEndPowerWithoutCpo(p, false, g.proto, b.end());
                        double obj = capexWeight * cost + powerWeight * (pa + pb);
                        double[] spread = marginalSpread(p, a, b, wide);
                        candidates.add(new double[] {o, obj, sameRack ? pa + pb : pa, sameRack ? 0 : pb, cost, pa, pb,
                                obj - capexWeight * spread[0],
                                Double.isInfinite(spread[1]) ? spread[1] : obj + capexWeight * spread[1],
                                cost - spread[0], cost + spread[1], wide});
                    }
                    candidates.sort((p, q) -> {
                        for (int i = 1; i <= 3; i++) {
                            int c = Double.compare(p[i], q[i]);
                            if (c != 0) {
                                return c;
                            }
                        }
                        return Double.compare(p[0], q[0]);
                    });
                    List<double[]> kept = new ArrayList<>();
                    List<Opt> keptOpts = new ArrayList<>();
                    Opt[] byOptic = new Opt[pairs.size()];
                    for (double[] cand : candidates) {
                        Opt dominator = null;
                        for (int i = 0; i < kept.size(); i++) {
                            double[] k = kept.get(i);
                            // k at its dearest unit against cand at its cheapest (equal without stock or limits)
                            if (k[8] <= cand[7] && k[2] <= cand[2] && k[3] <= cand[3]
                                    && (!budgeted || k[10] <= cand[9])) {
                                dominator = keptOpts.get(i);
                                break;
                            }
                        }
                        if (dominator == null) {
                            OpticPair p = pairs.get((int) cand[0]);
                            char wide = (char) cand[11];
                            MipModel.Var v = model.addInteger("x[group=" + g.name + ",optic=" + p.label() + ",a="
                                    + a.label() + ",b=" + b.label() + "]", 0, ub);
                            dominator = new Opt(v, p, cand[4], cand[5], cand[6]);
                            kept.add(cand);
                            keptOpts.add(dominator);
                            supply.opticUnits(p.a(), v, FabricFormulation.ownUnits(p, true, a.end()));
                            supply.opticUnits(p.b(), v, FabricFormulation.ownUnits(p, false, b.end()));
                            pool(p, true, g.a, a, wide, v, ub);
                            pool(p, false, g.b, b, wide, v, ub);
                        }
                        byOptic[(int) cand[0]] = dominator;
                    }
                    g.options[pair] = keptOpts.toArray(Opt[]::new);
                    g.byOptic[pair] = byOptic;
                }
            }
        }
    }

    /** Registers a kept option's pooled unit at one end, if it has one (the class is then a singleton). */
    private void pool(OpticPair p, boolean atA, int c, State e, char wide, MipModel.Var v, long max) {
        Optic unit = FabricRules.pooledUnit(p, atA, e.end(), wide);
        if (unit != null) {
            breakouts.links(devices.get(members.get(c)[0]).id(), e.label(), unit, e.end(), e.rack().id(),
                    e.model() == null ? List.of() : List.of(e.model()), v, 1, max);
        }
    }

    /**
     * How far a cable's capex may fall below and rise above its list-price cost when its units are sourced by the
     * supply rows: {below, above}. A unit from stock costs the re-cabling labour instead of its price, so the
     * item's cost is convex in the units used, with slopes between those two. Dominance compares an option at its
     * dearest marginal cost with another at its cheapest, which is sound for every plan. An optic with a
     * {@code max_buy} never dominates (more of it may not be bought): above = infinity. {0, 0} for unsourced ones.
     */
    private double[] marginalSpread(OpticPair p, State a, State b, char wide) {
        if (FabricRules.pooledUnit(p, true, a.end(), wide) != null
                || FabricRules.pooledUnit(p, false, b.end(), wide) != null) {
            // a pooled unit's cost rides on the module count: the option's own cost is its cheapest, and it may
            // cost a whole unit more, so it never stands in for another
            return new double[] {spread(p.a(), FabricFormulation.ownUnits(p, true, a.end()))[0]
                    + spread(p.b(), FabricFormulation.ownUnits(p, false, b.end()))[0], Double.POSITIVE_INFINITY};
        }
        double[] sa = spread(p.a(), FabricFormulation.ownUnits(p, true, a.end()));
        double[] sb = spread(p.b(), FabricFormulation.ownUnits(p, false, b.end()));
        return new double[] {sa[0] + sb[0], sa[1] + sb[1]};
    }

    private double[] spread(Optic optic, int units) {
        if (units == 0 || !supply.managed(optic)) {
            return new double[] {0, 0};
        }
        if (optic.maxBuy() != null) {
            double below = index.stock(optic.id()) > 0 ? units * Math.max(0, optic.costUsd() - settings.recableUsd())
                    : 0;
            return new double[] {below, Double.POSITIVE_INFINITY};
        }
        double saving = optic.costUsd() - settings.recableUsd();
        return new double[] {units * Math.max(0, saving), units * Math.max(0, -saving)};
    }

    /**
     * Installed switches. Members of a class may differ in what stands there today (the class is kept whole):
     * every state pays the list price, and per class and installed model X an integer
     * {@code kept[class,X] <= min(z[class,X], installed X members)} counts the members that keep X; each takes
     * back X's price and the swap labour that every installed member otherwise costs (a constant). The objective
     * keeps as many as it can, which is what the evaluator charges: a kept switch costs nothing, a replaced one
     * the new model and {@code switch_swap_usd}.
     */
    private void keptInstalled() {
        double swap = settings.switchSwapUsd();
        for (int c = 0; c < members.size(); c++) {
            Map<String, Kept> byModel = new LinkedHashMap<>();
            kept.add(byModel);
            State[] st = states.get(c);
            Map<String, Integer> installed = new LinkedHashMap<>();
            for (int i : members.get(c)) {
                String m = devices.get(i).installedModel();
                if (m != null && devices.get(i).isSwitch()) {
                    installed.merge(m, 1, Integer::sum);
                }
            }
            int total = installed.values().stream().mapToInt(Integer::intValue).sum();
            if (total == 0) {
                continue;
            }
            model.addObjectiveConstant(capexWeight * swap * total);
            model.addTotalsConstant(swap * total, 0);
            for (Map.Entry<String, Integer> entry : installed.entrySet()) {
                int state = -1;
                for (int e = 0; e < st.length; e++) {
                    if (st[e].model() != null && st[e].model().id().equals(entry.getKey())) {
                        state = e;
                    }
                }
                if (state < 0) {
                    continue; // the installed model is not a state here (another family, excluded): always replaced
                }
                SwitchModel m = st[state].model();
                double credit = m.costUsd() + swap;
                MipModel.Var v = null;
                if (z[c] == null) {
                    long keep = Math.min(entry.getValue(), members.get(c).length);
                    model.addObjectiveConstant(-capexWeight * credit * keep);
                    model.addTotalsConstant(-credit * keep, 0);
                } else {
                    v = model.addInteger("kept[class=" + classNames.get(c) + ",model=" + m.id() + "]", 0,
                            entry.getValue());
                    model.addLessOrEqual("keptInstalled[class=" + classNames.get(c) + ",model=" + m.id() + "]",
                            new MipModel.Expr().add(v, 1).add(z[c][state], -1), 0);
                    model.addObjective(v, -capexWeight * credit);
                    model.addTotals(v, -credit, 0);
                }
                byModel.put(m.id(), new Kept(m, entry.getValue(), state, v));
            }
        }
    }

    /** Stock and supply limits of optics and switch models ({@link SupplyRows}); kept switches are not bought. */
    private void supply() {
        for (int c = 0; c < members.size(); c++) {
            State[] st = states.get(c);
            for (int e = 0; e < st.length; e++) {
                SwitchModel m = st[e].model();
                if (m == null) {
                    continue;
                }
                Kept k = kept.get(c).get(m.id());
                if (z[c] == null) {
                    long keep = k == null ? 0 : Math.min(k.installed(), members.get(c).length);
                    supply.switchConstant(m, members.get(c).length - keep);
                } else {
                    supply.switchUnits(m, z[c][e], 1);
                    if (k != null && k.state() == e) {
                        supply.switchUnits(m, k.var(), -1);
                    }
                }
            }
        }
        supply.build();
    }

    /** Whether cables between the racks cross the spans: different sites, no length of their own. */
    private boolean overSpans(Link proto, Rack a, Rack b) {
        return proto.lengthM() == null && index.instance().hasSpans() && a != null && b != null
                && !a.siteId().equals(b.siteId());
    }

    /**
     * The options of a state pair whose cables cross the spans: every rated optic both ends accept that is
     * COHERENT (a DWDM channel) or reaches the shortest chain of spans (grey), as the media allow. None is
     * dominated by another: they differ in what they take from the spans. Each joins the demand of its site pair
     * and optic, which the {@link InterSiteLayer} routes.
     */
    private void interSiteOptions(Group g, int pair, State a, State b, List<Integer> rated) {
        List<Optic> optics = index.instance().optics();
        String siteA = a.rack().siteId();
        String siteB = b.rack().siteId();
        double shortestM = siteGraph.shortestKm(siteA, siteB) * 1000.0;
        List<Opt> kept = new ArrayList<>();
        Opt[] byOptic = new Opt[optics.size()];
        for (int o : rated) {
            Optic optic = optics.get(o);
            if (!FabricRules.endAccepts(optic, a.end()) || !FabricRules.endAccepts(optic, b.end())) {
                continue;
            }
            boolean dwdm = optic.kind() == OpticKind.COHERENT && optic.coherent() != null;
            boolean grey = optic.kind() != OpticKind.COHERENT && FabricRules.reaches(optic, shortestM);
            if (!(dwdm && interSiteMedia != InterSiteMedia.GREY || grey && interSiteMedia != InterSiteMedia.DWDM)) {
                continue;
            }
            double cost = FabricRules.linkCostUsd(optic, 0, a.end(), b.end());
            double pa = FabricFormulation.endPowerWithoutCpo(optic, g.proto, a.end().packaging());
            double pb = FabricFormulation.endPowerWithoutCpo(optic, g.proto, b.end().packaging());
            MipModel.Var v = model.addInteger("x[group=" + g.name + ",optic=" + optic.id() + ",a=" + a.label()
                    + ",b=" + b.label() + "]", 0, g.cables);
            Opt opt = new Opt(v, OpticPair.of(optic), cost, pa, pb);
            kept.add(opt);
            byOptic[o] = opt;
            supply.opticUnits(optic, v, FabricRules.unitsPerLink(optic, a.end(), b.end()));
            boolean ordered = siteA.compareTo(siteB) < 0;
            String key = (ordered ? siteA : siteB) + "|" + (ordered ? siteB : siteA) + "|" + optic.id();
            demandCables.computeIfAbsent(key, k -> new MipModel.Expr()).add(v, 1);
            demandMax.merge(key, g.cables, Long::sum);
            demandOf.putIfAbsent(key, new String[] {ordered ? siteA : siteB, ordered ? siteB : siteA});
        }
        g.options[pair] = kept.toArray(Opt[]::new);
        g.byOptic[pair] = java.util.Arrays.copyOf(byOptic, pairs.size());
    }

    /** Why some pair of sites cannot be crossed at all (the layer's findings); empty without a layer. */
    List<String> interSiteUnservable() {
        return interSite == null ? List.of() : interSite.unservable();
    }

    /** Site pairs only grey options can join (the layer's finding); empty without a layer. */
    java.util.Set<String> interSiteGreyOnly() {
        return interSite == null ? java.util.Set.of() : interSite.greyOnlyPairs();
    }

    /** The layer's notes on how it was built; empty without a layer. */
    List<String> interSiteNotes() {
        return interSite == null ? List.of() : interSite.notes();
    }

    /** Hands the cables between sites to the layer that routes them over the spans. */
    private void interSiteLayer(InterSiteLayer layer) {
        if (demandCables.isEmpty()) {
            return;
        }
        List<InterSiteLayer.Demand> demands = new ArrayList<>();
        demandCables.forEach((key, cables) -> demands.add(new InterSiteLayer.Demand(demandOf.get(key)[0],
                demandOf.get(key)[1], index.optic(key.substring(key.lastIndexOf('|') + 1)), cables,
                demandMax.get(key))));
        if (layer == null) {
            throw new UnsupportedInstanceException("links cross the spans between sites, and no inter-site layer "
                    + "is on the class path. Maybe add the io.fabricplan:dwdm-planner dependency?");
        }
        layerName = layer.name();
        interSite = layer.build(model, index.instance(), demands, capexWeight, powerWeight);
    }

    /**
     * Cables per state: for each state eA of A, the group's cables with an end in eA are k |B| per member of A in
     * eA; symmetrically for B. With both sides single-state this is the demand row.
     */
    private void linking() {
        for (Group g : groups) {
            State[] sa = states.get(g.a);
            State[] sb = states.get(g.b);
            int na = members.get(g.a).length;
            int nb = members.get(g.b).length;
            if (sa.length == 1 && sb.length == 1) {
                MipModel.Expr sum = new MipModel.Expr();
                for (Opt o : g.options[0]) {
                    sum.add(o.var(), 1);
                }
                model.addEquality("demand[group=" + g.name + "]", sum, g.cables);
                continue;
            }
            if (sa.length > 1) {
                for (int ea = 0; ea < sa.length; ea++) {
                    MipModel.Expr row = new MipModel.Expr();
                    for (int eb = 0; eb < sb.length; eb++) {
                        for (Opt o : g.options[ea * sb.length + eb]) {
                            row.add(o.var(), 1);
                        }
                    }
                    row.add(z[g.a][ea], -(double) g.k * nb);
                    model.addEquality("link[group=" + g.name + ",a=" + sa[ea].label() + "]", row, 0);
                }
            }
            if (sb.length > 1) {
                for (int eb = 0; eb < sb.length; eb++) {
                    MipModel.Expr row = new MipModel.Expr();
                    for (int ea = 0; ea < sa.length; ea++) {
                        for (Opt o : g.options[ea * sb.length + eb]) {
                            row.add(o.var(), 1);
                        }
                    }
                    row.add(z[g.b][eb], -(double) g.k * na);
                    model.addEquality("link[group=" + g.name + ",b=" + sb[eb].label() + "]", row, 0);
                }
            }
        }
    }

    /** Whole pooled units per singleton device and state ({@link BreakoutRows}). */
    private void breakoutModules() {
        breakouts.build();
    }

    /**
     * The ports whole pooled units take beyond their links' share fit what the links leave free in the state:
     * {@code sum (gbps x modules - linkGbps x links) / port_gbps <= (ports - load) z[d,e]}. A row that cannot bind
     * is left out.
     */
    private void breakoutPorts() {
        for (String deviceId : breakouts.devices()) {
            int i = deviceIndex.get(deviceId);
            Device d = devices.get(i);
            int c = classOf[i];
            State[] st = states.get(c);
            for (int e = 0; e < st.length; e++) {
                String label = st[e].label();
                List<BreakoutRows.Pool> pools = breakouts.poolsOf(deviceId).stream()
                        .filter(p -> p.state.equals(label)).toList();
                double portGbps = st[e].model() == null ? d.portGbps() : st[e].model().portGbps();
                int ports = st[e].model() == null ? d.ports() : st[e].model().ports();
                double slack = ports - FabricFormulation.portLoad(index, d, portGbps);
                MipModel.Expr row = new MipModel.Expr();
                double most = 0;
                for (BreakoutRows.Pool p : pools) {
                    most += BreakoutRows.idlePorts(p, portGbps, row);
                }
                if (pools.isEmpty() || most <= slack + io.fabricplan.check.PlanChecker.TOLERANCE) {
                    continue;
                }
                double rhs = slack + io.fabricplan.check.PlanChecker.TOLERANCE;
                if (z[c] != null) {
                    row.add(z[c][e], -rhs);
                    rhs = 0;
                }
                model.addLessOrEqual("breakoutPorts[device=" + deviceId + ",state=" + label + "]", row, rhs);
            }
        }
    }

    /** Switch power (base and CPO ports) and pluggable end power in a rack within what its budget leaves, in W. */
    private void rackPower() {
        Map<String, MipModel.Expr> rows = new LinkedHashMap<>();
        Map<String, Double> constants = new HashMap<>();
        for (int c = 0; c < members.size(); c++) {
            State[] st = states.get(c);
            for (int e = 0; e < st.length; e++) {
                String r = st[e].rack().id();
                MipModel.Expr row = rows.computeIfAbsent(r, k -> new MipModel.Expr());
                if (z[c] == null) {
                    constants.merge(r, members.get(c).length * st[e].powerW(), Double::sum);
                } else {
                    row.add(z[c][e], st[e].powerW());
                }
            }
        }
        for (Group g : groups) {
            State[] sa = states.get(g.a);
            State[] sb = states.get(g.b);
            for (int ea = 0; ea < sa.length; ea++) {
                for (int eb = 0; eb < sb.length; eb++) {
                    for (Opt o : g.options[ea * sb.length + eb]) {
                        rows.get(sa[ea].rack().id()).add(o.var(), o.powerAW());
                        rows.get(sb[eb].rack().id()).add(o.var(), o.powerBW());
                    }
                }
            }
        }
        breakouts.rackPower(rows);
        for (Rack r : index.instance().racks()) {
            MipModel.Expr row = rows.get(r.id());
            if (row != null && model.row("rackPower[rack=" + r.id() + "]") == null) {
                double available = (r.powerBudgetKw() - r.baseLoadKw()) * 1000.0 - constants.getOrDefault(r.id(), 0.0);
                model.addLessOrEqual("rackPower[rack=" + r.id() + "]", row, available);
            }
        }
    }

    /** The switches the optimiser places in a rack fit its free rack units. */
    private void rackSpace() {
        Map<String, MipModel.Expr> rows = new LinkedHashMap<>();
        Map<String, Double> constants = new HashMap<>();
        for (int c = 0; c < members.size(); c++) {
            if (!devices.get(members.get(c)[0]).isPlaced()) {
                continue;
            }
            State[] st = states.get(c);
            for (int e = 0; e < st.length; e++) {
                String r = st[e].rack().id();
                MipModel.Expr row = rows.computeIfAbsent(r, k -> new MipModel.Expr());
                if (z[c] == null) {
                    constants.merge(r, (double) members.get(c).length * st[e].model().heightU(), Double::sum);
                } else {
                    row.add(z[c][e], st[e].model().heightU());
                }
            }
        }
        for (Rack r : index.instance().racks()) {
            MipModel.Expr row = rows.get(r.id());
            if (row != null && model.row("rackSpace[rack=" + r.id() + "]") == null) {
                model.addLessOrEqual("rackSpace[rack=" + r.id() + "]", row,
                        r.freeU() - constants.getOrDefault(r.id(), 0.0));
            }
        }
    }

    /** a * capex + b * power; single-state classes are a constant. */
    private void objective() {
        for (int c = 0; c < members.size(); c++) {
            State[] st = states.get(c);
            for (int e = 0; e < st.length; e++) {
                double coef = capexWeight * st[e].costUsd() + powerWeight * st[e].powerW();
                if (z[c] == null) {
                    model.addObjectiveConstant(members.get(c).length * coef);
                    model.addTotalsConstant(members.get(c).length * st[e].costUsd(),
                            members.get(c).length * st[e].powerW());
                } else {
                    model.addObjective(z[c][e], coef);
                    model.addTotals(z[c][e], st[e].costUsd(), st[e].powerW());
                }
            }
        }
        for (Group g : groups) {
            for (Opt[] opts : g.options) {
                for (Opt o : opts) {
                    model.addObjective(o.var(),
                            capexWeight * o.unitCostUsd() + powerWeight * (o.powerAW() + o.powerBW()));
                    model.addTotals(o.var(), o.unitCostUsd(), o.powerAW() + o.powerBW());
                }
            }
        }
    }

    // ---------------------------------------------------------------- plans in and out

    /** The state index of every device under a plan, or null when the plan uses a state the model lacks. */
    private int[] statesOf(Plan plan) {
        int[] stateOf = new int[devices.size()];
        Map<String, DeviceAssignment> byDevice = new HashMap<>();
        plan.devices().forEach(a -> byDevice.putIfAbsent(a.deviceId(), a));
        for (int i = 0; i < devices.size(); i++) {
            Device d = devices.get(i);
            State[] st = states.get(classOf[i]);
            if (!d.isSwitch()) {
                stateOf[i] = 0;
                continue;
            }
            DeviceAssignment a = byDevice.get(d.id());
            String rack = a == null || a.rackId() == null ? d.rackId() : a.rackId();
            stateOf[i] = -1;
            for (int e = 0; e < st.length; e++) {
                if (a != null && st[e].model().id().equals(a.modelId()) && st[e].rack().id().equals(rack)) {
                    stateOf[i] = e;
                }
            }
            if (stateOf[i] < 0) {
                return null;
            }
        }
        return stateOf;
    }

    @Override
    public boolean hint(Plan plan) {
        model.clearHint();
        int[] stateOf = statesOf(plan);
        if (stateOf == null) {
            return false;
        }
        double[] values = new double[model.numVariables()];
        for (int i = 0; i < devices.size(); i++) {
            if (z[classOf[i]] != null) {
                values[z[classOf[i]][stateOf[i]].index()] += 1;
                Device d = devices.get(i);
                State s = states.get(classOf[i])[stateOf[i]];
                Kept k = d.installedModel() == null ? null : kept.get(classOf[i]).get(d.installedModel());
                if (k != null && k.var() != null && s.model() != null && s.model().id().equals(d.installedModel())) {
                    values[k.var().index()] += 1;
                }
            }
        }
        for (LinkAssignment a : plan.links()) {
            Link l = index.link(a.linkId());
            if (l == null) {
                return false;
            }
            int ia = deviceIndex.get(l.aDevice());
            int ib = deviceIndex.get(l.bDevice());
            Group g = groups.get(groupOfLink[linkPosition(l)]);
            boolean reversed = classOf[ia] != g.a;
            Integer o = pairIndex.get(reversed ? a.bEndOpticId() + "|" + a.opticId()
                    : a.opticId() + "|" + a.bEndOpticId());
            if (o == null) {
                return false;
            }
            int ea = stateOf[reversed ? ib : ia];
            int eb = stateOf[reversed ? ia : ib];
            Opt opt = g.byOptic[ea * states.get(g.b).length + eb][o];
            if (opt == null) {
                return false;
            }
            values[opt.var().index()] += a.count();
        }
        if (interSite != null && !interSite.hint(plan, values)) {
            return false; // a hint with the layer's variables at zero would break its rows: none is better
        }
        breakouts.hint(values);
        supply.hint(values);
        for (MipModel.Var v : model.variables()) {
            model.hint(v, values[v.index()]);
        }
        return true;
    }

    private Map<String, Integer> linkPositions;

    private int linkPosition(Link l) {
        if (linkPositions == null) {
            linkPositions = new HashMap<>();
            List<Link> links = index.instance().links();
            for (int i = 0; i < links.size(); i++) {
                linkPositions.putIfAbsent(links.get(i).id(), i);
            }
        }
        return linkPositions.get(l.id());
    }

    /**
     * The plan a solution stands for: members of a class take states in order (the first z[S,e1] members e1,
     * ...); then each Links row takes its cables from the option pool of its group at its ends' states.
     */
    @Override
    public Plan decode(double[] values) {
        return decode(values, Double.POSITIVE_INFINITY);
    }

    @Override
    public double decodeReserveSeconds() {
        return interSite == null ? 0 : interSite.decodeReserveSeconds();
    }

    @Override
    public Plan decode(double[] values, double secondsLeft) {
        int[] stateOf = new int[devices.size()];
        for (int c = 0; c < members.size(); c++) {
            if (z[c] == null) {
                continue;
            }
            int[] m = members.get(c);
            int best = 0;
            for (int e = 1; e < z[c].length; e++) {
                if (values[z[c][e].index()] > values[z[c][best].index()]) {
                    best = e;
                }
            }
            long[] left = new long[z[c].length];
            for (int e = 0; e < left.length; e++) {
                left[e] = Math.round(values[z[c][e].index()]);
            }
            boolean[] placed = new boolean[m.length];
            // installed members first into the state of their model, as many as it takes (the kept ones)
            for (int j = 0; j < m.length; j++) {
                Kept k = devices.get(m[j]).installedModel() == null ? null
                        : kept.get(c).get(devices.get(m[j]).installedModel());
                if (k != null && left[k.state()] > 0) {
                    stateOf[m[j]] = k.state();
                    left[k.state()]--;
                    placed[j] = true;
                }
            }
            int e = 0;
            for (int j = 0; j < m.length; j++) {
                if (placed[j]) {
                    continue;
                }
                while (e < left.length && left[e] == 0) {
                    e++;
                }
                if (e < left.length) {
                    stateOf[m[j]] = e;
                    left[e]--;
                } else {
                    stateOf[m[j]] = best; // round-off only
                }
            }
        }
        List<DeviceAssignment> assignments = new ArrayList<>(devices.size());
        for (int i = 0; i < devices.size(); i++) {
            Device d = devices.get(i);
            State s = states.get(classOf[i]).length == 0 ? null : states.get(classOf[i])[stateOf[i]];
            assignments.add(new DeviceAssignment(d.id(), s == null || s.model() == null ? null : s.model().id(),
                    s == null ? d.rackId() : s.rack().id()));
        }
        long[][][] pools = new long[groups.size()][][];
        for (Group g : groups) {
            pools[g.id] = new long[g.options.length][];
            for (int p = 0; p < g.options.length; p++) {
                pools[g.id][p] = new long[g.options[p].length];
                for (int j = 0; j < g.options[p].length; j++) {
                    pools[g.id][p][j] = Math.round(values[g.options[p][j].var().index()]);
                }
            }
        }
        List<Link> links = index.instance().links();
        List<LinkAssignment> out = new ArrayList<>(links.size());
        for (int li = 0; li < links.size(); li++) {
            Link l = links.get(li);
            Group g = groups.get(groupOfLink[li]);
            int ia = deviceIndex.get(l.aDevice());
            int ib = deviceIndex.get(l.bDevice());
            boolean reversed = classOf[ia] != g.a;
            int pair = stateOf[reversed ? ib : ia] * states.get(g.b).length + stateOf[reversed ? ia : ib];
            State ea = states.get(classOf[ia])[stateOf[ia]];
            State eb = states.get(classOf[ib])[stateOf[ib]];
            long need = l.count();
            Opt[] opts = g.options[pair];
            long[] pool = pools[g.id][pair];
            for (int j = 0; j < opts.length && need > 0; j++) {
                long take = Math.min(need, pool[j]);
                if (take > 0) {
                    OpticPair p = reversed ? opts[j].pair().reversed() : opts[j].pair();
                    out.add(new LinkAssignment(l.id(), p.a().id(), ea.end().packaging(), eb.end().packaging(),
                            (int) take, p.b().id()));
                    pool[j] -= take;
                    need -= take;
                }
            }
            if (need > 0) {
                throw new IllegalStateException("the solution leaves " + need + " cables of link " + l.id()
                        + " unserved in group " + g.name);
            }
        }
        Plan plan = new Plan(assignments, out);
        return interSite == null ? plan : plan.withDwdm(interSite.decode(values, plan, secondsLeft));
    }
}
