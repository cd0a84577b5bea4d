package io.fabricplan.jobs;

/** Where a job is in its life. QUEUED and SOLVING are active; the other three are final. */
public enum JobState {
    /** Accepted, waiting for a solver thread. */
    QUEUED,
    /** Being solved: its status carries the progress. */
    SOLVING,
    /** Solved: its result holds the plan, or the reason there is none (INFEASIBLE, INVALID, ...). */
    DONE,
    /** The solve threw, or the service restarted under it: no result, an error id or the reason instead. */
    FAILED,
    /** Cancelled: while solving, its result is the best plan found; while queued, NO_SOLUTION (not solved). */
    CANCELLED;

    /** Whether the job has ended (DONE, FAILED or CANCELLED). */
    public boolean isFinished() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
