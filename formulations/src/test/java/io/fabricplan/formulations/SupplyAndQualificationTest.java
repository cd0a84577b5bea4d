package io.fabricplan.formulations;

import static io.fabricplan.formulations.Fabrics.assertCheckedPlan;
import static io.fabricplan.formulations.Fabrics.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.FormulationKind;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.model.DeviceAssignment;
import io.fabricplan.model.Instance;
import io.fabricplan.model.LinkAssignment;
import io.fabricplan.model.Media;
import io.fabricplan.model.Objective;
import io.fabricplan.model.Optic;
import io.fabricplan.model.OpticKind;
import io.fabricplan.model.Packaging;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.PlanEvaluation;
import io.fabricplan.model.SolverKind;
import io.fabricplan.model.SwitchModel;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stock, installed switches, supply limits and platform qualification (workbook v2) in every formulation, on tiny
 * instances whose optima are worked out by hand below. Every plan passes the independent checker, and its
 * objective is the evaluator's.
 *
 * <p>Optics of the fixtures (800G): {@code aoc} an assembly, 5 m, 20 W, 100 USD; {@code dr} a DR module, 500 m,
 * 8 W, 300 USD per module, no fiber cost. Family F: {@code p} PLUGGABLE 64 x 800G, 500 W, 10,000 USD; {@code p2}
 * PLUGGABLE, 500 W, 10,050 USD; {@code c} CPO (DR ports), 300 W + 5 W per port, 12,000 USD.
 */
class SupplyAndQualificationTest {

    static final Optic AOC = new Optic("aoc", OpticKind.AOC, 800, 5, null, Media.MMF, 20, 100, 0, false, "test");
    static final Optic DR = new Optic("dr", OpticKind.TRANSCEIVER, 800, 500, "DR", Media.SMF, 8, 300, 0, false,
            "test");
    static final SwitchModel P = new SwitchModel("p", "F", Packaging.PLUGGABLE, 64, 800, 500, 0, null, 10_000, 1,
            false, "test");
    static final SwitchModel P2 = new SwitchModel("p2", "F", Packaging.PLUGGABLE, 64, 800, 500, 0, null, 10_050, 1,
            false, "test");
    static final SwitchModel C = new SwitchModel("c", "F", Packaging.CPO, 64, 800, 300, 5, "DR", 12_000, 1, false,
            "test");

    static Stream<Arguments> formulations() {
        return Stream.of(FormulationKind.AGGREGATED, FormulationKind.REFERENCE, FormulationKind.NAIVE_CABLE)
                .map(Arguments::of);
    }

    private static PlanResult solve(Instance instance, FormulationKind kind) {
        return solve(instance, kind, SolverKind.CP_SAT);
    }

    private static PlanResult solve(Instance instance, FormulationKind kind, SolverKind solver) {
        PlanResult r = new OrToolsPlanner(kind).solve(instance, Fabrics.options(instance.settings().objective(),
                solver));
        assertThat(r.status()).as("%s", r.diagnostics()).isEqualTo(SolveStatus.OPTIMAL);
        return assertCheckedPlan(instance, r);
    }

    private static Map<String, Integer> opticCounts(PlanResult r, String linkId) {
        return r.plan().links().stream().filter(a -> a.linkId().equals(linkId))
                .collect(Collectors.toMap(LinkAssignment::opticId, LinkAssignment::count, Integer::sum));
    }

    private static PlanEvaluation.BomRow bom(PlanResult r, String itemId) {
        return r.evaluation().bom().stream().filter(b -> b.itemId().equals(itemId)).findFirst().orElseThrow();
    }

    private static String modelOf(PlanResult r, String deviceId) {
        return r.plan().devices().stream().filter(d -> d.deviceId().equals(deviceId)).findFirst()
                .map(DeviceAssignment::modelId).orElseThrow();
    }

    /** Two servers in one rack joined by 8 cables of 1.5 m; 6 dr modules in stock; re-cabling 10 USD a unit. */
    static Fabrics.Builder stockedPair() {
        return Fabrics.builder().optic(AOC).optic(DR)
                .rack("R1", 0, 0, 50, 10)
                .server("s1", "R1", 8, 800, false).server("s2", "R1", 8, 800, false)
                .link("l1", "s1", "s2", 8, 800, null)
                .stock("dr", 6).labour(0, 10);
    }

