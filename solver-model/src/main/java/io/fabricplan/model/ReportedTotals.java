package io.fabricplan.model;

/**
 * Totals a plan states about itself (the Summary sheet of a plan workbook). The checker compares them with what
 * it recomputes. Fields are NaN when not stated.
 */
public record ReportedTotals(Objective objective, double objectiveValue, double capexUsd, double powerW,
                             double tcoUsd) {
}
