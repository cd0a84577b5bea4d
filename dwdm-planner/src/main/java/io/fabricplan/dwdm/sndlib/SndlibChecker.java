package io.fabricplan.dwdm.sndlib;

import io.fabricplan.dwdm.sndlib.SndlibVariant.CapacityModel;
import io.fabricplan.dwdm.sndlib.SndlibVariant.LinkModel;
import io.fabricplan.dwdm.sndlib.SndlibVariant.RoutingModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies an {@link SndlibResult} against the network and variant from first principles, without the MIP: module
 * rules, capacity of every link per the link model, flow conservation of every commodity (built from its demands),
 * each demand routed exactly once, integer and single-path rules, admissible paths, and the recomputed SNDlib
 * objective.
 */
public final class SndlibChecker {

    /** The violations found (empty when the solution is valid) and the recomputed objective. */
    public record Report(List<String> violations, double objective) {
        public boolean ok() {
            return violations.isEmpty();
        }
    }

    private SndlibChecker() {
    }

    public static Report check(SndlibNetwork net, SndlibVariant v, SndlibResult result, boolean routingCostMax) {
        return check(net, v, result.modules(), result.flows(), result.objective(), routingCostMax);
    }

    public static Report check(SndlibNetwork net, SndlibVariant v, double[][] modules,
                               List<SndlibResult.CommodityFlow> flows, double reportedObjective,
                               boolean routingCostMax) {
        List<String> bad = new ArrayList<>();
        int links = net.links().size();
        Map<String, Integer> ni = net.nodeIndex();
        double volumeTol = 1e-5 * Math.max(1, net.totalVolume());
        if (modules == null || flows == null || modules.length != links) {
            bad.add("no solution or module counts for the wrong number of links");
            return new Report(bad, Double.NaN);
        }
        double[] fwd = new double[links];
        double[] bwd = new double[links];
        Map<String, Integer> routed = new HashMap<>();
        for (SndlibResult.CommodityFlow c : flows) {
            double[] supply = new double[net.nodes().size()];
            for (String id : c.demandIds()) {
                SndlibNetwork.Demand d = demand(net, id);
                if (d == null) {
                    bad.add("commodity " + c.name() + " routes unknown demand " + id);
                    continue;
                }
                routed.merge(id, 1, Integer::sum);
                double vol = volume(v, d);
                supply[ni.get(d.source())] += vol;
                supply[ni.get(d.target())] -= vol;
            }
            double[] f = c.arcFlow();
            double[] balance = new double[net.nodes().size()];
            for (int a = 0; a < 2 * links; a++) {
                if (f[a] < -volumeTol) {
                    bad.add("commodity " + c.name() + " has negative flow " + f[a] + " on link "
                            + net.links().get(a / 2).id());
                }
                if (a % 2 == 1 && v.link() == LinkModel.DIRECTED && f[a] > volumeTol) {
                    bad.add("commodity " + c.name() + " uses DIRECTED link " + net.links().get(a / 2).id()
                            + " against its direction");
                }
                SndlibNetwork.Link l = net.links().get(a / 2);
                int tail = ni.get(a % 2 == 0 ? l.source() : l.target());
                int head = ni.get(a % 2 == 0 ? l.target() : l.source());
                balance[tail] += f[a];
                balance[head] -= f[a];
            }
            for (int n = 0; n < balance.length; n++) {
                if (Math.abs(balance[n] - supply[n]) > volumeTol) {
                    bad.add("commodity " + c.name() + " violates flow conservation at node " + net.nodes().get(n)
                            + ": net outflow " + balance[n] + ", expected " + supply[n]);
                }
            }
            for (int e = 0; e < links; e++) {
                fwd[e] += f[2 * e];
                bwd[e] += f[2 * e + 1];
            }
            routingRules(net, v, c, bad);
        }
        for (SndlibNetwork.Demand d : net.demands()) {
            int times = routed.getOrDefault(d.id(), 0);
            if (d.volume() > 0 && times != 1) {
                bad.add("demand " + d.id() + " is routed " + times + " times, not once");
            }
        }
        double objective = 0;
        for (int e = 0; e < links; e++) {
            SndlibNetwork.Link l = net.links().get(e);
            double cap = l.preCapacity();
            int types = 0;
            double count = 0;
            if (modules[e].length != l.modules().size()) {
                bad.add("link " + l.id() + " has " + modules[e].length + " module counts for "
                        + l.modules().size() + " modules");
                continue;
            }
            for (int m = 0; m < modules[e].length; m++) {
                double n = modules[e][m];
                if (n < -1e-9 || (v.capacity() != CapacityModel.LINEAR && Math.abs(n - Math.rint(n)) > 1e-6)) {
                    bad.add("link " + l.id() + " has module count " + n + " (must be a non-negative integer)");
                }
                if (n > 1e-9) {
                    types++;
                    count += n;
                    cap += Double.isInfinite(l.modules().get(m).capacity()) ? Double.POSITIVE_INFINITY
                            : n * l.modules().get(m).capacity();
                }
                objective += n * l.modules().get(m).cost();
            }
            if (v.capacity() == CapacityModel.EXPLICIT && count > 1 + 1e-9) {
                bad.add("link " + l.id() + " has " + count + " modules; EXPLICIT capacities allow at most one");
            }
            if (v.capacity() == CapacityModel.SINGLE_MODULAR && types > 1) {
                bad.add("link " + l.id() + " mixes " + types + " module types; SINGLE_MODULAR allows one");
            }
            double need = switch (v.link()) {
                case UNDIRECTED -> fwd[e] + bwd[e];
                case BIDIRECTED -> Math.max(fwd[e], bwd[e]);
                case DIRECTED -> fwd[e];
            };
            if (need > cap + 1e-6 * Math.max(1, cap) + volumeTol * 1e-2) {
                bad.add("link " + l.id() + " carries " + need + " but has capacity " + cap + " ("
                        + v.link() + " link model)");
            }
            objective += l.preCost();
            double rc = l.routingCost();
            objective += rc * switch (v.link()) {
                case UNDIRECTED -> fwd[e] + bwd[e];
                case BIDIRECTED -> routingCostMax ? Math.max(fwd[e], bwd[e]) : fwd[e] + bwd[e];
                case DIRECTED -> fwd[e];
            };
            if (v.fixedCharge() && (types > 0 || l.preCapacity() > 0 || need > volumeTol)) {
                objective += l.setupCost();
            }
        }
        if (!Double.isNaN(reportedObjective)
                && Math.abs(objective - reportedObjective) > 1e-6 * Math.max(1, Math.abs(objective))) {
            bad.add("reported objective " + reportedObjective + " differs from the recomputed " + objective);
        }
        return new Report(bad, objective);
    }

