package io.fabricplan.jobs;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.Planner;
import io.fabricplan.api.Progress;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.api.SolveStatistics;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.model.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Planning jobs for tools that embed the planner, in the manner of a solver manager: {@link #submit} queues an
 * instance and returns its {@link PlanningJob} at once; at most {@code parallelism} jobs solve at a time, each with
 * at most {@code threadsPerSolve} solver threads, the others wait in submission order; {@link #status} tells where
 * a job is and how far its solve got (elapsed, best objective, bound); {@link #cancel} stops it with the best plan
 * found; finished jobs are kept {@code expireAfter}, then forgotten (at the next call on the service). Mid-solve the
 * planner reports the objective and bound of its plans but not the plans, so {@link #bestSoFar} is empty until the
 * job ends (its status carries the figures meanwhile) and its result after. A full queue, a duplicate id or a closed
 * service refuse a submit with a {@link JobRejectedException} that says which. A solve that throws leaves its job
 * FAILED with an error id; the stack trace goes to the log only.
 *
 * <p>A {@link JobStore} keeps the jobs beyond this object: with a {@link FileJobStore}, a service started on the
 * same directory serves the finished jobs again and marks those that were queued or solving FAILED ("interrupted
 * by a restart").
 *
 * <p>Thread-safe; no static state (several services may run in one process).
 *
 * <pre>{@code
 * try (PlanningService service = PlanningService.builder().threadsPerSolve(2).build()) {
 *     PlanningJob job = service.submit("quote-42", instance, SolveOptions.from(instance.settings()));
 *     PlanResult result = job.result(Duration.ofMinutes(2));
 * }
 * }</pre>
 */
public final class PlanningService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PlanningService.class.getName());
    /** Ids name files and URL path segments: letters, digits, '.', '_' and '-', not starting with '.'. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

    private final Planner planner;
    private final int parallelism;
    private final int threadsPerSolve;
    private final int queueCapacity;
    private final Duration expireAfter;
    private final Duration stopTimeout;
    private final JobStore store;
    private final Clock clock;
    private final ThreadPoolExecutor workers;
    private final Map<String, PlanningJob> jobs = new ConcurrentHashMap<>();
    /** Ended jobs in the order they ended: the order they expire in. */
    private final Queue<Ended> endedOrder = new ConcurrentLinkedQueue<>();
    private final ReentrantLock sweeping = new ReentrantLock();
    private final AtomicLong sequence = new AtomicLong();
    /** Submits hold it shared; close takes it alone, so that no submit is half-way when the workers stop. */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final Object admission = new Object();
    /** Ids being stored by a submit, not yet visible. Guarded by admission. */
    private final Set<String> pending = new HashSet<>();
    /** Jobs queued or solving, and pending ones. Guarded by admission. */
    private int active;
    private volatile boolean closed;

    private PlanningService(Builder b) {
        this.planner = b.planner != null ? b.planner : Planner.create();
        this.threadsPerSolve = b.threadsPerSolve;
        this.parallelism = b.parallelism > 0 ? b.parallelism
                : Math.max(1, Runtime.getRuntime().availableProcessors() / threadsPerSolve);
        this.queueCapacity = b.queueCapacity;
        this.expireAfter = b.expireAfter;
        this.stopTimeout = b.stopTimeout;
        this.store = b.store;
        this.clock = b.clock;
        AtomicInteger threads = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(parallelism, parallelism, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "fabricplan-job-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        restore();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Jobs solved at once. */
    public int parallelism() {
        return parallelism;
    }

    /** The most solver threads a solve gets. */
    public int threadsPerSolve() {
        return threadsPerSolve;
    }

    /** Jobs that may wait beyond those solving. */
    public int queueCapacity() {
        return queueCapacity;
    }

    /** How long a finished job is kept. */
    public Duration expireAfter() {
        return expireAfter;
    }

    /** Submits a job under a fresh random id (a UUID), with no listener. */
    public PlanningJob submit(Instance instance, SolveOptions options) {
        return submit(UUID.randomUUID().toString(), instance, options, JobListener.NONE);
    }

    /** Submits a job with no listener. */
    public PlanningJob submit(String jobId, Instance instance, SolveOptions options) {
        return submit(jobId, instance, options, JobListener.NONE);
    }

    /**
     * Queues a job and returns at once. Its solve gets at most {@code threadsPerSolve} solver threads (options of 0
     * threads, all cores, are capped too); everything else is the options'. With a store, the input is stored
     * before this returns.
     *
     * @param jobId letters, digits, '.', '_' and '-', at most 128, not starting with '.'
     * @throws JobRejectedException     when the queue is full, the id is taken or the service is closed
     * @throws IllegalArgumentException when the id is not a valid one
     */
    public PlanningJob submit(String jobId, Instance instance, SolveOptions options, JobListener listener) {
        requireValidId(jobId);
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        expire();
        lifecycle.readLock().lock();
        try {
            admit(jobId);
            SolveOptions capped = options.threads() == 0 || options.threads() > threadsPerSolve
                    ? options.withThreads(threadsPerSolve) : options;
            PlanningJob job = new PlanningJob(this, jobId, sequence.incrementAndGet(), instance, capped, listener,
                    JobStatus.queued(jobId, clock.instant()));
            try {
                store.created(job.status(), instance, capped);
            } catch (RuntimeException | Error e) {
                synchronized (admission) {
                    pending.remove(jobId);
                    active--;
                }
                throw e;
            }
            synchronized (admission) {
                pending.remove(jobId);
                jobs.put(jobId, job);
            }
            workers.execute(() -> run(job));
            return job;
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Reserves the id and a place, or says why not. */
    private void admit(String jobId) {
        synchronized (admission) {
            if (closed) {
                throw new JobRejectedException(jobId, JobRejectedException.Reason.CLOSED, null,
                        "the planning service is closed: job \"" + jobId + "\" refused. Maybe submit it to a "
                                + "running service.");
            }
            PlanningJob taken = jobs.get(jobId);
            if (taken != null || pending.contains(jobId)) {
                String what = taken == null ? "being submitted" : taken.status().state() + ", submitted at "
                        + taken.status().submittedAt();
                throw new JobRejectedException(jobId, JobRejectedException.Reason.DUPLICATE_ID, null,
                        "job id \"" + jobId + "\" is taken (" + what + "). Maybe choose another id; a finished "
                                + "job's id is free again " + expireAfter + " after it ended.");
            }
            if (active >= parallelism + queueCapacity) {
                Duration retry = retryAfter();
                throw new JobRejectedException(jobId, JobRejectedException.Reason.QUEUE_FULL, retry,
                        "the queue is full: " + active + " jobs active (" + parallelism + " solving at once, "
                                + queueCapacity + " waiting): job \"" + jobId + "\" refused. Maybe submit it "
                                + "again in " + retry.toSeconds() + " s, or cancel a job.");
            }
            pending.add(jobId);
            active++;
        }
    }

    /** The soonest a solving job reaches its time limit (at least a second): when a place is likely free. */
    private Duration retryAfter() {
        double soonest = Double.POSITIVE_INFINITY;
        for (PlanningJob job : jobs.values()) {
            JobStatus s = job.status();
            if (s.state() == JobState.SOLVING) {
                soonest = Math.min(soonest, job.options().timeLimitSeconds() - s.elapsedSeconds());
            }
        }
        return Duration.ofSeconds(Double.isInfinite(soonest) ? 1 : Math.max(1, (long) Math.ceil(soonest)));
    }

    /**
     * A job's status.
     *
     * @throws NoSuchElementException when no job has this id (never submitted, or expired)
     */
    public JobStatus status(String jobId) {
        return job(jobId).status();
    }

    /** The job with this id, as {@link #submit} returned it. */
    public PlanningJob job(String jobId) {
        expire();
        PlanningJob job = jobs.get(Objects.requireNonNull(jobId, "jobId"));
        if (job == null) {
            throw new NoSuchElementException("no job \"" + jobId + "\" (finished jobs are kept " + expireAfter
                    + " after they end). Maybe it expired or the id is misspelt; jobs() lists those known.");
        }
        return job;
    }

    /** See {@link PlanningJob#bestSoFar()}: the result once the job ended; the figures mid-solve are in status. */
    public Optional<PlanResult> bestSoFar(String jobId) {
        return job(jobId).bestSoFar();
    }

    /** See {@link PlanningJob#result(Duration)}. */
    public PlanResult result(String jobId, Duration timeout) throws InterruptedException, TimeoutException {
        return job(jobId).result(timeout);
    }

    /** See {@link PlanningJob#cancel()}. */
    public PlanResult cancel(String jobId) {
        return job(jobId).cancel();
    }

    /** See {@link PlanningJob#requestCancel()}. */
    public void requestCancel(String jobId) {
        job(jobId).requestCancel();
    }

    /** Every job known (active, and finished ones not yet expired), in submission order. */
    public List<JobStatus> jobs() {
        expire();
        List<PlanningJob> all = new ArrayList<>(jobs.values());
        all.sort(Comparator.comparingLong(PlanningJob::sequence));
        return all.stream().map(PlanningJob::status).toList();
    }

    /**
     * Refuses new jobs, cancels the queued ones (unsolved) and the solving ones (they end CANCELLED with their best
     * plans, stored), waits up to {@code stopTimeout} for the solves to return, and closes the store. Idempotent.
     */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            lifecycle.writeLock().unlock();
        }
        List<PlanningJob> all = new ArrayList<>(jobs.values());
        all.sort(Comparator.comparingLong(PlanningJob::sequence));
        for (PlanningJob job : all) {
            if (job.claimQueued()) {
                endUnsolved(job, "cancelled before it was solved: the service closed");
            } else {
                job.cancellation().cancel();
            }
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "planning service closed with solves still running after "
                        + stopTimeout + ": " + all.stream().filter(j -> !j.hasEnded()).map(PlanningJob::id).toList());
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        } finally {
            store.close();
        }
    }

    /** Cancels a job; with {@code wait}, returns its result once it stopped (else null at once). */
    PlanResult cancel(PlanningJob job, boolean wait) {
        if (job.claimQueued()) {
            PlanResult unsolved = endUnsolved(job, "cancelled before it was solved");
            return wait ? unsolved : null;
        }
        job.cancellation().cancel();
        if (!wait) {
            return null;
        }
        if (job.calledFromOwnSolve()) {
            throw new IllegalStateException("job \"" + job.id() + "\" cancelled from its own listener cannot wait for "
                    + "its end: its cancellation is raised. Maybe call requestCancel() there; the result comes with "
                    + "onFinished.");
        }
        try {
            job.awaitEnd(stopTimeout);
        } catch (TimeoutException e) {
            throw new IllegalStateException("job \"" + job.id() + "\" has not stopped " + stopTimeout + " after its "
                    + "cancel. Maybe the planner does not heed cancellation; status() shows when it ends.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for job \"" + job.id() + "\" to stop", e);
        }
        return job.resultNow();
    }

    /** Solves a job a worker took from the queue (unless a cancel took it first). */
    private void run(PlanningJob job) {
        if (!job.start(clock.instant())) {
            return;
        }
        save(job, () -> store.updated(job.status()));
        tell(job, l -> l.onStarted(job.status()));
        PlanResult result;
        try {
            result = planner.solve(job.instance(), job.options(), p -> progress(job, p), job.cancellation());
            if (result == null) {
                throw new IllegalStateException("the planner returned no result");
            }
        } catch (RuntimeException | Error e) {
            String errorId = UUID.randomUUID().toString().substring(0, 8);
            LOG.log(System.Logger.Level.ERROR, "job " + job.id() + " failed (error " + errorId + ")", e);
            JobStatus failed = job.failing(clock.instant(), "internal error " + errorId + " ("
                    + e.getClass().getSimpleName() + "). Maybe report it with the job's input; other jobs are "
                    + "unaffected.", errorId);
            end(job, failed, null);
            return;
        }
        JobState state = job.cancellation().isCancelled() ? JobState.CANCELLED : JobState.DONE;
        end(job, job.ending(state, clock.instant(), result), result);
    }

    private void progress(PlanningJob job, Progress p) {
        if (job.progress(p)) {
            tell(job, l -> l.onNewBest(job.status()));
        }
    }

    /** Ends a job taken out of the queue: CANCELLED with a NO_SOLUTION result that says why. */
    private PlanResult endUnsolved(PlanningJob job, String why) {
        SolveOptions o = job.options();
        PlanResult unsolved = new PlanResult(SolveStatus.NO_SOLUTION, o.objective(), null, null, Double.NaN,
                Double.NaN, Double.NaN, null, new SolveStatistics("-", "-", SolveStatus.NO_SOLUTION, Double.NaN,
                Double.NaN, Double.NaN, 0, 0, 0, 0, 0), List.of(why));
        end(job, job.ending(JobState.CANCELLED, clock.instant(), unsolved), unsolved);
        return unsolved;
    }

    /** Stores the final status (and result), then publishes it, frees the place and tells the listener. */
    private void end(PlanningJob job, JobStatus status, PlanResult result) {
        save(job, () -> {
            if (result == null) {
                store.updated(status);
            } else {
                store.finished(status, result);
            }
        });
        // its place and its expiry before anyone sees it ended: one who then submits finds the place free
        synchronized (admission) {
            active--;
        }
        endedOrder.add(new Ended(job, status.finishedAt()));
        job.end(status, result);
        tell(job, l -> l.onFinished(status, result));
    }

    /** A store that fails does not fail the job: the job goes on in memory, and the log says what was not kept. */
    private static void save(PlanningJob job, Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "job " + job.id() + ": the store failed; the job goes on in memory "
                    + "but a restart will not see this change", e);
        }
    }

    private static void tell(PlanningJob job, Consumer<JobListener> call) {
        try {
            call.accept(job.listener());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "job " + job.id() + ": its listener threw; the job is unaffected",
                    e);
        }
    }

    /** Forgets the jobs that ended {@code expireAfter} ago or more (here and in the store). */
    private void expire() {
        if (!sweeping.tryLock()) {
            return;
        }
        try {
            Instant now = clock.instant();
            for (Ended next = endedOrder.peek(); next != null; next = endedOrder.peek()) {
                if (next.at().plus(expireAfter).isAfter(now)) {
                    break;
                }
                PlanningJob job = endedOrder.poll().job();
                if (jobs.remove(job.id(), job)) {
                    save(job, () -> store.delete(job.id()));
                }
            }
        } finally {
            sweeping.unlock();
        }
    }

    /** Takes over the store's jobs: finished ones are served again, active ones were interrupted. */
    private void restore() {
        List<Ended> restored = new ArrayList<>();
        for (JobStatus s : store.statuses()) {
            JobStatus status = s;
            if (!s.state().isFinished()) {
                status = new JobStatus(s.id(), JobState.FAILED, s.submittedAt(), s.startedAt(), clock.instant(),
                        s.elapsedSeconds(), s.bestObjective(), s.bound(), s.gap(), null, "interrupted by a restart "
                        + "(it was " + s.state() + "). Maybe submit it again.", null);
                store.updated(status);
            }
            PlanningJob job = PlanningJob.restored(this, status, sequence.incrementAndGet(), store);
            jobs.put(job.id(), job);
            restored.add(new Ended(job, status.finishedAt() != null ? status.finishedAt() : clock.instant()));
        }
        restored.sort(Comparator.comparing(Ended::at));
        endedOrder.addAll(restored);
    }

    /** A job that ended, and when. */
    private record Ended(PlanningJob job, Instant at) {
    }

    /** The id, when it may name a job; else an IllegalArgumentException saying what may. */
    static String requireValidId(String jobId) {
        Objects.requireNonNull(jobId, "jobId");
        if (!ID.matcher(jobId).matches()) {
            throw new IllegalArgumentException("job id \"" + jobId + "\" is not valid: ids are 1 to 128 letters, "
                    + "digits, '.', '_' and '-', not starting with '.'. Maybe use a UUID.");
        }
        return jobId;
    }

    /** Configures a {@link PlanningService}. */
    public static final class Builder {
        private Planner planner;
        private int parallelism;
        private int threadsPerSolve = 1;
        private int queueCapacity = 100;
        private Duration expireAfter = Duration.ofHours(1);
        private Duration stopTimeout = Duration.ofSeconds(30);
        private JobStore store = JobStore.memoryOnly();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The planner that solves the jobs; default {@link Planner#create()}. */
        public Builder planner(Planner value) {
            this.planner = Objects.requireNonNull(value, "planner");
            return this;
        }

        /** Jobs solved at once; default the machine's cores / threads per solve, at least 1. */
        public Builder parallelism(int value) {
            require(value >= 1, "parallelism must be at least 1, got " + value, "use 1 to solve one job at a time.");
            this.parallelism = value;
            return this;
        }

        /** The most solver threads each solve gets; default 1. */
        public Builder threadsPerSolve(int value) {
            require(value >= 1, "threadsPerSolve must be at least 1, got " + value,
                    "use 1 for many small jobs, the cores for one large one.");
            this.threadsPerSolve = value;
            return this;
        }

        /** Jobs that may wait beyond those solving; a submit past them is refused (QUEUE_FULL). Default 100. */
        public Builder queueCapacity(int value) {
            require(value >= 0, "queueCapacity must be >= 0, got " + value, "use 0 to refuse jobs that would wait.");
            this.queueCapacity = value;
            return this;
        }

        /** How long a finished job (and its stored files) is kept after it ended; default an hour. */
        public Builder expireAfter(Duration value) {
            require(!Objects.requireNonNull(value, "expireAfter").isNegative(), "expireAfter must not be negative, got " + value, "e.g. Duration.ofHours(1).");
            this.expireAfter = value;
            return this;
        }

        /** How long cancel and close wait for a solve to stop; default 30 s. */
        public Builder stopTimeout(Duration value) {
            require(!Objects.requireNonNull(value, "stopTimeout").isNegative() && !value.isZero(), "stopTimeout must be positive, got " + value,
                    "e.g. Duration.ofSeconds(30).");
            this.stopTimeout = value;
            return this;
        }

        /** Where jobs are kept beyond memory; default {@link JobStore#memoryOnly()}. The service closes it. */
        public Builder store(JobStore value) {
            this.store = Objects.requireNonNull(value, "store");
            return this;
        }

        /** The clock of the jobs' timestamps and expiry; default UTC system time. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The service, its worker threads started; finished jobs in the store are served again. */
        public PlanningService build() {
            return new PlanningService(this);
        }

        private static void require(boolean ok, String what, String maybe) {
            if (!ok) {
                throw new IllegalArgumentException(what + ". Maybe " + maybe);
            }
        }
    }
}
