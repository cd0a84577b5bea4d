package io.fabricplan.cli;

import io.fabricplan.excel.InputWorkbookException;
import io.fabricplan.excel.InstanceWorkbookWriter;
import io.fabricplan.excel.PlanWorkbookReader;
import io.fabricplan.excel.StudyWorkbookReader;
import io.fabricplan.json.InstanceJson;
import io.fabricplan.json.PlanJson;
import io.fabricplan.model.Instance;
import java.io.IOException;
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

/**
 * {@code fabricplan convert IN.xlsx OUT.json} and {@code convert IN.json OUT.xlsx}: the instance from one format to
 * the other, record for record; {@code --plan PLAN.json} also writes the plan of a plan workbook as plan JSON, every
 * figure as it stands.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Converts an instance workbook to instance JSON, or instance JSON to an instance workbook, "
                + "by the names' extensions: the same records, fields and values, so that converting back gives "
                + "the same instance. The input is read and validated as validate does; nothing is written when it "
                + "has problems.",
        footer = {"", "Exit codes: 0 written, 2 invalid input or flag, 1 internal error, 130 Ctrl-C (nothing written)."})
final class ConvertCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "instance workbook (.xlsx) or instance JSON (.json)")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT", description = "what to write: instance JSON (.json) from a "
            + "workbook, or an instance workbook (.xlsx) from JSON; in an existing folder, replaced if it exists")
    Path output;

    @Option(names = "--plan", paramLabel = "PLAN.json", description = "IN is a plan workbook (written by solve): "
            + "also write its plan as plan JSON, every figure as the workbook states it")
    Path plan;

    @Mixin
    ReadLimitsOptions readLimits;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        boolean fromJson = InstanceInput.isJson(input);
        boolean toJson = InstanceInput.isJson(output);
        String inName = input.getFileName() == null ? "" : input.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!fromJson && !inName.endsWith(".xlsx")) {
            err.println("fabricplan: cannot convert " + input + ": an instance is read from an Excel .xlsx workbook "
                    + "or from .json, by its name\n  Maybe save it as .xlsx, or name the JSON file .json.");
            return ExitCode.INVALID_INPUT;
        }
        String outName = output.getFileName() == null ? "" : output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!toJson && !outName.endsWith(".xlsx")) {
            err.println("fabricplan: cannot write " + output + ": an instance is written as .json or as an Excel "
                    + ".xlsx workbook, by its name\n  Maybe write " + stem(output) + (fromJson ? ".xlsx." : ".json."));
            return ExitCode.INVALID_INPUT;
        }
        if (fromJson == toJson) {
            String other = stem(output) + (fromJson ? ".xlsx" : ".json");
            err.println("fabricplan: nothing to convert: " + input + " and " + output + " are both "
                    + (fromJson ? "JSON" : "workbooks") + "\n  Maybe write " + other + ".");
            return ExitCode.INVALID_INPUT;
        }
        Outputs outputs = Outputs.check(err);
        outputs = outputs.file("", output, toJson ? "instance.json" : "instance.xlsx", input);
        if (plan != null) {
            if (fromJson) {
                err.println("fabricplan: --plan " + plan + ": a plan is converted from a plan workbook, and "
                        + input + " is JSON\n  Maybe convert the plan workbook written by solve, or solve "
                        + input + " -o " + plan + ".");
                return ExitCode.INVALID_INPUT;
            }
            if (!InstanceInput.isJson(plan)) {
                err.println("fabricplan: cannot write --plan " + plan + ": the plan is written as JSON\n  Maybe "
                        + "name it " + stem(plan) + ".json.");
                return ExitCode.INVALID_INPUT;
            }
            outputs = outputs.file("--plan", plan, "plan.json", input, output);
        }
        if (!outputs.ok()) {
            return ExitCode.INVALID_INPUT;
        }
        // nothing is worth keeping half-way: Ctrl-C aborts, and each file is written whole or not at all
        try (GracefulStop stop = GracefulStop.aborting(err).writes(output).writes(plan)) {
            return convert(out, err, toJson);
        }
    }

    private int convert(PrintWriter out, PrintWriter err, boolean toJson) throws IOException {
        ReadLimitsOptions.InputLimits limits = readLimits.inputLimits();
        Instance instance = InstanceInput.read(input, limits, err);
        if (instance == null) {
            return ExitCode.INVALID_INPUT;
        }
        PlanWorkbookReader.PlanReadResult planRead = null;
        if (plan != null) {
            planRead = PlanWorkbookReader.read(input, limits.workbook());
            if (!planRead.problems().isEmpty()) {
                InstanceInput.printProblems(planRead.problems().size(), input, planRead.problems(), err);
                err.println("  Maybe --plan takes a plan workbook written by fabricplan solve; nothing is written.");
                return ExitCode.INVALID_INPUT;
            }
        }
        if (toJson) {
            scenariosLeftOut(limits, err);
            InstanceJson.write(instance, output);
        } else {
            InstanceWorkbookWriter.write(instance, output);
        }
        out.printf(Locale.ROOT, "wrote %s: %,d racks, %,d devices, %,d links, %,d optics, %,d switch models%n", output,
                instance.racks().size(), instance.devices().size(), instance.links().size(), instance.optics().size(),
                instance.switchModels().size());
        if (planRead != null) {
            List<String> left = PlanJson.write(planRead.plan(), planRead.stated(), plan);
            left.forEach(key -> err.println("warning: Summary key \"" + key + "\" has no field in the plan JSON; it "
                    + "is left out"));
            out.printf(Locale.ROOT, "wrote %s: %,d link rows, %,d device rows%n", plan,
                    planRead.plan().links().size(), planRead.plan().devices().size());
        }
        return ExitCode.OK;
    }

    /** A study workbook's Scenarios are not part of the instance: says so. */
    private void scenariosLeftOut(ReadLimitsOptions.InputLimits limits, PrintWriter err) {
        String scenarios;
        try {
            StudyWorkbookReader.ScenarioSheet sheet = StudyWorkbookReader.readScenarios(input, limits.workbook());
            if (!sheet.present()) {
                return;
            }
            scenarios = String.format(Locale.ROOT, "%,d scenarios", sheet.scenarios().size());
        } catch (InputWorkbookException e) {
            scenarios = "scenarios with problems";
        }
        err.println("warning: the Scenarios sheet (" + scenarios + ") is not part of the instance and is not "
                + "written to " + output + "; study the workbook itself with fabricplan study");
    }

    private static String stem(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return name.replaceFirst("\\.[^.]*$", "");
    }
}
