package io.fabricplan.cli;

import io.fabricplan.excel.InstanceWorkbookReader;
import io.fabricplan.studies.CpoStages;
import io.fabricplan.excel.InstanceWorkbookWriter;
import io.fabricplan.excel.PlanWorkbookReader;
import io.fabricplan.model.Plan;
import io.fabricplan.model.PlanEvaluation;
import io.fabricplan.model.PlanEvaluator;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Role;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code fabricplan bench}: regenerates the cluster-scale instances, solves each in a fresh JVM (so that peak
 * memory is the solve's own), runs the checker, and measures two peers in the same run: the greedy rule of thumb
 * and the naive one-binary-per-cable model under the same solver and time limit; then compares the industry's
 * three CPO stages on one fabric. Prints the tables and rewrites their section of BENCHMARKS.md.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks the planner at cluster scale against the rule of thumb and the naive model and "
                + "compares CPO adoption stages; writes the tables to BENCHMARKS.md.")
final class BenchCommand implements Callable<Integer> {
    /**
     * The benchmark sizes: generator flags and the target of each. The supply sizes are the 16k and 131k fabrics as
     * a partial refresh, with the same targets: half the leaves stand today as the family's pluggable model (kept at
     * no capex, or replaced for 2,500 USD of labour), a few thousand in stock of the module the plain optimum puts
     * on every server NIC (dr4_400 at 16k, dr8_800 at 131k; re-cabled for 25 USD each), and a max_buy of 3/4 of the
     * CPO switches the plain optimum buys (it buys CPO for every switch: 192 and 5,120, so 144 and 3,840). That is
     * also below what is bought with the installed leaves and no limit (the rack budgets let about half of them,
     * or all, be kept: 4,096 to 4,608 at 131k; 160 at 16k), so the limit binds. They run only when named.
     *
     * <p>The breakout sizes add the default catalog's breakout items ({@code generate --breakouts}: twin-port
     * modules facing single-port ones, breakout cables). A twin-port module needs a switch port of its whole rate,
     * twice the link's: 16k-breakout is the 16k fabric (400G NICs on 800G ports) with them; the 131k fabric has
     * 800G NICs on SW102T's 800G ports, where none fits (the 1.6T one needs 1.6T ports, which no default family
     * has), so 131k-breakout is the same 131,072 GPUs, 3 tiers of SW102T, at 400G NICs (1,024 leaves, 1,024 spines,
     * 512 cores; the same 393,216 cables). 16k-all is 16k-supply with them. Same targets as their plain sizes;
     * they run only when named.
     */
    enum Size {
        S1K("1k", 1_024, 0.0, 2, "--gpus 1024 --tiers 2 --switch-family SW51T --nic-gbps 400"),
        S16K("16k", 16_384, 0.001, 20, "--gpus 16384 --tiers 2 --switch-family SW102T --nic-gbps 400"),
        S131K("131k", 131_072, 0.005, 120, "--gpus 131072 --tiers 3 --switch-family SW102T --nic-gbps 800"),
        S16K_SUPPLY("16k-supply", 16_384, 0.001, 20, S16K.generatorFlags + " " + supplyFlags("dr4_400", 4_000,
                "sw102-cpo", 144)),
        S131K_SUPPLY("131k-supply", 131_072, 0.005, 120, S131K.generatorFlags + " " + supplyFlags("dr8_800", 8_000,
                "sw102-cpo", 3_840)),
        S16K_BREAKOUT("16k-breakout", 16_384, 0.001, 20, S16K.generatorFlags + " --breakouts"),
        S131K_BREAKOUT("131k-breakout", 131_072, 0.005, 120, "--gpus 131072 --tiers 3 --switch-family SW102T "
                + "--nic-gbps 400 --breakouts"),
        S16K_ALL("16k-all", 16_384, 0.001, 20, S16K_SUPPLY.generatorFlags + " --breakouts");

        final String label;
        final int gpus;
        final double targetGap;
        final double targetSeconds;
        final String generatorFlags;

        Size(String label, int gpus, double targetGap, double targetSeconds, String generatorFlags) {
            this.label = label;
            this.gpus = gpus;
            this.targetGap = targetGap;
            this.targetSeconds = targetSeconds;
            this.generatorFlags = generatorFlags;
        }

        /** The flags of a supply size. */
        private static String supplyFlags(String stockOptic, int stock, String limitedModel, int limit) {
            return "--installed-fraction 0.5 --stock " + stockOptic + "=" + stock + " --max-buy " + limitedModel + "="
                    + limit + " --switch-swap-usd 2500 --recable-usd 25";
        }

