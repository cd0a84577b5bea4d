package io.fabricplan.jobs;

import io.fabricplan.api.Cancellation;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.Planner;
import io.fabricplan.api.ProgressListener;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.model.Instance;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real planner behind a gate: each solve waits at the gate (or until cancelled) before it runs, so that a test
 * can hold jobs in SOLVING; it counts the solves and the most at once.
 */
final class GatedPlanner implements Planner {
    private final Planner engine;
    private final CountDownLatch gate = new CountDownLatch(1);
    private final Semaphore entered = new Semaphore(0);
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();
    private final AtomicInteger solves = new AtomicInteger();

    GatedPlanner(Planner engine) {
        this.engine = engine;
    }

    @Override
    public PlanResult solve(Instance instance, SolveOptions options, ProgressListener listener,
                            Cancellation cancellation) {
        solves.incrementAndGet();
        most.accumulateAndGet(running.incrementAndGet(), Math::max);
        entered.release();
        try {
            while (!cancellation.isCancelled() && !gate.await(10, TimeUnit.MILLISECONDS)) {
                Thread.onSpinWait();
            }
            return engine.solve(instance, options, listener, cancellation);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted at the gate", e);
        } finally {
            running.decrementAndGet();
        }
    }

    /** Waits until {@code n} more solves have reached the gate. */
    void awaitEntered(int n) throws InterruptedException {
        if (!entered.tryAcquire(n, Duration.ofSeconds(60).toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(n + " solves did not reach the gate in 60 s");
        }
    }

    void open() {
        gate.countDown();
    }

    int solves() {
        return solves.get();
    }

    int mostAtOnce() {
        return most.get();
    }
}
