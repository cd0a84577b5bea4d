package io.fabricplan.formulations;

import com.google.ortools.linearsolver.MPSolver;

/**
 * The cancellation hook of a native {@link MPSolver}: interrupts its solve from any thread, and never once the
 * solver is deleted. The solving thread deletes the solver through {@link #deleteSolver()} instead of
 * {@link MPSolver#delete()}.
 *
 * <p>Why: {@code Cancellation.cancel()} runs its hooks on the raising thread over a snapshot of them, so a hook may
 * run just after the solving thread removed it and deleted the solver; {@code interruptSolve} on a deleted solver
 * calls through freed native memory and kills the JVM (SIGSEGV). It happened when the LP relaxation finished as
 * the search beside it ended and stopped it. The interrupt and the deletion hold one lock, and the deletion marks
 * the solver gone. Thread-safe.
 */
final class MpSolverStop implements Runnable {
    private final MPSolver solver;
    private boolean deleted;

    MpSolverStop(MPSolver solver) {
        this.solver = solver;
    }

    /** Interrupts the solve if the solver still exists. */
    @Override
    public synchronized void run() {
        if (!deleted) {
            solver.interruptSolve();
        }
    }

    /** Deletes the native solver; later interrupts do nothing. Idempotent. */
    synchronized void deleteSolver() {
        if (!deleted) {
            deleted = true;
            solver.delete();
        }
    }
}
