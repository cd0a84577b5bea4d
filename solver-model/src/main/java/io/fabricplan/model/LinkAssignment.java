package io.fabricplan.model;

import java.util.Objects;

/**
 * {@code count} links of link {@code linkId} served by option {@code opticId}, with the given end packagings.
 * A link of count 8 may be split over several assignments.
 */
public record LinkAssignment(String linkId, String opticId, Packaging aEnd, Packaging bEnd, int count) {
    public LinkAssignment {
        Objects.requireNonNull(linkId, "linkId");
        Objects.requireNonNull(opticId, "opticId");
        Objects.requireNonNull(aEnd, "aEnd");
        Objects.requireNonNull(bEnd, "bEnd");
    }
}
