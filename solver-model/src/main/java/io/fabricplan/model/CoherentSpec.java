package io.fabricplan.model;

/**
 * What a COHERENT (DWDM) optic needs from the line: its channel width, the OSNR it needs and the power it
 * launches. Optional columns of the Optics sheet.
 *
 * @param baudGbd              symbol rate, GBd (information; the channel width is {@code spacingGhz})
 * @param spacingGhz           the grid slot it takes; must not exceed the spacing of the MUX it goes through
 * @param requiredOsnrDb       back-to-back OSNR it needs (0.1 nm), before the system margin
 *                             ({@link Settings#osnrMarginDb()} is added by the checker)
 * @param txPowerDbm           launch power per channel, dBm; every amplifier restores each channel to it
 * @param maxUnamplifiedLossDb most loss from the transmitter (or the last amplifier) to the receiver,
 *                             MUX and DEMUX included; by default {@code tx_power_dbm - }
 *                             {@link #DEFAULT_RX_SENSITIVITY_DBM}, i.e. 11 dB for a -10 dBm 400ZR, the
 *                             reference's "~11 dB unamplified loss budget"
 */
public record CoherentSpec(double baudGbd, double spacingGhz, double requiredOsnrDb, double txPowerDbm,
                           double maxUnamplifiedLossDb) {
    /** Launch power when the Optics sheet gives none: the OIF 400ZR Tx minimum. */
    public static final double DEFAULT_TX_POWER_DBM = -10.0;
    /** Implied receiver sensitivity that gives 400ZR its ~11 dB unamplified budget (reference README 1). */
    public static final double DEFAULT_RX_SENSITIVITY_DBM = -21.0;

    /** A spec whose unamplified loss budget is derived from the launch power. */
    public CoherentSpec(double baudGbd, double spacingGhz, double requiredOsnrDb, double txPowerDbm) {
        this(baudGbd, spacingGhz, requiredOsnrDb, txPowerDbm, derivedMaxUnamplifiedLossDb(txPowerDbm));
    }

    public static double derivedMaxUnamplifiedLossDb(double txPowerDbm) {
        return txPowerDbm - DEFAULT_RX_SENSITIVITY_DBM;
    }
}
