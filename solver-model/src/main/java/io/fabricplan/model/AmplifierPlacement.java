package io.fabricplan.model;

import java.util.Objects;

/**
 * Line amplifiers on one fiber pair of a span: {@code count} amplifiers of {@code itemId} split the pair into
 * {@code count} sections of equal loss, each ending in an amplifier (the last one a pre-amplifier at the far end).
 * Each amplifier serves both directions; BOM, capex and power count {@code count} items.
 *
 * @param spanId    span id
 * @param fiberPair 0-based fiber pair
 * @param itemId    an AMPLIFIER item of WdmEquipment
 * @param count     amplifiers along the pair, at least 1
 */
public record AmplifierPlacement(String spanId, int fiberPair, String itemId, int count) {
    public AmplifierPlacement {
        Objects.requireNonNull(spanId, "spanId");
        Objects.requireNonNull(itemId, "itemId");
    }
}
