package io.fabricplan.excel;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFCell;

/**
 * What a cell holds once formulas are resolved: a number, a text, a boolean, an error, or nothing; or, from a
 * streamed workbook, a formula saved without its value ({@link Kind#UNCACHED}), which streaming cannot evaluate.
 *
 * <p>Row sources give values raw (text as stored, spaces and all), so that copies keep them unchanged; readers
 * use {@link #normalized()}.
 *
 * @param kind   what it is
 * @param number the number of a NUMBER value
 * @param text   the value as the planner sees it (numbers formatted as Excel shows them), null when blank; for
 *               UNCACHED the formula with a leading {@code =}
 */
record CellValue(Kind kind, double number, String text) {
    enum Kind { BLANK, NUMBER, TEXT, BOOLEAN, ERROR, UNCACHED }

    static final CellValue BLANK = new CellValue(Kind.BLANK, Double.NaN, null);

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
            case NUMERIC -> number(cell.getNumericCellValue());
            case STRING -> raw(cell.getStringCellValue());
            case BOOLEAN -> bool(cell.getBooleanCellValue());
            case ERROR -> error(errorText(cell.getErrorCellValue()));
            default -> BLANK;
        };
    }

    private static boolean hasCachedValue(Cell cell) {
        // XSSF reports a numeric 0 for a formula without a <v> element; ask the XML whether a value is there.
        return !(cell instanceof XSSFCell x) || x.getCTCell().isSetV();
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
