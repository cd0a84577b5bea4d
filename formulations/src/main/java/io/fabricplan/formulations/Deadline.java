package io.fabricplan.formulations;

import io.fabricplan.api.Cancellation;

/**
 * The end of a solve's time (its start plus the time limit) or its cancellation, whichever comes first. Phases
 * that cannot be interrupted inside (building the model, repairing the rule of thumb) look at it between their
 * steps, so that a solve ends within a step of its limit whatever the size.
 */
final class Deadline {
    private static final Cancellation NEVER_CANCELLED = new Cancellation();

    private final long endNanos;
    private final Cancellation cancellation;

    private Deadline(long endNanos, Cancellation cancellation) {
        this.endNanos = endNanos;
        this.cancellation = cancellation;
    }

    /** {@code seconds} after {@code startNanos} ({@link System#nanoTime()}), or when cancelled. */
    static Deadline of(long startNanos, double seconds, Cancellation cancellation) {
        long span = (long) Math.min(Long.MAX_VALUE / 4.0, seconds * 1e9);
        return new Deadline(startNanos + span, cancellation);
    }

    /** A deadline that never comes, for builds outside a solve. */
    static Deadline none() {
        return new Deadline(System.nanoTime() + Long.MAX_VALUE / 4, NEVER_CANCELLED);
    }

    /** Seconds left, at least 0. */
    double remainingSeconds() {
        return Math.max(0, (endNanos - System.nanoTime()) / 1e9);
    }

    /** Whether the time is up or the solve was cancelled. */
    boolean reached() {
        return cancellation.isCancelled() || System.nanoTime() - endNanos >= 0;
    }

    /** Throws {@link Reached} when the time is up or the solve was cancelled. */
    void check() {
        if (reached()) {
            throw new Reached();
        }
    }

    /** Thrown between the steps of a phase when the deadline has come; the planner falls back. */
    static final class Reached extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Reached() {
            super("time limit reached", null, false, false);
        }
    }
}
