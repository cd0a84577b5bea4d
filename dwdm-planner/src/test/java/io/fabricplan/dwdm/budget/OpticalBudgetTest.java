package io.fabricplan.dwdm.budget;

import io.fabricplan.model.CoherentSpec;
import io.fabricplan.model.Settings;
import io.fabricplan.model.Span;
import io.fabricplan.model.WdmEquipment;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Routes over the spans of a three-building ring: A-B 2 km (1.5 dB), B-C 3 km (1.75 dB); zr800 (-10 dBm, needs
 * 27 + 2 dB, 11 dB unamplified), AWG 6 dB, EDFA gain 35 dB NF 7 dB.
 */
class OpticalBudgetTest {
    private static final CoherentSpec ZR800 = new CoherentSpec(118, 150, 27, -10, 11);
    private static final WdmEquipment AWG = WdmEquipment.mux("awg32-150", 32, 150, 6.0, 0, 4000, "test");
    private static final WdmEquipment EDFA = WdmEquipment.amplifier("edfa-high", 35, 7, 40, 12000, "test");
    private static final Span AB = new Span("s-ab", "A", "B", 2, 2);
    private static final Span BC = new Span("s-bc", "B", "C", 3, 2);

    private final OpticalBudget budget = new OpticalBudget(Settings.defaults());

    /** MUX 6 + 1.5 + DEMUX 6 = 13.5 dB > 11: one EDFA; 58 - 10 - 7.5 - 7 = 33.5 dB, margin 4.5. */
    @Test
    void oneSpanNeedsOneAmplifierAndHasTheHandWorkedOsnr() {
        OpticalBudget.Assessment a = budget.assess(ZR800, List.of(AB), AWG, EDFA);

        assertThat(a.amplifiersPerSpan()).containsExactly(1);
        assertThat(a.budget().osnrDb()).isCloseTo(33.5, within(1e-9));
        assertThat(a.marginDb()).isCloseTo(4.5, within(1e-9));
        assertThat(a.feasible()).isTrue();
    }

    /** Through B: sections 7.5 dB (33.5) and 6 + 6 + 1.75 = 13.75 dB (27.25): 26.33 dB, short of 29. */
    @Test
    void passThroughSiteCostsDemuxAndMuxLossAndFailsOsnr() {
        OpticalBudget.Assessment a = budget.assess(ZR800, List.of(AB, BC), AWG, EDFA);

        assertThat(a.amplifiers()).isEqualTo(2);
        assertThat(a.budget().osnrDb()).isCloseTo(26.326, within(1e-3));
        assertThat(a.feasible()).isFalse();
    }

    @Test
    void shortRouteWithoutMuxLossStaysUnamplified() {
        WdmEquipment lowLossMux = WdmEquipment.mux("awg-low", 8, 150, 2.0, 0, 1000, "test");

        OpticalBudget.Assessment a = budget.assess(ZR800, List.of(AB), lowLossMux, EDFA);

        assertThat(a.amplifiersPerSpan()).containsExactly(0);
        assertThat(a.budget().receiverLossDb()).isEqualTo(5.5);
        assertThat(a.feasible()).isTrue();
    }

    /** 0 dBm, 20 dB sections, NF 5: 33 dB for one; 29 dB needs 10 log10(N) <= 4, so N = 2. */
    @Test
    void identicalSectionsFollowTheReferenceFormula() {
        CoherentSpec strong = new CoherentSpec(60, 75, 27, 0);

        assertThat(budget.maxIdenticalSections(strong, 20, 5)).isEqualTo(2);
        assertThat(budget.maxIdenticalSections(strong, 30, 5)).isZero();
        assertThat(budget.channelsPerFiberPair(AWG)).isEqualTo(32);
        assertThat(OpticalBudget.fits(new CoherentSpec(60, 75, 24, -10), AWG)).isTrue();
    }
}