    /**
     * stockUse: k cables on dr take 2k modules, min(2k, 6) from stock at 10 USD, the rest at 300; the other 8 - k
     * are aoc at 100. Capex(k) = 600k - 290 min(2k, 6) + 100 (8 - k): k = 0..4 gives 800, 720, 640, 560, 1060.
     * Optimum k = 3: 560 USD = 5 aoc (500) + 6 modules re-cabled (60); nothing of dr bought.
     */
    @ParameterizedTest
    @MethodSource("formulations")
    void stockIsUsedWhereReCablingBeatsBuying(FormulationKind kind) {
        PlanResult r = solve(stockedPair().build(Objective.COST), kind);

        assertThat(r.objectiveValue()).isCloseTo(560, within(560));
        assertThat(opticCounts(r, "l1")).containsExactlyInAnyOrderEntriesOf(Map.of("dr", 3, "aoc", 5));
        PlanEvaluation.BomRow dr = bom(r, "dr");
        assertThat(new double[] {dr.quantity(), dr.reused(), dr.bought(), dr.totalCostUsd()})
                .containsExactly(6, 6, 0, 0);
        assertThat(bom(r, "recable").totalCostUsd()).isCloseTo(60, within(60));
    }

    /**
     * supplyLimit: at most 4 aoc can be bought, so k >= 4 cables are dr: 8 modules, 6 from stock (60 USD), 2
     * bought (600), and 4 aoc (400): 1060 USD.
     */
    @ParameterizedTest
    @MethodSource("formulations")
    void supplyLimitForcesTheDearerOption(FormulationKind kind) {
        Instance instance = stockedPair().build(Objective.COST);
        instance = instance.withOptics(instance.optics().stream()
                .map(o -> o.id().equals("aoc") ? o.withMaxBuy(4) : o).toList());

        PlanResult r = solve(instance, kind);

        assertThat(r.objectiveValue()).isCloseTo(1060, within(1060));
        assertThat(opticCounts(r, "l1")).containsExactlyInAnyOrderEntriesOf(Map.of("dr", 4, "aoc", 4));
        assertThat(bom(r, "dr").bought()).isEqualTo(2);
        assertThat(bom(r, "aoc").bought()).isEqualTo(4);
    }

    /** The same limit under every backend: 1060 USD. */
    @ParameterizedTest
    @EnumSource(value = SolverKind.class, names = {"CP_SAT", "SCIP", "HIGHS", "CHOCO"})
    void supplyLimitHoldsInEveryBackend(SolverKind solver) {
        Instance instance = stockedPair().build(Objective.COST);
        instance = instance.withOptics(instance.optics().stream()
                .map(o -> o.id().equals("aoc") ? o.withMaxBuy(4) : o).toList());

        PlanResult r = solve(instance, FormulationKind.AGGREGATED, solver);

        assertThat(r.objectiveValue()).isCloseTo(1060, within(1060));
    }

    /**
     * When re-cabling a unit (400 USD) costs more than a new one (300), the plan buys first: with the link all dr
     * (aoc removed), 16 modules are bought and none re-cabled: 4800 USD. With max_buy 12, 4 come from stock:
     * 3600 + 1600 = 5200 USD.
     */
    @ParameterizedTest
    @MethodSource("formulations")
    void dearReCablingBuysFirstUpToTheLimit(FormulationKind kind) {
        Fabrics.Builder b = Fabrics.builder().optic(DR).rack("R1", 0, 0, 50, 10)
                .server("s1", "R1", 8, 800, false).server("s2", "R1", 8, 800, false)
                .link("l1", "s1", "s2", 8, 800, null).stock("dr", 6).labour(0, 400);

        assertThat(solve(b.build(Objective.COST), kind).objectiveValue()).isCloseTo(4800, within(4800));

        Instance limited = b.build(Objective.COST);
        limited = limited.withOptics(limited.optics().stream().map(o -> o.withMaxBuy(12)).toList());
        PlanResult r = solve(limited, kind);
        assertThat(r.objectiveValue()).isCloseTo(5200, within(5200));
        assertThat(bom(r, "dr").reused()).isEqualTo(4);
    }

    /** A leaf of family F (AUTO) in R1 with one 1.5 m link to server s1. */
    static Fabrics.Builder leafAndServer(PackagingChoice packaging) {
        return Fabrics.builder().optic(AOC).optic(DR).model(P).model(C)
                .rack("R1", 0, 0, 50, 10)
                .switchOf("leaf1", "F", packaging, "R1").installed("p")
                .server("s1", "R1", 8, 800, false)
                .link("l1", "leaf1", "s1", 1, 800, null)
                .labour(500, 0);
    }

    /** An installed p is kept at no capex: the plan costs one aoc, 100 USD; the BOM reuses the switch. */
    @ParameterizedTest
    @MethodSource("formulations")
    void installedSwitchIsKeptAtNoCapex(FormulationKind kind) {
        PlanResult r = solve(leafAndServer(PackagingChoice.AUTO).build(Objective.COST), kind);

        assertThat(modelOf(r, "leaf1")).isEqualTo("p");
        assertThat(r.objectiveValue()).isCloseTo(100, within(100));
        PlanEvaluation.BomRow p = bom(r, "p");
        assertThat(new double[] {p.quantity(), p.reused(), p.bought()}).containsExactly(1, 1, 0);
    }

