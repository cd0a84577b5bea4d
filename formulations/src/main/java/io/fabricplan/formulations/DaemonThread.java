package io.fabricplan.formulations;

import java.util.concurrent.Executor;

/** Work beside a solve (the LP relaxation, the bounds) runs on a named daemon thread of its own, one per task. */
final class DaemonThread {
    private DaemonThread() {
    }

    /** An executor that starts each task on a new daemon thread of this name. */
    static Executor named(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            t.start();
        };
    }
}
