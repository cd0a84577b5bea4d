package io.fabricplan.instances;

import io.fabricplan.api.FormulationKind;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.Planner;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.Device;
import io.fabricplan.model.DeviceAssignment;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Link;
import io.fabricplan.model.LinkAssignment;
import io.fabricplan.model.Optic;
import io.fabricplan.model.PlanEvaluation;
import io.fabricplan.model.Role;
import io.fabricplan.model.StockItem;
import io.fabricplan.validate.InstanceValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link GeneratorOptions#withBreakouts}: the default catalog's breakout items in generated fabrics. */
class FabricGeneratorBreakoutTest {

    private static List<Optic> followedByBreakouts(List<Optic> optics) {
        List<Optic> all = new ArrayList<>(optics);
        all.addAll(DefaultCatalog.breakoutOptics());
        return all;
    }

    @Test
    void breakoutsAreOffByDefault() {
        assertThat(GeneratorOptions.of(1024).breakouts()).isFalse();
        assertThat(FabricGenerator.generate(GeneratorOptions.of(1024)).instance().optics())
                .isEqualTo(DefaultCatalog.optics());
        assertThat(GeneratorOptions.of(1024).withBreakouts(true).withBreakouts(false))
                .isEqualTo(GeneratorOptions.of(1024));
    }

    @Test
    void breakoutsFollowTheCatalogsOpticsAndChangeNothingElse() {
        GeneratedFabric plain = FabricGenerator.generate(GeneratorOptions.of(1024));
        GeneratedFabric twin = FabricGenerator.generate(GeneratorOptions.of(1024).withBreakouts(true));

        assertThat(twin.instance().optics()).isEqualTo(DefaultCatalog.opticsWithBreakouts());
        assertThat(twin.instance().optics()).filteredOn(Optic::isBreakout).extracting(Optic::id)
                .containsExactly("twin_sr4_800", "twin_dr4_800", "twin_fr4_800", "twin_dr4_1600", "dac800_2x400",
                        "aoc800_2x400");
        // the floor, links, budgets, sizing and warnings are those without breakouts
        assertThat(twin.instance().withOptics(plain.instance().optics())).isEqualTo(plain.instance());
        assertThat(twin.sizing()).isEqualTo(plain.sizing());
        assertThat(twin.warnings()).isEqualTo(plain.warnings()).isEmpty();
        assertThat(new InstanceValidator().validate(twin.instance())).isEmpty();
    }

    @Test
    void hallsOverSpansGetTheDwdmOpticsFollowedByTheBreakouts() {
        GeneratorOptions spans = GeneratorOptions.of(2048).withHalls(2).withHallSpans(
                GeneratorOptions.HallSpans.defaults());
        Instance plain = FabricGenerator.generate(spans).instance();
        Instance twin = FabricGenerator.generate(spans.withBreakouts(true)).instance();

        assertThat(twin.optics()).isEqualTo(followedByBreakouts(DefaultCatalog.dwdmOptics()));
        assertThat(twin.withOptics(plain.optics())).isEqualTo(plain);
    }

    @Test
    void at800GNoTwinPortModuleFitsTheSwitchPortsAndTheGeneratorSaysSo() {
        GeneratedFabric fabric = FabricGenerator.generate(GeneratorOptions.of(2048).withSwitchFamily("SW102T")
                .withNicGbps(800).withBreakouts(true));

        assertThat(fabric.instance().optics()).isEqualTo(DefaultCatalog.opticsWithBreakouts());
        assertThat(fabric.warnings()).containsExactly("--breakouts at 800G: no twin-port module or breakout cable of "
                + "the default catalog fits SW102T's 800G ports (each needs a port of its whole rate, twice the "
                + "link's); only dr4_800 (single-port) is new; use --nic-gbps 400 for twin-port modules at the "
                + "switches");
        // at 400G on the same family they fit: no warning
        assertThat(FabricGenerator.generate(GeneratorOptions.of(2048).withSwitchFamily("SW102T").withBreakouts(true))
                .warnings()).isEmpty();
    }

    @Test
    void breakoutItemsMayBeStockedOrLimitedOnlyWithBreakouts() {
        GeneratorOptions.Supply twinStock = GeneratorOptions.Supply.none().withStock("TWIN_SR4_800", 40)
                .withMaxBuy("aoc800_2x400", 100);

        Instance refresh = FabricGenerator.generate(GeneratorOptions.of(1024).withBreakouts(true)
                .withSupply(twinStock)).instance();

        assertThat(refresh.inventory()).containsExactly(new StockItem("twin_sr4_800", 40, "generated"));
        assertThat(refresh.optics()).filteredOn(x -> x.maxBuy() != null).extracting(Optic::id, Optic::maxBuy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("aoc800_2x400", 100));
        assertThat(new InstanceValidator().validate(refresh)).isEmpty();
        assertThatThrownBy(() -> GeneratorOptions.of(1024).withSupply(twinStock))
                .hasMessage("--stock twin_sr4_800=40: twin_sr4_800 is one of the default catalog's breakout items, "
                        + "which the instance has only with --breakouts\nMaybe add --breakouts, or use an item of "
                        + "the catalog without breakouts.");
        assertThatThrownBy(() -> GeneratorOptions.of(1024).withBreakouts(true).withSupply(twinStock)
                .withBreakouts(false)).hasMessageStartingWith("--stock twin_sr4_800=40");
        assertThatThrownBy(() -> GeneratorOptions.of(1024).withSupply(GeneratorOptions.Supply.none()
                .withMaxBuy("dr4_800", 5))).hasMessageStartingWith("--max-buy dr4_800=5: dr4_800 is one of the "
                + "default catalog's breakout items").hasMessageContaining("\nMaybe add --breakouts");
    }

