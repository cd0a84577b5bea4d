package io.fabricplan.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile documents, as an upload to a service may be: each refused at its pointer, naming the limit, as it streams
 * in. This class runs in a JVM of 512 MB of heap (see the pom): a reader that built a tree, held a 100 MB string
 * or read on after a limit would not fit.
 */
class HostileJsonTest {
    private static final String HEAD = "{\"format\": \"fabricplan-instance\", \"version\": 1, ";

    @TempDir
    Path dir;

    /** Writes a document piece by piece, never holding it. */
    @FunctionalInterface
    interface Body {
        void write(Writer w) throws IOException;
    }

    private Path file(String name, Body body) throws IOException {
        Path file = dir.resolve(name);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            body.write(w);
        }
        return file;
    }

    private static List<String> described(InstanceJson.ReadResult r) {
        return r.problems().stream().map(p -> p.where() + ": " + p.message() + " | Maybe " + p.hint()).toList();
    }

    @Test
    void nestingAHundredThousandDeepIsRefusedAtTheDepthLimit() throws IOException {
        Path doc = file("deep.json", w -> {
            w.write(HEAD + "\"racks\": ");
            for (int i = 0; i < 100_000; i++) {
                w.write('[');
            }
        });

        InstanceJson.ReadResult r = InstanceJson.read(doc);

        assertThat(r.instance()).isNull();
        assertThat(described(r)).first().asString().startsWith("/racks/0: must be an object, one rack, got an array");
        assertThat(described(r)).last().asString().startsWith("/racks/0/0/0/0/0/0/0/0/0/0/0/0/")
                .contains(": nested more than 64 deep: the limit json-depth (a fabricplan instance nests 4 deep) | "
                        + "Maybe if the document is trusted and must be read, raise the limit with --limit "
                        + "json-depth=VALUE");
    }

    @Test
    void aHundredMegabyteStringIsRefusedAtTheStringLimit() throws IOException {
        Path doc = file("string.json", w -> {
            w.write(HEAD + "\"racks\": [{\"rack_id\": \"");
            char[] chunk = new char[1 << 20];
            java.util.Arrays.fill(chunk, 'x');
            for (int i = 0; i < 100; i++) {
                w.write(chunk);
            }
            w.write("\"}], \"devices\": [], \"links\": []}");
        });

        InstanceJson.ReadResult r = InstanceJson.read(doc);

        assertThat(described(r)).containsExactly("/racks/0/rack_id: a string of more than 32,767 characters: the "
                + "limit json-string-chars | Maybe if the document is trusted and must be read, raise the limit with "
                + "--limit json-string-chars=VALUE (Java: JsonLimits.defaults().with(\"json-string-chars\", VALUE)).");
    }

    @Test
    void aHundredMegabyteFieldNameIsRefusedToo() throws IOException {
        Path doc = file("name.json", w -> {
            w.write(HEAD + "\"");
            char[] chunk = new char[1 << 20];
            java.util.Arrays.fill(chunk, 'y');
            for (int i = 0; i < 100; i++) {
                w.write(chunk);
            }
            w.write("\": 1}");
        });

        InstanceJson.ReadResult r = InstanceJson.read(doc);

        assertThat(described(r)).singleElement().asString().contains("a field name of more than 32,767 "
                + "characters: the limit json-string-chars");
    }

    /** A million links and more: the first 1,048,576 are read, the next one is refused at its pointer. */
    @Test
    void moreLinksThanTheRecordLimitAreRefusedAtTheFirstOneOver() throws IOException {
        Path doc = file("links.json", w -> {
            w.write(HEAD + "\"racks\": [], \"devices\": [], \"links\": [");
            for (int i = 0; i <= JsonLimits.DEFAULTS.records(); i++) {
                w.write(i == 0 ? "{\"link_id\": \"l" : ", {\"link_id\": \"l");
                w.write(Integer.toString(i));
                w.write("\", \"a_device\": \"a\", \"b_device\": \"b\", \"gbps\": 800}");
            }
            w.write("]}");
        });

        InstanceJson.ReadResult r = InstanceJson.read(doc);

        assertThat(r.instance()).isNull();
        assertThat(described(r)).containsExactly("/links/1048576: more than 1,048,576 links: the limit json-records "
                + "| Maybe if the document is trusted and must be read, raise the limit with --limit "
                + "json-records=VALUE (Java: JsonLimits.defaults().with(\"json-records\", VALUE)).");
    }

    @Test
    void hugeNumbersAreRefusedAtTheirFields() throws IOException {
        String digits = "9".repeat(1000);
        Path doc = file("numbers.json", w -> w.write(HEAD + "\"settings\": {\"pue\": 1e400, \"years\": -1e999999999, "
                + "\"threads\": 99999999999999999999999, \"seed\": 1e300}, \"racks\": [], \"devices\": [], \"links\": "
                + "[{\"link_id\": \"l\", \"a_device\": \"a\", \"b_device\": \"b\", \"gbps\": " + digits + "}]}"));

        InstanceJson.ReadResult r = InstanceJson.read(doc);

        assertThat(described(r)).extracting(s -> s.substring(0, s.indexOf(" | "))).containsExactly(
                "/settings/pue: must be a finite number, got 1e400",
                "/settings/years: must be a finite number, got -1e999999999",
                "/settings/threads: is too large, got 99999999999999999999999",
                "/settings/seed: is too large, got 1e300",
                "/links/0/gbps: a number of more than 100 characters: the limit json-number-chars");
    }

    @Test
    void aHundredThousandRepeatedKeysAreCountedAndTheFirstKept() throws IOException {
        Path doc = file("keys.json", w -> {
            w.write(HEAD + "\"racks\": [], \"devices\": [], \"links\": [{\"link_id\": \"l\"");
            for (int i = 0; i < 100_000; i++) {
                w.write(", \"link_id\": \"m\"");
            }
            w.write(", \"a_device\": \"a\", \"b_device\": \"b\", \"gbps\": 800}]}");
        });

        InstanceJson.ReadResult r = InstanceJson.read(doc);

        assertThat(r.problemCount()).isGreaterThanOrEqualTo(100_000);
        assertThat(r.problems()).hasSize(JsonLimits.DEFAULTS.problems());
        assertThat(described(r).get(0)).isEqualTo("/links/0/link_id: duplicate key \"link_id\": a JSON object names "
                + "each field once | Maybe keep one of the two.");
        assertThat(r.instance().links().get(0).id()).isEqualTo("l");
    }

    @Test
    void tenMegabytesOfGarbageAfterTheDocumentAreRefusedAtItsStart() throws IOException {
        Path doc = file("garbage.json", w -> {
            w.write(HEAD + "\"racks\": [], \"devices\": [], \"links\": []}\n");
            for (int i = 0; i < 10 << 10; i++) {
                w.write("]]]]]]]]]]".repeat(100) + "x".repeat(24));
            }
        });

        InstanceJson.ReadResult r = InstanceJson.read(doc);

        assertThat(described(r)).singleElement().asString().startsWith("/: the document goes on after its closing } "
                + "at line 2, column 1: Unexpected close marker ']'");
    }

    @Test
    void aFileLargerThanTheByteLimitIsRefusedUnopened() throws IOException {
        Path doc = dir.resolve("sparse.json");
        try (RandomAccessFile f = new RandomAccessFile(doc.toFile(), "rw")) {
            f.setLength((256L << 20) + 1); // sparse: nothing is written
        }

        InstanceJson.ReadResult r = InstanceJson.read(doc);

        assertThat(described(r)).containsExactly("sparse.json: is 268,435,457 bytes, more than the 256 MiB of the "
                + "limit json-bytes | Maybe if the document is trusted and must be read, raise the limit with --limit "
                + "json-bytes=VALUE (Java: JsonLimits.defaults().with(\"json-bytes\", VALUE)).");
    }

    @Test
    void aStreamLongerThanTheByteLimitIsRefusedAsItStreams() {
        InputStream endless = new InputStream() {
            private final byte[] head = (HEAD + "\"racks\": [").getBytes(StandardCharsets.UTF_8);
            private long read;

            @Override
            public int read() {
                return read < head.length ? head[(int) read++] : (read++ % 2 == 0 ? ' ' : '\n');
            }
        };

        InstanceJson.ReadResult r = InstanceJson.read(endless, JsonLimits.DEFAULTS.withBytes(1 << 20));

        assertThat(described(r)).singleElement().asString().contains("the document is longer than 1 MiB: the "
                + "limit json-bytes");
    }

    @Test
    void bytesThatAreNotUtf8AreASyntaxProblem() {
        byte[] doc = (HEAD + "\"racks\": [{\"rack_id\": \"R\u00e9\"}]}").getBytes(StandardCharsets.ISO_8859_1);

        InstanceJson.ReadResult r = InstanceJson.read(new ByteArrayInputStream(doc), JsonLimits.DEFAULTS);

        assertThat(described(r)).singleElement().asString().startsWith("/racks/0/rack_id: is not valid JSON at "
                + "line 1, column ").contains("Invalid UTF-8");
    }
}
