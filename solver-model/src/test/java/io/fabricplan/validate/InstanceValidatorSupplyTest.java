package io.fabricplan.validate;

import io.fabricplan.model.CompatibilityRule;
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
import io.fabricplan.model.StockItem;
import io.fabricplan.model.SwitchModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workbook v2 supply fields: Inventory rows, Devices.installed_model, max_buy and the labour settings.
 *
 * <pre>
 *   R1 (0,0): leaf (SW51T, AUTO) -- 1.5 m -- srv        R2 (600,0): empty
 * </pre>
 */
class InstanceValidatorSupplyTest {
    private static final List<Rack> RACKS = List.of(new Rack("R1", "main", 0, 0, 10, 0, 10),
            new Rack("R2", "main", 600, 0, 10, 0, 10));
    private static final Device LEAF = Device.switchOf("leaf", Role.LEAF, "SW51T", PackagingChoice.AUTO, "R1");
    private static final Device SRV = Device.server("srv", "R1", 1, 800, false);

    private static Instance base() {
        return new Instance(Settings.defaults(), RACKS, DefaultCatalog.switchModels(), List.of(LEAF, SRV),
                List.of(new Link("l1", "srv", "leaf", 1, 800, null)), DefaultCatalog.optics());
    }

    private static List<InputProblem> problems(Instance instance) {
        return new InstanceValidator().validate(instance);
    }

    @Test
    void supplyFieldsWithinRangeGiveNoProblems() {
        Instance v2 = base().withInventory(List.of(new StockItem("dr8_800", 40, "store room"),
                        new StockItem("dr8_800", 8, "hall 2"), new StockItem("sw51-p", 0, "")))
                .withDevices(List.of(LEAF.withInstalledModel("sw51-p").withPlatform("TH5"), SRV.withPlatform("CX7")))
                .withSettings(Settings.defaults().withLabour(2000, 40));

        assertThat(problems(v2)).isEmpty();
    }

