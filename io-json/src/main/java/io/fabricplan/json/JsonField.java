package io.fabricplan.json;

import java.util.Arrays;
import java.util.List;

/**
 * One field of a JSON record: its name (the workbook's column header), what it holds, whether it is required, its
 * default and unit. The readers, the writers and the JSON Schemas all take their fields from these, so that the
 * three agree.
 *
 * @param name        the key, snake_case as the workbook's header
 * @param type        what the value is
 * @param required    whether a record must have it (absent or null is then a problem)
 * @param choices     the names a CHOICE takes; empty otherwise
 * @param unit        the unit, e.g. {@code Gb/s}, or null
 * @param example     a value as JSON text for the hints, e.g. {@code 800} or {@code "R1"}
 * @param dflt        what an absent optional field reads as, as the schema states it (null: none, or it depends
 *                    on other fields as the description says)
 * @param description what it is, for the schema
 */
record JsonField(String name, Type type, boolean required, List<String> choices, String unit, String example,
                 Object dflt, String description) {
    /** What a field's value is. */
    enum Type {
        /** A string, trimmed; an empty one counts as absent. */
        TEXT,
        /** A finite number. */
        NUMBER,
        /** A whole number within int range (2 and 2.0 alike). */
        WHOLE,
        /** A whole number of at most 2^53 in magnitude (what a double holds exactly: the workbook's limit). */
        LONG,
        /** true or false, or the workbook's spellings "YES" and "NO". */
        YES_NO,
        /** One of {@link JsonField#choices()}, spelled exactly. */
        CHOICE,
        /** Ids: an array of strings, or one string of them separated by {@code ;}, {@code ,} or blanks. */
        TEXT_LIST,
        /** A stated figure of a plan: a number, or null when blank; other scalars are kept for the checker. */
        FIGURE,
        /** A stated text figure of a plan: a string or null; other scalars are kept as their text. */
        FIGURE_TEXT,
        /** An array of strings (a plan's diagnostics). */
        TEXT_ARRAY
    }

    JsonField {
        choices = List.copyOf(choices);
    }

    static JsonField required(String name, Type type, String unit, String example, String description) {
        return new JsonField(name, type, true, List.of(), unit, example, null, description);
    }

    static JsonField optional(String name, Type type, String unit, String example, Object dflt,
                              String description) {
        return new JsonField(name, type, false, List.of(), unit, example, dflt, description);
    }

    static JsonField choice(String name, boolean required, Class<? extends Enum<?>> type, Object dflt,
                            String description) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        return new JsonField(name, Type.CHOICE, required, names, null, "\"" + names.get(0) + "\"", dflt,
                description);
    }

    static JsonField figure(String name, String unit, String description) {
        return new JsonField(name, Type.FIGURE, false, List.of(), unit, "1", null, description);
    }

    /** A stated text figure; the schema names its values when {@code choices} is an enum (the reader takes any). */
    static JsonField figureText(String name, Class<? extends Enum<?>> choices, String example, String description) {
        List<String> names = choices == null ? List.of()
                : Arrays.stream(choices.getEnumConstants()).map(Enum::name).toList();
        return new JsonField(name, Type.FIGURE_TEXT, false, names, null, example, null, description);
    }

    /** A YES_NO field written as "YES" or "NO" (its example is one of them), e.g. a compatibility rule's allowed. */
    boolean inWords() {
        return type == Type.YES_NO && example.startsWith("\"");
    }

    /** The field as the hints show how to write it, e.g. {@code "gbps": 800}. */
    String sample() {
        return "\"" + name + "\": " + example;
    }
}
