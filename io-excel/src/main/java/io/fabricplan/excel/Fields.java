package io.fabricplan.excel;

import io.fabricplan.validate.InputProblem;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.poi.ss.util.NumberToTextConverter;

/**
 * Turns cell values into typed fields, reporting every unreadable one with its cell. An unreadable number
 * becomes NaN (the validator treats NaN as reported already), an unreadable whole number 0, an unreadable
 * choice its default; the reader drops later problems on a cell that already has one. A cell the row source
 * refused ({@link CellValue.Kind#INVALID}) is reported already and reads as unreadable without a second problem.
 * Problems carry the hint given with {@link #withHint} (none by default), or their own.
 */
final class Fields {
    private final List<InputProblem> problems;
    /** What to do about an unreadable cell, or null. */
    private final String hint;

    Fields(List<InputProblem> problems) {
        this(problems, null);
    }

    private Fields(List<InputProblem> problems, String hint) {
        this.problems = problems;
        this.hint = hint;
    }

    /** The same fields, whose problems say what to do with {@code value}. */
    Fields withHint(String value) {
        return new Fields(problems, value);
    }

    /** Trimmed text; null when blank. A blank required cell is a problem and gives "". */
    String text(CellValue v, String where, String field, boolean required) {
        if (uncached(v, where) || v.kind() == CellValue.Kind.INVALID) {
            return required ? "" : null;
        }
        if (v.isBlank()) {
            if (required) {
                blank(where, field);
                return "";
            }
            return null;
        }
        return v.text();
    }

    /** A number; blank gives the default, or NaN and a problem when required. */
    double number(CellValue v, String where, String field, String expected, boolean required, double dflt) {
        if (uncached(v, where) || v.kind() == CellValue.Kind.INVALID || date(v, where, field)) {
            return Double.NaN;
        }
        if (v.isBlank()) {
            if (required) {
                blank(where, field);
                return Double.NaN;
            }
            return dflt;
        }
        Double d = parse(v);
        if (d == null) {
            problems.add(new InputProblem(where, field + " must be " + expected + ", got " + shown(v), hint));
            return Double.NaN;
        }
        return d;
    }

    /** An optional number that stays null when blank; NaN when unreadable. */
    Double optionalNumber(CellValue v, String where, String field, String expected) {
        return v.isBlank() ? null : number(v, where, field, expected, false, Double.NaN);
    }

    /** A whole number in int range; 0 and a problem when unreadable. */
    int whole(CellValue v, String where, String field, boolean required, int dflt) {
        long value = wholeLong(v, where, field, required, dflt);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            problems.add(new InputProblem(where, field + " is too large, got " + v.text(), hint));
            return 0;
        }
        return (int) value;
    }

    /** A whole number; 0 and a problem when unreadable. */
    long wholeLong(CellValue v, String where, String field, boolean required, long dflt) {
        if (uncached(v, where) || v.kind() == CellValue.Kind.INVALID || date(v, where, field)) {
            return 0;
        }
        if (v.isBlank()) {
            if (required) {
                blank(where, field);
                return 0;
            }
            return dflt;
        }
        Double d = parse(v);
        if (d == null || d != Math.rint(d) || Math.abs(d) > 9.007199254740992E15) {
            problems.add(new InputProblem(where, field + " must be a whole number, got " + shown(v), hint));
            return 0;
        }
        return d.longValue();
    }

    /** YES/NO, TRUE/FALSE or 1/0, any case; blank gives the default. */
    boolean yesNo(CellValue v, String where, String field, boolean dflt) {
        if (uncached(v, where) || v.isBlank() || v.kind() == CellValue.Kind.INVALID) {
            return dflt;
        }
        String t = v.text().toUpperCase(Locale.ROOT);
        switch (t) {
            case "YES", "Y", "TRUE", "1" -> {
                return true;
            }
            case "NO", "N", "FALSE", "0" -> {
                return false;
            }
            default -> {
                problems.add(new InputProblem(where, field + " must be YES or NO, got " + shown(v), hint));
                return dflt;
            }
        }
    }

    /**
     * One of an enum's names, any case ("cp-sat" reads as CP_SAT). Blank gives the default, or a problem when
     * required; an unknown value is a problem and gives null.
     */
    <E extends Enum<E>> E choice(CellValue v, String where, String field, Class<E> type, boolean required,
                                 E dflt) {
        if (uncached(v, where) || v.kind() == CellValue.Kind.INVALID) {
            return null;
        }
        if (v.isBlank()) {
            if (required) {
                blank(where, field);
                return null;
            }
            return dflt;
        }
        String wanted = v.text().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(wanted)) {
                return e;
            }
        }
        problems.add(new InputProblem(where, field + " must be one of " + names(type) + ", got " + shown(v),
                hint));
        return null;
    }

    static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /**
     * A formula saved without its value that could not be evaluated: reported ("formula without a saved value",
     * never "blank"), and the field is unreadable.
     */
    private boolean uncached(CellValue v, String where) {
        if (v.kind() != CellValue.Kind.UNCACHED) {
            return false;
        }
        String formula = v.text().length() > 60 ? v.text().substring(0, 60) + "..." : v.text();
        problems.add(new InputProblem(where, UNCACHED_MESSAGE + " (" + formula + ")"
                + (v.note() == null ? "" : ": " + v.note()), UNCACHED_HINT));
        return true;
    }

    static final String UNCACHED_MESSAGE = "formula without a saved value";
    static final String UNCACHED_HINT = "open the workbook in Excel or LibreOffice and save it, which saves the "
            + "value of every formula, or type the value itself.";

    /** A number shown as a date where a number belongs: reported, and the field is unreadable. */
    private boolean date(CellValue v, String where, String field) {
        if (!v.date()) {
            return false;
        }
        problems.add(new InputProblem(where, field + " looks like a date (" + v.text() + "): the cell has a date "
                + "format", "type the number " + field + " needs, and format the cell as Number or General."));
        return true;
    }

    void blank(String where, String field) {
        problems.add(new InputProblem(where, field + " is blank", hint));
    }

    /** Numbers from numeric cells or from numeric text ("800", " 1e3 "); null when not a finite number. */
    static Double parse(CellValue v) {
        if (v.kind() == CellValue.Kind.NUMBER) {
            return v.number();
        }
        if (v.kind() != CellValue.Kind.TEXT) {
            return null;
        }
        String t = v.text().replace("_", "");
        // Double.parseDouble also takes "NaN", "Infinity" and hex or "d"/"f" suffixes; a planner means none.
        if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        double d = Double.parseDouble(t);
        return Double.isFinite(d) ? d : null;
    }

    /** A value as the message shows it: text quoted, numbers as Excel shows them. */
    private static String shown(CellValue v) {
        return v.kind() == CellValue.Kind.NUMBER ? NumberToTextConverter.toText(v.number()) : "\"" + v.text() + "\"";
    }
}
