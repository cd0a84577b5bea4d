package io.fabricplan.excel;

import io.fabricplan.api.PlanResult;
import io.fabricplan.model.Instance;
import io.fabricplan.validate.InputProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
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
 * solve, which are replaced), the same cells with the same values. How depends on the input's size:
 * <ul>
 *   <li>up to {@link #KEEP_FORMATTING_LIMIT_BYTES}, the input is loaded whole and kept as it is: formats,
 *       widths, drop-downs, comments and formulas;</li>
 *   <li>larger inputs are copied row by row from a streaming read, in bounded memory, and formatting is
 *       simplified: cell values only (text, numbers, booleans, errors), a formula as the value Excel saved with
 *       it (one saved without a value is kept as a formula, which Excel calculates on opening), the first row
 *       bold and frozen. Number formats, column widths, colours, drop-downs, comments, merged cells and hidden
 *       states are not carried over.</li>
 * </ul>
 * Either way {@link InstanceWorkbookReader} reads the plan workbook as the instance it was solved from.
 */
public final class PlanWorkbookWriter {
    /**
     * Inputs up to this size (some 10,000 links) are loaded whole and keep their formatting; larger ones are
     * streamed. Loading costs about a gigabyte of heap per megabyte of .xlsx (measured: 1.9 MB took 1.6 GB), so
     * the limit stays small.
     */
    static final long KEEP_FORMATTING_LIMIT_BYTES = 256L * 1024;

    private PlanWorkbookWriter() {
    }

    /**
     * @param inputWorkbook the instance workbook the plan was solved from, or null to write the instance sheets
     * @param instance      the instance solved
     * @param result        the solve's result; without a plan only the Summary has figures
     * @param solverName    engine name for the Summary
     * @param out           where to write; must not be the input workbook
     * @throws IllegalArgumentException when {@code out} is the input workbook
     * @throws IOException              when the input cannot be read or the output cannot be written
     */
    public static void write(Path inputWorkbook, Instance instance, PlanResult result, String solverName, Path out)
            throws IOException {
        write(inputWorkbook, instance, result, solverName, out, KEEP_FORMATTING_LIMIT_BYTES);
    }

    /** As {@link #write(Path, Instance, PlanResult, String, Path)}, streaming inputs larger than the limit. */
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
            throw new IOException(problems.get(0).describe());
        }
        if (Files.size(inputWorkbook) <= keepFormattingLimitBytes) {
            writeOverLoadedInput(inputWorkbook, instance, result, solverName, out);
        } else {
            writeOverStreamedInput(inputWorkbook, instance, result, solverName, out);
        }
    }

    /** The input loaded whole keeps everything; the result sheets stream after its sheets. */
    private static void writeOverLoadedInput(Path input, Instance instance, PlanResult result, String solverName,
                                             Path out) throws IOException {
        List<InputProblem> problems = new ArrayList<>();
        XSSFWorkbook loaded = WorkbookFiles.open(input, problems);
        if (loaded == null) {
            throw new IOException(problems.get(0).describe());
        }
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
        } catch (IOException e) {
            throw new IOException(WorkbookFiles.corrupt(input, e).describe(), e);
        }
        try (source) {
            WorkbookFiles.writeWorkbook(out, Long.MAX_VALUE, workbook -> {
                CellStyle bold = boldStyle(workbook);
                for (String name : source.sheetNames()) {
                    if (!isResultSheet(name)) {
                        copySheet(source, name, workbook.createSheet(name), bold);
                    }
                }
                results(workbook, instance, result, solverName);
            });
        } catch (UncheckedIOException e) {
            throw new IOException(WorkbookFiles.corrupt(input, e.getCause()).describe(), e.getCause());
        }
    }

    private static void copySheet(RowSource source, String name, Sheet sheet, CellStyle bold) {
        int[] headerRow = {-1};
        source.rows(name, row -> {
            Row copy = sheet.createRow(row.index());
            boolean header = headerRow[0] < 0;
            if (header) {
                headerRow[0] = row.index();
            }
            for (int c = 0; c < row.width(); c++) {
                CellValue v = row.cell(c);
                if (v.isBlank()) {
                    continue;
                }
                Cell cell = copy.createCell(c);
                put(cell, v);
                if (header) {
                    cell.setCellStyle(bold);
                }
            }
        });
        if (headerRow[0] >= 0) {
            sheet.createFreezePane(0, headerRow[0] + 1);
        }
        sheet.setDefaultColumnWidth(14);
    }

    /** A raw value into a cell: the value as saved, a formula saved without one as the formula. */
    private static void put(Cell cell, CellValue v) {
        switch (v.kind()) {
            case NUMBER -> cell.setCellValue(v.number());
            case BOOLEAN -> cell.setCellValue("TRUE".equals(v.text()));
            case ERROR -> {
                try {
                    cell.setCellErrorValue(FormulaError.forString(v.text()).getCode());
                } catch (IllegalArgumentException e) {
                    cell.setCellValue(v.text());
                }
            }
            case UNCACHED -> {
                try {
                    cell.setCellFormula(v.text().substring(1));
                } catch (RuntimeException e) {
                    cell.setCellValue(v.text()); // not parseable outside its workbook: kept as its text
                }
            }
            default -> cell.setCellValue(v.text());
        }
    }

    private static CellStyle boldStyle(Workbook workbook) {
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        return bold;
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

    private static boolean isResultSheet(String name) {
        return Schema.RESULT_SHEETS.stream().anyMatch(r -> r.equalsIgnoreCase(name.strip()));
    }

    /** A plan workbook solved again gets fresh result sheets, not a second set. */
    private static void removeResultSheets(Workbook workbook) {
        for (int i = workbook.getNumberOfSheets() - 1; i >= 0; i--) {
            if (isResultSheet(workbook.getSheetName(i))) {
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
