package io.fabricplan.excel;

import io.fabricplan.validate.InputProblem;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;

/**
 * The input workbook's sheets as the plan workbook carries them, in bounded memory, and never more than an Excel
 * workbook may hold. Two ways:
 * <ul>
 *   <li>an input whose parts unpack to at most {@link #LOAD_WHOLE_MAX_UNPACKED_BYTES} (counted while unpacking,
 *       not as the zip declares them) is loaded whole and kept as it is, formatting and all; at that size even a
 *       sheet of nothing but blank cells, the costliest kind per byte, keeps a whole solve under 1 GB;</li>
 *   <li>any other input, and one that cannot be loaded whole (an unsafe or damaged part the planner never reads),
 *       is copied sheet by sheet, row by row, by value, from a streaming read.</li>
 * </ul>
 * Either way every sheet is checked against Excel's limits (rows, columns, text and formula length, finite
 * numbers, sheet names), and one that breaks them or cannot be read safely (a DOCTYPE, a zip bomb) refuses the
 * copy with an {@link InputWorkbookException} naming each sheet or cell: a plan workbook is never cut short or
 * changed to fit.
 */
final class InputCopy {
    /**
     * Inputs unpacking to at most this are loaded whole: some 15,000 links. Measured, the whole solve of a
     * workbook whose extra sheet is 1,000,000 blank cells in 4 MB peaks at 950 MB; 10,000 links, at 530 MB.
     */
    static final long LOAD_WHOLE_MAX_UNPACKED_BYTES = 4L * 1024 * 1024;
    static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();
    static final int MAX_COLUMNS = SpreadsheetVersion.EXCEL2007.getMaxColumns();
    static final int MAX_TEXT_CHARS = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    /** Excel's limit on the length of a formula's text. */
    static final int MAX_FORMULA_CHARS = 8_192;
    /** Problems listed one by one; the rest are counted. */
    private static final int MAX_LISTED = 100;
    /** What each part costs beyond its bytes when loaded. */
    private static final long BYTES_PER_PART = 1024;

    private InputCopy() {
    }

    /**
     * Whether every part of the .xlsx unpacks, all together, to at most {@code limit} bytes. Counts what unpacking
     * gives, stopping past the limit, so a zip that declares small sizes or hides entries is not believed; a file
     * that cannot be unpacked is not small.
     */
    static boolean unpacksWithin(Path input, long limit) {
        if (limit < 0) {
            return false;
        }
        long total = 0;
        byte[] buffer = new byte[8192];
        // read as loading it whole reads it: entry after entry, as stored (commons-compress, POI's zip reader)
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(
                new BufferedInputStream(Files.newInputStream(input)), "UTF-8", true, true)) {
            for (ZipArchiveEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                total += BYTES_PER_PART;
                for (int n = zip.read(buffer); n >= 0 && total <= limit; n = zip.read(buffer)) {
                    total += n;
                }
                if (total > limit) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The input loaded whole, with every cell checked; null when it cannot be loaded (a damaged or unsafe part),
     * for the streaming copy, which reads only the sheets and names the one at fault, if any.
     *
     * @throws InputWorkbookException when a sheet or cell breaks Excel's limits
     */
    static XSSFWorkbook loadWhole(Path input) throws InputWorkbookException {
        XSSFWorkbook workbook;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(input))) {
            workbook = new XSSFWorkbook(in);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return null;
        }
        try {
            workbook.getProperties(); // parsed only when written otherwise; a bad one fails here, not there
        } catch (RuntimeException e) {
            closeQuietly(workbook);
            return null;
        }
        Problems problems = new Problems(input);
        try {
            check(workbook, problems);
        } catch (RuntimeException e) {
            closeQuietly(workbook);
            return null;
        }
        if (!problems.isEmpty()) {
            closeQuietly(workbook);
            problems.throwAll();
        }
        return workbook;
    }

