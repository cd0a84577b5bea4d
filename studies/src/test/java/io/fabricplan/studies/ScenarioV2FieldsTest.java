package io.fabricplan.studies;

import static io.fabricplan.studies.ScenarioInstancesTest.applied;
import static io.fabricplan.studies.ScenarioInstancesTest.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.instances.Examples;
import io.fabricplan.model.CompatibilityRule;
import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Optic;
import io.fabricplan.model.StockItem;
import io.fabricplan.model.SwitchModel;
import io.fabricplan.validate.InputProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenarios of an instance that uses the workbook v2: every override keeps its inventory, compatibility rules,
 * installed switches, platforms, supply limits and labour figures; max_buy and the labour settings are override
 * columns of their own.
 */
class ScenarioV2FieldsTest {
    /** tiny with every v2 field used: stock, installed switches, platforms, supply limits, rules and labour. */
    static final Instance STOCKED = withEveryV2Field(Examples.tiny());

    /**
     * The instance with every v2 field used on every row: each switch's installed model the first of its family,
     * platform CX7 on every device, max_buy on every optic and switch model, labour, stock and rules of the first
     * optic and model.
     */
    static Instance withEveryV2Field(Instance base) {
        List<Device> devices = base.devices().stream().map(d -> d.withPlatform("CX7").withInstalledModel(
                !d.isSwitch() ? null : base.switchModels().stream().filter(m -> m.family().equals(d.family()))
                        .map(SwitchModel::id).findFirst().orElse(null))).toList();
        String optic = base.optics().get(0).id();
        String model = base.switchModels().get(0).id();
        return base.withDevices(devices).withOptics(base.optics().stream().map(o -> o.withMaxBuy(40)).toList())
                .withSwitchModels(base.switchModels().stream().map(m -> m.withMaxBuy(1)).toList())
                .withSettings(base.settings().withLabour(1500, 20))
                .withInventory(List.of(new StockItem(optic, 12, "store room B"), new StockItem(model, 1, "")))
                .withCompatibility(List.of(new CompatibilityRule(optic, "CX7", true, 25),
                        new CompatibilityRule(optic, base.switchModels().get(0).family(), false, 0)));
    }

    private static Device device(Instance instance, String id) {
        return instance.devices().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    private static Optic optic(Instance instance, String id) {
        return instance.optics().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
    }

    private static SwitchModel model(Instance instance, String id) {
        return instance.switchModels().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void overridingPricesKeepsTheInventoryInstalledModelsAndCompatibility() {
        Instance changed = applied(STOCKED, "Optics[aec800].cost_usd *", "1.2", "SwitchModels[sw51-p].cost_usd",
                "55000", "Devices[leaf1].packaging", "PLUGGABLE", "Devices[s1].port_gbps", "800", "pue", "1.4",
                "Racks.power_budget_kw", "40", "Links[s1-leaf1].count", "1");

        assertThat(optic(changed, "aec800").costUsd()).isEqualTo(840.0);
        assertThat(model(changed, "sw51-p").costUsd()).isEqualTo(55_000.0);
        assertThat(changed.inventory()).isEqualTo(STOCKED.inventory());
        assertThat(changed.compatibility()).isEqualTo(STOCKED.compatibility());
        assertThat(device(changed, "leaf1").installedModel()).isEqualTo("sw51-p");
        assertThat(device(changed, "s1").platform()).isEqualTo("CX7");
        assertThat(optic(changed, "aec800").maxBuy()).isEqualTo(40);
        assertThat(model(changed, "sw51-cpo").maxBuy()).isEqualTo(1);
        assertThat(changed.settings().switchSwapUsd()).isEqualTo(1500.0);
        assertThat(changed.settings().recableUsd()).isEqualTo(20.0);
        assertThat(changed.usesSupplyRules()).isTrue();
    }

    /** Each sheet's rows put back give the same instance: no sheet's rebuild drops the inventory or the rules. */
    @Test
    void everySheetsRowsPutBackKeepTheWholeInstance() {
        for (SheetColumns.Table<?> table : SheetColumns.tables()) {
            assertThat(putBack(table, STOCKED)).as(table.sheet()).isEqualTo(STOCKED);
        }
    }

    private static <R> Instance putBack(SheetColumns.Table<R> table, Instance instance) {
        return table.withRows().apply(instance, table.rows().apply(instance));
    }

    @Test
    void maxBuyAndTheLabourSettingsAreOverrideColumns() {
        Instance changed = applied(STOCKED, "Optics[aec800].max_buy *", "2", "Optics[aoc800].max_buy", "6",
                "SwitchModels[sw51-cpo].max_buy", "", "switch_swap_usd", "2000", "recable_usd *", "1.5",
                "Devices[spine1].installed_model", "sw51-cpo", "Devices[s2].platform", "CX8");

        assertThat(optic(changed, "aec800").maxBuy()).isEqualTo(80);
        assertThat(optic(changed, "aoc800").maxBuy()).isEqualTo(6);
        assertThat(model(changed, "sw51-cpo").maxBuy()).as("blank: no limit").isNull();
        assertThat(changed.settings().switchSwapUsd()).isEqualTo(2000.0);
        assertThat(changed.settings().recableUsd()).isEqualTo(30.0);
        assertThat(device(changed, "spine1").installedModel()).isEqualTo("sw51-cpo");
        assertThat(device(changed, "s2").platform()).isEqualTo("CX8");
        assertThat(applied(changed, "Devices[leaf1].installed_model", "").devices()).extracting(
                Device::installedModel).containsExactly(null, "sw51-cpo", null, null);
    }

    @Test
    void aMaxBuyThatIsNotWholeOrABlankOneMultipliedIsRefused() {
        List<InputProblem> notWhole = ScenarioInstances.apply(STOCKED, scenario("Optics[aec800].max_buy", "2.5"))
                .problems();
        List<InputProblem> blank = ScenarioInstances.apply(STOCKED, scenario("Optics[aoc800].max_buy", "",
                "Optics[aoc800].max_buy *", "2")).problems();

        assertThat(notWhole).extracting(InputProblem::message).containsExactly("max_buy must be a whole number, "
                + "got 2.5");
        assertThat(notWhole).extracting(InputProblem::hint).containsExactly("write a whole number, e.g. 40, or "
                + "nothing to leave it blank.");
        assertThat(blank).extracting(InputProblem::message).containsExactly("Optics[aoc800].max_buy is blank, so "
                + "there is nothing to multiply");
    }

    @Test
    void cpoStagesKeepTheV2Fields() {
        for (int stage = 1; stage <= 3; stage++) {
            Instance staged = CpoStages.stage(STOCKED, stage);

            assertThat(device(staged, "leaf1").installedModel()).isEqualTo("sw51-p");
            assertThat(device(staged, "s1").platform()).isEqualTo("CX7");
            assertThat(staged.inventory()).isEqualTo(STOCKED.inventory());
            assertThat(staged.compatibility()).isEqualTo(STOCKED.compatibility());
            assertThat(staged.withDevices(STOCKED.devices())).isEqualTo(STOCKED.withDevices(STOCKED.devices()));
        }
        Instance lifted = CpoStages.lifted(STOCKED, 10);
        assertThat(lifted.withRacks(STOCKED.racks())).isEqualTo(STOCKED);
    }
}
