package io.fabricplan.formulations;

import static io.fabricplan.formulations.Fabrics.assertCheckedPlan;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Objective;
import io.fabricplan.model.SolverKind;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CP-SAT, SCIP, HiGHS and Choco solve the same {@link MipModel}, each alone (no LP relaxation beside it): their
 * proven optima agree to 1e-6 relative, and with the default LP bound beside CP-SAT.
 */
class CrossBackendTest {

    static Stream<Arguments> instances() {
        return Stream.of(
                Arguments.of("leaf and server, loose rack", ConstraintFamilyContractTest.leafAndServer(2.0),
                        Objective.TCO),
                Arguments.of("leaf and server, tight rack", ConstraintFamilyContractTest.leafAndServer(1.45),
                        Objective.COST),
                Arguments.of("small switch, ten servers", ConstraintFamilyContractTest.smallSwitchWithServers(10),
                        Objective.WEIGHTED),
                Arguments.of("leaf-spine 2 x 5, power", Fabrics.leafSpine(2, 5, 1.6, 7), Objective.POWER),
                // the greedy baseline breaks these leaf racks' budgets: the optimum reshuffles options
                Arguments.of("leaf-spine 4 x 10 (48 links, AUTO switches), TCO", Fabrics.leafSpine(4, 10, 1.5, 11),
                        Objective.TCO),
                Arguments.of("leaf-spine 4 x 10 (48 links, AUTO switches), COST", Fabrics.leafSpine(4, 10, 1.5, 11),
                        Objective.COST),
                // CPO spines pay off here
                Arguments.of("leaf-spine 12 x 20 (264 links), TCO", Fabrics.leafSpine(12, 20, 1.8, 11),
                        Objective.TCO));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("instances")
    void allBackendsReachTheSameOptimum(String name, Instance instance, Objective objective) {
        OrToolsPlanner planner = new OrToolsPlanner();
        PlanResult cpSat = assertCheckedPlan(instance, planner.solve(instance,
                Fabrics.options(objective, SolverKind.CP_SAT).withLpBound(false)));
        PlanResult scip = assertCheckedPlan(instance, planner.solve(instance,
                Fabrics.options(objective, SolverKind.SCIP).withLpBound(false)));
        PlanResult highs = assertCheckedPlan(instance, planner.solve(instance,
                Fabrics.options(objective, SolverKind.HIGHS).withLpBound(false)));
        PlanResult choco = assertCheckedPlan(instance, planner.solve(instance,
                Fabrics.options(objective, SolverKind.CHOCO).withLpBound(false)));
        PlanResult withLp = assertCheckedPlan(instance, planner.solve(instance,
                Fabrics.options(objective, SolverKind.CP_SAT)));

        for (PlanResult r : new PlanResult[] {cpSat, scip, highs, choco, withLp}) {
            assertThat(r.status()).as(r.statistics().line()).isEqualTo(SolveStatus.OPTIMAL);
            assertThat(r.relativeGap()).as(r.statistics().line()).isLessThanOrEqualTo(1e-6);
        }
        double optimum = cpSat.objectiveValue();
        assertThat(scip.objectiveValue()).as("SCIP vs CP-SAT").isCloseTo(optimum, Fabrics.within(optimum));
        assertThat(highs.objectiveValue()).as("HiGHS vs CP-SAT").isCloseTo(optimum, Fabrics.within(optimum));
        assertThat(choco.objectiveValue()).as("Choco vs CP-SAT").isCloseTo(optimum, Fabrics.within(optimum));
        assertThat(choco.statistics().solver()).startsWith("Choco ");
        assertThat(withLp.objectiveValue()).as("CP-SAT with the LP bound").isCloseTo(optimum,
                Fabrics.within(optimum));
        assertThat(cpSat.bestBound()).isCloseTo(optimum, Fabrics.within(optimum));
        assertThat(cpSat.statistics().boundSource()).isEqualTo("search");
    }
}
