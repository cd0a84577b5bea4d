package io.fabricplan.excel;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFCell;

/**
 * What a cell holds once formulas are resolved: a number, a text, a boolean, an error, or nothing; or a formula
 * saved without its value that could not be evaluated ({@link Kind#UNCACHED}); or a value the row source refused
 * and reported at its cell already ({@link Kind#INVALID}: text over the limit, a number that is not finite, a
 * shared string that does not exist, a formula too long or too deep).
 *
 * <p>Row sources give values raw (text as stored, spaces and all), so that copies keep them unchanged; readers
 * use {@link #normalized()}.
 *
 * @param kind   what it is
 * @param number the number of a NUMBER value
 * @param text   the value as the planner sees it (numbers formatted as Excel shows them), null when blank; for
 *               UNCACHED the formula with a leading {@code =}; for INVALID empty
 * @param date   a NUMBER shown with a date or time format: Excel's serial day number of a date
 * @param note   for UNCACHED, why it was not evaluated (null when evaluation was not tried)
 */
record CellValue(Kind kind, double number, String text, boolean date, String note) {
    enum Kind { BLANK, NUMBER, TEXT, BOOLEAN, ERROR, UNCACHED, INVALID }

    static final CellValue BLANK = new CellValue(Kind.BLANK, Double.NaN, null);
    static final CellValue INVALID = new CellValue(Kind.INVALID, Double.NaN, "");

    CellValue(Kind kind, double number, String text) {
        this(kind, number, text, false, null);
    }

    boolean isBlank() {
        return kind == Kind.BLANK;
    }

    /** Text trimmed, and empty text blank: the value as the readers see it. */
    CellValue normalized() {
        return kind == Kind.TEXT ? text(text) : this;
    }

    /**
     * Reads a cell. A formula is read by its cached value, which is what Excel shows; a formula saved without
     * one (written by a tool that does not calculate) is evaluated. Text is raw; see {@link #normalized()}.
     */
    static CellValue of(Cell cell, FormulaEvaluator evaluator) {
        if (cell == null) {
            return BLANK;
        }
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            if (hasCachedValue(cell)) {
                type = cell.getCachedFormulaResultType();
            } else {
                return evaluate(cell, evaluator);
            }
        }
        return switch (type) {
            case NUMERIC -> isDateFormatted(cell) ? date(cell.getNumericCellValue())
                    : number(cell.getNumericCellValue());
            case STRING -> raw(cell.getStringCellValue());
            case BOOLEAN -> bool(cell.getBooleanCellValue());
            case ERROR -> error(errorText(cell.getErrorCellValue()));
            default -> BLANK;
        };
    }

    private static boolean hasCachedValue(Cell cell) {
        // XSSF reports a numeric 0 for a formula without a <v> element, or with an empty one (openpyxl writes
        // <v></v>); ask the XML whether a value is there.
        return !(cell instanceof XSSFCell x) || x.getCTCell().isSetV() && !x.getCTCell().getV().isEmpty();
    }

    private static boolean isDateFormatted(Cell cell) {
        try {
            return DateUtil.isCellDateFormatted(cell);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static CellValue evaluate(Cell cell, FormulaEvaluator evaluator) {
        try {
            org.apache.poi.ss.usermodel.CellValue v = evaluator.evaluate(cell);
            if (v == null) {
                return BLANK;
            }
            return switch (v.getCellType()) {
                case NUMERIC -> number(v.getNumberValue());
                case STRING -> raw(v.getStringValue());
                case BOOLEAN -> bool(v.getBooleanValue());
                case ERROR -> error(errorText(v.getErrorValue()));
                default -> BLANK;
            };
        } catch (RuntimeException e) {
            // Unsupported functions, external references: show the formula itself in the message.
            return new CellValue(Kind.ERROR, Double.NaN, "=" + cell.getCellFormula());
        }
    }

    static CellValue number(double value) {
        return new CellValue(Kind.NUMBER, value, numberText(value));
    }

    /** A number shown with a date format; its text is the date as ISO 8601, e.g. 2024-01-31 or 2024-01-31T08:00. */
    static CellValue date(double serial) {
        String shown;
        try {
            java.time.LocalDateTime t = DateUtil.getLocalDateTime(serial);
            shown = t == null ? numberText(serial) : t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                    ? t.toLocalDate().toString() : t.toString();
        } catch (RuntimeException e) {
            shown = numberText(serial);
        }
        return new CellValue(Kind.NUMBER, serial, shown, true, null);
    }

    /** A formula saved without its value, not evaluated for the reason given. */
    static CellValue uncached(String formula, String reason) {
        return new CellValue(Kind.UNCACHED, Double.NaN, "=" + (formula == null ? "" : formula), false, reason);
    }

    /**
     * A number as Excel shows it. Whole numbers of up to 15 digits (counts, rates, ports: most cells of a large
     * sheet) are their digits, which is what {@link NumberToTextConverter} gives too, only much faster.
     */
    static String numberText(double value) {
        double abs = Math.abs(value);
        if (abs >= 1 && abs < 1e15 && value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        return NumberToTextConverter.toText(value);
    }

    /** Text as stored; null is blank. */
    static CellValue raw(String text) {
        return text == null ? BLANK : new CellValue(Kind.TEXT, Double.NaN, text);
    }

    static CellValue bool(boolean value) {
        return new CellValue(Kind.BOOLEAN, Double.NaN, value ? "TRUE" : "FALSE");
    }

    /** An error value as Excel shows it, e.g. {@code #DIV/0!}. */
    static CellValue error(String shown) {
        return new CellValue(Kind.ERROR, Double.NaN, shown);
    }

    /** A formula saved without its value. */
    static CellValue uncached(String formula) {
        return new CellValue(Kind.UNCACHED, Double.NaN, "=" + (formula == null ? "" : formula));
    }

    /** Trimmed text; empty text is blank. */
    static CellValue text(String raw) {
        String t = raw == null ? "" : raw.strip();
        return t.isEmpty() ? BLANK : new CellValue(Kind.TEXT, Double.NaN, t);
    }

    private static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#ERROR";
        }
    }
}
