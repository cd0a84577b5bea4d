package io.fabricplan.formulations;

import com.google.ortools.Loader;
import io.fabricplan.model.SolverKind;

/**
 * Creates backends, loading the OR-Tools native libraries once per class loader on first use. Other modules
 * (dwdm-planner) solve their own {@link MipModel}s through it, or call {@link #loadNatives()} before using
 * OR-Tools directly.
 */
public final class MipBackends {

    private MipBackends() {
    }

    /** The backend for a solver kind; AUTO is CP-SAT, which handles these pure-integer models best. */
    public static MipBackend create(SolverKind kind) {
        Natives.ensureLoaded();
        return switch (kind) {
            case AUTO, CP_SAT -> new CpSatBackend();
            case SCIP -> new MpSolverBackend("SCIP");
            case HIGHS -> new MpSolverBackend("HIGHS");
        };
    }

    /** Loads the OR-Tools native libraries (once). */
    public static void loadNatives() {
        Natives.ensureLoaded();
    }

    /**
     * Loads the native libraries and runs one trivial CP-SAT solve, which pays the solver's one-time start-up
     * (about 2 s: the libraries, then some 0.4 s of first-solve initialisation) ahead of the real solve; callers run
     * it on a thread of its own while they read their input, so that a short time limit goes to the search.
     */
    public static void warmUp() {
        Natives.ensureLoaded();
        com.google.ortools.sat.CpModel model = new com.google.ortools.sat.CpModel();
        model.minimize(model.newBoolVar("warm-up"));
        com.google.ortools.sat.CpSolver solver = new com.google.ortools.sat.CpSolver();
        solver.getParameters().setNumWorkers(1).setMaxTimeInSeconds(1).setCatchSigintSignal(false)
                .setLogSearchProgress(false);
        solver.solve(model);
    }

    /** Holder idiom: the JVM runs the static initialiser exactly once, thread-safely. */
    private static final class Natives {
        static {
            Loader.loadNativeLibraries();
        }

        static void ensureLoaded() {
            // loading happens in the static initialiser
        }
    }
}
