package io.fabricplan.cli;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.Planner;
import io.fabricplan.excel.InputWorkbookException;
import io.fabricplan.excel.PlanWorkbookWriter;
import io.fabricplan.excel.StudyWorkbookReader;
import io.fabricplan.excel.StudyWorkbookWriter;
import io.fabricplan.model.Instance;
import io.fabricplan.studies.CpoStages;
import io.fabricplan.studies.ParetoFront;
import io.fabricplan.studies.Study;
import io.fabricplan.studies.StudyJournal;
import io.fabricplan.studies.StudyJson;
import io.fabricplan.studies.StudyRunner;
import io.fabricplan.studies.StudyScenarios;
import io.fabricplan.study.Scenario;
import io.fabricplan.study.ScenarioResult;
import io.fabricplan.study.StudyReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code fabricplan study IN.xlsx -o RESULTS.xlsx}: every scenario of the Scenarios sheet (crossed with the sweeps
 * and stages asked for) solved, checked and written as a row, with charts; journalled so that it resumes.
 */
@Command(name = "study", mixinStandardHelpOptions = true, subcommands = StudyCommand.Merge.class,
        description = "Runs a trade-off study: the instance workbook's Scenarios sheet (each row the instance with "
                + "its overrides), crossed with --sweep and --stages, solved in parallel, every plan checked; writes "
                + "Results (a row per scenario, failures with their reason), Summary and charts. Each finished "
                + "scenario is appended at once to RESULTS.xlsx.journal.jsonl; --resume skips those.",
        footer = {"", "Override headers: a Settings key (pue), Sheet.column (Racks.power_budget_kw), "
                + "Sheet[id].column (Racks[N1].power_budget_kw), Sheet[col=value].column "
                + "(SwitchModels[packaging=CPO].cost_usd); a trailing \" *\" multiplies.",
                "Exit codes: 0 results written (failed scenarios keep their rows), 2 invalid input or flag, "
                        + "1 internal error. Ctrl-C stops the running solves and writes the finished scenarios."})
final class StudyCommand implements Callable<Integer> {
    /** A plain progress line this often when stderr is not a terminal. */
    private static final long PLAIN_PROGRESS_MS = 10_000;

    @Spec
    CommandSpec spec;

    // not required for picocli: `study merge` must parse without them; call() asks for them
    @Parameters(index = "0", arity = "0..1", paramLabel = "IN.xlsx", description = "instance workbook, with a "
            + "Scenarios sheet unless --sweep or --stages make the scenarios")
    Path input;

    @Mixin
    ReadLimitsOptions readLimits;

    @Option(names = {"-o", "--output"}, paramLabel = "RESULTS.xlsx", description = "results workbook to write "
            + "(required)")
    Path output;

    @Option(names = "--parallel", paramLabel = "N", converter = Flags.Count.class,
            description = "scenarios solved at once (default: the cores / --threads)")
    Integer parallel;

    @Option(names = "--threads", paramLabel = "N", converter = Flags.Threads.class,
            description = "solver threads of each solve (default: 1; cores / --parallel when that is given)")
    Integer threads;

    @Option(names = "--time-limit", paramLabel = "S", converter = Flags.Seconds.class,
            description = "each scenario's time limit (default: its time_limit_s)")
    Double timeLimit;

    @Option(names = "--sweep", paramLabel = "HEADER=FROM:TO:STEP|v1,v2", description = "a swept override, "
            + "crossed with the Scenarios rows (or alone); repeatable: the cross product")
    List<String> sweeps = new ArrayList<>();

    @Option(names = "--stages", description = "the three CPO adoption stages (all pluggable; hybrid; CPO at spine "
            + "and above) of every scenario")
    boolean stages;

    @Option(names = "--plans", paramLabel = "DIR", description = "also write every scenario's plan workbook into "
            + "this existing folder (<scenario>.xlsx)")
    Path plans;

    @Option(names = "--instances", paramLabel = "DIR", description = "also write every scenario's instance "
            + "workbook (the base with its overrides) into this existing folder (<scenario>.xlsx), to solve or hand "
            + "on one scenario alone")
    Path instances;

    @Option(names = "--resume", description = "skip the scenarios the journal already holds")
    boolean resume;

