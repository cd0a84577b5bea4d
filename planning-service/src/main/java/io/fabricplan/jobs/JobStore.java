package io.fabricplan.jobs;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.model.Instance;
import java.util.List;
import java.util.Optional;

/**
 * Where a {@link PlanningService} keeps its jobs beyond its own memory, so that a restarted service still serves
 * the finished ones. The service calls it in each job's order (created, then updated, then finished), never twice
 * at once for one job, and owns it: {@link PlanningService#close()} closes it.
 */
public interface JobStore extends AutoCloseable {

    /** Keeps nothing: the jobs live in the service's memory only, and a restart forgets them. The default. */
    static JobStore memoryOnly() {
        return new JobStore() {
            @Override
            public void created(JobStatus status, Instance instance, SolveOptions options) {
            }

            @Override
            public void updated(JobStatus status) {
            }

            @Override
            public void finished(JobStatus status, PlanResult result) {
            }

            @Override
            public List<JobStatus> statuses() {
                return List.of();
            }

            @Override
            public Optional<PlanResult> result(String jobId) {
                return Optional.empty();
            }

            @Override
            public Optional<StoredInput> input(String jobId) {
                return Optional.empty();
            }

            @Override
            public void delete(String jobId) {
            }
        };
    }

    /** A job was accepted (QUEUED): its input, before submit returns. What it throws refuses the submit. */
    void created(JobStatus status, Instance instance, SolveOptions options);

    /** A job's state changed without a result: it started (SOLVING) or FAILED. */
    void updated(JobStatus status);

    /**
     * A job ended with a result (DONE or CANCELLED). The result is to be durable before the status says so: a
     * stored DONE always has its result.
     */
    void finished(JobStatus status, PlanResult result);

    /**
     * Every stored job's last status, read once when a service starts on this store. Jobs that were active
     * (QUEUED, SOLVING) were interrupted: the service marks them FAILED.
     */
    List<JobStatus> statuses();

    /** A finished job's result, read back (a restarted service's jobs); empty when none is stored. */
    Optional<PlanResult> result(String jobId);

    /**
     * A job's input as {@link #created} stored it, read back (a restarted service renders a finished job's plan from
     * its instance); empty when none is stored. The default stores none.
     */
    default Optional<StoredInput> input(String jobId) {
        return Optional.empty();
    }

    /** Forgets a job: it expired. */
    void delete(String jobId);

    /** Releases what the store holds (files, locks). Called by the service's close. */
    @Override
    default void close() {
    }
}
