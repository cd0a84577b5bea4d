package io.fabricplan.excel;

import java.util.LinkedHashMap;
import java.util.List;
import io.fabricplan.validate.LimitValues;
import java.util.Locale;
import java.util.Map;

/**
 * How much of a workbook the readers accept before refusing it, so that a hostile or broken file is refused by
 * what it declares and contains, before anything large is allocated. Every refusal names the part or cell, the
 * limit and its name here (the command line's {@code --limit NAME=VALUE}). The defaults read any workbook Excel
 * itself can save; rows, columns and cell text cannot be raised above Excel's own maxima, since a plan workbook
 * copies its input sheets and must stay a workbook Excel opens.
 *
 * <p>POI enforces the zip limits ({@code workbook-bytes} per part, {@code inflate-ratio}, {@code zip-entries})
 * through {@code ZipSecureFile}, whose settings are process-wide: a read sets them to its own limits, so
 * concurrent reads with different limits share the last ones set.
 *
 * @param rows             rows per sheet (Excel: 1,048,576)
 * @param columns          columns per sheet (Excel: 16,384, column XFD)
 * @param cellChars        characters of one cell's text (Excel: 32,767)
 * @param rowChars         characters of the text of one row's cells together (a row is held whole while read)
 * @param sharedStrings    texts of the shared strings table
 * @param sharedChars      characters of the shared strings table in all (it is held whole while read)
 * @param workbookBytes    uncompressed bytes of the whole workbook, every part counted (and of any one part)
 * @param inflateRatio     most uncompressed bytes per compressed byte of a part over 100 KB (zip bombs)
 * @param zipEntries       parts (zip entries) in the file
 * @param formulaChars     characters of one formula (Excel: 8,192)
 * @param formulaNesting   depth of parentheses in one formula (Excel: 64 levels of nested functions)
 * @param formulaCells     cells loaded to evaluate the formulas saved without a value (the formulas and the cells
 *                         they refer to); their ranges may span at most {@link #FORMULA_AREA_FACTOR} times as many
 * @param problems         problems kept in a result (all are counted)
 */