    private static void check(XSSFWorkbook workbook, Problems problems) {
        List<String> names = new ArrayList<>();
        workbook.forEach(s -> names.add(s.getSheetName()));
        checkSheetNames(names, problems);
        for (Sheet sheet : workbook) {
            String name = sheet.getSheetName();
            if (isResultSheet(name)) {
                continue; // an earlier solve's, replaced
            }
            for (Row row : sheet) {
                checkRow(name, row.getRowNum(), problems);
                for (Cell cell : row) {
                    CTCell ct = ((XSSFCell) cell).getCTCell();
                    String formula = ct.isSetF() ? ct.getF().getStringValue() : null;
                    if (!sharedTextThere(workbook, ct)) {
                        problems.add(new InputProblem(name + "!" + new CellReference(row.getRowNum(),
                                cell.getColumnIndex()).formatAsString(false), "refers to shared text number "
                                + ct.getV().trim() + ", which the workbook does not have",
                                "open the workbook in Excel and save it again as .xlsx."));
                        continue;
                    }
                    checkCell(name, row.getRowNum(), cell.getColumnIndex(), text(workbook, ct), formula,
                            number(ct), problems);
                }
            }
        }
    }

    /** Whether a shared-text cell's index is one of the workbook's shared texts (other cells: true). */
    private static boolean sharedTextThere(XSSFWorkbook workbook, CTCell ct) {
        if (!ct.isSetT() || ct.getT() != STCellType.S || !ct.isSetV()) {
            return true;
        }
        try {
            return workbook.getSharedStringSource().getItemAt(Integer.parseInt(ct.getV().trim())) != null;
        } catch (RuntimeException e) {
            return false; // not a number, or no such item (POI says so in several ways)
        }
    }

    /** The text a cell holds as stored (not resolved through formulas); null when none. */
    private static String text(XSSFWorkbook workbook, CTCell ct) {
        STCellType.Enum type = ct.isSetT() ? ct.getT() : STCellType.N;
        if (type == STCellType.INLINE_STR) {
            return ct.isSetIs() ? new XSSFRichTextString(ct.getIs()).getString() : null;
        }
        if (type == STCellType.STR) {
            return ct.isSetV() ? ct.getV() : null;
        }
        if (type == STCellType.S && ct.isSetV()) {
            int index = Integer.parseInt(ct.getV().trim());
            return workbook.getSharedStringSource().getItemAt(index).getString();
        }
        return null;
    }

