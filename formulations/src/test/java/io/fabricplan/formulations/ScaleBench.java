package io.fabricplan.formulations;

import io.fabricplan.api.FormulationKind;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.check.CheckReport;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Objective;
import io.fabricplan.model.SolverKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Local timing of synthetic rail-optimised fabrics (not a test):
 * {@code java -cp ... io.fabricplan.formulations.ScaleBench GPUS TIERS GAP LIMIT_S [KIND [SOLVER [LEAF_HEADROOM_KW]]]}.
 */
final class ScaleBench {
    private ScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        int gpus = Integer.parseInt(args[0]);
        int tiers = Integer.parseInt(args[1]);
        double gap = Double.parseDouble(args[2]);
        double limit = Double.parseDouble(args[3]);
        FormulationKind kind = args.length > 4 ? FormulationKind.valueOf(args[4]) : FormulationKind.AGGREGATED;
        SolverKind solver = args.length > 5 ? SolverKind.valueOf(args[5]) : SolverKind.CP_SAT;
        long t0 = System.nanoTime();
        Instance instance = SyntheticFabrics.railOptimised(gpus, tiers,
                args.length > 6 ? Double.parseDouble(args[6]) : 28, Objective.TCO);
        System.out.printf(Locale.ROOT, "instance: %d devices, %d Links rows, %d cables, generated in %.2fs%n",
                instance.devices().size(), instance.links().size(), SyntheticFabrics.cables(instance),
                (System.nanoTime() - t0) / 1e9);
        if (kind == FormulationKind.AGGREGATED) {
            long t1 = System.nanoTime();
            AggregatedFabricFormulation f = AggregatedFabricFormulation.build(instance);
            System.out.printf(Locale.ROOT, "aggregated build alone: %.2fs, %d classes, %d groups, %d variables, %d rows%n",
                    (System.nanoTime() - t1) / 1e9, f.numClasses(), f.numGroups(), f.model().numVariables(),
                    f.model().numRows());
        }
        SolveOptions options = new SolveOptions(Objective.TCO, limit, gap, 2, 1, solver, null);
        long t2 = System.nanoTime();
        PlanResult r = new OrToolsPlanner(kind).solve(instance, options);
        System.out.printf(Locale.ROOT, "planner.solve wall %.2fs%n", (System.nanoTime() - t2) / 1e9);
        System.out.println(r.statistics().line());
        System.out.println("diagnostics: " + r.diagnostics().stream().limit(3).toList());
        if (r.baseline() != null) {
            System.out.printf(Locale.ROOT, "baseline feasible %s objective %.2f%n", r.baseline().feasible(),
                    r.baseline().evaluation().objectiveValue());
        }
        if (r.plan() != null) {
            long t3 = System.nanoTime();
            CheckReport report = new PlanChecker(instance).check(r.plan());
            System.out.printf(Locale.ROOT, "checker: passed %s (%d violations) in %.2fs%n", report.passed(),
                    report.violations().size(), (System.nanoTime() - t3) / 1e9);
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM")) {
                System.out.println("peak RSS " + line);
            }
        }
    }
}
