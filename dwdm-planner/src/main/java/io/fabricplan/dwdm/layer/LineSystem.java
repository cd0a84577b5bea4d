package io.fabricplan.dwdm.layer;

import io.fabricplan.model.WdmEquipment;

/**
 * What every DWDM fiber pair of one span is fitted with: a MUX/DEMUX item at each end and {@code amplifiers}
 * amplifiers of one item splitting the pair into equal sections (none: unamplified).
 *
 * @param mux        MUX item at both ends
 * @param amplifier  amplifier item, or null
 * @param amplifiers how many along the pair (0 without an item)
 * @param channels   channels a pair carries: {@code 0..channels-1} of the MUX's grid
 */
record LineSystem(WdmEquipment mux, WdmEquipment amplifier, int amplifiers, int channels) {

    /** {@code awg32-150+2xedfa-high} */
    String label() {
        return mux.id() + (amplifiers == 0 ? "" : "+" + amplifiers + "x" + amplifier.id());
    }

    /** Price of equipping one fiber pair: two MUX items and the amplifiers. */
    double costUsd() {
        return 2 * mux.costUsd() + (amplifiers == 0 ? 0 : amplifiers * amplifier.costUsd());
    }

    /** Power of equipping one fiber pair. */
    double powerW() {
        return 2 * mux.powerW() + (amplifiers == 0 ? 0 : amplifiers * amplifier.powerW());
    }
}
