package io.fabricplan.cli;

import io.fabricplan.check.PlanChecker;
import io.fabricplan.excel.InstanceWorkbookWriter;
import io.fabricplan.excel.PlanWorkbookReader;
import io.fabricplan.instances.FabricGenerator;
import io.fabricplan.instances.GeneratorOptions;
import io.fabricplan.model.Instance;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Ctrl-C as a user presses it: a real SIGINT ({@code kill -INT}) to a real {@code fabricplan} process started
 * from the test's class path. The instance: 4,096 GPUs in 4 halls on a ring of DWDM spans, whose search goes on
 * well past its first plans (gap about 0.5 % after a minute), so the signal always lands in a running CP-SAT
 * search.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class CtrlCTest {
    private static final long GENEROUS_SECONDS = 180;

    @TempDir
    static Path shared;
    static Path fabric;
    static Instance instance;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeFabric() throws IOException {
        instance = FabricGenerator.generate(GeneratorOptions.of(4096).withHalls(4)
                .withHallSpans(GeneratorOptions.HallSpans.defaults())).instance();
        fabric = shared.resolve("fabric-4k-4-halls.xlsx");
        InstanceWorkbookWriter.write(instance, fabric);
    }

    @Test
    void ctrlCStopsTheSearchAndStillWritesTheBestPlanFoundWithExitCodeZero() throws Exception {
        Path plan = dir.resolve("plan.xlsx");
        Child solve = Child.start(dir, "solve", fabric.toString(), "-o", plan.toString(), "--time-limit", "120",
                "--json");
        // a plan within 5 % is known: the search is under way and will not end by itself for a long while
        solve.awaitStderr(line -> gapPercent(line) < 5);

        solve.signal("INT");
        int exit = solve.waitForExit();

        assertThat(exit).as(solve.toString()).isZero();
        assertThat(solve.stderr()).as(solve.toString())
                .contains("fabricplan: Ctrl-C: stopping the search; the best plan found is written to " + plan)
                .doesNotContain("terminate called", "bad_function_call", "internal error", "Exception");
        assertThat(solve.stdout()).as(solve.toString()).contains("\"interrupted\": true")
                .containsPattern("\"status\": \"(FEASIBLE|OPTIMAL)\"");
        var read = PlanWorkbookReader.read(plan);
        assertThat(read.problems()).isEmpty();
        assertThat(read.plan().links()).isNotEmpty();
        assertThat(new PlanChecker(instance).check(read.plan()).violations()).isEmpty();
        assertThat(partialFiles(dir)).isEmpty();
    }

    @Test
    void secondCtrlCAbortsAtOnceWithoutWritingAndExits130() throws Exception {
        Path plan = dir.resolve("plan.xlsx");
        Child solve = Child.start(dir, "solve", fabric.toString(), "-o", plan.toString(), "--time-limit", "120");
        // the model is built and CP-SAT is searching
        solve.awaitStderr(line -> line.contains("(solving ") || line.contains("  best "));

        solve.signal("INT");
        solve.awaitStderr(line -> line.startsWith("fabricplan: Ctrl-C: stopping the search"));
        solve.signal("INT");
        int exit = solve.waitForExit();

        assertThat(exit).as(solve.toString()).isEqualTo(130);
        assertThat(solve.stderr()).as(solve.toString())
                .contains("fabricplan: Ctrl-C: aborted; plan.xlsx not written")
                .doesNotContain("terminate called", "bad_function_call", "internal error");
        assertThat(plan).doesNotExist();
        assertThat(partialFiles(dir)).isEmpty();
    }

    /** The workbook is either whole or not there, never half-written; a file it would replace stays as it was. */
    @Test
    void ctrlCDuringGenerateLeavesNoPartialWorkbookAndTheOldFileUntouched() throws Exception {
        Path out = dir.resolve("fabric.xlsx");
        Files.writeString(out, "the previous version");
        Child generate = Child.start(dir, "generate", "--gpus", "16384", "-o", out.toString());
        // writing has begun once its temporary file is there
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GENEROUS_SECONDS);
        while (partialFiles(dir).isEmpty() && generate.process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(generate.process.isAlive()).as("still writing: " + generate).isTrue();

        generate.signal("INT");
        int exit = generate.waitForExit();

        assertThat(exit).as(generate.toString()).isEqualTo(130);
        assertThat(generate.stderr()).contains("fabricplan: Ctrl-C: aborted; fabric.xlsx not written");
        assertThat(Files.readString(out)).isEqualTo("the previous version");
        assertThat(partialFiles(dir)).isEmpty();
    }

    /** The progress line's gap in percent ({@code ... gap 0.701%}), or infinity. */
    private static double gapPercent(String line) {
        Matcher m = Pattern.compile("  best .* gap ([0-9.]+)%").matcher(line);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.POSITIVE_INFINITY;
    }

    /** Temporary files of interrupted writes ({@code .NAME.*.tmp}). */
    private static List<Path> partialFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".")
                    && f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    /** A fabricplan process with its stderr read line by line as it comes. */
    private record Child(Process process, List<String> errLines, LinkedBlockingQueue<String> errQueue,
                         CompletableFuture<String> out) {

        static Child start(Path workDir, String... args) throws IOException {
            List<String> command = new ArrayList<>();
            if (sigintIgnoredHere()) {
                // started in the background by a non-interactive shell: SIGINT is ignored and children inherit
                // that; GNU env can give the child the default action back
                assumeTrue(envCanRestoreSigint(), "SIGINT is ignored in this JVM and env cannot restore it");
                command.addAll(List.of("env", "--default-signal=INT"));
            }
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                    "-cp", System.getProperty("java.class.path"), Fabricplan.class.getName()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).start();
            List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
            LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        lines.add(line);
                        queue.add(line);
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "stderr of " + args[0]);
            reader.setDaemon(true);
            reader.start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "";
                }
            });
            return new Child(process, lines, queue, out);
        }

        /** Waits for a stderr line that matches; fails if the process ends or nothing comes in time. */
        void awaitStderr(Predicate<String> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GENEROUS_SECONDS);
            while (System.nanoTime() < deadline) {
                String line = errQueue.poll(200, TimeUnit.MILLISECONDS);
                if (line != null && wanted.test(line)) {
                    return;
                }
                if (line == null && !process.isAlive() && errQueue.isEmpty()) {
                    break;
                }
            }
            process.destroyForcibly();
            throw new AssertionError("the awaited line did not come: " + this);
        }

        void signal(String name) throws IOException, InterruptedException {
            assertThat(new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start().waitFor())
                    .isZero();
        }

        int waitForExit() throws InterruptedException {
            if (!process.waitFor(GENEROUS_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("did not end after the signal: " + this);
            }
            return process.exitValue();
        }

        String stderr() {
            synchronized (errLines) {
                return String.join("\n", errLines);
            }
        }

        String stdout() {
            try {
                return out.get(GENEROUS_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                return "";
            }
        }

        @Override
        public String toString() {
            return "--- stderr\n" + stderr() + "\n--- stdout\n" + (process.isAlive() ? "(running)" : stdout());
        }

        private static boolean sigintIgnoredHere() throws IOException {
            Path status = Path.of("/proc/self/status");
            if (!Files.exists(status)) {
                return false;
            }
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 0x2) != 0;
                }
            }
            return false;
        }

        private static boolean envCanRestoreSigint() {
            try {
                return new ProcessBuilder("env", "--default-signal=INT", "true").start().waitFor() == 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
