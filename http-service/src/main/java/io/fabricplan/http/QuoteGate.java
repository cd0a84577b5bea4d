package io.fabricplan.http;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admission of synchronous quotes: at most {@code slots} solve at once (each on its request's thread), at most
 * {@code waiting} more wait for a slot, in arrival order; a quote beyond that is refused at once (429), and one
 * whose deadline passes while it waits is refused then (503). Quotes do not go through the job queue: they are not
 * stored, and a quoting tool waits for them.
 */
final class QuoteGate {
    private final Semaphore slots;
    private final int maxWaiting;
    private final AtomicInteger waiting = new AtomicInteger();

    QuoteGate(int slots, int maxWaiting) {
        this.slots = new Semaphore(slots, true);
        this.maxWaiting = maxWaiting;
    }

    /** A slot held until closed. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Waits at most {@code patience} for a slot.
     *
     * @throws ApiException 429 when too many wait already, 503 when none came free in time
     */
    Slot enter(Duration patience) throws InterruptedException {
        if (!slots.tryAcquire()) {
            if (waiting.incrementAndGet() > maxWaiting) {
                waiting.decrementAndGet();
                throw new ApiException(429, "too_many_quotes", "every quote slot is busy and " + maxWaiting
                        + " quotes wait already.", "retry after the time in Retry-After, or raise `fabricplan serve "
                        + "--queue`.", java.util.List.of(), 0, Duration.ofSeconds(1));
            }
            try {
                if (!slots.tryAcquire(Math.max(0, patience.toNanos()), TimeUnit.NANOSECONDS)) {
                    throw new ApiException(503, "deadline_passed_waiting", "the quote's deadline passed while it "
                            + "waited " + patience.toMillis() + " ms for a free solver slot.", "retry after the time "
                            + "in Retry-After, or give a longer ?deadline_ms=.", java.util.List.of(), 0,
                            Duration.ofSeconds(1));
                }
            } finally {
                waiting.decrementAndGet();
            }
        }
        return slots::release;
    }

    int solving(int slotCount) {
        return slotCount - slots.availablePermits();
    }

    int waiting() {
        return waiting.get();
    }
}
