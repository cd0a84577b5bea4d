package io.fabricplan.formulations;

import io.fabricplan.api.FormulationKind;
import static io.fabricplan.formulations.Fabrics.assertCheckedPlan;
import static io.fabricplan.formulations.Fabrics.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.model.DeviceAssignment;
import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Link;
import io.fabricplan.model.Objective;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.PlanEvaluator;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Role;
import io.fabricplan.model.SolverKind;
import io.fabricplan.model.SwitchModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The aggregated model is exact: its optimum equals the per-link reference's (or, with placement, the best over
 * every placement solved by the reference), on CP-SAT, SCIP and HiGHS; it places switches; and it grows with link
 * groups, not cables.
 */
class AggregatedFabricFormulationTest {

    private final OrToolsPlanner aggregated = new OrToolsPlanner();
    private final OrToolsPlanner reference = new OrToolsPlanner(FormulationKind.REFERENCE);

    // ------------------------------------------------------------------------------------------ fixtures

    /**
     * Four twin AUTO leaves in N1, each with 4 x 800G to each of four twin servers in S1 (26 m apart: 30 m links).
     * <pre>
     *   N1: [leaf1..leaf4 AUTO SW51T] ==== 4 x 800G each pair, 30 m ==== S1: [s1..s4, 16 ports]
     *   per leaf: pluggable 1300 + 16 x 13 W AOC ends = 1508 W, 60000 + 16 x 1100 = 77600 USD
     *             CPO       1300 + 16 x 5.5 W ports  = 1388 W, 70000 + 16 x 1310 = 90960 USD
     * </pre>
     * N1 leaves 5800 W: 3 pluggable draw 4524 + 1388 = 5912 W, too much; 2 + 2 draw 5792 W. The COST optimum
     * mixes models within the twin class: 2 x 77600 + 2 x 90960 = 337120 USD.
     */
    static Instance twinLeavesTightRack() {
        Fabrics.Builder b = Fabrics.builder().catalog()
                .rack("N1", 0, 0, 40 + 5.8, 40).rack("S1", 26, 0, 20, 10);
        for (int i = 1; i <= 4; i++) {
            b.auto("leaf" + i, "SW51T", "N1");
            b.server("s" + i, "S1", 16, 800, false);
        }
        for (int i = 1; i <= 4; i++) {
            for (int j = 1; j <= 4; j++) {
                b.link("l" + i + "_" + j, "leaf" + i, "s" + j, 4, 800, null);
            }
        }
        return b.build(Objective.COST);
    }

    /**
     * Twin AUTO leaves and twin AUTO spines: both classes have several members and states, so the smaller
     * (the two spines) is split into singletons to keep the model linear.
     * <pre>
     *   SP (20,0): [spine1, spine2 AUTO SW51T]        budget 43 kW, base 40
     *        ||  4 x 800G from every leaf to every spine
     *   N1 (0,0): [leaf1, leaf2, leaf3 AUTO SW51T]    budget 45 kW, base 40
     *        ||  2 x 800G from every leaf to every server, 1.5 m
     *   N1: [s1 .. s6 LPO-capable]
     * </pre>
     */
    static Instance twinLeavesAndSpines(double leafHeadroomKw) {
        Fabrics.Builder b = Fabrics.builder().catalog()
                .rack("N1", 0, 0, 40 + leafHeadroomKw, 40).rack("SP", 20, 0, 43, 40);
        b.auto("spine1", "SW51T", "SP").auto("spine2", "SW51T", "SP");
        for (int i = 1; i <= 3; i++) {
            b.auto("leaf" + i, "SW51T", "N1");
            b.link("up" + i + "_1", "leaf" + i, "spine1", 4, 800, null);
            b.link("up" + i + "_2", "spine2", "leaf" + i, 4, 800, null); // reversed orientation on purpose
        }
        for (int s = 1; s <= 6; s++) {
            b.server("s" + s, "N1", 8, 800, true);
            for (int i = 1; i <= 3; i++) {
                b.link("d" + s + "_" + i, "s" + s, "leaf" + i, 2, 800, null);
            }
        }
        return b.build(Objective.TCO);
    }

