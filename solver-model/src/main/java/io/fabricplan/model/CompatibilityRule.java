package io.fabricplan.model;

import java.util.Objects;

/**
 * A row of the {@code Compatibility} sheet: whether an optic is qualified on a platform, and what coding it
 * costs there.
 *
 * @param opticId   the optic
 * @param platform  a switch model id, a switch family, or a device's {@code platform} (e.g. a NIC, {@code CX7})
 * @param allowed   YES (qualified) or NO (refused)
 * @param codingUsd per module at an end of that platform, for (third-party) coding; 0 when blank
 */
public record CompatibilityRule(String opticId, String platform, boolean allowed, double codingUsd) {
    public CompatibilityRule {
        Objects.requireNonNull(opticId, "opticId");
        Objects.requireNonNull(platform, "platform");
    }
}
