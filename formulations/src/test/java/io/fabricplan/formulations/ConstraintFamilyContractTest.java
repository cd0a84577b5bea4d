package io.fabricplan.formulations;

import static io.fabricplan.formulations.Fabrics.assertCheckedPlan;
import static io.fabricplan.formulations.Fabrics.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.PlanResult;
import io.fabricplan.model.DeviceAssignment;
import io.fabricplan.model.Instance;
import io.fabricplan.model.LinkAssignment;
import io.fabricplan.model.Objective;
import io.fabricplan.model.Packaging;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Settings;
import io.fabricplan.model.SolverKind;
import io.fabricplan.model.SwitchModel;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract every backend meets: each constraint family alone, on a tiny instance whose optimum is worked out
 * by hand in the test's Javadoc. Run for CP-SAT, SCIP, HiGHS and Choco.
 */
class ConstraintFamilyContractTest {

    private final OrToolsPlanner planner = new OrToolsPlanner();

    private PlanResult solve(Instance instance, Objective objective, SolverKind solver) {
        return assertCheckedPlan(instance, planner.solve(instance, Fabrics.options(objective, solver)));
    }

    private static Map<String, Integer> opticCounts(PlanResult r, String linkId) {
        return r.plan().links().stream().filter(a -> a.linkId().equals(linkId))
                .collect(Collectors.toMap(LinkAssignment::opticId, LinkAssignment::count, Integer::sum));
    }

    private static String modelOf(PlanResult r, String deviceId) {
        return r.plan().devices().stream().filter(d -> d.deviceId().equals(deviceId)).findFirst()
                .map(DeviceAssignment::modelId).orElseThrow();
    }

    /** Two servers in a 10.1 kW rack joined by 8 cables: 4 cheap (20 W) + 4 frugal (4 W) fit, 1200 USD. */
    static Instance splitCables() {
        return Fabrics.builder()
                .optic(Fabrics.assembly("cheap", 800, 5, 20, 100))
                .optic(Fabrics.assembly("frugal", 800, 5, 4, 200))
                .rack("R1", 0, 0, 10.1, 10)
                .server("s1", "R1", 8, 800, false).server("s2", "R1", 8, 800, false)
                .link("l1", "s1", "s2", 8, 800, null)
                .build(Objective.COST);
    }

    /**
     * demand: 8 parallel cables must all be served, and the rack budget forces a split over two options.
     * <pre>
     *   rack R1: budget 10.1 kW, base load 10 kW -> 100 W for the network
     *   +-------------------------------------+
     *   |  s1 ===== 8 x 800G, 1.5 m ===== s2  |     cheap : 100 USD, 20 W per cable
     *   +-------------------------------------+     frugal: 200 USD,  4 W per cable
     * </pre>
     * k cheap cables draw 20k + 4(8 - k) <= 100, so k <= 4.25: COST optimum 4 x 100 + 4 x 200 = 1200 USD.
     */
    @ParameterizedTest
    @EnumSource(value = SolverKind.class, names = {"CP_SAT", "SCIP", "HIGHS", "CHOCO"})
    void demandSplitsParallelCablesWhenRackBudgetBinds(SolverKind solver) {
        Instance instance = splitCables();

        PlanResult r = solve(instance, Objective.COST, solver);

        assertThat(r.objectiveValue()).isCloseTo(1200, within(1200));
        assertThat(opticCounts(r, "l1")).containsExactlyInAnyOrderEntriesOf(Map.of("cheap", 4, "frugal", 4));
        assertThat(r.evaluation().powerW()).isCloseTo(96, within(96));
    }

    /**
     * reach: a 120 m link is beyond DAC/ACC/AEC, SR (50 m) and AOC (100 m); the cheapest option reaching it is
     * DR8 (500 m). Servers are not LPO-capable.
     * <pre>
     *   R1: s1 ====== 2 x 800G, 120 m (given) ====== R2: s2
     * </pre>
     * Per cable: dr8_800 2 x 1250 + 120 m x 2 USD = 2740 (FR 3460, LR 5060, ZR 14060); optimum 5480 USD.
     */
    @ParameterizedTest
    @EnumSource(value = SolverKind.class, names = {"CP_SAT", "SCIP", "HIGHS", "CHOCO"})
    void longLinkForcesDrOverSrAndAoc(SolverKind solver) {
        Instance instance = Fabrics.builder().catalog()
                .rack("R1", 0, 0, 50, 10).rack("R2", 100, 0, 50, 10)
                .server("s1", "R1", 4, 800, false).server("s2", "R2", 4, 800, false)
                .link("l1", "s1", "s2", 2, 800, 120.0)
                .build(Objective.COST);

        PlanResult r = solve(instance, Objective.COST, solver);

        assertThat(opticCounts(r, "l1")).containsExactlyEntriesOf(Map.of("dr8_800", 2));
        assertThat(r.objectiveValue()).isCloseTo(5480, within(5480));
    }

