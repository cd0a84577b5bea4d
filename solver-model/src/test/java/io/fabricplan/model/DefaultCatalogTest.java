package io.fabricplan.model;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DefaultCatalogTest {

    @Test
    void opticsStayTheCatalogTheWorkbooksWithoutAnOpticsSheetRead() {
        assertThat(DefaultCatalog.optics()).extracting(Optic::id).containsExactly("dac400", "dac800", "dac1600",
                "acc800", "aec800", "aec1600", "aoc400", "aoc800", "sr4_400", "dr4_400", "fr4_400", "lr4_400",
                "sr8_800", "dr8_800", "fr4x2_800", "lr4x2_800", "lpo_800", "dr8_1600", "fr4x2_1600", "lpo_1600",
                "zr400", "zrp400", "zr800");
        assertThat(DefaultCatalog.optics()).allSatisfy(o -> {
            assertThat(o.breakout()).isEqualTo(1);
            assertThat(o.pairsWith()).isEmpty();
        });
    }

    @Test
    void breakoutRowsReadWithEveryFigure() {
        assertThat(DefaultCatalog.breakoutOptics()).extracting(Optic::id, Optic::kind, Optic::gbps, Optic::breakout,
                Optic::reachM, Optic::pmd, Optic::media, Optic::powerW, Optic::costUsd, Optic::fiberUsdPerM,
                Optic::lpo, Optic::pairsWith).containsExactly(
                tuple("twin_sr4_800", OpticKind.TRANSCEIVER, 800.0, 2, 50.0, "SR", Media.MMF, 15.0, 700.0, 2.0,
                        false, List.of("sr4_400")),
                tuple("twin_dr4_800", OpticKind.TRANSCEIVER, 800.0, 2, 500.0, "DR", Media.SMF, 17.0, 1250.0, 1.5,
                        false, List.of("dr4_400")),
                tuple("twin_fr4_800", OpticKind.TRANSCEIVER, 800.0, 2, 2000.0, "FR", Media.SMF, 17.0, 1700.0, 0.5,
                        false, List.of("fr4_400")),
                tuple("dr4_800", OpticKind.TRANSCEIVER, 800.0, 1, 500.0, "DR", Media.SMF, 15.0, 1200.0, 2.0,
                        false, List.of()),
                tuple("twin_dr4_1600", OpticKind.TRANSCEIVER, 1600.0, 2, 500.0, "DR", Media.SMF, 27.0, 2000.0, 2.0,
                        false, List.of("dr4_800")),
                tuple("dac800_2x400", OpticKind.DAC, 800.0, 2, 2.0, null, Media.COPPER, 0.2, 250.0, 0.0,
                        false, List.of()),
                tuple("aoc800_2x400", OpticKind.AOC, 800.0, 2, 100.0, null, Media.MMF, 26.0, 1200.0, 0.0,
                        false, List.of()));
    }

    @Test
    void everyBreakoutRowKeepsItsBasisAndSource() {
        assertThat(DefaultCatalog.breakoutOptics()).allSatisfy(o -> assertThat(o.source())
                .matches("per (module|assembly); .{20,}"));
        assertThat(DefaultCatalog.breakoutOptics().get(1).source()).contains("MMS4X00-NM")
                .contains("16 W typical and 17 W max");
    }

    @Test
    void pairsWithNamesKnownModulesOfTheSamePerLinkRateAndMedia() {
        Map<String, Optic> byId = DefaultCatalog.opticsWithBreakouts().stream()
                .collect(Collectors.toMap(Optic::id, Function.identity()));
        assertThat(byId).hasSize(DefaultCatalog.optics().size() + DefaultCatalog.breakoutOptics().size());
        List<Optic> naming = DefaultCatalog.breakoutOptics().stream().filter(o -> !o.pairsWith().isEmpty()).toList();
        assertThat(naming).hasSize(4);
        for (Optic o : naming) {
            for (String id : o.pairsWith()) {
                Optic other = byId.get(id);
                assertThat(other).as(o.id() + " names " + id).isNotNull();
                assertThat(other.kind().isModule()).isTrue();
                assertThat(other.linkGbps()).as(o.id() + " / " + id).isEqualTo(o.linkGbps());
                assertThat(other.media()).isEqualTo(o.media());
                assertThat(FabricRules.pairs(o, other)).isTrue();
            }
        }
    }

    @Test
    void opticsWithBreakoutsAreTheOpticsFollowedByTheBreakouts() {
        assertThat(DefaultCatalog.opticsWithBreakouts()).startsWith(DefaultCatalog.optics().toArray(Optic[]::new))
                .endsWith(DefaultCatalog.breakoutOptics().toArray(Optic[]::new))
                .hasSize(DefaultCatalog.optics().size() + DefaultCatalog.breakoutOptics().size());
    }
}
