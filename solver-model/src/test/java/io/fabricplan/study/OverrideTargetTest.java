package io.fabricplan.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The header grammar: each form, its canonical spelling, and the refusals. */
class OverrideTargetTest {

    @Test
    void everyFormOfTheGrammarParsesAndSpellsBack() {
        assertThat(OverrideTarget.parse("pue")).isEqualTo(new OverrideTarget("Settings", "pue", null, null, null,
                false));
        assertThat(OverrideTarget.parse("racks.power_budget_kw")).isEqualTo(new OverrideTarget("Racks",
                "power_budget_kw", null, null, null, false));
        assertThat(OverrideTarget.parse(" Racks[N1].power_budget_kw ")).isEqualTo(new OverrideTarget("Racks",
                "power_budget_kw", "N1", null, null, false));
        assertThat(OverrideTarget.parse("SwitchModels[packaging = CPO].cost_usd*")).isEqualTo(new OverrideTarget(
                "SwitchModels", "cost_usd", null, "packaging", "CPO", true));
        assertThat(OverrideTarget.parse("SwitchModels[packaging = CPO].cost_usd*").header())
                .isEqualTo("SwitchModels[packaging=CPO].cost_usd *");
        assertThat(OverrideTarget.parse("energy_usd_per_kwh *").header()).isEqualTo("energy_usd_per_kwh *");
    }

    @Test
    void keyInAnotherCaseIsKeptForApplyToName() {
        assertThat(OverrideTarget.parse("PUE")).isEqualTo(new OverrideTarget("Settings", "PUE", null, null, null,
                false));
    }

    @Test
    void sheetNameAloneIsNotAKey() {
        assertThatThrownBy(() -> OverrideTarget.parse("Racks")).hasMessageStartingWith("\"Racks\" is not an "
                + "override header. Maybe write a Settings key (pue), Sheet.column");
    }

    @Test
    void unknownSheetSuggestsTheClosest() {
        assertThatThrownBy(() -> OverrideTarget.parse("Rakcs.x_m")).hasMessage("\"Rakcs\" is not a sheet an "
                + "override may change. Maybe you meant Racks (one of Settings, Racks, SwitchModels, Devices, Links, "
                + "Optics, Spans, WdmEquipment).");
    }

    @Test
    void blankHeaderEmptyIdAndSettingsSelectorsAreRefused() {
        assertThatThrownBy(() -> OverrideTarget.parse(" * ")).hasMessageStartingWith("the header is blank.");
        assertThatThrownBy(() -> OverrideTarget.parse("Racks[].x_m")).hasMessageContaining("has an empty row id");
        assertThatThrownBy(() -> OverrideTarget.parse("Settings[pue].value"))
                .hasMessageContaining("Settings has one value per key. Maybe write the key alone, e.g. pue.");
    }
}
