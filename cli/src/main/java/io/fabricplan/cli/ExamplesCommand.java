package io.fabricplan.cli;

import io.fabricplan.instances.ExampleWorkbooks;
import io.fabricplan.instances.Examples;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/** {@code fabricplan examples DIR}: rebuilds the example workbooks from their builders. */
@Command(name = "examples", mixinStandardHelpOptions = true,
        description = "Writes the example instance workbooks into DIR, rebuilt from their builders in instances/.")
final class ExamplesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", defaultValue = "instances/examples",
            description = "existing folder to write into (default: ${DEFAULT-VALUE}, from the fabricplan folder)")
    Path folder;

    @Override
    public Integer call() throws IOException {
        if (!Outputs.check(spec.commandLine().getErr()).folder("", folder).ok()) {
            return ExitCode.INVALID_INPUT;
        }
        ExampleWorkbooks.writeAll(folder);
        Examples.all().forEach(e -> spec.commandLine().getOut().println("wrote " + folder.resolve(e.name() + ".xlsx")));
        return ExitCode.OK;
    }

    /**
     * Names every example in {@code examples --help}, from {@link Examples#all()}; built only when the help is
     * shown, as building the examples takes a moment.
     */
    static void describeExamples(CommandLine examples) {
        examples.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_DESCRIPTION, help -> {
            java.util.List<String> names = Examples.all().stream().map(e -> e.name() + ".xlsx").toList();
            help.commandSpec().usageMessage().description("Writes the " + names.size() + " example instance "
                    + "workbooks, " + String.join(", ", names.subList(0, names.size() - 1)) + " and "
                    + names.get(names.size() - 1) + ", into DIR, rebuilt from their builders in instances/ "
                    + "(an existing file of the same name is replaced).");
            return help.description();
        });
    }
}
