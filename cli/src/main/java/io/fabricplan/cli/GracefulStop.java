package io.fabricplan.cli;

import io.fabricplan.api.Cancellation;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C for the long commands, in one place. A command opens one around its work (try-with-resources) and
 * passes {@link #cancellation()} to what it runs.
 *
 * <ul>
 *   <li>A {@linkplain #stopping stopping} command (solve, bench): the first Ctrl-C raises the cancellation, so the
 *       search stops through the solver's own stop request, and the command goes on to write what it has and
 *       exits with its usual code. The JVM does not begin to shut down: SIGINT is taken over for the duration
 *       (sun.misc.Signal), so nothing is torn down under a running solver or a half-written file.</li>
 *   <li>An {@linkplain #aborting aborting} command (generate, rwa, sndlib), which has nothing worth keeping
 *       half-way, and any command at the second Ctrl-C: the partial output is deleted (outputs are written to
 *       a temporary file beside them and moved into place, so the output itself is complete or untouched) and
 *       the process ends killed by SIGINT, which the shell reports as exit code {@value #ABORTED}. Dying by the
 *       signal runs no native exit handlers under a running solver.</li>
 *   <li>SIGTERM or SIGHUP (or SIGINT where the JVM runs with {@code -Xrs}-like limits) begin the JVM's shutdown;
 *       its hook then does the same as a first Ctrl-C and holds the shutdown until the command has finished
 *       writing (the JVM's exit code is then 128 + the signal, e.g. 143).</li>
 * </ul>
 */
final class GracefulStop implements AutoCloseable {
    /** Exit status of an aborted command: 128 + SIGINT, what a shell reports for a process ended by Ctrl-C. */
    static final int ABORTED = 130;

    private final PrintWriter err;
    private volatile String onFirstStop;
    private final boolean stopping;
    private final Cancellation cancellation = new Cancellation();
    private final List<Path> outputs = new CopyOnWriteArrayList<>();
    private final List<Runnable> abortActions = new CopyOnWriteArrayList<>();
    private final AtomicInteger interrupts = new AtomicInteger();
    private final AtomicBoolean aborted = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread shutdownHook;
    private final Object previousSigint;

    private GracefulStop(PrintWriter err, String onFirstStop, boolean stopping) {
        this.err = err;
        this.onFirstStop = onFirstStop;
        this.stopping = stopping;
        this.shutdownHook = new Thread(this::onShutdown, "fabricplan-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        this.previousSigint = Signals.handle(Signals.INT, this::onInterrupt);
    }

    /**
     * A command that stops gracefully: the first Ctrl-C raises the cancellation and prints
     * {@code "fabricplan: Ctrl-C: " + whatHappens}; the second aborts.
     */
    static GracefulStop stopping(PrintWriter err, String whatHappens) {
        return new GracefulStop(err, whatHappens, true);
    }

    /** A command that the first Ctrl-C aborts (deleting its partial outputs). */
    static GracefulStop aborting(PrintWriter err) {
        return new GracefulStop(err, null, false);
    }

    /** Raised at the first Ctrl-C (or SIGTERM) of a stopping command; pass it to every solve. */
    Cancellation cancellation() {
        return cancellation;
    }

    /** Whether a stop was asked for: the command should start no further work. */
    boolean stopRequested() {
        return cancellation.isCancelled();
    }

    /**
     * A file the command writes through a temporary file beside it ({@code .NAME.*.tmp}); an abort deletes that
     * temporary file, so the file itself stays as it was. Null is ignored.
     */
    GracefulStop writes(Path output) {
        if (output != null) {
            outputs.add(output.toAbsolutePath().normalize());
        }
        return this;
    }

    /** Changes what the first Ctrl-C says it does, once the command knows more (e.g. which solver runs). */
    void describeStop(String whatHappens) {
        this.onFirstStop = whatHappens;
    }

    /** Runs on abort before the process ends, e.g. to end child processes. */
    GracefulStop onAbort(Runnable action) {
        abortActions.add(action);
        return this;
    }

    private void onInterrupt() {
        int n = interrupts.incrementAndGet();
        if (stopping && n == 1 && finished.getCount() > 0) {
            err.println("fabricplan: Ctrl-C: " + onFirstStop + ". Ctrl-C again aborts at once without writing.");
            err.flush();
            cancellation.cancel();
            return;
        }
        abort("Ctrl-C");
    }

    /** Deletes the partial outputs and ends the process as killed by SIGINT. */
    private void abort(String why) {
        if (!aborted.compareAndSet(false, true)) {
            return;
        }
        err.println("fabricplan: " + why + ": aborted" + (outputs.isEmpty() ? "." : "; "
                + String.join(", ", outputs.stream().map(p -> p.getFileName().toString()).toList())
                + " not written (an existing file is left as it was)."));
        err.flush();
        abortActions.forEach(GracefulStop::runQuietly);
        deletePartialOutputs();
        Signals.raiseWithDefaultAction(Signals.INT);
        // only where the signal could not be raised: no native exit handlers run after halt's own
        Runtime.getRuntime().halt(ABORTED);
    }

    private void onShutdown() {
        if (finished.getCount() == 0) {
            return;
        }
        if (!stopping) {
            aborted.set(true);
            abortActions.forEach(GracefulStop::runQuietly);
            deletePartialOutputs();
            return;
        }
        err.println("fabricplan: terminated: " + onFirstStop + ".");
        err.flush();
        cancellation.cancel();
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException ignored) {
            // aborting anyway
        }
    }

    /**
     * Temporary files or folders {@code .NAME.*.tmp} beside each output (the naming of every atomic write here; a
     * workbook's write folder also holds POI's temporary files).
     */
    private void deletePartialOutputs() {
        for (Path output : outputs) {
            Path folder = output.getParent();
            if (folder == null || !Files.isDirectory(folder)) {
                continue;
            }
            String prefix = "." + output.getFileName() + ".";
            DirectoryStream.Filter<Path> isPartial = f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(".tmp");
            try (DirectoryStream<Path> partial = Files.newDirectoryStream(folder, isPartial)) {
                for (Path f : partial) {
                    deleteTree(f);
                }
            } catch (IOException | RuntimeException ignored) {
                // best effort: the output itself is complete or untouched either way
            }
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
                for (Path child : children) {
                    deleteTree(child);
                }
            }
        }
        Files.deleteIfExists(path);
    }

    /** The command has finished (written its output or decided there is none): a held shutdown may go on. */
    @Override
    public void close() {
        if (aborted.get()) {
            // an abort is ending the process right now: let it, rather than return into half-done work
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        finished.countDown();
        Signals.restore(Signals.INT, previousSigint);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // SIGTERM: the hook is waiting for this close and lets the JVM end now
        }
    }

    /**
     * POSIX signal handling through {@code sun.misc.Signal} (module jdk.unsupported, on every OpenJDK), reached
     * by reflection so that the build stays free of proprietary-API warnings and a JVM without it falls back to
     * the shutdown hook.
     */
    static final class Signals {
        static final String INT = "INT";

        private Signals() {
        }

        /** Installs the action for the signal; returns the previous handler, or null where that is not possible. */
        static Object handle(String name, Runnable action) {
            try {
                Class<?> signalClass = Class.forName("sun.misc.Signal");
                Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
                Object handler = Proxy.newProxyInstance(GracefulStop.class.getClassLoader(),
                        new Class<?>[] {handlerClass}, (proxy, method, args) -> switch (method.getName()) {
                            case "handle" -> {
                                action.run();
                                yield null;
                            }
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> "fabricplan SIG" + name + " handler";
                        });
                return install(signalClass, handlerClass, name, handler);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError unavailable) {
                return null; // e.g. -Xrs: the JVM's default handling (and the shutdown hook) stay
            }
        }

        /** Puts back a handler {@link #handle} returned. */
        static void restore(String name, Object previous) {
            if (previous == null) {
                return;
            }
            try {
                install(Class.forName("sun.misc.Signal"), Class.forName("sun.misc.SignalHandler"), name, previous);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError ignored) {
                // nothing more to do
            }
        }

        /**
         * Restores the operating system's default action for the signal and sends it to this process, which then
         * ends at once as killed by it: no exit handlers run, native ones included (Signal.raise cannot serve:
         * it only raises signals that have a Java handler).
         */
        static void raiseWithDefaultAction(String name) {
            try {
                Class<?> signalClass = Class.forName("sun.misc.Signal");
                Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
                install(signalClass, handlerClass, name, handlerClass.getField("SIG_DFL").get(null));
                new ProcessBuilder("kill", "-" + name, String.valueOf(ProcessHandle.current().pid()))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                Thread.sleep(5_000); // the signal ends the process meanwhile
            } catch (ReflectiveOperationException | RuntimeException | LinkageError | java.io.IOException ignored) {
                // the caller halts
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static Object install(Class<?> signalClass, Class<?> handlerClass, String name, Object handler)
                throws ReflectiveOperationException {
            Object signal = signalClass.getConstructor(String.class).newInstance(name);
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            return handle.invoke(null, signal, handler);
        }
    }
}
