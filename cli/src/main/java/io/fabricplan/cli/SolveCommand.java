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
import io.fabricplan.excel.InputWorkbookException;
import io.fabricplan.excel.PlanWorkbookWriter;
import io.fabricplan.json.PlanJson;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Objective;
import io.fabricplan.model.DwdmPlan;
import io.fabricplan.model.PlanEvaluation;
import io.fabricplan.model.SolverKind;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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

/**
 * {@code fabricplan solve IN.xlsx|IN.json -o OUT.xlsx|OUT.json}: the optimal plan, checked, written back to Excel
 * or as plan JSON.
 */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Solves an instance (a workbook, or JSON) and writes the plan workbook: the input sheets "
                + "unchanged plus Summary, LinkPlan, DevicePlan, RackPower and BOM; or, to a .json output, the plan "
                + "JSON. Flags override the Settings sheet (or settings).",
        footer = {"", "Exit codes: 0 plan written, 2 invalid input or flag, 3 infeasible, 4 no plan within the time "
                + "limit, 1 internal error.",
                "Ctrl-C stops the search and still writes the best plan found, with the exit code it then has (0 "
                        + "with a plan, 4 without); a second Ctrl-C aborts at once without writing (exit 130). "
                        + "CP-SAT (AUTO) and SCIP on one thread stop at once; HiGHS and SCIP on more threads cannot "
                        + "be interrupted through OR-Tools and run to the time limit."})
