package io.fabricplan.jobs;

import java.util.Objects;

/**
 * Asked for the result of a FAILED job: its solve threw (the stack trace is logged under {@link
 * JobStatus#errorId()}) or the service restarted while it was active.
 */
public final class JobFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient JobStatus status;

    JobFailedException(JobStatus status) {
        super("job \"" + status.id() + "\" failed: " + status.message());
        this.status = Objects.requireNonNull(status, "status");
    }

    /** The failed job's status: its message and error id. */
    public JobStatus status() {
        return status;
    }
}
