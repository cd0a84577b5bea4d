package io.fabricplan.formulations;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.Budgets;
import io.fabricplan.api.FormulationKind;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Objective;
import io.fabricplan.model.SolverKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Budgets on capex, power and TCO are constraints of the solve: the epsilon constraints of a Pareto front. On a
 * generated leaf-spine fabric (6 leaves, AUTO packaging) the cheapest plan draws more power than the least-power
 * plan costs less: the budgets must move each solve between the two and never return a plan outside them.
 */
class BudgetsTest {
    private static final Instance FABRIC = Fabrics.leafSpine(6, 4, 30, 7);

    private static PlanResult solve(Objective objective, Budgets budgets, FormulationKind kind) {
        SolveOptions options = Fabrics.options(objective, SolverKind.CP_SAT).withFormulation(kind)
                .withBudgets(budgets);
        PlanResult result = new OrToolsPlanner().solve(FABRIC, options);
        if (result.status().hasPlan()) {
            // every plan, budgeted or not, passes the independent checker and keeps within its budgets
            Fabrics.assertCheckedPlan(FABRIC, result);
            assertThat(budgets.admits(result.evaluation().capexUsd(), result.evaluation().powerW(),
                    result.evaluation().tcoUsd())).as("plan within %s", budgets).isTrue();
        }
        return result;
    }

    @ParameterizedTest
    @EnumSource(value = FormulationKind.class, names = {"AGGREGATED", "REFERENCE"})
    void powerBudgetBetweenTheExtremesGivesThePlanBetweenThem(FormulationKind kind) {
        PlanResult cheapest = Fabrics.assertCheckedPlan(FABRIC, solve(Objective.COST, Budgets.NONE, kind));
        PlanResult leastPower = Fabrics.assertCheckedPlan(FABRIC, solve(Objective.POWER, Budgets.NONE, kind));
        double cheapestPower = cheapest.evaluation().powerW();
        double leastPowerW = leastPower.evaluation().powerW();
        assertThat(leastPowerW).as("the fixture must trade capex for power").isLessThan(cheapestPower - 1);

        double middle = (cheapestPower + leastPowerW) / 2;
        PlanResult budgeted = Fabrics.assertCheckedPlan(FABRIC,
                solve(Objective.COST, Budgets.NONE.withPowerW(middle), kind));
        assertThat(budgeted.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(budgeted.evaluation().powerW()).isLessThanOrEqualTo(middle + 1e-6);
        assertThat(budgeted.evaluation().capexUsd()).isGreaterThan(cheapest.evaluation().capexUsd())
                .isLessThanOrEqualTo(leastPower.evaluation().capexUsd() + 1e-6);

        PlanResult atLeast = Fabrics.assertCheckedPlan(FABRIC,
                solve(Objective.COST, Budgets.NONE.withPowerW(leastPowerW), kind));
        assertThat(atLeast.evaluation().powerW()).isCloseTo(leastPowerW, Fabrics.within(leastPowerW));
    }

    @Test
    void powerBudgetBelowTheLeastPowerIsInfeasibleAndSaysSo() {
        PlanResult leastPower = solve(Objective.POWER, Budgets.NONE, FormulationKind.AGGREGATED);
        PlanResult none = solve(Objective.COST, Budgets.NONE.withPowerW(leastPower.evaluation().powerW() - 1),
                FormulationKind.AGGREGATED);
        assertThat(none.status()).isEqualTo(SolveStatus.INFEASIBLE);
        assertThat(none.plan()).isNull();
        assertThat(none.diagnostics().get(0)).startsWith("no plan keeps within the budgets (power at most ");
    }

    @Test
    void capexBudgetUnderPowerObjectiveKeepsTheCheaperOptionsADominanceWouldDrop() {
        PlanResult cheapest = solve(Objective.COST, Budgets.NONE, FormulationKind.AGGREGATED);
        double capex = cheapest.evaluation().capexUsd();
        // least power among the cheapest plans: the second, lexicographic solve of a front's extreme point
        PlanResult lexicographic = Fabrics.assertCheckedPlan(FABRIC,
                solve(Objective.POWER, Budgets.NONE.withCapexUsd(capex), FormulationKind.AGGREGATED));
        PlanResult reference = Fabrics.assertCheckedPlan(FABRIC,
                solve(Objective.POWER, Budgets.NONE.withCapexUsd(capex), FormulationKind.REFERENCE));
        assertThat(lexicographic.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(lexicographic.evaluation().capexUsd()).isLessThanOrEqualTo(capex + 1e-6);
        assertThat(lexicographic.evaluation().powerW()).isLessThanOrEqualTo(cheapest.evaluation().powerW() + 1e-6)
                .isCloseTo(reference.evaluation().powerW(), Fabrics.within(reference.evaluation().powerW()));
    }

    @Test
    void tcoBudgetHoldsTheTcoOfThePlan() {
        PlanResult leastTco = solve(Objective.TCO, Budgets.NONE, FormulationKind.AGGREGATED);
        double tco = leastTco.evaluation().tcoUsd();
        PlanResult leastPower = Fabrics.assertCheckedPlan(FABRIC,
                solve(Objective.POWER, Budgets.NONE.withTcoUsd(tco * 1.001), FormulationKind.AGGREGATED));
        assertThat(leastPower.evaluation().tcoUsd()).isLessThanOrEqualTo(tco * 1.001 + 1e-6);
        assertThat(leastPower.evaluation().powerW()).isLessThanOrEqualTo(leastTco.evaluation().powerW() + 1e-6);
    }

    @Test
    void exportedModelNamesTheBudgetRows() {
        MipModel model = AggregatedFabricFormulation.build(FABRIC.withSettings(FABRIC.settings()
                .withObjective(Objective.COST))).model();
        model.addBudgetRows(new Budgets(1e6, 5e4, Double.POSITIVE_INFINITY), 1.0);
        assertThat(model.row("budget[capex_usd]")).isNotNull();
        assertThat(model.row("budget[power_w]")).isNotNull();
        assertThat(model.row("budget[tco_usd]")).isNull();
    }
}
