package io.fabricplan.api;

import io.fabricplan.model.Objective;
import io.fabricplan.model.Plan;
import io.fabricplan.model.PlanEvaluation;
import java.util.List;

/**
 * What a solve returns.
 *
 * @param status         outcome
 * @param objective      the objective minimised
 * @param plan           the plan, null without one
 * @param evaluation     the plan's figures recomputed from the instance, null without a plan
 * @param objectiveValue the plan's objective value, NaN without a plan
 * @param bestBound      best proven lower bound, NaN when unknown
 * @param relativeGap    (objective - bound) / max(|objective|, tiny), NaN without a plan
 * @param baseline       the greedy rule-of-thumb plan, null when it could not be built
 * @param statistics     measures of the solve
 * @param diagnostics    for INFEASIBLE and INVALID: what cannot be met, and by how much
 * @param repaired       the rule of thumb repaired to meet rack budgets, ports and rack space (CPO or lower-power
 *                       optics in racks over budget, placed switches moved to racks with headroom): the warm start
 *                       and the fallback; the baseline itself when that was already valid; null when there is no
 *                       baseline
 */
public record PlanResult(SolveStatus status, Objective objective, Plan plan, PlanEvaluation evaluation,
                         double objectiveValue, double bestBound, double relativeGap, Baseline baseline,
                         SolveStatistics statistics, List<String> diagnostics, Baseline repaired) {
    public PlanResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** A result without a repaired rule of thumb. */
    public PlanResult(SolveStatus status, Objective objective, Plan plan, PlanEvaluation evaluation,
                      double objectiveValue, double bestBound, double relativeGap, Baseline baseline,
                      SolveStatistics statistics, List<String> diagnostics) {
        this(status, objective, plan, evaluation, objectiveValue, bestBound, relativeGap, baseline, statistics,
                diagnostics, null);
    }

    /** The same result with the repaired rule of thumb beside it. */
    public PlanResult withRepaired(Baseline value) {
        return new PlanResult(status, objective, plan, evaluation, objectiveValue, bestBound, relativeGap, baseline,
                statistics, diagnostics, value);
    }

    /**
     * Relative gap of a minimisation, 0 when objective and bound meet (within 1e-12 relative: the bound of a
     * scaled integer model comes back with floating-point noise).
     */
    public static double gap(double objective, double bound) {
        if (Double.isNaN(objective) || Double.isNaN(bound)) {
            return Double.NaN;
        }
        double scale = Math.max(Math.abs(objective), 1e-9);
        double diff = Math.max(0, objective - bound);
        return diff <= 1e-12 * scale ? 0 : diff / scale;
    }
}
