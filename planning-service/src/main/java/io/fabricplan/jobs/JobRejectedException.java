package io.fabricplan.jobs;

import java.time.Duration;
import java.util.Objects;

/**
 * A submit the service refused, and why: the HTTP layer answers QUEUE_FULL with 429 and a Retry-After of
 * {@link #retryAfter()}, DUPLICATE_ID with 409 and CLOSED with 503.
 */
public final class JobRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a submit was refused. */
    public enum Reason {
        /** As many jobs are active (queued or solving) as the queue and the solver threads hold. */
        QUEUE_FULL,
        /** A job with this id is active, or finished and not yet expired. */
        DUPLICATE_ID,
        /** The service is closing or closed. */
        CLOSED
    }

    private final String jobId;
    private final Reason reason;
    private final transient Duration retryAfter;

    JobRejectedException(String jobId, Reason reason, Duration retryAfter, String message) {
        super(message);
        this.jobId = Objects.requireNonNull(jobId, "jobId");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.retryAfter = retryAfter;
    }

    /** The id of the job refused. */
    public String jobId() {
        return jobId;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * For QUEUE_FULL: when a place is likely to be free (the soonest a running solve reaches its time limit, at
     * least a second); null for the other reasons.
     */
    public Duration retryAfter() {
        return retryAfter;
    }
}
