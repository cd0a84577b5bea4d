package io.fabricplan.instances;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.Planner;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.model.Device;
import io.fabricplan.model.DeviceAssignment;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Optic;
import io.fabricplan.model.PlanEvaluation;
import io.fabricplan.model.Role;
import io.fabricplan.model.StockItem;
import io.fabricplan.model.SwitchModel;
import io.fabricplan.validate.InstanceValidator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** {@link GeneratorOptions.Supply}: installed leaves, stock, max_buy limits and labour in generated fabrics. */
class FabricGeneratorSupplyTest {

    private static List<String> installedLeaves(Instance instance) {
        return instance.devices().stream().filter(d -> d.installedModel() != null).map(Device::id).toList();
    }

    @Test
    void supplyGivesInstalledLeavesStockLimitsAndLabourAndChangesNothingElse() {
        GeneratorOptions plainOptions = GeneratorOptions.of(1024);
        GeneratorOptions.Supply supply = GeneratorOptions.Supply.none().withInstalledFraction(0.5)
                .withStock("dr4_400", 100).withStock("sw51-p", 2).withStock("dr4_400", 20)
                .withMaxBuy("sw51-cpo", 10).withMaxBuy("DR4_400", 5000).withLabour(2500, 25);

        Instance plain = FabricGenerator.generate(plainOptions).instance();
        Instance refresh = FabricGenerator.generate(plainOptions.withSupply(supply)).instance();

        // 2 SUs of 8 rail leaves: the first 4 rails of each stand today as the family's pluggable model
        assertThat(installedLeaves(refresh)).containsExactly("leaf1-1", "leaf1-2", "leaf1-3", "leaf1-4", "leaf2-1",
                "leaf2-2", "leaf2-3", "leaf2-4");
        assertThat(refresh.devices()).filteredOn(d -> d.installedModel() != null)
                .allSatisfy(d -> {
                    assertThat(d.role()).isEqualTo(Role.LEAF);
                    assertThat(d.installedModel()).isEqualTo("sw51-p");
                });
        // stock: one Inventory row per item, repeated items added up, in the order given
        assertThat(refresh.inventory()).containsExactly(new StockItem("dr4_400", 120, "generated"),
                new StockItem("sw51-p", 2, "generated"));
        // max_buy on the catalog's items (ids spelt as the catalog spells them), none elsewhere
        assertThat(refresh.optics()).filteredOn(x -> x.maxBuy() != null).extracting(Optic::id, Optic::maxBuy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dr4_400", 5000));
        assertThat(refresh.switchModels()).filteredOn(m -> m.maxBuy() != null)
                .extracting(SwitchModel::id, SwitchModel::maxBuy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sw51-cpo", 10));
        assertThat(refresh.settings().switchSwapUsd()).isEqualTo(2500);
        assertThat(refresh.settings().recableUsd()).isEqualTo(25);
        assertThat(refresh.usesSupplyRules()).isTrue();
        assertThat(new InstanceValidator().validate(refresh)).isEmpty();
        // the floor, links and budgets are the plain fabric's
        Instance undone = refresh.withDevices(refresh.devices().stream().map(d -> d.withInstalledModel(null))
                        .toList()).withInventory(List.of()).withOptics(plain.optics())
                .withSwitchModels(plain.switchModels()).withSettings(plain.settings());
        assertThat(undone).isEqualTo(plain);
        assertThat(plain.usesSupplyRules()).isFalse();
    }

    @Test
    void installedLeavesAreSpreadEvenlyOverTheScalableUnitsFirstRailsFirst() {
        GeneratorOptions options = GeneratorOptions.of(1024);
        GeneratorOptions.Supply supply = GeneratorOptions.Supply.none();

        // 0.3 of 16 leaves = 4.8, rounded to 5: 2 in the first SU, 3 in the second
        assertThat(installedLeaves(FabricGenerator.generate(options.withSupply(supply.withInstalledFraction(0.3)))
                .instance())).containsExactly("leaf1-1", "leaf1-2", "leaf2-1", "leaf2-2", "leaf2-3");
        assertThat(installedLeaves(FabricGenerator.generate(options.withSupply(supply.withInstalledFraction(0.01)))
                .instance())).isEmpty();
        // 3 tiers (32 SUs, 256 leaves): every leaf, and no spine or core
        Instance all = FabricGenerator.generate(GeneratorOptions.of(16_384).withSupply(supply
                .withInstalledFraction(1))).instance();
        assertThat(installedLeaves(all)).hasSize(256);
        assertThat(all.devices()).filteredOn(Device::isSwitch).allSatisfy(d -> assertThat(d.installedModel() != null)
                .isEqualTo(d.role() == Role.LEAF));
        // a quarter of them on SW102T at 800G (4 SUs of 8 leaves): rails 1-2 of each SU, sw102-p
        Instance quarter = FabricGenerator.generate(GeneratorOptions.of(2048).withSwitchFamily("SW102T")
                .withNicGbps(800).withSupply(supply.withInstalledFraction(0.25))).instance();
        assertThat(installedLeaves(quarter)).containsExactly("leaf1-1", "leaf1-2", "leaf2-1", "leaf2-2", "leaf3-1",
                "leaf3-2", "leaf4-1", "leaf4-2");
        assertThat(quarter.devices()).filteredOn(d -> d.installedModel() != null)
                .allSatisfy(d -> assertThat(d.installedModel()).isEqualTo("sw102-p"));
    }

    @Test
    void anEmptySupplyIsTheFabricWithoutSupply() {
        GeneratedFabric none = FabricGenerator.generate(GeneratorOptions.of(1024).withSupply(
                GeneratorOptions.Supply.none()));

        assertThat(none.instance()).isEqualTo(FabricGenerator.generate(GeneratorOptions.of(1024)).instance());
        assertThat(FabricGeneratorGoldenTest.digest(none)).isEqualTo(FabricGeneratorGoldenTest.digest(
                FabricGenerator.generate(GeneratorOptions.of(1024))));
        assertThat(none.instance().usesSupplyRules()).isFalse();
    }

    @Test
    void badSupplyValuesSayWhatIsWrongAndEndWithAMaybeLine() {
        GeneratorOptions.Supply none = GeneratorOptions.Supply.none();
        assertThatThrownBy(() -> none.withInstalledFraction(1.5))
                .hasMessage("--installed-fraction must be from 0 to 1, got 1.500\nMaybe give the share of the leaves "
                        + "that already stand, e.g. --installed-fraction 0.5.");
        assertThatThrownBy(() -> none.withInstalledFraction(-0.1)).hasMessageStartingWith("--installed-fraction");
        assertThatThrownBy(() -> none.withStock("dr4-400", 10))
                .hasMessageContaining("--stock dr4-400=10: unknown item \"dr4-400\" (did you mean \"dr4_400\"?)")
                .hasMessageContaining("\nMaybe use an optic or switch model id of the default catalog, e.g. dr4_400, "
                        + "dr8_800, dr8_1600, sw51-p, sw51-cpo, sw102-p, sw102-cpo.");
        assertThatThrownBy(() -> none.withMaxBuy("laser", 3))
                .hasMessageStartingWith("--max-buy laser=3: unknown item \"laser\"\nMaybe use an optic or switch");
        assertThatThrownBy(() -> none.withStock("dr4_400", -5))
                .hasMessageContaining("--stock dr4_400=-5: the number must be 0 or more").hasMessageContaining("Maybe");
        assertThatThrownBy(() -> none.withMaxBuy("sw102-cpo", -1))
                .hasMessageContaining("--max-buy sw102-cpo=-1: the number must be 0 or more");
        assertThatThrownBy(() -> new GeneratorOptions.Supply(0, Map.of(), Map.of("sw102-cpo", 3, "SW102-CPO", 4),
                0, 0)).hasMessageContaining("--max-buy sw102-cpo is given twice");
        assertThatThrownBy(() -> none.withLabour(-1, 0))
                .hasMessageStartingWith("--switch-swap-usd must be 0 or more, got -1\nMaybe");
        assertThatThrownBy(() -> none.withLabour(0, Double.POSITIVE_INFINITY))
                .hasMessageStartingWith("--recable-usd must be 0 or more").hasMessageContaining("\nMaybe");
        assertThatThrownBy(() -> none.withLabour(0, Double.NaN)).hasMessageStartingWith("--recable-usd");
    }

    /**
     * 256 GPUs on 4-GPU nodes: one SU of 4 rail leaves and 2 spines, SW51T. Without supply the optimum buys 6 CPO
     * switches and 256 DR4 modules (one per server NIC). With 2 installed leaves, 200 DR4 modules in stock and at
     * most 3 CPO switches, the optimum keeps both installed leaves, buys 3 CPO switches (the limit binds) and one
     * pluggable switch, and takes the 200 modules from stock (re-cabled at 25 USD each).
     */
    @Test
    void aSmallRefreshSolvesOptimalAndPassesTheChecker() {
        GeneratorOptions options = GeneratorOptions.of(256).withGpusPerNode(4);
        Instance plain = FabricGenerator.generate(options).instance();
        Instance refresh = FabricGenerator.generate(options.withSupply(GeneratorOptions.Supply.none()
                .withInstalledFraction(0.5).withStock("dr4_400", 200).withMaxBuy("sw51-cpo", 3)
                .withLabour(2500, 25))).instance();
        assertThat(installedLeaves(refresh)).containsExactly("leaf1-1", "leaf1-2");

        PlanResult green = solve(plain);
        PlanResult r = solve(refresh);

        assertThat(bom(green, "sw51-cpo").bought()).isEqualTo(6);
        assertThat(bom(green, "dr4_400").bought()).isEqualTo(256);
        assertThat(bom(r, "sw51-cpo").bought()).isEqualTo(3);
        PlanEvaluation.BomRow pluggable = bom(r, "sw51-p");
        assertThat(pluggable.reused()).isEqualTo(2);
        assertThat(pluggable.bought()).isEqualTo(1);
        PlanEvaluation.BomRow dr4 = bom(r, "dr4_400");
        assertThat(dr4.reused()).isEqualTo(200);
        assertThat(dr4.totalCostUsd()).isCloseTo(dr4.bought() * 700, within(1e-6));
        assertThat(bom(r, "recable").quantity()).isEqualTo(200);
        Map<String, String> models = r.plan().devices().stream().filter(d -> d.modelId() != null)
                .collect(Collectors.toMap(DeviceAssignment::deviceId, DeviceAssignment::modelId));
        assertThat(models).containsEntry("leaf1-1", "sw51-p").containsEntry("leaf1-2", "sw51-p");
        assertThat(r.objectiveValue()).isLessThan(green.objectiveValue());
    }

    private static PlanResult solve(Instance instance) {
        PlanResult r = Planner.create().solve(instance, SolveOptions.from(instance.settings())
                .withTimeLimitSeconds(60));
        assertThat(r.status()).as("%s", r.diagnostics()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(new PlanChecker(instance).check(r.plan()).violations()).isEmpty();
        return r;
    }

    private static PlanEvaluation.BomRow bom(PlanResult r, String itemId) {
        return r.evaluation().bom().stream().filter(b -> b.itemId().equals(itemId)).findFirst().orElseThrow();
    }
}
