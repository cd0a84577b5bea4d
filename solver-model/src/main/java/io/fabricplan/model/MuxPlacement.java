package io.fabricplan.model;

import java.util.Objects;

/**
 * One MUX/DEMUX pair (one MUX item) terminating a DWDM fiber pair of a span at one of its sites. A DWDM fiber
 * pair has two: one at the span's a-site, one at its b-site.
 *
 * @param siteId    where it stands: one end of the span
 * @param spanId    span id
 * @param fiberPair 0-based fiber pair
 * @param itemId    a MUX item of WdmEquipment
 */
public record MuxPlacement(String siteId, String spanId, int fiberPair, String itemId) {
    public MuxPlacement {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(spanId, "spanId");
        Objects.requireNonNull(itemId, "itemId");
    }
}
