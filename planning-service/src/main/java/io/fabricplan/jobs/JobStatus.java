package io.fabricplan.jobs;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.Progress;
import io.fabricplan.api.SolveStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A job's status at one moment.
 *
 * @param id             the job's id
 * @param state          where it is
 * @param submittedAt    when it was accepted
 * @param startedAt      when its solve started, null while queued (and for a job cancelled in the queue)
 * @param finishedAt     when it ended, null while active
 * @param elapsedSeconds seconds of solving so far (the whole solve once it ended), 0 while queued
 * @param bestObjective  objective value of the best plan so far (the result's once done), NaN before the first
 * @param bound          best proven lower bound so far, NaN when unknown
 * @param gap            relative gap of the two ({@link PlanResult#gap}), NaN without both
 * @param outcome        the result's status once there is one (DONE, CANCELLED), else null
 * @param message        what it is doing (the planner's phase while solving), how it ended, or why it failed
 * @param errorId        for a job whose solve threw: the id under which the stack trace was logged, else null
 */
public record JobStatus(String id, JobState state, Instant submittedAt, Instant startedAt, Instant finishedAt,
                        double elapsedSeconds, double bestObjective, double bound, double gap, SolveStatus outcome,
                        String message, String errorId) {
    public JobStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(submittedAt, "submittedAt");
        message = message == null ? "" : message;
    }

    /** A job just accepted. */
    static JobStatus queued(String id, Instant at) {
        return new JobStatus(id, JobState.QUEUED, at, null, null, 0, Double.NaN, Double.NaN, Double.NaN, null,
                "queued", null);
    }

    JobStatus started(Instant at) {
        return new JobStatus(id, JobState.SOLVING, submittedAt, at, null, 0, bestObjective, bound, gap, null,
                "starting", null);
    }

    /** With the planner's report folded in: its phase, and its figures where it has them. */
    JobStatus progressed(Progress p, double elapsed) {
        double best = Double.isNaN(p.bestObjective()) ? bestObjective : p.bestObjective();
        double proven = Double.isNaN(p.bound()) ? bound : p.bound();
        return new JobStatus(id, state, submittedAt, startedAt, null, elapsed, best, proven,
                PlanResult.gap(best, proven), null, p.message(), null);
    }

    /** The same status, solving for {@code elapsed} seconds by now. */
    JobStatus at(double elapsed) {
        return new JobStatus(id, state, submittedAt, startedAt, finishedAt, elapsed, bestObjective, bound, gap,
                outcome, message, errorId);
    }

    /** Ended with a result (DONE or CANCELLED): its figures replace the progress. */
    JobStatus ended(JobState end, Instant at, double elapsed, PlanResult result) {
        return new JobStatus(id, end, submittedAt, startedAt, at, elapsed, result.objectiveValue(),
                result.bestBound(), result.relativeGap(), result.status(), summary(result), null);
    }

    /** Ended without a result (FAILED). */
    JobStatus failed(Instant at, double elapsed, String why, String error) {
        return new JobStatus(id, JobState.FAILED, submittedAt, startedAt, at, elapsed, bestObjective, bound, gap,
                null, why, error);
    }

    /** How a result reads in one line: its status and objective, or its status and first diagnostic. */
    static String summary(PlanResult result) {
        if (result.status().hasPlan()) {
            return String.format(Locale.ROOT, "%s %s %.2f", result.status(), result.objective(),
                    result.objectiveValue());
        }
        int n = result.diagnostics().size();
        return n == 0 ? result.status().name() : result.status() + ": " + result.diagnostics().get(0)
                + (n > 1 ? " (and " + (n - 1) + " more)" : "");
    }
}
