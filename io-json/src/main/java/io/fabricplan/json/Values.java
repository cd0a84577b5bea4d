package io.fabricplan.json;

import java.util.List;

/**
 * The fields of one JSON object as read, by position in its {@link JsonRecord}: a value, absent (null), or a
 * marker for a value that was reported already (unreadable, or required and missing). Readers turn them into
 * records as the workbook reader turns cells into them: an absent optional field gives the workbook's blank-cell
 * default, an unreadable number NaN (the validator skips NaN), an unreadable whole number 0.
 */
final class Values {
    /** A value that was reported as unreadable. */
    static final Object UNREADABLE = new Object();
    /** A required field that is absent, null or blank, reported as such. */
    static final Object MISSING = new Object();

    private final JsonRecord type;
    private final String pointer;
    private final int index;
    private final Object[] values;

    Values(JsonRecord type, String pointer, int index) {
        this.type = type;
        this.pointer = pointer;
        this.index = index;
        this.values = new Object[type.fields().size()];
    }

    /** Its index in its array; -1 for an object that is not an array's element. */
    int index() {
        return index;
    }

    /** Whether every field reads: none was unreadable, none required is missing. */
    boolean clean() {
        for (Object v : values) {
            if (v == UNREADABLE || v == MISSING) {
                return false;
            }
        }
        return true;
    }

    JsonRecord type() {
        return type;
    }

    /** Where the object stands, e.g. {@code /links/13}. */
    String pointer() {
        return pointer;
    }

    void set(int position, Object value) {
        values[position] = value;
    }

    Object raw(String name) {
        return values[type.position(name)];
    }

    /** Whether the document gave the field (a value, or one that was unreadable). */
    boolean given(String name) {
        Object v = raw(name);
        return v != null && v != MISSING;
    }

    /** Whether the field holds a value that reads (not absent, unreadable or missing). */
    boolean has(String name) {
        Object v = raw(name);
        return v != null && v != MISSING && v != UNREADABLE;
    }

    boolean readable(String name) {
        Object v = raw(name);
        return v != UNREADABLE && v != MISSING;
    }

    /** Text; null when absent; "" when required and missing, or unreadable. */
    String text(String name) {
        Object v = raw(name);
        if (v == MISSING || v == UNREADABLE) {
            return "";
        }
        return v instanceof String s ? s : null;
    }

    /** A number; the default when absent; NaN when unreadable or missing. */
    double number(String name, double dflt) {
        Object v = raw(name);
        if (v == null) {
            return dflt;
        }
        return v instanceof Double d ? d : Double.NaN;
    }

    /** An optional number that stays null when absent; NaN when unreadable. */
    Double optional(String name) {
        Object v = raw(name);
        return v == null ? null : v instanceof Double d ? d : Double.NaN;
    }

    /** A whole number; the default when absent; 0 when unreadable or missing. */
    int whole(String name, int dflt) {
        Object v = raw(name);
        if (v == null) {
            return dflt;
        }
        return v instanceof Long l ? (int) (long) l : 0;
    }

    /**
     * An optional whole number that stays null when absent, e.g. {@code max_buy} (no limit); null too when
     * unreadable (reported), so that a bad limit adds no problems of its own.
     */
    Integer optionalWhole(String name) {
        return raw(name) instanceof Long l ? (int) (long) l : null;
    }

    long wholeLong(String name, long dflt) {
        Object v = raw(name);
        if (v == null) {
            return dflt;
        }
        return v instanceof Long l ? l : 0;
    }

    /** YES/NO; NO when absent or unreadable. */
    boolean yesNo(String name) {
        return raw(name) instanceof Boolean b && b;
    }

    /** An enum; the default when absent; null when unreadable or missing. */
    <E extends Enum<E>> E choice(String name, Class<E> kind, E dflt) {
        Object v = raw(name);
        if (v == null) {
            return dflt;
        }
        return v instanceof String s ? Enum.valueOf(kind, s) : null;
    }

    /** A stated figure: its number; NaN when blank (absent or null) or not a number. */
    double figure(String name) {
        return raw(name) instanceof Double d ? d : Double.NaN;
    }

    /** The text of a stated figure that is not a number ("twenty", true), or null. */
    String notNumber(String name) {
        return raw(name) instanceof NotNumber n ? n.text() : null;
    }

    /** A stated figure that should be a number and is not: kept as its text for the checker. */
    record NotNumber(String text) {
    }

    /** Ids; empty when absent or unreadable. */
    @SuppressWarnings("unchecked")
    List<String> list(String name) {
        Object v = raw(name);
        return v instanceof List<?> l ? (List<String>) l : List.of();
    }
}
