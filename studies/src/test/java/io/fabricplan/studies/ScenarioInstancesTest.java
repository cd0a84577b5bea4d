package io.fabricplan.studies;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.instances.Examples;
import io.fabricplan.model.CoherentSpec;
import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Link;
import io.fabricplan.model.Objective;
import io.fabricplan.model.Optic;
import io.fabricplan.model.Packaging;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Settings;
import io.fabricplan.model.SolverKind;
import io.fabricplan.model.SwitchModel;
import io.fabricplan.study.OverrideValue;
import io.fabricplan.study.OverrideTarget;
import io.fabricplan.study.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every form of the header grammar applied to the README's tiny fabric (leaf1 in R1, s1 and s2 in R2, spine1 in
 * R3; links s1-leaf1 and s2-leaf1 of count 1, leaf1-spine1 of count 2, all 800G), values asserted on the records.
 */
class ScenarioInstancesTest {
    private final Instance tiny = Examples.tiny();

    /** Applies {@code header = value} pairs in order, as one scenario's cells D2, E2, ...; asserts no problem. */
    static Instance applied(Instance base, String... headerValuePairs) {
        ScenarioInstances.Applied applied = ScenarioInstances.apply(base, scenario(headerValuePairs));
        assertThat(applied.problems()).isEmpty();
        assertThat(applied.ok()).isTrue();
        return applied.instance();
    }

    static Scenario scenario(String... headerValuePairs) {
        List<OverrideValue> overrides = new ArrayList<>();
        for (int i = 0; i < headerValuePairs.length; i += 2) {
            overrides.add(OverrideValue.of(OverrideTarget.parse(headerValuePairs[i]), headerValuePairs[i + 1],
                    "Scenarios!" + (char) ('D' + i / 2) + "2"));
        }
        return new Scenario("S1", "", overrides, false, "Scenarios!A2");
    }

