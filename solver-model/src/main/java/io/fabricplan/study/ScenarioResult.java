package io.fabricplan.study;

import java.util.Objects;

/**
 * A study's row: a scenario and what its solve gave. A scenario that fails keeps its row, with {@code figures}
 * null and the reason in {@code error}.
 *
 * @param scenario               the scenario solved
 * @param status                 OPTIMAL, FEASIBLE, INFEASIBLE, NO_SOLUTION, INVALID (or FAILED: an internal error)
 * @param objective              what was minimised (COST, POWER, TCO, WEIGHTED)
 * @param objectiveValue         the plan's objective, NaN without a plan
 * @param bestBound              the proven lower bound, NaN when none
 * @param relativeGap            (objective - bound) / objective, NaN when unknown
 * @param figures                the plan's figures, null without a plan
 * @param ruleOfThumbTcoUsd      TCO of the rule of thumb (the repaired one where the plain one breaks a rule), NaN
 *                               when there is none
 * @param savingOverRuleOfThumbUsd rule-of-thumb TCO minus the plan's TCO, NaN when either is missing
 * @param solveSeconds           wall time of the scenario's solve
 * @param error                  why there is no plan (or what the checker found), empty when there is one
 */
public record ScenarioResult(Scenario scenario, String status, String objective, double objectiveValue,
                             double bestBound, double relativeGap, PlanFigures figures, double ruleOfThumbTcoUsd,
                             double savingOverRuleOfThumbUsd, double solveSeconds, String error) {
    public ScenarioResult {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(status, "status");
        objective = objective == null ? "" : objective;
        error = error == null ? "" : error;
    }

    /** A row of a scenario that has no plan, with the reason. */
    public static ScenarioResult failed(Scenario scenario, String status, String objective, double seconds,
                                        String error) {
        return new ScenarioResult(scenario, status, objective, Double.NaN, Double.NaN, Double.NaN, null, Double.NaN,
                Double.NaN, seconds, error);
    }

    public boolean hasPlan() {
        return figures != null;
    }
}