    /** The LPO fixture of the contract test: one capable and one plain server 54 m from a pluggable leaf. */
    static Instance lpoHosts() {
        return Fabrics.builder().catalog()
                .rack("R1", 0, 0, 50, 10).rack("R2", 50, 0, 50, 10)
                .switchOf("leaf1", "SW51T", PackagingChoice.PLUGGABLE, "R1")
                .server("s1", "R2", 4, 800, true).server("s2", "R2", 4, 800, false)
                .link("l1", "leaf1", "s1", 1, 800, null).link("l2", "leaf1", "s2", 1, 800, null)
                .build(Objective.POWER);
    }

    /** A leaf asking for CPO, fixed to the CPO model, with servers in its rack. */
    static Instance cpoFixed() {
        return Fabrics.builder().catalog()
                .rack("R1", 0, 0, 50, 10)
                .switchOf("leaf1", "SW51T", PackagingChoice.CPO, "R1")
                .server("s1", "R1", 4, 800, false).server("s2", "R1", 4, 800, false)
                .link("l1", "leaf1", "s1", 4, 800, null).link("l2", "s2", "leaf1", 4, 800, null)
                .build(Objective.COST);
    }

    static Stream<Arguments> instances() {
        return Stream.of(
                Arguments.of("leaf and server, tight rack", ConstraintFamilyContractTest.leafAndServer(1.45),
                        Objective.COST),
                Arguments.of("leaf and server, loose rack", ConstraintFamilyContractTest.leafAndServer(2.0),
                        Objective.TCO),
                Arguments.of("small switch, ten servers", ConstraintFamilyContractTest.smallSwitchWithServers(10),
                        Objective.WEIGHTED),
                Arguments.of("LPO hosts", lpoHosts(), Objective.POWER),
                Arguments.of("CPO-fixed leaf", cpoFixed(), Objective.COST),
                Arguments.of("twin leaves mixing models in a tight rack", twinLeavesTightRack(), Objective.COST),
                Arguments.of("twin leaves and spines (split), tight", twinLeavesAndSpines(4.5), Objective.TCO),
                Arguments.of("twin leaves and spines (split), COST", twinLeavesAndSpines(6), Objective.COST),
                Arguments.of("leaf-spine 2 x 5, power", Fabrics.leafSpine(2, 5, 1.6, 7), Objective.POWER),
                Arguments.of("leaf-spine 4 x 10, TCO", Fabrics.leafSpine(4, 10, 1.5, 11), Objective.TCO),
                Arguments.of("leaf-spine 4 x 10, COST", Fabrics.leafSpine(4, 10, 1.5, 11), Objective.COST));
    }

    // ------------------------------------------------------------------------------------------ exactness

    @ParameterizedTest(name = "{0}")
    @MethodSource("instances")
    void aggregatedOptimumEqualsReferenceOnEveryBackend(String name, Instance instance, Objective objective) {
        for (SolverKind solver : List.of(SolverKind.CP_SAT, SolverKind.SCIP, SolverKind.HIGHS)) {
            PlanResult ref = assertCheckedPlan(instance, reference.solve(instance, Fabrics.options(objective, solver)));
            PlanResult agg = assertCheckedPlan(instance, aggregated.solve(instance,
                    Fabrics.options(objective, solver)));

            assertThat(agg.status()).as(solver + " " + agg.statistics().line()).isEqualTo(SolveStatus.OPTIMAL);
            assertThat(ref.status()).as(solver + " " + ref.statistics().line()).isEqualTo(SolveStatus.OPTIMAL);
            assertThat(agg.objectiveValue()).as(solver.name()).isCloseTo(ref.objectiveValue(),
                    within(ref.objectiveValue()));
        }
    }

    @Test
    void modelObjectiveOfTheDecodedPlanIsTheEvaluators() {
        Instance instance = twinLeavesAndSpines(4.5).withSettings(twinLeavesAndSpines(4.5).settings()
                .withObjective(Objective.TCO));
        AggregatedFabricFormulation f = AggregatedFabricFormulation.build(instance);
        MipBackend.Result r = MipBackends.create(SolverKind.CP_SAT).solve(f.model(),
                new MipBackend.Parameters(30, 0, 2, 1), MipBackend.Observer.NONE, new io.fabricplan.api.Cancellation());

        double evaluated = new PlanEvaluator(instance).evaluate(f.decode(r.values())).objectiveValue();

        assertThat(f.model().objectiveValue(r.values())).isCloseTo(evaluated, within(evaluated));
    }

