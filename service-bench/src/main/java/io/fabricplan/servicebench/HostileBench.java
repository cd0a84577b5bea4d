package io.fabricplan.servicebench;

import io.fabricplan.json.InstanceJson;
import io.fabricplan.model.Instance;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hostile uploads under load (issue 12): one {@code fabricplan serve --parallel 2} process (default limits:
 * 64 MiB bodies, the readers' default JSON and workbook limits) and, for SECONDS, client threads at the
 * concurrency limit each alternating a hostile upload (the kinds in turn, to {@code /v1/quote} and {@code
 * /v1/jobs} alternately) with a tiny quote. Each hostile upload must be refused as intended (400), each tiny quote
 * answered 200 with a plan the checker passes (spooled, checked after the run). The server's heap after a full GC
 * and RSS before and after.
 *
 * <pre>
 * HostileBench [--seconds 60] [--clients 6] [--root .] [--work DIR] [--markdown FILE]
 * </pre>
 */
public final class HostileBench {
    static final List<String> SERVE_FLAGS = List.of("--parallel", "2");
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String HEAD = "{\"format\": \"fabricplan-instance\", \"version\": 1, ";

    /** The uploads, what each is and what the service must answer. */
    enum Kind {
        NESTED("JSON nested 100,000 deep", 400),
        ZIP_BOMB(".xlsx whose Links sheet inflates 150 MB at about 340:1", 400),
        HUGE_STRING("JSON with a 50 MB string", 400),
        TRUNCATED("the tiny instance's JSON cut at two thirds", 400),
        PK_NOT_ZIP("starts with PK\\3\\4, is no zip", 400),
        TINY_QUOTE("tiny instance JSON (the quotes among them)", 200);

        final String what;
        final int status;

        Kind(String what, int status) {
            this.what = what;
            this.status = status;
        }
    }

    /** A body and its content type. */
    record Upload(byte[] body, String contentType) {
    }

    static Map<Kind, Upload> uploads(Instance tiny) {
        String tinyJson = InstanceJson.toJson(tiny);
        Map<Kind, Upload> m = new EnumMap<>(Kind.class);
        m.put(Kind.NESTED, json(HEAD + "\"racks\": " + "[".repeat(100_000)));
        m.put(Kind.ZIP_BOMB, new Upload(zipBomb(150 << 20), XLSX));
        m.put(Kind.HUGE_STRING, json(HEAD + "\"racks\": [{\"rack_id\": \"" + "x".repeat(50 << 20) + "\", "
                + "\"site_id\": \"main\"}]}"));
        byte[] t = tinyJson.getBytes(StandardCharsets.UTF_8);
        m.put(Kind.TRUNCATED, new Upload(Arrays.copyOf(t, t.length * 2 / 3), Client.JSON));
        byte[] pk = ("PK\u0003\u0004" + "not a zip at all ".repeat(100)).getBytes(StandardCharsets.ISO_8859_1);
        m.put(Kind.PK_NOT_ZIP, new Upload(pk, "application/octet-stream"));
        m.put(Kind.TINY_QUOTE, new Upload(t, Client.JSON));
        return m;
    }

    private static Upload json(String s) {
        return new Upload(s.getBytes(StandardCharsets.UTF_8), Client.JSON);
    }

    /**
     * An .xlsx of the parts a workbook has, whose Links sheet holds {@code inflatedBytes} of one row repeated,
     * deflated at the best level (about 340:1): the readers' precheck must refuse it by its declared ratio
     * before anything inflates it.
     */
    static byte[] zipBomb(long inflatedBytes) {
        String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            part(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas"
                    + ".openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\""
                    + "application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
                    + "ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\""
                    + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override "
                    + "PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-"
                    + "officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            part(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://"
                    + "schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
                    + rels + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            part(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + main
                    + "\" xmlns:r=\"" + rels + "\"><sheets><sheet name=\"Links\" sheetId=\"1\" r:id=\"rId1\"/>"
                    + "</sheets></workbook>");
            part(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
                    + "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1"
                    + "\" Type=\"" + rels + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + main + "\"><sheetData>")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] row = "<row><c t=\"inlineStr\"><is><t>l1</t></is></c></row>".repeat(1000)
                    .getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < inflatedBytes; written += row.length) {
                zip.write(row);
            }
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** The tally of a kind. */
    static final class Tally {
        final List<Long> nanos = new ArrayList<>();
        final Map<String, Integer> unexpected = new java.util.TreeMap<>();
        int count;
        int expected;
        /** Intended 503s: the service held as many request bodies as it may (uploads_busy). */
        int busy;

        synchronized void add(Kind kind, Client.Answer a) {
            count++;
            nanos.add(a.nanos());
            if (a.status() == kind.status || busy(a)) {
                expected++;
                busy += busy(a) ? 1 : 0;
            } else {
                unexpected.merge(a.outcome(), 1, Integer::sum);
            }
        }
    }

    /** A 503 uploads_busy: the service refusing to hold more bodies at once, as intended under a flood. */
    static boolean busy(Client.Answer a) {
        return a.status() == 503 && a.text().contains("\"uploads_busy\"");
    }

    public static void main(String[] args) throws Exception {
        BenchFlags flags = BenchFlags.parse("HostileBench", args, "--seconds", "--clients", "--root", "--work",
                "--markdown");
        int seconds = flags.whole("--seconds", 60);
        int clients = flags.whole("--clients", 6);
        Path root = flags.path("--root", Path.of("."));
        Path work = flags.path("--work", null);
        Path markdown = flags.path("--markdown", null);
        work = work != null ? Files.createDirectories(work) : Files.createTempDirectory("hostile-");
        Instance tiny = QuoteLatency.INSTANCES.get("tiny").get();
        Map<Kind, Upload> uploads = uploads(tiny);
        uploads.forEach((k, u) -> System.out.printf(Locale.ROOT, "%-11s %,12d bytes  %s%n", k, u.body().length,
                k.what));
        PlanSpool spool = new PlanSpool(work.resolve("plans"));
        Map<Kind, Tally> tallies = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            tallies.put(k, new Tally());
        }
        List<Kind> hostile = Arrays.stream(Kind.values()).filter(k -> k != Kind.TINY_QUOTE).toList();
        String command;
        String loadBefore = QuoteLatency.loadAverage();
        ServerMemory before;
        ServerMemory after;
        try (ServerProcess server = ServerProcess.start(root, SERVE_FLAGS, work.resolve("log"))) {
            command = server.commandLine();
            System.out.println(server.banner() + " (pid " + server.pid() + ")");
            before = ServerMemory.of(server.pid());
            System.out.println("before: server " + before);
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int first = i;
                Client client = new Client(server.base());
                Thread t = new Thread(() -> {
                    for (int n = first; System.nanoTime() < end; n++) {
                        Kind k = hostile.get(n % hostile.size());
                        Upload u = uploads.get(k);
                        tallies.get(k).add(k, client.post(n % 2 == 0 ? "/v1/quote" : "/v1/jobs", u.body(),
                                u.contentType()));
                        Upload q = uploads.get(Kind.TINY_QUOTE);
                        Client.Answer a = client.post("/v1/quote?deadline_ms=20000", q.body(), q.contentType());
                        tallies.get(Kind.TINY_QUOTE).add(Kind.TINY_QUOTE, a);
                        if (a.status() == 200) {
                            spool.add("tiny", a.body());
                        }
                    }
                }, "hostile-client-" + i);
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            after = ServerMemory.of(server.pid());
            System.out.println("after: server " + after);
        }
        PlanSpool.Checked checked = spool.checkAll(Map.of("tiny", tiny));
        System.out.println("tiny quotes: " + checked.cell() + "; " + checked.statusCell());

        LatencyTable table = new LatencyTable(List.of("upload", "bytes", "expected"),
                List.of("as expected", "unexpected"));
        int unexpected = 0;
        for (Kind k : Kind.values()) {
            Tally t = tallies.get(k);
            if (t.count == 0) {
                continue;
            }
            unexpected += t.count - t.expected;
            List<String> parts = new ArrayList<>();
            t.unexpected.forEach((s, v) -> parts.add(s + " x" + v));
            table.add(List.of(k.what, String.format(Locale.ROOT, "%,d", uploads.get(k).body().length),
                            String.valueOf(k.status)), Latencies.of(t.nanos.stream().mapToLong(Long::longValue)
                            .toArray()), List.of(t.expected + " of " + t.count
                                    + (t.busy == 0 ? "" : " (" + t.busy + " of them 503 uploads_busy)"),
                            parts.isEmpty() ? "0" : "**" + (t.count - t.expected) + "** (" + String.join(", ", parts)
                                    + ")"));
        }
        Tally quotes = tallies.get(Kind.TINY_QUOTE);
        StringBuilder md = new StringBuilder();
        md.append("Server: `").append(command).append("` (default limits), ").append(clients)
                .append(" client threads for ").append(seconds).append(" s (load average ").append(loadBefore)
                .append(" at the start, ").append(after.load()).append(" at the end).\n\n");
        md.append(table.markdown()).append('\n');
        md.append("Server memory, heap after a full GC and RSS: before ").append(before.heapCell()).append(", ")
                .append(before.rssCell()).append("; after ").append(after.heapCell()).append(", ")
                .append(after.rssCell()).append(".\n\n");
        md.append("Targets:\n\n");
        md.append("- every hostile upload refused as intended and every tiny quote a 200: ").append(unexpected)
                .append(" unexpected answers: ").append(HttpQuoteBench.met(unexpected == 0)).append('\n');
        md.append("- every tiny quote's plan checked: ").append(checked.cell()).append(" of ")
                .append(quotes.expected).append(" quotes, ").append(checked.statusCell()).append(": ")
                .append(HttpQuoteBench.met(checked.allPassed() && checked.checked() == quotes.expected
                        && checked.allOptimal())).append('\n');
        System.out.println();
        System.out.print(md);
        if (markdown != null) {
            Files.writeString(markdown, md.toString());
        }
        System.exit(unexpected == 0 && checked.allPassed() ? 0 : 1);
    }
}
