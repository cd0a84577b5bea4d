package io.fabricplan.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.fabricplan.validate.InputProblem;
import io.fabricplan.validate.Spelling;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One read of one JSON document, streamed token by token with Jackson's parser, so that memory holds the records
 * and never a tree of the document. Every field is read by its {@link JsonField}: a value of the wrong type, an
 * unknown or repeated key, a missing required field is a problem at its JSON pointer, and reading goes on, so that
 * every such problem of every record is found at once. What no reading can go on from (bad syntax, a limit of
 * {@link JsonLimits} passed, content after the document) ends it with a {@link Refusal}.
 */
final class JsonReading implements AutoCloseable {
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[;,\\s]+");
    /** Characters of a value that messages show; longer ones are cut. */
    private static final int SHOWN_CHARS = 60;
    private static final Object BLANK = new Object();

    private final JsonParser parser;
    private final Problems problems;
    private final JsonLimits limits;
    /** The document in words for messages, e.g. "a fabricplan instance". */
    private final String document;
    private boolean rootClosed;

    private JsonReading(JsonParser parser, Problems problems, JsonLimits limits, String document) {
        this.parser = parser;
        this.problems = problems;
        this.limits = limits;
        this.document = document;
    }

    /** The document can be read no further; the problem says why. */
    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient InputProblem problem;

        Refusal(String where, String message, String hint) {
            super(message, null, false, false);
            this.problem = new InputProblem(where, message, hint);
        }

