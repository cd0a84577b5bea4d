package io.fabricplan.api;

import java.util.Locale;

/**
 * Measures of one solve, printed as one line in the style of Choco's measures.
 *
 * @param model          formulation name
 * @param solver         engine that solved it
 * @param status         outcome
 * @param objective      objective value of the plan, NaN without one
 * @param bound          best proven bound, NaN without one
 * @param gap            relative gap, NaN without a plan
 * @param timeToBestS    seconds until the returned plan was found
 * @param buildS         seconds spent building the model
 * @param totalS         seconds of the whole solve, build included
 * @param variables      model variables
 * @param constraints    model constraints
 * @param groups         link groups the model decides on (aggregated: groups of interchangeable links;
 *                       per link: Links rows; per cable: cables), 0 when no model was built
 * @param boundSource    where the bound came from: {@code search} (the engine's own), {@code LP} (the model's LP
 *                       relaxation, solved beside the search) or {@code -} when there is none
 */
public record SolveStatistics(String model, String solver, SolveStatus status, double objective, double bound,
                              double gap, double timeToBestS, double buildS, double totalS, int variables,
                              int constraints, int groups, String boundSource) {

    public SolveStatistics {
        boundSource = boundSource == null || boundSource.isBlank() ? "-" : boundSource;
    }

    public SolveStatistics(String model, String solver, SolveStatus status, double objective, double bound,
                           double gap, double timeToBestS, double buildS, double totalS, int variables,
                           int constraints, int groups) {
        this(model, solver, status, objective, bound, gap, timeToBestS, buildS, totalS, variables, constraints, groups,
                Double.isNaN(bound) ? "-" : "search");
    }

    public SolveStatistics(String model, String solver, SolveStatus status, double objective, double bound,
                           double gap, double timeToBestS, double buildS, double totalS, int variables,
                           int constraints) {
        this(model, solver, status, objective, bound, gap, timeToBestS, buildS, totalS, variables, constraints, 0);
    }

    /** One line: model, status, objective, bound and its source, gap, time to best, total time, size. */
    public String line() {
        return String.format(Locale.ROOT,
                "Model[%s] Solver[%s] Status[%s] Objective[%s] Bound[%s] BoundFrom[%s] Gap[%s] TimeToBest[%.3fs] "
                        + "Build[%.3fs] Total[%.3fs] Variables[%d] Constraints[%d] Groups[%d]",
                model, solver, status, num(objective), num(bound), boundSource, gap(gap), timeToBestS, buildS, totalS,
                variables, constraints, groups);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.6f", v);
    }

    private static String gap(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f%%", 100 * v);
    }

    @Override
    public String toString() {
        return line();
    }
}
