package io.fabricplan.cli;

import io.fabricplan.api.SolveStatus;
import io.fabricplan.check.CheckReport;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.check.StatedFigures;
import io.fabricplan.check.Violation;
import io.fabricplan.excel.PlanWorkbookReader;
import io.fabricplan.json.PlanJson;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Plan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fabricplan check IN.xlsx|IN.json PLAN.xlsx|PLAN.json}: the independent checker on a plan. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Recomputes every rule (rates, reach, CPO and LPO ends, ports, rack power, routes, channels, "
                + "OSNR) of a plan workbook or plan JSON, perhaps edited by hand, against its instance (a workbook "
                + "or JSON), and every figure the plan states (Summary, LinkPlan, DevicePlan, RackPower, BOM, DWDM "
                + "sheets, or their JSON fields), and lists each violation, figures by their cells or JSON pointers; "
                + "then notes what the rules allow but is worth a look (a twin-port module with a port idle), which "
                + "never fail the check.",
        footer = {"", "Exit codes: 0 passed, 1 internal error, 2 invalid input, 5 violations;",
                "3 the workbook records an infeasible instance, 4 it holds no plan (none found",
                "in the time limit)."})
final class CheckCommand implements Callable<Integer> {
    /** Violations (and notes) listed one per line; the rest are counted. */
    static final int MAX_SHOWN = 200;

    /** Violations of the figures a workbook states rather than of its decisions. */
    private static final Set<Violation.Kind> FIGURES = EnumSet.of(Violation.Kind.REPORTED_TOTAL_MISMATCH,
            Violation.Kind.STATED_FIGURE_MISMATCH, Violation.Kind.STATED_ROW_MISSING,
            Violation.Kind.STATED_ROW_EXTRA);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN.xlsx", description = "instance workbook, or instance JSON (.json)")
    Path input;

    @Parameters(index = "1", paramLabel = "PLAN.xlsx", description = "plan workbook written by solve, or plan JSON "
            + "(.json)")
    Path planWorkbook;

    @Mixin
    ReadLimitsOptions readLimits;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        ReadLimitsOptions.InputLimits limits = readLimits.inputLimits();
        Instance instance = InstanceInput.read(input, limits, err);
        if (instance == null) {
            return ExitCode.INVALID_INPUT;
        }
        boolean json = InstanceInput.isJson(planWorkbook);
        Plan plan;
        StatedFigures stated;
        if (json) {
            PlanJson.ReadResult read = PlanJson.read(planWorkbook, limits.json());
            if (read.problemCount() > 0) {
                InstanceInput.printProblems(read.problemCount(), planWorkbook, read.problems(),
                        limits.json().problems(), err);
                return ExitCode.INVALID_INPUT;
            }
            plan = read.plan();
            stated = read.stated();
        } else {
            PlanWorkbookReader.PlanReadResult read = PlanWorkbookReader.read(planWorkbook, limits.workbook());
            if (!read.problems().isEmpty()) {
                InstanceInput.printProblems(read.problems().size(), planWorkbook, read.problems(), err);
                return ExitCode.INVALID_INPUT;
            }
            plan = read.plan();
            stated = read.stated();
        }
        Integer noPlan = noPlan(plan, stated, json ? "status" : "Summary status", out);
        if (noPlan != null) {
            return noPlan;
        }
        CheckReport report = new PlanChecker(instance).check(plan, stated);
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
            long figures = report.violations().stream().filter(v -> FIGURES.contains(v.kind())).count();
            if (figures > 0) {
                out.println(figures + " of them " + (figures == 1 ? "is a figure" : "are figures")
                        + (json ? " the plan JSON states" : " the workbook states") + " that its decisions do not "
                        + "give.");
                out.println("  Maybe they were not updated after a decision was edited: correct the "
                        + (json ? "fields" : "cells") + " named to the figures given.");
            }
            notes(report, out);
            return ExitCode.VIOLATIONS;
        }
        out.printf(Locale.ROOT, "check passed: %d link rows, capex %.2f USD, power %.1f W, TCO %.2f USD%n",
                plan.links().size(), report.evaluation().capexUsd(), report.evaluation().powerW(),
                report.evaluation().tcoUsd());
        notes(report, out);
        return ExitCode.OK;
    }

    /**
     * The checker's notes, one a line: what the rules allow but is worth a look (a twin-port module serving one
     * link, bought and powered whole with a port idle). They never make the check fail.
     */
    private static void notes(CheckReport report, PrintWriter out) {
        List<String> notes = report.notes();
        for (int i = 0; i < notes.size(); i++) {
            if (i == MAX_SHOWN) {
                out.println("note: ... and " + (notes.size() - MAX_SHOWN) + " more");
                break;
            }
            out.println("note: " + notes.get(i));
        }
    }

    /**
     * A plan whose status records a solve without a plan, and that holds none, has nothing to check: says why,
     * from its status and diagnostics, and gives the exit code of that status. Null otherwise, also when the
     * status says there is no plan and rows say otherwise (the checker names the status cell).
     *
     * @param statusName where the status stands, as the messages name it ({@code Summary status})
     */
    private Integer noPlan(Plan plan, StatedFigures stated, String statusName, PrintWriter out) {
        if (!plan.links().isEmpty() || !plan.devices().isEmpty()) {
            return null;
        }
        SolveStatus status = null;
        for (StatedFigures.SummaryRow r : stated.summary().rows()) {
            for (SolveStatus s : SolveStatus.values()) {
                if (r.key().equals("status") && s.name().equalsIgnoreCase(r.text())) {
                    status = s;
                }
            }
        }
        if (status == null || status.hasPlan()) {
            return null;
        }
        List<String> why = stated.summary().rows().stream().filter(r -> r.key().equals("diagnostic"))
                .map(StatedFigures.SummaryRow::text).filter(t -> t != null).toList();
        switch (status) {
            case INFEASIBLE -> {
                out.println(planWorkbook + " records an infeasible instance (" + statusName + " INFEASIBLE): the solve "
                        + "proved that no plan meets every rule, so there is no plan to check.");
                diagnostics(why, statusName.startsWith("Summary") ? "its Summary" : "its diagnostics", out);
                out.println("  Maybe change what it names in " + input + " (or the flags the solve was given) and "
                        + "solve again; a longer --time-limit will not help.");
                return ExitCode.INFEASIBLE;
            }
            case INVALID -> {
                out.println(planWorkbook + " records a solve of invalid input (" + statusName + " INVALID): there is "
                        + "no plan to check.");
                diagnostics(why, statusName.startsWith("Summary") ? "its Summary" : "its diagnostics", out);
                out.println("  Maybe run `fabricplan validate " + input + "`, fix what it names and solve again.");
                return ExitCode.INVALID_INPUT;
            }
            default -> {
                out.println(planWorkbook + " holds no plan (" + statusName + " " + status + "): the solve found none "
                        + "within its time limit, and did not prove that none exists; nothing to check.");
                diagnostics(why, statusName.startsWith("Summary") ? "its Summary" : "its diagnostics", out);
                out.println("  Maybe solve again with a longer --time-limit.");
                return ExitCode.NO_PLAN;
            }
        }
    }

    private static void diagnostics(List<String> why, String from, PrintWriter out) {
        if (why.isEmpty()) {
            out.println(from.endsWith("Summary") ? "Its Summary gives no diagnostics." : "It gives no diagnostics.");
            return;
        }
        out.println("Why, from " + from + ":");
        why.forEach(d -> out.println("  " + d));
    }
}