    /** 337120 USD, worked out on {@link #twinLeavesTightRack()}: two leaves of each model. */
    @ParameterizedTest
    @EnumSource(value = SolverKind.class, names = {"CP_SAT", "SCIP", "HIGHS"})
    void twinLeavesMixModelsWhenTheirRackBinds(SolverKind solver) {
        Instance instance = twinLeavesTightRack();

        PlanResult r = assertCheckedPlan(instance, aggregated.solve(instance, Fabrics.options(Objective.COST, solver)));

        assertThat(r.objectiveValue()).isCloseTo(337_120, within(337_120));
        assertThat(r.plan().devices().stream().filter(d -> d.modelId() != null)
                .collect(Collectors.groupingBy(DeviceAssignment::modelId, Collectors.counting())))
                .containsExactlyInAnyOrderEntriesOf(Map.of("sw51-p", 2L, "sw51-cpo", 2L));
        AggregatedFabricFormulation f = AggregatedFabricFormulation.build(instance);
        assertThat(f.numClasses()).isEqualTo(2); // four leaves, four servers
        assertThat(f.model().variable("z[class=leaf1+3,model=sw51-cpo]").ub()).isEqualTo(4);
    }

    @Test
    void twinClassesWithChoicesOnBothSidesAreSplit() {
        AggregatedFabricFormulation f = AggregatedFabricFormulation.build(twinLeavesAndSpines(4.5));

        // leaves (3 members) stay a class, the two spines become singletons, the six servers a class
        assertThat(f.numClasses()).isEqualTo(4);
        assertThat(f.model().variable("z[class=leaf1+2,model=sw51-p]")).isNotNull();
        assertThat(f.model().variable("z[class=spine2,model=sw51-p]")).isNotNull();
    }

    // ------------------------------------------------------------------------------------------ placement

    /**
     * Servers in S, placed AUTO leaves that may stand in FAR (listed first) or NEAR.
     * <pre>
     *   S (0,0): [s1, s2]    NEAR (3,0): free_u nearU, headroom nearKw    FAR (60,0): 42 U, 20 kW
     *   every leaf: 4 x 800G to each server; S-NEAR 3 + 4 = 7 m (aec800, 700 USD), S-FAR 64 m (aoc800, 1100 USD)
     * </pre>
     */
    static Instance placement(int leaves, int nearU, double nearKw) {
        List<Rack> racks = List.of(new Rack("S", null, 0, 0, 50, 10, 0),
                new Rack("NEAR", null, 3, 0, 40 + nearKw, 40, nearU), new Rack("FAR", null, 60, 0, 60, 40, 42));
        List<Device> devices = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        devices.add(Device.server("s1", "S", 16, 800, false));
        devices.add(Device.server("s2", "S", 16, 800, false));
        for (int i = 1; i <= leaves; i++) {
            devices.add(Device.placedSwitch("leaf" + i, Role.LEAF, "SW51T", PackagingChoice.AUTO,
                    List.of("FAR", "NEAR")));
            links.add(new Link("a" + i, "leaf" + i, "s1", 4, 800, null));
            links.add(new Link("b" + i, "s2", "leaf" + i, 4, 800, null));
        }
        Instance base = Fabrics.builder().catalog().build(Objective.COST);
        return new Instance(base.settings(), racks, base.switchModels(), devices, links, base.optics());
    }

