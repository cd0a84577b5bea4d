package io.fabricplan.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The bytes of request bodies the service holds at once: a body is read whole into memory (under the body-size
 * limit) and kept until its request is answered, so without a cap two hundred uploads of 64 MiB would ask for
 * 12 GiB. A request reserves its body's size (its Content-Length, or the body-size limit while the length is
 * unknown, then what it read) before reading; when the budget is spent it waits a little, then is refused with 503
 * and Retry-After. Counted in KiB.
 */
final class UploadBudget {
    /** The request attribute holding a request's lease, released when the request ends. */
    static final String LEASE = "fabricplan.upload-lease";
    private final Semaphore kib;
    private final long capacityBytes;
    private final Duration patience;

    /** @param patience how long a request waits for room (ten seconds in a server) */
    UploadBudget(long capacityBytes, Duration patience) {
        this.capacityBytes = capacityBytes;
        this.patience = patience;
        this.kib = new Semaphore(kib(capacityBytes), true);
    }

    long capacityBytes() {
        return capacityBytes;
    }

    /** What one request holds. */
    final class Lease {
        private int held;

        private Lease(int held) {
            this.held = held;
        }

        /** Gives back what was reserved beyond {@code bytes} (the body turned out smaller). */
        synchronized void shrinkTo(long bytes) {
            int keep = Math.min(held, kib(bytes));
            kib.release(held - keep);
            held = keep;
        }

        synchronized void release() {
            kib.release(held);
            held = 0;
        }
    }

    /**
     * Reserves room for a body of {@code bytes}.
     *
     * @throws ApiException 503 when the room did not come free in time
     */
    Lease reserve(long bytes) {
        int need = Math.min(kib(bytes), kib(capacityBytes));
        try {
            if (!kib.tryAcquire(need, patience.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ApiException(503, "uploads_busy", String.format(java.util.Locale.ROOT, "the service is "
                        + "reading or holding %,d bytes of other requests' bodies, its most; this one waited %d s "
                        + "for room.", capacityBytes, patience.toSeconds()), "retry after the time in "
                        + "Retry-After.", List.of(), 0, Duration.ofSeconds(2));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "closing", "the service is stopping.", "retry when it is back.");
        }
        return new Lease(need);
    }

    private static int kib(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, (Math.max(0, bytes) + 1023) / 1024);
    }
}
