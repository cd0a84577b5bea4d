package io.fabricplan.excel;

import io.fabricplan.api.PlanResult;
import io.fabricplan.model.Instance;
import io.fabricplan.validate.InputProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a plan workbook: the instance sheets (copied from the input workbook, or written from the instance)
 * followed by the result sheets Summary, LinkPlan, DevicePlan, RackPower and BOM (and, when the instance has spans
 * or the plan a DWDM part, DwdmLightpaths, DwdmGreyRoutes, DwdmSpans and DwdmPlacements). The input workbook is only
 * read; the output is written atomically, so a failure leaves no half-written file. Result sheets of more than
 * {@link WorkbookFiles#IN_MEMORY_ROWS} rows stream (SXSSF), so a plan of hundreds of thousands of links is
 * written in bounded memory.
 *
 * <p>The input sheets are kept unchanged: the same sheets in the same order (less result sheets of an earlier
 * solve, which are replaced), the same cells with the same values. How depends on what the input unpacks to
 * ({@link InputCopy}):
 * <ul>
 *   <li>up to {@link InputCopy#LOAD_WHOLE_MAX_UNPACKED_BYTES} (some 15,000 links), the input is loaded whole and
 *       kept as it is: formats, widths, drop-downs, comments and formulas;</li>
 *   <li>larger inputs, and those with a part that cannot be loaded safely, are copied row by row from a streaming
 *       read, in bounded memory, and formatting is simplified: cell values only (text, numbers, booleans,
 *       errors), a formula as the value Excel saved with it (one saved without a value is kept as a formula,
 *       which Excel calculates on opening), the first row bold and frozen. Number formats, column widths,
 *       colours, drop-downs, comments, merged cells, hidden states and empty rows are not carried over.</li>
 * </ul>
 * Either way {@link InstanceWorkbookReader} reads the plan workbook as the instance it was solved from. An input
 * that holds what no Excel workbook may (a text over 32,767 characters, a row past 1,048,576), or a sheet that
 * cannot be read safely (a DOCTYPE, a zip bomb), is refused with an {@link InputWorkbookException} that names each
 * sheet or cell; nothing is written then.
 */
public final class PlanWorkbookWriter {
    /** Inputs that unpack to at most this many bytes are loaded whole and keep their formatting. */
    static final long KEEP_FORMATTING_LIMIT_BYTES = InputCopy.LOAD_WHOLE_MAX_UNPACKED_BYTES;

    private PlanWorkbookWriter() {
    }

    /**
     * @param inputWorkbook the instance workbook the plan was solved from, or null to write the instance sheets
     * @param instance      the instance solved
     * @param result        the solve's result; without a plan only the Summary has figures
     * @param solverName    engine name for the Summary
     * @param out           where to write; must not be the input workbook
     * @throws IllegalArgumentException when {@code out} is the input workbook
     * @throws InputWorkbookException   when the input workbook is missing, damaged or unsafe, or breaks Excel's
     *                                  limits: each problem at its sheet or cell
     * @throws IOException              when the output cannot be written
     */
    public static void write(Path inputWorkbook, Instance instance, PlanResult result, String solverName, Path out)
            throws IOException {
        write(inputWorkbook, instance, result, solverName, out, KEEP_FORMATTING_LIMIT_BYTES);
    }

    /** As {@link #write(Path, Instance, PlanResult, String, Path)}, streaming inputs that unpack past the limit. */
    static void write(Path inputWorkbook, Instance instance, PlanResult result, String solverName, Path out,
                      long keepFormattingLimitBytes) throws IOException {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(out, "out");
        if (inputWorkbook == null) {
            WorkbookFiles.writeWorkbook(out, InstanceSheets.rows(instance) + resultRows(instance, result),
                    workbook -> {
                        InstanceSheets.write(workbook, instance);
                        results(workbook, instance, result, solverName);
                    });
            return;
        }
        if (WorkbookFiles.sameFile(out, inputWorkbook)) {
            throw new IllegalArgumentException("the plan would overwrite the input workbook " + inputWorkbook
                    + ". Maybe write it with -o to another file.");
        }
        List<InputProblem> problems = new ArrayList<>();
        if (!WorkbookFiles.isXlsx(inputWorkbook, problems)) {
            throw new InputWorkbookException(problems);
        }
        XSSFWorkbook loaded = InputCopy.unpacksWithin(inputWorkbook, keepFormattingLimitBytes)
                ? InputCopy.loadWhole(inputWorkbook) : null;
        if (loaded != null) {
            try {
                writeOverLoadedInput(loaded, instance, result, solverName, out);
                return;
            } catch (RuntimeException e) {
                // A part POI loaded but cannot write back (document properties it could not parse): the sheets
                // are copied by value instead. A failure of ours fails again there, and is thrown.
            }
        }
        writeOverStreamedInput(inputWorkbook, instance, result, solverName, out);
    }

    /** The input loaded whole keeps everything; the result sheets stream after its sheets. */
    private static void writeOverLoadedInput(XSSFWorkbook loaded, Instance instance, PlanResult result,
                                             String solverName, Path out) throws IOException {
        try (loaded) {
            removeResultSheets(loaded);
            if (resultRows(instance, result) <= WorkbookFiles.IN_MEMORY_ROWS) {
                results(loaded, instance, result, solverName);
                WorkbookFiles.writeAtomically(out, loaded::write);
                return;
            }
            WorkbookFiles.writeAtomically(out, stream -> {
                // close() deletes the temporary files, and closes the loaded input (read-only) a little early
                try (SXSSFWorkbook workbook = WorkbookFiles.streaming(loaded)) {
                    results(workbook, instance, result, solverName);
                    workbook.write(stream);
                }
            });
        }
    }

    /** A large input is copied by value, row by row, from a streaming read. */
    private static void writeOverStreamedInput(Path input, Instance instance, PlanResult result,
                                               String solverName, Path out) throws IOException {
        StreamingRowSource source;
        try {
            source = StreamingRowSource.open(input);
        } catch (WorkbookRefused e) {
            throw new InputWorkbookException(List.of(e.problem()));
        } catch (IOException | RuntimeException e) {
            throw new InputWorkbookException(List.of(WorkbookFiles.corrupt(input, e)));
        }
        try (source) {
            WorkbookFiles.writeWorkbook(out, Long.MAX_VALUE, workbook -> {
                InputCopy.copyByValue(source, workbook, input);
                results(workbook, instance, result, solverName);
            });
        }
    }

    private static void results(Workbook workbook, Instance instance, PlanResult result, String solverName) {
        ResultSheets.write(workbook, instance, result, solverName);
        selectSummary(workbook);
    }

    /** About the rows the result sheets take: a LinkPlan row per link, a DevicePlan row per device, and more. */
    private static long resultRows(Instance instance, PlanResult result) {
        long links = result.plan() == null ? 0 : result.plan().links().size();
        return links + 2L * instance.devices().size() + instance.racks().size() + 50
                + ResultSheets.dwdmRows(instance, result.plan());
    }

    /** A plan workbook solved again gets fresh result sheets, not a second set. */
    private static void removeResultSheets(Workbook workbook) {
        for (int i = workbook.getNumberOfSheets() - 1; i >= 0; i--) {
            if (InputCopy.isResultSheet(workbook.getSheetName(i))) {
                workbook.removeSheetAt(i);
            }
        }
    }

    /** Opens the workbook on the Summary; one selected tab, so Excel does not group sheets. */
    private static void selectSummary(Workbook workbook) {
        for (Sheet s : workbook) {
            s.setSelected(false);
        }
        int summary = workbook.getSheetIndex(Schema.SUMMARY);
        workbook.setActiveSheet(summary);
        workbook.getSheetAt(summary).setSelected(true);
    }
}
