package io.fabricplan.api;

import io.fabricplan.check.Violation;
import io.fabricplan.model.Plan;
import io.fabricplan.model.PlanEvaluation;
import java.util.List;

/**
 * The rule-of-thumb plan a planner makes by hand today (cheapest usable option per link, every AUTO switch
 * pluggable), with its figures and the rules it breaks (often rack budgets).
 */
public record Baseline(Plan plan, PlanEvaluation evaluation, List<Violation> violations) {
    public Baseline {
        violations = List.copyOf(violations);
    }

    public boolean feasible() {
        return violations.isEmpty();
    }
}
