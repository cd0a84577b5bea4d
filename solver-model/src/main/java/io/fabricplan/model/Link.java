package io.fabricplan.model;

import java.util.Objects;

/**
 * {@code count} identical parallel links between two devices.
 *
 * @param id       link id
 * @param aDevice  one end
 * @param bDevice  other end
 * @param count    number of identical parallel links
 * @param gbps     rate of each link
 * @param lengthM  length override in metres, or null to derive it from the racks
 */
public record Link(String id, String aDevice, String bDevice, int count, double gbps, Double lengthM) {
    public Link {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(aDevice, "aDevice");
        Objects.requireNonNull(bDevice, "bDevice");
    }
}