public record ReadLimits(int rows, int columns, int cellChars, int rowChars, int sharedStrings, long sharedChars,
                         long workbookBytes, double inflateRatio, int zipEntries, int formulaChars,
                         int formulaNesting, int formulaCells, int problems) {
    /** Excel's most rows per sheet. */
    public static final int EXCEL_ROWS = 1_048_576;
    /** Excel's most columns per sheet (XFD). */
    public static final int EXCEL_COLUMNS = 16_384;
    /** Excel's most characters in a cell. */
    public static final int EXCEL_CELL_CHARS = 32_767;
    /** The cells the ranges of evaluated formulas may span, per cell loaded. */
    public static final int FORMULA_AREA_FACTOR = 50;

    /**
     * The defaults: Excel's maxima, 4 Mi characters per row, 2 million shared strings of 100 million characters,
     * 1 GiB uncompressed at most 100:1, 1,000 parts, Excel's formula maxima, a million cells to evaluate, 200
     * problems kept.
     */
    public static final ReadLimits DEFAULTS = new ReadLimits(EXCEL_ROWS, EXCEL_COLUMNS, EXCEL_CELL_CHARS,
            1 << 22, 2_000_000, 100_000_000L, 1L << 30, 100, 1_000, 8_192, 64, 1_000_000, 200);

    public ReadLimits {
        check("rows", rows, 1, EXCEL_ROWS);
        check("columns", columns, 1, EXCEL_COLUMNS);
        check("cell-chars", cellChars, 1, EXCEL_CELL_CHARS);
        check("row-chars", rowChars, 1, Integer.MAX_VALUE - 8);
        check("shared-strings", sharedStrings, 0, Integer.MAX_VALUE - 8);
        check("shared-chars", sharedChars, 0, Integer.MAX_VALUE * 4L);
        check("workbook-bytes", workbookBytes, 1, Long.MAX_VALUE / 2);
        if (!(inflateRatio >= 1 && inflateRatio <= 1e6)) {
            throw new IllegalArgumentException("inflate-ratio must be from 1 to 1,000,000, got " + inflateRatio);
        }
        check("zip-entries", zipEntries, 1, 1_000_000);
        check("formula-chars", formulaChars, 1, 1_000_000);
        check("formula-nesting", formulaNesting, 1, 1_000);
        check("formula-cells", formulaCells, 0, 100_000_000);
        check("problems", problems, 1, 10_000_000);
    }

    /** The defaults. */
    public static ReadLimits defaults() {
        return DEFAULTS;
    }

    public ReadLimits withRows(int value) {
        return new ReadLimits(value, columns, cellChars, rowChars, sharedStrings, sharedChars, workbookBytes, inflateRatio, zipEntries, formulaChars, formulaNesting, formulaCells, problems);
    }

    public ReadLimits withColumns(int value) {
        return new ReadLimits(rows, value, cellChars, rowChars, sharedStrings, sharedChars, workbookBytes, inflateRatio, zipEntries, formulaChars, formulaNesting, formulaCells, problems);
    }

    public ReadLimits withCellChars(int value) {
        return new ReadLimits(rows, columns, value, rowChars, sharedStrings, sharedChars, workbookBytes, inflateRatio, zipEntries, formulaChars, formulaNesting, formulaCells, problems);
    }

    public ReadLimits withRowChars(int value) {
        return new ReadLimits(rows, columns, cellChars, value, sharedStrings, sharedChars, workbookBytes, inflateRatio, zipEntries, formulaChars, formulaNesting, formulaCells, problems);
    }

    public ReadLimits withSharedStrings(int value) {
        return new ReadLimits(rows, columns, cellChars, rowChars, value, sharedChars, workbookBytes, inflateRatio, zipEntries, formulaChars, formulaNesting, formulaCells, problems);
    }

    public ReadLimits withSharedChars(long value) {
        return new ReadLimits(rows, columns, cellChars, rowChars, sharedStrings, value, workbookBytes, inflateRatio, zipEntries, formulaChars, formulaNesting, formulaCells, problems);
    }

    public ReadLimits withWorkbookBytes(long value) {
        return new ReadLimits(rows, columns, cellChars, rowChars, sharedStrings, sharedChars, value, inflateRatio, zipEntries, formulaChars, formulaNesting, formulaCells, problems);
    }

    public ReadLimits withInflateRatio(double value) {
        return new ReadLimits(rows, columns, cellChars, rowChars, sharedStrings, sharedChars, workbookBytes, value, zipEntries, formulaChars, formulaNesting, formulaCells, problems);
    }

    public ReadLimits withZipEntries(int value) {
        return new ReadLimits(rows, columns, cellChars, rowChars, sharedStrings, sharedChars, workbookBytes, inflateRatio, value, formulaChars, formulaNesting, formulaCells, problems);
    }

    public ReadLimits withFormulaChars(int value) {
        return new ReadLimits(rows, columns, cellChars, rowChars, sharedStrings, sharedChars, workbookBytes, inflateRatio, zipEntries, value, formulaNesting, formulaCells, problems);
    }

    public ReadLimits withFormulaNesting(int value) {
        return new ReadLimits(rows, columns, cellChars, rowChars, sharedStrings, sharedChars, workbookBytes, inflateRatio, zipEntries, formulaChars, value, formulaCells, problems);
    }

    public ReadLimits withFormulaCells(int value) {
        return new ReadLimits(rows, columns, cellChars, rowChars, sharedStrings, sharedChars, workbookBytes, inflateRatio, zipEntries, formulaChars, formulaNesting, value, problems);
    }

    public ReadLimits withProblems(int value) {
        return new ReadLimits(rows, columns, cellChars, rowChars, sharedStrings, sharedChars, workbookBytes, inflateRatio, zipEntries, formulaChars, formulaNesting, formulaCells, value);
    }

    /** The limits by the names the command line and the messages use, in documentation order. */
    public static List<String> names() {
        return List.copyOf(SETTERS.keySet());
    }

    /**
     * These limits with one changed by name, as {@code --limit NAME=VALUE} gives it: a whole number (digits,
     * with {@code _} or {@code ,} between them, and an optional {@code k}, {@code m} or {@code g} suffix for
     * 1024, 1024^2, 1024^3), or for {@code inflate-ratio} any number.
     *
     * @throws IllegalArgumentException naming the limit and what it takes, for an unknown name or a bad value
     */
    public ReadLimits with(String name, String value) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        Setter setter = SETTERS.get(key);
        if (setter == null) {
            throw new IllegalArgumentException("unknown limit \"" + name + "\"; the limits are "
                    + String.join(", ", names()));
        }
        return setter.apply(this, value == null ? "" : value.strip());
    }

    /** The value of the named limit as the messages show it. */
    String shown(String name) {
        return switch (name) {
            case "rows" -> grouped(rows);
            case "columns" -> grouped(columns);
            case "cell-chars" -> grouped(cellChars);
            case "row-chars" -> grouped(rowChars);
            case "shared-strings" -> grouped(sharedStrings);
            case "shared-chars" -> grouped(sharedChars);
            case "workbook-bytes" -> bytes(workbookBytes);
            case "inflate-ratio" -> num(inflateRatio) + ":1";
            case "zip-entries" -> grouped(zipEntries);
            case "formula-chars" -> grouped(formulaChars);
            case "formula-nesting" -> grouped(formulaNesting);
            case "formula-cells" -> grouped(formulaCells);
            case "problems" -> grouped(problems);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * "Maybe" text that says how to raise a limit: the option; for a limit at Excel's own maximum, that it cannot
     * be raised.
     */
    String raise(String name) {
        boolean excel = switch (name) {
            case "rows" -> rows == EXCEL_ROWS;
            case "columns" -> columns == EXCEL_COLUMNS;
            case "cell-chars" -> cellChars == EXCEL_CELL_CHARS;
            default -> false;
        };
        if (excel) {
            return "this is Excel's own maximum: a workbook Excel saved cannot go beyond it. Save the workbook "
                    + "again from Excel or LibreOffice, or remove what goes beyond it.";
        }
        String most = switch (name) {
            case "rows" -> " (at most " + grouped(EXCEL_ROWS) + ")";
            case "columns" -> " (at most " + grouped(EXCEL_COLUMNS) + ")";
            case "cell-chars" -> " (at most " + grouped(EXCEL_CELL_CHARS) + ")";
            default -> "";
        };
        return "if the workbook is trusted and must be read, raise the limit with --limit " + name + "=VALUE" + most
                + " (Java: ReadLimits.with(\"" + name + "\", VALUE)).";
    }

    static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String bytes(long n) {
        if (n >= 1L << 30 && n % (1L << 30) == 0) {
            return grouped(n >> 30) + " GiB";
        }
        if (n >= 1L << 20 && n % (1L << 20) == 0) {
            return grouped(n >> 20) + " MiB";
        }
        return grouped(n) + " bytes";
    }

    private static String num(double v) {
        return v == Math.rint(v) ? grouped((long) v) : String.valueOf(v);
    }

    private static void check(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be from " + grouped(min) + " to " + grouped(max)
                    + (max == EXCEL_ROWS || max == EXCEL_COLUMNS || max == EXCEL_CELL_CHARS
                    ? " (Excel's own maximum)" : "") + ", got " + grouped(value));
        }
    }

    @FunctionalInterface
    private interface Setter {
        ReadLimits apply(ReadLimits limits, String value);
    }

    private static final Map<String, Setter> SETTERS = new LinkedHashMap<>();

    static {
        SETTERS.put("rows", whole("rows", (l, v) -> l.withRows(toInt(v))));
        SETTERS.put("columns", whole("columns", (l, v) -> l.withColumns(toInt(v))));
        SETTERS.put("cell-chars", whole("cell-chars", (l, v) -> l.withCellChars(toInt(v))));
        SETTERS.put("row-chars", whole("row-chars", (l, v) -> l.withRowChars(toInt(v))));
        SETTERS.put("shared-strings", whole("shared-strings", (l, v) -> l.withSharedStrings(toInt(v))));
        SETTERS.put("shared-chars", whole("shared-chars", ReadLimits::withSharedChars));
        SETTERS.put("workbook-bytes", whole("workbook-bytes", ReadLimits::withWorkbookBytes));
        SETTERS.put("inflate-ratio", (l, v) -> {
            double ratio;
            try {
                ratio = Double.parseDouble(v.endsWith(":1") ? v.substring(0, v.length() - 2) : v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("inflate-ratio takes a number, e.g. 100 (for 100:1), got \""
                        + v + "\"");
            }
            return l.withInflateRatio(ratio);
        });
        SETTERS.put("zip-entries", whole("zip-entries", (l, v) -> l.withZipEntries(toInt(v))));
        SETTERS.put("formula-chars", whole("formula-chars", (l, v) -> l.withFormulaChars(toInt(v))));
        SETTERS.put("formula-nesting", whole("formula-nesting", (l, v) -> l.withFormulaNesting(toInt(v))));
        SETTERS.put("formula-cells", whole("formula-cells", (l, v) -> l.withFormulaCells(toInt(v))));
        SETTERS.put("problems", whole("problems", (l, v) -> l.withProblems(toInt(v))));
    }

    private interface LongSetter {
        ReadLimits apply(ReadLimits limits, long value);
    }

    private static Setter whole(String name, LongSetter setter) {
        return (limits, text) -> setter.apply(limits, LimitValues.parseWhole(name, text));
    }

    private static int toInt(long v) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

}
