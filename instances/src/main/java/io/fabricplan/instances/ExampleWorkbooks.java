package io.fabricplan.instances;

import io.fabricplan.excel.InstanceWorkbookWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rebuilds the example workbooks of {@code instances/examples/} from {@link Examples}: {@code ./fabricplan
 * examples}. {@code ExamplesTest} keeps the committed files equal to what this writes, byte for byte.
 */
public final class ExampleWorkbooks {
    private ExampleWorkbooks() {
    }

    /**
     * Writes every example as {@code NAME.xlsx} into the folder, reproducibly: rewriting the committed examples
     * with unchanged builders leaves them byte for byte the same.
     */
    public static void writeAll(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Examples.Named example : Examples.all()) {
            write(example, folder);
        }
    }

    /** Writes one example as {@code NAME.xlsx} into an existing folder, reproducibly; returns the file. */
    public static Path write(Examples.Named example, Path folder) throws IOException {
        Path file = folder.resolve(example.name() + ".xlsx");
        if (example.isStudy()) {
            InstanceWorkbookWriter.writeReproducible(example.instance(), example.scenarios(), file);
        } else {
            InstanceWorkbookWriter.writeReproducible(example.instance(), file);
        }
        return file;
    }

    public static void main(String[] args) throws IOException {
        writeAll(Path.of(args.length > 0 ? args[0] : "instances/examples"));
    }
}