    /** The number a numeric cell stores (0 for any other cell, and for one whose value is no number at all). */
    private static double number(CTCell ct) {
        STCellType.Enum type = ct.isSetT() ? ct.getT() : STCellType.N;
        if (type != STCellType.N || !ct.isSetV()) {
            return 0;
        }
        try {
            return Double.parseDouble(ct.getV().trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Copies every sheet of {@code source} but earlier result sheets into {@code workbook}, by value: text, numbers,
     * booleans, errors, a formula as the value saved with it (one saved without a value as the formula); the first
     * row bold and frozen. Checks every sheet and cell on the way.
     *
     * @throws InputWorkbookException when a sheet cannot be read safely or breaks Excel's limits; all of them
     */
    static void copyByValue(StreamingRowSource source, Workbook workbook, Path input) throws InputWorkbookException {
        Problems problems = new Problems(input);
        // the reading refuses at the cell what breaks its limits (rows, columns, text, numbers, shared strings)
        // and skips it: those refusals are the copy's problems too
        source.reportTo(problems::add);
        List<String> names = source.sheetNames().stream().filter(n -> !isResultSheet(n)).toList();
        checkSheetNames(names, problems);
        problems.throwIfAny(); // names first: a sheet that cannot be created cannot be copied
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        for (String name : names) {
            copySheet(source, name, workbook.createSheet(name), bold, problems);
        }
        problems.throwIfAny();
    }

    private static void copySheet(RowSource source, String name, Sheet sheet, CellStyle bold, Problems problems) {
        int[] headerRow = {-1};
        try {
            source.rows(name, row -> {
                try {
                    copyRow(row, name, sheet, bold, headerRow, problems);
                } catch (RuntimeException e) {
                    throw new WriteFailure(e);
                }
            });
        } catch (WriteFailure e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            // UncheckedIOException for damaged or unsafe XML; anything else the reading met in the sheet's data
            Exception cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            problems.add(new InputProblem(name, unreadable(cause),
                    "delete the sheet, or open the workbook in Excel and save it again as .xlsx."));
        }
        if (headerRow[0] >= 0 && problems.isEmpty()) {
            sheet.createFreezePane(0, headerRow[0] + 1);
        }
        sheet.setDefaultColumnWidth(14);
    }

    /** A failure of the copy itself (the plan's side), told apart from one of reading the input. */
    private static final class WriteFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WriteFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    /** Copies one row, unless a problem was found (then it only checks). */
    private static void copyRow(SheetRow row, String name, Sheet sheet, CellStyle bold, int[] headerRow,
                                Problems problems) {
        if (!checkRow(name, row.index(), problems) || row.width() == 0) {
            return;
        }
        boolean header = headerRow[0] < 0;
        if (header) {
            headerRow[0] = row.index();
        }
        Row copy = problems.isEmpty() ? sheet.createRow(row.index()) : null;
        for (int c = 0; c < row.width(); c++) {
            CellValue v = row.cell(c);
            if (v.isBlank()) {
                continue;
            }
            boolean formula = v.kind() == CellValue.Kind.UNCACHED;
            boolean fine = checkCell(name, row.index(), c, formula ? null : v.text(),
                    formula ? v.text().substring(1) : null, v.kind() == CellValue.Kind.NUMBER ? v.number() : 0,
                    problems);
            if (fine && copy != null && problems.isEmpty()) {
                Cell cell = copy.createCell(c);
                put(cell, v);
                if (header) {
                    cell.setCellStyle(bold);
                }
            }
        }
    }

    /** Why a sheet cannot be read, in a planner's words where it is one of the known attacks. */
    private static String unreadable(Exception e) {
        StringBuilder causes = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            causes.append(' ').append(t.getMessage());
        }
        String message = causes.toString();
        if (message.contains("DOCTYPE")) {
            return "the sheet's XML declares a DOCTYPE, which no workbook needs; refused as unsafe";
        }
        if (message.toLowerCase(Locale.ROOT).contains("zip bomb")) {
            return "the sheet unpacks to more than 100 times its packed size (a zip bomb?); refused as unsafe";
        }
        String why = String.valueOf(e.getMessage());
        return "the sheet cannot be read: " + (why.length() > 200 ? why.substring(0, 200) + "..." : why);
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
                    cell.setCellFormula(v.text().substring(1)); // a streamed cell stores it, unparsed
                } catch (RuntimeException e) {
                    cell.setCellValue(v.text()); // not parseable outside its workbook: kept as its text
                }
            }
            default -> cell.setCellValue(v.text());
        }
    }

    private static void checkSheetNames(List<String> names, Problems problems) {
        sheetNameProblems(names).forEach(problems::add);
    }

    /**
     * Sheet names a plan workbook cannot carry: names Excel refuses (over 31 characters, {@code []:*?/\\}, ...)
     * and a second sheet of a name (Excel ignores case). The reader reports them too, so that validate refuses
     * what solve could not write.
     */
    static List<InputProblem> sheetNameProblems(List<String> names) {
        List<InputProblem> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            try {
                WorkbookUtil.validateSheetName(name);
                if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                    out.add(new InputProblem(name, "a second sheet of this name (Excel ignores case)",
                            "rename one of them."));
                }
            } catch (IllegalArgumentException e) {
                out.add(new InputProblem(name, "not a name Excel allows for a sheet: " + e.getMessage(),
                        "rename the sheet in Excel."));
            }
        }
        return out;
    }

    /** Whether the row (0-based) is within Excel's rows; adds the problem when not. */
    private static boolean checkRow(String sheet, int row, Problems problems) {
        if (row >= 0 && row < MAX_ROWS) {
            return true;
        }
        problems.add(new InputProblem(sheet + "!A" + (row + 1L), String.format(Locale.ROOT,
                "row %,d is beyond Excel's last row, %,d", row + 1L, MAX_ROWS),
                "delete what is below row " + String.format(Locale.ROOT, "%,d", MAX_ROWS)
                        + " (Excel does not write it)."));
        return false;
    }

    /**
     * Whether the cell is within Excel's limits; adds each problem when not.
     *
     * @param text    the text it holds, or null
     * @param formula its formula's text, or null
     * @param number  the number it holds (0 when none)
     */
    private static boolean checkCell(String sheet, int row, int column, String text, String formula, double number,
                                     Problems problems) {
        if (column < 0 || column >= MAX_COLUMNS) {
            problems.add(new InputProblem(sheet + "!" + columnName(column) + (row + 1L), String.format(Locale.ROOT,
                    "column %,d is beyond Excel's last column, XFD (%,d)", column + 1L, MAX_COLUMNS),
                    "delete what is right of column XFD (Excel does not write it)."));
            return false;
        }
        String where = sheet + "!" + new CellReference(row, column).formatAsString(false);
        boolean fine = true;
        if (text != null && text.length() > MAX_TEXT_CHARS) {
            problems.add(new InputProblem(where, String.format(Locale.ROOT,
                    "text of %,d characters; an Excel cell holds at most %,d", text.length(), MAX_TEXT_CHARS),
                    "shorten it, or put the text in a file the workbook names."));
            fine = false;
        }
        if (!Double.isFinite(number)) {
            problems.add(new InputProblem(where, "the number " + number + " is not one an Excel cell can hold",
                    "type a number, or leave the cell blank."));
            fine = false;
        }
        if (formula != null && formula.length() > MAX_FORMULA_CHARS) {
            problems.add(new InputProblem(where, String.format(Locale.ROOT,
                    "formula of %,d characters; Excel allows at most %,d", formula.length(), MAX_FORMULA_CHARS),
                    "replace the formula by its value."));
            fine = false;
        }
        return fine;
    }

    private static String columnName(int column) {
        return column < 0 ? "?" : CellReference.convertNumToColString(column);
    }

    static boolean isResultSheet(String name) {
        return Schema.RESULT_SHEETS.stream().anyMatch(r -> r.equalsIgnoreCase(name.strip()));
    }

    private static void closeQuietly(XSSFWorkbook workbook) {
        try {
            workbook.close();
        } catch (IOException | RuntimeException e) {
            // read from a stream: nothing to save or release but memory
        }
    }

    /** The problems of one input: the first {@link #MAX_LISTED} listed, the rest counted. */
    private static final class Problems {
        private final String file;
        private final List<InputProblem> listed = new ArrayList<>();
        private long more;

        Problems(Path input) {
            this.file = input.getFileName() == null ? input.toString() : input.getFileName().toString();
        }

        void add(InputProblem problem) {
            if (listed.size() < MAX_LISTED) {
                listed.add(problem);
            } else {
                more++;
            }
        }

        boolean isEmpty() {
            return listed.isEmpty();
        }

        void throwIfAny() throws InputWorkbookException {
            if (!isEmpty()) {
                throwAll();
            }
        }

        void throwAll() throws InputWorkbookException {
            List<InputProblem> all = new ArrayList<>(listed);
            if (more > 0) {
                all.add(new InputProblem(file, String.format(Locale.ROOT, "%,d more problems like these", more),
                        null));
            }
            throw new InputWorkbookException(all);
        }
    }
}
