package io.fabricplan.dwdm.layer;

import io.fabricplan.dwdm.budget.OpticalBudget;
import io.fabricplan.model.CoherentSpec;
import io.fabricplan.model.Instance;
import io.fabricplan.model.OpticalRules;
import io.fabricplan.model.Span;
import io.fabricplan.model.WdmEquipment;
import io.fabricplan.model.WdmKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The line systems each span may get ({@link LineSystem}: MUX item, amplifier item and count), and which
 * combinations of them along a route a coherent optic's budget accepts: OSNR of at least required + margin in both
 * directions, every section within its amplifier's gain, the receiver within its unamplified budget
 * ({@link OpticalRules}, the checker's own arithmetic). Shared by the model and the rule of thumb. Not
 * thread-safe (it keeps the last enumeration's figures).
 */
final class LineSystemCombinations {
    /**
     * Most full line-system combinations evaluated per route and optic (after pruning); an enumeration that stops
     * there keeps the combinations found so far and says so in the solve's notes.
     */
    static final int MAX_COMBINATIONS = 50_000;

    private final OpticalBudget budget;
    private final Map<Span, List<LineSystem>> systems;

    LineSystemCombinations(Instance instance, OpticalBudget budget) {
        this.budget = budget;
        this.systems = lineSystems(instance, budget);
    }

    /** The line systems per span, in Spans order. */
    Map<Span, List<LineSystem>> systems() {
        return systems;
    }

    /** Routes (with the optic's spacing) whose enumeration stopped at {@link #MAX_COMBINATIONS}. */
    List<String> truncated() {
        return truncated;
    }

    /**
     * The line systems every span may get, in Spans order: every MUX item alone, and with each amplifier item at
     * the fewest amplifiers whose equal sections fit its gain and at the fewest that fit it with a DEMUX + MUX in
     * front (an intermediate site's pass-through).
     */
    static Map<Span, List<LineSystem>> lineSystems(Instance instance, OpticalBudget budget) {
        Map<Span, List<LineSystem>> out = new LinkedHashMap<>();
        List<WdmEquipment> muxes = instance.wdmEquipment().stream().filter(e -> e.kind() == WdmKind.MUX).toList();
        List<WdmEquipment> amps = instance.wdmEquipment().stream().filter(e -> e.kind() == WdmKind.AMPLIFIER)
                .toList();
        for (Span s : instance.spans()) {
            List<LineSystem> list = new ArrayList<>();
            for (WdmEquipment mux : muxes) {
                int ch = budget.channelsPerFiberPair(mux);
                if (ch < 1) {
                    continue;
                }
                list.add(new LineSystem(mux, null, 0, ch));
                for (WdmEquipment amp : amps) {
                    TreeSet<Integer> counts = new TreeSet<>();
                    for (double front : new double[] {mux.insertionLossDb(), 2 * mux.insertionLossDb()}) {
                        int k = fewestAmplifiers(s.lossDb(), front, amp.gainDb());
                        if (k > 0) {
                            counts.add(k);
                        }
                    }
                    for (int k : counts) {
                        list.add(new LineSystem(mux, amp, k, ch));
                    }
                }
            }
            out.put(s, list);
        }
        return out;
    }

    /** Fewest equal sections of the span whose first (with {@code frontDb} in front) fits the gain; 0: none. */
    static int fewestAmplifiers(double spanLossDb, double frontDb, double gainDb) {
        if (gainDb <= frontDb) {
            return 0;
        }
        int k = Math.max(1, (int) Math.ceil(spanLossDb / (gainDb - frontDb) - 1e-12));
        return k > 64 ? 0 : k;
    }

    /**
     * The combinations of line systems along the route (one MUX spacing throughout, wide enough for the optic)
     * whose budget the optic meets in both directions: OSNR of at least required + margin, every section within
     * its amplifier's gain, the receiver within the unamplified budget.
     */
    List<LineSystem[]> feasibleCombinations(CoherentSpec spec, Route r) {
        bestOsnr = Double.NEGATIVE_INFINITY;
        List<LineSystem[]> out = new ArrayList<>();
        TreeSet<Double> spacings = new TreeSet<>();
        for (LineSystem y : systems.getOrDefault(r.spans().get(0), List.of())) {
            if (OpticalBudget.fits(spec, y.mux())) {
                spacings.add(y.mux().spacingGhz());
            }
        }
        leaves = 0;
        for (double spacing : spacings) {
            List<List<LineSystem>> per = new ArrayList<>();
            for (Span s : r.spans()) {
                per.add(systems.get(s).stream().filter(y -> y.mux().spacingGhz() == spacing).toList());
            }
            if (per.stream().noneMatch(List::isEmpty)) {
                extend(spec, r, per, new LineSystem[per.size()], 0, 0, 0, 0, out);
            }
        }
        if (leaves >= MAX_COMBINATIONS) {
            truncated.add(spec.spacingGhz() + " GHz optic over " + r.label());
        }
        return out;
    }

    /** Combinations evaluated in full by the current {@link #feasibleCombinations} call. */
    private int leaves;
    /** Routes whose enumeration stopped at {@link #MAX_COMBINATIONS}. */
    private final List<String> truncated = new ArrayList<>();

    /**
     * Depth-first over the spans' line systems, walking the signal forward as {@link OpticalRules#budget} does:
     * a section that closes (at an amplifier) within the prefix is the same whatever follows, so a prefix whose
     * closed sections already exceed their gain or hold more noise than the required OSNR allows is cut off. Full
     * combinations are then checked both ways by {@link OpticalRules#worseDirection}, as the checker does.
     *
     * @param carried   loss since the last amplifier (or the transmitter)
     * @param demux     DEMUX loss of the previous hop
     * @param noise     closed sections' noise, linear ({@code sum 10^(-OSNR/10)})
     */
    private void extend(CoherentSpec spec, Route r, List<List<LineSystem>> per, LineSystem[] t, int k,
                        double carried, double demux, double noise, List<LineSystem[]> out) {
        if (leaves >= MAX_COMBINATIONS) {
            return;
        }
        if (k == t.length) {
            leaves++;
            LineSystem[] full = t.clone();
            OpticalRules.Budget b = budgetOf(spec, r, full);
            if (lossesFit(spec, b)) {
                bestOsnr = Math.max(bestOsnr, b.osnrDb());
                if (b.osnrDb() >= budget.requiredOsnrDb(spec)) {
                    out.add(full);
                }
            }
            return;
        }
        double limit = Math.pow(10, -budget.requiredOsnrDb(spec) / 10.0);
        double spanLoss = r.spans().get(k).lossDb();
        for (LineSystem y : per.get(k)) {
            double c = carried + (k == 0 ? 0 : demux) + y.mux().insertionLossDb();
            double n = noise;
            boolean fits = true;
            if (y.amplifiers() > 0) {
                double each = spanLoss / y.amplifiers();
                for (int i = 0; i < y.amplifiers(); i++) {
                    double loss = each + (i == 0 ? c : 0);
                    fits &= loss <= y.amplifier().gainDb();
                    n += Math.pow(10, -OpticalRules.sectionOsnrDb(spec.txPowerDbm(), loss,
                            y.amplifier().noiseFigureDb()) / 10.0);
                }
                c = 0;
            } else {
                c += spanLoss;
            }
            if (!fits || n > limit) {
                // no completion does better: the closed sections stay; report the bound for the diagnostics
                bestOsnr = Math.max(bestOsnr, fits ? -10 * Math.log10(n) : Double.NEGATIVE_INFINITY);
                continue;
            }
            t[k] = y;
            extend(spec, r, per, t, k + 1, c, y.mux().insertionLossDb(), n, out);
        }
    }

    /**
     * Most OSNR the last {@link #feasibleCombinations} call saw among combinations whose losses fit, or an upper
     * bound of it where a prefix was cut off.
     */
    private double bestOsnr;

    double bestOsnrDb(CoherentSpec spec, Route r) {
        feasibleCombinations(spec, r);
        return bestOsnr;
    }

    static OpticalRules.Budget budgetOf(CoherentSpec spec, Route r, LineSystem[] t) {
        List<OpticalRules.Hop> hops = new ArrayList<>();
        for (int k = 0; k < t.length; k++) {
            LineSystem y = t[k];
            boolean amplified = y.amplifiers() > 0;
            hops.add(new OpticalRules.Hop(r.spans().get(k).lossDb(), y.amplifiers(),
                    amplified ? y.amplifier().gainDb() : Double.POSITIVE_INFINITY,
                    amplified ? y.amplifier().noiseFigureDb() : Double.NEGATIVE_INFINITY,
                    y.mux().insertionLossDb(), y.mux().insertionLossDb()));
        }
        return OpticalRules.worseDirection(spec.txPowerDbm(), hops);
    }

    /** Every section within its amplifier's gain, the receiver within the unamplified budget. */
    static boolean lossesFit(CoherentSpec spec, OpticalRules.Budget b) {
        return b.gainShortfallDb() <= 0 && b.receiverLossDb() <= spec.maxUnamplifiedLossDb();
    }
}
