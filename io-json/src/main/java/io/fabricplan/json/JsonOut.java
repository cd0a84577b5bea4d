package io.fabricplan.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes a document in UTF-8, laid out to be read and diffed: the top level one field per line, its arrays one
 * record per line, each record on its line. Numbers that are whole are written as integers ({@code 800}, not
 * {@code 800.0}); others in the shortest form that reads back as the same double, so that reading what was
 * written gives equal records and writing them again the same bytes.
 */
final class JsonOut implements AutoCloseable {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final JsonGenerator g;

    JsonOut(OutputStream out) throws IOException {
        g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setPrettyPrinter(new Layout());
    }

    void startObject() throws IOException {
        g.writeStartObject();
    }

    void startObject(String name) throws IOException {
        g.writeFieldName(name);
        g.writeStartObject();
    }

    void endObject() throws IOException {
        g.writeEndObject();
    }

    void startArray(String name) throws IOException {
        g.writeFieldName(name);
        g.writeStartArray();
    }

    void endArray() throws IOException {
        g.writeEndArray();
    }

    /** A string field; left out when null or empty (a blank cell). */
    void text(String name, String value) throws IOException {
        if (value != null && !value.isEmpty()) {
            g.writeStringField(name, value);
        }
    }

    /** A string field, null when there is none. */
    void textOrNull(String name, String value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }

    /** A number field; left out when NaN (blank). */
    void number(String name, double value) throws IOException {
        if (!Double.isNaN(value)) {
            g.writeFieldName(name);
            value(value);
        }
    }

    /** A number field, null when NaN or infinite (a figure the plan does not give). */
    void figure(String name, double value) throws IOException {
        g.writeFieldName(name);
        if (Double.isFinite(value)) {
            value(value);
        } else {
            g.writeNull();
        }
    }

    void whole(String name, long value) throws IOException {
        g.writeNumberField(name, value);
    }

    void bool(String name, boolean value) throws IOException {
        g.writeBooleanField(name, value);
    }

    void nullField(String name) throws IOException {
        g.writeNullField(name);
    }

    void choice(String name, Enum<?> value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value.name());
        }
    }

    /** An array of strings; left out when empty. */
    void list(String name, List<String> values) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        strings(name, values);
    }

    /** An array of strings, empty or not. */
    void strings(String name, List<String> values) throws IOException {
        g.writeFieldName(name);
        g.writeStartArray();
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** A field whose value is a JSON document written elsewhere, as it stands (e.g. an instance in a job's input). */
    void rawValue(String name, String json) throws IOException {
        g.writeFieldName(name);
        g.writeRawValue(json);
    }

    /** The generator, for writers that take one (with this layout). */
    JsonGenerator generator() {
        return g;
    }

    /**
     * Whole numbers as integers; others of ordinary size as plain decimals of the digits Java's shortest repr
     * gives ({@code 0.0001}, not {@code 1.0E-4}); the rest, and -0.0, as Java writes them. All read back exactly.
     */
    private void value(double v) throws IOException {
        double abs = Math.abs(v);
        if (v == 0 && 1 / v < 0) {
            g.writeNumber(v);
        } else if (v == Math.rint(v) && abs < 1e15) {
            g.writeNumber((long) v);
        } else if (abs >= 1e-7 && abs < 1e15) {
            g.writeNumber(new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString());
        } else {
            g.writeNumber(v);
        }
    }

    /** Ends the document with a newline and flushes; the stream stays open. */
    @Override
    public void close() throws IOException {
        g.writeRaw('\n');
        g.close();
    }

    /**
     * The layout: containers of the first two levels (the document and its values) one entry per line, indented by
     * two spaces a level; deeper ones (records, their id lists) on one line.
     */
    private static final class Layout implements PrettyPrinter {
        private int depth;

        @Override
        public void writeRootValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
            depth++;
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            if (depth <= 2) {
                newLine(g, depth);
            }
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            separate(g);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            depth--;
            if (depth < 2 && entries > 0) {
                newLine(g, depth);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw('[');
            depth++;
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            if (depth <= 2) {
                newLine(g, depth);
            }
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            separate(g);
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            depth--;
            if (depth < 2 && values > 0) {
                newLine(g, depth);
            }
            g.writeRaw(']');
        }

        private void separate(JsonGenerator g) throws IOException {
            if (depth <= 2) {
                newLine(g, depth);
            } else {
                g.writeRaw(' ');
            }
        }

        private static void newLine(JsonGenerator g, int level) throws IOException {
            g.writeRaw('\n');
            for (int i = 0; i < level; i++) {
                g.writeRaw("  ");
            }
        }
    }
}
