package io.fabricplan.model;

import java.util.Objects;

/**
 * {@code count} links of link {@code linkId} served by option {@code opticId}, with the given end packagings.
 * A link of count 8 may be split over several assignments.
 *
 * @param opticId  the module at the link's a end (or the cable assembly)
 * @param bOpticId the module at the b end when it differs from the a end's (a twin-port module facing a
 *                 single-port one, see {@code Optics.pairs_with}); null when both ends carry {@code opticId}
 */
public record LinkAssignment(String linkId, String opticId, Packaging aEnd, Packaging bEnd, int count,
                             String bOpticId) {
    public LinkAssignment {
        Objects.requireNonNull(linkId, "linkId");
        Objects.requireNonNull(opticId, "opticId");
        Objects.requireNonNull(aEnd, "aEnd");
        Objects.requireNonNull(bEnd, "bEnd");
        bOpticId = bOpticId == null || bOpticId.isBlank() || bOpticId.equals(opticId) ? null : bOpticId;
    }

    /** Links with the same optic at both ends. */
    public LinkAssignment(String linkId, String opticId, Packaging aEnd, Packaging bEnd, int count) {
        this(linkId, opticId, aEnd, bEnd, count, null);
    }

    /** The module at the b end: {@code bOpticId}, or {@code opticId} when both ends carry the same. */
    public String bEndOpticId() {
        return bOpticId == null ? opticId : bOpticId;
    }
}
