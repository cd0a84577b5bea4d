package io.fabricplan.model;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OpticalRulesTest {

    /** Four identical sections of 20 dB, NF 5 dB, 0 dBm: 58 + 0 - 20 - 5 - 10 log10(4) = 26.979 dB. */
    @Test
    void identicalSectionsCombineToTheReferenceFormula() {
        OpticalRules.Hop hop = new OpticalRules.Hop(80, 4, 25, 5, 0, 0);

        OpticalRules.Budget b = OpticalRules.budget(0, List.of(hop));

        assertThat(b.sectionLossesDb()).containsExactly(20.0, 20.0, 20.0, 20.0);
        assertThat(b.osnrDb()).isCloseTo(OpticalRules.identicalSpansOsnrDb(0, 20, 5, 4), within(1e-9));
        assertThat(b.osnrDb()).isCloseTo(33 - 10 * Math.log10(4), within(1e-9));
    }

    @Test
    void unamplifiedRouteIsLimitedByLossNotOsnr() {
        OpticalRules.Budget b = OpticalRules.budget(-10, List.of(new OpticalRules.Hop(2, 0, 0, 0, 6, 6)));

        assertThat(b.amplified()).isFalse();
        assertThat(b.osnrDb()).isInfinite();
        assertThat(b.receiverLossDb()).isEqualTo(14.0);
    }

    @Test
    void channelsCountUpFromTheGridStart() {
        Settings s = Settings.defaults();

        assertThat(OpticalRules.channelFrequencyThz(191.3, 100, 18)).isCloseTo(193.1, within(1e-9));
        assertThat(OpticalRules.gridChannels(s, 50)).isEqualTo(96);
        assertThat(OpticalRules.gridChannels(s, 75)).isEqualTo(64);
        assertThat(OpticalRules.gridChannels(s, 100)).isEqualTo(48);
        assertThat(OpticalRules.gridChannels(s, 150)).isEqualTo(32);
        assertThat(OpticalRules.gridChannels(s.withDwdm(2, 191.3, 40), 100)).isEqualTo(40);
    }
}
