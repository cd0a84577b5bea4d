package io.fabricplan.instances;

import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
import io.fabricplan.model.InstanceIndex;
import io.fabricplan.model.Link;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Role;
import io.fabricplan.model.SwitchModel;
import io.fabricplan.validate.InstanceValidator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FabricGeneratorTest {

    /** Expected counts from the topology formulas of the generator's Javadoc. */
    private record Expected(int nodes, int leaves, int spines, int cores, long cables) {
        static Expected of(long gpus, int g, int radix, int tiers) {
            int down = radix / 2;
            int up = radix / 2;
            long gpusPerSu = (long) down * g;
            int sus = (int) ((gpus + gpusPerSu - 1) / gpusPerSu);
            int nodes = sus * down;
            int leaves = sus * g;
            if (tiers == 2) {
                int spines = (leaves * up + radix - 1) / radix;
                return new Expected(nodes, leaves, spines, 0, (long) nodes * g + (long) leaves * up);
            }
            int leavesPerPod = radix / 2 / g * g;
            int pods = (leaves + leavesPerPod - 1) / leavesPerPod;
            int spinesPerPod = leavesPerPod * up / (radix / 2);
            int spines = pods * spinesPerPod;
            int coresPerPlane = (pods * leavesPerPod + radix - 1) / radix;
            int cores = spinesPerPod * coresPerPlane;
            return new Expected(nodes, leaves, spines, cores, (long) nodes * g + (long) leaves * up
                    + (long) spines * leavesPerPod);
        }
    }

    private static void assertCounts(GeneratedFabric fabric, Expected e) {
        Instance instance = fabric.instance();
        Map<Role, Long> byRole = new HashMap<>();
        instance.devices().forEach(d -> byRole.merge(d.role(), 1L, Long::sum));
        assertThat(byRole.getOrDefault(Role.SERVER, 0L)).isEqualTo(e.nodes());
        assertThat(byRole.getOrDefault(Role.LEAF, 0L)).isEqualTo(e.leaves());
        assertThat(byRole.getOrDefault(Role.SPINE, 0L)).isEqualTo(e.spines());
        assertThat(byRole.getOrDefault(Role.CORE, 0L)).isEqualTo(e.cores());
        assertThat(instance.links().stream().mapToLong(Link::count).sum()).isEqualTo(e.cables());
        FabricSizing s = fabric.sizing();
        assertThat(List.of(s.nodes(), s.leaves(), s.spines(), s.cores()))
                .containsExactly(e.nodes(), e.leaves(), e.spines(), e.cores());
        assertThat(s.cables()).isEqualTo(e.cables());
        assertThat(s.linkRows()).isEqualTo(instance.links().size());
    }

    /** Every switch within its family's ports, every server's NIC ports used exactly, each at the NIC rate. */
    private static void assertPortsFit(Instance instance) {
        InstanceIndex index = new InstanceIndex(instance);
        Map<String, Double> used = new HashMap<>();
        for (Link l : instance.links()) {
            used.merge(l.aDevice(), l.count() * l.gbps(), Double::sum);
            used.merge(l.bDevice(), l.count() * l.gbps(), Double::sum);
        }
        for (Device d : instance.devices()) {
            double gbps = used.getOrDefault(d.id(), 0.0);
            if (d.isSwitch()) {
                for (SwitchModel m : index.familyModels(d.family())) {
                    assertThat(gbps).as(d.id()).isPositive().isLessThanOrEqualTo(m.ports() * m.portGbps());
                }
            } else {
                assertThat(gbps).as(d.id()).isEqualTo(d.ports() * d.portGbps());
                assertThat(index.linksOf(d.id())).allSatisfy(l -> assertThat(l.gbps()).isEqualTo(d.portGbps()));
            }
        }
    }

    private static void assertValid(Instance instance) {
        assertThat(new InstanceValidator().validate(instance)).isEmpty();
    }

    @Test
    void thousandGpusByDefaultAreTwoSuperPodLikeScalableUnitsOnTwoTiers() {
        GeneratedFabric fabric = FabricGenerator.generate(GeneratorOptions.of(1024));

        // SW51T at 400G: 128 ports, 64 down and 64 up; an SU is 64 nodes on 8 rail leaves.
        assertCounts(fabric, Expected.of(1024, 8, 128, 2));
        assertThat(fabric.sizing().nodes()).isEqualTo(128);
        assertThat(fabric.sizing().leaves()).isEqualTo(16);
        assertThat(fabric.sizing().spines()).isEqualTo(8);
        assertThat(fabric.warnings()).isEmpty();
        assertPortsFit(fabric.instance());
        assertValid(fabric.instance());
        // every leaf to every spine, 8 links each
        assertThat(fabric.instance().links()).filteredOn(l -> l.aDevice().startsWith("leaf"))
                .hasSize(16 * 8).allSatisfy(l -> assertThat(l.count()).isEqualTo(8));
    }

    @Test
    void sixteenThousandGpusNeedThreeTiersOfSw51tAt400g() {
        GeneratedFabric fabric = FabricGenerator.generate(GeneratorOptions.of(16_384));

        assertThat(fabric.sizing().tiers()).isEqualTo(3);
        assertCounts(fabric, Expected.of(16_384, 8, 128, 3));
        assertPortsFit(fabric.instance());
        assertValid(fabric.instance());
    }

    @Test
    void hundredThirtyOneThousandGpusOnSw102tAt800gGenerateInSeconds() {
        GeneratorOptions options = GeneratorOptions.of(131_072).withSwitchFamily("SW102T").withNicGbps(800);
        long start = System.nanoTime();
        GeneratedFabric fabric = FabricGenerator.generate(options);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(seconds).isLessThan(10);
        assertCounts(fabric, Expected.of(131_072, 8, 128, 3));
        assertThat(List.of(fabric.sizing().nodes(), fabric.sizing().leaves(), fabric.sizing().spines(),
                fabric.sizing().cores())).containsExactly(16_384, 2_048, 2_048, 1_024);
        assertThat(fabric.sizing().cables()).isEqualTo(393_216);
        assertPortsFit(fabric.instance());
        assertValid(fabric.instance());
    }

    @Test
    void sameSeedGivesTheSameInstanceAndAnotherSeedVariesBaseLoads() {
        GeneratorOptions options = GeneratorOptions.of(16_384).withSeed(7);
        Instance a = FabricGenerator.generate(options).instance();
        Instance b = FabricGenerator.generate(options).instance();
        Instance c = FabricGenerator.generate(options.withSeed(8)).instance();

        assertThat(a).isEqualTo(b);
        assertThat(c).isNotEqualTo(a);
        assertThat(c.links()).isEqualTo(a.links());
        assertThat(c.devices()).isEqualTo(a.devices());
    }

    @Test
    void gpuCountIsRoundedUpToWholeScalableUnitsWithAWarning() {
        GeneratedFabric fabric = FabricGenerator.generate(GeneratorOptions.of(1000));

        assertThat(fabric.sizing().gpus()).isEqualTo(1024);
        assertThat(fabric.warnings()).anySatisfy(w -> assertThat(w).contains("rounded up to 1,024 GPUs"));
    }

    @Test
    void serverRacksHaveRoomForTheirNicOpticsAndNetworkRacksAreTighterThanAllPluggable() {
        Instance instance = FabricGenerator.generate(GeneratorOptions.of(1024)).instance();
        Rack server = instance.racks().stream().filter(r -> r.id().startsWith("S")).findFirst().orElseThrow();
        assertThat(server.baseLoadKw()).isBetween(40.8 * 0.99, 40.8 * 1.01);
        assertThat(server.powerBudgetKw()).isGreaterThanOrEqualTo(server.baseLoadKw() + 1.2 - 1e-9);
        // spine rack: 8 spines of 128 x 400G; all CPO 8 x (1300 + 128 x 2.75) W, all DR pluggable 8 x (1300 + 128 x 9)
        Rack spines = instance.racks().stream().filter(r -> r.id().equals("SP1")).findFirst().orElseThrow();
        assertThat(spines.powerBudgetKw()).isGreaterThan(8 * (1300 + 128 * 2.75) / 1000)
                .isLessThan(8 * (1300 + 128 * 9.0) / 1000);
        assertThat(spines.freeU()).isEqualTo(16);
    }

    @Test
    void hallsAreSeparateSitesAndCrossHallLinksCarryTheirLength() {
        GeneratedFabric fabric = FabricGenerator.generate(GeneratorOptions.of(16_384).withHalls(2));
        Instance instance = fabric.instance();
        InstanceIndex index = new InstanceIndex(instance);

        assertThat(instance.racks()).extracting(Rack::siteId).containsOnly("hall1", "hall2");
        List<Link> crossing = instance.links().stream().filter(l -> !index.rack(index.device(l.aDevice()).rackId())
                .siteId().equals(index.rack(index.device(l.bDevice()).rackId()).siteId())).toList();
        assertThat(crossing).isNotEmpty().allSatisfy(l -> assertThat(l.lengthM())
                .isNotNull().isGreaterThanOrEqualTo(FabricGenerator.HALL_SEPARATION_M));
        assertThat(instance.links()).filteredOn(l -> !crossing.contains(l)).allSatisfy(l -> assertThat(l.lengthM())
                .isNull());
        assertPortsFit(instance);
        assertValid(instance);
    }

    @Test
    void freePlacementGivesSwitchesCandidateRacksAndNoRack() {
        Instance instance = FabricGenerator.generate(GeneratorOptions.of(16_384)
                .withPlacement(GeneratorOptions.Placement.FREE)).instance();

        List<Device> switches = instance.devices().stream().filter(Device::isSwitch).toList();
        assertThat(switches).allSatisfy(d -> {
            assertThat(d.rackId()).isNull();
            assertThat(d.candidateRacks()).hasSizeBetween(1, 3).doesNotHaveDuplicates();
            assertThat(d.isPlaced()).isTrue();
        });
        // not every switch fits in its first choice, but all fit somewhere
        InstanceIndex index = new InstanceIndex(instance);
        Map<String, Integer> preferred = new HashMap<>();
        switches.forEach(d -> preferred.merge(d.candidateRacks().get(0), 2, Integer::sum));
        assertThat(preferred).anySatisfy((rack, u) -> assertThat(u).isGreaterThan(index.rack(rack).freeU()));
        int roomU = instance.racks().stream().mapToInt(Rack::freeU).sum();
        assertThat(roomU).isGreaterThanOrEqualTo(2 * switches.size());
        assertValid(instance);
    }

    @Test
    void twoTiersRefuseWhatOnlyThreeTiersHoldAndSayWhatToDo() {
        assertThatThrownBy(() -> FabricGenerator.generate(GeneratorOptions.of(16_384).withTiers(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 8,192 GPUs")
                .hasMessageContaining("\nMaybe use --tiers 3, or --switch-family SW102T.");
    }

    @Test
    void badOptionsSayWhatIsWrongAndEndWithAMaybeLine() {
        assertThatThrownBy(() -> GeneratorOptions.of(0)).hasMessageMatching("(?s).*\nMaybe [^\n]*");
        assertThatThrownBy(() -> GeneratorOptions.of(64).withSwitchFamily("SW999"))
                .hasMessageContaining("unknown switch family \"SW999\"").hasMessageContaining("Maybe use one of SW51T");
        assertThatThrownBy(() -> GeneratorOptions.of(64).withNicGbps(100)).hasMessageContaining("Maybe");
        assertThatThrownBy(() -> FabricGenerator.generate(GeneratorOptions.of(64).withOversubscription(2)))
                .hasMessageContaining("Maybe use an oversubscription");
        assertThatThrownBy(() -> FabricGenerator.generate(GeneratorOptions.of(64).withHalls(3)))
                .hasMessageContaining("--halls 3").hasMessageContaining("Maybe");
    }

    @Test
    void oversubscribedLeavesHaveMoreNodesPerScalableUnit() {
        GeneratedFabric fabric = FabricGenerator.generate(GeneratorOptions.of(4096).withOversubscription(3));

        assertThat(fabric.sizing().downPorts()).isEqualTo(96);
        assertThat(fabric.sizing().upPorts()).isEqualTo(32);
        assertPortsFit(fabric.instance());
        assertValid(fabric.instance());
    }
}
