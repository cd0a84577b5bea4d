package io.fabricplan.excel;

import static io.fabricplan.excel.TestWorkbook.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.excel.InstanceWorkbookReader.ReadResult;
import io.fabricplan.model.CompatibilityRule;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Optic;
import io.fabricplan.model.StockItem;
import io.fabricplan.model.SwitchModel;
import io.fabricplan.validate.InputProblem;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbook v2 parts as the reader reads them: the Inventory and Compatibility sheets, Devices.installed_model
 * and platform, Optics and SwitchModels max_buy, and the labour settings; each unreadable cell named with a hint.
 * Subclasses run every test again over each row source alone.
 */
class SupplySheetsReaderTest {
    @TempDir
    Path dir;

    /** The row source this class tests: small workbooks streamed, loaded whole for formulas without values. */
    RowSources.Mode mode() {
        return RowSources.Mode.AUTO;
    }

    private ReadResult read(TestWorkbook workbook) throws IOException {
        return InstanceWorkbookReader.read(workbook.write(dir.resolve("in.xlsx")), mode());
    }

    /**
     * {@link TestWorkbook#valid()} with every v2 part: Settings rows 4-5 the labour, SwitchModels row 2 sw51-p
     * (max_buy H2), Optics rows 2-3 dac800 and dr8_800 (max_buy I2:I3), Devices columns I (installed_model) and J
     * (platform), Inventory rows 2-3, Compatibility rows 2-3.
     */
    static TestWorkbook v2() {
        return TestWorkbook.valid()
                .add("Settings", "switch_swap_usd", 500)
                .add("Settings", "recable_usd", 15)
                .sheet("SwitchModels", row("model_id", "family", "packaging", "ports", "port_gbps", "base_power_w",
                                "cost_usd", "max_buy"),
                        row("sw51-p", "SW51T", "PLUGGABLE", 64, 800, 1300, 60000, 4))
                .sheet("Optics", row("optic_id", "kind", "gbps", "reach_m", "pmd", "media", "power_w", "cost_usd",
                                "max_buy"),
                        row("dac800", "DAC", 800, 3, null, "COPPER", 0.2, 150, null),
                        row("dr8_800", "TRANSCEIVER", 800, 500, "DR", "SMF", 17, 1250, 100))
                .set("Devices", 1, 8, "installed_model").set("Devices", 1, 9, "platform")
                .set("Devices", 2, 8, "sw51-p").set("Devices", 3, 9, "CX8")
                .sheet("Inventory", row("item_id", "quantity", "note"),
                        row("dr8_800", 8, "store room 2"),
                        row("sw51-p", 1, null))
                // rules for dac800, too short for these links anyway: dr8_800 stays usable at every end
                .sheet("Compatibility", row("optic_id", "platform", "allowed", "coding_usd"),
                        row("dac800", "SW51T", "YES", 25),
                        row("dac800", "CX8", "no", null));
    }

    private static String[] described(ReadResult result) {
        return InstanceWorkbookReaderTest.described(result);
    }

