package io.fabricplan.formulations;

import static io.fabricplan.formulations.Fabrics.assertCheckedPlan;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.check.CheckReport;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.check.Violation;
import io.fabricplan.model.DeviceAssignment;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Objective;
import io.fabricplan.model.Plan;
import io.fabricplan.model.SolverKind;
import org.junit.jupiter.api.Test;

/**
 * The shrunk counterexamples the property-based cross-checks found ({@link EnginesAgreeProperties},
 * {@link CorruptedPlanProperties}), each kept as a plain test of the defect it revealed.
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

    /**
     * A server's row of a valid plan given a switch model (corruption SERVER_GIVEN_A_SWITCH_MODEL, the first model of
     * the catalog). The checker passed it, and the evaluation's row for the server showed the model's 1,300 W and
     * 60,000 USD, which no total counted. Now the checker reports it and the figures ignore it.
     * <pre>
     *   rack R0 at (0, 0): budget 50 kW, base 10 kW
     *   switch sw0 SW51T AUTO in R0
     *   server s0 in R0, 16 x 800G
     *   link l0 sw0 -- s0: 1 x 800G
     * </pre>
     */
    @Test
    void switchModelGivenToAServerIsFlagged() {
        Instance instance = Fabrics.builder().catalog().rack("R0", 0, 0, 50, 10).auto("sw0", "SW51T", "R0")
                .server("s0", "R0", 16, 800, false).link("l0", "sw0", "s0", 1, 800, null).build(Objective.COST);
        PlanResult solved = assertCheckedPlan(instance, planner.solve(instance,
                Fabrics.options(Objective.COST, SolverKind.CP_SAT).withLpBound(false)));
        Plan broken = PlanCorruptions.SERVER_GIVEN_A_SWITCH_MODEL.apply(instance, solved.plan(), 0).orElseThrow();
        assertThat(broken.devices()).contains(new DeviceAssignment("s0", "sw51-p", "R0"));

        CheckReport report = new PlanChecker(instance).check(broken);

        assertThat(report.violations()).extracting(Violation::toString).containsExactly(
                "WRONG_FAMILY s0: server s0 takes no switch model, the plan gives it sw51-p");
        assertThat(report.evaluation().capexUsd()).isCloseTo(solved.evaluation().capexUsd(),
                Fabrics.within(solved.evaluation().capexUsd()));
        assertThat(report.evaluation().devices()).filteredOn(d -> d.deviceId().equals("s0")).singleElement()
                .satisfies(d -> assertThat(d.powerW() + d.costUsd()).isZero());
    }
}