    /**
     * endCompatibility (CPO): a CPO port takes only transceivers of its PMD (DR), so the 1.5 m link that would
     * take a 200 USD DAC gets a DR8 module at the server end only.
     * <pre>
     *   rack R1: [leaf1: CPO only, sw51-cpo] ===== 4 x 800G, 1.5 m ===== [s1, not LPO-capable]
     * </pre>
     * 70000 (switch) + 4 x (1250 + 1.5 m x 2 USD) = 75012 USD; lpo_800 is DR too but s1 cannot drive it.
     */
    @ParameterizedTest
    @EnumSource(value = SolverKind.class, names = {"CP_SAT", "SCIP", "HIGHS", "CHOCO"})
    void cpoSwitchForcesDrTransceivers(SolverKind solver) {
        Instance instance = Fabrics.builder().catalog()
                .rack("R1", 0, 0, 50, 10)
                .switchOf("leaf1", "SW51T", PackagingChoice.CPO, "R1")
                .server("s1", "R1", 4, 800, false)
                .link("l1", "leaf1", "s1", 4, 800, null)
                .build(Objective.COST);

        PlanResult r = solve(instance, Objective.COST, solver);

        assertThat(r.plan().links()).containsExactly(
                new LinkAssignment("l1", "dr8_800", Packaging.CPO, Packaging.PLUGGABLE, 4));
        assertThat(r.objectiveValue()).isCloseTo(75012, within(75012));
    }

    /**
     * endCompatibility (LPO): a linear pluggable needs LPO-capable hosts at both pluggable ends. Minimising power
     * at 54 m, where lpo_800 draws 2 x 8.5 W and aoc800 26 W:
     * <pre>
     *   R1 (0,0): [leaf1 sw51-p, LPO-capable] ---- 1 x 800G, 54 m ---- R2 (50,0): [s1, LPO-capable]
     *                                          ---- 1 x 800G, 54 m ---- R2 (50,0): [s2, not capable]
     * </pre>
     * s1 gets lpo_800, s2 aoc800: 1300 W (switch) + 17 + 26 = 1343 W.
     */
    @ParameterizedTest
    @EnumSource(value = SolverKind.class, names = {"CP_SAT", "SCIP", "HIGHS", "CHOCO"})
    void linearPluggablesNeedCapableHosts(SolverKind solver) {
        Instance instance = Fabrics.builder().catalog()
                .rack("R1", 0, 0, 50, 10).rack("R2", 50, 0, 50, 10)
                .switchOf("leaf1", "SW51T", PackagingChoice.PLUGGABLE, "R1")
                .server("s1", "R2", 4, 800, true).server("s2", "R2", 4, 800, false)
                .link("l1", "leaf1", "s1", 1, 800, null).link("l2", "leaf1", "s2", 1, 800, null)
                .build(Objective.POWER);

        PlanResult r = solve(instance, Objective.POWER, solver);

        assertThat(opticCounts(r, "l1")).containsExactlyEntriesOf(Map.of("lpo_800", 1));
        assertThat(opticCounts(r, "l2")).containsExactlyEntriesOf(Map.of("aoc800", 1));
        assertThat(r.objectiveValue()).isCloseTo(1343, within(1343));
    }

    /**
     * portCapacity: ten 800G links do not fit the 8-port model, so the switch takes the 16-port one.
     * <pre>
     *   rack R1: [sw: AUTO, family SMALL] --- 1 x 800G, 1.5 m ---> s1 .. s10
     *   small: 8 ports, 1000 USD; big: 16 ports, 3000 USD; cable "cu": 10 USD
     * </pre>
     * 3000 + 10 x 10 = 3100 USD (the small model would give 1100 but cannot carry the load).
     */
    @ParameterizedTest
    @EnumSource(value = SolverKind.class, names = {"CP_SAT", "SCIP", "HIGHS", "CHOCO"})
    void tooManyLinksExcludeTheSmallModel(SolverKind solver) {
        Instance instance = smallSwitchWithServers(10);

        PlanResult r = solve(instance, Objective.COST, solver);

        assertThat(modelOf(r, "sw")).isEqualTo("big");
        assertThat(r.objectiveValue()).isCloseTo(3100, within(3100));
    }

    static Instance smallSwitchWithServers(int servers) {
        Fabrics.Builder b = Fabrics.builder()
                .model(new SwitchModel("small", "SMALL", Packaging.PLUGGABLE, 8, 800, 100, 0, null, 1000, 1, false,
                        "test"))
                .model(new SwitchModel("big", "SMALL", Packaging.PLUGGABLE, 16, 800, 150, 0, null, 3000, 1, false,
                        "test"))
                .optic(Fabrics.assembly("cu", 800, 5, 1, 10))
                .rack("R1", 0, 0, 50, 10)
                .auto("sw", "SMALL", "R1");
        for (int i = 1; i <= servers; i++) {
            b.server("s" + i, "R1", 1, 800, false).link("l" + i, "sw", "s" + i, 1, 800, null);
        }
        return b.build(Objective.COST);
    }

