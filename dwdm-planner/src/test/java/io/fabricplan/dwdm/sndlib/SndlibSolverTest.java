package io.fabricplan.dwdm.sndlib;

import io.fabricplan.api.SolveStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Hand-computed optima on {@link Triangle} (per unit: around A-B-C 0.35 + 0.35 with 20-modules, direct 0.9).
 *
 * <ul>
 *   <li>Demand A-&gt;C of 25, MODULAR: around with 20+10 on AB and BC = 2 x 11 = <b>22</b> (direct 20+10 = 28,
 *       split 10 direct + 15 around = 10 + 14 = 24). Single path: the same plan, 22. Integer: 22.</li>
 *   <li>Same, EXPLICIT (at most one module, so at most 20 per link): must split; 10 direct + 15 around =
 *       10 + 7 + 7 = <b>24</b> (20 direct + 5 around = 18 + 4 + 4 = 26). Integer: 24. Single path: no path
 *       carries 25, <b>INFEASIBLE</b>.</li>
 *   <li>SINGLE_MODULAR (one module type per link, any count): 20+10 is not allowed; 10 direct + 15 around on
 *       20-modules = 10 + 7 + 7 = <b>24</b> (3 x 10 around = 24 too; 2 x 20 around = 28).</li>
 *   <li>Plus a demand C-&gt;A of 25: BIDIRECTED (max of the directions) keeps <b>22</b>; UNDIRECTED (sum) needs 50 on
 *       each link around: 20+20+10 = 18 per link, <b>36</b> (direct 50 costs 46, around is cheaper per unit).</li>
 *   <li>DIRECTED links only run A-&gt;B, B-&gt;C, A-&gt;C: A-&gt;C alone costs 22; C-&gt;A cannot be routed:
 *       INFEASIBLE.</li>
 *   <li>Explicit path list with only the direct path for A-&gt;C: 20+10 on AC = <b>28</b>.</li>
 * </ul>
 */
class SndlibSolverTest {
    private static final String AC = "  D1 ( A C ) 1 25 UNLIMITED ()";
    private static final String BOTH = AC + "\n  D2 ( C A ) 1 25 UNLIMITED";

    static SndlibResult solveChecked(SndlibNetwork net, String code) throws SndlibFormatException {
        SndlibVariant v = SndlibVariant.of(code);
        SndlibResult r = SndlibSolver.solve(net, v, SndlibOptions.of(20).withSolver(
                io.fabricplan.model.SolverKind.SCIP));
        if (r.hasSolution()) {
            SndlibChecker.Report report = SndlibChecker.check(net, v, r, true);
            assertThat(report.violations()).as(code).isEmpty();
            assertThat(report.objective()).isCloseTo(r.objective(), within(1e-6));
        }
        return r;
    }

    @ParameterizedTest(name = "{0} {1} costs {2}")
    @CsvSource({
            "one demand, D-B-M-N-C-A-N-N, 22",
            "one demand, D-B-M-N-I-A-N-N, 22",
            "one demand, D-B-M-N-S-A-N-N, 22",
            "one demand, D-B-E-N-C-A-N-N, 24",
            "one demand, D-B-E-N-I-A-N-N, 24",
            "one demand, D-D-M-N-C-A-N-N, 22",
            "one demand, D-B-S-N-C-A-N-N, 24",
            "both ways, D-B-M-N-C-A-N-N, 22",
            "both ways, D-U-M-N-C-A-N-N, 36",
            "both ways, U-U-M-N-C-A-N-N, 36",
            "both ways, D-B-M-N-S-A-N-N, 22",
    })
    void triangleOptimaMatchTheHandComputedValues(String demands, String code, double optimum) throws Exception {
        SndlibNetwork net = Triangle.parse(demands.equals("one demand") ? AC : BOTH, null);
        SndlibResult r = solveChecked(net, code);
        assertThat(r.status()).as(code).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(r.objective()).as(code).isCloseTo(optimum, within(1e-6));
        assertThat(r.bound()).as(code).isCloseTo(optimum, within(1e-4));
    }

    @Test
    void explicitCapacitiesWithSinglePathRoutingAreInfeasibleWhenNoModuleCarriesTheDemand() throws Exception {
        SndlibResult r = solveChecked(Triangle.parse(AC, null), "D-B-E-N-S-A-N-N");
        assertThat(r.status()).isEqualTo(SolveStatus.INFEASIBLE);
        assertThat(r.hasSolution()).isFalse();
    }

    @Test
    void directedLinksCannotCarryADemandAgainstTheirDirection() throws Exception {
        SndlibResult r = solveChecked(Triangle.parse(BOTH, null), "D-D-M-N-C-A-N-N");
        assertThat(r.status()).isEqualTo(SolveStatus.INFEASIBLE);
    }

    @Test
    void explicitPathListRestrictsTheRoutingToTheListedPaths() throws Exception {
        SndlibNetwork net = Triangle.parse(AC, "  D1 (\n    P1 ( AC )\n  )");
        SndlibResult r = solveChecked(net, "D-B-M-N-C-E-N-N");
        assertThat(r.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(r.objective()).isCloseTo(28, within(1e-6));
        SndlibNetwork both = Triangle.parse(AC, "  D1 (\n    P1 ( AC )\n    P2 ( AB BC )\n  )");
        assertThat(solveChecked(both, "D-B-M-N-S-E-N-N").objective()).isCloseTo(22, within(1e-6));
    }

    @Test
    void hopLimitsFilterTheExplicitPaths() throws Exception {
        SndlibNetwork net = Triangle.parse("  D1 ( A C ) 1 25 1 ()",
                "  D1 (\n    P1 ( AC )\n    P2 ( AB BC )\n  )");
        assertThat(solveChecked(net, "D-B-M-N-C-E-Y-N").objective()).isCloseTo(28, within(1e-6));
        assertThat(solveChecked(net, "D-B-M-N-C-E-N-N").objective()).isCloseTo(22, within(1e-6));
    }

    @Test
    void withoutCutsAndWarmStartTheOptimumIsTheSame() throws Exception {
        SndlibNetwork net = Triangle.parse(BOTH, null);
        SndlibVariant v = SndlibVariant.of("D-U-M-N-C-A-N-N");
        SndlibResult r = SndlibSolver.solve(net, v, new SndlibOptions(20, io.fabricplan.model.SolverKind.SCIP, 1,
                1e-6, true, false, false));
        assertThat(r.objective()).isCloseTo(36, within(1e-6));
        assertThat(SndlibChecker.check(net, v, r, true).ok()).isTrue();
    }

    @Test
    void cutSetRowsAreAddedForModularCapacities() throws Exception {
        SndlibModel m = SndlibModel.build(Triangle.parse(AC, null), SndlibVariant.of("D-B-M-N-C-A-N-N"),
                SndlibOptions.of(10));
        assertThat(m.cutRows()).isPositive();
        assertThat(m.hintGreedy()).isTrue();
        assertThat(m.mip().hint()).isNotEmpty();
    }
}
