package io.fabricplan.cli;

import io.fabricplan.api.Baseline;
import io.fabricplan.api.Cancellation;
import io.fabricplan.api.FormulationKind;
import io.fabricplan.api.InterSiteMedia;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.Planner;
import io.fabricplan.api.Progress;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.check.CheckReport;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.excel.PlanWorkbookWriter;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Objective;
import io.fabricplan.model.DwdmPlan;
import io.fabricplan.model.PlanEvaluation;
import io.fabricplan.model.SolverKind;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fabricplan solve IN.xlsx -o OUT.xlsx}: the optimal plan, checked, written back to Excel. */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Solves an instance workbook and writes the plan workbook: the input sheets unchanged plus "
                + "Summary, LinkPlan, DevicePlan, RackPower and BOM. Flags override the Settings sheet.")
final class SolveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN.xlsx", description = "instance workbook")
    Path input;

    @Mixin
    ReadLimitsOptions readLimits;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.xlsx",
            description = "plan workbook to write")
    Path output;

    @Option(names = "--objective", paramLabel = "X", description = "COST, POWER, TCO or WEIGHTED")
    Objective objective;

    @Option(names = "--time-limit", paramLabel = "S", description = "time limit in seconds")
    Double timeLimit;

    @Option(names = "--gap", paramLabel = "G", description = "relative gap at which to stop, e.g. 0.001")
    Double gap;

    @Option(names = "--solver", paramLabel = "X", description = "AUTO, CP_SAT, SCIP or HIGHS")
    SolverKind solver;

    @Option(names = "--threads", paramLabel = "N", description = "solver threads, 0 = all cores")
    Integer threads;

    @Option(names = "--seed", paramLabel = "N", description = "random seed")
    Long seed;

    @Option(names = "--export-model", paramLabel = "FILE.lp", description = "also write the model in LP format")
    Path exportModel;

    @Option(names = "--json", description = "print exactly one JSON object on stdout; all else goes to stderr")
    boolean json;

    @Option(names = "--formulation", paramLabel = "X", description = "AUTO, AGGREGATED, REFERENCE or NAIVE_CABLE "
            + "(the naive one-binary-per-cable model, for benchmarks)")
    FormulationKind formulation;

    @Option(names = "--inter-site", paramLabel = "X", description = "media for links between sites over the spans: "
            + "ANY (the optimiser's mix), GREY (dedicated fiber pairs only) or DWDM (channels only)")
    InterSiteMedia interSite;

    /** Seconds of each phase: read, solve (build included), check, write. */
    private double readS;
    private double checkS;
    private double writeS;
    private int instanceLinks;
    private long instanceCables;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (Files.exists(output) && Files.exists(input) && Files.isSameFile(input, output)) {
            err.println("fabricplan: the plan would overwrite the input workbook " + input + "\n"
                    + "  Maybe write it to another file with -o, e.g. -o plan.xlsx.");
            return ExitCode.INVALID_INPUT;
        }
        Path folder = output.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
            err.println("fabricplan: cannot write " + output + ": folder " + folder + " does not exist or is not "
                    + "writable\n  Maybe create the folder first or choose another -o path.");
            return ExitCode.INVALID_INPUT;
        }
        long phase = System.nanoTime();
        Instance read = InstanceInput.read(input, readLimits.limits(), err);
        readS = secondsSince(phase);
        if (read == null) {
            return ExitCode.INVALID_INPUT;
        }
        instanceLinks = read.links().size();
        instanceCables = read.links().stream().mapToLong(io.fabricplan.model.Link::count).sum();
        SolveOptions options = options(SolveOptions.from(read.settings()));
        Instance instance = read.withSettings(read.settings().withObjective(options.objective()));

        PlanResult result = solveWithProgress(instance, options, err);
        if (result.status() == SolveStatus.INVALID) {
            InstanceInput.printProblems(result.diagnostics().size(), input,
                    result.diagnostics().stream().map(d -> new io.fabricplan.validate.InputProblem(input.toString(),
                            d, null)).toList(), err);
            return ExitCode.INVALID_INPUT;
        }
        err.println(result.statistics().line());
        if (result.status().hasPlan()) {
            phase = System.nanoTime();
            CheckReport check = new PlanChecker(instance).check(result.plan());
            checkS = secondsSince(phase);
            if (!check.passed()) {
                err.println("fabricplan: internal error: the plan breaks " + check.violations().size()
                        + " rules, it is not written:");
                check.violations().forEach(v -> err.println("  " + v));
                return ExitCode.INTERNAL_ERROR;
            }
        }
        phase = System.nanoTime();
        PlanWorkbookWriter.write(input, instance, result, result.statistics().solver(), output);
        writeS = secondsSince(phase);
        report(result, json ? err : out);
        if (json) {
            out.println(json(result));
        }
        return switch (result.status()) {
            case OPTIMAL, FEASIBLE -> ExitCode.OK;
            case INFEASIBLE -> ExitCode.INFEASIBLE;
            case NO_SOLUTION -> ExitCode.NO_PLAN;
            case INVALID -> ExitCode.INVALID_INPUT;
        };
    }

    private SolveOptions options(SolveOptions fromSettings) {
        SolveOptions o = fromSettings;
        if (objective != null) {
            o = o.withObjective(objective);
        }
        if (timeLimit != null) {
            o = o.withTimeLimitSeconds(timeLimit);
        }
        if (gap != null) {
            o = o.withRelativeGap(gap);
        }
        if (solver != null) {
            o = o.withSolver(solver);
        }
        if (threads != null) {
            o = o.withThreads(threads);
        }
        if (seed != null) {
            o = o.withSeed(seed);
        }
        if (exportModel != null) {
            o = o.withExportModel(exportModel);
        }
        if (formulation != null) {
            o = o.withFormulation(formulation);
        }
        if (interSite != null) {
            o = o.withInterSite(interSite);
        }
        return o;
    }

    /**
     * Solves with a progress line on stderr every second once the solve lasts longer than one, and with Ctrl-C
     * stopping the search and still writing the best plan found.
     */
    private PlanResult solveWithProgress(Instance instance, SolveOptions options, PrintWriter err) {
        Cancellation cancellation = new Cancellation();
        AtomicReference<Progress> latest = new AtomicReference<>();
        long start = System.nanoTime();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fabricplan-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> err.println(progressLine(latest.get(), start)), 1, 1, TimeUnit.SECONDS);
        CountDownLatch written = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            cancellation.cancel();
            try {
                written.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fabricplan-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            return Planner.create().solve(instance, options, latest::set, cancellation);
        } finally {
            ticker.shutdownNow();
            written.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and lets the JVM end once the plan is written.
            }
        }
    }

    private static String progressLine(Progress p, long start) {
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (p == null || Double.isNaN(p.bestObjective())) {
            return String.format(Locale.ROOT, "  %6.1fs  searching%s", elapsed,
                    p == null || p.message() == null ? "" : " (" + p.message() + ")");
        }
        double gap = PlanResult.gap(p.bestObjective(), p.bound());
        return String.format(Locale.ROOT, "  %6.1fs  best %,.2f  bound %s  gap %s", elapsed, p.bestObjective(),
                Double.isNaN(p.bound()) ? "-" : String.format(Locale.ROOT, "%,.2f", p.bound()),
                Double.isNaN(gap) ? "-" : String.format(Locale.ROOT, "%.3f%%", 100 * gap));
    }

    private void report(PlanResult result, PrintWriter to) {
        to.printf(Locale.ROOT, "%s  %s%n", result.status(), result.objective());
        result.diagnostics().forEach(d -> to.println("  " + d));
        if (result.status() == SolveStatus.NO_SOLUTION) {
            to.println("  Maybe raise --time-limit (or time_limit_s in Settings), or loosen the rack budgets.");
        }
        PlanEvaluation e = result.evaluation();
        if (e != null) {
            to.printf(Locale.ROOT, "  objective %,.2f  bound %,.2f  gap %.4f%%%n", result.objectiveValue(),
                    result.bestBound(), 100 * result.relativeGap());
            to.printf(Locale.ROOT, "  capex %,.2f USD  power %,.1f W  TCO %,.2f USD%n", e.capexUsd(), e.powerW(),
                    e.tcoUsd());
            to.println("  bill of materials:");
            for (PlanEvaluation.BomRow row : e.bom()) {
                to.printf(Locale.ROOT, "    %,12.1f x %-24s %-12s %,14.2f USD%n", row.quantity(), row.itemId(),
                        row.kind(), row.totalCostUsd());
            }
            DwdmPlan d = result.plan().dwdm();
            if (!d.isEmpty()) {
                to.printf(Locale.ROOT, "  between sites: %d grey cable(s) on dedicated fiber pairs, %d DWDM "
                                + "lightpath(s) on %d fiber pair(s), %d amplifier(s)%n", d.greyRoutes().size(),
                        d.lightpaths().size(), d.muxes().size() / 2, amplifiers(d));
            }
        }
        Baseline b = result.baseline();
        if (b != null) {
            to.printf(Locale.ROOT, "  rule of thumb (cheapest option per link, all pluggable): objective %,.2f, "
                    + "capex %,.2f USD, power %,.1f W%s%n", b.evaluation().objectiveValue(), b.evaluation().capexUsd(),
                    b.evaluation().powerW(), b.feasible() ? "" : ", breaks " + b.violations().size() + " rule(s): "
                            + b.violations().get(0));
            if (e != null && b.evaluation().objectiveValue() > 0) {
                double saving = 100 * (1 - e.objectiveValue() / b.evaluation().objectiveValue());
                to.println(b.feasible() ? String.format(Locale.ROOT, "  the plan saves %.2f%% against it", saving)
                        : String.format(Locale.ROOT, "  the rule of thumb is not a valid plan; meeting every rule "
                                + "costs %.2f%% %s", Math.abs(saving), saving < 0 ? "more" : "less"));
            }
        }
        to.printf(Locale.ROOT, "  phases: read %.2fs, build %.2fs, solve %.2fs, check %.2fs, write %.2fs; "
                + "peak RSS %.0f MB%n", readS, result.statistics().buildS(),
                result.statistics().totalS() - result.statistics().buildS(), checkS, writeS, peakRssMb());
        to.println("  wrote " + output);
    }

    /** Amplifiers of a DWDM plan (a placement counts its {@code count}). */
    private static int amplifiers(DwdmPlan d) {
        return d.amplifiers().stream().mapToInt(a -> a.count()).sum();
    }

    private static double secondsSince(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Peak resident set size of this process (Linux VmHWM), or NaN where /proc is not there. */
    static double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    private Json json(PlanResult result) {
        PlanEvaluation e = result.evaluation();
        DwdmPlan dwdm = result.plan() == null ? null : result.plan().dwdm();
        Baseline b = result.baseline();
        return new Json()
                .put("status", result.status().name())
                .put("objective", result.objective().name())
                .put("objective_value", result.objectiveValue())
                .put("best_bound", result.bestBound())
                .put("relative_gap", result.relativeGap())
                .put("capex_usd", e == null ? Double.NaN : e.capexUsd())
                .put("power_w", e == null ? Double.NaN : e.powerW())
                .put("tco_usd", e == null ? Double.NaN : e.tcoUsd())
                .put("solve_seconds", result.statistics().totalS())
                .put("solver", result.statistics().solver())
                .put("greedy_objective_value", b == null ? Double.NaN : b.evaluation().objectiveValue())
                .put("greedy_feasible", b != null && b.feasible())
                .put("greedy_capex_usd", b == null ? Double.NaN : b.evaluation().capexUsd())
                .put("greedy_power_w", b == null ? Double.NaN : b.evaluation().powerW())
                .put("greedy_tco_usd", b == null ? Double.NaN : b.evaluation().tcoUsd())
                .put("formulation", result.statistics().model())
                .put("grey_routes", dwdm == null ? 0 : dwdm.greyRoutes().size())
                .put("lightpaths", dwdm == null ? 0 : dwdm.lightpaths().size())
                .put("dwdm_fiber_pairs", dwdm == null ? 0 : dwdm.muxes().size() / 2)
                .put("amplifiers", dwdm == null ? 0 : amplifiers(dwdm))
                .put("links", instanceLinks)
                .put("cables", instanceCables)
                .put("min_rack_headroom_kw", e == null ? Double.NaN : e.racks().stream()
                        .mapToDouble(r -> r.powerBudgetKw() - r.totalKw()).min().orElse(Double.NaN))
                .put("variables", result.statistics().variables())
                .put("constraints", result.statistics().constraints())
                .put("groups", result.statistics().groups())
                .put("diagnostic", result.diagnostics().isEmpty() ? null : result.diagnostics().get(0))
                .put("read_seconds", readS)
                .put("build_seconds", result.statistics().buildS())
                .put("check_seconds", checkS)
                .put("write_seconds", writeS)
                .put("peak_rss_mb", peakRssMb())
                .put("output", output.toString());
    }
}
