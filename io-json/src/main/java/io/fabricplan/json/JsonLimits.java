package io.fabricplan.json;

import java.util.LinkedHashMap;
import java.util.List;
import io.fabricplan.validate.LimitValues;
import java.util.Locale;
import java.util.Map;

/**
 * How much of a JSON instance or plan the readers accept before refusing it, so that a hostile upload is refused
 * as it streams in, before anything large is allocated. Every refusal names the JSON pointer where it happened,
 * the limit and its name here (the command line's {@code --limit NAME=VALUE}). The defaults read any instance a
 * workbook can hold.
 *
 * <p>The first four are Jackson's {@code StreamReadConstraints}, checked by the parser as it reads; the records
 * limit is checked by the readers on every array.
 *
 * @param bytes       bytes of the document (a file larger than this is refused before it is opened)
 * @param depth       objects and arrays nested in one another (an instance needs 4)
 * @param stringChars characters of one string, or of one field name
 * @param numberChars characters of one number, digits, sign and exponent included
 * @param records     elements of one array: racks, devices, links, ... (Excel's rows, the workbook's limit)
 * @param problems    problems kept in a result (all are counted)
 */
public record JsonLimits(long bytes, int depth, int stringChars, int numberChars, int records, int problems) {
    /** 256 MiB, 64 levels, 32,767 characters a string (an Excel cell's), 100 a number, 1,048,576 records, 200. */
    public static final JsonLimits DEFAULTS = new JsonLimits(256L << 20, 64, 32_767, 100, 1_048_576, 200);

    public JsonLimits {
        check("json-bytes", bytes, 1, Long.MAX_VALUE / 2);
        check("json-depth", depth, 4, 100_000);
        check("json-string-chars", stringChars, 1, Integer.MAX_VALUE - 8);
        check("json-number-chars", numberChars, 25, 100_000);
        check("json-records", records, 1, Integer.MAX_VALUE - 8);
        check("problems", problems, 1, 10_000_000);
    }

    /**
     * A Jackson factory whose parsers enforce the first four limits as they read (what the readers here use), for a
     * caller that scans a document itself, e.g. the HTTP service splitting a request envelope.
     */
    public com.fasterxml.jackson.core.JsonFactory parserFactory() {
        return JsonReading.factory(this);
    }

    /** The defaults. */
    public static JsonLimits defaults() {
        return DEFAULTS;
    }

    public JsonLimits withBytes(long value) {
        return new JsonLimits(value, depth, stringChars, numberChars, records, problems);
    }

    public JsonLimits withDepth(int value) {
        return new JsonLimits(bytes, value, stringChars, numberChars, records, problems);
    }

    public JsonLimits withStringChars(int value) {
        return new JsonLimits(bytes, depth, value, numberChars, records, problems);
    }

    public JsonLimits withNumberChars(int value) {
        return new JsonLimits(bytes, depth, stringChars, value, records, problems);
    }

    public JsonLimits withRecords(int value) {
        return new JsonLimits(bytes, depth, stringChars, numberChars, value, problems);
    }

    public JsonLimits withProblems(int value) {
        return new JsonLimits(bytes, depth, stringChars, numberChars, records, value);
    }

    /** The limits by the names the command line and the messages use. */
    public static List<String> names() {
        return List.copyOf(SETTERS.keySet());
    }

    /**
     * These limits with one changed by name, as {@code --limit NAME=VALUE} gives it: a whole number (digits, with
     * {@code _} or {@code ,} between them, and an optional {@code k}, {@code m} or {@code g} suffix for 1024,
     * 1024^2, 1024^3).
     *
     * @throws IllegalArgumentException naming the limit and what it takes, for an unknown name or a bad value
     */
    public JsonLimits with(String name, String value) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        Setter setter = SETTERS.get(key);
        if (setter == null) {
            throw new IllegalArgumentException("unknown limit \"" + name + "\"; the JSON limits are "
                    + String.join(", ", names()));
        }
        return setter.apply(this, LimitValues.parseWhole(key, value == null ? "" : value.strip()));
    }

    /** The value of the named limit as the messages show it. */
    String shown(String name) {
        return switch (name) {
            case "json-bytes" -> bytes(bytes);
            case "json-depth" -> grouped(depth);
            case "json-string-chars" -> grouped(stringChars);
            case "json-number-chars" -> grouped(numberChars);
            case "json-records" -> grouped(records);
            case "problems" -> grouped(problems);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The "Maybe" text of a refusal: how to raise the limit for a trusted document. */
    static String raise(String name) {
        return "if the document is trusted and must be read, raise the limit with --limit " + name + "=VALUE (Java: "
                + "JsonLimits.defaults().with(\"" + name + "\", VALUE)).";
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

    private static void check(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be from " + grouped(min) + " to " + grouped(max)
                    + ", got " + grouped(value));
        }
    }

    @FunctionalInterface
    private interface Setter {
        JsonLimits apply(JsonLimits limits, long value);
    }

    private static final Map<String, Setter> SETTERS = new LinkedHashMap<>();

    static {
        SETTERS.put("json-bytes", JsonLimits::withBytes);
        SETTERS.put("json-depth", (l, v) -> l.withDepth(toInt(v)));
        SETTERS.put("json-string-chars", (l, v) -> l.withStringChars(toInt(v)));
        SETTERS.put("json-number-chars", (l, v) -> l.withNumberChars(toInt(v)));
        SETTERS.put("json-records", (l, v) -> l.withRecords(toInt(v)));
        SETTERS.put("problems", (l, v) -> l.withProblems(toInt(v)));
    }

    private static int toInt(long v) {
        return (int) Math.min(Integer.MAX_VALUE, v);
    }

}