    @Option(names = "--shard", paramLabel = "I/N", description = "run only shard I of N (every N-th scenario from "
            + "the I-th), journalled to RESULTS.xlsx.shard-I-of-N.journal.jsonl; join shards with study merge")
    String shard;

    @Option(names = "--json", description = "print exactly one JSON object (every row) on stdout")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (input == null || output == null) {
            err.println("fabricplan study: missing " + (input == null ? "IN.xlsx" + (output == null ? " and " : "")
                    : "") + (output == null ? "-o RESULTS.xlsx" : "") + "\n  Maybe fabricplan study IN.xlsx -o "
                    + "results.xlsx, or fabricplan study merge JOURNAL... -o results.xlsx.");
            return ExitCode.INVALID_INPUT;
        }
        Outputs outputs = Outputs.check(err).workbook("-o", output, "results.xlsx", input);
        if (plans != null) {
            outputs.folder("--plans", plans);
        }
        if (instances != null) {
            outputs.folder("--instances", instances);
        }
        int[] shardOf = parseShard(err);
        if (!outputs.ok() || shardOf == null) {
            return ExitCode.INVALID_INPUT;
        }
        Instance instance = InstanceInput.read(input, readLimits.limits(), err);
        if (instance == null) {
            return ExitCode.INVALID_INPUT;
        }
        List<Scenario> scenarios = scenarios(instance, err);
        if (scenarios == null) {
            return ExitCode.INVALID_INPUT;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int threadsPerSolve = threads != null ? threads : parallel != null ? Math.max(1, cores / parallel) : 1;
        int scenariosAtOnce = parallel != null ? parallel : Math.max(1, cores / Math.max(1, threadsPerSolve));
        Study study = new Study(input.getFileName().toString(), instance, scenarios);
        List<Integer> only = shardOf[1] > 1 ? study.shard(shardOf[0], shardOf[1]) : null;
        Path journalFile = journalFile(shardOf);
        List<StudyJournal.Entry> done = resume ? StudyJournal.read(journalFile) : List.of();
        int total = only != null ? only.size() : scenarios.size();
        err.printf(Locale.ROOT, "study: %d scenarios%s, %d at once, %d solver thread%s each%s%n", total,
                only != null ? " (shard " + shard + " of " + scenarios.size() + ")" : "", scenariosAtOnce,
                threadsPerSolve, threadsPerSolve == 1 ? "" : "s", done.isEmpty() ? "" : "; resuming from "
                        + done.size() + " journalled");
        try (GracefulStop stop = GracefulStop.stopping(err, "stopping the study; the finished scenarios are "
                + "written to " + output).writes(output);
             StudyJournal journal = StudyJournal.open(journalFile, !resume)) {
            Progress progress = new Progress(total, err);
            StudyRunner.Listener listener = new StudyRunner.Listener() {
                @Override
                public void onScenarioDone(int index, ScenarioResult row, Instance scenarioInstance,
                                           PlanResult result, ParetoFront.Result front) {
                    writePlans(row, scenarioInstance, result, front, err);
                    progress.done(row);
                }
            };
            StudyRunner.Outcome outcome = new StudyRunner(Planner.create()).run(study,
                    new StudyRunner.Options(scenariosAtOnce, threadsPerSolve, timeLimit != null ? timeLimit
                            : Double.NaN, only), journal, done, listener, stop.cancellation());
            progress.finish();
            StudyReport report = new StudyReport(study.name(), study.overrideHeaders(), outcome.rows(),
                    outcome.fronts(), total, outcome.seconds(), scenariosAtOnce, threadsPerSolve, machine(),
                    outcome.stopped());
            StudyWorkbookWriter.writeResults(output, report);
            summary(report, outcome, journalFile, json ? err : out);
            if (json) {
                out.println(StudyJson.study(report));
            }
            return ExitCode.OK;
        }
    }