    @Test
    void everyV2FieldIsRead() throws IOException {
        ReadResult result = read(v2());

        assertThat(result.problems()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        Instance instance = result.instance();
        assertThat(instance.inventory()).containsExactly(new StockItem("dr8_800", 8, "store room 2"),
                new StockItem("sw51-p", 1, ""));
        assertThat(instance.compatibility()).containsExactly(new CompatibilityRule("dac800", "SW51T", true, 25),
                new CompatibilityRule("dac800", "CX8", false, 0));
        assertThat(instance.devices().get(0).installedModel()).isEqualTo("sw51-p");
        assertThat(instance.devices().get(0).platform()).isNull();
        assertThat(instance.devices().get(1).platform()).isEqualTo("CX8");
        assertThat(instance.devices().get(1).installedModel()).isNull();
        assertThat(instance.optics()).extracting(Optic::maxBuy).containsExactly(null, 100);
        assertThat(instance.switchModels()).extracting(SwitchModel::maxBuy).containsExactly(4);
        assertThat(instance.settings().switchSwapUsd()).isEqualTo(500);
        assertThat(instance.settings().recableUsd()).isEqualTo(15);
        assertThat(instance.usesSupplyRules()).isTrue();
    }

    @Test
    void v1WorkbookReadsWithoutV2Parts() throws IOException {
        ReadResult result = read(TestWorkbook.valid());

        assertThat(result.problems()).isEmpty();
        assertThat(result.warnings()).noneMatch(w -> w.contains("Inventory") || w.contains("Compatibility"));
        assertThat(result.instance().inventory()).isEmpty();
        assertThat(result.instance().compatibility()).isEmpty();
        assertThat(result.instance().usesSupplyRules()).isFalse();
    }

    /** The validator names v2 fields by the cells the reader found them in, as it does v1 fields. */
    @Test
    void locatorNamesTheCellsOfTheV2SheetsAndColumns() throws IOException {
        ReadResult result = read(v2());

        assertThat(result.locator().locate("Inventory", 1, "sw51-p", "quantity")).isEqualTo("Inventory!B3");
        assertThat(result.locator().locate("Inventory", 0, "dr8_800", "note")).isEqualTo("Inventory!C2");
        assertThat(result.locator().locate("Compatibility", 1, "dac800", "allowed"))
                .isEqualTo("Compatibility!C3");
        assertThat(result.locator().locate("Compatibility", 0, "dac800", "coding_usd"))
                .isEqualTo("Compatibility!D2");
        assertThat(result.locator().locate("Devices", 0, "leaf1", "installed_model")).isEqualTo("Devices!I2");
        assertThat(result.locator().locate("Devices", 1, "s1", "platform")).isEqualTo("Devices!J3");
        assertThat(result.locator().locate("Optics", 1, "dr8_800", "max_buy")).isEqualTo("Optics!I3");
        assertThat(result.locator().locate("SwitchModels", 0, "sw51-p", "max_buy")).isEqualTo("SwitchModels!H2");
        assertThat(result.locator().locate("Settings", 0, "switch_swap_usd", "value")).isEqualTo("Settings!B4");
        assertThat(result.locator().locate("Settings", 0, "recable_usd", "value")).isEqualTo("Settings!B5");
    }

    /** Rows whose cells cannot be read leave the rows after them where they are: the locator counts rows kept. */
    @Test
    void locatorSkipsACompatibilityRowLeftOut() throws IOException {
        ReadResult result = read(v2().set("Compatibility", 2, 2, "maybe"));

        assertThat(result.instance().compatibility()).containsExactly(
                new CompatibilityRule("dac800", "CX8", false, 0));
        assertThat(result.locator().locate("Compatibility", 0, "dac800", "platform")).isEqualTo("Compatibility!B3");
    }

    @Test
    void everyBadV2CellIsNamedAtOnceWithAHint() throws IOException {
        TestWorkbook wb = v2()
                .set("Settings", 4, 1, -10)
                .set("Settings", 5, 1, "lots")
                .set("SwitchModels", 2, 7, -2)
                .set("Optics", 3, 8, 1.5)
                .set("Inventory", 2, 1, 2.5)
                .set("Inventory", 3, 1, -1)
                .add("Inventory", "dr8_800", null, "counted later")
                .set("Compatibility", 2, 2, "maybe")
                .set("Compatibility", 3, 3, -5)
                .add("Compatibility", "dac800", null, "YES", "cheap")
                .add("Compatibility", "dac800", "SW51T", null, null);

        ReadResult result = read(wb);

        assertThat(described(result)).containsExactlyInAnyOrder(
                "Settings!B4: switch_swap_usd must be 0 or more, got -10",
                "Settings!B5: recable_usd must be a number, 0 or more, got \"lots\"",
                "SwitchModels!H2: max_buy must be 0 or more, got -2",
                "Optics!I3: max_buy must be a whole number, got 1.5",
                "Inventory!B2: quantity must be a whole number, got 2.5",
                "Inventory!B3: quantity must be 0 or more, got -1",
                "Inventory!B4: quantity is blank",
                "Compatibility!C2: allowed must be YES or NO, got \"maybe\"",
                "Compatibility!D3: coding_usd must be 0 or more, got -5",
                "Compatibility!B4: platform is blank",
                "Compatibility!D4: coding_usd must be a number, 0 or more, got \"cheap\"",
                "Compatibility!C5: allowed is blank");
        assertThat(result.problems()).allSatisfy(p -> assertThat(p.hint()).as(p.where()).isNotBlank());
        assertThat(result.problems()).filteredOn(p -> p.where().equals("Optics!I3")).extracting(InputProblem::hint)
                .containsExactly("give the units that may be bought, a whole number, 0 or more, or leave the cell "
                        + "blank for no limit.");
        assertThat(result.ok()).isFalse();
    }

    @Test
    void missingRequiredV2ColumnIsNamedAtTheHeaderOnce() throws IOException {
        TestWorkbook wb = v2().sheet("Inventory", row("item_id", "note"), row("dr8_800", "store room 2"))
                .sheet("Compatibility", row("optic_id", "platform"), row("dr8_800", "SW51T"));

        ReadResult result = read(wb);

        assertThat(described(result)).containsExactlyInAnyOrder(
                "Inventory!1: column \"quantity\" is missing",
                "Compatibility!1: column \"allowed\" is missing");
    }

    @Test
    void emptyInventoryAndCompatibilitySheetsWithHeadersAreEmptyLists() throws IOException {
        TestWorkbook wb = TestWorkbook.valid().sheet("Inventory", row("item_id", "quantity", "note"))
                .sheet("Compatibility", row("optic_id", "platform", "allowed", "coding_usd"));

        ReadResult result = read(wb);

        assertThat(result.problems()).isEmpty();
        assertThat(result.instance().inventory()).isEmpty();
        assertThat(result.instance().compatibility()).isEmpty();
    }

    /** YES and NO read in any case and as spreadsheet booleans, as every other YES/NO column does. */
    @Test
    void allowedReadsLikeEveryYesNoColumn() throws IOException {
        ReadResult result = read(v2().set("Compatibility", 2, 2, true).set("Compatibility", 3, 2, " No "));

        assertThat(result.problems()).isEmpty();
        assertThat(result.instance().compatibility()).extracting(CompatibilityRule::allowed)
                .containsExactly(true, false);
    }
}
