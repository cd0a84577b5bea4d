package io.fabricplan.formulations;

import static io.fabricplan.formulations.Fabrics.assertCheckedPlan;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Objective;
import io.fabricplan.model.SolverKind;
import org.junit.jupiter.api.Test;

/**
 * The shrunk counterexamples the property-based cross-checks found ({@link EnginesAgreeProperties}), each kept as a
 * plain test of the defect it revealed.
 */
class RandomFabricRegressionTest {

    private final OrToolsPlanner planner = new OrToolsPlanner();

    /**
     * A fabric with nothing to plan: one server and no links. Its model has no variables and one rack row without
     * terms, which HiGHS through MPSolver answered with a status Java does not know (an exception out of
     * {@code solve}). Every engine now proves the empty plan optimal at 0.
     * <pre>
     *   rack R0 at (0, 0): budget 50 kW, base 10 kW
     *   server s0 in R0, 1 x 800G          (no links)
     * </pre>
     */
    @Test
    void fabricWithoutLinksIsOptimalOnEveryEngine() {
        Instance instance = Fabrics.builder().catalog().rack("R0", 0, 0, 50, 10).server("s0", "R0", 1, 800, false)
                .build(Objective.COST);

        for (SolverKind engine : EnginesAgreeProperties.ENGINES) {
            PlanResult r = assertCheckedPlan(instance, planner.solve(instance,
                    Fabrics.options(Objective.COST, engine).withLpBound(false)));

            assertThat(r.status()).as(engine.name()).isEqualTo(SolveStatus.OPTIMAL);
            assertThat(r.objectiveValue()).as(engine.name()).isZero();
            assertThat(r.plan().links()).isEmpty();
        }
    }
}
