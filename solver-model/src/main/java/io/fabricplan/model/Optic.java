package io.fabricplan.model;

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
 */
public record Optic(String id, OpticKind kind, double gbps, double reachM, String pmd, Media media, double powerW,
                    double costUsd, double fiberUsdPerM, boolean lpo, String source, CoherentSpec coherent,
                    Integer maxBuy) {
    public Optic {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        pmd = pmd == null || pmd.isBlank() ? null : pmd;
        source = source == null ? "" : source;
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
                maxBuy);
    }

    /** The same optic with a supply limit (null: none). */
    public Optic withMaxBuy(Integer value) {
        return new Optic(id, kind, gbps, reachM, pmd, media, powerW, costUsd, fiberUsdPerM, lpo, source, coherent,
                value);
    }
}