    private static Rack rack(Instance instance, String id) {
        return instance.racks().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static Device device(Instance instance, String id) {
        return instance.devices().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    private static Link link(Instance instance, String id) {
        return instance.links().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    private static SwitchModel model(Instance instance, String id) {
        return instance.switchModels().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    private static Optic optic(Instance instance, String id) {
        return instance.optics().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void scenarioWithoutOverridesIsTheBaseInstance() {
        ScenarioInstances.Applied applied = ScenarioInstances.apply(tiny, new Scenario("base", "", List.of()));

        assertThat(applied.instance()).isEqualTo(tiny);
        assertThat(applied.problems()).isEmpty();
    }

    @Test
    void settingKeysSetNumbersWholeNumbersAndChoicesInAnyCase() {
        Settings s = applied(tiny, "energy_usd_per_kwh", "0.2", "objective", "cost", "solver", "cp-sat",
                "threads", "4", "seed", "9007199254740991", "max_channels", "64", "osnr_margin_db", "3").settings();

        assertThat(s).isEqualTo(new Settings(Objective.COST, 0.2, 1.3, 5, 0, 60, 1e-4, SolverKind.CP_SAT, 4,
                9007199254740991L, 1.5, 4, 3, Settings.DEFAULT_GRID_START_THZ, 64));
    }

    @Test
    void multiplyScalesTheCurrentSetting() {
        assertThat(applied(tiny, "pue *", "2").settings().pue()).isEqualTo(2.6);
    }

    @Test
    void sheetColumnChangesEveryRow() {
        Instance changed = applied(tiny, "Racks.power_budget_kw", "50");

        assertThat(changed.racks()).extracting(Rack::powerBudgetKw).containsExactly(50.0, 50.0, 50.0);
        assertThat(changed.racks()).extracting(Rack::baseLoadKw).containsExactly(0.0, 20.0, 0.0);
    }

    @Test
    void rowIdChangesOnlyThatRow() {
        Instance changed = applied(tiny, "Racks[R3].free_u", "7");

        assertThat(changed.racks()).extracting(Rack::freeU).containsExactly(20, 0, 7);
    }

    @Test
    void multiplyScalesEveryCpoSwitchPrice() {
        Instance changed = applied(tiny, "SwitchModels[packaging=CPO].cost_usd *", "1.5");

        assertThat(changed.switchModels()).extracting(SwitchModel::id, SwitchModel::costUsd).containsExactly(
                org.assertj.core.groups.Tuple.tuple("sw51-p", 60_000.0),
                org.assertj.core.groups.Tuple.tuple("sw51-cpo", 105_000.0),
                org.assertj.core.groups.Tuple.tuple("sw102-p", 110_000.0),
                org.assertj.core.groups.Tuple.tuple("sw102-cpo", 187_500.0));
    }

    @Test
    void matchComparesNumbersByValue() {
        Instance changed = applied(tiny, "Links[gbps=800.0].count *", "3", "Links[count=6].length_m", "45");

        assertThat(changed.links()).extracting(Link::count).containsExactly(3, 3, 6);
        assertThat(changed.links()).extracting(Link::lengthM).containsExactly(null, null, 45.0);
    }

    @Test
    void matchComparesTextIgnoringCaseAndChoicesByName() {
        Instance changed = applied(tiny, "Devices[role=spine].packaging", "cpo", "Devices[family=sw51t].rack_id",
                "R2", "Devices[family=].lpo_capable", "yes");

        assertThat(device(changed, "spine1").packaging()).isEqualTo(PackagingChoice.CPO);
        assertThat(device(changed, "leaf1").packaging()).isEqualTo(PackagingChoice.AUTO);
        assertThat(changed.devices()).extracting(Device::rackId).containsExactly("R2", "R2", "R2", "R2");
        assertThat(changed.devices()).extracting(Device::lpoCapable).containsExactly(false, false, true, true);
    }

    @Test
    void matchOnYesNoComparesTheTruth() {
        Instance changed = applied(tiny, "SwitchModels[lpo_capable=TRUE].height_u", "1");

        assertThat(changed.switchModels()).extracting(SwitchModel::heightU).containsExactly(1, 2, 1, 2);
    }

    @Test
    void overridesApplyInOrderAndSelectOnWhatTheEarlierOnesLeft() {
        Instance changed = applied(tiny, "Racks.free_u", "5", "Racks[R1].free_u *", "2",
                "Devices[leaf1].packaging", "CPO", "Devices[packaging=CPO].rack_id", "R3");

        assertThat(changed.racks()).extracting(Rack::freeU).containsExactly(10, 5, 5);
        assertThat(device(changed, "leaf1").rackId()).isEqualTo("R3");
        assertThat(device(changed, "spine1").rackId()).isEqualTo("R3");
    }

    @Test
    void blankClearsAnOptionalNumberAndAnOptionalText() {
        Instance withLength = applied(tiny, "Links[s1-leaf1].length_m", "12");
        Instance cleared = applied(withLength, "Links[s1-leaf1].length_m", "", "SwitchModels[sw51-cpo].cpo_pmd",
                "FR", "SwitchModels.source", "");

        assertThat(link(withLength, "s1-leaf1").lengthM()).isEqualTo(12.0);
        assertThat(link(cleared, "s1-leaf1").lengthM()).isNull();
        assertThat(model(cleared, "sw51-cpo").cpoPmd()).isEqualTo("FR");
        assertThat(cleared.switchModels()).extracting(SwitchModel::source).containsOnly("");
    }

    @Test
    void candidateRacksReadAsTheWorkbookListsThem() {
        Instance changed = applied(tiny, "Devices[leaf1].rack_id", "", "Devices[leaf1].candidate_racks", "R1, R3");

        Device leaf = device(changed, "leaf1");
        assertThat(leaf.rackId()).isNull();
        assertThat(leaf.candidateRacks()).containsExactly("R1", "R3");
        assertThat(leaf.isPlaced()).isTrue();
        assertThat(applied(changed, "Devices[candidate_racks=r1;r3].candidate_racks", "R3").devices().get(0)
                .candidateRacks()).containsExactly("R3");
    }

    @Test
    void enumAndYesNoColumnsOfTheCatalogs() {
        Instance changed = applied(tiny, "SwitchModels[sw102-p].packaging", "cpo",
                "SwitchModels[sw102-p].cpo_pmd", "DR", "Optics[kind=AOC].lpo", "YES",
                "Optics[aoc800].media", "smf");

        assertThat(model(changed, "sw102-p").packaging()).isEqualTo(Packaging.CPO);
        assertThat(optic(changed, "aoc400").lpo()).isTrue();
        assertThat(optic(changed, "aoc800").media()).isEqualTo(io.fabricplan.model.Media.SMF);
    }

    @Test
    void dwdmColumnOfAnOpticWithoutDwdmDataGivesItTheReadersBlanks() {
        Instance changed = applied(tiny, "Optics[zr400].required_osnr_db", "24");

        assertThat(optic(tiny, "zr400").coherent()).isNull();
        CoherentSpec c = optic(changed, "zr400").coherent();
        assertThat(c.requiredOsnrDb()).isEqualTo(24.0);
        assertThat(c.baudGbd()).isNaN();
        assertThat(c.spacingGhz()).isNaN();
        assertThat(c.txPowerDbm()).isEqualTo(CoherentSpec.DEFAULT_TX_POWER_DBM);
        assertThat(c.maxUnamplifiedLossDb()).isEqualTo(11.0);
    }

    @Test
    void launchPowerOfAnOpticWithoutDwdmDataDerivesItsLossBudget() {
        CoherentSpec c = optic(applied(tiny, "Optics[zr400].tx_power_dbm", "-8"), "zr400").coherent();

        assertThat(c.txPowerDbm()).isEqualTo(-8.0);
        assertThat(c.maxUnamplifiedLossDb()).isEqualTo(13.0);
        assertThat(c.requiredOsnrDb()).isNaN();
    }

    @Test
    void dwdmColumnsOfAnOpticWithoutDwdmDataAreBlank() {
        ScenarioInstances.Applied applied = ScenarioInstances.apply(tiny, scenario("Optics[zr400].tx_power_dbm *",
                "2"));

        assertThat(applied.problems()).extracting(p -> p.message())
                .containsExactly("Optics[zr400].tx_power_dbm is blank, so there is nothing to multiply");
    }

    @Test
    void spansAndWdmEquipmentOfACampus() {
        Instance campus = Examples.campusDwdm();
        Instance changed = applied(campus, "Spans.fiber_pairs *", "2", "Spans[s-AB].length_km", "2.5",
                "WdmEquipment[kind=MUX].insertion_loss_db *", "0.5");

        assertThat(changed.spans()).extracting(io.fabricplan.model.Span::fiberPairs).containsOnly(24);
        assertThat(changed.spans().get(0).lengthKm()).isEqualTo(2.5);
        for (int i = 0; i < campus.wdmEquipment().size(); i++) {
            var before = campus.wdmEquipment().get(i);
            assertThat(changed.wdmEquipment().get(i).insertionLossDb())
                    .isEqualTo(before.kind() == io.fabricplan.model.WdmKind.MUX ? before.insertionLossDb() / 2
                            : before.insertionLossDb());
        }
    }

    @Test
    void multiplyOfAWholeNumberRoundsFloatingPointNoiseAway() {
        // 10 x 1.1 is 11.000000000000002 in doubles
        assertThat(rack(applied(tiny, "Racks[R1].free_u", "10", "Racks[R1].free_u *", "1.1"), "R1").freeU())
                .isEqualTo(11);
    }

    @Test
    void overrideOfANumberWrittenAsANumberCell() {
        Scenario s = new Scenario("S", "", List.of(OverrideValue.of(OverrideTarget.parse("Racks[R2].base_load_kw"), 25.5,
                "Scenarios!D3")));

        assertThat(rack(ScenarioInstances.apply(tiny, s).instance(), "R2").baseLoadKw()).isEqualTo(25.5);
    }

    @Test
    void checkHeadersFindsNothingWrongWithGoodHeaders() {
        List<OverrideTarget> targets = List.of(OverrideTarget.parse("pue"), OverrideTarget.parse("Racks[R1].x_m"),
                OverrideTarget.parse("SwitchModels[packaging=cpo].cost_usd *"));

        assertThat(ScenarioInstances.checkHeaders(tiny, targets, List.of("Scenarios!D1", "Scenarios!E1",
                "Scenarios!F1"))).isEmpty();
    }
}
