package io.fabricplan.api;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cancellation flag a caller passes to a solve and may raise from any thread. A cancelled solve returns the
 * best plan found so far (FEASIBLE) or NO_SOLUTION.
 */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final java.util.List<Runnable> hooks = new java.util.concurrent.CopyOnWriteArrayList<>();

    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            hooks.forEach(Runnable::run);
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Runs the hook on cancellation (at once if already cancelled). For planner implementations. */
    public void onCancel(Runnable hook) {
        hooks.add(hook);
        if (cancelled.get()) {
            hook.run();
        }
    }

    /** Removes a hook registered with {@link #onCancel}. */
    public void remove(Runnable hook) {
        hooks.remove(hook);
    }
}
