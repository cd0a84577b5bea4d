package io.fabricplan.cli;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.Planner;
import io.fabricplan.excel.PlanWorkbookWriter;
import io.fabricplan.excel.StudyWorkbookWriter;
import io.fabricplan.model.Instance;
import io.fabricplan.model.SolverKind;
import io.fabricplan.studies.ParetoFront;
import io.fabricplan.studies.StudyJson;
import io.fabricplan.study.FrontPoint;
import io.fabricplan.study.FrontReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fabricplan pareto IN.xlsx -o FRONT.xlsx}: the exact front of two totals, every point's plan checked. */
@Command(name = "pareto", mixinStandardHelpOptions = true,
        description = "Solves the Pareto front of two totals of an instance (capex against network power by "
                + "default): every nondominated plan, supported or not, each proven by the lexicographic "
                + "epsilon-constraint method and passed by the independent checker. Writes a Front sheet with a "
                + "scatter chart; stopped by the time limit it writes the points found, a certified lower bound "
                + "for every region left open and the hypervolume gap.",
        footer = {"", "Exit codes: 0 front written (exact or not), 2 invalid input or flag, 3 infeasible, 4 no "
                + "point within the time limit, 1 internal error. Ctrl-C stops and writes the points found."})
final class ParetoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN.xlsx", description = "instance workbook")
    Path input;

    @Mixin
    ReadLimitsOptions readLimits;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FRONT.xlsx",
            description = "front workbook to write")
    Path output;

    @Option(names = "--x", paramLabel = "TOTAL", defaultValue = "capex",
            description = "the first axis, minimised in each step: capex, power or tco (default: ${DEFAULT-VALUE})")
    String x;

    @Option(names = "--y", paramLabel = "TOTAL", defaultValue = "power",
            description = "the second axis: power, capex or tco (default: ${DEFAULT-VALUE})")
    String y;

    @Option(names = "--time-limit", paramLabel = "S", converter = Flags.Seconds.class, defaultValue = "300",
            description = "time limit of the whole front in seconds (default: ${DEFAULT-VALUE})")
    double timeLimit;

    @Option(names = "--threads", paramLabel = "N", converter = Flags.Threads.class, defaultValue = "1",
            description = "solver threads of each solve, 0 = all cores (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--parallel", paramLabel = "N", converter = Flags.Count.class,
            description = "boxes of the front searched at once (default: the cores / --threads)")
    Integer parallel;

    @Option(names = "--seed", paramLabel = "N", converter = Flags.Seed.class, defaultValue = "0",
            description = "random seed")
    long seed;

    @Option(names = "--solver", paramLabel = "X", description = "AUTO, CP_SAT, SCIP, HIGHS or CHOCO")
    SolverKind solver;

    @Option(names = "--plans", paramLabel = "DIR", description = "also write every point's plan workbook into this "
            + "existing folder (point-01.xlsx, ... by increasing x)")
    Path plans;

    @Option(names = "--json", description = "print exactly one JSON object on stdout; all else goes to stderr")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        ParetoFront.Total xTotal = ParetoFront.Total.parse(x);
        ParetoFront.Total yTotal = ParetoFront.Total.parse(y);
        Outputs outputs = Outputs.check(err).workbook("-o", output, "front.xlsx", input);
        if (plans != null) {
            outputs.folder("--plans", plans);
        }
        boolean ok = outputs.ok();
        if (xTotal == null || yTotal == null || xTotal == yTotal) {
            err.println("fabricplan: --x " + x + " --y " + y + ": a front needs two different totals of capex, power "
                    + "and tco\n  Maybe --x capex --y power (the default).");
            ok = false;
        }
        if (!ok) {
            return ExitCode.INVALID_INPUT;
        }
        try (GracefulStop stop = GracefulStop.stopping(err, "stopping the front; the points found are written to "
                + output).writes(output)) {
            Instance instance = InstanceInput.read(input, readLimits.limits(), err);
            if (instance == null) {
                return ExitCode.INVALID_INPUT;
            }
            long start = System.nanoTime();
            int cores = Runtime.getRuntime().availableProcessors();
            int boxes = parallel != null ? parallel : threads == 0 ? 1 : Math.max(1, cores / threads);
            ParetoFront.Options options = new ParetoFront.Options(xTotal, yTotal, timeLimit, threads, seed,
                    solver != null ? solver : instance.settings().solver(), boxes);
            java.util.concurrent.atomic.AtomicInteger points = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicLong lastLine = new java.util.concurrent.atomic.AtomicLong();
            ParetoFront.Result result = new ParetoFront(Planner.create()).solve(instance, options,
                    (point, solve, solves) -> {
                        int n = points.incrementAndGet();
                        long now = System.nanoTime();
                        long last = lastLine.get();
                        // a line a second at most: a front may have thousands of points
                        if (now - last >= 1_000_000_000L && lastLine.compareAndSet(last, now)) {
                            err.printf(Locale.ROOT, "  %6.1fs  %d points, %d solves; last: %s %,.2f, %s %,.2f%n",
                                    (now - start) / 1e9, n, solves, xTotal.column(), point.x(), yTotal.column(),
                                    point.y());
                            err.flush();
                        }
                    }, stop.cancellation());
            FrontReport front = result.report();
            result.diagnostics().forEach(d -> err.println("  " + d));
            if (front.points().isEmpty()) {
                err.println(front.exact() ? "INFEASIBLE: the instance has no plan" : "NO_SOLUTION: no plan within "
                        + Flags.number(timeLimit) + " s\n  Maybe raise --time-limit.");
                return front.exact() ? ExitCode.INFEASIBLE : ExitCode.NO_PLAN;
            }
            StudyWorkbookWriter.writeFront(output, front, input.getFileName().toString());
            if (plans != null) {
                writePlans(instance, result.results());
            }
            summary(front, json ? err : out);
            if (json) {
                out.println(StudyJson.front(front));
            }
            return ExitCode.OK;
        }
    }

    private void writePlans(Instance instance, List<PlanResult> results) throws java.io.IOException {
        for (int i = 0; i < results.size(); i++) {
            PlanResult r = results.get(i);
            Instance solved = instance.withSettings(instance.settings().withObjective(r.objective()));
            PlanWorkbookWriter.write(null, solved, r, r.statistics().solver(),
                    plans.resolve(String.format(Locale.ROOT, "point-%02d.xlsx", i + 1)));
        }
    }

    private void summary(FrontReport front, PrintWriter to) {
        to.printf(Locale.ROOT, "%s front of %s against %s: %d points, %d solves, %.1f s%n",
                front.exact() ? "exact" : "partial", front.xTotal(), front.yTotal(), front.points().size(),
                front.solves(), front.seconds());
        for (FrontPoint p : front.points()) {
            to.printf(Locale.ROOT, "  capex %,14.2f USD  power %,12.1f W  TCO %,14.2f USD  %s%s  CPO: %s%n",
                    p.figures().capexUsd(), p.figures().powerW(), p.figures().tcoUsd(), p.status(),
                    p.knee() ? "  knee" : "", p.figures().describeCpo());
        }
        if (!front.exact()) {
            to.printf(Locale.ROOT, "  stopped before the front was complete: %d open regions, hypervolume gap %.3f %%%n",
                    front.openRegions().size(), 100 * front.hypervolumeGap());
        }
        to.println("  front written to " + output + (plans != null ? ", plans to " + plans : ""));
    }
}
