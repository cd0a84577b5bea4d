package io.fabricplan.study;

import java.util.Objects;

/**
 * One nondominated point of a front: a plan, its figures, and how it was proven.
 *
 * @param x       the point's value of the front's first total (e.g. capex in USD)
 * @param y       the point's value of the second total (e.g. power in W)
 * @param figures the plan's figures
 * @param status  OPTIMAL when both lexicographic solves proved their optimum, FEASIBLE otherwise
 * @param knee    whether it is the front's knee (farthest from the line between the two extreme points, on
 *                normalised axes)
 */
public record FrontPoint(double x, double y, PlanFigures figures, String status, boolean knee) {
    public FrontPoint {
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(status, "status");
    }

    public FrontPoint withKnee(boolean value) {
        return new FrontPoint(x, y, figures, status, value);
    }
}