    private static void routingRules(SndlibNetwork net, SndlibVariant v, SndlibResult.CommodityFlow c,
                                     List<String> bad) {
        double[] f = c.arcFlow();
        int links = net.links().size();
        if (v.routing() != RoutingModel.CONTINUOUS && c.demandIds().size() != 1) {
            bad.add("commodity " + c.name() + " mixes demands under " + v.routing() + " routing");
            return;
        }
        if (v.paths() == SndlibVariant.PathModel.EXPLICIT_LIST) {
            for (String id : c.demandIds()) {
                Set<String> allowed = new HashSet<>();
                for (SndlibNetwork.Path p : net.paths().getOrDefault(id, List.of())) {
                    allowed.addAll(p.links());
                }
                for (int a = 0; a < 2 * links; a++) {
                    if (f[a] > 1e-6 && !allowed.contains(net.links().get(a / 2).id())) {
                        bad.add("demand " + id + " uses link " + net.links().get(a / 2).id()
                                + " which is on none of its admissible paths");
                    }
                }
            }
        }
        if (v.routing() == RoutingModel.CONTINUOUS) {
            return;
        }
        SndlibNetwork.Demand d = demand(net, c.demandIds().get(0));
        if (d == null) {
            return;
        }
        double vol = volume(v, d);
        if (v.routing() == RoutingModel.INTEGER) {
            for (int a = 0; a < 2 * links; a++) {
                double units = f[a] / d.routingUnit();
                if (Math.abs(units - Math.rint(units)) > 1e-6) {
                    bad.add("demand " + d.id() + " routes " + f[a] + " on link " + net.links().get(a / 2).id()
                            + ", not a multiple of its routing unit " + d.routingUnit());
                }
            }
            return;
        }
        Map<String, Integer> ni = net.nodeIndex();
        int used = 0;
        int[] next = new int[net.nodes().size()];
        java.util.Arrays.fill(next, -1);
        for (int a = 0; a < 2 * links; a++) {
            if (f[a] > 1e-6) {
                if (Math.abs(f[a] - vol) > 1e-6 * Math.max(1, vol)) {
                    bad.add("single-path demand " + d.id() + " splits: " + f[a] + " of " + vol + " on link "
                            + net.links().get(a / 2).id());
                    return;
                }
                SndlibNetwork.Link l = net.links().get(a / 2);
                int tail = ni.get(a % 2 == 0 ? l.source() : l.target());
                if (next[tail] >= 0) {
                    bad.add("single-path demand " + d.id() + " leaves node " + net.nodes().get(tail) + " twice");
                    return;
                }
                next[tail] = a;
                used++;
            }
        }
        int at = ni.get(d.source());
        int steps = 0;
        while (at != ni.get(d.target()) && next[at] >= 0 && steps <= used) {
            SndlibNetwork.Link l = net.links().get(next[at] / 2);
            at = ni.get(next[at] % 2 == 0 ? l.target() : l.source());
            steps++;
        }
        if (at != ni.get(d.target()) || steps != used) {
            bad.add("single-path demand " + d.id() + " is not routed on one simple path");
        }
    }

    private static double volume(SndlibVariant v, SndlibNetwork.Demand d) {
        return v.routing() == RoutingModel.INTEGER ? d.routingUnit() * Math.ceil(d.value() - 1e-9) : d.volume();
    }

    private static SndlibNetwork.Demand demand(SndlibNetwork net, String id) {
        for (SndlibNetwork.Demand d : net.demands()) {
            if (d.id().equals(id)) {
                return d;
            }
        }
        return null;
    }
}
