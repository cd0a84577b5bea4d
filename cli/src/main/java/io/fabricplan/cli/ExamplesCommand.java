package io.fabricplan.cli;

import io.fabricplan.instances.ExampleWorkbooks;
import io.fabricplan.instances.Examples;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fabricplan examples DIR}: rebuilds the example workbooks from their builders. */
@Command(name = "examples", mixinStandardHelpOptions = true,
        description = "Writes the example instance workbooks (tiny, superpod-4su, cpo-tight-rack, infeasible-rack) "
                + "into DIR, rebuilt from the code in instances/.")
final class ExamplesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", defaultValue = "instances/examples",
            description = "folder to write into (default: ${DEFAULT-VALUE})")
    Path folder;

    @Override
    public Integer call() throws IOException {
        ExampleWorkbooks.writeAll(folder);
        Examples.all().forEach(e -> spec.commandLine().getOut().println("wrote " + folder.resolve(e.name() + ".xlsx")));
        return ExitCode.OK;
    }
}
