package io.fabricplan.cli;

import io.fabricplan.excel.InstanceWorkbookReader;
import io.fabricplan.model.Instance;
import io.fabricplan.validate.InputProblem;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Reads an instance workbook and reports its warnings and problems on stderr. */
final class InstanceInput {
    private InstanceInput() {
    }

    /** The instance, or null after printing every problem. */
    static Instance read(Path workbook, PrintWriter err) {
        InstanceWorkbookReader.ReadResult read = InstanceWorkbookReader.read(workbook);
        read.warnings().forEach(w -> err.println("warning: " + w));
        if (!read.problems().isEmpty()) {
            printProblems(read.problems().size(), workbook, read.problems(), err);
            return null;
        }
        return read.instance();
    }

    static void printProblems(int count, Path workbook, Iterable<InputProblem> problems, PrintWriter err) {
        err.println("fabricplan: " + workbook + " has " + count + (count == 1 ? " problem:" : " problems:"));
        for (InputProblem p : problems) {
            err.println("  " + p.describe().replace(System.lineSeparator(), System.lineSeparator() + "  "));
        }
    }
}
