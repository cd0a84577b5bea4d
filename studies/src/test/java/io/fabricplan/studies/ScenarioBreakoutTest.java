package io.fabricplan.studies;

import static io.fabricplan.studies.ScenarioInstancesTest.applied;
import static io.fabricplan.studies.ScenarioInstancesTest.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Link;
import io.fabricplan.model.Media;
import io.fabricplan.model.Optic;
import io.fabricplan.model.OpticKind;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Role;
import io.fabricplan.model.Settings;
import io.fabricplan.study.Scenario;
import io.fabricplan.validate.InputProblem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenarios of an instance with a twin-port module: every override of an optic keeps its breakout and pairs_with
 * (the records are rebuilt whole), as every CPO stage does; breakout and pairs_with are override columns of their
 * own, a breakout below 1 refused at its cell.
 */
class ScenarioBreakoutTest {
    /**
     * leaf1 (SW51T, 800G ports) and servers s1 and s2 (one 400G port each) in rack R1, links at 400 Gb/s; the
     * built-in optics and twin_dr4_800 (800 Gb/s, breakout 2, pairs with dr4_400).
     */
    static final Instance TWIN = twinInstance();

    private static Instance twinInstance() {
        List<Optic> optics = new ArrayList<>(DefaultCatalog.optics());
        optics.add(new Optic("twin_dr4_800", OpticKind.TRANSCEIVER, 800, 500, "DR", Media.SMF, 17, 1300, 1.5, false,
                "test").withBreakout(2, List.of("dr4_400")));
        return new Instance(Settings.defaults(), List.of(new Rack("R1", Rack.DEFAULT_SITE, 0, 0, 20, 8, 10)),
                DefaultCatalog.switchModels(),
                List.of(Device.switchOf("leaf1", Role.LEAF, "SW51T", PackagingChoice.AUTO, "R1"),
                        Device.server("s1", "R1", 1, 400, false), Device.server("s2", "R1", 1, 400, false)),
                List.of(new Link("l1", "leaf1", "s1", 1, 400, null), new Link("l2", "leaf1", "s2", 1, 400, null)),
                optics);
    }

    private static Optic optic(Instance instance, String id) {
        return instance.optics().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> described(List<InputProblem> problems) {
        return problems.stream().map(p -> p.where() + ": " + p.message() + " | " + p.hint()).toList();
    }

    @Test
    void everyOtherOpticsColumnKeepsBreakoutAndPairsWith() {
        Instance changed = applied(TWIN, "Optics[twin_dr4_800].kind", "TRANSCEIVER",
                "Optics[twin_dr4_800].gbps", "800", "Optics[twin_dr4_800].reach_m", "400",
                "Optics[twin_dr4_800].pmd", "DR", "Optics[twin_dr4_800].media", "SMF",
                "Optics[twin_dr4_800].power_w", "16", "Optics[twin_dr4_800].cost_usd *", "1.1",
                "Optics[twin_dr4_800].fiber_usd_per_m", "1", "Optics[twin_dr4_800].lpo", "NO",
                "Optics[twin_dr4_800].source", "list 2027", "Optics[twin_dr4_800].max_buy", "100");

        Optic twin = optic(changed, "twin_dr4_800");
        assertThat(twin.breakout()).isEqualTo(2);
        assertThat(twin.pairsWith()).containsExactly("dr4_400");
        assertThat(twin.reachM()).isEqualTo(400.0);
        assertThat(twin.costUsd()).isCloseTo(1430.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(twin.maxBuy()).isEqualTo(100);
        assertThat(twin.source()).isEqualTo("list 2027");
    }

    @Test
    void breakoutAndPairsWithAreOverrideColumns() {
        // overrides that keep every pairing at one rate per link (the validator refuses others)
        Instance changed = applied(TWIN, "Optics[dr8_800].breakout", "2",
                "Optics[dr4_400].pairs_with", " twin_dr4_800 , fr4_400;", "Optics[fr4x2_800].breakout *", "2");

        assertThat(optic(changed, "dr8_800").breakout()).isEqualTo(2);
        assertThat(optic(changed, "twin_dr4_800").pairsWith()).containsExactly("dr4_400");
        assertThat(optic(changed, "dr4_400").pairsWith()).containsExactly("twin_dr4_800", "fr4_400");
        assertThat(optic(changed, "dr4_400").breakout()).isEqualTo(1);
        assertThat(optic(changed, "fr4x2_800").breakout()).isEqualTo(2);
    }

    @Test
    void rowsAreSelectedByTheirBreakoutAndPairsWith() {
        Instance changed = applied(TWIN, "Optics[breakout=2].cost_usd", "999", "Optics[pairs_with=dr4_400].power_w",
                "15.5");

        assertThat(changed.optics()).filteredOn(o -> o.costUsd() == 999).extracting(Optic::id)
                .containsExactly("twin_dr4_800");
        assertThat(changed.optics()).filteredOn(o -> o.powerW() == 15.5).extracting(Optic::id)
                .containsExactly("twin_dr4_800");
    }

    @Test
    void aBreakoutBelow1OrNotWholeIsRefusedAtItsCell() {
        Scenario s = scenario("Optics[twin_dr4_800].breakout", "0", "Optics[dr4_400].breakout", "1.5",
                "Optics[twin_dr4_800].breakout *", "0.25", "Optics[twin_dr4_800].breakout *", "0",
                "Optics[twin_dr4_800].breakout", "two");

        ScenarioInstances.Applied applied = ScenarioInstances.apply(TWIN, s);

        assertThat(described(applied.problems())).containsExactly(
                "Scenarios!D2: breakout must be 1 or more, got 0 | write 1 for an ordinary module or cable, or the "
                        + "links one unit serves, e.g. 2 for a twin-port module.",
                "Scenarios!E2: breakout must be a whole number, got 1.5 | write a whole number, 1 or more, e.g. 1.",
                "Scenarios!F2: Optics[twin_dr4_800].breakout * 0.25 gives 0.5, not a whole number | multiply by a "
                        + "factor that keeps breakout whole, e.g. 2, or set breakout itself.",
                "Scenarios!G2: Optics[twin_dr4_800].breakout must be 1 or more, got 0 | write 1 for an ordinary "
                        + "module or cable, or the links one unit serves, e.g. 2 for a twin-port module.",
                "Scenarios!H2: breakout must be a whole number, got \"two\" | write a whole number, 1 or more, e.g. "
                        + "2.");
        assertThat(optic(applied.instance(), "twin_dr4_800").breakout()).isEqualTo(2);
    }

    @Test
    void everyCpoStageKeepsBreakoutAndPairsWith() {
        List<Scenario> stages = CpoStages.scenarios(TWIN, List.of(scenario("Optics.cost_usd *", "0.9")));

        assertThat(stages).hasSize(3);
        for (Scenario stage : stages) {
            ScenarioInstances.Applied applied = ScenarioInstances.apply(TWIN, stage);
            assertThat(applied.problems()).as(stage.id()).isEmpty();
            Optic twin = optic(applied.instance(), "twin_dr4_800");
            assertThat(twin.breakout()).as(stage.id()).isEqualTo(2);
            assertThat(twin.pairsWith()).as(stage.id()).containsExactly("dr4_400");
            assertThat(twin.costUsd()).as(stage.id()).isCloseTo(1170.0, org.assertj.core.data.Offset.offset(1e-9));
        }
    }
}
