package io.fabricplan.http;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes .xlsx uploads part by part into memory, as hostile or careless tools do (a trimmed copy of the command
 * line tests' RawXlsx): every part's XML is ours, so a test can put in what POI would never write (a DOCTYPE, a
 * formula nested 1,000 deep, a row beyond Excel's last) and stream huge parts through the deflater without holding
 * them uncompressed.
 *
 * <p>{@link #instance()} is a small valid instance (Settings, Racks, Devices, Links; the built-in catalog applies)
 * that solves in a second; Links has columns A link_id, B a_device, C b_device, D count, E gbps.
 */
final class RawXlsx {
    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /** Writes a part's whole XML. */
    @FunctionalInterface
    interface Body {
        void write(Writer out) throws IOException;
    }

    /** A cell given as its own XML, e.g. {@code <f>2*400</f>} (without the {@code <c>} element). */
    record Cell(String inner) {
    }

    private record Sheet(String name, Body body) {
    }

    private final List<Sheet> sheets = new ArrayList<>();
    private final Map<String, byte[]> extraParts = new LinkedHashMap<>();
    private Body sharedStrings;
    private int level = Deflater.DEFAULT_COMPRESSION;

    static RawXlsx instance() {
        return new RawXlsx()
                .sheet("Settings", rows(row("key", "value"), row("objective", "TCO"), row("pue", 1.3)))
                .sheet("Racks", rows(row("rack_id", "site_id", "x_m", "y_m", "power_budget_kw", "base_load_kw",
                                "free_u"),
                        row("R1", "main", 0, 0, 20, 8, 10),
                        row("R2", "main", 3, 0, 40, 30, 4)))
                .sheet("Devices", rows(row("device_id", "role", "family", "packaging", "rack_id", "ports",
                                "port_gbps", "lpo_capable"),
                        row("leaf1", "LEAF", "SW51T", "AUTO", "R1", null, null, null),
                        row("s1", "SERVER", null, null, "R2", 1, 800, "NO"),
                        row("s2", "SERVER", null, null, "R2", 1, 800, "NO")))
                .sheet("Links", links(row("l1", "leaf1", "s1", 1, 800), row("l2", "leaf1", "s2", 1, 800)));
    }

    /** A Links sheet of these two rows under the header. */
    static Body links(Object[] l1, Object[] l2) {
        return rows(row("link_id", "a_device", "b_device", "count", "gbps"), l1, l2);
    }

    static Object[] row(Object... cells) {
        return cells;
    }

    /** A sheet of these rows (row 1 first): Strings inline, Numbers, {@link Cell}s, null for none. */
    static Body rows(Object[]... rows) {
        return out -> {
            start(out);
            for (int r = 0; r < rows.length; r++) {
                out.write(rowXml(r + 1, rows[r]));
            }
            end(out);
        };
    }

    /** The XML of one row numbered {@code number} (1-based); at most 26 columns. */
    static String rowXml(int number, Object... cells) {
        StringBuilder b = new StringBuilder("<row r=\"").append(number).append("\">");
        for (int c = 0; c < cells.length; c++) {
            Object v = cells[c];
            if (v == null) {
                continue;
            }
            String ref = (char) ('A' + c) + Integer.toString(number);
            if (v instanceof Cell cell) {
                b.append("<c r=\"").append(ref).append("\">").append(cell.inner()).append("</c>");
            } else if (v instanceof Number n) {
                b.append("<c r=\"").append(ref).append("\"><v>").append(n).append("</v></c>");
            } else {
                b.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t>").append(xml(v.toString()))
                        .append("</t></is></c>");
            }
        }
        return b.append("</row>").toString();
    }

    static void start(Writer out) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"" + MAIN
                + "\" xmlns:r=\"" + RELS + "\"><sheetData>");
    }

    static void end(Writer out) throws IOException {
        out.write("</sheetData></worksheet>");
    }

    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Adds a sheet, or replaces the one of that name. */
    RawXlsx sheet(String name, Body body) {
        for (int i = 0; i < sheets.size(); i++) {
            if (sheets.get(i).name().equals(name)) {
                sheets.set(i, new Sheet(name, body));
                return this;
            }
        }
        sheets.add(new Sheet(name, body));
        return this;
    }

    /** The shared strings part, written as it streams. */
    RawXlsx sharedStrings(Body xml) {
        this.sharedStrings = xml;
        return this;
    }

    /** Another part, e.g. an embedded file. */
    RawXlsx part(String name, byte[] content) {
        extraParts.put(name, content);
        return this;
    }

    RawXlsx level(int deflateLevel) {
        this.level = deflateLevel;
        return this;
    }

    /** The workbook's bytes. */
    byte[] bytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(level);
            StringBuilder types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\""
                    + "http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package."
                    + "relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Default Extension=\"bin\" ContentType=\"application/octet-stream\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-"
                    + "officedocument.spreadsheetml.sheet.main+xml\"/>");
            StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
                    + "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
            StringBuilder book = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\""
                    + MAIN + "\" xmlns:r=\"" + RELS + "\"><sheets>");
            for (int i = 0; i < sheets.size(); i++) {
                String part = "worksheets/sheet" + (i + 1) + ".xml";
                types.append("<Override PartName=\"/xl/").append(part).append("\" ContentType=\"application/"
                        + "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
                rels.append("<Relationship Id=\"rId").append(i + 1).append("\" Type=\"").append(RELS)
                        .append("/worksheet\" Target=\"").append(part).append("\"/>");
                book.append("<sheet name=\"").append(xml(sheets.get(i).name())).append("\" sheetId=\"")
                        .append(i + 1).append("\" r:id=\"rId").append(i + 1).append("\"/>");
            }
            if (sharedStrings != null) {
                types.append("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd."
                        + "openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
                rels.append("<Relationship Id=\"rIdStrings\" Type=\"").append(RELS)
                        .append("/sharedStrings\" Target=\"sharedStrings.xml\"/>");
            }
            book.append("</sheets></workbook>");
            put(zip, "[Content_Types].xml", types.append("</Types>").toString());
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://"
                    + "schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
                    + RELS + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            put(zip, "xl/workbook.xml", book.toString());
            put(zip, "xl/_rels/workbook.xml.rels", rels.append("</Relationships>").toString());
            if (sharedStrings != null) {
                stream(zip, "xl/sharedStrings.xml", sharedStrings);
            }
            for (int i = 0; i < sheets.size(); i++) {
                stream(zip, "xl/worksheets/sheet" + (i + 1) + ".xml", sheets.get(i).body());
            }
            for (Map.Entry<String, byte[]> e : extraParts.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void stream(ZipOutputStream zip, String name, Body body) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Writer w = new BufferedWriter(new OutputStreamWriter(new NonClosing(zip), StandardCharsets.UTF_8), 1 << 16);
        body.write(w);
        w.flush();
        zip.closeEntry();
    }

    /** Lets a writer be flushed into the current zip entry without closing the zip. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
