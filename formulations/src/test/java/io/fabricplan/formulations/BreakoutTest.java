package io.fabricplan.formulations;

import static io.fabricplan.formulations.Fabrics.assertCheckedPlan;
import static io.fabricplan.formulations.Fabrics.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.FormulationKind;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveStatus;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Twin-port modules, modules that pair with others and breakout cables in every formulation, on tiny instances
 * whose optima are worked out by hand below. Every plan passes the independent checker, and its objective is the
 * evaluator's.
 *
 * <pre>
 *   leaf (family F, one model: PLUGGABLE, 800G ports, no base power, no price)
 *    |  |  |          400G links, one per server, 1 m
 *   s1 s2 s3 (..)     servers with one 400G port
 * </pre>
 * Optics (no fiber cost): {@code dr4} 400G DR module, 500 m, 9 W, 700 USD; {@code twin} 800G twin-port DR module,
 * breakout 2, 500 m, 16 W, 1,000 USD, pairs with dr4; {@code sr4} 400G SR, 50 m, 8 W, 500 USD; {@code twinsr}
 * 800G twin-port SR, breakout 2, 50 m, 15 W, 400 USD, pairs with sr4; {@code bdac} an 800G-to-2x400G DAC,
 * breakout 2, 3 m, 1 W, 150 USD.
 */
class BreakoutTest {

    static final Optic DR4 = new Optic("dr4", OpticKind.TRANSCEIVER, 400, 500, "DR", Media.SMF, 9, 700, 0, false,
            "test");
    static final Optic TWIN = new Optic("twin", OpticKind.TRANSCEIVER, 800, 500, "DR", Media.SMF, 16, 1000, 0, false,
            "test").withBreakout(2, List.of("dr4"));
    static final Optic SR4 = new Optic("sr4", OpticKind.TRANSCEIVER, 400, 50, "SR", Media.MMF, 8, 500, 0, false,
            "test");
    static final Optic TWIN_SR = new Optic("twinsr", OpticKind.TRANSCEIVER, 800, 50, "SR", Media.MMF, 15, 400, 0,
            false, "test").withBreakout(2, List.of("sr4"));
    static final Optic BREAKOUT_DAC = new Optic("bdac", OpticKind.DAC, 800, 3, null, Media.COPPER, 1, 150, 0, false,
            "test").withBreakout(2, List.of());

    static SwitchModel leafModel(int ports) {
        return new SwitchModel("p" + ports, "F", Packaging.PLUGGABLE, ports, 800, 0, 0, null, 0, 1, false, "test");
    }

    static Stream<Arguments> formulations() {
        return Stream.of(FormulationKind.AGGREGATED, FormulationKind.REFERENCE, FormulationKind.NAIVE_CABLE)
                .map(Arguments::of);
    }

    private static PlanResult solve(Instance instance, FormulationKind kind, SolverKind solver) {
        PlanResult r = new OrToolsPlanner(kind).solve(instance, Fabrics.options(Objective.COST, solver));
        assertThat(r.status()).as("%s", r.diagnostics()).isEqualTo(SolveStatus.OPTIMAL);
        return assertCheckedPlan(instance, r);
    }

    /** A leaf of {@code ports} 800G ports and n servers, link i of {@code lengths[i]} metres (null: in-rack). */
    static Instance leafWithServers(int ports, List<Optic> optics, Double... lengths) {
        Fabrics.Builder b = Fabrics.builder().rack("R1", 0, 0, 50, 10).model(leafModel(ports))
                .switchOf("leaf", "F", PackagingChoice.AUTO, "R1");
        optics.forEach(b::optic);
        for (int i = 0; i < lengths.length; i++) {
            b.server("s" + (i + 1), "R1", 1, 400, false).link("l" + (i + 1), "leaf", "s" + (i + 1), 1, 400,
                    lengths[i]);
        }
        return b.build(Objective.COST);
    }

    /** Per link, its options as "a-end optic/b-end optic". */
    private static Map<String, String> cabling(PlanResult r) {
        Map<String, String> out = new TreeMap<>();
        for (LinkAssignment a : r.plan().links()) {
            out.merge(a.linkId(), a.opticId() + "/" + a.bEndOpticId(), (p, q) -> p + "+" + q);
        }
        return out;
    }

    private static double bomQuantity(PlanResult r, String itemId) {
        return r.evaluation().bom().stream().filter(b -> b.itemId().equals(itemId))
                .mapToDouble(PlanEvaluation.BomRow::quantity).sum();
    }