    @Test
    void inventoryItemThatIsNeitherOpticNorModelIsNamedWithSuggestion() {
        Instance bad = base().withInventory(List.of(new StockItem("dr8-800", 16, "")));

        assertThat(problems(bad)).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("Inventory[dr8-800].item_id");
            assertThat(p.message()).isEqualTo("unknown item \"dr8-800\": neither an optic nor a switch model");
            assertThat(p.hint()).isEqualTo("add it to the Optics or SwitchModels sheet or correct the id "
                    + "(did you mean \"dr8_800\"?).");
        });
    }

    @Test
    void inventoryItemThatIsBothOpticAndModelIsAmbiguous() {
        List<SwitchModel> models = new ArrayList<>(DefaultCatalog.switchModels());
        models.add(new SwitchModel("dr8_800", "SWX", io.fabricplan.model.Packaging.PLUGGABLE, 32, 800, 500, 0, null,
                20_000, 1, false, ""));
        Instance bad = base().withSwitchModels(models).withInventory(List.of(new StockItem("dr8_800", 4, "")));

        assertThat(problems(bad)).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("Inventory[dr8_800].item_id");
            assertThat(p.message()).isEqualTo("item \"dr8_800\" is ambiguous: both an optic and a switch model have "
                    + "that id");
            assertThat(p.hint()).isEqualTo("give the optic or the switch model another id, so that the stock names "
                    + "one of them.");
        });
    }

    @Test
    void negativeInventoryQuantityIsReported() {
        Instance bad = base().withInventory(List.of(new StockItem("sw51-p", -2, "")));

        assertThat(problems(bad)).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("Inventory[sw51-p].quantity");
            assertThat(p.message()).isEqualTo("quantity must be 0 or more, got -2");
            assertThat(p.hint()).isEqualTo("give the units owned, e.g. 16.");
        });
    }

    @Test
    void installedModelThatIsNoSwitchModelIsNamedWithSuggestion() {
        Instance bad = base().withDevices(List.of(LEAF.withInstalledModel("sw51p"), SRV));

        assertThat(problems(bad)).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("Devices[leaf].installed_model");
            assertThat(p.message()).isEqualTo("unknown switch model \"sw51p\"");
            assertThat(p.hint()).isEqualTo("add it to the SwitchModels sheet or correct the id "
                    + "(did you mean \"sw51-p\"?).");
        });
    }

    @Test
    void serverWithInstalledModelIsReported() {
        Instance bad = base().withDevices(List.of(LEAF, SRV.withInstalledModel("sw51-p")));

        assertThat(problems(bad)).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("Devices[srv].installed_model");
            assertThat(p.message()).isEqualTo("server \"srv\" has installed_model \"sw51-p\"; only switches "
                    + "(devices with a family) have an installed model");
            assertThat(p.hint()).isEqualTo("clear installed_model, or give the device the family of its switch "
                    + "model.");
        });
    }

    @Test
    void installedSwitchPlacedByTheOptimiserIsReported() {
        Device placed = Device.placedSwitch("leaf", Role.LEAF, "SW51T", PackagingChoice.AUTO, List.of("R1", "R2"))
                .withInstalledModel("sw51-p");
        Instance bad = base().withDevices(List.of(placed, SRV));

        assertThat(problems(bad)).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("Devices[leaf].installed_model");
            assertThat(p.message()).isEqualTo("switch \"leaf\" has installed_model \"sw51-p\" but candidate_racks "
                    + "instead of a rack_id; an installed switch is not placed by the optimiser");
            assertThat(p.hint()).isEqualTo("give the rack_id it stands in today instead of candidate_racks, or "
                    + "clear installed_model for a new position.");
        });
    }

    @Test
    void installedModelOfAnotherFamilyOrExcludedPackagingIsAllowedAsAlwaysReplaced() {
        Device pluggable = Device.switchOf("leaf", Role.LEAF, "SW51T", PackagingChoice.PLUGGABLE, "R1");
        Instance otherFamily = base().withDevices(List.of(pluggable.withInstalledModel("sw102-p"), SRV));
        Instance cpoInstalled = base().withDevices(List.of(pluggable.withInstalledModel("sw51-cpo"), SRV));

        assertThat(problems(otherFamily)).isEmpty();
        assertThat(problems(cpoInstalled)).isEmpty();
    }

    @Test
    void negativeMaxBuyIsReportedOnOpticsAndSwitchModels() {
        List<Optic> optics = new ArrayList<>(DefaultCatalog.optics());
        optics.replaceAll(o -> o.id().equals("dr8_800") ? o.withMaxBuy(-1) : o.id().equals("sr8_800")
                ? o.withMaxBuy(0) : o);
        List<SwitchModel> models = new ArrayList<>(DefaultCatalog.switchModels());
        models.replaceAll(m -> m.id().equals("sw102-p") ? m.withMaxBuy(-5) : m);
        Instance bad = base().withOptics(optics).withSwitchModels(models);

        assertThat(problems(bad)).extracting(InputProblem::where, InputProblem::message, InputProblem::hint)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("SwitchModels[sw102-p].max_buy",
                                "max_buy must be 0 or more, got -5",
                                "give the units that may be bought, or leave max_buy blank for no limit."),
                        org.assertj.core.groups.Tuple.tuple("Optics[dr8_800].max_buy",
                                "max_buy must be 0 or more, got -1",
                                "give the units that may be bought, or leave max_buy blank for no limit."));
    }

    @Test
    void labourSettingsMustBeFiniteAndNotNegative() {
        Instance negative = base().withSettings(Settings.defaults().withLabour(-1, 0));
        Instance endless = base().withSettings(Settings.defaults().withLabour(0, Double.POSITIVE_INFINITY));

        assertThat(problems(negative)).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("Settings[switch_swap_usd].value");
            assertThat(p.message()).isEqualTo("switch_swap_usd must be 0 or more, got -1");
            assertThat(p.hint()).isNull();
        });
        assertThat(problems(endless)).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("Settings[recable_usd].value");
            assertThat(p.message()).isEqualTo("recable_usd must be at most 1000000000, got Infinity");
            assertThat(p.hint()).isEqualTo("give the US dollars of labour to re-cable one optic unit from the "
                    + "Inventory, e.g. 40.");
        });
    }

    @Test
    void codingAndRecablingCountTowardsWhatAPlanCouldCost() {
        // a million AOCs of 1,000 USD cost 2e9: well within what the solvers compute exactly, until each end's
        // coding or each unit's re-cabling labour is 1e9 USD
        Optic aoc = new Optic("aoc", OpticKind.AOC, 800, 100, null, Media.MMF, 0, 1000, 0, false, "");
        Instance million = base().withOptics(List.of(aoc))
                .withLinks(List.of(new Link("l1", "srv", "leaf", 1_000_000, 800, null)))
                .withDevices(List.of(LEAF, SRV.withPlatform("CX7")));
        Instance coded = million.withCompatibility(List.of(new CompatibilityRule("aoc", "CX7", true, 1e9),
                new CompatibilityRule("aoc", "SW51T", true, 1e9)));
        Instance recabled = million.withInventory(List.of(new StockItem("aoc", 1_000_000, "")))
                .withSettings(Settings.defaults().withLabour(0, 1e9));

        assertThat(problems(million)).isEmpty();
        for (Instance dear : List.of(coded, recabled)) {
            assertThat(problems(dear)).singleElement().satisfies(p -> {
                assertThat(p.where()).isEqualTo("Links[l1].count");
                assertThat(p.message()).isEqualTo("a plan's objective could reach 2.0e15 USD, beyond the 1.0e15 the "
                        + "solvers compute exactly (link \"l1\" alone up to 2.0e15 for its 1000000 cables)");
                assertThat(p.hint()).isEqualTo("check the units of cost_usd and power_w in Optics and SwitchModels, "
                        + "of count in Links, of coding_usd in Compatibility, and of energy_usd_per_kwh, pue, years, "
                        + "switch_swap_usd and recable_usd in Settings.");
            });
        }
    }
}
