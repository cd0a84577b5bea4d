package io.fabricplan.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabricplan.study.OverrideValue;
import io.fabricplan.study.OverrideTarget;
import io.fabricplan.study.Scenario;
import io.fabricplan.studies.Sweeps.Sweep;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --sweep} specs read into values, and crossed with a study's rows. */
class SweepsTest {

    private static List<Double> numbers(Sweep sweep) {
        return sweep.values().stream().map(OverrideValue::number).toList();
    }

    @Test
    void tenthStepsGiveExactlyTheDecimalValuesWithoutDrift() {
        Sweep sweep = Sweeps.parse("pue=1.1:1.5:0.1");

        assertThat(numbers(sweep)).containsExactly(1.1, 1.2, 1.3, 1.4, 1.5);
        assertThat(sweep.values()).extracting(OverrideValue::text).containsExactly("1.1", "1.2", "1.3", "1.4", "1.5");
        assertThat(sweep.values()).extracting(OverrideValue::cell).containsOnly("--sweep pue=1.1:1.5:0.1");
        assertThat(sweep.target()).isEqualTo(OverrideTarget.parse("pue"));
        assertThat(sweep.spec()).isEqualTo("pue=1.1:1.5:0.1");
    }

    @Test
    void longRangeOfHundredthsEndsExactlyAtTo() {
        List<Double> values = numbers(Sweeps.parse("energy_usd_per_kwh=0.01:0.3:0.01"));

        assertThat(values).hasSize(30).startsWith(0.01, 0.02, 0.03).endsWith(0.29, 0.3);
        assertThat(values.get(6)).isEqualTo(0.07); // 0.01 + 6 x 0.01 is 0.06999999999999999 in doubles
    }

    @Test
    void rangeStopsAtTheLastStepBeforeTo() {
        assertThat(numbers(Sweeps.parse("years=1:10:4"))).containsExactly(1.0, 5.0, 9.0);
    }

    @Test
    void descendingRangeAndSingleValueRange() {
        assertThat(numbers(Sweeps.parse("Racks[R1].power_budget_kw=12:10:-0.5")))
                .containsExactly(12.0, 11.5, 11.0, 10.5, 10.0);
        assertThat(numbers(Sweeps.parse("years=5:5:1"))).containsExactly(5.0);
    }

    @Test
    void headerMayHoldAnEqualsSignInItsSelector() {
        Sweep sweep = Sweeps.parse("Devices[role=SPINE].packaging=CPO, PLUGGABLE");

        assertThat(sweep.target()).isEqualTo(OverrideTarget.parse("Devices[role=SPINE].packaging"));
        assertThat(sweep.values()).extracting(OverrideValue::text).containsExactly("CPO", "PLUGGABLE");
        assertThat(sweep.values()).extracting(OverrideValue::cell)
                .containsOnly("--sweep Devices[role=SPINE].packaging=CPO, PLUGGABLE");
    }

    @Test
    void listOfNumbersKeepsTheirText() {
        Sweep sweep = Sweeps.parse("SwitchModels[packaging=CPO].cost_usd *=0.8,1,1.25");

        assertThat(sweep.target().multiply()).isTrue();
        assertThat(sweep.values()).extracting(OverrideValue::text).containsExactly("0.8", "1", "1.25");
        assertThat(numbers(sweep)).containsExactly(0.8, 1.0, 1.25);
    }

