package io.fabricplan.formulations;

import io.fabricplan.api.FormulationKind;
import static io.fabricplan.formulations.Fabrics.assertCheckedPlan;
import static io.fabricplan.formulations.Fabrics.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Objective;
import io.fabricplan.model.SolverKind;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The benchmark's naive peer: one binary per physical cable; same optimum, cables x options in size. */
class NaiveCableFormulationTest {

    static Stream<Arguments> instances() {
        return Stream.of(
                Arguments.of("leaf and server, tight rack", ConstraintFamilyContractTest.leafAndServer(1.45),
                        Objective.COST),
                Arguments.of("twin leaves mixing models", AggregatedFabricFormulationTest.twinLeavesTightRack(),
                        Objective.COST),
                Arguments.of("LPO hosts", AggregatedFabricFormulationTest.lpoHosts(), Objective.POWER),
                Arguments.of("placement, rack space", AggregatedFabricFormulationTest.placement(2, 2, 20),
                        Objective.COST),
                Arguments.of("placement, rack budget", AggregatedFabricFormulationTest.placement(1, 42, 1.35),
                        Objective.TCO));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("instances")
    void naiveOptimumEqualsAggregatedOnCpSatAndScip(String name, Instance instance, Objective objective) {
        for (SolverKind solver : new SolverKind[] {SolverKind.CP_SAT, SolverKind.SCIP}) {
            PlanResult naive = assertCheckedPlan(instance, new OrToolsPlanner(FormulationKind.NAIVE_CABLE)
                    .solve(instance, Fabrics.options(objective, solver)));
            PlanResult agg = assertCheckedPlan(instance, new OrToolsPlanner().solve(instance,
                    Fabrics.options(objective, solver)));

            assertThat(naive.status()).isEqualTo(SolveStatus.OPTIMAL);
            assertThat(naive.statistics().model()).isEqualTo("NaiveCableFormulation");
            assertThat(naive.objectiveValue()).as(solver.name()).isCloseTo(agg.objectiveValue(),
                    within(agg.objectiveValue()));
        }
    }

    /**
     * 16 parallel cables between a leaf with two models and a server: the reference has one x per (option, end
     * packagings) of the link, the naive model one per cable, plus the two model binaries of each.
     */
    @Test
    void naiveModelHasOneVariablePerCableAndOption() {
        Instance instance = ConstraintFamilyContractTest.leafAndServer(1.45);
        int perLink = FabricFormulation.build(instance).model().numVariables() - 2;

        MipModel naive = NaiveCableFormulation.build(instance).model();

        assertThat(perLink).isEqualTo(7); // aoc800 sr8 dr8 fr4x2 lr4x2 zr800 pluggable; dr8 at the CPO port
        assertThat(naive.numVariables()).isEqualTo(16 * perLink + 2);
    }

    @Test
    void naiveModelOverTheLimitIsDeclinedWithItsSize() {
        Instance instance = ConstraintFamilyContractTest.leafAndServer(1.45);

        assertThatThrownBy(() -> NaiveCableFormulation.build(instance, 100))
                .isInstanceOf(UnsupportedInstanceException.class)
                .hasMessage("naive model has 114 variables, over the limit 100");
    }
}