    /**
     * rackPower: with room in rack N1 the leaf is pluggable with AOCs; when N1 leaves 1450 W, the pluggable
     * leaf's least draw (1300 W + 16 x 13 W of AOC ends = 1508 W) does not fit and the CPO model
     * (1300 + 16 x 5.5 = 1388 W) is chosen, with DR8 at the server ends.
     * <pre>
     *   N1 (0,0): [leaf1 AUTO SW51T] ===== 16 x 800G, 26 + 4 = 30 m ===== S1 (26,0): [s1, 16 ports]
     * </pre>
     * Loose: 60000 + 16 x 1100 = 77600 USD. Tight: 70000 + 16 x (1250 + 30 x 2) = 90960 USD.
     */
    @ParameterizedTest
    @EnumSource(value = SolverKind.class, names = {"CP_SAT", "SCIP", "HIGHS", "CHOCO"})
    void cpoChosenWhenRackBudgetBinds(SolverKind solver) {
        PlanResult loose = solve(leafAndServer(2.0), Objective.COST, solver);
        assertThat(modelOf(loose, "leaf1")).isEqualTo("sw51-p");
        assertThat(opticCounts(loose, "l1")).containsExactlyEntriesOf(Map.of("aoc800", 16));
        assertThat(loose.objectiveValue()).isCloseTo(77600, within(77600));

        PlanResult tight = solve(leafAndServer(1.45), Objective.COST, solver);
        assertThat(modelOf(tight, "leaf1")).isEqualTo("sw51-cpo");
        assertThat(tight.plan().links()).containsExactly(
                new LinkAssignment("l1", "dr8_800", Packaging.CPO, Packaging.PLUGGABLE, 16));
        assertThat(tight.objectiveValue()).isCloseTo(90960, within(90960));
    }

    static Instance leafAndServer(double leafRackHeadroomKw) {
        return leafAndServer(leafRackHeadroomKw, 10);
    }

    static Instance leafAndServer(double leafRackHeadroomKw, double serverRackHeadroomKw) {
        return Fabrics.builder().catalog()
                .rack("N1", 0, 0, 40 + leafRackHeadroomKw, 40).rack("S1", 26, 0, 10 + serverRackHeadroomKw, 10)
                .auto("leaf1", "SW51T", "N1")
                .server("s1", "S1", 16, 800, false)
                .link("l1", "leaf1", "s1", 16, 800, null)
                .build(Objective.COST);
    }

    /**
     * Objectives: one 800G cable of 30 m, four assemblies on the cost/power frontier. The objective is
     * cost + w x power: COST has w = 0, TCO w = 1.3 x 8760 x 5 x 0.10 / 1000 = 5.694 USD/W, WEIGHTED w = 50.
     * <pre>
     *   R1: s1 ----- 1 x 800G, 30 m ----- R2: s2
     *            A: 100 USD 40 W   C: 200 USD 20 W   D: 500 USD 10 W   B: 2000 USD 5 W
     *   COST     -> A  100
     *   TCO      -> C  200 + 20 x 5.694 = 313.88   (A 327.76, D 556.94)
     *   WEIGHTED -> D  500 + 10 x 50    = 1000     (C 1200, B 2250)
     *   POWER    -> B  5 W
     * </pre>
     */
    @ParameterizedTest
    @EnumSource(value = SolverKind.class, names = {"CP_SAT", "SCIP", "HIGHS", "CHOCO"})
    void eachObjectivePicksItsOwnOption(SolverKind solver) {
        Settings d = Settings.defaults();
        Instance instance = Fabrics.builder()
                .settings(new Settings(d.objective(), d.energyUsdPerKwh(), d.pue(), d.years(), 50, d.timeLimitS(),
                        d.relativeGap(), d.solver(), d.threads(), d.seed(), d.intraRackM(), d.interRackSlackM()))
                .optic(Fabrics.assembly("A", 800, 100, 40, 100)).optic(Fabrics.assembly("C", 800, 100, 20, 200))
                .optic(Fabrics.assembly("D", 800, 100, 10, 500)).optic(Fabrics.assembly("B", 800, 100, 5, 2000))
                .rack("R1", 0, 0, 50, 10).rack("R2", 26, 0, 50, 10)
                .server("s1", "R1", 1, 800, false).server("s2", "R2", 1, 800, false)
                .link("l1", "s1", "s2", 1, 800, null)
                .build(Objective.COST);

        record Expected(Objective objective, String optic, double value) {
        }
        for (Expected e : List.of(new Expected(Objective.COST, "A", 100), new Expected(Objective.TCO, "C", 313.88),
                new Expected(Objective.WEIGHTED, "D", 1000), new Expected(Objective.POWER, "B", 5))) {
            PlanResult r = solve(instance, e.objective(), solver);
            assertThat(opticCounts(r, "l1")).as(e.objective().name()).containsExactlyEntriesOf(Map.of(e.optic(), 1));
            assertThat(r.objectiveValue()).as(e.objective().name()).isCloseTo(e.value(), within(e.value()));
        }
    }
}