    /**
     * n links on twins at the leaf take ceil(n/2) twins (1,000 each) and the other 3 - n a dr4 at the leaf (700);
     * every server takes a dr4 (2,100): n = 0..3 gives 4,200, 4,500, 3,800, 4,100. Optimum n = 2: 3,800 USD,
     * one twin serving two links and one link dr4 at both ends.
     */
    @ParameterizedTest
    @MethodSource("formulations")
    void twinPortModuleServesTwoLinksAndAnOddLinkTakesItsOwn(FormulationKind kind) {
        PlanResult r = solve(leafWithServers(64, List.of(DR4, TWIN), null, null, null), kind, SolverKind.CP_SAT);

        assertThat(r.objectiveValue()).isCloseTo(3800, within(3800));
        assertThat(cabling(r).values()).containsExactlyInAnyOrder("twin/dr4", "twin/dr4", "dr4/dr4");
        assertThat(bomQuantity(r, "twin")).isEqualTo(1);
        assertThat(bomQuantity(r, "dr4")).isEqualTo(4);
        assertThat(r.evaluation().pooled()).singleElement()
                .satisfies(p -> assertThat(new long[] {p.links(), p.units(), p.idlePorts()}).containsExactly(2, 1, 0));
    }

    /** Four links: two twins (2,000) and four dr4 at the servers (2,800): 4,800 USD, every link on a twin. */
    @ParameterizedTest
    @MethodSource("formulations")
    void evenLinkCountGoesAllOnTwins(FormulationKind kind) {
        PlanResult r = solve(leafWithServers(64, List.of(DR4, TWIN), null, null, null, null), kind,
                SolverKind.CP_SAT);

        assertThat(r.objectiveValue()).isCloseTo(4800, within(4800));
        assertThat(cabling(r).values()).containsOnly("twin/dr4");
        assertThat(bomQuantity(r, "twin")).isEqualTo(2);
    }

    /**
     * The ports of whole units bind. l1 is 100 m (DR only), l2..l4 are 10 m. Options per link: dr4 at both ends
     * (1,400, half a port), sr4 at both ends (1,000, half a port), a twin at the leaf with dr4 at the server
     * (700 + twin share) or twinsr with sr4 (500 + twinsr share). With 3 ports the optimum is 3,700: l1 dr4/dr4,
     * l2..l4 on two twinsr (800) with three sr4 (1,500), taking 2.5 ports. With 2 ports the second twinsr would
     * leave a port half idle beyond the limit: 3,800, l1 dr4/dr4 (1,400), one link sr4/sr4 (1,000), two links on
     * one twinsr (400 + 1,000), exactly 2 ports.
     */
    @ParameterizedTest
    @MethodSource("formulations")
    void wholeUnitsTakeWholePorts(FormulationKind kind) {
        List<Optic> optics = List.of(DR4, TWIN, SR4, TWIN_SR);
        PlanResult roomy = solve(leafWithServers(3, optics, 100.0, 10.0, 10.0, 10.0), kind, SolverKind.CP_SAT);
        PlanResult tight = solve(leafWithServers(2, optics, 100.0, 10.0, 10.0, 10.0), kind, SolverKind.CP_SAT);

        assertThat(roomy.objectiveValue()).isCloseTo(3700, within(3700));
        assertThat(bomQuantity(roomy, "twinsr")).isEqualTo(2);
        assertThat(tight.objectiveValue()).isCloseTo(3800, within(3800));
        assertThat(cabling(tight).values()).containsExactlyInAnyOrder("dr4/dr4", "sr4/sr4", "twinsr/sr4",
                "twinsr/sr4");
        assertThat(tight.evaluation().devices().stream().filter(d -> d.deviceId().equals("leaf")).findFirst()
                .orElseThrow().portsUsed()).isCloseTo(2.0, within(2));
    }

    /** The same bound under every backend: 3,800 USD. */
    @ParameterizedTest
    @EnumSource(value = SolverKind.class, names = {"CP_SAT", "SCIP", "HIGHS", "CHOCO"})
    void wholeUnitsTakeWholePortsInEveryBackend(SolverKind solver) {
        PlanResult r = solve(leafWithServers(2, List.of(DR4, TWIN, SR4, TWIN_SR), 100.0, 10.0, 10.0, 10.0),
                FormulationKind.AGGREGATED, solver);

        assertThat(r.objectiveValue()).isCloseTo(3800, within(3800));
    }

    /**
     * A breakout DAC's wide end goes to the leaf (800G ports; the servers' are 400G): three in-rack links take
     * ceil(3/2) = 2 cables (300 USD) against three dr4 pairs (4,200) or twins; the optimum is 300 USD with one
     * narrow leg idle, all of the cables' power at the leaf.
     */
    @ParameterizedTest
    @MethodSource("formulations")
    void breakoutCableWideEndAtTheFasterPorts(FormulationKind kind) {
        PlanResult r = solve(leafWithServers(64, List.of(DR4, TWIN, BREAKOUT_DAC), null, null, null), kind,
                SolverKind.CP_SAT);

        assertThat(r.objectiveValue()).isCloseTo(300, within(300));
        assertThat(cabling(r).values()).containsOnly("bdac/bdac");
        assertThat(bomQuantity(r, "bdac")).isEqualTo(2);
        assertThat(r.evaluation().pooled()).singleElement().satisfies(p -> {
            assertThat(p.deviceId()).isEqualTo("leaf");
            assertThat(p.idlePorts()).isEqualTo(1);
        });
        assertThat(r.evaluation().powerW()).isCloseTo(2.0, within(2));
    }
}
