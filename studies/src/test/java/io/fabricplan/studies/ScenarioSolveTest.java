package io.fabricplan.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.Planner;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.check.CheckReport;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.instances.Examples;
import io.fabricplan.model.DeviceAssignment;
import io.fabricplan.model.Instance;
import io.fabricplan.study.Scenario;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Overrides move the optimum of the README's tiny fabric where the hand calculation says (README "tiny.xlsx: the
 * optimum by hand"; one watt is 1.3 x 8,760 h x 5 y x 0.10 USD/kWh / 1000 = 5.694 USD of TCO). As built, both
 * switches are pluggable: capex 123,600 USD, 2,692 W, TCO 138,928.248.
 */
class ScenarioSolveTest {
    private static final double USD_PER_WATT = 5.694;
    private final Planner planner = Planner.create();

    /** The scenario's instance solved to optimality and checked independently of the solver. */
    private PlanResult solved(Scenario scenario) {
        ScenarioInstances.Applied applied = ScenarioInstances.apply(Examples.tiny(), scenario);
        assertThat(applied.problems()).isEmpty();
        Instance instance = applied.instance();
        PlanResult result = planner.solve(instance, SolveOptions.from(instance.settings()).withTimeLimitSeconds(10)
                .withThreads(1));
        assertThat(result.status()).as("diagnostics %s", result.diagnostics()).isEqualTo(SolveStatus.OPTIMAL);
        CheckReport check = new PlanChecker(instance).check(result.plan());
        assertThat(check.passed()).as("violations %s", check.violations()).isTrue();
        assertThat(check.evaluation().objectiveValue()).isCloseTo(result.objectiveValue(), within(1e-6));
        return result;
    }

    private static Map<String, String> switchModels(PlanResult result) {
        return result.plan().devices().stream().filter(d -> d.modelId() != null)
                .collect(Collectors.toMap(DeviceAssignment::deviceId, DeviceAssignment::modelId));
    }

    @Test
    void cheaperCpoSwitchesMakeBothSwitchesCpoAndLowerCapexAndPower() {
        // sw51-cpo at 56,000 USD: 2 x 56,000 + 2 server links of DR modules (1,264 USD, 22.5 W) + 2 CPO-CPO
        // leaf-spine links (60 USD of fiber, 11 W) = 114,648 USD and 2,667 W
        PlanResult result = solved(ScenarioInstancesTest.scenario("SwitchModels[packaging=CPO].cost_usd *", "0.8"));

        assertThat(switchModels(result)).containsEntry("leaf1", "sw51-cpo").containsEntry("spine1", "sw51-cpo");
        assertThat(result.evaluation().capexUsd()).isCloseTo(114_648, within(1e-6));
        assertThat(result.evaluation().powerW()).isCloseTo(2_667, within(1e-6));
        assertThat(result.objectiveValue()).isCloseTo(114_648 + 2_667 * USD_PER_WATT, within(1e-6));
    }

    @Test
    void tighterRackBudgetForcesACpoLeafAndRaisesTco() {
        // a pluggable leaf draws at least 1,300 + 2 x 10 (AEC ends) + 2 x 8.5 (LPO ends) = 1,337 W; a CPO leaf
        // 1,300 + 4 x 5.5 = 1,322 W. With LPO modules on the pluggable spine: 134,248 USD and 2,673 W.
        PlanResult result = solved(ScenarioInstancesTest.scenario("Racks[R1].power_budget_kw", "1.33"));

        assertThat(switchModels(result)).containsEntry("leaf1", "sw51-cpo").containsEntry("spine1", "sw51-p");
        assertThat(result.evaluation().capexUsd()).isCloseTo(134_248, within(1e-6));
        assertThat(result.evaluation().powerW()).isCloseTo(2_673, within(1e-6));
        assertThat(result.objectiveValue()).isCloseTo(134_248 + 2_673 * USD_PER_WATT, within(1e-6));
    }

    @Test
    void sweptCpoPriceSolvesEveryScenario() {
        List<Scenario> scenarios = Sweeps.cross(List.of(), List.of(Sweeps.parse(
                "SwitchModels[packaging=CPO].cost_usd *=0.8,1")));

        assertThat(scenarios).extracting(Scenario::id).containsExactly(
                "SwitchModels[packaging=CPO].cost_usd*=0.8", "SwitchModels[packaging=CPO].cost_usd*=1");
        assertThat(solved(scenarios.get(0)).objectiveValue()).isCloseTo(114_648 + 2_667 * USD_PER_WATT,
                within(1e-6));
        assertThat(solved(scenarios.get(1)).objectiveValue()).isCloseTo(123_600 + 2_692 * USD_PER_WATT,
                within(1e-6));
    }
}
