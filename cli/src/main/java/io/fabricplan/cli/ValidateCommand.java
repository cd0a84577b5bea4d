package io.fabricplan.cli;

import io.fabricplan.model.Instance;
import io.fabricplan.model.Link;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fabricplan validate IN.xlsx|IN.json}: every problem of an instance at once. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks an instance (a workbook, or JSON) and lists every problem at once, by sheet and cell "
                + "or by JSON pointer.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN.xlsx", description = "instance workbook, or instance JSON (.json)")
    Path input;

    @Mixin
    ReadLimitsOptions readLimits;

    @Override
    public Integer call() {
        Instance instance = InstanceInput.read(input, readLimits.inputLimits(), spec.commandLine().getErr());
        if (instance == null) {
            return ExitCode.INVALID_INPUT;
        }
        long cables = instance.links().stream().mapToLong(Link::count).sum();
        String dwdm = instance.hasSpans() ? String.format(Locale.ROOT, "; %,d sites, %,d spans, %,d WDM items",
                instance.sites().size(), instance.spans().size(), instance.wdmEquipment().size()) : "";
        spec.commandLine().getOut().printf(Locale.ROOT, "%s is valid: %,d racks, %,d devices, %,d links "
                        + "(%,d cables), %,d optics, %,d switch models%s%n", input, instance.racks().size(),
                instance.devices().size(), instance.links().size(), cables, instance.optics().size(),
                instance.switchModels().size(), dwdm);
        return ExitCode.OK;
    }
}