    /** The study's scenarios, or null after printing every problem of the sheet, the flags and the overrides. */
    private List<Scenario> scenarios(Instance instance, PrintWriter err) {
        StudyWorkbookReader.ScenarioSheet sheet;
        try {
            sheet = StudyWorkbookReader.readScenarios(input, readLimits.limits());
        } catch (InputWorkbookException e) {
            InstanceInput.printProblems(e.problems().size(), input, e.problems(), err);
            return null;
        }
        StudyScenarios.Made made = StudyScenarios.make(instance, sheet.scenarios(), sheet.targets(),
                sheet.headerCells(), sheet.present(), sweeps, stages, input.toString());
        if (!made.ok()) {
            InstanceInput.printProblems(made.problems().size(), input, made.problems(), err);
            return null;
        }
        return made.scenarios();
    }

    private int[] parseShard(PrintWriter err) {
        if (shard == null) {
            return new int[] {1, 1};
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*(\\d{1,6})\\s*/\\s*(\\d{1,6})\\s*")
                .matcher(shard);
        if (m.matches()) {
            int i = Integer.parseInt(m.group(1));
            int n = Integer.parseInt(m.group(2));
            if (n >= 1 && i >= 1 && i <= n) {
                return new int[] {i, n};
            }
        }
        err.println("fabricplan: --shard " + shard + ": not a shard I/N with 1 <= I <= N\n  Maybe --shard 1/4 "
                + "(for a Slurm array: --shard $((SLURM_ARRAY_TASK_ID+1))/$SLURM_ARRAY_TASK_COUNT).");
        return null;
    }

    private Path journalFile(int[] shardOf) {
        String name = output.getFileName().toString() + (shardOf[1] > 1 ? ".shard-" + shardOf[0] + "-of-"
                + shardOf[1] : "") + ".journal.jsonl";
        return output.toAbsolutePath().normalize().resolveSibling(name);
    }

    /**
     * Writes the scenario's instance workbook into --instances, and its plan workbook (or its front's, one per
     * point) into --plans.
     */
    private void writePlans(ScenarioResult row, Instance instance, PlanResult result, ParetoFront.Result front,
                            PrintWriter err) {
        if (instance == null) {
            return;
        }
        String base = safeName(row.scenario().id());
        try {
            if (instances != null) {
                io.fabricplan.excel.InstanceWorkbookWriter.write(instance, instances.resolve(base + ".xlsx"));
            }
            if (plans == null) {
                return;
            }
            if (front != null) {
                for (int i = 0; i < front.results().size(); i++) {
                    PlanResult r = front.results().get(i);
                    PlanWorkbookWriter.write(null, instance.withSettings(instance.settings()
                            .withObjective(r.objective())), r, r.statistics().solver(),
                            plans.resolve(String.format(Locale.ROOT, "%s-point-%02d.xlsx", base, i + 1)));
                }
            } else if (result != null && result.status().hasPlan()) {
                PlanWorkbookWriter.write(null, instance.withSettings(instance.settings()
                        .withObjective(result.objective())), result, result.statistics().solver(),
                        plans.resolve(base + ".xlsx"));
            }
        } catch (IOException | RuntimeException e) {
            synchronized (err) {
                err.println("fabricplan: scenario " + row.scenario().id() + ": its workbook could not be written: "
                        + e.getMessage());
            }
        }
    }

    /** A file name for a scenario id: letters, digits, '.', '-', '_' and '=' kept, the rest '_'. */
    static String safeName(String id) {
        String name = id.replaceAll("[^A-Za-z0-9._=-]", "_");
        return name.isEmpty() || name.startsWith(".") ? "_" + name : name;
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ", Java " + System.getProperty("java.version");
    }

    private void summary(StudyReport report, StudyRunner.Outcome outcome, Path journal, PrintWriter to) {
        java.util.Map<String, Long> byStatus = new java.util.TreeMap<>();
        report.rows().forEach(r -> byStatus.merge(r.status(), 1L, Long::sum));
        to.printf(Locale.ROOT, "study: %d of %d scenarios in %.1f s%s: %s%n", report.rows().size(),
                report.scenarioCount(), outcome.seconds(), outcome.resumed() > 0 ? " (" + outcome.resumed()
                        + " from the journal)" : "", byStatus);
        if (outcome.stopped()) {
            to.println("  stopped before every scenario ran; run again with --resume to finish the study");
        }
        to.println("  results written to " + output + ", journal " + journal);
    }

    /** done/total, failures, elapsed, ETA: redrawn on a terminal, a plain line every 10 s otherwise. */
    private static final class Progress {
        private final int total;
        private final PrintWriter err;
        private final boolean terminal = System.console() != null;
        private final long start = System.nanoTime();
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private long lastPlain = System.currentTimeMillis();

        Progress(int total, PrintWriter err) {
            this.total = total;
            this.err = err;
        }

        void done(ScenarioResult row) {
            int n = done.incrementAndGet();
            if (!(row.hasPlan())) {
                failed.incrementAndGet();
            }
            synchronized (this) {
                long now = System.currentTimeMillis();
                if (terminal) {
                    err.print("\r" + line(n));
                    err.flush();
                } else if (now - lastPlain >= PLAIN_PROGRESS_MS || n == total) {
                    lastPlain = now;
                    err.println(line(n));
                    err.flush();
                }
            }
        }

        void finish() {
            if (terminal && done.get() > 0) {
                err.println();
            }
        }

        private String line(int n) {
            double elapsed = (System.nanoTime() - start) / 1e9;
            double eta = n == 0 ? Double.NaN : elapsed / n * (total - n);
            int width = 24;
            int filled = total == 0 ? width : (int) Math.round(width * (double) n / total);
            return String.format(Locale.ROOT, "  [%s%s] %d/%d done, %d failed, %.1f s, ETA %s",
                    "#".repeat(filled), "-".repeat(width - filled), n, total, failed.get(), elapsed,
                    Double.isNaN(eta) ? "-" : String.format(Locale.ROOT, "%.0f s", eta));
        }
    }

    /** {@code fabricplan study merge JOURNAL... -o RESULTS.xlsx}: the journals of shards joined into one workbook. */
    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = "Joins the journals of a study's shards (or of runs stopped and resumed) into one results "
                    + "workbook, rows in study order; a scenario journalled twice keeps its last row.")
    static final class Merge implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "JOURNAL", description = "journal files (*.journal.jsonl)")
        List<Path> journals;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "RESULTS.xlsx",
                description = "results workbook to write")
        Path output;

        @Option(names = "--json", description = "print exactly one JSON object (every row) on stdout")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            PrintWriter out = spec.commandLine().getOut();
            if (!Outputs.check(err).workbook("-o", output, "results.xlsx", journals.toArray(Path[]::new)).ok()) {
                return ExitCode.INVALID_INPUT;
            }
            java.util.Map<Integer, StudyJournal.Entry> byIndex = new java.util.TreeMap<>();
            for (Path journal : journals) {
                if (!Files.isRegularFile(journal)) {
                    err.println("fabricplan: " + journal + ": no such journal\n  Maybe name the "
                            + "RESULTS.xlsx.journal.jsonl files the study (or its shards) wrote.");
                    return ExitCode.INVALID_INPUT;
                }
                try {
                    StudyJournal.read(journal).forEach(e -> byIndex.put(e.index(), e));
                } catch (IllegalArgumentException e) {
                    err.println("fabricplan: " + e.getMessage());
                    return ExitCode.INVALID_INPUT;
                }
            }
            List<ScenarioResult> rows = new ArrayList<>();
            java.util.Map<String, io.fabricplan.study.FrontReport> fronts = new java.util.LinkedHashMap<>();
            for (StudyJournal.Entry e : byIndex.values()) {
                rows.add(e.result());
                if (e.front() != null) {
                    fronts.put(e.result().scenario().id(), e.front());
                }
            }
            List<String> headers = rows.stream().flatMap(r -> r.scenario().overrides().stream())
                    .map(o -> o.target().header()).distinct().toList();
            double seconds = rows.stream().mapToDouble(ScenarioResult::solveSeconds).sum();
            StudyReport report = new StudyReport(journals.get(0).getFileName().toString(), headers, rows, fronts,
                    rows.size(), seconds, 1, 0, machine(), false);
            StudyWorkbookWriter.writeResults(output, report);
            (json ? err : out).printf(Locale.ROOT, "merged %d scenarios from %d journals into %s%n", rows.size(),
                    journals.size(), output);
            if (json) {
                out.println(StudyJson.study(report));
            }
            return ExitCode.OK;
        }
    }
}