        /** Whether the bench runs it without {@code --sizes}. */
        boolean byDefault() {
            return this == S1K || this == S16K || this == S131K;
        }

        /** Whether it can be the fabric of the CPO stage comparison (a green field). */
        boolean stageable() {
            return byDefault();
        }

        /** Every label, as a message lists them: "1k, 16k, ... or 16k-all". */
        static String labels() {
            List<String> all = java.util.Arrays.stream(values()).map(s -> s.label).toList();
            return String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.get(all.size() - 1);
        }

        /** The size of a label, or null. */
        static Size of(String label) {
            for (Size s : values()) {
                if (s.label.equalsIgnoreCase(label.trim())) {
                    return s;
                }
            }
            return null;
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--sizes", paramLabel = "LIST", defaultValue = "1k,16k,131k",
            description = "sizes to run, from 1k, 16k, 131k, 16k-supply, 131k-supply, 16k-breakout, 131k-breakout, "
                    + "16k-all (default: ${DEFAULT-VALUE}; the supply sizes are the same fabrics with installed "
                    + "leaves, stock and a CPO max_buy; the breakout sizes add twin-port modules and breakout cables, "
                    + "131k-breakout at 400G NICs; 16k-all is 16k-supply with them)")
    String sizes;

    @Option(names = "--time-limit", paramLabel = "S", converter = Flags.Seconds.class,
            description = "time limit of every solve; default: the size's target (2, 20, 120 s)")
    Double timeLimit;

    @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = "target/bench",
            description = "where the generated and solved workbooks go, created if missing (default: "
                    + "${DEFAULT-VALUE})")
    Path workDir;

    @Option(names = "--output", paramLabel = "FILE", defaultValue = "BENCHMARKS.md",
            description = "Markdown file whose bench section is rewritten, in an existing folder (default: "
                    + "${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--stages", paramLabel = "SIZE", defaultValue = "16k",
            description = "size of the fabric for the CPO stage comparison (default: ${DEFAULT-VALUE})")
    String stagesSize;

    @Option(names = "--no-naive", description = "skip the naive per-cable peer")
    boolean noNaive;

