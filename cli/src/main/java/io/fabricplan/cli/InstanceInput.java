package io.fabricplan.cli;

import io.fabricplan.excel.InstanceWorkbookReader;
import io.fabricplan.excel.ReadLimits;
import io.fabricplan.json.InstanceJson;
import io.fabricplan.model.Instance;
import io.fabricplan.validate.InputProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** Reads an instance (a workbook, or JSON by its extension) and reports its warnings and problems on stderr. */
final class InstanceInput {
    /** Problems printed one by one at most; the rest are counted. */
    static final int MAX_PRINTED = 200;

    private InstanceInput() {
    }

    /** The instance, or null after printing its problems. */
    static Instance read(Path workbook, PrintWriter err) {
        return read(workbook, ReadLimits.defaults(), err);
    }

    /** Whether a file is read (or written) as JSON: its name ends in {@code .json}, in any case. */
    static boolean isJson(Path file) {
        return file != null && file.getFileName() != null
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    /**
     * The instance read under the limits, from JSON when its name ends in {@code .json}, else from a workbook; or
     * null after printing its problems, each at its cell or JSON pointer.
     */
    static Instance read(Path file, ReadLimitsOptions.InputLimits limits, PrintWriter err) {
        if (!isJson(file)) {
            return read(file, limits.workbook(), err);
        }
        InstanceJson.ReadResult read = InstanceJson.read(file, limits.json());
        read.warnings().forEach(w -> err.println("warning: " + w));
        if (!read.ok()) {
            printProblems(read.problemCount(), file, read.problems(), limits.json().problems(), err);
            return null;
        }
        return read.instance();
    }

    /** The instance read from a workbook under the limits, or null after printing its problems. */
    static Instance read(Path workbook, ReadLimits limits, PrintWriter err) {
        InstanceWorkbookReader.ReadResult read = InstanceWorkbookReader.read(workbook, limits);
        read.warnings().forEach(w -> err.println("warning: " + w));
        if (!read.ok()) {
            printProblems(read.problemCount(), workbook, read.problems(), limits.problems(), err);
            return null;
        }
        return read.instance();
    }

    /** As below, at most {@link #MAX_PRINTED} of them (lists that no {@code --limit problems} governs). */
    static void printProblems(long count, Path workbook, Iterable<InputProblem> problems, PrintWriter err) {
        printProblems(count, workbook, problems, MAX_PRINTED, err);
    }

    /**
     * Prints the count and at most {@code maxPrinted} of the problems (and at most as many as {@code problems}
     * holds: readers keep the first ones, {@code --limit problems=N} of them), then how many more there are.
     */
    static void printProblems(long count, Path workbook, Iterable<InputProblem> problems, long maxPrinted,
                              PrintWriter err) {
        err.println("fabricplan: " + workbook + " has " + String.format(Locale.ROOT, "%,d", count)
                + (count == 1 ? " problem:" : " problems:"));
        long printed = 0;
        for (InputProblem p : problems) {
            if (printed == maxPrinted) {
                break;
            }
            err.println("  " + p.describe().replace(System.lineSeparator(), System.lineSeparator() + "  "));
            printed++;
        }
        if (count > printed) {
            err.println(String.format(Locale.ROOT, "  ... and %,d more; fix these first, or see more with "
                    + "--limit problems=N", count - printed));
        }
    }
}
