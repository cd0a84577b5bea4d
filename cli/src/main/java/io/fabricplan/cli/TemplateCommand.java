package io.fabricplan.cli;

import io.fabricplan.excel.InstanceWorkbookWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fabricplan template OUT.xlsx}: an instance workbook to fill in. */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = "Writes an instance workbook with every sheet and column, dropdowns for the enum columns, "
                + "the default catalog and switch models (with sources) and one tiny example.")
final class TemplateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT.xlsx", description = "workbook to write, in an existing folder")
    Path output;

    @Option(names = "--force", description = "overwrite OUT.xlsx if it exists")
    boolean force;

    @Override
    public Integer call() throws IOException {
        if (!Outputs.check(spec.commandLine().getErr()).workbook("", output, "new.xlsx").ok()) {
            return ExitCode.INVALID_INPUT;
        }
        if (Files.exists(output) && !force) {
            spec.commandLine().getErr().println("fabricplan: " + output + " exists already\n"
                    + "  Maybe choose another name, or add --force to overwrite it.");
            return ExitCode.INVALID_INPUT;
        }
        InstanceWorkbookWriter.writeTemplate(output);
        spec.commandLine().getOut().println("wrote " + output);
        return ExitCode.OK;
    }
}
