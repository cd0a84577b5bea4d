package io.fabricplan.studies;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.instances.Examples;
import io.fabricplan.model.Instance;
import io.fabricplan.study.OverrideValue;
import io.fabricplan.study.OverrideTarget;
import io.fabricplan.study.Scenario;
import io.fabricplan.validate.InputProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a planner reads when an override cannot be applied, or the instance it gives breaks a rule: each problem
 * at the cell that caused it, naming the values, with an actionable hint; never an exception.
 */
class OverrideProblemsTest {
    private final Instance tiny = Examples.tiny();

    /** The problems of one override written at Scenarios!D7 in scenario S1 (defined at Scenarios!A7). */
    private List<InputProblem> problems(String header, String value) {
        Scenario s = new Scenario("S1", "", List.of(OverrideValue.of(OverrideTarget.parse(header), value,
                "Scenarios!D7")), false, "Scenarios!A7");
        ScenarioInstances.Applied applied = ScenarioInstances.apply(tiny, s);
        assertThat(applied.ok()).isFalse();
        return applied.problems();
    }

    private InputProblem onlyProblem(String header, String value) {
        List<InputProblem> problems = problems(header, value);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void unknownColumnSuggestsTheClosestName() {
        assertThat(onlyProblem("Racks[R1].power_budget_kW", "12")).isEqualTo(new InputProblem("Scenarios!D7",
                "Racks has no column \"power_budget_kW\"", "write power_budget_kw."));
    }

    @Test
    void unknownColumnFarFromAnyListsTheColumns() {
        assertThat(onlyProblem("Links.colour", "red")).isEqualTo(new InputProblem("Scenarios!D7",
                "Links has no column \"colour\"", "write one of its columns: link_id, a_device, b_device, count, "
                + "gbps, length_m."));
    }

    @Test
    void unknownSettingKeyThatIsASheetsColumnSaysWhichSheet() {
        InputProblem p = onlyProblem("power_budget_kw", "12");

        assertThat(p.message()).isEqualTo("Settings has no key \"power_budget_kw\"");
        assertThat(p.hint()).startsWith("write Racks.power_budget_kw for that column of every row, or one of the "
                + "Settings keys: objective, energy_usd_per_kwh, pue,");
    }

    @Test
    void settingKeyInAnotherCaseSuggestsTheKey() {
        assertThat(onlyProblem("PUE", "1.2")).isEqualTo(new InputProblem("Scenarios!D7",
                "Settings has no key \"PUE\"", "write pue."));
    }

    @Test
    void unknownRackIdNamesTheCellAndTheIdsPresent() {
        assertThat(onlyProblem("Racks[N9].power_budget_kw", "12")).isEqualTo(new InputProblem("Scenarios!D7",
                "no Racks row has id \"N9\"", "write one of the ids Racks has: R1, R2 or R3."));
    }

    @Test
    void idInAnotherCaseIsUnknownButSuggested() {
        assertThat(onlyProblem("Devices[LEAF1].packaging", "CPO")).isEqualTo(new InputProblem("Scenarios!D7",
                "no Devices row has id \"LEAF1\"", "write leaf1; Devices has ids leaf1, spine1, s1 or s2."));
    }

    @Test
    void matchOnNothingListsTheValuesPresent() {
        assertThat(onlyProblem("SwitchModels[packaging=CP0].cost_usd", "1")).isEqualTo(new InputProblem(
                "Scenarios!D7", "no SwitchModels row has packaging \"CP0\"",
                "write one of the values present: PLUGGABLE or CPO."));
        assertThat(onlyProblem("Links[gbps=400].count", "2")).isEqualTo(new InputProblem("Scenarios!D7",
                "no Links row has gbps \"400\"", "write one of the values present: 800."));
    }

    @Test
    void matchOnAnUnknownColumnSuggestsTheClosest() {
        assertThat(onlyProblem("Devices[rol=SPINE].packaging", "CPO")).isEqualTo(new InputProblem("Scenarios!D7",
                "Devices has no column \"rol\" to compare", "write role."));
    }

    @Test
    void textWhereANumberIsNeeded() {
        assertThat(onlyProblem("years", "five")).isEqualTo(new InputProblem("Scenarios!D7",
                "years must be a number, got \"five\"", "write a number, e.g. 5."));
    }

    @Test
    void textAsTheFactorOfAMultiply() {
        assertThat(onlyProblem("Racks.x_m *", "double")).isEqualTo(new InputProblem("Scenarios!D7",
                "the factor of Racks.x_m * must be a number, got \"double\"", "write a number, e.g. 1.1 for 10 % more."));
    }

    @Test
    void multiplyOfAColumnThatIsNotANumber() {
        assertThat(onlyProblem("Devices.packaging *", "2")).isEqualTo(new InputProblem("Scenarios!D7",
                "Devices.packaging is not a number, so \" *\" cannot multiply it",
                "drop \" *\" from the header and write the value itself, e.g. PLUGGABLE."));
    }

    @Test
    void multiplyOfATextColumnSaysToWriteTheValue() {
        assertThat(onlyProblem("Racks.site_id *", "2").hint()).isEqualTo("drop \" *\" from the header and write "
                + "the value itself.");
    }

    @Test
    void wholeNumberColumnsRefuseFractions() {
        assertThat(onlyProblem("threads", "2.5")).isEqualTo(new InputProblem("Scenarios!D7",
                "threads must be a whole number, got 2.5", "write a whole number, e.g. 0."));
        assertThat(onlyProblem("Links.count *", "1.5")).isEqualTo(new InputProblem("Scenarios!D7",
                "Links[s1-leaf1].count * 1.5 gives 1.5, not a whole number (and in 1 more row)",
                "multiply by a factor that keeps count whole, e.g. 2, or set count itself."));
        assertThat(onlyProblem("Racks[R1].free_u", "3e9")).isEqualTo(new InputProblem("Scenarios!D7",
                "free_u must be within -2147483647 and 2147483647, got 3000000000",
                "write a smaller whole number."));
    }

    @Test
    void enumValueNotAllowedSuggestsTheClosest() {
        assertThat(onlyProblem("Devices[leaf1].packaging", "CP0")).isEqualTo(new InputProblem("Scenarios!D7",
                "packaging must be one of PLUGGABLE, CPO or AUTO, got \"CP0\"", "write CPO."));
        assertThat(onlyProblem("objective", "cheapest")).isEqualTo(new InputProblem("Scenarios!D7",
                "objective must be one of COST, POWER, TCO or WEIGHTED, got \"cheapest\"",
                "write COST, POWER, TCO or WEIGHTED."));
    }

    @Test
    void yesNoColumnRefusesOtherWords() {
        assertThat(onlyProblem("Devices[s1].lpo_capable", "maybe")).isEqualTo(new InputProblem("Scenarios!D7",
                "lpo_capable must be YES or NO, got \"maybe\"", "write YES or NO."));
    }

    @Test
    void idColumnMayNotBeOverridden() {
        assertThat(onlyProblem("Racks[R1].rack_id", "R7")).isEqualTo(new InputProblem("Scenarios!D7",
                "rack_id is the id of the Racks rows and may not be overridden",
                "select rows by it instead, e.g. Racks[rack_id=...].column, or add the row you need to the instance."));
    }

    @Test
    void requiredTextMayNotBeBlank() {
        assertThat(onlyProblem("Links[s1-leaf1].a_device", " ")).isEqualTo(new InputProblem("Scenarios!D7",
                "a_device may not be blank", "write a value, e.g. s1."));
    }

    @Test
    void multiplyOfABlankCellSaysThereIsNothingToMultiply() {
        assertThat(onlyProblem("Links.length_m *", "2")).isEqualTo(new InputProblem("Scenarios!D7",
                "Links[s1-leaf1].length_m is blank, so there is nothing to multiply (and in 2 more rows)",
                "set it instead: drop \" *\" from the header and write the value."));
    }

    @Test
    void sheetWithoutRowsSaysTheOverrideChangesNothing() {
        assertThat(onlyProblem("Spans.fiber_pairs", "4")).isEqualTo(new InputProblem("Scenarios!D7",
                "Spans has no rows, so Spans.fiber_pairs changes nothing",
                "add rows to Spans in the instance, or remove the override: Spans has none."));
    }

    @Test
    void validatorProblemIsLocatedAtTheOverrideThatSetTheField() {
        assertThat(onlyProblem("Racks[R1].power_budget_kw", "-3")).isEqualTo(new InputProblem("Scenarios!D7",
                "after the overrides of scenario \"S1\", Racks[R1].power_budget_kw must be a positive number, "
                        + "got -3", null));
        assertThat(onlyProblem("pue", "0")).isEqualTo(new InputProblem("Scenarios!D7",
                "after the overrides of scenario \"S1\", pue must be a positive number, got 0",
                "PUE is at least 1.0, typically 1.1 to 1.6."));
    }

    @Test
    void validatorProblemIsLocatedAtTheLastOverrideOfTheField() {
        Scenario s = new Scenario("S1", "", List.of(
                OverrideValue.of(OverrideTarget.parse("Devices[leaf1].rack_id"), "R9", "Scenarios!D7"),
                OverrideValue.of(OverrideTarget.parse("Devices.rack_id"), "R8", "Scenarios!E7")), false, "Scenarios!A7");

        assertThat(ScenarioInstances.apply(tiny, s).problems()).first().isEqualTo(new InputProblem("Scenarios!E7",
                "after the overrides of scenario \"S1\", Devices[leaf1].rack_id: unknown rack \"R8\"",
                "add it to the Racks sheet or correct the id (did you mean \"R1\"?)."));
    }

    @Test
    void problemsTheOverridesCauseElsewhereAreLocatedAtTheScenario() {
        List<InputProblem> problems = problems("Optics.reach_m", "1");

        assertThat(problems).hasSize(3).allSatisfy(p -> {
            assertThat(p.where()).isEqualTo("Scenarios!A7");
            assertThat(p.message()).startsWith("after the overrides of scenario \"S1\", Links[");
            assertThat(p.message()).contains(": no interconnect can serve link");
        });
    }

    @Test
    void everyProblemOfAScenarioAtOnce() {
        Scenario s = new Scenario("S1", "", List.of(
                OverrideValue.of(OverrideTarget.parse("years"), "five", "Scenarios!D7"),
                OverrideValue.of(OverrideTarget.parse("Racks[N9].x_m"), "1", "Scenarios!E7"),
                OverrideValue.of(OverrideTarget.parse("Racks[R2].free_u"), "-1", "Scenarios!F7")), false, "Scenarios!A7");

        assertThat(ScenarioInstances.apply(tiny, s).problems()).extracting(InputProblem::where)
                .containsExactly("Scenarios!D7", "Scenarios!E7", "Scenarios!F7");
    }

    @Test
    void overrideWithoutACellIsNamedByItsHeader() {
        Scenario s = new Scenario("S1", "", List.of(OverrideValue.of(OverrideTarget.parse("Racks[N9].x_m"), "1", null)));

        assertThat(ScenarioInstances.apply(tiny, s).problems()).extracting(InputProblem::where)
                .containsExactly("Racks[N9].x_m");
    }

    @Test
    void checkHeadersReportsEachHeaderOnceAtItsCell() {
        List<OverrideTarget> targets = List.of(OverrideTarget.parse("Racks[N9].x_m"), OverrideTarget.parse("pue"),
                OverrideTarget.parse("SwitchModels[packaging=CP0].cost_usd *"), OverrideTarget.parse("Links.colour"));

        assertThat(ScenarioInstances.checkHeaders(tiny, targets, List.of("Scenarios!D1", "Scenarios!E1",
                "Scenarios!F1", "Scenarios!G1"))).extracting(InputProblem::where, InputProblem::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Scenarios!D1", "no Racks row has id \"N9\""),
                        org.assertj.core.groups.Tuple.tuple("Scenarios!F1",
                                "no SwitchModels row has packaging \"CP0\""),
                        org.assertj.core.groups.Tuple.tuple("Scenarios!G1", "Links has no column \"colour\""));
    }

    @Test
    void describedProblemReadsAsAPlannerSeesIt() {
        assertThat(onlyProblem("Racks[R1].power_budget_kW", "12").describe()).isEqualTo("Scenarios!D7: Racks has "
                + "no column \"power_budget_kW\"" + System.lineSeparator() + "  Maybe write power_budget_kw.");
    }
}