    /**
     * A leaf asking for CPO must replace its installed p: c (12,000) + swap labour (500) + a dr module at the server
     * (300) = 12,800 USD; with a c in stock, 800 USD.
     */
    @ParameterizedTest
    @MethodSource("formulations")
    void replacedSwitchIsBoughtWithSwapLabourUnlessInStock(FormulationKind kind) {
        PlanResult bought = solve(leafAndServer(PackagingChoice.CPO).build(Objective.COST), kind);
        assertThat(bought.objectiveValue()).isCloseTo(12_800, within(12_800));
        assertThat(bom(bought, "switch-swap").totalCostUsd()).isEqualTo(500);

        PlanResult fromStock = solve(leafAndServer(PackagingChoice.CPO).stock("c", 1).build(Objective.COST), kind);
        assertThat(fromStock.objectiveValue()).isCloseTo(800, within(800));
        assertThat(bom(fromStock, "c").reused()).isEqualTo(1);
    }

    /**
     * Two CPO leaves, one c in stock and none to buy: infeasible, and the diagnosis names the model and the
     * shortfall.
     */
    @Test
    void switchShortfallIsNamedWithTheNumbers() {
        SwitchModel none = C.withMaxBuy(0);
        Instance instance = Fabrics.builder().optic(DR).model(P).model(none)
                .rack("R1", 0, 0, 50, 10)
                .switchOf("leaf1", "F", PackagingChoice.CPO, "R1").switchOf("leaf2", "F", PackagingChoice.CPO, "R1")
                .server("s1", "R1", 8, 800, false)
                .link("l1", "leaf1", "s1", 1, 800, null).link("l2", "leaf2", "s1", 1, 800, null)
                .stock("c", 1).build(Objective.COST);

        PlanResult r = new OrToolsPlanner().solve(instance, Fabrics.options(Objective.COST, SolverKind.CP_SAT));

        assertThat(r.status()).isEqualTo(SolveStatus.INFEASIBLE);
        assertThat(String.join("\n", r.diagnostics())).contains(
                "needs at least 2 c switches (leaf1, leaf2), at most 0 can be bought and 1 are in stock: 1 short");
    }

    /** A 120 m link only dr reaches: 16 modules needed, 6 in stock and 1 to buy: 9 short. */
    @Test
    void opticShortfallIsNamedWithTheNumbers() {
        Instance instance = Fabrics.builder().optic(AOC).optic(DR.withMaxBuy(1))
                .rack("R1", 0, 0, 50, 10).rack("R2", 100, 0, 50, 10)
                .server("s1", "R1", 8, 800, false).server("s2", "R2", 8, 800, false)
                .link("l1", "s1", "s2", 8, 800, 120.0).stock("dr", 6).build(Objective.COST);

        PlanResult r = new OrToolsPlanner().solve(instance, Fabrics.options(Objective.COST, SolverKind.CP_SAT));

        assertThat(r.status()).isEqualTo(SolveStatus.INFEASIBLE);
        assertThat(String.join("\n", r.diagnostics())).contains(
                "needs at least 16 dr, at most 1 can be bought and 6 are in stock: 9 short");
    }

    /**
     * Qualification: aoc is qualified on family F and on platform CX7 (coding 5 USD a module there), not on
     * platform OTHER. The leaf (p, installed, kept) reaches s1 (CX7) by aoc: 100 + 5; s2 (OTHER) needs dr modules
     * at both ends: 600. Capex 705 USD.
     */
    @ParameterizedTest
    @MethodSource("formulations")
    void unqualifiedPlatformTakesAnotherOptic(FormulationKind kind) {
        Instance instance = qualified().build(Objective.COST);

        PlanResult r = solve(instance, kind);

        assertThat(opticCounts(r, "l1")).containsExactlyEntriesOf(Map.of("aoc", 1));
        assertThat(opticCounts(r, "l2")).containsExactlyEntriesOf(Map.of("dr", 1));
        assertThat(r.objectiveValue()).isCloseTo(705, within(705));
        assertThat(bom(r, "coding-aoc@5.0usd").quantity()).isEqualTo(1);
    }

