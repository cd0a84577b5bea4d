package io.fabricplan.model;

import java.util.Objects;

/**
 * A fiber cable between two sites: {@code fiberPairs} pairs of single-mode fiber (one fiber per direction).
 * A fiber pair carries either one grey (non-DWDM) cable or one DWDM system of many channels.
 *
 * @param id              span id
 * @param aSite           one end
 * @param bSite           other end
 * @param lengthKm        route length of the cable
 * @param lossDbPerKm     fiber attenuation, default {@link #DEFAULT_LOSS_DB_PER_KM}
 * @param connectorLossDb connectors and splices of the whole span, default {@link #DEFAULT_CONNECTOR_LOSS_DB}
 * @param fiberPairs      fiber pairs available to the plan
 */
public record Span(String id, String aSite, String bSite, double lengthKm, double lossDbPerKm,
                   double connectorLossDb, int fiberPairs) {
    /** Net2Plan's default, the top of the reference's 0.2-0.25 dB/km. */
    public static final double DEFAULT_LOSS_DB_PER_KM = 0.25;
    /** Two connectors at about 0.5 dB each (reference README section 4). */
    public static final double DEFAULT_CONNECTOR_LOSS_DB = 1.0;

    public Span {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(aSite, "aSite");
        Objects.requireNonNull(bSite, "bSite");
    }

    /** A span with the default attenuation and connector loss. */
    public Span(String id, String aSite, String bSite, double lengthKm, int fiberPairs) {
        this(id, aSite, bSite, lengthKm, DEFAULT_LOSS_DB_PER_KM, DEFAULT_CONNECTOR_LOSS_DB, fiberPairs);
    }

    /** End-to-end loss: {@code length_km x loss_db_per_km + connector_loss_db}. */
    public double lossDb() {
        return lengthKm * lossDbPerKm + connectorLossDb;
    }

    public double lengthM() {
        return lengthKm * 1000.0;
    }

    /** Whether the span has the site at one end. */
    public boolean touches(String siteId) {
        return aSite.equals(siteId) || bSite.equals(siteId);
    }

    /** The end across from {@code siteId}, or null when the span does not touch it. */
    public String other(String siteId) {
        return aSite.equals(siteId) ? bSite : bSite.equals(siteId) ? aSite : null;
    }
}
