package io.fabricplan.cli;

import io.fabricplan.check.CheckReport;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.check.Violation;
import io.fabricplan.excel.PlanWorkbookReader;
import io.fabricplan.model.Instance;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fabricplan check IN.xlsx PLAN.xlsx}: the independent checker on a plan workbook. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Recomputes every rule (rates, reach, CPO and LPO ends, ports, rack power, stated totals) of a "
                + "plan workbook, perhaps edited by hand, against its instance, and lists each violation.")
final class CheckCommand implements Callable<Integer> {
    /** Violations listed one per line; the rest are counted. */
    static final int MAX_SHOWN = 200;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN.xlsx", description = "instance workbook")
    Path input;

    @Parameters(index = "1", paramLabel = "PLAN.xlsx", description = "plan workbook written by solve")
    Path planWorkbook;

    @Mixin
    ReadLimitsOptions readLimits;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        io.fabricplan.excel.ReadLimits limits = readLimits.limits();
        Instance instance = InstanceInput.read(input, limits, err);
        if (instance == null) {
            return ExitCode.INVALID_INPUT;
        }
        PlanWorkbookReader.PlanReadResult read = PlanWorkbookReader.read(planWorkbook, limits);
        if (!read.problems().isEmpty()) {
            InstanceInput.printProblems(read.problems().size(), planWorkbook, read.problems(), err);
            return ExitCode.INVALID_INPUT;
        }
        if (read.plan().devices().isEmpty() && read.plan().links().isEmpty() && !instance.links().isEmpty()) {
            out.println(planWorkbook + " holds no plan (its Summary says why: the solve found none); nothing to "
                    + "check. Maybe solve again with a longer --time-limit, or see the diagnostics in its Summary.");
            return ExitCode.VIOLATIONS;
        }
        CheckReport report = new PlanChecker(instance).check(read.plan());
        if (!report.passed()) {
            out.println("check found " + report.violations().size() + " violation"
                    + (report.violations().size() == 1 ? "" : "s") + ":");
            int shown = 0;
            for (Violation v : report.violations()) {
                if (shown++ == MAX_SHOWN) {
                    out.println("  ... and " + (report.violations().size() - MAX_SHOWN) + " more");
                    break;
                }
                out.println("  " + v);
            }
            return ExitCode.VIOLATIONS;
        }
        out.printf(Locale.ROOT, "check passed: %d link rows, capex %.2f USD, power %.1f W, TCO %.2f USD%n",
                read.plan().links().size(), report.evaluation().capexUsd(), report.evaluation().powerW(),
                report.evaluation().tcoUsd());
        return ExitCode.OK;
    }
}