        InputProblem problem() {
            return problem;
        }
    }

    /** Reads the value the parser stands on, at a pointer. */
    @FunctionalInterface
    interface Container {
        void read(String at) throws IOException, Refusal;
    }

    /** Whole numbers, unboxed: the array index of each record kept. */
    static final class Indices {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    static JsonFactory factory(JsonLimits limits) {
        return JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxDocumentLength(limits.bytes()).maxNestingDepth(limits.depth())
                .maxStringLength(limits.stringChars()).maxNameLength(limits.stringChars())
                .maxNumberLength(limits.numberChars()).build()).build();
    }

    /** What a document reading gives: its body's result, or null when it was refused. */
    @FunctionalInterface
    interface Body<T> {
        T read(JsonReading reading) throws IOException, Refusal;
    }

    /**
     * Reads the file at {@code path}: a file over the {@code json-bytes} limit is refused by its size, unopened.
     * Returns null, with the problem added, when the file is missing or the document refused.
     */
    static <T> T read(Path path, JsonLimits limits, Problems problems, String document, Body<T> body) {
        String where = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        try {
            if (Files.isDirectory(path)) {
                problems.add(where, "is a folder, not a JSON file", "name the .json file.");
                return null;
            }
            long size = Files.size(path);
            if (size > limits.bytes()) {
                problems.add(where, "is " + JsonLimits.grouped(size) + " bytes, more than the " + limits.shown(
                        "json-bytes") + " of the limit json-bytes", JsonLimits.raise("json-bytes"));
                return null;
            }
            try (InputStream in = Files.newInputStream(path)) {
                return read(in, limits, problems, document, body);
            }
        } catch (NoSuchFileException e) {
            problems.add(where, "file not found: " + path.toAbsolutePath(), "check the path.");
        } catch (IOException e) {
            problems.add(where, "cannot be read: " + e.getMessage(), "check the file and its permissions.");
        }
        return null;
    }

    /** Reads a document from a stream (not closed here); null, with the problem added, when it is refused. */
    static <T> T read(InputStream in, JsonLimits limits, Problems problems, String document, Body<T> body) {
        JsonParser parser;
        try {
            parser = factory(limits).createParser(in);
        } catch (IOException e) {
            problems.add("/", "cannot be read: " + e.getMessage(), "check the document.");
            return null;
        }
        try (JsonReading reading = new JsonReading(parser, problems, limits, document)) {
            try {
                return body.read(reading);
            } catch (Refusal r) {
                problems.add(r.problem());
            } catch (StreamConstraintsException e) {
                problems.add(reading.limitProblem(e));
            } catch (JsonProcessingException e) {
                problems.add(reading.syntaxProblem(e));
            } catch (IOException e) {
                problems.add(reading.at(), "cannot be read: " + e.getMessage(), "check the document.");
            }
        } catch (IOException e) {
            // closing a parser over a stream that failed: its problem is reported already
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    // ---------------------------------------------------------------- structure

    /**
     * Reads the document: one object whose scalar fields are {@code root}'s and whose other fields are read by
     * their {@code containers}, each at most once; then nothing may follow it.
     */
    Values root(JsonRecord root, Map<String, Container> containers) throws IOException, Refusal {
        JsonToken t = parser.nextToken();
        if (t == null) {
            throw new Refusal("/", "the document is empty", "send " + document + " as one JSON object, "
                    + "{\"format\": ...}.");
        }
        if (t != JsonToken.START_OBJECT) {
            throw new Refusal("/", "must be a JSON object, got " + shown(), "send " + document
                    + " as one JSON object, {\"format\": ...}.");
        }
        Values v = new Values(root, "", -1);
        boolean[] seen = new boolean[root.fields().size()];
        Map<String, Boolean> seenContainers = new LinkedHashMap<>();
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            String at = Pointers.child("", name);
            Container container = containers.get(name);
            if (container != null) {
                if (seenContainers.put(name, true) != null) {
                    duplicate(at, name);
                    skip();
                } else {
                    container.read(at);
                }
                continue;
            }
            field(v, root, seen, name, at, containers.keySet());
        }
        rootClosed = true;
        t = parser.nextToken();
        if (t != null) {
            JsonLocation l = parser.currentTokenLocation();
            throw new Refusal("/", "the document goes on after its closing } at line " + l.getLineNr() + ", column "
                    + l.getColumnNr(), "send one JSON object and nothing after it.");
        }
        missing(v, seen);
        return v;
    }

    /** Reads the object the parser stands on as a record of {@code type}. */
    Values object(JsonRecord type, String at) throws IOException, Refusal {
        return object(type, at, -1);
    }

    /** As {@link #object(JsonRecord, String)}, element {@code index} of its array. */
    private Values object(JsonRecord type, String at, int index) throws IOException, Refusal {
        Values v = new Values(type, at, index);
        boolean[] seen = new boolean[type.fields().size()];
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            field(v, type, seen, name, Pointers.child(at, name), List.of());
        }
        missing(v, seen);
        return v;
    }

    private void field(Values v, JsonRecord type, boolean[] seen, String name, String at,
                       Iterable<String> otherKeys) throws IOException, Refusal {
        Integer position = type.positions().get(name);
        if (position == null) {
            unknown(at, name, type, otherKeys);
            skip();
            return;
        }
        if (seen[position]) {
            duplicate(at, name);
            skip();
            return;
        }
        seen[position] = true;
        JsonField f = type.fields().get(position);
        Object value = value(f, at);
        if (value == null || value == BLANK) {
            if (f.required()) {
                problems.add(at, value == null ? "is null" : "is blank", needs(type, f));
                value = Values.MISSING;
            } else {
                value = null;
            }
        }
        v.set(position, value);
    }

    private void missing(Values v, boolean[] seen) {
        JsonRecord type = v.type();
        for (int i = 0; i < seen.length; i++) {
            JsonField f = type.fields().get(i);
            if (!seen[i] && f.required()) {
                problems.add(Pointers.child(v.pointer().isEmpty() ? "/" : v.pointer(), f.name()), "is missing",
                        needs(type, f));
                v.set(i, Values.MISSING);
            }
        }
    }

    private static String needs(JsonRecord type, JsonField f) {
        String what = type.noun().isEmpty() ? "the document" : "every " + type.noun();
        return "give it: " + what + " needs " + f.name() + (f.unit() == null ? "" : " (" + f.unit() + ")")
                + ", e.g. " + f.sample() + ".";
    }

    /**
     * Reads the array the parser stands on as records of {@code type}: each object through {@code build} (null
     * leaves it out), the array index of each record kept added to {@code indices}. Null when the array is null
     * (absent); empty, with a problem, when it is not an array.
     */
    <T> List<T> records(JsonRecord type, String at, Function<Values, T> build, Indices indices)
            throws IOException, Refusal {
        JsonToken t = parser.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_ARRAY) {
            problems.add(at, "must be an array of " + type.noun() + "s, got " + shown(), "give " + type.key()
                    + " as [{...}, ...], one object per " + type.noun() + ".");
            skip();
            return List.of();
        }
        List<T> out = new ArrayList<>();
        int i = 0;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY && t != null) {
            String recordAt = Pointers.child(at, i);
            if (i >= limits.records()) {
                throw new Refusal(recordAt, "more than " + limits.shown("json-records") + " " + type.noun()
                        + "s: the limit json-records", JsonLimits.raise("json-records"));
            }
            if (t != JsonToken.START_OBJECT) {
                problems.add(recordAt, "must be an object, one " + type.noun() + ", got " + shown(), "give each "
                        + type.noun() + " as an object, e.g. {" + type.fields().get(0).sample() + ", ...}.");
                skip();
            } else {
                T record = build.apply(object(type, recordAt, i));
                if (record != null) {
                    out.add(record);
                    indices.add(i);
                }
            }
            i++;
        }
        return out;
    }

    /** The token the parser stands on. */
    JsonToken token() {
        return parser.currentToken();
    }

    /** The value the parser stands on, as messages show it. */
    String shownValue() throws IOException {
        return shown();
    }

    /** The current value skipped, with its children. */
    void skip() throws IOException {
        parser.skipChildren();
    }

    // ---------------------------------------------------------------- values

    /**
     * The value the parser stands on, read as {@code f} says: the value; null for JSON null; BLANK for an empty
     * string; {@link Values#UNREADABLE} after reporting a value of the wrong type.
     */
    private Object value(JsonField f, String at) throws IOException, Refusal {
        JsonToken t = parser.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        return switch (f.type()) {
            case TEXT -> {
                if (t != JsonToken.VALUE_STRING) {
                    yield wrong(at, "must be a string", t.isNumeric() || t.isBoolean()
                            ? "write it in quotes: \"" + f.name() + "\": \"" + parser.getText() + "\"."
                            : "write it as a string, e.g. " + f.sample() + ".");
                }
                String s = parser.getText().strip();
                yield s.isEmpty() ? BLANK : s;
            }
            case NUMBER -> {
                if (!t.isNumeric()) {
                    yield wrong(at, "must be a number", t == JsonToken.VALUE_STRING && isNumber(parser.getText())
                            ? "\"" + f.name() + "\": " + parser.getText().strip() + ", without quotes." : number(f));
                }
                double d = parser.getDoubleValue();
                if (!Double.isFinite(d)) {
                    yield wrong(at, "must be a finite number", number(f));
                }
                yield d;
            }
            case WHOLE, LONG -> whole(f, at, t);
            case YES_NO -> {
                if (t.isBoolean()) {
                    yield t == JsonToken.VALUE_TRUE;
                }
                if (t == JsonToken.VALUE_STRING && (parser.getText().equals("YES") || parser.getText().equals("NO"))) {
                    yield parser.getText().equals("YES");
                }
                String said = t == JsonToken.VALUE_STRING ? parser.getText().strip().toUpperCase(Locale.ROOT) : "";
                boolean yes = List.of("YES", "Y", "TRUE", "1").contains(said);
                boolean no = List.of("NO", "N", "FALSE", "0").contains(said);
                if (f.inWords()) {
                    yield wrong(at, "must be \"YES\" or \"NO\" (or true or false)", yes || no
                            ? "\"" + f.name() + "\": \"" + (yes ? "YES" : "NO") + "\": in capitals."
                            : "give " + f.name() + " as \"YES\" or \"NO\", e.g. " + f.sample() + ".");
                }
                String meant = yes ? "true" : no ? "false" : null;
                yield wrong(at, "must be true or false (or \"YES\" or \"NO\")", (meant != null
                        ? "\"" + f.name() + "\": " + meant + "." : "give " + f.name() + " as true or false, e.g. "
                        + f.sample() + "."));
            }
            case CHOICE -> {
                if (t == JsonToken.VALUE_STRING && f.choices().contains(parser.getText())) {
                    yield parser.getText();
                }
                String meant = t == JsonToken.VALUE_STRING ? closestChoice(parser.getText(), f.choices()) : null;
                yield wrong(at, "must be one of " + String.join(", ", f.choices()), meant != null
                        ? "\"" + meant + "\": the names are spelled as here, in capitals."
                        : "give one of " + String.join(", ", f.choices()) + ", e.g. " + f.sample() + ".");
            }
            case TEXT_LIST -> list(f, at, t, true);
            case TEXT_ARRAY -> list(f, at, t, false);
            case FIGURE -> {
                if (t.isNumeric()) {
                    double d = parser.getDoubleValue();
                    yield Double.isFinite(d) ? (Object) d : new Values.NotNumber(parser.getText());
                }
                if (t.isScalarValue()) {
                    yield new Values.NotNumber(parser.getText());
                }
                yield wrong(at, "must be a number or null", number(f));
            }
            case FIGURE_TEXT -> {
                if (t.isScalarValue()) {
                    String s = parser.getText().strip();
                    yield s.isEmpty() ? null : s;
                }
                yield wrong(at, "must be a string or null", "write it as a string, e.g. " + f.sample() + ".");
            }
        };
    }

    /** Text that a JSON number could be written as. */
    private static boolean isNumber(String text) {
        return text.strip().matches("-?(0|[1-9]\\d{0,30})(\\.\\d{1,30})?([eE][+-]?\\d{1,3})?");
    }

    private static String number(JsonField f) {
        return "give " + f.name() + " as a number" + (f.unit() == null ? "" : " in " + f.unit())
                + ", without quotes, e.g. " + f.sample() + ".";
    }

    private Object whole(JsonField f, String at, JsonToken t) throws IOException {
        long most = f.type() == JsonField.Type.LONG ? 1L << 53 : Integer.MAX_VALUE;
        long least = f.type() == JsonField.Type.LONG ? -(1L << 53) : Integer.MIN_VALUE;
        if (t == JsonToken.VALUE_NUMBER_INT) {
            if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                return wrong(at, "is too large", wholeHint(f, least, most));
            }
            long l = parser.getLongValue();
            return l < least || l > most ? wrong(at, "is too large", wholeHint(f, least, most)) : (Object) l;
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            double d = parser.getDoubleValue();
            if (d == Math.rint(d) && d >= least && d <= most) {
                return (long) d;
            }
            return wrong(at, Double.isFinite(d) && d == Math.rint(d) ? "is too large" : "must be a whole number",
                    wholeHint(f, least, most));
        }
        return wrong(at, "must be a whole number", t == JsonToken.VALUE_STRING && isNumber(parser.getText())
                ? "\"" + f.name() + "\": " + parser.getText().strip() + ", without quotes." : wholeHint(f, least, most));
    }

    /** Made only for a value that is wrong: formatting it for every whole number read cost a quote 40 ms. */
    private static String wholeHint(JsonField f, long least, long most) {
        return "give " + f.name() + " as a whole number from " + JsonLimits.grouped(least) + " to "
                + JsonLimits.grouped(most) + ", e.g. " + f.sample() + ".";
    }

    /** Ids as an array of strings, or (when {@code orText}) one string of them separated by ; , or blanks. */
    private Object list(JsonField f, String at, JsonToken t, boolean orText) throws IOException, Refusal {
        if (orText && t == JsonToken.VALUE_STRING) {
            List<String> ids = Arrays.stream(LIST_SEPARATORS.split(parser.getText().strip()))
                    .filter(s -> !s.isEmpty()).toList();
            return ids.isEmpty() ? BLANK : ids;
        }
        if (t != JsonToken.START_ARRAY) {
            return wrong(at, "must be an array of strings" + (orText ? ", or one string" : ""),
                    "write it as an array, e.g. " + f.sample() + ".");
        }
        List<String> out = new ArrayList<>();
        boolean unreadable = false;
        int i = 0;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY && t != null) {
            String itemAt = Pointers.child(at, i);
            if (i >= limits.records()) {
                throw new Refusal(itemAt, "more than " + limits.shown("json-records") + " items: the limit "
                        + "json-records", JsonLimits.raise("json-records"));
            }
            if (t == JsonToken.VALUE_STRING) {
                String s = parser.getText().strip();
                if (!s.isEmpty()) {
                    out.add(s);
                }
            } else {
                wrong(itemAt, "must be a string", "write every item in quotes, e.g. " + f.sample() + ".");
                unreadable = true;
            }
            i++;
        }
        return unreadable ? Values.UNREADABLE : orText && out.isEmpty() ? BLANK : List.copyOf(out);
    }

    /** Reports the value the parser stands on as of the wrong type, skips it; {@link Values#UNREADABLE}. */
    private Object wrong(String at, String what, String hint) throws IOException {
        problems.add(at, what + ", got " + shown(), hint);
        skip();
        return Values.UNREADABLE;
    }

    /** The current value as messages show it: text quoted and cut, numbers as written, containers named. */
    private String shown() throws IOException {
        JsonToken t = parser.currentToken();
        if (t == JsonToken.START_OBJECT) {
            return "an object";
        }
        if (t == JsonToken.START_ARRAY) {
            return "an array";
        }
        String text = parser.getText();
        String cut = text.length() > SHOWN_CHARS ? text.substring(0, SHOWN_CHARS) + "..." : text;
        return t == JsonToken.VALUE_STRING ? "\"" + cut + "\"" : cut;
    }

    private void duplicate(String at, String name) {
        problems.add(at, "duplicate key \"" + name + "\": a JSON object names each field once",
                "keep one of the two.");
    }

    private void unknown(String at, String name, JsonRecord type, Iterable<String> otherKeys) {
        List<String> known = new ArrayList<>(type.names());
        otherKeys.forEach(known::add);
        String meant = closest(name, known);
        String fields = (type.key().equals("settings") ? "the settings are "
                : "the fields of " + (type.noun().isEmpty() ? document : "a " + type.noun()) + " are ")
                + String.join(", ", known);
        problems.add(at, "unknown field \"" + name + "\"", meant != null ? "\"" + meant + "\" (" + fields + ")."
                : "remove it; " + fields + ".");
    }

    /** The known name closest to {@code wrong} by edit distance (any case), or null when none is close. */
    static String closest(String wrong, List<String> known) {
        return Spelling.closest(wrong, known);
    }

    /** "cp-sat" means CP_SAT, "cpo" CPO; else the closest name by edit distance. */
    private static String closestChoice(String wrong, List<String> choices) {
        String normal = wrong.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return choices.contains(normal) ? normal : closest(normal, choices);
    }

    // ---------------------------------------------------------------- refusals

    /** Where the parser stands, as a JSON pointer. */
    private String at() {
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        return pointer.isEmpty() ? "/" : pointer;
    }

    private InputProblem limitProblem(StreamConstraintsException e) {
        String m = e.getOriginalMessage();
        String at = Pointers.shown(at());
        if (m.startsWith("Document nesting depth")) {
            return new InputProblem(at, "nested more than " + limits.shown("json-depth") + " deep: the limit "
                    + "json-depth (" + document + " nests 4 deep)", JsonLimits.raise("json-depth"));
        }
        if (m.startsWith("String value length")) {
            return new InputProblem(at, "a string of more than " + limits.shown("json-string-chars")
                    + " characters: the limit json-string-chars", JsonLimits.raise("json-string-chars"));
        }
        if (m.startsWith("Name length")) {
            return new InputProblem(at, "a field name of more than " + limits.shown("json-string-chars")
                    + " characters: the limit json-string-chars", JsonLimits.raise("json-string-chars"));
        }
        if (m.startsWith("Number value length")) {
            return new InputProblem(at, "a number of more than " + limits.shown("json-number-chars")
                    + " characters: the limit json-number-chars", JsonLimits.raise("json-number-chars"));
        }
        if (m.startsWith("Document length")) {
            return new InputProblem(at, "the document is longer than " + limits.shown("json-bytes")
                    + ": the limit json-bytes", JsonLimits.raise("json-bytes"));
        }
        return new InputProblem(at, "refused by a limit of the JSON reader: " + m, "check the document.");
    }

    private InputProblem syntaxProblem(JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        String place = l == null ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr();
        String why = e.getOriginalMessage();
        if (rootClosed) {
            return new InputProblem("/", "the document goes on after its closing }" + place + ": " + why,
                    "send one JSON object and nothing after it.");
        }
        return new InputProblem(Pointers.shown(at()), "is not valid JSON" + place + ": " + why,
                "check the document with a JSON validator; it must be " + document + " written as JSON (UTF-8).");
    }
}
