package io.fabricplan.jobs;

import io.fabricplan.api.Cancellation;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.Progress;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.model.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One submitted job, as {@link PlanningService#submit} returns it at once: the same answers as the service's
 * methods with its id, without the lookup, and still after the job expired from the service.
 *
 * <p>Thread-safe: its state changes under its own lock and is read as immutable {@link JobStatus} snapshots.
 */
public final class PlanningJob {
    private final PlanningService service;
    private final String id;
    private final long sequence;
    private final SolveOptions options;
    private final JobListener listener;
    private final Cancellation cancellation = new Cancellation();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    /** Where a job restored from the store reads its input and result; null for a job of this run. */
    private final JobStore restoredFrom;
    /** The input of a job of this run, kept until the job is forgotten (its plan is rendered from it); else null. */
    private final Instance instance;
    // guarded by this
    private JobStatus status;
    private boolean claimed;
    private long startNanos;
    private Thread solvingThread;
    private PlanResult result;

    PlanningJob(PlanningService service, String id, long sequence, Instance instance, SolveOptions options,
                JobListener listener, JobStatus status) {
        this.service = service;
        this.id = id;
        this.sequence = sequence;
        this.instance = instance;
        this.options = options;
        this.listener = listener;
        this.status = status;
        this.restoredFrom = null;
    }

    /** A finished job read back from the store: its result stays there until asked for. */
    private PlanningJob(PlanningService service, JobStatus status, long sequence, JobStore store) {
        this.service = service;
        this.id = status.id();
        this.sequence = sequence;
        this.instance = null;
        this.options = null;
        this.listener = JobListener.NONE;
        this.status = status;
        this.claimed = true;
        this.restoredFrom = store;
        ended.complete(null);
    }

    static PlanningJob restored(PlanningService service, JobStatus status, long sequence, JobStore store) {
        if (!status.state().isFinished()) {
            throw new IllegalArgumentException("job " + status.id() + " is " + status.state() + ", not finished");
        }
        return new PlanningJob(service, status, sequence, store);
    }

    public String id() {
        return id;
    }

    /** Its status now (while solving, with the seconds elapsed by now). */
    public synchronized JobStatus status() {
        return status.state() == JobState.SOLVING ? status.at(seconds()) : status;
    }

    /**
     * The best plan known: the result once the job is DONE or CANCELLED; empty while it is queued or solving (the
     * planner reports the objective and bound of its plans mid-search, not the plans: {@link #status()} carries
     * them) and for a FAILED job.
     */
    public Optional<PlanResult> bestSoFar() {
        if (!ended.isDone() || status().state() == JobState.FAILED) {
            return Optional.empty();
        }
        return Optional.of(resultNow());
    }

    /**
     * Waits up to {@code timeout} for the job to end and returns its result.
     *
     * @throws TimeoutException     when it has not ended by then (it goes on)
     * @throws JobFailedException   when it FAILED
     * @throws InterruptedException when this thread is interrupted while waiting
     */
    public PlanResult result(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            awaitEnd(timeout);
        } catch (TimeoutException e) {
            TimeoutException out = new TimeoutException("job \"" + id + "\" is still " + status().state()
                    + " after " + timeout + ". Maybe wait longer, or cancel it for its best plan so far.");
            out.initCause(e);
            throw out;
        }
        return resultNow();
    }

    /**
     * Cancels the job and returns its best plan: a solving job's planner stops with the best plan found (it
     * returns within a second or two); a queued job ends without a solve (NO_SOLUTION); a finished one keeps
     * its result.
     *
     * @throws JobFailedException when the job FAILED
     */
    public PlanResult cancel() {
        return service.cancel(this, true);
    }

    /**
     * Cancels the job without waiting: a queued job ends at once (NO_SOLUTION), a solving one soon, with its best
     * plan ({@link #result} waits for it). The one way to cancel from the job's own listener.
     */
    public void requestCancel() {
        service.cancel(this, false);
    }

    /**
     * The job's input: the instance submitted and the options it is solved with (the service's thread cap applied).
     * A job of this run holds it until it is forgotten; a finished job a restarted service took over from its store
     * reads it from there ({@link JobStore#input}), and has none when the store keeps none.
     *
     * @throws UnsupportedOperationException when the store's codec does not read inputs back
     */
    public Optional<StoredInput> input() {
        if (restoredFrom == null) {
            return Optional.of(new StoredInput(instance, options));
        }
        return restoredFrom.input(id);
    }

    /**
     * The instance submitted, to render the job's plan from (the plan JSON and workbook need it); see {@link #input()}.
     *
     * @throws IllegalStateException when the job was taken over from a store that has not kept its input
     */
    public Instance instance() {
        return instance != null ? instance : storedInput().instance();
    }

    /**
     * The options the job is solved with: the submitted ones with the service's thread cap applied; see
     * {@link #input()}.
     *
     * @throws IllegalStateException when the job was taken over from a store that has not kept its input
     */
    public SolveOptions options() {
        return options != null ? options : storedInput().options();
    }

    private StoredInput storedInput() {
        return input().orElseThrow(() -> new IllegalStateException("job \"" + id + "\" was taken over from the "
                + "store after a restart, and its stored input is missing. Maybe its files were removed by hand; "
                + "submit it again."));
    }

    long sequence() {
        return sequence;
    }

    JobListener listener() {
        return listener;
    }

    Cancellation cancellation() {
        return cancellation;
    }

    boolean hasEnded() {
        return ended.isDone();
    }

    void awaitEnd(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            ended.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("job " + id + " ended abnormally", e.getCause());
        }
    }

    /** Takes the job out of the queue to solve it; false when a cancel took it first. */
    synchronized boolean start(Instant at) {
        if (claimed) {
            return false;
        }
        claimed = true;
        solvingThread = Thread.currentThread();
        startNanos = System.nanoTime();
        status = status.started(at);
        return true;
    }

    /** Whether the calling thread is this job's solve (its listener): it cannot wait for the job's end. */
    synchronized boolean calledFromOwnSolve() {
        return solvingThread == Thread.currentThread() && !ended.isDone();
    }

    /** Takes the job out of the queue to end it unsolved; false when it is no longer queued. */
    synchronized boolean claimQueued() {
        if (claimed) {
            return false;
        }
        claimed = true;
        return true;
    }

    /** Folds a progress report into the status; true when it brings a better objective. */
    synchronized boolean progress(Progress p) {
        if (status.state() != JobState.SOLVING) {
            return false;
        }
        double before = status.bestObjective();
        status = status.progressed(p, seconds());
        double now = status.bestObjective();
        return !Double.isNaN(now) && (Double.isNaN(before) || now < before);
    }

    /** Seconds since the solve started, 0 before. */
    synchronized double seconds() {
        return status.startedAt() == null ? 0 : (System.nanoTime() - startNanos) / 1e9;
    }

    /** Its status at the end (published by {@link #end}, after the store has it). */
    synchronized JobStatus ending(JobState state, Instant at, PlanResult outcome) {
        return status.ended(state, at, seconds(), outcome);
    }

    synchronized JobStatus failing(Instant at, String why, String errorId) {
        return status.failed(at, seconds(), why, errorId);
    }

    /** Publishes the final status and result and wakes those waiting (the input stays: plans are rendered from it). */
    void end(JobStatus finalStatus, PlanResult outcome) {
        synchronized (this) {
            status = finalStatus;
            result = outcome;
            solvingThread = null;
        }
        ended.complete(null);
    }

    /** The result of an ended job. */
    PlanResult resultNow() {
        JobStatus now;
        PlanResult held;
        synchronized (this) {
            now = status;
            held = result;
        }
        if (now.state() == JobState.FAILED) {
            throw new JobFailedException(now);
        }
        if (held != null) {
            return held;
        }
        if (restoredFrom == null) {
            throw new IllegalStateException("job " + id + " is " + now.state() + " without a result");
        }
        return restoredFrom.result(id).orElseThrow(() -> new IllegalStateException("job \"" + id + "\" is "
                + now.state() + " but its stored result is missing. Maybe its files were removed by hand; "
                + "submit it again."));
    }
}
