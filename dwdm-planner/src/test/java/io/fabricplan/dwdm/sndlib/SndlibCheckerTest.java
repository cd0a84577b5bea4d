package io.fabricplan.dwdm.sndlib;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SndlibCheckerTest {
    private static final String AC = "  D1 ( A C ) 1 25 UNLIMITED ()";

    private static SndlibResult solved(SndlibNetwork net, String code) throws Exception {
        return SndlibSolverTest.solveChecked(net, code);
    }

    @Test
    void catchesMissingCapacityBrokenConservationAndAWrongObjective() throws Exception {
        SndlibNetwork net = Triangle.parse(AC, null);
        SndlibVariant v = SndlibVariant.of("D-B-M-N-C-A-N-N");
        SndlibResult r = solved(net, v.code());
        double[][] none = new double[3][2];
        assertThat(SndlibChecker.check(net, v, none, r.flows(), r.objective(), true).violations())
                .anyMatch(s -> s.contains("carries 25.0 but has capacity 0.0"))
                .anyMatch(s -> s.contains("differs from the recomputed 0.0"));
        double[] arcs = r.flows().get(0).arcFlow().clone();
        for (int a = 0; a < arcs.length; a++) {
            arcs[a] /= 2;
        }
        List<SndlibResult.CommodityFlow> half = List.of(new SndlibResult.CommodityFlow("half", List.of("D1"), arcs));
        assertThat(SndlibChecker.check(net, v, r.modules(), half, r.objective(), true).violations())
                .anyMatch(s -> s.contains("violates flow conservation at node A"));
        assertThat(SndlibChecker.check(net, v, r.modules(), List.of(), r.objective(), true).violations())
                .anyMatch(s -> s.contains("demand D1 is routed 0 times"));
    }

    @Test
    void catchesASplitSinglePathAndTwoExplicitModules() throws Exception {
        SndlibNetwork net = Triangle.parse(AC, null);
        SndlibVariant single = SndlibVariant.of("D-B-M-N-S-A-N-N");
        double[] split = new double[6];
        split[4] = 10; // AC forward
        split[0] = 15; // AB forward
        split[2] = 15; // BC forward
        double[][] lots = {{0, 1}, {0, 1}, {1, 1}};
        List<SndlibResult.CommodityFlow> flows = List.of(new SndlibResult.CommodityFlow("D1", List.of("D1"), split));
        assertThat(SndlibChecker.check(net, single, lots, flows, Double.NaN, true).violations())
                .anyMatch(s -> s.contains("single-path demand D1 splits"));
        SndlibVariant explicit = SndlibVariant.of("D-B-E-N-C-A-N-N");
        assertThat(SndlibChecker.check(net, explicit, lots, flows, Double.NaN, true).violations())
                .containsExactly("link AC has 2.0 modules; EXPLICIT capacities allow at most one");
    }

    @Test
    void unsupportedVariantsGiveAClearMessage() throws Exception {
        SndlibNetwork net = Triangle.parse(AC, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SndlibSolver.solve(net,
                        SndlibVariant.of("D-B-M-N-C-A-N-P"), SndlibOptions.of(5)))
                .isInstanceOf(SndlibFormatException.class)
                .hasMessageContaining("SURVIVABILITY_MODEL = ONE_PLUS_ONE_PROTECTION is not supported");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SndlibSolver.solve(net,
                        SndlibVariant.of("U-B-M-N-C-A-N-N"), SndlibOptions.of(5)))
                .hasMessageContaining("undirected demands need LINK_MODEL = UNDIRECTED");
        SndlibNetwork limited = Triangle.parse("  D1 ( A C ) 1 25 1 ()", null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SndlibSolver.solve(limited,
                        SndlibVariant.of("D-B-M-N-C-A-Y-N"), SndlibOptions.of(5)))
                .hasMessageContaining("INDIVIDUAL_HOP_LIMITS with ALL_PATHS is not supported");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SndlibSolver.solve(net,
                        SndlibVariant.of("D-B-M-N-C-A-N-N"), SndlibOptions.of(5).withSolver(
                                io.fabricplan.model.SolverKind.CP_SAT)))
                .hasMessageContaining("CP-SAT needs integer variables");
    }
}
