package io.fabricplan.model;

import java.util.List;
import java.util.Objects;

/**
 * An interconnect option of the catalog.
 *
 * @param id           optic id
 * @param kind         DAC, ACC, AEC, AOC, TRANSCEIVER or COHERENT
 * @param gbps         rate
 * @param reachM       longest link it serves
 * @param pmd          physical medium dependent (SR, DR, FR, LR, ZR ...), null for copper
 * @param media        COPPER, MMF or SMF
 * @param powerW       modules: per module (per link end); assemblies: per assembly
 * @param costUsd      same basis as power
 * @param fiberUsdPerM modules: fiber cost per metre of link
 * @param lpo          a linear pluggable, needing LPO-capable hosts at every pluggable end
 * @param source       where the figures come from
 * @param coherent     COHERENT (DWDM) optics: channel width, required OSNR and launch power; null otherwise or
 *                     when the Optics sheet gives none
 * @param maxBuy       units that may be bought (modules, or assemblies), null for no limit
 * @param breakout     links one unit serves at a device: 1 for an ordinary module or cable; k &gt; 1 for a
 *                     twin-port or breakout module (k links of {@code gbps / k} on one port of {@code gbps}) or a
 *                     breakout cable (one wide end of {@code gbps}, k narrow ends); see {@link FabricRules}. Kept as
 *                     given, so that the validator names a value below 1 rather than it turning into 1 unseen
 * @param pairsWith    ids of the modules this module may face at the far end of a link besides itself (the
 *                     relation is symmetric: either side naming the other suffices); empty for none
 */
public record Optic(String id, OpticKind kind, double gbps, double reachM, String pmd, Media media, double powerW,
                    double costUsd, double fiberUsdPerM, boolean lpo, String source, CoherentSpec coherent,
                    Integer maxBuy, int breakout, List<String> pairsWith) {
    public Optic {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        pmd = pmd == null || pmd.isBlank() ? null : pmd;
        source = source == null ? "" : source;
        pairsWith = pairsWith == null ? List.of() : List.copyOf(pairsWith);
    }

    /** An optic without breakout or pairings. */
    public Optic(String id, OpticKind kind, double gbps, double reachM, String pmd, Media media, double powerW,
                 double costUsd, double fiberUsdPerM, boolean lpo, String source, CoherentSpec coherent,
                 Integer maxBuy) {
        this(id, kind, gbps, reachM, pmd, media, powerW, costUsd, fiberUsdPerM, lpo, source, coherent, maxBuy, 1,
                List.of());
    }

    /** An optic without a supply limit. */
    public Optic(String id, OpticKind kind, double gbps, double reachM, String pmd, Media media, double powerW,
                 double costUsd, double fiberUsdPerM, boolean lpo, String source, CoherentSpec coherent) {
        this(id, kind, gbps, reachM, pmd, media, powerW, costUsd, fiberUsdPerM, lpo, source, coherent, null);
    }

    /** An optic without DWDM data. */
    public Optic(String id, OpticKind kind, double gbps, double reachM, String pmd, Media media, double powerW,
                 double costUsd, double fiberUsdPerM, boolean lpo, String source) {
        this(id, kind, gbps, reachM, pmd, media, powerW, costUsd, fiberUsdPerM, lpo, source, null);
    }

    public Optic withCoherent(CoherentSpec value) {
        return new Optic(id, kind, gbps, reachM, pmd, media, powerW, costUsd, fiberUsdPerM, lpo, source, value,
                maxBuy, breakout, pairsWith);
    }

    /** The same optic with a supply limit (null: none). */
    public Optic withMaxBuy(Integer value) {
        return new Optic(id, kind, gbps, reachM, pmd, media, powerW, costUsd, fiberUsdPerM, lpo, source, coherent,
                value, breakout, pairsWith);
    }

    /** The same optic with a breakout factor and the far-end modules it may face. */
    public Optic withBreakout(int value, List<String> pairs) {
        return new Optic(id, kind, gbps, reachM, pmd, media, powerW, costUsd, fiberUsdPerM, lpo, source, coherent,
                maxBuy, value, pairs);
    }

    /** The rate of each link one unit serves: {@code gbps / breakout}. */
    public double linkGbps() {
        return gbps / breakout;
    }

    /** Whether one unit serves several links at a device (twin-port module, breakout cable). */
    public boolean isBreakout() {
        return breakout > 1;
    }
}
