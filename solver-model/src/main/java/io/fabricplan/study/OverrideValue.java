package io.fabricplan.study;

import java.util.Objects;

/**
 * One scenario's value for one override column.
 *
 * @param target what it changes
 * @param text   the value as written (e.g. {@code 0.15}, {@code CPO}, {@code YES})
 * @param number the value as a number, NaN when the text is not one
 * @param cell   where it was written, e.g. {@code Scenarios!D7} or {@code --sweep pue=1.1:1.5:0.1}
 */
public record OverrideValue(OverrideTarget target, String text, double number, String cell) {
    public OverrideValue {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(text, "text");
        cell = cell == null ? "" : cell;
    }

    /** An override of a number. */
    public static OverrideValue of(OverrideTarget target, double value, String cell) {
        return new OverrideValue(target, format(value), value, cell);
    }

    /** An override of a text (an enum such as a packaging, or a number that is then parsed). */
    public static OverrideValue of(OverrideTarget target, String text, String cell) {
        return new OverrideValue(target, text, parse(text), cell);
    }

    private static double parse(String text) {
        try {
            double v = Double.parseDouble(text.strip());
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A number without a needless ".0" (2 rather than 2.0), as a study's rows show it. */
    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