    /**
     * The reference optimum over every placement: each placed switch is fixed to each (rack, model) in turn
     * (a one-model family), combinations breaking a rack's free units are skipped, the reference model solves
     * the rest.
     */
    private double bruteForcePlacement(Instance instance, Objective objective) {
        List<Device> placed = instance.devices().stream().filter(Device::isPlaced).toList();
        List<List<String[]>> choices = new ArrayList<>();
        for (Device d : placed) {
            List<String[]> list = new ArrayList<>();
            for (SwitchModel m : instance.switchModels()) {
                if (m.family().equals(d.family()) && d.packaging().admits(m.packaging())) {
                    d.candidateRacks().forEach(r -> list.add(new String[] {r, m.id()}));
                }
            }
            choices.add(list);
        }
        double best = Double.POSITIVE_INFINITY;
        int[] pick = new int[placed.size()];
        while (true) {
            Map<String, Integer> usedU = new java.util.HashMap<>();
            List<SwitchModel> models = new ArrayList<>(instance.switchModels());
            List<Device> devices = new ArrayList<>();
            for (Device d : instance.devices()) {
                int p = placed.indexOf(d);
                if (p < 0) {
                    devices.add(d);
                    continue;
                }
                String[] c = choices.get(p).get(pick[p]);
                SwitchModel m = instance.switchModels().stream().filter(x -> x.id().equals(c[1])).findFirst()
                        .orElseThrow();
                String family = "ONLY_" + d.id();
                models.add(new SwitchModel(m.id() + "#" + d.id(), family, m.packaging(), m.ports(), m.portGbps(),
                        m.basePowerW(), m.portPowerW(), m.cpoPmd(), m.costUsd(), m.heightU(), m.lpoCapable(), "copy"));
                devices.add(Device.switchOf(d.id(), d.role(), family, PackagingChoice.AUTO, c[0]));
                usedU.merge(c[0], m.heightU(), Integer::sum);
            }
            boolean fits = usedU.entrySet().stream().allMatch(e -> instance.racks().stream()
                    .filter(r -> r.id().equals(e.getKey())).findFirst().orElseThrow().freeU() >= e.getValue());
            if (fits) {
                Instance fixed = new Instance(instance.settings(), instance.racks(), models, devices,
                        instance.links(), instance.optics());
                PlanResult r = reference.solve(fixed, Fabrics.options(objective, SolverKind.CP_SAT));
                if (r.status() == SolveStatus.OPTIMAL) {
                    best = Math.min(best, r.objectiveValue());
                }
            }
            int i = 0;
            while (i < pick.length && ++pick[i] == choices.get(i).size()) {
                pick[i++] = 0;
            }
            if (i == pick.length) {
                return best;
            }
        }
    }

    private static String rackOf(PlanResult r, String device) {
        return r.plan().devices().stream().filter(d -> d.deviceId().equals(device)).findFirst().orElseThrow()
                .rackId();
    }

    /**
     * One leaf: NEAR needs 7 m cables (8 x aec800 = 5600 USD), FAR 64 m ones (8 x aoc800 = 8800 USD); the
     * greedy baseline takes FAR, listed first. Optimum 60000 + 5600 = 65600 USD in NEAR.
     */
    @ParameterizedTest
    @EnumSource(value = SolverKind.class, names = {"CP_SAT", "SCIP", "HIGHS"})
    void placedSwitchGoesWhereCablesAreShortest(SolverKind solver) {
        Instance instance = placement(1, 42, 20);

        PlanResult r = assertCheckedPlan(instance, aggregated.solve(instance, Fabrics.options(Objective.COST, solver)));

        assertThat(rackOf(r, "leaf1")).isEqualTo("NEAR");
        assertThat(r.objectiveValue()).isCloseTo(65_600, within(65_600));
        assertThat(r.objectiveValue()).isCloseTo(bruteForcePlacement(instance, Objective.COST), within(65_600));
        assertThat(r.baseline().plan().devices()).contains(new DeviceAssignment("leaf1", "sw51-p", "FAR"));
    }

    /** Two twin leaves both want NEAR, which has 2 U free for 2 U switches: one goes to FAR (65600 + 68800). */
    @ParameterizedTest
    @EnumSource(value = SolverKind.class, names = {"CP_SAT", "SCIP", "HIGHS"})
    void rackSpaceLimitsPlacement(SolverKind solver) {
        Instance instance = placement(2, 2, 20);

        PlanResult r = assertCheckedPlan(instance, aggregated.solve(instance, Fabrics.options(Objective.COST, solver)));

        assertThat(List.of(rackOf(r, "leaf1"), rackOf(r, "leaf2"))).containsExactlyInAnyOrder("NEAR", "FAR");
        assertThat(r.objectiveValue()).isCloseTo(134_400, within(134_400));
        assertThat(r.objectiveValue()).isCloseTo(bruteForcePlacement(instance, Objective.COST), within(134_400));
    }

