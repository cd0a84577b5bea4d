package io.fabricplan.dwdm.sndlib;

import io.fabricplan.formulations.MipModel;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The strong linking rows, the per-demand commodities of EXPLICIT capacities, the modular covers and the LP
 * heuristic on the {@link Triangle} (optima in {@link SndlibSolverTest}).
 */
class SndlibStrengtheningTest {
    private static final String AC = "  D1 ( A C ) 1 25 UNLIMITED ()";
    private static final String TWO = AC + "\n  D2 ( A B ) 1 5 UNLIMITED";

    @Test
    void strongLinkingBoundsBothDirectionsOfALinkInOneRow() throws Exception {
        SndlibModel m = SndlibModel.build(Triangle.parse(TWO, null), SndlibVariant.of("D-B-M-N-C-A-N-N"),
                SndlibOptions.of(10));
        MipModel mip = m.mip();
        // one commodity from A to B and C; link BC = arcs 2 (B->C) and 3 (C->B)
        MipModel.Row bc = mip.row("link_0_2");
        assertThat(bc).isNotNull();
        assertThat(Arrays.stream(bc.vars()).mapToObj(i -> mip.variables().get(i).name()))
                .contains("f_0_2", "f_0_3", "y_1_0", "y_1_1");
        assertThat(mip.row("link_0_3")).isNull();
    }

    @Test
    void explicitCapacitiesKeepOneCommodityPerDemandWhereSourceAggregationWouldMergeThem() throws Exception {
        SndlibNetwork net = Triangle.parse(TWO, null);
        SndlibModel explicit = SndlibModel.build(net, SndlibVariant.of("D-B-E-N-C-A-N-N"), SndlibOptions.of(10));
        SndlibModel modular = SndlibModel.build(net, SndlibVariant.of("D-B-M-N-C-A-N-N"), SndlibOptions.of(10));
        assertThat(explicit.commodities).hasSize(2);
        assertThat(modular.commodities).hasSize(1);
    }

    @Test
    void lpHeuristicFindsTheCheapestPlanOnTheTriangle() throws Exception {
        SndlibNetwork net = Triangle.parse(AC, null);
        SndlibModel m = SndlibModel.build(net, SndlibVariant.of("D-B-M-N-C-A-N-N"), SndlibOptions.of(10));
        assertThat(SndlibLpHeuristic.applies(m)).isTrue();
        SndlibLpHeuristic.Plan plan = SndlibLpHeuristic.run(m, 10);
        assertThat(plan).isNotNull();
        assertThat(plan.cost()).isCloseTo(22, within(1e-6)); // 25 around A-B-C on 20+10 per link
        assertThat(plan.flow()[0][0]).isCloseTo(25, within(1e-6));
    }

    @Test
    void lpHeuristicDescentDropsCapacityWhenTheFlowFitsElsewhere() throws Exception {
        // EXPLICIT: one module per link, at most 20, so 25 must split; the best is 10 direct + 15 around = 24
        SndlibNetwork net = Triangle.parse(AC, null);
        SndlibModel m = SndlibModel.build(net, SndlibVariant.of("D-B-E-N-C-A-N-N"), SndlibOptions.of(10));
        SndlibLpHeuristic.Plan plan = SndlibLpHeuristic.run(m, 10);
        assertThat(plan).isNotNull();
        assertThat(plan.cost()).isCloseTo(24, within(1e-6));
    }

    @Test
    void lpHeuristicPlanBecomesAFeasibleHint() throws Exception {
        SndlibNetwork net = Triangle.parse(TWO, null);
        SndlibModel m = SndlibModel.build(net, SndlibVariant.of("D-B-E-N-C-A-N-N"), SndlibOptions.of(10));
        SndlibLpHeuristic.Plan plan = SndlibLpHeuristic.run(m, 10);
        assertThat(m.hintArcFlows(plan.flow())).isTrue();
        MipModel mip = m.mip();
        double[] x = new double[mip.numVariables()];
        for (Map.Entry<Integer, Double> h : mip.hint().entrySet()) {
            x[h.getKey()] = h.getValue();
        }
        for (MipModel.Row r : mip.rows()) {
            double lhs = 0;
            for (int i = 0; i < r.size(); i++) {
                lhs += r.coefs()[i] * x[r.vars()[i]];
            }
            assertThat(lhs).as(r.name()).isBetween(r.lo() - 1e-6, r.hi() + 1e-6);
        }
        assertThat(mip.objectiveValue(x)).isCloseTo(plan.cost(), within(1e-6));
    }

    @Test
    void cheapestModularCoverMixesModuleSizes() throws Exception {
        SndlibModel m = SndlibModel.build(Triangle.parse(AC, null), SndlibVariant.of("D-B-M-N-C-A-N-N"),
                SndlibOptions.of(10));
        SndlibModel.Cover cover = m.cover(0, 25); // AB: 10 at 4, 20 at 7; 20 + 10 = 11 beats 3 x 10 and 2 x 20
        assertThat(cover.cost()).isCloseTo(11, within(1e-9));
        assertThat(cover.counts()).containsExactly(1, 1);
    }

    @Test
    void lpHeuristicDescendsFromAGivenStartingRouting() throws Exception {
        SndlibNetwork net = Triangle.parse(AC, null);
        SndlibModel m = SndlibModel.build(net, SndlibVariant.of("D-B-E-N-C-A-N-N"), SndlibOptions.of(10));
        double[][] start = new double[1][2 * m.linksN];
        start[0][4] = 20; // AC forwards: the 20-module at 18
        start[0][0] = 5;  // A-B-C: 10-modules at 4 each, 26 in all
        start[0][2] = 5;
        assertThat(m.hintArcFlows(start)).isTrue();
        assertThat(m.hintedArcFlows()[0]).containsExactly(start[0]);
        SndlibLpHeuristic.Plan plan = SndlibLpHeuristic.run(m, 10, m.hintedArcFlows());
        assertThat(plan.cost()).isCloseTo(24, within(1e-6));
    }
}
