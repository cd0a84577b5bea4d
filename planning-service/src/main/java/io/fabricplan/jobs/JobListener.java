package io.fabricplan.jobs;

import io.fabricplan.api.PlanResult;

/**
 * Hears of one job's life. Called from the service's solver threads (onFinished of a job cancelled in the queue:
 * from the cancelling thread): keep it short and thread-safe. What it throws is logged and never affects the job.
 */
public interface JobListener {
    /** Hears nothing. */
    JobListener NONE = new JobListener() {
    };

    /** The job left the queue: its solve begins. */
    default void onStarted(JobStatus status) {
    }

    /**
     * The planner found a better plan: {@code status} carries its objective and the bound. The planner reports the
     * figures of a plan found mid-search, not the plan; the plan comes with {@link #onFinished}.
     */
    default void onNewBest(JobStatus status) {
    }

    /**
     * The job ended.
     *
     * @param result its result for DONE and CANCELLED; null for FAILED ({@code status.errorId()} says why)
     */
    default void onFinished(JobStatus status, PlanResult result) {
    }
}