    /**
     * NEAR leaves 1350 W: a pluggable leaf there draws 1300 + 8 x 10 W (AEC ends) = 1380 W, too much; a CPO one
     * 1300 + 8 x 5.5 = 1344 W but costs 70000 + 8 x (1250 + 7 x 2) = 80112 USD; FAR with pluggable and AOC
     * costs 68800 USD, the optimum.
     */
    @ParameterizedTest
    @EnumSource(value = SolverKind.class, names = {"CP_SAT", "SCIP", "HIGHS"})
    void rackBudgetPushesSwitchToAnotherRack(SolverKind solver) {
        Instance instance = placement(1, 42, 1.35);

        PlanResult r = assertCheckedPlan(instance, aggregated.solve(instance, Fabrics.options(Objective.COST, solver)));

        assertThat(rackOf(r, "leaf1")).isEqualTo("FAR");
        assertThat(r.objectiveValue()).isCloseTo(68_800, within(68_800));
        assertThat(r.objectiveValue()).isCloseTo(bruteForcePlacement(instance, Objective.COST), within(68_800));
    }

    @Test
    void referenceFormulationDeclinesPlacementWithoutThrowing() {
        PlanResult r = reference.solve(placement(1, 42, 20), Fabrics.options(Objective.COST, SolverKind.CP_SAT));

        assertThat(r.status()).isEqualTo(SolveStatus.NO_SOLUTION);
        assertThat(r.diagnostics()).singleElement().asString().contains("cannot place switches");
    }

    // ------------------------------------------------------------------------------------------ size

    /** The same fabric with 8 times the cables on every link builds exactly the same number of variables. */
    @Test
    void modelSizeDependsOnGroupsNotOnParallelCables() {
        Instance small = bigSwitchFabric(1);
        Instance large = bigSwitchFabric(8);

        MipModel a = AggregatedFabricFormulation.build(small).model();
        MipModel b = AggregatedFabricFormulation.build(large).model();

        assertThat(SyntheticFabrics.cables(large)).isEqualTo(8 * SyntheticFabrics.cables(small));
        assertThat(b.numVariables()).isEqualTo(a.numVariables());
        assertThat(b.numRows()).isEqualTo(a.numRows());
    }

    /** 256 servers (4 per rack) with 2 x 800G to each of 8 leaves of a roomy custom family, leaves to 4 spines. */
    private static Instance bigSwitchFabric(int multiplier) {
        Fabrics.Builder b = Fabrics.builder().catalog()
                .model(new SwitchModel("big-p", "BIG", io.fabricplan.model.Packaging.PLUGGABLE, 100_000, 800, 2000, 0,
                        null, 100_000, 2, true, "test"))
                .model(new SwitchModel("big-cpo", "BIG", io.fabricplan.model.Packaging.CPO, 100_000, 800, 2000, 5,
                        "DR", 120_000, 2, false, "test"));
        b.rack("NET", 0, -5, 1000, 0).rack("SPN", 10, -20, 1000, 0);
        for (int j = 1; j <= 4; j++) {
            b.auto("spine" + j, "BIG", "SPN");
        }
        for (int i = 1; i <= 8; i++) {
            b.auto("leaf" + i, "BIG", "NET");
            for (int j = 1; j <= 4; j++) {
                b.link("u" + i + "_" + j, "leaf" + i, "spine" + j, 16 * multiplier, 800, null);
            }
        }
        for (int s = 0; s < 256; s++) {
            String rack = "R" + (s / 4);
            if (s % 4 == 0) {
                b.rack(rack, 0.6 * (s / 4), 0, 100, 0);
            }
            b.server("srv" + s, rack, 16 * multiplier, 800, false);
            for (int i = 1; i <= 8; i++) {
                b.link("d" + s + "_" + i, "srv" + s, "leaf" + i, 2 * multiplier, 800, null);
            }
        }
        return b.build(Objective.TCO);
    }

    /** A rail-optimised 2-tier fabric of 4,096 GPUs (8,192 cables) builds far fewer variables than cables. */
    @Test
    void railOptimisedFabricBuildsFarFewerVariablesThanCables() {
        Instance instance = SyntheticFabrics.railOptimised(4096, 2, 28, Objective.TCO);

        AggregatedFabricFormulation f = AggregatedFabricFormulation.build(instance);

        assertThat(SyntheticFabrics.cables(instance)).isEqualTo(8192);
        // servers of a rack split in two classes (LPO-capable NICs or not), leaves of an SU one, spines one each
        assertThat(f.numClasses()).isEqualTo(256 + 8 + 32);
        assertThat(f.model().numVariables()).isLessThan((int) (SyntheticFabrics.cables(instance) / 3));
    }
}
