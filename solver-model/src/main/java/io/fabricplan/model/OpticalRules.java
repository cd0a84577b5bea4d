package io.fabricplan.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The optical layer's rules as the checker reads them: the channel grid, the ASE-limited OSNR of a lightpath and
 * its loss budget. Pure arithmetic (figures of the reference README, section 4), shared by the checker, the
 * evaluator and the DWDM planner ({@code io.fabricplan.dwdm.budget.OpticalBudget} builds on it).
 *
 * <h2>Channel grid</h2>
 * Channel {@code n} (0-based) is at {@code grid_start_thz + n x spacing_ghz / 1000}, where the spacing is the
 * MUX's. The default start 191.3 THz is the low edge of the C band, so the grid counts up through the band
 * ({@code floor((196.1 - 191.3) / spacing)} channels: 96 at 50 GHz, 64 at 75, 48 at 100, 32 at 150). The ITU
 * grid instead numbers channels {@code n} from the anchor 193.1 THz ({@code 193.1 + n x spacing}, n negative
 * below it); 191.3 THz is 1.8 THz below the anchor, so our channel {@code c} is ITU channel
 * {@code c - 1800 / spacing_ghz} ({@code c - 18} at 100 GHz, {@code c - 36} at 50 GHz, {@code c - 24} at 75,
 * {@code c - 12} at 150): with the default start every one of these grids lies on the ITU (flex) grid.
 *
 * <h2>OSNR (0.1 nm reference bandwidth, ASE-limited)</h2>
 * A lightpath is cut into amplified sections: the loss from the transmitter (or an amplifier) to the next
 * amplifier. Every amplifier restores each channel to the launch power {@code P_ch} (the optic's
 * {@code tx_power_dbm}). Section i contributes {@code OSNR_i = 58 + P_ch - loss_i - NF_i} (dB) and they combine in
 * linear units, {@code 1/OSNR = sum 1/OSNR_i}; for N identical sections this is the reference's
 * {@code 58 + P_ch - loss - NF - 10 log10(N)}. The loss of a section includes the MUX at the transmitter and the
 * DEMUX + MUX of an intermediate site it passes; the loss after the last amplifier (the final DEMUX and any
 * unamplified spans) lowers the received power only, and with no amplifier at all OSNR does not limit.
 *
 * <h2>Loss budget</h2>
 * The loss from the last amplifier (or the transmitter) to the receiver must not exceed the optic's
 * {@link CoherentSpec#maxUnamplifiedLossDb()}; each section's loss must not exceed its amplifier's gain.
 */
public final class OpticalRules {
    public static final double C_BAND_START_THZ = 191.3;
    public static final double C_BAND_END_THZ = 196.1;
    public static final double ITU_ANCHOR_THZ = 193.1;
    /** {@code 10 log10(h nu B_ref)} in dBm for 0.1 nm at 1550 nm, rounded: the reference's 58 dB. */
    public static final double OSNR_CONSTANT_DB = 58.0;

    private OpticalRules() {
    }

    /** Frequency of a channel, THz. */
    public static double channelFrequencyThz(double gridStartThz, double spacingGhz, int channel) {
        return gridStartThz + channel * spacingGhz / 1000.0;
    }

    /** Channels of the grid at this spacing: {@code max_channels}, or derived from the C band when it is 0. */
    public static int gridChannels(Settings settings, double spacingGhz) {
        if (settings.maxChannels() > 0) {
            return settings.maxChannels();
        }
        if (!(spacingGhz > 0)) {
            return 0;
        }
        return (int) Math.floor((C_BAND_END_THZ - settings.gridStartThz()) * 1000.0 / spacingGhz + 1e-9);
    }

    /** Channels one fiber pair with this MUX carries: its ports, at most the grid's channels at its spacing. */
    public static int channelsPerFiberPair(Settings settings, WdmEquipment mux) {
        return Math.min(mux.channels(), gridChannels(settings, mux.spacingGhz()));
    }

    /** OSNR of one amplified section, dB. */
    public static double sectionOsnrDb(double launchDbm, double lossDb, double noiseFigureDb) {
        return OSNR_CONSTANT_DB + launchDbm - lossDb - noiseFigureDb;
    }

    /** OSNRs (dB) combined in linear units; +infinity for none. */
    public static double combineOsnrDb(Collection<Double> osnrsDb) {
        double inverse = 0;
        for (double o : osnrsDb) {
            inverse += Math.pow(10, -o / 10.0);
        }
        return inverse == 0 ? Double.POSITIVE_INFINITY : -10 * Math.log10(inverse);
    }

    /** The reference's closed form for N identical amplified spans. */
    public static double identicalSpansOsnrDb(double launchDbm, double spanLossDb, double noiseFigureDb, int n) {
        return sectionOsnrDb(launchDbm, spanLossDb, noiseFigureDb) - 10 * Math.log10(n);
    }

    /**
     * One span of a lightpath in its direction of travel.
     *
     * @param spanLossDb      fiber and connector loss of the span
     * @param amplifiers      amplifiers along it (0: unamplified)
     * @param amplifierGainDb most gain of those amplifiers
     * @param noiseFigureDb   their noise figure
     * @param muxLossDb       the MUX where the signal enters the span
     * @param demuxLossDb     the DEMUX where it leaves
     */
    public record Hop(double spanLossDb, int amplifiers, double amplifierGainDb, double noiseFigureDb,
                      double muxLossDb, double demuxLossDb) {
        Hop reversed() {
            return new Hop(spanLossDb, amplifiers, amplifierGainDb, noiseFigureDb, demuxLossDb, muxLossDb);
        }
    }

    /**
     * What a direction of a lightpath gives.
     *
     * @param osnrDb            ASE-limited OSNR, +infinity without amplifiers
     * @param sectionLossesDb   loss of each amplified section
     * @param gainShortfallDb   most by which a section's loss exceeds its amplifier's gain (0 or less: fine)
     * @param receiverLossDb    loss after the last amplifier (or from the transmitter) to the receiver
     */
    public record Budget(double osnrDb, List<Double> sectionLossesDb, double gainShortfallDb,
                         double receiverLossDb) {
        public Budget {
            sectionLossesDb = List.copyOf(sectionLossesDb);
        }

        public boolean amplified() {
            return !sectionLossesDb.isEmpty();
        }
    }

    /** The budget of one direction, hops in the order the signal travels. */
    public static Budget budget(double launchDbm, List<Hop> hops) {
        List<Double> losses = new ArrayList<>();
        List<Double> osnrs = new ArrayList<>();
        double shortfall = Double.NEGATIVE_INFINITY;
        double carried = 0;
        double previousDemux = 0;
        for (int k = 0; k < hops.size(); k++) {
            Hop hop = hops.get(k);
            carried += (k == 0 ? 0 : previousDemux) + hop.muxLossDb();
            if (hop.amplifiers() > 0) {
                double each = hop.spanLossDb() / hop.amplifiers();
                for (int i = 0; i < hop.amplifiers(); i++) {
                    double loss = each + (i == 0 ? carried : 0);
                    losses.add(loss);
                    osnrs.add(sectionOsnrDb(launchDbm, loss, hop.noiseFigureDb()));
                    shortfall = Math.max(shortfall, loss - hop.amplifierGainDb());
                }
                carried = 0;
            } else {
                carried += hop.spanLossDb();
            }
            previousDemux = hop.demuxLossDb();
        }
        carried += previousDemux;
        return new Budget(combineOsnrDb(osnrs), losses, losses.isEmpty() ? 0 : shortfall, carried);
    }

    /** The budget of both directions, as the worse of each figure (the hops given from the a-site). */
    public static Budget worseDirection(double launchDbm, List<Hop> hopsFromA) {
        Budget forward = budget(launchDbm, hopsFromA);
        List<Hop> back = new ArrayList<>();
        for (int k = hopsFromA.size() - 1; k >= 0; k--) {
            back.add(hopsFromA.get(k).reversed());
        }
        Budget backward = budget(launchDbm, back);
        Budget worse = backward.osnrDb() < forward.osnrDb() ? backward : forward;
        return new Budget(worse.osnrDb(), worse.sectionLossesDb(),
                Math.max(forward.gainShortfallDb(), backward.gainShortfallDb()),
                Math.max(forward.receiverLossDb(), backward.receiverLossDb()));
    }
}
