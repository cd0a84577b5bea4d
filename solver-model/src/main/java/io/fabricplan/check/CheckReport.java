package io.fabricplan.check;

import io.fabricplan.model.PlanEvaluation;
import java.util.List;

/**
 * What the checker found: every violation, and the plan's figures as recomputed from the instance.
 */
public record CheckReport(List<Violation> violations, PlanEvaluation evaluation) {
    public CheckReport {
        violations = List.copyOf(violations);
    }

    public boolean passed() {
        return violations.isEmpty();
    }
}
