package io.fabricplan.instances;

import io.fabricplan.excel.InstanceWorkbookWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rebuilds the example workbooks of {@code instances/examples/} from {@link Examples}:
 * {@code ./mvnw -q -pl instances -am package -DskipTests && java -cp ... io.fabricplan.instances.ExampleWorkbooks
 * instances/examples}, or simply run the {@code ExampleWorkbooksTest} which keeps them in step.
 */
public final class ExampleWorkbooks {
    private ExampleWorkbooks() {
    }

    /** Writes every example as {@code NAME.xlsx} into the folder. */
    public static void writeAll(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Examples.Named example : Examples.all()) {
            InstanceWorkbookWriter.write(example.instance(), folder.resolve(example.name() + ".xlsx"));
        }
    }

    public static void main(String[] args) throws IOException {
        writeAll(Path.of(args.length > 0 ? args[0] : "instances/examples"));
    }
}
