package io.fabricplan.jobs;

import static io.fabricplan.jobs.Jobs.ENGINE;
import static io.fabricplan.jobs.Jobs.TINY;
import static io.fabricplan.jobs.Jobs.checked;
import static io.fabricplan.jobs.Jobs.quick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.Planner;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.instances.Examples;
import io.fabricplan.model.Instance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** PlanningService over the real planner: queue, parallelism, cancellation, listeners, expiry, refusals, failures. */
class PlanningServiceTest {

    /** Parallelism 1: one job solves, the others wait and start in submission order; every plan is checked. */
    @Test
    void oneJobSolvesAtATimeAndTheQueueKeepsSubmissionOrder() throws Exception {
        GatedPlanner planner = new GatedPlanner(ENGINE);
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        JobListener listener = new JobListener() {
            @Override
            public void onStarted(JobStatus status) {
                started.add(status.id());
            }
        };
        try (PlanningService service = PlanningService.builder().planner(planner).parallelism(1).build()) {
            List<PlanningJob> jobs = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                jobs.add(service.submit("job-" + i, TINY, quick(TINY), listener));
            }
            planner.awaitEntered(1);

            assertThat(service.jobs()).extracting(JobStatus::id)
                    .containsExactly("job-1", "job-2", "job-3", "job-4", "job-5");
            assertThat(service.jobs()).extracting(JobStatus::state).containsExactly(JobState.SOLVING,
                    JobState.QUEUED, JobState.QUEUED, JobState.QUEUED, JobState.QUEUED);
            assertThat(service.status("job-2").startedAt()).isNull();
            assertThat(service.status("job-2").message()).isEqualTo("queued");

            planner.open();
            for (PlanningJob job : jobs) {
                PlanResult result = checked(TINY, job.result(Duration.ofSeconds(60)));
                assertThat(result.status()).isEqualTo(SolveStatus.OPTIMAL);
                assertThat(result.objectiveValue()).isCloseTo(Jobs.TINY_OPTIMUM, within(0.01));
                assertThat(job.status().state()).isEqualTo(JobState.DONE);
            }
            assertThat(started).containsExactly("job-1", "job-2", "job-3", "job-4", "job-5");
            assertThat(planner.mostAtOnce()).isEqualTo(1);
        }
    }

    /** Parallelism 2: exactly two solve while the rest wait; never more than two at once. */
    @Test
    void parallelismBoundsTheSolvesAtOnce() throws Exception {
        GatedPlanner planner = new GatedPlanner(ENGINE);
        try (PlanningService service = PlanningService.builder().planner(planner).parallelism(2).build()) {
            List<PlanningJob> jobs = IntStream.range(0, 6)
                    .mapToObj(i -> service.submit("su-" + i, TINY, quick(TINY))).toList();
            planner.awaitEntered(2);

            assertThat(service.jobs()).extracting(JobStatus::state).containsExactly(JobState.SOLVING,
                    JobState.SOLVING, JobState.QUEUED, JobState.QUEUED, JobState.QUEUED, JobState.QUEUED);

            planner.open();
            for (PlanningJob job : jobs) {
                checked(TINY, job.result(Duration.ofSeconds(60)));
            }
            assertThat(planner.mostAtOnce()).isEqualTo(2);
            assertThat(planner.solves()).isEqualTo(6);
        }
    }

    /** The solve's threads are capped at threadsPerSolve, also when the options ask for all cores (0). */
    @Test
    void eachSolveGetsAtMostThreadsPerSolve() {
        try (PlanningService service = PlanningService.builder().planner(ENGINE).threadsPerSolve(2).parallelism(1)
                .build()) {
            assertThat(service.submit("all-cores", TINY, quick(TINY).withThreads(0)).options().threads())
                    .isEqualTo(2);
            assertThat(service.submit("eight", TINY, quick(TINY).withThreads(8)).options().threads()).isEqualTo(2);
            assertThat(service.submit("one", TINY, quick(TINY).withThreads(1)).options().threads()).isEqualTo(1);
        }
    }

    /** A running job cancelled mid-search returns the best plan known (the checker passes it), CANCELLED. */
    @Test
    void cancellingASolvingJobReturnsItsBestPlan() throws Exception {
        Instance slow = Jobs.slow();
        try (PlanningService service = PlanningService.builder().planner(ENGINE).parallelism(1).build()) {
            PlanningJob job = service.submit("big", slow, Jobs.slowOptions());
            Jobs.awaitSearch(job);
            assertThat(job.bestSoFar()).as("no plan object mid-search, only figures").isEmpty();

            PlanResult result = checked(slow, service.cancel("big"));

            JobStatus status = service.status("big");
            assertThat(status.state()).isEqualTo(JobState.CANCELLED);
            assertThat(status.outcome()).isEqualTo(result.status()).isIn(SolveStatus.FEASIBLE, SolveStatus.OPTIMAL);
            assertThat(status.bestObjective()).isEqualTo(result.objectiveValue());
            assertThat(status.finishedAt()).isAfterOrEqualTo(status.startedAt());
            assertThat(status.elapsedSeconds()).isPositive();
            assertThat(service.bestSoFar("big")).containsSame(result);
            assertThat(service.cancel("big")).as("a second cancel: the same result").isSameAs(result);
        }
    }

    /** A queued job cancelled is never solved: CANCELLED at once, NO_SOLUTION saying why. */
    @Test
    void cancellingAQueuedJobEndsItWithoutASolve() throws Exception {
        GatedPlanner planner = new GatedPlanner(ENGINE);
        try (PlanningService service = PlanningService.builder().planner(planner).parallelism(1).build()) {
            PlanningJob first = service.submit("first", TINY, quick(TINY));
            PlanningJob waiting = service.submit("waiting", TINY, quick(TINY));
            planner.awaitEntered(1);

            PlanResult result = waiting.cancel();

            assertThat(result.status()).isEqualTo(SolveStatus.NO_SOLUTION);
            assertThat(result.plan()).isNull();
            assertThat(result.diagnostics()).containsExactly("cancelled before it was solved");
            JobStatus status = service.status("waiting");
            assertThat(status.state()).isEqualTo(JobState.CANCELLED);
            assertThat(status.startedAt()).isNull();
            assertThat(status.outcome()).isEqualTo(SolveStatus.NO_SOLUTION);
            assertThat(status.message()).isEqualTo("NO_SOLUTION: cancelled before it was solved");

            planner.open();
            checked(TINY, first.result(Duration.ofSeconds(60)));
            assertThat(waiting.result(Duration.ZERO)).isSameAs(result);
            assertThat(planner.solves()).as("the cancelled job never reached the planner").isEqualTo(1);
        }
    }

    /** result waits up to its timeout, then says the job goes on; a later wait gets the plan. */
    @Test
    void resultTimesOutWhileTheJobSolvesThenReturnsThePlan() throws Exception {
        GatedPlanner planner = new GatedPlanner(ENGINE);
        try (PlanningService service = PlanningService.builder().planner(planner).build()) {
            service.submit("held", TINY, quick(TINY));
            planner.awaitEntered(1);

            assertThatThrownBy(() -> service.result("held", Duration.ofMillis(50)))
                    .isInstanceOf(TimeoutException.class)
                    .hasMessage("job \"held\" is still SOLVING after PT0.05S. Maybe wait longer, or cancel it "
                            + "for its best plan so far.");
            assertThat(service.bestSoFar("held")).isEmpty();

            planner.open();
            PlanResult result = checked(TINY, service.result("held", Duration.ofSeconds(60)));
            assertThat(service.bestSoFar("held")).containsSame(result);
        }
    }

    /** The listener hears the start, each better objective (never worse than the one before) and the end. */
    @Test
    void listenerHearsTheStartEachNewBestAndTheEnd() throws Exception {
        Instance superpod = Examples.superpod4su();
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        List<Double> bests = Collections.synchronizedList(new ArrayList<>());
        List<PlanResult> finished = Collections.synchronizedList(new ArrayList<>());
        JobListener listener = new JobListener() {
            @Override
            public void onStarted(JobStatus status) {
                events.add("started " + status.state());
            }

            @Override
            public void onNewBest(JobStatus status) {
                events.add("best");
                bests.add(status.bestObjective());
            }

            @Override
            public void onFinished(JobStatus status, PlanResult result) {
                events.add("finished " + status.state());
                finished.add(result);
            }
        };
        try (PlanningService service = PlanningService.builder().planner(ENGINE).build()) {
            PlanResult result = checked(superpod, service.submit("superpod", superpod, quick(superpod), listener)
                    .result(Duration.ofSeconds(120)));

            Jobs.await("onFinished", Duration.ofSeconds(10), () -> finished.size() == 1);
            assertThat(events.get(0)).isEqualTo("started SOLVING");
            assertThat(events.subList(1, events.size() - 1)).isNotEmpty().containsOnly("best");
            assertThat(events.get(events.size() - 1)).isEqualTo("finished DONE");
            assertThat(bests).isSortedAccordingTo(Collections.reverseOrder());
            assertThat(service.status("superpod").bestObjective()).isEqualTo(result.objectiveValue());
            assertThat(finished.get(0)).isSameAs(result);
        }
    }

    /**
     * From the job's own listener, cancel cannot wait for the job's end (it would wait for itself): it says so and
     * raises the cancellation; requestCancel is the way there. The job ends CANCELLED with a checked plan.
     */
    @Test
    void aJobCancelledFromItsOwnListenerEndsCancelled() throws Exception {
        Instance superpod = Examples.superpod4su();
        List<RuntimeException> refused = Collections.synchronizedList(new ArrayList<>());
        try (PlanningService service = PlanningService.builder().planner(ENGINE).build()) {
            JobListener impatient = new JobListener() {
                @Override
                public void onNewBest(JobStatus status) {
                    try {
                        service.cancel(status.id());
                    } catch (IllegalStateException e) {
                        refused.add(e);
                    }
                    service.requestCancel(status.id());
                }
            };
            PlanningJob job = service.submit("impatient", superpod, quick(superpod), impatient);

            PlanResult result = checked(superpod, job.result(Duration.ofSeconds(120)));

            assertThat(job.status().state()).isEqualTo(JobState.CANCELLED);
            assertThat(job.status().outcome()).isEqualTo(result.status());
            assertThat(refused).isNotEmpty().first().extracting(Throwable::getMessage).isEqualTo("job \"impatient\" "
                    + "cancelled from its own listener cannot wait for its end: its cancellation is raised. Maybe call "
                    + "requestCancel() there; the result comes with onFinished.");
        }
    }

    /** A store that cannot take a job's input refuses the submit: the id and the place stay free. */
    @Test
    void aSubmitTheStoreCannotKeepIsRefusedAndLeavesNoTrace() throws Exception {
        JobStore full = new JobStore() {
            private final JobStore memory = JobStore.memoryOnly();

            @Override
            public void created(JobStatus status, Instance instance, SolveOptions options) {
                if (status.id().startsWith("full")) {
                    throw new UncheckedIOException(new IOException("No space left on device"));
                }
            }

            @Override
            public void updated(JobStatus status) {
            }

            @Override
            public void finished(JobStatus status, PlanResult result) {
            }

            @Override
            public List<JobStatus> statuses() {
                return memory.statuses();
            }

            @Override
            public Optional<PlanResult> result(String jobId) {
                return memory.result(jobId);
            }

            @Override
            public void delete(String jobId) {
            }
        };
        try (PlanningService service = PlanningService.builder().planner(ENGINE).store(full).parallelism(1)
                .queueCapacity(0).build()) {
            assertThatThrownBy(() -> service.submit("full-1", TINY, quick(TINY)))
                    .hasMessageContaining("No space left on device");
            assertThat(service.jobs()).isEmpty();
            checked(TINY, service.submit("kept", TINY, quick(TINY)).result(Duration.ofSeconds(60)));
        }
    }

    /** A listener that throws is logged; the job goes on. */
    @Test
    void aListenerThatThrowsDoesNotHarmTheJob() throws Exception {
        JobListener rude = new JobListener() {
            @Override
            public void onStarted(JobStatus status) {
                throw new IllegalStateException("listener bug");
            }
        };
        try (PlanningService service = PlanningService.builder().planner(ENGINE).build()) {
            checked(TINY, service.submit("rude", TINY, quick(TINY), rude).result(Duration.ofSeconds(60)));
            assertThat(service.status("rude").state()).isEqualTo(JobState.DONE);
        }
    }

    /** Finished jobs are kept expireAfter after they ended, then forgotten: their id is free again. */
    @Test
    void finishedJobsExpireAfterTheConfiguredTime() throws Exception {
        MutableClock clock = new MutableClock();
        try (PlanningService service = PlanningService.builder().planner(ENGINE).clock(clock)
                .expireAfter(Duration.ofMinutes(10)).build()) {
            checked(TINY, service.submit("q1", TINY, quick(TINY)).result(Duration.ofSeconds(60)));
            clock.advance(Duration.ofMinutes(9));
            assertThat(service.status("q1").state()).isEqualTo(JobState.DONE);

            clock.advance(Duration.ofMinutes(1));

            assertThatThrownBy(() -> service.status("q1")).isInstanceOf(NoSuchElementException.class)
                    .hasMessage("no job \"q1\" (finished jobs are kept PT10M after they end). Maybe it expired or "
                            + "the id is misspelt; jobs() lists those known.");
            assertThat(service.jobs()).isEmpty();
            checked(TINY, service.submit("q1", TINY, quick(TINY)).result(Duration.ofSeconds(60)));
        }
    }

    /** An id taken by an active or a finished job is refused, saying by what. */
    @Test
    void duplicateIdsAreRefused() throws Exception {
        GatedPlanner planner = new GatedPlanner(ENGINE);
        try (PlanningService service = PlanningService.builder().planner(planner).build()) {
            service.submit("dup", TINY, quick(TINY));
            planner.awaitEntered(1);

            assertThatThrownBy(() -> service.submit("dup", TINY, quick(TINY)))
                    .isInstanceOfSatisfying(JobRejectedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(JobRejectedException.Reason.DUPLICATE_ID);
                        assertThat(e.jobId()).isEqualTo("dup");
                        assertThat(e.retryAfter()).isNull();
                    })
                    .hasMessageStartingWith("job id \"dup\" is taken (SOLVING, submitted at ")
                    .hasMessageEndingWith("). Maybe choose another id; a finished job's id is free again PT1H "
                            + "after it ended.");
            planner.open();
            service.result("dup", Duration.ofSeconds(60));
            assertThatThrownBy(() -> service.submit("dup", TINY, quick(TINY)))
                    .hasMessageStartingWith("job id \"dup\" is taken (DONE, submitted at ");
        }
    }

    /** Ids become file and URL names: anything else is refused before it is queued. */
    @Test
    void idsThatCannotNameAFileAreRefused() {
        try (PlanningService service = PlanningService.builder().planner(ENGINE).build()) {
            for (String bad : List.of("", "../etc", ".hidden", "a/b", "a b", "x".repeat(129))) {
                assertThatThrownBy(() -> service.submit(bad, TINY, quick(TINY)))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageEndingWith("Maybe use a UUID.");
            }
            assertThat(service.jobs()).isEmpty();
            assertThat(service.submit(TINY, quick(TINY)).id()).hasSize(36);
        }
    }

    /** Parallelism 1 and a queue of 2: the fourth active job is refused, with when to retry; a place frees. */
    @Test
    void aFullQueueRefusesWithARetryAfter() throws Exception {
        GatedPlanner planner = new GatedPlanner(ENGINE);
        try (PlanningService service = PlanningService.builder().planner(planner).parallelism(1).queueCapacity(2)
                .build()) {
            service.submit("running", TINY, quick(TINY));
            planner.awaitEntered(1);
            service.submit("queued-1", TINY, quick(TINY));
            service.submit("queued-2", TINY, quick(TINY));

            assertThatThrownBy(() -> service.submit("one-too-many", TINY, quick(TINY)))
                    .isInstanceOfSatisfying(JobRejectedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(JobRejectedException.Reason.QUEUE_FULL);
                        // the running solve's 30 s limit, less what it has run
                        assertThat(e.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(30));
                    })
                    .hasMessageContaining("the queue is full: 3 jobs active (1 solving at once, 2 waiting): job "
                            + "\"one-too-many\" refused. Maybe submit it again in ");
            assertThatThrownBy(() -> service.status("one-too-many")).isInstanceOf(NoSuchElementException.class);

            service.cancel("queued-2");
            PlanningJob admitted = service.submit("one-more", TINY, quick(TINY));
            planner.open();
            checked(TINY, admitted.result(Duration.ofSeconds(60)));
        }
    }

    /** A solve that throws: FAILED with an error id; the exception's text stays in the log, not the status. */
    @Test
    void aSolveThatThrowsIsFailedWithAnErrorId() throws Exception {
        Instance poison = Examples.cpoTightRack();
        Planner planner = (instance, options, listener, cancellation) -> {
            if (instance == poison) {
                throw new IllegalStateException("engine bug: internal detail");
            }
            return ENGINE.solve(instance, options, listener, cancellation);
        };
        List<PlanResult> heard = Collections.synchronizedList(new ArrayList<>());
        JobListener listener = new JobListener() {
            @Override
            public void onFinished(JobStatus status, PlanResult result) {
                heard.add(result);
            }
        };
        try (PlanningService service = PlanningService.builder().planner(planner).parallelism(1).build()) {
            PlanningJob failing = service.submit("poison", poison, quick(poison), listener);
            PlanningJob next = service.submit("next", TINY, quick(TINY));

            assertThatThrownBy(() -> failing.result(Duration.ofSeconds(60)))
                    .isInstanceOfSatisfying(JobFailedException.class,
                            e -> assertThat(e.status().state()).isEqualTo(JobState.FAILED));
            JobStatus status = service.status("poison");
            assertThat(status.state()).isEqualTo(JobState.FAILED);
            assertThat(status.errorId()).matches("[0-9a-f]{8}");
            assertThat(status.message()).isEqualTo("internal error " + status.errorId() + " (IllegalStateException). "
                    + "Maybe report it with the job's input; other jobs are unaffected.");
            assertThat(status.outcome()).isNull();
            assertThat(service.bestSoFar("poison")).isEmpty();
            assertThatThrownBy(() -> service.cancel("poison")).isInstanceOf(JobFailedException.class)
                    .hasMessage("job \"poison\" failed: " + status.message());
            Jobs.await("onFinished", Duration.ofSeconds(10), () -> heard.size() == 1);
            assertThat(heard).containsExactly((PlanResult) null);

            checked(TINY, next.result(Duration.ofSeconds(60)));
        }
    }

    /** close cancels the solving job (its best plan kept) and the queued ones, and refuses new jobs. */
    @Test
    void closeStopsEverythingAndRefusesNewJobs() throws Exception {
        Instance slow = Jobs.slow();
        PlanningService service = PlanningService.builder().planner(ENGINE).parallelism(1).build();
        PlanningJob big = service.submit("big", slow, Jobs.slowOptions());
        PlanningJob queued = service.submit("queued", TINY, quick(TINY));
        Jobs.awaitSearch(big);

        service.close();

        assertThat(big.status().state()).isEqualTo(JobState.CANCELLED);
        checked(slow, big.result(Duration.ZERO));
        assertThat(queued.status().state()).isEqualTo(JobState.CANCELLED);
        assertThat(queued.result(Duration.ZERO).diagnostics())
                .containsExactly("cancelled before it was solved: the service closed");
        assertThatThrownBy(() -> service.submit("late", TINY, quick(TINY)))
                .isInstanceOfSatisfying(JobRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(JobRejectedException.Reason.CLOSED))
                .hasMessage("the planning service is closed: job \"late\" refused. Maybe submit it to a running "
                        + "service.");
        service.close();
    }

    /** 8 threads x 20 submits at once: every job is accepted once and solved; one id raced by 8 is taken once. */
    @Test
    void concurrentSubmitsAreEachAcceptedOnceAndSolved() throws Exception {
        int threads = 8;
        int each = 20;
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        try (PlanningService service = PlanningService.builder().planner(ENGINE).parallelism(2)
                .queueCapacity(threads * each + threads).build()) {
            CountDownLatch go = new CountDownLatch(1);
            ConcurrentLinkedQueue<PlanningJob> accepted = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<JobRejectedException> refused = new ConcurrentLinkedQueue<>();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int client = t;
                done.add(clients.submit(() -> {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        accepted.add(service.submit("c" + client + "-" + i, TINY, quick(TINY)));
                    }
                    try {
                        accepted.add(service.submit("raced", TINY, quick(TINY)));
                    } catch (JobRejectedException e) {
                        refused.add(e);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }

            assertThat(accepted).hasSize(threads * each + 1);
            assertThat(refused).hasSize(threads - 1)
                    .allMatch(e -> e.reason() == JobRejectedException.Reason.DUPLICATE_ID);
            for (PlanningJob job : accepted) {
                PlanResult result = checked(TINY, job.result(Duration.ofSeconds(300)));
                assertThat(result.objectiveValue()).isCloseTo(Jobs.TINY_OPTIMUM, within(0.01));
            }
            assertThat(service.jobs()).hasSize(threads * each + 1).extracting(JobStatus::id).doesNotHaveDuplicates();
            assertThat(service.jobs()).extracting(JobStatus::state).containsOnly(JobState.DONE);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void builderRefusesNonsenseSayingWhatWouldDo() {
        assertThatThrownBy(() -> PlanningService.builder().parallelism(0))
                .hasMessage("parallelism must be at least 1, got 0. Maybe use 1 to solve one job at a time.");
        assertThatThrownBy(() -> PlanningService.builder().queueCapacity(-1))
                .hasMessage("queueCapacity must be >= 0, got -1. Maybe use 0 to refuse jobs that would wait.");
        assertThatThrownBy(() -> PlanningService.builder().expireAfter(Duration.ofSeconds(-1)))
                .hasMessageStartingWith("expireAfter must not be negative");
    }

    /** Default parallelism: cores / threads per solve, at least one. */
    @Test
    void defaultParallelismSharesTheCores() {
        int cores = Runtime.getRuntime().availableProcessors();
        try (PlanningService service = PlanningService.builder().planner(ENGINE).threadsPerSolve(2).build()) {
            assertThat(service.parallelism()).isEqualTo(Math.max(1, cores / 2));
        }
    }
}