final class SolveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN.xlsx", description = "instance workbook, or instance JSON (.json)")
    Path input;

    @Mixin
    ReadLimitsOptions readLimits;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.xlsx",
            description = "plan workbook to write, or plan JSON when the name ends in .json")
    Path output;

    @Option(names = "--objective", paramLabel = "X", description = "COST, POWER, TCO or WEIGHTED")
    Objective objective;

    @Option(names = "--time-limit", paramLabel = "S", converter = Flags.Seconds.class,
            description = "time limit in seconds, more than 0 (default: time_limit_s of the Settings sheet)")
    Double timeLimit;

    @Option(names = "--gap", paramLabel = "G", converter = Flags.Gap.class, description = "relative gap at which to "
            + "stop: a fraction below 1 such as 0.001, or a percentage such as 0.1%%; 0 proves optimality")
    Double gap;

    @Option(names = "--solver", paramLabel = "X", description = "AUTO, CP_SAT, SCIP, HIGHS or CHOCO (pure Java)")
    SolverKind solver;

    @Option(names = "--threads", paramLabel = "N", converter = Flags.Threads.class,
            description = "solver threads, 0 = all cores")
    Integer threads;

    @Option(names = "--seed", paramLabel = "N", converter = Flags.Seed.class, description = "random seed")
    Long seed;

    @Option(names = "--export-model", paramLabel = "FILE.lp", description = "also write the model in LP format "
            + "(into an existing folder, before solving)")
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
    /** Whether Ctrl-C (or SIGTERM) stopped the search. */
    private boolean interrupted;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (!Outputs.check(err).workbookOrJson("-o", output, "plan.xlsx", input)
                .file("--export-model", exportModel, "model.lp", input, output).ok()) {
            return ExitCode.INVALID_INPUT;
        }
        Thread warmUp = warmUpSolver();
        try (GracefulStop stop = GracefulStop.stopping(err, "stopping the search; the best plan found is written "
                + "to " + output).writes(output).writes(exportModel)) {
            try {
                return solve(stop, out, err);
            } finally {
                // never let the JVM end (here or in a held shutdown) while native code starts up on another thread
                if (warmUp != null) {
                    warmUp.join();
                }
            }
        }
    }

    /**
     * Starts the solver's one-time start-up (native libraries, first-solve initialisation: about 2 s) on a thread
     * of its own while the workbook is read, so that a short --time-limit goes to the search. Null when the input
     * is not a file (the command ends at once).
     */
    private Thread warmUpSolver() {
        if (!Files.isRegularFile(input)) {
            return null;
        }
        Thread t = new Thread(() -> {
            try {
                io.fabricplan.formulations.MipBackends.warmUp();
            } catch (RuntimeException | LinkageError e) {
                // the solve itself reports any problem with the solver
            }
        }, "fabricplan-solver-warm-up");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private int solve(GracefulStop stop, PrintWriter out, PrintWriter err) throws Exception {
        long phase = System.nanoTime();
        Instance read = InstanceInput.read(input, readLimits.inputLimits(), err);
        readS = secondsSince(phase);
        if (read == null) {
            return ExitCode.INVALID_INPUT;
        }
        instanceLinks = read.links().size();
        instanceCables = read.links().stream().mapToLong(io.fabricplan.model.Link::count).sum();
        SolveOptions options = options(SolveOptions.from(read.settings()));
        Instance instance = read.withSettings(read.settings().withObjective(options.objective()));
        if (!interruptible(options)) {
            stop.describeStop("the " + options.solver() + " search cannot be interrupted through OR-Tools and "
                    + "runs to its time limit (" + seconds(options.timeLimitSeconds()) + "); the plan is then "
                    + "written to " + output);
        }

        PlanResult result = solveWithProgress(instance, options, stop.cancellation(), err);
        interrupted = stop.stopRequested();
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
        try {
            if (InstanceInput.isJson(output)) {
                PlanJson.write(instance, result, result.statistics().solver(), output);
            } else {
                // a JSON instance has no sheets to copy: the plan workbook gets them written from the instance
                PlanWorkbookWriter.write(InstanceInput.isJson(input) ? null : input, instance, result,
                        result.statistics().solver(), output);
            }
        } catch (InputWorkbookException e) {
            // The input holds what no plan workbook may carry (a cell past Excel's limits, an unsafe sheet).
            InstanceInput.printProblems(e.problems().size(), input, e.problems(), err);
            err.println("  no plan written");
            return ExitCode.INVALID_INPUT;
        }
        writeS = secondsSince(phase);
        report(result, options, json ? err : out);
        if (json) {
            out.println(json(result, options));
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
     * Solves with a progress line on stderr every second once the solve lasts longer than one. Ctrl-C raises the
     * cancellation (see {@link GracefulStop}): the solver stops its search and returns the best plan found.
     */
    private PlanResult solveWithProgress(Instance instance, SolveOptions options, Cancellation cancellation,
                                         PrintWriter err) {
        AtomicReference<Progress> latest = new AtomicReference<>();
        long start = System.nanoTime();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fabricplan-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> err.println(progressLine(latest.get(), start)), 1, 1, TimeUnit.SECONDS);
        try {
            return Planner.create().solve(instance, options, latest::set, cancellation);
        } finally {
            ticker.shutdownNow();
        }
    }

    /**
     * Whether Ctrl-C can stop the search before its time limit: CP-SAT (AUTO) always, SCIP on one thread. OR-Tools
     * 9.15 does not pass MPSolver's interrupt on to HiGHS, nor to SCIP's concurrent mode (more than one thread).
     */
    static boolean interruptible(SolveOptions options) {
        int threads = options.threads() > 0 ? options.threads() : Runtime.getRuntime().availableProcessors();
        return switch (options.solver()) {
            case HIGHS -> false;
            case SCIP -> threads == 1;
            default -> true;
        };
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

    private void report(PlanResult result, SolveOptions options, PrintWriter to) {
        to.printf(Locale.ROOT, "%s  %s%n", result.status(), result.objective());
        result.diagnostics().forEach(d -> to.println("  " + d));
        if (result.status() == SolveStatus.NO_SOLUTION) {
            to.println(interrupted ? "  Maybe let the search run longer: it was stopped before it found a plan."
                    : "  Maybe raise --time-limit (or time_limit_s in Settings), or loosen the rack budgets.");
        }
        PlanEvaluation e = result.evaluation();
        if (e != null) {
            to.printf(Locale.ROOT, "  objective %,.2f  bound %,.2f  gap %.4f%%%s%n", result.objectiveValue(),
                    result.bestBound(), 100 * result.relativeGap(), gapWords(result, options));
            to.printf(Locale.ROOT, "  capex %,.2f USD  power %,.1f W  TCO %,.2f USD%n", e.capexUsd(), e.powerW(),
                    e.tcoUsd());
            to.println("  bill of materials:");
            for (PlanEvaluation.BomRow row : e.bom()) {
                to.printf(Locale.ROOT, "    %,12.1f x %-24s %-12s %,14.2f USD%s%n", row.quantity(), row.itemId(),
                        row.kind(), row.totalCostUsd(), row.reused() == 0 ? ""
                                : String.format(Locale.ROOT, "  (%,.0f reused, %,.0f bought)", row.reused(),
                                row.bought()));
            }
            DwdmPlan d = result.plan().dwdm();
            if (!d.isEmpty()) {
                to.println("  " + betweenSites(d));
            }
        }
        Baseline b = result.baseline();
        if (b != null) {
            to.printf(Locale.ROOT, "  rule of thumb (cheapest option per link, all pluggable): objective %,.2f, "
                    + "capex %,.2f USD, power %,.1f W%s%n", b.evaluation().objectiveValue(), b.evaluation().capexUsd(),
                    b.evaluation().powerW(), b.feasible() ? "" : ", breaks " + String.format(Locale.ROOT, "%,d",
                            b.violations().size()) + " rule(s): " + b.violations().get(0));
            if (e != null && b.evaluation().objectiveValue() > 0) {
                to.println("  " + comparison(result.objective(), e.objectiveValue(), b.evaluation().objectiveValue(),
                        b.feasible()));
            }
        }
        Baseline r = result.repaired();
        if (r != null && b != null && !b.feasible()) {
            to.printf(Locale.ROOT, "  rule of thumb repaired to meet the racks (CPO, lower-power optics, switches "
                    + "moved): objective %,.2f, capex %,.2f USD, power %,.1f W%s%n", r.evaluation().objectiveValue(),
                    r.evaluation().capexUsd(), r.evaluation().powerW(), r.feasible() ? ""
                            : ", still breaks " + String.format(Locale.ROOT, "%,d", r.violations().size())
                            + " rule(s): " + r.violations().get(0));
        }
        to.printf(Locale.ROOT, "  phases: read %.2fs, build %.2fs, solve %.2fs, check %.2fs, write %.2fs; "
                + "peak RSS %.0f MB%n", readS, result.statistics().buildS(),
                result.statistics().totalS() - result.statistics().buildS(), checkS, writeS, peakRssMb());
        to.println("  wrote " + output);
    }

    /**
     * Says what the status means for the gap: OPTIMAL with a gap is optimal within the gap asked, FEASIBLE is
     * the best plan when the time limit or Ctrl-C stopped the search.
     */
    private String gapWords(PlanResult result, SolveOptions options) {
        double gap = result.relativeGap();
        if (result.status() == SolveStatus.OPTIMAL) {
            return gap > 1e-9 && options.relativeGap() > 0 ? ", optimal within the "
                    + Flags.percent(options.relativeGap()) + " % gap asked" : ", proven optimal";
        }
        if (result.status() == SolveStatus.FEASIBLE) {
            return interrupted ? ", the best plan found when the search was stopped (Ctrl-C)"
                    : ", the best plan found within the time limit of " + seconds(options.timeLimitSeconds());
        }
        return "";
    }

    private static String seconds(double s) {
        return Flags.number(s) + " s";
    }

    /**
     * The plan against the rule of thumb, in words that read the same whichever is larger:
     * {@code the plan's TCO is 6.82 % below the rule of thumb's}.
     */
    static String comparison(Objective objective, double plan, double ruleOfThumb, boolean ruleOfThumbValid) {
        double change = 100 * (plan / ruleOfThumb - 1);
        String what = switch (objective) {
            case COST -> "capex";
            case POWER -> "power";
            case TCO -> "TCO";
            case WEIGHTED -> "weighted cost";
        };
        String by = String.format(Locale.ROOT, "%.2f %% %s", Math.abs(change), change <= 0 ? "below" : "above");
        if (Math.abs(change) < 0.005) {
            return ruleOfThumbValid ? "the plan's " + what + " equals the rule of thumb's"
                    : "the rule of thumb is not a valid plan; the plan meets every rule at the same " + what;
        }
        return ruleOfThumbValid ? "the plan's " + what + " is " + by + " the rule of thumb's"
                : "the rule of thumb is not a valid plan; the plan meets every rule with a " + what + " " + by
                + " the rule of thumb's";
    }

    /** The DWDM part in one line, counts with thousands separators. */
    static String betweenSites(DwdmPlan d) {
        return String.format(Locale.ROOT, "between sites: %,d grey cable(s) on dedicated fiber pairs, %,d DWDM "
                        + "lightpath(s) on %,d fiber pair(s), %,d amplifier(s)", d.greyRoutes().size(),
                d.lightpaths().size(), d.muxes().size() / 2, amplifiers(d));
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

    private Json json(PlanResult result, SolveOptions options) {
        PlanEvaluation e = result.evaluation();
        DwdmPlan dwdm = result.plan() == null ? null : result.plan().dwdm();
        Baseline b = result.baseline();
        Baseline repaired = result.repaired();
        return new Json()
                .put("status", result.status().name())
                .put("objective", result.objective().name())
                .put("objective_value", result.objectiveValue())
                .put("best_bound", result.bestBound())
                .put("relative_gap", result.relativeGap())
                .put("relative_gap_limit", options.relativeGap())
                .put("time_limit_seconds", options.timeLimitSeconds())
                .put("interrupted", interrupted)
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
                .put("repaired_objective_value", repaired == null ? Double.NaN : repaired.evaluation().objectiveValue())
                .put("repaired_feasible", repaired != null && repaired.feasible())
                .put("repaired_capex_usd", repaired == null ? Double.NaN : repaired.evaluation().capexUsd())
                .put("repaired_power_w", repaired == null ? Double.NaN : repaired.evaluation().powerW())
                .put("bound_from", result.statistics().boundSource())
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
