package io.fabricplan.servicebench;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.Planner;
import io.fabricplan.api.ProgressListener;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.check.CheckReport;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.instances.Examples;
import io.fabricplan.instances.FabricGenerator;
import io.fabricplan.instances.GeneratorOptions;
import io.fabricplan.model.Instance;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Quote latency (issue 12): how long {@link Planner#solve} takes on small instances in a warm JVM, as a quoting
 * tool calls it while the customer waits. First the JVM is warmed up on every instance in turn for {@code
 * --jvm-warmup-seconds} (10 by default: with 2 s per series only, the first series measured came out 2-8x slower
 * than the same series measured again, whatever its thread count). Then for each instance and each solver
 * thread count: warm-up solves (at
 * least {@code --warmup} of them, 20 by default, and for at least {@code --warmup-seconds}, 2 by default: the JIT
 * compiler is still at work after 20 small solves, and a series measured before it is done is slower), then
 * the measured ones, each timed by wall clock around {@code solve} alone; every plan must be OPTIMAL, pass the
 * independent {@link PlanChecker} and have the same objective as the first (all outside the timing).
 *
 * <pre>
 * QuoteLatency [--runs N] [--superpod-runs N] [--warmup N] [--warmup-seconds S] [--jvm-warmup-seconds S]
 *              [--threads 1,2] [--instances a,b] [--phases] [--markdown FILE]
 * </pre>
 *
 * Instances: {@code tiny}, {@code cpo-tight-rack}, {@code superpod-4su} (the examples), {@code pod-64} ({@code
 * fabricplan generate --gpus 64 --gpus-per-node 2 --nic-gbps 800}: 66 links rows) and {@code pod-256} ({@code
 * fabricplan generate --gpus 256 --gpus-per-node 4}: 264 links rows). The options are the instance's Settings
 * (as a quoting tool passes them) with the thread count of the series. Exit code 0 when every run was OPTIMAL and
 * checked, 1 otherwise, 2 for bad flags.
 */
public final class QuoteLatency {
    /** p50 target of instances of up to {@value #SMALL_ROWS} links rows, in ms. */
    static final double SMALL_P50_MS = 25;
    static final int SMALL_ROWS = 300;
    /** p50 target of superpod-4su, in ms. */
    static final double SUPERPOD_P50_MS = 60;
    /** p99 at most this many times p50. */
    static final double TAIL_RATIO = 3;
    static final String SUPERPOD = "superpod-4su";

    /** The instances by name, built on demand. */
    static final Map<String, Supplier<Instance>> INSTANCES = instances();

    private static Map<String, Supplier<Instance>> instances() {
        Map<String, Supplier<Instance>> m = new LinkedHashMap<>();
        m.put("tiny", Examples::tiny);
        m.put("cpo-tight-rack", Examples::cpoTightRack);
        m.put("pod-64", () -> FabricGenerator.generate(GeneratorOptions.of(64).withGpusPerNode(2).withNicGbps(800))
                .instance());
        m.put("pod-256", () -> FabricGenerator.generate(GeneratorOptions.of(256).withGpusPerNode(4)).instance());
        m.put(SUPERPOD, Examples::superpod4su);
        return m;
    }

    /** The flags. */
    record Config(int runs, int superpodRuns, int warmup, double warmupSeconds, double jvmWarmupSeconds,
                  List<Integer> threads, List<String> instances, boolean phases, Path markdown) {
        static Config parse(String... args) {
            int runs = 200;
            int superpodRuns = 50;
            int warmup = 20;
            double warmupSeconds = 2;
            double jvmWarmupSeconds = 10;
            List<Integer> threads = List.of(1, 2);
            List<String> instances = List.copyOf(INSTANCES.keySet());
            boolean phases = false;
            Path markdown = null;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--phases")) {
                    phases = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value (or is unknown)");
                }
                String v = args[++i];
                switch (a) {
                    case "--runs" -> runs = positive(a, v);
                    case "--superpod-runs" -> superpodRuns = positive(a, v);
                    case "--warmup" -> warmup = Math.max(0, Integer.parseInt(v));
                    case "--warmup-seconds" -> warmupSeconds = Math.max(0, Double.parseDouble(v));
                    case "--jvm-warmup-seconds" -> jvmWarmupSeconds = Math.max(0, Double.parseDouble(v));
                    case "--threads" -> threads = Arrays.stream(v.split(",")).map(s -> positive(a, s.trim()))
                            .toList();
                    case "--instances" -> instances = Arrays.stream(v.split(",")).map(String::trim).toList();
                    case "--markdown" -> markdown = Path.of(v);
                    default -> throw new IllegalArgumentException("unknown flag " + a);
                }
            }
            for (String name : instances) {
                if (!INSTANCES.containsKey(name)) {
                    throw new IllegalArgumentException("unknown instance " + name + "; known: " + INSTANCES.keySet());
                }
            }
            return new Config(runs, superpodRuns, warmup, warmupSeconds, jvmWarmupSeconds, threads, instances, phases,
                    markdown);
        }

        private static int positive(String flag, String value) {
            int n = Integer.parseInt(value);
            if (n < 1) {
                throw new IllegalArgumentException(flag + " must be at least 1, got " + value);
            }
            return n;
        }

        int runsOf(String instance) {
            return instance.equals(SUPERPOD) ? superpodRuns : runs;
        }

        int warmupOf(String instance) {
            return instance.equals(SUPERPOD) ? Math.max(1, warmup / 4) : warmup;
        }
    }

    /** One measured series: an instance at a thread count. */
    record Series(String instance, int rows, int threads, Latencies latencies, Map<SolveStatus, Integer> statuses,
                  int checkFailures, int objectiveChanges, double objective, String load,
                  Map<String, Double> phaseMeansMs) {
        boolean allOptimalAndChecked() {
            return checkFailures == 0 && objectiveChanges == 0 && statuses.keySet().equals(java.util.Set.of(
                    SolveStatus.OPTIMAL));
        }

        /** The p50 target in ms, or NaN when the instance has none. */
        double p50TargetMs() {
            return instance.equals(SUPERPOD) ? SUPERPOD_P50_MS : rows <= SMALL_ROWS ? SMALL_P50_MS : Double.NaN;
        }

        boolean p50Met() {
            return Double.isNaN(p50TargetMs()) || latencies.p50Ms() < p50TargetMs();
        }

        boolean tailMet() {
            return latencies.tailRatio() < TAIL_RATIO;
        }

        String statusCell() {
            List<String> parts = new ArrayList<>();
            statuses.forEach((s, n) -> parts.add(s + " x" + n));
            return String.join(", ", parts);
        }
    }

    private final Config config;
    private final Planner planner = Planner.create();
    private final PrintStream out;

    QuoteLatency(Config config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        Config config;
        try {
            config = Config.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("QuoteLatency: " + e.getMessage());
            System.err.println("usage: QuoteLatency [--runs N] [--superpod-runs N] [--warmup N] [--warmup-seconds S] "
                    + "[--jvm-warmup-seconds S] [--threads 1,2] "
                    + "[--instances " + String.join(",", INSTANCES.keySet()) + "] [--phases] [--markdown FILE]");
            System.exit(2);
            return;
        }
        List<Series> all = new QuoteLatency(config, System.out).run();
        String md = markdown(all);
        System.out.println();
        System.out.print(md);
        if (config.markdown() != null) {
            Files.writeString(config.markdown(), md);
        }
        System.exit(all.stream().allMatch(Series::allOptimalAndChecked) ? 0 : 1);
    }

    List<Series> run() {
        out.printf(Locale.ROOT, "%s, %d cores, load average %s; warm-up per series: at least %d runs (superpod-4su %d) "
                        + "and %.1f s%n", System.getProperty("java.vm.name") + " " + Runtime.version(),
                Runtime.getRuntime().availableProcessors(), loadAverage(), config.warmup(),
                config.warmupOf(SUPERPOD), config.warmupSeconds());
        Map<String, Instance> instances = new LinkedHashMap<>();
        config.instances().forEach(name -> instances.put(name, INSTANCES.get(name).get()));
        warmUpTheJvm(instances.values());
        List<Series> all = new ArrayList<>();
        for (String name : config.instances()) {
            Instance instance = instances.get(name);
            for (int threads : config.threads()) {
                Series s = measure(name, instance, threads);
                all.add(s);
                out.printf(Locale.ROOT, "%-15s rows %5d threads %d: %s; %s; checker %s; objective %.6f; load %s%n",
                        name, s.rows(), threads, s.latencies().summary(), s.statusCell(),
                        s.checkFailures() == 0 ? "passed" : s.checkFailures() + " FAILED", s.objective(), s.load());
                if (!s.phaseMeansMs().isEmpty()) {
                    StringBuilder line = new StringBuilder("    phases (mean ms):");
                    s.phaseMeansMs().forEach((phase, ms) -> line.append(String.format(Locale.ROOT, " %s %.2f;",
                            phase, ms)));
                    out.println(line);
                }
            }
        }
        return all;
    }

    /** Every instance at every thread count in turn, until the JVM warm-up time is over (at least one round). */
    private void warmUpTheJvm(java.util.Collection<Instance> instances) {
        long start = System.nanoTime();
        do {
            for (Instance instance : instances) {
                for (int threads : config.threads()) {
                    planner.solve(instance, SolveOptions.from(instance.settings()).withThreads(threads));
                }
            }
        } while ((System.nanoTime() - start) / 1e9 < config.jvmWarmupSeconds());
    }

    /** Warm-up, then the measured runs of one instance at one thread count. */
    Series measure(String name, Instance instance, int threads) {
        SolveOptions options = SolveOptions.from(instance.settings()).withThreads(threads);
        PlanChecker checker = new PlanChecker(instance);
        long warmupStart = System.nanoTime();
        for (int i = 0; i < config.warmupOf(name) || (System.nanoTime() - warmupStart) / 1e9 < config.warmupSeconds();
             i++) {
            planner.solve(instance, options);
        }
        System.gc();
        int runs = config.runsOf(name);
        long[] nanos = new long[runs];
        Map<SolveStatus, Integer> statuses = new java.util.EnumMap<>(SolveStatus.class);
        int checkFailures = 0;
        int objectiveChanges = 0;
        double first = Double.NaN;
        PhaseRecorder phases = config.phases() ? new PhaseRecorder() : null;
        for (int i = 0; i < runs; i++) {
            ProgressListener listener = phases == null ? ProgressListener.NONE : phases.start();
            long t0 = System.nanoTime();
            PlanResult r = planner.solve(instance, options, listener, new io.fabricplan.api.Cancellation());
            nanos[i] = System.nanoTime() - t0;
            if (phases != null) {
                phases.end(nanos[i]);
            }
            statuses.merge(r.status(), 1, Integer::sum);
            if (r.plan() == null) {
                checkFailures++;
                continue;
            }
            CheckReport report = checker.check(r.plan());
            if (!report.passed() || !same(report.evaluation().objectiveValue(), r.objectiveValue())) {
                checkFailures++;
            }
            if (Double.isNaN(first)) {
                first = r.objectiveValue();
            } else if (!same(first, r.objectiveValue())) {
                objectiveChanges++;
            }
        }
        return new Series(name, instance.links().size(), threads, Latencies.of(nanos), statuses, checkFailures,
                objectiveChanges, first, loadAverage(), phases == null ? Map.of() : phases.meansMs());
    }

    private static boolean same(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
    }

    /** The markdown table of every series, then what missed its target. */
    static String markdown(List<Series> all) {
        LatencyTable table = new LatencyTable(List.of("instance", "links rows", "threads"),
                List.of("status", "checker", "objective", "p50 target", "p99 < 3x p50", "load after"));
        List<String> misses = new ArrayList<>();
        for (Series s : all) {
            String p50Target = Double.isNaN(s.p50TargetMs()) ? "-"
                    : String.format(Locale.ROOT, "< %.0f ms: %s", s.p50TargetMs(), s.p50Met() ? "met" : "**missed**");
            table.add(List.of(s.instance(), String.valueOf(s.rows()), String.valueOf(s.threads())), s.latencies(),
                    List.of(s.statusCell(), s.checkFailures() == 0 ? "passed" : s.checkFailures() + " failed",
                            String.format(Locale.ROOT, "%.3f", s.objective())
                                    + (s.objectiveChanges() == 0 ? "" : " (" + s.objectiveChanges() + " differ)"),
                            p50Target, s.tailMet() ? "met" : "**missed**", s.load()));
            String what = s.instance() + " at " + s.threads() + " thread" + (s.threads() == 1 ? "" : "s");
            if (!s.p50Met()) {
                misses.add(String.format(Locale.ROOT, "%s: p50 %.2f ms, target < %.0f ms", what, s.latencies().p50Ms(),
                        s.p50TargetMs()));
            }
            if (!s.tailMet()) {
                misses.add(String.format(Locale.ROOT, "%s: p99 %.2f ms is %.1fx p50, target < 3x", what,
                        s.latencies().p99Ms(), s.latencies().tailRatio()));
            }
            if (!s.allOptimalAndChecked()) {
                misses.add(what + ": not every run OPTIMAL, checked and with the same objective (" + s.statusCell()
                        + ")");
            }
        }
        StringBuilder md = new StringBuilder(table.markdown()).append('\n');
        md.append(misses.isEmpty() ? "Every target met.\n" : "Missed: " + String.join("; ", misses) + ".\n");
        return md.toString();
    }

    /** The 1, 5 and 15 minute load averages (Linux), or "?" where there is no /proc/loadavg. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /**
     * Mean time per planner phase, from the progress messages the planner sends as it enters each phase
     * ("validating", "rule of thumb", "building the model", "solving ...", ...): a phase lasts until the next
     * message, the last until {@code solve} returns. Messages are cut at " (" so that a phase keeps one name.
     */
    static final class PhaseRecorder {
        private final Map<String, Double> totalMs = new LinkedHashMap<>();
        private final List<Object[]> current = new ArrayList<>();
        private int solves;

        ProgressListener start() {
            current.clear();
            return p -> current.add(new Object[] {name(p.message()), p.elapsedSeconds() * 1e3});
        }

        void end(long solveNanos) {
            solves++;
            double endMs = solveNanos / 1e6;
            double previousMs = 0;
            String previous = "(before the first report)";
            for (Object[] e : current) {
                totalMs.merge(previous, (double) e[1] - previousMs, Double::sum);
                previous = (String) e[0];
                previousMs = (double) e[1];
            }
            totalMs.merge(previous, endMs - previousMs, Double::sum);
        }

        Map<String, Double> meansMs() {
            Map<String, Double> m = new LinkedHashMap<>();
            totalMs.forEach((k, v) -> m.put(k, v / solves));
            return m;
        }

        static String name(String message) {
            int cut = message.indexOf(" (");
            return cut < 0 ? message : message.substring(0, cut);
        }
    }
}
