package io.fabricplan.api;

/**
 * A progress report during a solve.
 *
 * @param elapsedSeconds since the solve started
 * @param bestObjective  objective of the best plan so far, NaN before the first
 * @param bound          best proven bound so far, NaN when unknown
 * @param message        what the planner is doing
 */
public record Progress(double elapsedSeconds, double bestObjective, double bound, String message) {
}