    /** A NO row for model p wins over the YES for its family: both links take dr, 1200 USD. */
    @ParameterizedTest
    @MethodSource("formulations")
    void refusalOfTheModelWinsOverItsFamily(FormulationKind kind) {
        PlanResult r = solve(qualified().qualify("aoc", "p", false, 0).build(Objective.COST), kind);

        assertThat(opticCounts(r, "l1")).containsExactlyEntriesOf(Map.of("dr", 1));
        assertThat(r.objectiveValue()).isCloseTo(1200, within(1200));
    }

    static Fabrics.Builder qualified() {
        return Fabrics.builder().optic(AOC).optic(DR).model(P)
                .rack("R1", 0, 0, 50, 10)
                .switchOf("leaf1", "F", PackagingChoice.PLUGGABLE, "R1").installed("p")
                .server("s1", "R1", 8, 800, false).platform("CX7")
                .server("s2", "R1", 8, 800, false).platform("OTHER")
                .link("l1", "leaf1", "s1", 1, 800, null).link("l2", "leaf1", "s2", 1, 800, null)
                .qualify("aoc", "F", true, 0).qualify("aoc", "CX7", true, 5);
    }

    /**
     * Coding that depends on the model chosen: aoc costs 100 USD of coding on model p (its row is more specific
     * than the family's, which asks none). A new leaf of p with aoc: 10,000 + 100 + 100 + 5 = 10,205; of p2:
     * 10,050 + 100 + 5 = 10,155; p with dr: 10,000 + 600 = 10,600. Optimum p2 with aoc, 10,155 USD.
     */
    @ParameterizedTest
    @MethodSource("formulations")
    void codingCostOfAModelSteersTheModelChoice(FormulationKind kind) {
        Instance instance = Fabrics.builder().optic(AOC).optic(DR).model(P).model(P2)
                .rack("R1", 0, 0, 50, 10)
                .switchOf("leaf1", "F", PackagingChoice.PLUGGABLE, "R1")
                .server("s1", "R1", 8, 800, false).platform("CX7")
                .link("l1", "leaf1", "s1", 1, 800, null)
                .qualify("aoc", "F", true, 0).qualify("aoc", "p", true, 100).qualify("aoc", "CX7", true, 5)
                .build(Objective.COST);

        PlanResult r = solve(instance, kind);

        assertThat(modelOf(r, "leaf1")).isEqualTo("p2");
        assertThat(opticCounts(r, "l1")).containsExactlyEntriesOf(Map.of("aoc", 1));
        assertThat(r.objectiveValue()).isCloseTo(10_155, within(10_155));
    }

    /**
     * Dominance stays sound and keeps pruning with stock: an option is dropped only for one that is no dearer at
     * its dearest unit than the option at its cheapest. A stock of dr8_800 keeps dr8_800 wherever stock could make
     * it the cheapest, and adds only its reused variable where it cannot; the optimum is the one the reference
     * model (no dominance) finds.
     */
    @Test
    void stockKeepsDominancePruningAndTheOptimum() {
        Instance plain = Fabrics.leafSpine(4, 4, 30, 5);
        Instance stocked = plain.withInventory(java.util.List.of(new io.fabricplan.model.StockItem("dr8_800", 40,
                "")));

        int plainVariables = AggregatedFabricFormulation.build(plain).model().numVariables();
        int stockedVariables = AggregatedFabricFormulation.build(stocked).model().numVariables();
        PlanResult aggregated = solve(stocked, FormulationKind.AGGREGATED);
        PlanResult reference = solve(stocked, FormulationKind.REFERENCE);

        assertThat(stockedVariables).isLessThan(2 * plainVariables);
        assertThat(aggregated.objectiveValue()).isCloseTo(reference.objectiveValue(),
                within(reference.objectiveValue()));
        assertThat(bom(aggregated, "dr8_800").reused()).isEqualTo(40);
    }

    /** The rule of thumb keeps the installed switch and takes stock first too. */
    @Test
    void ruleOfThumbKeepsInstalledSwitchesAndTakesStockFirst() {
        Instance instance = Fabrics.builder().optic(AOC).optic(DR).model(P).model(C)
                .rack("R1", 0, 0, 50, 10)
                .switchOf("leaf1", "F", PackagingChoice.AUTO, "R1").installed("p")
                .server("s1", "R1", 8, 800, false)
                .link("l1", "leaf1", "s1", 2, 800, null)
                .stock("dr", 4).build(Objective.COST);

        var baseline = new GreedyPlanner().plan(instance);

        assertThat(baseline.plan().devices()).contains(new DeviceAssignment("leaf1", "p", "R1"));
        assertThat(baseline.plan().links()).containsExactly(
                new LinkAssignment("l1", "dr", Packaging.PLUGGABLE, Packaging.PLUGGABLE, 2));
        assertThat(baseline.evaluation().capexUsd()).isZero();
        assertThat(baseline.violations()).isEmpty();
    }
}
