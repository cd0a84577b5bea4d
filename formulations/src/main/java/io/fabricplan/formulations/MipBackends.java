package io.fabricplan.formulations;

import com.google.ortools.Loader;
import io.fabricplan.model.SolverKind;
import java.util.List;
import java.util.Optional;

/**
 * Creates backends, loading the OR-Tools native libraries once per class loader on first use of an OR-Tools
 * engine; Choco, pure Java, never loads them. Other modules (dwdm-planner) solve their own {@link MipModel}s
 * through it, or call {@link #loadNatives()} before using OR-Tools directly.
 *
 * <p>The system property {@value #DISABLE_PROPERTY}{@code =true} makes loading the natives fail, as on a JVM
 * that may not load native code: AUTO then solves with Choco and says so in its notes.
 */
public final class MipBackends {
    /** Set to {@code true}, OR-Tools' natives count as unloadable (for tests and locked-down JVMs). */
    public static final String DISABLE_PROPERTY = "fabricplan.ortools.disable";

    private MipBackends() {
    }

    /**
     * The backend for a solver kind. AUTO is CP-SAT, which handles these pure-integer models best, or Choco when
     * the OR-Tools natives cannot be loaded (the backend's {@link MipBackend#notes()} then say why).
     *
     * @throws IllegalStateException for CP_SAT, SCIP or HIGHS when the OR-Tools natives cannot be loaded
     */
    public static MipBackend create(SolverKind kind) {
        return switch (kind) {
            case CHOCO -> new ChocoBackend();
            case AUTO -> nativesProblem().<MipBackend>map(problem -> new ChocoBackend(List.of(
                    "solver AUTO: the OR-Tools native libraries could not be loaded (" + problem + "), so this "
                            + "solve used Choco, the pure-Java engine, which is slower on large fabrics; "
                            + "set solver CHOCO to choose it explicitly"))).orElseGet(CpSatBackend::new);
            case CP_SAT -> {
                loadNatives();
                yield new CpSatBackend();
            }
            case SCIP -> {
                loadNatives();
                yield new MpSolverBackend("SCIP");
            }
            case HIGHS -> {
                loadNatives();
                yield new MpSolverBackend("HIGHS");
            }
        };
    }

    /**
     * Loads the OR-Tools native libraries (once).
     *
     * @throws IllegalStateException when they cannot be loaded on this JVM
     */
    public static void loadNatives() {
        nativesProblem().ifPresent(problem -> {
            throw new IllegalStateException("the OR-Tools native libraries could not be loaded (" + problem
                    + "); solver CHOCO needs none");
        });
    }

    /**
     * Loads the native libraries and runs one trivial CP-SAT solve, which pays the solver's one-time start-up
     * (about 2 s: the libraries, then some 0.4 s of first-solve initialisation) ahead of the real solve; callers run
     * it on a thread of its own while they read their input, so that a short time limit goes to the search. Does
     * nothing when the natives cannot be loaded (AUTO then solves with Choco).
     */
    public static void warmUp() {
        if (nativesProblem().isPresent()) {
            return;
        }
        com.google.ortools.sat.CpModel model = new com.google.ortools.sat.CpModel();
        model.minimize(model.newBoolVar("warm-up"));
        com.google.ortools.sat.CpSolver solver = new com.google.ortools.sat.CpSolver();
        solver.getParameters().setNumWorkers(1).setMaxTimeInSeconds(1).setCatchSigintSignal(false)
                .setLogSearchProgress(false);
        solver.solve(model);
    }

    /** Why the OR-Tools natives cannot be loaded, empty when they are loaded; tries (once) on first call. */
    public static Optional<String> nativesProblem() {
        return Optional.ofNullable(Natives.PROBLEM);
    }

    /** Whether anything has asked for the OR-Tools natives yet (CHOCO never does). */
    static boolean nativesRequested() {
        return nativesRequested;
    }

    private static volatile boolean nativesRequested;

    /** Holder idiom: the JVM runs the static initialiser exactly once, thread-safely, on first use. */
    private static final class Natives {
        static final String PROBLEM = load();

        private static String load() {
            nativesRequested = true;
            try {
                if (Boolean.getBoolean(DISABLE_PROPERTY)) {
                    throw new UnsatisfiedLinkError("disabled by -D" + DISABLE_PROPERTY + "=true");
                }
                Loader.loadNativeLibraries();
                return null;
            } catch (LinkageError | RuntimeException e) {
                return e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
    }
}
