package io.fabricplan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one rule for what a command writes, checked before any work: a file goes into a folder that exists and
 * can be written (no folder is created for it), is not a folder itself, never replaces an input of the command,
 * and a workbook's name ends in {@code .xlsx}, a JSON file's in {@code .json}. A refusal is exit code 2 naming the flag and the path, with a
 * {@code Maybe ...} line. (Scratch folders such as {@code bench --work-dir} are the exception: they are created.)
 */
final class Outputs {
    private final PrintWriter err;
    private final List<String> problems = new ArrayList<>();

    private Outputs(PrintWriter err) {
        this.err = err;
    }

    static Outputs check(PrintWriter err) {
        return new Outputs(err);
    }

    /** A file written by the flag (e.g. {@code -o}); {@code inputs} are files the command reads. Null is fine. */
    Outputs file(String flag, Path file, String example, Path... inputs) {
        if (file == null) {
            return this;
        }
        String what = "cannot write " + label(flag, file) + ": ";
        if (Files.isDirectory(file)) {
            problems.add(what + "it is a folder\n  Maybe name a file in it, e.g. "
                    + label(flag, file.resolve(example)) + ".");
            return this;
        }
        Path folder = file.toAbsolutePath().normalize().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            problems.add(what + "folder " + (folder == null ? "/" : folder) + " does not exist\n  Maybe create it "
                    + "first (mkdir -p " + folder + ") or choose another path.");
            return this;
        }
        if (!Files.isWritable(folder)) {
            problems.add(what + "folder " + folder + " is not writable\n  Maybe choose another path.");
            return this;
        }
        for (Path input : inputs) {
            if (input != null && sameFile(file, input)) {
                problems.add(what + "it would overwrite the input " + (input.toString().toLowerCase(Locale.ROOT)
                        .endsWith(".xlsx") ? "workbook " : "file ") + input + "\n  Maybe write to another file, "
                        + "e.g. " + label(flag, Path.of(example)) + ".");
                return this;
            }
        }
        return this;
    }

    /** As {@link #file}, and the name must end in {@code .xlsx}. */
    Outputs workbook(String flag, Path file, String example, Path... inputs) {
        if (file != null && !Files.isDirectory(file) && !file.getFileName().toString().toLowerCase(Locale.ROOT)
                .endsWith(".xlsx")) {
            String name = file.getFileName().toString();
            String suggestion = name.replaceFirst("(?i)\\.(xls|xlsm|xlsb|csv|ods)$", "") + ".xlsx";
            problems.add("cannot write " + label(flag, file) + ": a workbook is written as an Excel .xlsx file\n"
                    + "  Maybe name it " + suggestion + ".");
            return this;
        }
        return file(flag, file, example, inputs);
    }

    /** As {@link #file}, and the name must end in {@code .xlsx} (a workbook) or {@code .json}. */
    Outputs workbookOrJson(String flag, Path file, String example, Path... inputs) {
        if (file != null && !Files.isDirectory(file) && !InstanceInput.isJson(file)
                && !file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            problems.add("cannot write " + label(flag, file) + ": it is written as an Excel .xlsx workbook or as "
                    + ".json, by its name\n  Maybe name it " + name + ".xlsx or " + name + ".json.");
            return this;
        }
        return file(flag, file, example, inputs);
    }

    /** A folder the command writes files into: it must exist. */
    Outputs folder(String flag, Path folder) {
        if (Files.isDirectory(folder)) {
            if (!Files.isWritable(folder)) {
                problems.add("cannot write into " + label(flag, folder) + ": the folder is not writable\n"
                        + "  Maybe choose another folder.");
            }
        } else if (Files.exists(folder)) {
            problems.add("cannot write into " + label(flag, folder) + ": it is a file, not a folder\n"
                    + "  Maybe name a folder.");
        } else {
            problems.add("cannot write into " + label(flag, folder) + ": the folder does not exist\n"
                    + "  Maybe create it first (mkdir -p " + folder + ") or name another folder.");
        }
        return this;
    }

    /** Prints every problem; true when there was none. */
    boolean ok() {
        problems.forEach(p -> err.println("fabricplan: " + p));
        return problems.isEmpty();
    }

    /** {@code -o plan.xlsx}, or the path alone for a positional parameter (flag ""). */
    private static String label(String flag, Path path) {
        return flag.isEmpty() ? path.toString() : flag + " " + path;
    }

    private static boolean sameFile(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
