package io.fabricplan.check;

/**
 * One broken rule of a plan.
 *
 * @param kind    which rule
 * @param subject the id the rule is about (link, device, rack ...)
 * @param message what is wrong, with the figures
 */
public record Violation(Kind kind, String subject, String message) {

    /** The rules the checker verifies. */
    public enum Kind {
        UNKNOWN_DEVICE,
        DUPLICATE_DEVICE_ASSIGNMENT,
        MISSING_MODEL,
        WRONG_FAMILY,
        PACKAGING_NOT_ALLOWED,
        WRONG_RACK,
        RACK_SPACE_EXCEEDED,
        UNKNOWN_LINK,
        UNKNOWN_OPTIC,
        BAD_COUNT,
        LINK_COUNT_MISMATCH,
        END_PACKAGING_MISMATCH,
        RATE_MISMATCH,
        REACH_EXCEEDED,
        END_INCOMPATIBLE,
        PORTS_EXCEEDED,
        RACK_POWER_EXCEEDED,
        REPORTED_TOTAL_MISMATCH
    }

    @Override
    public String toString() {
        return kind + " " + subject + ": " + message;
    }
}
