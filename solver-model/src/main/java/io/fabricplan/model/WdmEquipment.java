package io.fabricplan.model;

import java.util.Objects;

/**
 * A DWDM line equipment item of the catalog (sheet {@code WdmEquipment}).
 *
 * <p>A MUX item is one MUX/DEMUX pair, i.e. what terminates one end of one DWDM fiber pair (both directions);
 * an AMPLIFIER item amplifies both directions of one fiber pair. Each is priced and powered per item.
 *
 * @param id              item id
 * @param kind            MUX or AMPLIFIER
 * @param channels        MUX: channels it multiplexes; amplifiers: 0 (not used)
 * @param spacingGhz      MUX: its fixed grid spacing; amplifiers: 0 (not used)
 * @param insertionLossDb MUX: insertion loss of the MUX (and of the DEMUX) in dB
 * @param gainDb          AMPLIFIER: the most gain it gives, dB
 * @param noiseFigureDb   AMPLIFIER: noise figure, dB
 * @param powerW          power per item
 * @param costUsd         price per item
 * @param source          where the figures come from
 */
public record WdmEquipment(String id, WdmKind kind, int channels, double spacingGhz, double insertionLossDb,
                           double gainDb, double noiseFigureDb, double powerW, double costUsd, String source) {
    public WdmEquipment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        source = source == null ? "" : source;
    }

    public static WdmEquipment mux(String id, int channels, double spacingGhz, double insertionLossDb,
                                   double powerW, double costUsd, String source) {
        return new WdmEquipment(id, WdmKind.MUX, channels, spacingGhz, insertionLossDb, 0, 0, powerW, costUsd,
                source);
    }

    public static WdmEquipment amplifier(String id, double gainDb, double noiseFigureDb, double powerW,
                                         double costUsd, String source) {
        return new WdmEquipment(id, WdmKind.AMPLIFIER, 0, 0, 0, gainDb, noiseFigureDb, powerW, costUsd, source);
    }
}