    @Test
    void specWithoutEqualsSaysHowToWriteOne() {
        assertThatThrownBy(() -> Sweeps.parse("pue:1.1:1.5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--sweep: \"pue:1.1:1.5\" has no \"=\" between a header and its values. Maybe write "
                        + "HEADER=FROM:TO:STEP or HEADER=v1,v2,v3, e.g. --sweep pue=1.1:1.5:0.1 or --sweep "
                        + "Devices[role=SPINE].packaging=CPO,PLUGGABLE.");
    }

    @Test
    void badHeaderGivesTheGrammarsMessage() {
        assertThatThrownBy(() -> Sweeps.parse("Rakcs.x_m=1,2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--sweep Rakcs.x_m=1,2: \"Rakcs\" is not a sheet an override may change. "
                        + "Maybe you meant Racks");
    }

    @Test
    void stepOfZeroOrLeadingAwayIsRefused() {
        assertThatThrownBy(() -> Sweeps.parse("pue=1.1:1.5:0")).hasMessage("--sweep: the step of "
                + "\"pue=1.1:1.5:0\" is 0. Maybe write a step that leads from 1.1 to 1.5, e.g. 0.4.");
        assertThatThrownBy(() -> Sweeps.parse("pue=1.5:1.1:0.1")).hasMessage("--sweep: the step of "
                + "\"pue=1.5:1.1:0.1\" leads away from 1.1: 0.1 is positive. Maybe write the step as -0.1, or swap "
                + "FROM and TO.");
    }

    @Test
    void rangeOfMoreThanTenThousandValuesIsRefused() {
        assertThat(Sweeps.parse("seed=1:10000:1").values()).hasSize(10_000);
        assertThatThrownBy(() -> Sweeps.parse("seed=0:10000:1")).hasMessage("--sweep: \"seed=0:10000:1\" has "
                + "10,001 values, more than 10,000. Maybe take a larger step, or split the range over several studies.");
        assertThatThrownBy(() -> Sweeps.parse("seed=0:1e300:1e-300")).hasMessageContaining("has too many values");
    }

    @Test
    void nonNumbersInARangeAreRefused() {
        assertThatThrownBy(() -> Sweeps.parse("pue=1.1:high:0.1")).hasMessage("--sweep: TO of "
                + "\"pue=1.1:high:0.1\" must be a number, got \"high\". Maybe write numbers in a range, e.g. "
                + "1.1:1.5:0.1, or list texts as v1,v2,v3.");
        assertThatThrownBy(() -> Sweeps.parse("pue=1:2")).hasMessage("--sweep: range \"1:2\" in \"pue=1:2\" has 2 "
                + "parts. Maybe write FROM:TO:STEP, e.g. 1.1:1.5:0.1.");
    }

    @Test
    void emptyOrRepeatedListValuesAreRefused() {
        assertThatThrownBy(() -> Sweeps.parse("pue=")).hasMessageContaining("has no values after \"=\"");
        assertThatThrownBy(() -> Sweeps.parse("pue=1.2,,1.3")).hasMessage("--sweep: \"pue=1.2,,1.3\" has an empty "
                + "value in its list. Maybe remove the extra comma.");
        assertThatThrownBy(() -> Sweeps.parse("pue=1.2,1.20")).hasMessage("--sweep: \"pue=1.2,1.20\" lists 1.20 "
                + "twice. Maybe list each value once.");
        assertThatThrownBy(() -> Sweeps.parse("Devices.packaging=cpo,CPO")).hasMessageContaining("lists CPO twice");
    }

    @Test
    void sweepsAloneMakeOneScenarioPerCombinationOfTheBase() {
        List<Scenario> scenarios = Sweeps.cross(List.of(), List.of(Sweeps.parse("pue=1.1:1.3:0.1"),
                Sweeps.parse("Devices[role=SPINE].packaging=CPO,PLUGGABLE")));

        assertThat(scenarios).extracting(Scenario::id).containsExactly(
                "pue=1.1/Devices[role=SPINE].packaging=CPO", "pue=1.1/Devices[role=SPINE].packaging=PLUGGABLE",
                "pue=1.2/Devices[role=SPINE].packaging=CPO", "pue=1.2/Devices[role=SPINE].packaging=PLUGGABLE",
                "pue=1.3/Devices[role=SPINE].packaging=CPO", "pue=1.3/Devices[role=SPINE].packaging=PLUGGABLE");
        assertThat(scenarios.get(3).overrides()).extracting(OverrideValue::text).containsExactly("1.2", "PLUGGABLE");
        assertThat(scenarios).allSatisfy(s -> assertThat(s.description()).isEmpty());
    }

    @Test
    void rowsCrossedWithSweepsKeepTheirOverridesFirstAndTheirDescription() {
        OverrideValue high = OverrideValue.of(OverrideTarget.parse("energy_usd_per_kwh"), 0.3, "Scenarios!D3");
        List<Scenario> rows = List.of(new Scenario("base", "as built", List.of(), false, "Scenarios!A2"),
                new Scenario("dear", "dear energy", List.of(high), true, "Scenarios!A3"));

        List<Scenario> scenarios = Sweeps.cross(rows, List.of(Sweeps.parse("pue *=0.9,1.1")));

        assertThat(scenarios).extracting(Scenario::id)
                .containsExactly("base/pue*=0.9", "base/pue*=1.1", "dear/pue*=0.9", "dear/pue*=1.1");
        Scenario last = scenarios.get(3);
        assertThat(last.overrides()).extracting(o -> o.target().header()).containsExactly("energy_usd_per_kwh",
                "pue *");
        assertThat(last.description()).isEqualTo("dear energy");
        assertThat(last.pareto()).isTrue();
        assertThat(last.cell()).isEqualTo("Scenarios!A3");
    }

    @Test
    void crossProductCountsMultiply() {
        List<Scenario> rows = List.of(new Scenario("a", "", List.of()), new Scenario("b", "", List.of()));

        List<Scenario> scenarios = Sweeps.cross(rows, List.of(Sweeps.parse("years=1:10:1"),
                Sweeps.parse("pue=1.1:1.5:0.1"), Sweeps.parse("objective=COST,TCO")));

        assertThat(scenarios).hasSize(2 * 10 * 5 * 2);
        assertThat(scenarios.stream().map(Scenario::id).distinct()).hasSize(200);
        assertThat(scenarios).allSatisfy(s -> assertThat(s.overrides()).hasSize(3));
    }

    @Test
    void withoutSweepsTheRowsAreTheScenarios() {
        List<Scenario> rows = List.of(new Scenario("a", "", List.of()));

        assertThat(Sweeps.cross(rows, List.of())).isEqualTo(rows);
        assertThat(Sweeps.cross(List.of(), List.of())).isEmpty();
    }

    @Test
    void rowsWithEqualIdsStillGiveUniqueIds() {
        List<Scenario> rows = List.of(new Scenario("a", "", List.of()), new Scenario("a", "", List.of()));

        assertThat(Sweeps.cross(rows, List.of(Sweeps.parse("years=5")))).extracting(Scenario::id)
                .containsExactly("a/years=5", "a/years=5 (2)");
    }

    @Test
    void crossProductBeyondAMillionScenariosIsRefused() {
        List<Sweep> sweeps = List.of(Sweeps.parse("seed=1:10000:1"), Sweeps.parse("years=1:101:1"));

        assertThatThrownBy(() -> Sweeps.cross(List.of(), sweeps)).hasMessage("--sweep: the sweeps make more than "
                + "1,000,000 scenarios (1 rows x 10000 x 101 values). Maybe take larger steps or fewer values.");
    }
}
