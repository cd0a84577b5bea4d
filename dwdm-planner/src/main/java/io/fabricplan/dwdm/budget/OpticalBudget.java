package io.fabricplan.dwdm.budget;

import io.fabricplan.model.CoherentSpec;
import io.fabricplan.model.OpticalRules;
import io.fabricplan.model.Settings;
import io.fabricplan.model.Span;
import io.fabricplan.model.WdmEquipment;
import io.fabricplan.model.WdmKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The optical budget as the DWDM planner uses it: the checker's rules ({@link OpticalRules}, in solver-model, so
 * that the plan checker needs no planner code) applied to candidate routes before a plan exists. For a route of
 * spans, one MUX item and one amplifier item it chooses the fewest amplifiers per span that keep every section
 * within the amplifier's gain and the receiver within the optic's unamplified budget, and says whether the OSNR
 * meets the required OSNR plus the settings' margin. What it accepts, {@code PlanChecker} accepts.
 */
public final class OpticalBudget {
    private final Settings settings;

    public OpticalBudget(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The OSNR a lightpath of this optic must reach: required plus {@code osnr_margin_db}. */
    public double requiredOsnrDb(CoherentSpec spec) {
        return spec.requiredOsnrDb() + settings.osnrMarginDb();
    }

    /** Channels a fiber pair with this MUX carries: its ports, at most the grid's channels at its spacing. */
    public int channelsPerFiberPair(WdmEquipment mux) {
        requireKind(mux, WdmKind.MUX);
        return OpticalRules.channelsPerFiberPair(settings, mux);
    }

    /** Whether the optic's channel fits the MUX's grid slot. */
    public static boolean fits(CoherentSpec spec, WdmEquipment mux) {
        return spec.spacingGhz() <= mux.spacingGhz() + 1e-9;
    }

    /**
     * The longest chain of identical amplified sections that still meets the required OSNR plus margin (the
     * reference's {@code 58 + P - loss - NF - 10 log10(N)} solved for N); 0 when even one section falls short.
     */
    public int maxIdenticalSections(CoherentSpec spec, double sectionLossDb, double noiseFigureDb) {
        double single = OpticalRules.sectionOsnrDb(spec.txPowerDbm(), sectionLossDb, noiseFigureDb);
        double headroom = single - requiredOsnrDb(spec);
        return headroom < 0 ? 0 : (int) Math.floor(Math.pow(10, headroom / 10.0) + 1e-9);
    }

    /**
     * What a route gives.
     *
     * @param amplifiersPerSpan amplifiers chosen on each span, in route order
     * @param budget            the worse direction's OSNR and losses
     * @param requiredOsnrDb    required plus margin
     * @param feasible          OSNR, gains and the receiver's loss all within limits
     */
    public record Assessment(List<Integer> amplifiersPerSpan, OpticalRules.Budget budget, double requiredOsnrDb,
                             boolean feasible) {
        public Assessment {
            amplifiersPerSpan = List.copyOf(amplifiersPerSpan);
        }

        public double marginDb() {
            return budget.osnrDb() - requiredOsnrDb;
        }

        public int amplifiers() {
            return amplifiersPerSpan.stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The budget of a route with the given amplifiers per span (MUX and DEMUX of the same item everywhere). */
    public OpticalRules.Budget evaluate(CoherentSpec spec, List<Span> route, WdmEquipment mux,
                                        WdmEquipment amplifier, List<Integer> amplifiersPerSpan) {
        requireKind(mux, WdmKind.MUX);
        List<OpticalRules.Hop> hops = new ArrayList<>();
        for (int k = 0; k < route.size(); k++) {
            int n = amplifiersPerSpan.get(k);
            hops.add(new OpticalRules.Hop(route.get(k).lossDb(), n, n == 0 ? 0 : amplifier.gainDb(),
                    n == 0 ? 0 : amplifier.noiseFigureDb(), mux.insertionLossDb(), mux.insertionLossDb()));
        }
        return OpticalRules.worseDirection(spec.txPowerDbm(), hops);
    }

    /**
     * The fewest amplifiers for a route (spans in order from the a-site): none when the whole route fits the
     * optic's unamplified budget; otherwise on every span enough amplifiers that each section, the MUX and
     * pass-through DEMUX+MUX losses included, stays within the amplifier's gain.
     */
    public Assessment assess(CoherentSpec spec, List<Span> route, WdmEquipment mux, WdmEquipment amplifier) {
        requireKind(amplifier, WdmKind.AMPLIFIER);
        double required = requiredOsnrDb(spec);
        List<Integer> none = route.stream().map(s -> 0).toList();
        OpticalRules.Budget unamplified = evaluate(spec, route, mux, amplifier, none);
        if (unamplified.receiverLossDb() <= spec.maxUnamplifiedLossDb() + 1e-9) {
            return new Assessment(none, unamplified, required, true);
        }
        List<Integer> counts = new ArrayList<>();
        for (int k = 0; k < route.size(); k++) {
            // The first section of a span also carries the MUX (and at a pass-through site the DEMUX before it).
            double entry = mux.insertionLossDb() * (k == 0 ? 1 : 2);
            double loss = route.get(k).lossDb();
            int n = 1;
            while (loss / n + entry > amplifier.gainDb() + 1e-9 && n < 1000) {
                n++;
            }
            counts.add(n);
        }
        OpticalRules.Budget b = evaluate(spec, route, mux, amplifier, counts);
        boolean ok = b.osnrDb() >= required - 1e-9 && b.gainShortfallDb() <= 1e-9
                && b.receiverLossDb() <= spec.maxUnamplifiedLossDb() + 1e-9;
        return new Assessment(counts, b, required, ok);
    }

    private static void requireKind(WdmEquipment item, WdmKind kind) {
        if (item == null || item.kind() != kind) {
            throw new IllegalArgumentException("expected a " + kind + " item, got " + item);
        }
    }
}
