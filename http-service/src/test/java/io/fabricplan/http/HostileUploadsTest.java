package io.fabricplan.http;

import static io.fabricplan.http.RawXlsx.row;
import static io.fabricplan.http.RawXlsx.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabricplan.excel.ReadLimits;
import io.fabricplan.instances.Examples;
import io.fabricplan.json.JsonLimits;
import io.fabricplan.model.Instance;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Uploads are untrusted (issue 12, part 4): a corpus of hostile and broken uploads, generated here (no binaries
 * committed), each sent over real HTTP to the routes that read uploads. Each is refused with 400, 413 or 415, its
 * error code, and the limit it trips named in the message or a problem; the answer holds no stack trace, no job is
 * queued for it, and the service then answers its health and a tiny quote whose plan the checker passes.
 *
 * <p>Two servers: one at the defaults (64 MiB bodies, the readers' default limits), and one with limits lowered
 * (as {@code fabricplan serve --limit NAME=VALUE} lowers them) for what would take hundreds of megabytes to trip at
 * the defaults. The class runs in a JVM of its own with 512 MB of heap (see the pom): a reader that held a bomb's
 * contents, a tree of a 100,000-deep document or a 50 MB string more than once would not fit. Timeouts are guards
 * against hangs, not timing assertions.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HostileUploadsTest {
    static final String JSON = "application/json";
    static final String XLSX = Upload.XLSX;
    private static final String HEAD = "{\"format\": \"fabricplan-instance\", \"version\": 1, ";
    private static final List<String> SOLVE = List.of("/v1/quote", "/v1/jobs");
    private static final List<String> ALL = List.of("/v1/quote", "/v1/jobs", "/v1/validate", "/v1/check");

    /** The lowered limits of the second server. */
    static final long TIGHT_BODY = 1 << 20;
    static final JsonLimits TIGHT_JSON = JsonLimits.DEFAULTS.withRecords(64).withStringChars(1_000);
    static final ReadLimits TIGHT_WORKBOOK = ReadLimits.DEFAULTS.withWorkbookBytes(1 << 20);

    static PlanningServer open;
    static PlanningServer tight;
    static Client openClient;
    static Client tightClient;

    @BeforeAll
    static void start() {
        open = PlanningServer.builder().port(0).parallelism(2).build().start();
        tight = PlanningServer.builder().port(0).parallelism(2).maxBodyBytes(TIGHT_BODY).jsonLimits(TIGHT_JSON)
                .workbookLimits(TIGHT_WORKBOOK).build().start();
        openClient = new Client(open.uri());
        tightClient = new Client(tight.uri());
    }

    @AfterAll
    static void stop() {
        if (open != null) {
            open.close();
        }
        if (tight != null) {
            tight.close();
        }
    }

    // ------------------------------------------------------------------------------------------------- corpus

    /**
     * One hostile upload: its body (made when sent), how it is sent, and what every route answers.
     *
     * @param named texts the message or a problem must hold: the limit's name, and where it applies
     */
    record Hostile(String name, boolean lowered, Supplier<byte[]> body, String contentType, boolean chunked,
                   int status, String error, List<String> named, List<String> routes) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Hostile json(String name, Supplier<byte[]> body, String error, List<String> routes,
                                String... named) {
        return new Hostile(name, false, body, JSON, false, 400, error, List.of(named), routes);
    }

    private static Hostile workbook(String name, Supplier<RawXlsx> xlsx, String... named) {
        return new Hostile(name, false, () -> xlsx.get().bytes(), XLSX, false, 400, "invalid_input",
                List.of(named), ALL);
    }

    static Stream<Hostile> corpus() {
        return Stream.of(
                // JSON, at the defaults
                json("JSON nested 100,000 deep", () -> ascii(HEAD + "\"racks\": " + "[".repeat(100_000)),
                        "invalid_input", ALL, "nested more than 64 deep: the limit json-depth",
                        "--limit json-depth=VALUE"),
                json("a 50 MB string at the default limits", () -> withString(50 << 20), "invalid_input", SOLVE,
                        "/racks/0/rack_id: a string of more than 32,767 characters: the limit json-string-chars"),
                json("a 10,000-digit number", () -> ascii(HEAD + "\"racks\": [{\"rack_id\": \"R1\", \"site_id\": "
                                + "\"main\", \"power_budget_kw\": " + "9".repeat(10_000) + "}]}"), "invalid_input",
                        ALL, "/racks/0/power_budget_kw: a number of more than 100 characters: the limit "
                                + "json-number-chars"),
                json("truncated JSON", () -> {
                    byte[] tiny = ascii(Served.json(Examples.tiny()));
                    return Arrays.copyOf(tiny, tiny.length * 2 / 3);
                }, "invalid_input", ALL, "is not valid JSON"),
                json("JSON with a byte-order mark, truncated", () -> {
                    byte[] tiny = ascii(Served.json(Examples.tiny()));
                    return concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                            Arrays.copyOf(tiny, tiny.length / 2));
                }, "invalid_input", ALL, "is not valid JSON"),
                json("an envelope whose options object is over 64 KiB", () -> {
                    StringBuilder options = new StringBuilder("{");
                    for (int i = 0; options.length() <= Upload.MAX_OPTIONS_BYTES; i++) {
                        options.append(i == 0 ? "" : ", ").append("\"option_").append(i).append("\": ").append(i);
                    }
                    return ascii("{\"instance\": " + Served.json(Examples.tiny()) + ", \"options\": " + options
                            + "}}");
                }, "invalid_input", SOLVE, "/options", "more than the 65,536 an options object may have"),
                json("an envelope whose options nest 100,000 deep", () -> ascii("{\"instance\": "
                                + Served.json(Examples.tiny()) + ", \"options\": " + "{\"a\": ".repeat(100_000)),
                        "invalid_input", SOLVE, "the limit json-depth"),
                json("a check whose plan nests 100,000 deep", () -> ascii("{\"instance\": "
                                + Served.json(Examples.tiny()) + ", \"plan\": " + "{\"a\": ".repeat(100_000)),
                        "invalid_input", List.of("/v1/check"), "the limit json-depth"),
                new Hostile("a CSV file", false, () -> ascii("link_id,a_device,b_device\nl1,leaf1,s1\n"), "text/csv",
                        false, 415, "unsupported_media_type", List.of("neither JSON nor an .xlsx workbook"), ALL),

                // workbooks, at the defaults
                workbook("a zip bomb: Links inflating 150 MB at about 1000:1",
                        () -> RawXlsx.instance().level(Deflater.BEST_COMPRESSION).sheet("Links", bomb(150)),
                        "upload.xlsx: part xl/worksheets/sheet4.xml inflates", "more than 100:1 (limit inflate-ratio)"),
                workbook("a zip of 1,100 entries", () -> {
                    RawXlsx x = RawXlsx.instance();
                    for (int i = 0; i < 1_100; i++) {
                        x.part("xl/media/pad" + i + ".bin", new byte[] {1});
                    }
                    return x;
                }, "upload.xlsx: has more than 1,000 parts (zip entries; limit zip-entries)"),
                workbook("2,000,001 shared strings, stored uncompressed", () -> RawXlsx.instance()
                                .level(Deflater.NO_COMPRESSION).sharedStrings(out -> {
                                    out.write("<sst xmlns=\"" + RawXlsx.MAIN + "\">");
                                    for (int i = 0; i <= 2_000_000; i++) {
                                        out.write("<si/>");
                                    }
                                    out.write("</sst>");
                                }).sheet("Links", RawXlsx.links(row(new RawXlsx.Cell("<v>0</v>"), "leaf1", "s1", 1,
                                800), row("l2", "leaf1", "s2", 1, 800))),
                        "has more than 2,000,000 shared strings (limit shared-strings)"),
                new Hostile("a file starting PK\\3\\4 that is not a zip", false, () -> concat(new byte[] {'P', 'K', 3,
                        4}, ascii("not a zip at all ".repeat(100))), "application/octet-stream", false, 400,
                        "invalid_input", List.of("upload.xlsx: cannot be read as an .xlsx workbook"), ALL),
                workbook("an external entity (XXE) in the Links sheet", () -> RawXlsx.instance().sheet("Links",
                                out -> out.write("<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM "
                                        + "\"file:///etc/passwd\">]><worksheet xmlns=\"" + RawXlsx.MAIN + "\">"
                                        + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&x;</t></is>"
                                        + "</c></row></sheetData></worksheet>")),
                        "part /xl/worksheets/sheet4.xml (sheet \"Links\") declares a DOCTYPE"),
                workbook("a formula nested 1,000 deep", () -> RawXlsx.instance().sheet("Links", RawXlsx.links(
                                row("l1", "leaf1", "s1", 1, new RawXlsx.Cell("<f>" + "(".repeat(1_000) + "800"
                                        + ")".repeat(1_000) + "</f>")), row("l2", "leaf1", "s2", 1, 800))),
                        "Links!E2: formula nested 1,000 levels deep", "more than 64 (limit formula-nesting)"),
                workbook("a cell of 32,768 characters", () -> RawXlsx.instance().sheet("Links", RawXlsx.links(
                                row("x".repeat(32_768), "leaf1", "s1", 1, 800), row("l2", "leaf1", "s2", 1, 800))),
                        "Links!A2: text of more than 32,767 characters (limit cell-chars)"),
                workbook("a row beyond Excel's last", () -> RawXlsx.instance().sheet("Notes", out -> {
                    RawXlsx.start(out);
                    out.write(RawXlsx.rowXml(1, "note"));
                    out.write(RawXlsx.rowXml(1_048_577, "beyond"));
                    RawXlsx.end(out);
                }), "row 1,048,577 is beyond the limit of 1,048,576 rows per sheet (limit rows)"),

                // the body limit at the defaults, without Content-Length
                new Hostile("65 MiB chunked, past the default body limit", false, () -> null, JSON, true, 413,
                        "body_too_large", List.of("at most 67,108,864 bytes are accepted (limit max-body-bytes)"),
                        SOLVE),

                // on the server with lowered limits
                new Hostile("65 links over a lowered json-records", true, () -> {
                    StringBuilder b = new StringBuilder(HEAD + "\"racks\": [], \"devices\": [], \"links\": [");
                    for (int i = 0; i <= 64; i++) {
                        b.append(i == 0 ? "" : ", ").append("{\"link_id\": \"l").append(i)
                                .append("\", \"a_device\": \"a\", \"b_device\": \"b\", \"gbps\": 800}");
                    }
                    return ascii(b.append("]}").toString());
                }, JSON, false, 400, "invalid_input", List.of("/links/64: more than 64 links: the limit "
                        + "json-records"), ALL),
                new Hostile("a 500 KB string over a lowered json-string-chars", true, () -> withString(500_000), JSON,
                        false, 400, "invalid_input", List.of("/racks/0/rack_id: a string of more than 1,000 "
                        + "characters: the limit json-string-chars"), ALL),
                new Hostile("a workbook inflating past a lowered workbook-bytes", true, () -> RawXlsx.instance()
                        .sheet("Notes", out -> {
                            RawXlsx.start(out);
                            for (int r = 1; r <= 40_000; r++) {
                                out.write(RawXlsx.rowXml(r, "row " + r, r * 7919 % 100_003));
                            }
                            RawXlsx.end(out);
                        }).bytes(), XLSX, false, 400, "invalid_input", List.of("inflates to more than 1 MiB (limit "
                        + "workbook-bytes)"), ALL),
                new Hostile("2 MiB with Content-Length over a lowered body limit", true, () -> new byte[2 << 20],
                        JSON, false, 413, "body_too_large", List.of("2,097,152 bytes",
                        "at most 1,048,576 bytes are accepted (limit max-body-bytes)"), ALL),
                new Hostile("2 MiB chunked over a lowered body limit", true, () -> null, JSON, true, 413,
                        "body_too_large", List.of("at most 1,048,576 bytes are accepted (limit max-body-bytes)"), ALL));
    }

    // ------------------------------------------------------------------------------------------------- tests

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedNamingItsLimitWithNothingQueuedAndTheServiceServesOn(Hostile h) throws java.io.IOException {
        PlanningServer server = h.lowered() ? tight : open;
        Client client = h.lowered() ? tightClient : openClient;
        byte[] body = h.chunked() ? null : h.body().get();
        for (String route : h.routes()) {
            int jobs = jobCount(client);

            Client.Answer a = h.chunked() ? client.send(client.request(route).header("Content-Type",
                    h.contentType()).POST(HttpRequest.BodyPublishers.ofInputStream(
                    () -> zeros(server.settings().maxBodyBytes + (1 << 20)))).build())
                    : client.post(route, body, h.contentType());

            assertRefused(h.name() + " to " + route, a, h.status(), h.error(), h.named());
            assertThat(jobCount(client)).as("jobs after %s to %s", h.name(), route).isEqualTo(jobs);
            try (Stream<java.nio.file.Path> left = java.nio.file.Files.list(server.uploads())) {
                assertThat(left).as("uploads kept after %s to %s", h.name(), route).isEmpty();
            }
            servesOn(client);
        }
    }

    /** The corpus's workbook is valid but for its hostile part: the same file without it is quoted. */
    @Test
    void theCorpusInstanceWorkbookIsQuotedAsItIs() {
        Client.Answer a = openClient.post("/v1/quote", RawXlsx.instance().bytes(), XLSX);

        assertThat(a.status()).as("%s", a).isEqualTo(200);
        assertThat(a.json().get("status").asText()).isEqualTo("OPTIMAL");
    }

    /** A byte-order mark before a valid document is allowed (RFC 8259 lets a reader ignore it): quoted. */
    @Test
    void jsonWithAByteOrderMarkIsQuoted() {
        Instance tiny = Examples.tiny();
        byte[] body = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, ascii(Served.json(tiny)));

        Served.checked(tiny, openClient.post("/v1/quote", body, JSON));
    }

    /**
     * Eight hostile uploads at once, with tiny quotes among them: each answered as alone, and the heap after is
     * within 64 MB of the heap before (the server runs in this JVM): nothing of the uploads is kept.
     */
    @Test
    void eightHostileUploadsAtOnceWithQuotesAmongThemLeaveNothingBehind() throws Exception {
        List<Hostile> hostile = corpus().filter(h -> !h.lowered() && !h.chunked()
                && h.routes().contains("/v1/quote") && !h.name().startsWith("a 50 MB")).limit(8).toList();
        assertThat(hostile).hasSize(8);
        Instance tiny = Examples.tiny();
        String tinyJson = Served.json(tiny);
        int jobs = jobCount(openClient);
        openClient.postJson("/v1/quote", tinyJson); // warm: the first solve loads the native solver
        long before = usedHeapAfterGc();

        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            for (int round = 0; round < 2; round++) {
                List<Future<?>> answers = new ArrayList<>();
                for (int i = 0; i < hostile.size(); i++) {
                    Hostile h = hostile.get(i);
                    String route = SOLVE.get((i + round) % 2);
                    answers.add(pool.submit((Callable<Void>) () -> {
                        Client.Answer a = openClient.post(route, h.body().get(), h.contentType());
                        assertRefused(h.name() + " to " + route + " (at once)", a, h.status(), h.error(), h.named());
                        return null;
                    }));
                    if (i % 2 == 1) {
                        answers.add(pool.submit((Callable<Void>) () -> {
                            Served.checked(tiny, openClient.postJson("/v1/quote", tinyJson));
                            return null;
                        }));
                    }
                }
                for (Future<?> f : answers) {
                    f.get(5, TimeUnit.MINUTES);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jobCount(openClient)).isEqualTo(jobs);
        servesOn(openClient);
        long after = usedHeapAfterGc();

        assertThat(after - before).as("heap used after the uploads beyond before: %,d -> %,d bytes", before, after)
                .isLessThan(64L << 20);
    }

    // ------------------------------------------------------------------------------------------------- checks

    static void assertRefused(String what, Client.Answer a, int status, String error, List<String> named) {
        assertThat(a.status()).as("%s: %s", what, a).isEqualTo(status);
        assertThat(a.header("Content-Type")).as(what).startsWith(JSON);
        assertThat(a.text()).as("%s: no stack trace", what).doesNotContain("\tat ", "Exception", "at java.",
                "at org.", "at io.fabricplan", "internal_error");
        JsonNode answer = a.json();
        assertThat(answer.path("error").asText()).as("%s: %s", what, a).isEqualTo(error);
        StringBuilder said = new StringBuilder(answer.path("message").asText());
        for (JsonNode p : answer.path("problems")) {
            said.append('\n').append(p.path("where").asText()).append(": ").append(p.path("message").asText())
                    .append(" | ").append(p.path("hint").asText());
        }
        assertThat(said.toString()).as("%s: the limit named", what).contains(named)
                .doesNotContainPattern("upload-[0-9]"); // the upload, not the service's temporary file
    }

    /** The service's health, and a tiny quote whose plan the checker passes. */
    static void servesOn(Client client) {
        assertThat(client.get("/v1/health").status()).isEqualTo(200);
        Served.checked(Examples.tiny(), client.postJson("/v1/quote", Served.json(Examples.tiny())));
    }

    static int jobCount(Client client) {
        Client.Answer a = client.get("/v1/jobs");
        assertThat(a.status()).as("%s", a).isEqualTo(200);
        return a.json().get("count").asInt();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            least = Math.min(least, rt.totalMemory() - rt.freeMemory());
        }
        return least;
    }

    // ------------------------------------------------------------------------------------------------- bodies

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** An instance whose first rack's id is a string of {@code chars} x's. */
    static byte[] withString(int chars) {
        byte[] head = ascii(HEAD + "\"racks\": [{\"rack_id\": \"");
        byte[] tail = ascii("\"}], \"devices\": [], \"links\": []}");
        byte[] doc = new byte[head.length + chars + tail.length];
        System.arraycopy(head, 0, doc, 0, head.length);
        Arrays.fill(doc, head.length, head.length + chars, (byte) 'x');
        System.arraycopy(tail, 0, doc, head.length + chars, tail.length);
        return doc;
    }

    /** A stream of {@code length} spaces after a "{", never held. */
    static InputStream zeros(long length) {
        return new InputStream() {
            private long sent;

            @Override
            public int read() {
                return sent >= length ? -1 : sent++ == 0 ? '{' : ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= length) {
                    return -1;
                }
                int n = (int) Math.min(len, length - sent);
                Arrays.fill(b, off, off + n, (byte) ' ');
                if (sent == 0 && n > 0) {
                    b[off] = '{';
                }
                sent += n;
                return n;
            }
        };
    }

    /** A sheet of {@code megabytes} MB of repeated cells: it compresses about 1000:1. */
    static RawXlsx.Body bomb(int megabytes) {
        return out -> {
            RawXlsx.start(out);
            String row = "<row><c t=\"inlineStr\"><is><t>boom</t></is></c></row>";
            long rows = ((long) megabytes << 20) / row.length();
            for (long r = 0; r < rows; r++) {
                out.write(row);
            }
            RawXlsx.end(out);
        };
    }
}