    /**
     * 1,024 GPUs at 400G NICs (the generator's default rate) on SW51T (800G ports), with breakouts. As a green
     * field the optimum makes every switch CPO, as without them (a CPO port takes no module): the same TCO. With
     * half the leaves standing as pluggable sw51-p (kept at no capex), those leaves take twin-port modules: 2xSR4
     * facing the servers' SR4 modules and 2xDR4 facing each other's on the uplinks, whole modules per leaf
     * (ceil(links / 2)); the plan passes the checker and is cheaper than the same refresh without breakouts
     * (TCO about 2.47 against 2.54 million USD).
     */
    @Test
    void aGenerated1kFabricWithBreakoutsSolvesWithTwinPortModulesAtThePluggableLeaves() {
        GeneratorOptions green = GeneratorOptions.of(1024);
        assertThat(green.nicGbps()).isEqualTo(400);
        GeneratorOptions.Supply halfInstalled = GeneratorOptions.Supply.none().withInstalledFraction(0.5)
                .withLabour(2500, 25);

        PlanResult greenPlain = solve(FabricGenerator.generate(green).instance());
        Instance greenTwinInstance = FabricGenerator.generate(green.withBreakouts(true)).instance();
        PlanResult greenTwin = solve(greenTwinInstance);

        assertThat(greenTwin.plan().devices()).filteredOn(d -> d.modelId() != null)
                .allSatisfy(d -> assertThat(d.modelId()).isEqualTo("sw51-cpo"));
        assertThat(greenTwin.objectiveValue()).isCloseTo(greenPlain.objectiveValue(),
                org.assertj.core.data.Offset.offset(1e-6 * greenPlain.objectiveValue()));

        PlanResult refreshPlain = solve(FabricGenerator.generate(green.withSupply(halfInstalled)).instance());
        Instance refresh = FabricGenerator.generate(green.withSupply(halfInstalled).withBreakouts(true)).instance();
        PlanResult r = solve(refresh);

        Map<String, Device> devices = refresh.devices().stream().collect(Collectors.toMap(Device::id,
                Function.identity()));
        Map<String, Link> links = refresh.links().stream().collect(Collectors.toMap(Link::id, Function.identity()));
        Map<String, String> models = r.plan().devices().stream().filter(d -> d.modelId() != null)
                .collect(Collectors.toMap(DeviceAssignment::deviceId, DeviceAssignment::modelId));
        List<LinkAssignment> twinAtLeaf = r.plan().links().stream().filter(a -> {
            Link l = links.get(a.linkId());
            return devices.get(l.bDevice()).role() == Role.LEAF && a.bEndOpticId().startsWith("twin_");
        }).toList();
        assertThat(twinAtLeaf).isNotEmpty();
        // on a server link the server's single-port module faces the leaf's twin-port one, which it pairs with
        assertThat(twinAtLeaf).filteredOn(a -> devices.get(links.get(a.linkId()).aDevice()).role() == Role.SERVER)
                .isNotEmpty().allSatisfy(a -> {
                    assertThat(a.opticId() + "/" + a.bOpticId()).isIn("sr4_400/twin_sr4_800", "dr4_400/twin_dr4_800",
                            "fr4_400/twin_fr4_800");
                    assertThat(models.get(links.get(a.linkId()).bDevice())).isEqualTo("sw51-p");
                });
        // whole modules per leaf: ceil(links / 2) of each twin-port module, as the BOM counts them
        List<PlanEvaluation.PooledRow> twinUnits = r.evaluation().pooled().stream()
                .filter(p -> p.opticId().startsWith("twin_")).toList();
        assertThat(twinUnits).allSatisfy(p -> assertThat(p.units()).isEqualTo((p.links() + 1) / 2));
        for (String twin : List.of("twin_sr4_800", "twin_dr4_800")) {
            assertThat(r.evaluation().bom()).filteredOn(b -> b.itemId().equals(twin)).singleElement()
                    .satisfies(b -> assertThat(b.quantity()).isEqualTo(twinUnits.stream()
                            .filter(p -> p.opticId().equals(twin)).mapToLong(PlanEvaluation.PooledRow::units).sum()));
        }
        assertThat(r.objectiveValue()).isLessThan(refreshPlain.objectiveValue());
    }

    private static PlanResult solve(Instance instance) {
        PlanResult r = Planner.create().solve(instance, SolveOptions.from(instance.settings())
                .withFormulation(FormulationKind.AGGREGATED).withTimeLimitSeconds(60));
        assertThat(r.status()).as("%s", r.diagnostics()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(new PlanChecker(instance).check(r.plan()).violations()).isEmpty();
        return r;
    }
}
