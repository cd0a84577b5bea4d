package io.fabricplan.dwdm.sndlib;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import io.fabricplan.dwdm.sndlib.SndlibModel.Commodity;
import io.fabricplan.dwdm.sndlib.SndlibModel.Cover;
import io.fabricplan.dwdm.sndlib.SndlibVariant.CapacityModel;
import io.fabricplan.dwdm.sndlib.SndlibVariant.LinkModel;
import io.fabricplan.formulations.MipBackends;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Primal heuristic for arc-flow models with continuous routing: slope scaling, then capacity descent, both on a
 * multi-commodity flow LP (GLOP) over the model's commodities.
 *
 * <p><b>Slope scaling.</b> Each link gets a linear price per unit of capacity; the LP routes all commodities at
 * least price (plus routing cost) without capacity limits; every link is then given the cheapest configuration
 * covering its load ({@link SndlibModel#cover}), and the price becomes the cost of that configuration divided
 * by the load. Repeated, the prices pull the flow onto fewer, fuller links. The cheapest plan seen is kept.
 *
 * <p><b>Capacity descent.</b> From that plan, each link in turn (largest saving first) is offered a cheaper
 * configuration (one module less, a smaller explicit module, or none); the LP re-routes every commodity within
 * the other links' capacities or beyond them at the slope-scaling prices, and the move stays when the plan of
 * that routing is cheaper. Passes repeat until none saves or the time is up.
 */
final class SndlibLpHeuristic {
    /** A plan: capacity per link, flow per commodity and arc, and its cost. */
    record Plan(double[] capacity, double[][] flow, double cost) {
    }

    private final SndlibModel m;
    private final int arcs;
    private final MPSolver lp;
    private final MPVariable[][] x;
    private final MPVariable[] cap;
    private final MPVariable[] extra;

    private SndlibLpHeuristic(SndlibModel m) {
        this.m = m;
        this.arcs = 2 * m.linksN;
        MipBackends.loadNatives();
        this.lp = MPSolver.createSolver("GLOP");
        this.x = new MPVariable[m.commodities.size()][];
        this.cap = new MPVariable[m.linksN];
        this.extra = new MPVariable[m.linksN];
        build();
    }

    /** Applicable to arc-flow models with continuous flows only. */
    static boolean applies(SndlibModel m) {
        if (m.variant.routing() != SndlibVariant.RoutingModel.CONTINUOUS) {
            return false;
        }
        for (int k = 0; k < m.commodities.size(); k++) {
            if (m.arcVars.get(k) == null) {
                return false;
            }
        }
        return !m.commodities.isEmpty();
    }

    /** Runs both phases within {@code seconds}; null when the LP finds no routing. */
    static Plan run(SndlibModel m, double seconds) {
        return run(m, seconds, null);
    }

    /**
     * Runs both phases within {@code seconds}, the descent also from the plan of {@code start} (flows per
     * commodity and arc, e.g. the greedy routing) when given; the cheapest result, null when there is none.
     */
    static Plan run(SndlibModel m, double seconds, double[][] start) {
        SndlibLpHeuristic h = new SndlibLpHeuristic(m);
        try {
            long now = System.nanoTime();
            long deadline = now + (long) (seconds * 1e9);
            Plan best = h.slopeScaling(deadline);
            if (best != null) {
                best = h.descend(best, start == null ? deadline : now + (deadline - now) / 2);
            }
            Plan other = start == null ? null : h.plan(start);
            if (other != null && h.slope != null) {
                other = h.descend(other, deadline);
                if (best == null || other.cost() < best.cost()) {
                    best = other;
                }
            }
            return best;
        } finally {
            h.lp.delete();
        }
    }

    private void build() {
        for (int e = 0; e < m.linksN; e++) {
            cap[e] = lp.makeNumVar(0, MPSolver.infinity(), "c_" + e);
            extra[e] = lp.makeNumVar(0, 0, "x_" + e);
        }
        List<MPConstraint[]> rows = new ArrayList<>();
        for (int e = 0; e < m.linksN; e++) {
            double pre = 0;
            LinkModel lm = m.variant.link();
            MPConstraint[] r = new MPConstraint[lm == LinkModel.BIDIRECTED ? 2 : 1];
            for (int i = 0; i < r.length; i++) {
                r[i] = lp.makeConstraint(-MPSolver.infinity(), pre, "cap_" + e + "_" + i);
                r[i].setCoefficient(cap[e], -1);
                r[i].setCoefficient(extra[e], -1);
            }
            rows.add(r);
        }
        for (int k = 0; k < m.commodities.size(); k++) {
            Commodity cc = m.commodities.get(k);
            x[k] = new MPVariable[arcs];
            for (int a = 0; a < arcs; a++) {
                if (m.arcVars.get(k)[a] != null) {
                    x[k][a] = lp.makeNumVar(0, MPSolver.infinity(), "x_" + k + "_" + a);
                    int e = a / 2;
                    MPConstraint[] r = rows.get(e);
                    r[m.variant.link() == LinkModel.BIDIRECTED ? a % 2 : 0].setCoefficient(x[k][a], 1);
                }
            }
            for (int v = 0; v < m.nodesN; v++) {
                double rhs = cc.supply()[v];
                MPConstraint balance = lp.makeConstraint(rhs, rhs, "b_" + k + "_" + v);
                for (int a = 0; a < arcs; a++) {
                    if (x[k][a] == null) {
                        continue;
                    }
                    if (m.tail(a) == v) {
                        balance.setCoefficient(x[k][a], 1);
                    }
                    if (m.head(a) == v) {
                        balance.setCoefficient(x[k][a], -1);
                    }
                }
            }
        }
    }

    /** Solves with prices for capacity up to the limits (none: unlimited); false when not optimal. */
    private boolean solve(double[] price, double[] capacityLimit) {
        return solve(price, capacityLimit, null, -1);
    }

    /**
     * Solves with prices for capacity up to the limits (none: unlimited) and, with {@code extraPrice}, capacity
     * beyond the limits at those prices except on link {@code fixed}; false when not optimal.
     */
    private boolean solve(double[] price, double[] capacityLimit, double[] extraPrice, int fixed) {
        MPObjective obj = lp.objective();
        for (int e = 0; e < m.linksN; e++) {
            obj.setCoefficient(cap[e], price[e]);
            double most = maxCapacity(e);
            double limit = capacityLimit == null ? most : Math.min(most, capacityLimit[e]);
            cap[e].setUb(limit == Double.POSITIVE_INFINITY ? MPSolver.infinity() : limit);
            obj.setCoefficient(extra[e], extraPrice == null ? 0 : extraPrice[e]);
            extra[e].setUb(extraPrice == null || e == fixed ? 0
                    : most == Double.POSITIVE_INFINITY ? MPSolver.infinity() : Math.max(0, most - limit));
            double rc = m.net.links().get(e).routingCost();
            for (int k = 0; k < x.length; k++) {
                for (int a = 2 * e; a <= 2 * e + 1; a++) {
                    if (x[k][a] != null) {
                        // routing cost on the sum of the flows: an upper bound of the MAX convention
                        obj.setCoefficient(x[k][a], rc + 1e-7);
                    }
                }
            }
        }
        obj.setMinimization();
        MPSolver.ResultStatus st = lp.solve();
        return st == MPSolver.ResultStatus.OPTIMAL;
    }

    private double[][] flows() {
        double[][] f = new double[x.length][arcs];
        for (int k = 0; k < x.length; k++) {
            for (int a = 0; a < arcs; a++) {
                if (x[k][a] != null) {
                    f[k][a] = Math.max(0, x[k][a].solutionValue());
                }
            }
            for (int a = 0; a < arcs; a += 2) {
                double both = Math.min(f[k][a], f[k][a + 1]);
                f[k][a] -= both;
                f[k][a + 1] -= both;
            }
        }
        return f;
    }

    /** Link loads (what the capacity must cover) of flows. */
    private double[] loads(double[][] f) {
        double[] arcLoad = new double[arcs];
        for (double[] fk : f) {
            for (int a = 0; a < arcs; a++) {
                arcLoad[a] += fk[a];
            }
        }
        double[] load = new double[m.linksN];
        for (int e = 0; e < m.linksN; e++) {
            load[e] = m.requiredLoad(arcLoad[2 * e], arcLoad[2 * e + 1]);
        }
        return load;
    }

    /** The plan of flows with the cheapest cover of every link; null when some load cannot be covered. */
    private Plan plan(double[][] f) {
        double[] load = loads(f);
        double[] capacity = new double[m.linksN];
        double cost = 0;
        for (int e = 0; e < m.linksN; e++) {
            Cover cv = m.cover(e, load[e] - 1e-7);
            if (cv == null) {
                return null;
            }
            capacity[e] = capacityOf(e, cv.counts());
            cost += cv.cost();
        }
        return new Plan(capacity, f, cost + routingCost(f));
    }

    /** The most capacity link e can have: pre-installed plus its largest module when EXPLICIT, else none. */
    double maxCapacity(int e) {
        if (m.variant.capacity() != CapacityModel.EXPLICIT) {
            return Double.POSITIVE_INFINITY;
        }
        double most = 0;
        for (int i = 0; i < m.modules[e].length; i++) {
            most = Math.max(most, m.moduleCapacity(e, i));
        }
        return m.net.links().get(e).preCapacity() + most;
    }

    double capacityOf(int e, double[] counts) {
        double c = m.net.links().get(e).preCapacity();
        for (int i = 0; i < counts.length; i++) {
            c += counts[i] * m.moduleCapacity(e, i);
        }
        return c;
    }

    private double routingCost(double[][] f) {
        double cost = 0;
        for (int e = 0; e < m.linksN; e++) {
            double rc = m.net.links().get(e).routingCost();
            if (rc == 0) {
                continue;
            }
            double fw = 0;
            double bw = 0;
            for (double[] fk : f) {
                fw += fk[2 * e];
                bw += fk[2 * e + 1];
            }
            cost += rc * (m.variant.link() == LinkModel.BIDIRECTED && m.options.routingCostMax()
                    ? Math.max(fw, bw) : fw + bw);
        }
        return cost;
    }

    /** Per link, the price per unit of capacity at the end of slope scaling. */
    private double[] slope;

    private Plan slopeScaling(long deadline) {
        double[] price = new double[m.linksN];
        slope = price;
        for (int e = 0; e < m.linksN; e++) {
            price[e] = Double.POSITIVE_INFINITY;
            for (int i = 0; i < m.modules[e].length; i++) {
                price[e] = Math.min(price[e], m.net.links().get(e).modules().get(i).cost() / m.moduleCapacity(e, i));
            }
            if (price[e] == Double.POSITIVE_INFINITY) {
                price[e] = 0;
            }
        }
        Plan best = null;
        int stall = 0;
        for (int it = 0; it < 60 && stall < 12 && System.nanoTime() < deadline; it++) {
            if (!solve(price, null)) {
                return best;
            }
            double[][] f = flows();
            Plan p = plan(f);
            if (p == null) {
                return best;
            }
            if (best == null || p.cost() < best.cost() - 1e-9) {
                best = p;
                stall = 0;
            } else {
                stall++;
            }
            double[] load = loads(f);
            for (int e = 0; e < m.linksN; e++) {
                if (load[e] > 1e-9) {
                    Cover cv = m.cover(e, load[e] - 1e-7);
                    price[e] = cv.cost() / load[e];
                }
            }
        }
        return best;
    }

    /** Cheaper configurations of link e than its capacity in the plan, as capacities, cheapest first. */
    private List<double[]> cheaper(int e, double capacity) {
        SndlibNetwork.Link l = m.net.links().get(e);
        double now = m.cover(e, capacity - 1e-7).cost();
        List<double[]> out = new ArrayList<>();
        List<Double> candidates = new ArrayList<>();
        candidates.add(l.preCapacity());
        for (int i = 0; i < m.modules[e].length; i++) {
            double c = m.moduleCapacity(e, i);
            if (m.variant.capacity() == CapacityModel.EXPLICIT) {
                candidates.add(l.preCapacity() + c);
            } else {
                candidates.add(capacity - c);
            }
        }
        for (double c : candidates) {
            if (c < capacity - 1e-9 && c >= l.preCapacity() - 1e-9) {
                Cover cv = m.cover(e, c - 1e-7);
                if (cv != null && cv.cost() < now - 1e-9) {
                    out.add(new double[] {capacityOf(e, cv.counts()), now - cv.cost()});
                }
            }
        }
        out.sort(Comparator.comparingDouble((double[] d) -> -d[1]));
        return out;
    }

    /**
     * Capacity descent. A move lowers link e to a cheaper configuration; the LP then routes everything within
     * the other links' capacities, or beyond them at the slope-scaling prices (the plan buys covers for that),
     * and the move stays when the plan is cheaper.
     */
    private Plan descend(Plan start, long deadline) {
        Plan best = start;
        double[] zero = new double[m.linksN];
        boolean improved = true;
        while (improved && System.nanoTime() < deadline) {
            improved = false;
            List<double[]> moves = new ArrayList<>();
            for (int e = 0; e < m.linksN; e++) {
                for (double[] c : cheaper(e, best.capacity()[e])) {
                    moves.add(new double[] {e, c[0], c[1]});
                }
            }
            moves.sort(Comparator.comparingDouble((double[] d) -> -d[2]));
            boolean[] tried = new boolean[m.linksN];
            for (double[] mv : moves) {
                int e = (int) mv[0];
                if (System.nanoTime() >= deadline) {
                    break;
                }
                if (tried[e] || mv[1] >= best.capacity()[e] - 1e-9) {
                    continue;
                }
                double[] capacity = best.capacity().clone();
                capacity[e] = mv[1];
                if (solve(zero, capacity, slope, e)) {
                    Plan p = plan(flows());
                    if (p != null && p.cost() < best.cost() - 1e-9) {
                        best = p;
                        improved = true;
                        tried[e] = true;
                    }
                }
            }
        }
        return best;
    }
}
