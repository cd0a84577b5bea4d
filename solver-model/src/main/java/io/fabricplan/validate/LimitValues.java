package io.fabricplan.validate;

import java.util.Locale;

/** The values {@code --limit NAME=VALUE} takes for the readers' limits (workbooks and JSON alike). */
public final class LimitValues {
    private LimitValues() {
    }

    /**
     * A whole number: digits, with {@code _} or {@code ,} between them, and an optional {@code k}, {@code m} or
     * {@code g} suffix for 1024, 1024^2, 1024^3.
     *
     * @throws IllegalArgumentException naming the limit and what it takes
     */
    public static long parseWhole(String name, String text) {
        String t = text.toLowerCase(Locale.ROOT).replace("_", "").replace(",", "");
        long unit = 1;
        if (t.endsWith("k") || t.endsWith("m") || t.endsWith("g")) {
            unit = t.endsWith("k") ? 1L << 10 : t.endsWith("m") ? 1L << 20 : 1L << 30;
            t = t.substring(0, t.length() - 1);
        }
        if (!t.matches("\\d{1,15}")) {
            throw new IllegalArgumentException(name + " takes a whole number (k, m or g for 1024, 1024^2, "
                    + "1024^3), got \"" + text + "\"");
        }
        try {
            return Math.multiplyExact(Long.parseLong(t), unit);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(name + " is too large: \"" + text + "\"");
        }
    }
}