    /** Raised by Ctrl-C: the running child solve is told to stop (it writes its plan), no further run starts. */
    private GracefulStop stop;
    /** The child process running now, if any. */
    private volatile Process child;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Size> chosen = new ArrayList<>();
        for (String s : sizes.split(",")) {
            Size size = Size.of(s);
            if (size == null) {
                return invalid(err, "--sizes " + sizes + ": unknown size \"" + s.trim() + "\"",
                        "use " + Size.labels() + ", comma-separated, e.g. --sizes 1k,16k.");
            }
            chosen.add(size);
        }
        Size stages = Size.of(stagesSize);
        if (stages == null || !stages.stageable()) {
            return invalid(err, "--stages " + stagesSize + ": unknown size", "use 1k, 16k or 131k, e.g. --stages 1k.");
        }
        if (Files.exists(workDir) && !Files.isDirectory(workDir)) {
            return invalid(err, "--work-dir " + workDir + " is a file, not a folder", "name a folder.");
        }
        if (!Outputs.check(err).file("--output", output, "BENCHMARKS.md").ok()) {
            return ExitCode.INVALID_INPUT;
        }
        Files.createDirectories(workDir);
        try (GracefulStop running = GracefulStop.stopping(err, "stopping the running solve (its plan is written) "
                + "and starting no other; " + output + " is left unchanged").writes(output)) {
            stop = running;
            running.cancellation().onCancel(() -> {
                Process p = child;
                if (p != null) {
                    p.destroy(); // SIGTERM: the child stops its search and writes its plan
                }
            });
            running.onAbort(() -> {
                Process p = child;
                if (p != null) {
                    p.destroyForcibly();
                }
            });
            return run(chosen, stages, out, err);
        }
    }

    private static int invalid(PrintWriter err, String what, String maybe) {
        err.println("fabricplan bench: " + what);
        err.println("  Maybe " + maybe);
        return ExitCode.INVALID_INPUT;
    }

    private int run(List<Size> chosen, Size stages, PrintWriter out, PrintWriter err) throws Exception {
        List<Row> rows = new ArrayList<>();
        List<Stage> stageRuns = new ArrayList<>();
        for (Size size : chosen) {
            if (stop.stopRequested()) {
                return interrupted(rows, stages, stageRuns, out, err);
            }
            err.println("bench: " + size.label + " - generating");
            Path instance = generate(size, size.generatorFlags, "");
            double limit = timeLimit != null ? timeLimit : size.targetSeconds;
            err.println("bench: " + size.label + " - solving (limit " + limit + " s)");
            Run optimum = solve(instance, size.label + "-plan.xlsx", limit, size.targetGap, "AUTO");
            String check = stop.stopRequested() ? "not run (Ctrl-C)" : optimum.hasPlan()
                    ? check(instance, workDir.resolve(size.label + "-plan.xlsx")) : "no plan";
            Run naive = null;
            if (!noNaive && !stop.stopRequested()) {
                err.println("bench: " + size.label + " - naive per-cable model (limit " + limit + " s)");
                naive = solve(instance, size.label + "-naive-plan.xlsx", limit, size.targetGap, "NAIVE_CABLE");
            }
            rows.add(new Row(size, limit, optimum, check, naive));
        }
        if (stop.stopRequested()) {
            return interrupted(rows, stages, stageRuns, out, err);
        }
        err.println("bench: CPO stages on " + stages.label);
        double limit = timeLimit != null ? timeLimit : stages.targetSeconds;
        Path stagesInstance = workDir.resolve(stages.label + ".xlsx");
        if (!chosen.contains(stages)) {
            stagesInstance = generate(stages, stages.generatorFlags, "");
        }
        Instance fabric = InstanceWorkbookReader.read(stagesInstance).instance();
        String[] names = {"1: all pluggable", "2: hybrid (optimiser chooses)", "3: all CPO at spine and above"};
        for (int stage = 1; stage <= 3; stage++) {
            if (stop.stopRequested()) {
                return interrupted(rows, stages, stageRuns, out, err);
            }
            // Budgets lifted so that every stage has a plan; its headroom is then measured against the real ones.
            Path variant = workDir.resolve(stages.label + "-stage" + stage + ".xlsx");
            Instance staged = CpoStages.stage(fabric, stage);
            InstanceWorkbookWriter.write(stage == 2 ? staged : CpoStages.lifted(staged, 1_000), variant);
            Path plan = workDir.resolve(stages.label + "-stage" + stage + "-plan.xlsx");
            Run run = solve(variant, plan.getFileName().toString(), limit, stages.targetGap, "AUTO");
            stageRuns.add(new Stage(names[stage - 1], run,
                    run.hasPlan() ? CpoStages.headroom(staged, PlanWorkbookReader.read(plan).plan()) : null));
        }
        if (stop.stopRequested()) {
            return interrupted(rows, stages, stageRuns, out, err);
        }
        Kept kept = Kept.of(Files.exists(output) ? Files.readString(output) : "",
                chosen.stream().map(size -> size.label).toList());
        String section = section(rows, stages, stageRuns, kept);
        out.println(section);
        writeSection(section);
        return ExitCode.OK;
    }

    /** After Ctrl-C: the tables so far on stdout, BENCHMARKS.md unchanged, exit 130 (the bench is incomplete). */
    private int interrupted(List<Row> rows, Size stages, List<Stage> stageRuns, PrintWriter out, PrintWriter err) {
        out.println(section(rows, stages, stageRuns, Kept.NONE));
        err.println("bench: stopped by Ctrl-C; the tables above are incomplete and " + output + " is unchanged.");
        return GracefulStop.ABORTED;
    }

    private Path generate(Size size, String flags, String extra) throws IOException {
        String name = size.label + (extra.isBlank() ? "" : "-" + Integer.toHexString(extra.hashCode())) + ".xlsx";
        Path file = workDir.resolve(name);
        List<String> args = new ArrayList<>(List.of("generate"));
        args.addAll(List.of(flags.split(" ")));
        if (!extra.isBlank()) {
            args.addAll(List.of(extra.split(" ")));
        }
        args.addAll(List.of("-o", file.toString()));
        java.io.StringWriter sink = new java.io.StringWriter();
        int code = Fabricplan.run(args.toArray(String[]::new), new PrintWriter(sink), new PrintWriter(sink));
        if (code != 0) {
            throw new IOException("generate " + String.join(" ", args) + " failed (exit " + code + "): " + sink);
        }
        return file;
    }

    /** One solve in a fresh JVM, with the wall time of the whole process. */
    private Run solve(Path instance, String planName, double limit, double gap, String formulation)
            throws IOException, InterruptedException {
        List<String> args = List.of("solve", instance.toString(), "-o", workDir.resolve(planName).toString(),
                "--json", "--time-limit", String.valueOf(limit), "--gap", String.valueOf(gap), "--formulation",
                formulation);
        long start = System.nanoTime();
        Child child = runChild(args, (long) (limit * 3 + 300));
        double wall = (System.nanoTime() - start) / 1e9;
        return new Run(parse(child.stdout), wall, child.exitCode, tail(child.stderr));
    }

    private String check(Path instance, Path plan) throws IOException, InterruptedException {
        Child child = runChild(List.of("check", instance.toString(), plan.toString()), 600);
        return child.exitCode == 0 ? "passed" : "FAILED (exit " + child.exitCode + ")";
    }

    private record Child(int exitCode, String stdout, String stderr) {
    }

    private Child runChild(List<String> args, long timeoutSeconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx8g", "-cp", System.getProperty("java.class.path"), Fabricplan.class.getName()));
        command.addAll(args);
        Path stdout = Files.createTempFile(workDir, "child", ".out");
        Path stderr = Files.createTempFile(workDir, "child", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile()).start();
            child = process;
            if (stop != null && stop.stopRequested()) {
                process.destroy(); // Ctrl-C came while it started
            }
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Child(-1, "", "killed after " + timeoutSeconds + " s");
            }
            child = null;
            return new Child(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static String tail(String text) {
        String[] lines = text.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }

    /** The flat JSON object of {@code solve --json}. */
    static Map<String, String> parse(String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\"([a-z_]+)\": (\"(?:[^\"\\\\]|\\\\.)*\"|[^,}]+)").matcher(json);
        while (m.find()) {
            String v = m.group(2).trim();
            fields.put(m.group(1), v.startsWith("\"") ? v.substring(1, v.length() - 1) : v);
        }
        return fields;
    }

    record Run(Map<String, String> json, double wallS, int exitCode, String lastErrLine) {
        boolean hasPlan() {
            String status = json.getOrDefault("status", "");
            return status.equals("OPTIMAL") || status.equals("FEASIBLE");
        }

        double num(String key) {
            String v = json.get(key);
            if (v == null || v.equals("null")) {
                return Double.NaN;
            }
            return Double.parseDouble(v);
        }

        String status() {
            return json.getOrDefault("status", exitCode == -1 ? "KILLED" : "FAILED(exit " + exitCode + ")");
        }
    }

    record Row(Size size, double limit, Run optimum, String check, Run naive) {
    }

    record Stage(String name, Run run, CpoStages.Headroom headroom) {
    }

    /**
     * The rows of the three size tables (scale, rule of thumb, naive) of the bench section already in the Markdown
     * file, by size label, for the sizes this run does not measure: they are written back, so that a run of some
     * sizes (e.g. {@code --sizes 16k-supply,131k-supply}) keeps the others' figures.
     */
    record Kept(Map<String, String> scale, Map<String, String> ruleOfThumb, Map<String, String> naive) {
        static final Kept NONE = new Kept(Map.of(), Map.of(), Map.of());

        /** The kept rows of the bench section of {@code markdown} (none without it). */
        static Kept of(String markdown, List<String> runLabels) {
            Matcher m = SECTION.matcher(markdown);
            if (!m.find()) {
                return NONE;
            }
            Map<String, String> scale = new LinkedHashMap<>();
            Map<String, String> rule = new LinkedHashMap<>();
            Map<String, String> naive = new LinkedHashMap<>();
            Map<String, String> table = null;
            for (String line : m.group().split("\n")) {
                if (!line.startsWith("|")) {
                    table = line.isBlank() ? table : null;
                    continue;
                }
                if (line.startsWith(SCALE_HEADER)) {
                    table = scale;
                } else if (line.startsWith(RULE_HEADER)) {
                    table = rule;
                } else if (line.startsWith(NAIVE_HEADER)) {
                    table = naive;
                } else if (line.startsWith("| size |") || line.startsWith("| stage |")) {
                    table = null;
                } else if (table != null && !line.startsWith("|---")) {
                    String label = line.substring(1, Math.max(1, line.indexOf('|', 1))).trim();
                    if (!label.isEmpty() && runLabels.stream().noneMatch(label::equalsIgnoreCase)) {
                        table.put(label, line.strip());
                    }
                }
            }
            return new Kept(scale, rule, naive);
        }

        boolean isEmpty() {
            return scale.isEmpty() && ruleOfThumb.isEmpty() && naive.isEmpty();
        }

        /** The labels of the kept rows, in the order of the sizes. */
        List<String> labels() {
            Map<String, String> all = new LinkedHashMap<>(scale);
            ruleOfThumb.forEach(all::putIfAbsent);
            naive.forEach(all::putIfAbsent);
            return ordered(all).keySet().stream().toList();
        }
    }

    private static final Pattern SECTION = Pattern.compile("## Scale: `fabricplan bench`\\n.*?(?=\\n## |\\z)",
            Pattern.DOTALL);
    private static final String SCALE_HEADER = "| size | GPUs |";
    private static final String RULE_HEADER = "| size | rule-of-thumb capex USD |";
    private static final String NAIVE_HEADER = "| size | naive variables |";

    /** Rows by size label in the order of {@link Size} (labels of no size, e.g. of an older bench, last). */
    private static Map<String, String> ordered(Map<String, String> rows) {
        List<String> labels = new ArrayList<>(rows.keySet());
        labels.sort(java.util.Comparator.comparingInt(label -> {
            Size size = Size.of(label);
            return size == null ? Integer.MAX_VALUE : size.ordinal();
        }));
        Map<String, String> sorted = new LinkedHashMap<>();
        labels.forEach(label -> sorted.put(label, rows.get(label)));
        return sorted;
    }

    /** This run's rows and the kept ones, in the order of the sizes, one line each. */
    private static void appendRows(StringBuilder sb, Map<String, String> fresh, Map<String, String> kept) {
        Map<String, String> all = new LinkedHashMap<>(fresh);
        kept.forEach(all::putIfAbsent);
        ordered(all).values().forEach(line -> sb.append(line).append('\n'));
    }


    String section(List<Row> rows, Size stagesSize, List<Stage> stages, Kept kept) {
        StringBuilder sb = new StringBuilder();
        sb.append("## Scale: `fabricplan bench`\n\n");
        sb.append(String.format(Locale.ROOT, "Measured by `./fabricplan bench --sizes %s%s` on %s, %d cores, "
                        + "Java %s. Each solve runs in a fresh JVM; peak RSS is that process's VmHWM. Times in "
                        + "seconds; end to end = the whole `solve` process (JVM start, read, build, solve, check, "
                        + "write; generation not included).%n%n", sizes,
                timeLimit == null ? "" : " --time-limit " + timeLimit, LocalDate.now(ZoneOffset.UTC),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        if (!kept.isEmpty()) {
            sb.append("The rows of ").append(String.join(", ", kept.labels())).append(" are kept from an earlier run "
                    + "of this command (those sizes were not in --sizes this time).\n\n");
        }
        sb.append(SCALE_HEADER).append(" cables | links rows | groups | variables | constraints | read | build "
                + "| solve | write | end to end | status | objective (TCO USD) | bound | gap | target | peak RSS MB "
                + "| checker |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        Map<String, String> scale = new LinkedHashMap<>();
        for (Row r : rows) {
            Run o = r.optimum;
            scale.put(r.size.label, String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s | %.1f | %.1f | "
                            + "%.1f | %.1f | %.1f | %s | %s | %s | %s | %s | %s | %s |", r.size.label, r.size.gpus,
                    int0(o, "cables"), int0(o, "links"), int0(o, "groups"), int0(o, "variables"),
                    int0(o, "constraints"), o.num("read_seconds"),
                    o.num("build_seconds"), o.num("solve_seconds") - o.num("build_seconds"), o.num("write_seconds"),
                    o.wallS, o.status(), money(o.num("objective_value")), money(o.num("best_bound")),
                    pct(o.num("relative_gap")), target(r), int0(o, "peak_rss_mb"), r.check));
        }
        appendRows(sb, scale, kept.scale());
        sb.append("\nPeer 1, the rule of thumb (cheapest usable option per link, every switch pluggable), and the "
                + "optimum's saving over it:\n\n");
        sb.append(RULE_HEADER).append(" power kW | TCO USD | valid plan? | capex saving | power saving "
                + "| TCO saving | repaired rule of thumb TCO USD | repaired valid? | TCO saving over the repaired "
                + "|\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        Map<String, String> rule = new LinkedHashMap<>();
        for (Row r : rows) {
            Run o = r.optimum;
            rule.put(r.size.label, String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s "
                            + "| %s |", r.size.label,
                    money(o.num("greedy_capex_usd")), kw(o.num("greedy_power_w")), money(o.num("greedy_tco_usd")),
                    o.json.getOrDefault("greedy_feasible", "-").equals("true") ? "yes" : "no (breaks a rule)",
                    saving(o.num("greedy_capex_usd"), o.num("capex_usd")),
                    saving(o.num("greedy_power_w"), o.num("power_w")),
                    saving(o.num("greedy_tco_usd"), o.num("tco_usd")),
                    money(o.num("repaired_objective_value")),
                    o.json.getOrDefault("repaired_feasible", "-").equals("true") ? "yes" : "no",
                    saving(o.num("repaired_objective_value"), o.num("tco_usd"))));
        }
        appendRows(sb, rule, kept.ruleOfThumb());
        sb.append("\nThe repaired rule of thumb is the same plan repaired to meet the racks (CPO, lower-power optics, "
                + "placed switches moved to racks with headroom): the planner's warm start and fallback.\n");
        Map<String, String> naive = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.naive == null) {
                continue;
            }
            Run n = r.naive;
            String status = n.status() + (n.hasPlan() ? "" : ": " + n.json.getOrDefault("diagnostic",
                    n.lastErrLine).replace("|", "/"));
            String ratio = n.hasPlan() ? String.format(Locale.ROOT, "%.1fx", n.wallS / r.optimum.wallS)
                    : String.format(Locale.ROOT, "no plan in %.0f s", r.limit);
            naive.put(r.size.label, String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.1f | %.1f | %s |",
                    r.size.label, int0(n, "variables"), status, money(n.num("objective_value")),
                    pct(n.num("relative_gap")), n.wallS, r.optimum.wallS, ratio));
        }
        if (!naive.isEmpty() || !kept.naive().isEmpty()) {
            sb.append("\nPeer 2, the naive model (one binary per physical cable, option and end packagings; same "
                    + "solver, time limit and gap):\n\n");
            sb.append(NAIVE_HEADER).append(" naive status | naive objective | naive gap | naive end to end s "
                    + "| aggregated end to end s | ratio |\n|---|---|---|---|---|---|---|---|\n");
            appendRows(sb, naive, kept.naive());
        }
        sb.append("\nCPO adoption on the ").append(stagesSize.label).append(" fabric (same floor, same limits):\n\n");
        sb.append("Rack budgets are lifted for stages 1 and 3 so that each has a plan; headroom is then measured "
                + "against the real budgets (negative: the stage does not fit the racks).\n\n");
        sb.append("| stage | status | capex USD | network power kW | TCO USD | least rack headroom kW | racks over "
                + "budget | gap |\n|---|---|---|---|---|---|---|---|\n");
        for (Stage s : stages) {
            Run o = s.run;
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", s.name, o.status(),
                    money(o.num("capex_usd")), kw(o.num("power_w")), money(o.num("tco_usd")),
                    s.headroom == null ? "-" : num2(s.headroom.leastKw()),
                    s.headroom == null ? "-" : String.valueOf(s.headroom.racksOver()), pct(o.num("relative_gap"))));
        }
        return sb.toString();
    }

    private static String target(Row r) {
        return String.format(Locale.ROOT, "gap <= %s in < %.0f s: %s", pct(r.size.targetGap), r.size.targetSeconds,
                r.optimum.hasPlan() && r.optimum.num("relative_gap") <= r.size.targetGap + 1e-12
                        && r.optimum.num("solve_seconds") < r.size.targetSeconds ? "met" : "MISSED");
    }

    private static String int0(Run r, String key) {
        double v = r.num(key);
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%,d", Math.round(v));
    }

    private static String money(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String kw(double w) {
        return Double.isNaN(w) ? "-" : String.format(Locale.ROOT, "%,.1f", w / 1000);
    }

    private static String num2(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f%%", 100 * v);
    }

    private static String saving(double before, double after) {
        if (Double.isNaN(before) || Double.isNaN(after) || before == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f%%", 100 * (1 - after / before));
    }

    /**
     * Replaces the bench section of the Markdown file (from its heading to the next level-2 heading); the section
     * carries the rows kept from the one it replaces ({@link Kept}).
     */
    private void writeSection(String section) throws IOException {
        String text = Files.exists(output) ? Files.readString(output) : "# Benchmarks\n\n";
        Matcher m = SECTION.matcher(text);
        String updated = m.find() ? text.substring(0, m.start()) + section.strip() + "\n" + text.substring(m.end())
                : text.stripTrailing() + "\n\n" + section;
        Path target = output.toAbsolutePath().normalize();
        // named as GracefulStop expects of a partial output
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        Files.writeString(tmp, updated);
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
