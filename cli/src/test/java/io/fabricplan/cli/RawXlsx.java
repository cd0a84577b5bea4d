package io.fabricplan.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.util.CellReference;

/**
 * Writes .xlsx files part by part, as hostile or careless tools do: every part's XML is ours, so that a test can
 * put in what POI would never write (a column of two billion, a formula saved without its value, a DOCTYPE, a
 * shared string that does not exist) and stream huge sheets straight into the zip without holding them.
 *
 * <p>{@link #instance()} starts from a small valid instance (Settings, Racks, Devices, Links; the built-in catalog
 * applies) that solves in a second: Racks rows 2-3 (R1, R2), Devices rows 2-4 (leaf1, s1, s2), Links rows 2-3 (l1,
 * l2) with columns A link_id, B a_device, C b_device, D count, E gbps.
 */
final class RawXlsx {
    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    /** Style 1 of {@link #STYLES}: a date format (yyyy-mm-dd, number format 14). */
    static final int DATE_STYLE = 1;
    static final String STYLES = "<styleSheet xmlns=\"" + MAIN + "\"><fonts count=\"1\"><font/></fonts>"
            + "<fills count=\"1\"><fill/></fills><borders count=\"1\"><border/></borders>"
            + "<cellStyleXfs count=\"1\"><xf/></cellStyleXfs><cellXfs count=\"2\"><xf numFmtId=\"0\"/>"
            + "<xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>";

    /** Writes a sheet's whole XML. */
    @FunctionalInterface
    interface Body {
        void write(Writer out) throws IOException;
    }

    /** A cell given as its own XML, e.g. {@code <f>2*400</f><v></v>} (without the {@code <c>} element). */
    record Cell(String attributes, String inner) {
    }

    /** A formula cell saved the way openpyxl saves it: the formula and an empty value. */
    static Cell openpyxlFormula(String formula) {
        return new Cell("", "<f>" + xml(formula) + "</f><v></v>");
    }

    private record Sheet(String name, String state, Body body) {
    }

    private final List<Sheet> sheets = new ArrayList<>();
    private final Map<String, byte[]> extraParts = new LinkedHashMap<>();
    private String sharedStrings;
    private String calcPr = "";
    private int level = Deflater.DEFAULT_COMPRESSION;

    static RawXlsx empty() {
        return new RawXlsx();
    }

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
                .sheet("Links", rows(row("link_id", "a_device", "b_device", "count", "gbps"),
                        row("l1", "leaf1", "s1", 1, 800),
                        row("l2", "leaf1", "s2", 1, 800)));
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

    /** The XML of one row numbered {@code number} (1-based). */
    static String rowXml(int number, Object... cells) {
        StringBuilder b = new StringBuilder("<row r=\"").append(number).append("\">");
        for (int c = 0; c < cells.length; c++) {
            Object v = cells[c];
            if (v == null) {
                continue;
            }
            String ref = CellReference.convertNumToColString(c) + number;
            if (v instanceof Cell cell) {
                b.append("<c r=\"").append(ref).append('"').append(cell.attributes().isEmpty() ? "" : " "
                        + cell.attributes()).append('>').append(cell.inner()).append("</c>");
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

    RawXlsx sheet(String name, Body body) {
        return sheet(name, null, body);
    }

    /** Adds a sheet, or replaces the one of that name; {@code state} "hidden" hides it. */
    RawXlsx sheet(String name, String state, Body body) {
        for (int i = 0; i < sheets.size(); i++) {
            if (sheets.get(i).name().equals(name)) {
                sheets.set(i, new Sheet(name, state, body));
                return this;
            }
        }
        sheets.add(new Sheet(name, state, body));
        return this;
    }

    /** Renames a sheet, keeping its place and body. */
    RawXlsx rename(String from, String to) {
        for (int i = 0; i < sheets.size(); i++) {
            if (sheets.get(i).name().equals(from)) {
                sheets.set(i, new Sheet(to, sheets.get(i).state(), sheets.get(i).body()));
            }
        }
        return this;
    }

    /** The shared strings part (its whole XML). */
    RawXlsx sharedStrings(String xml) {
        this.sharedStrings = xml;
        return this;
    }

    /** Asks to be recalculated when opened, as openpyxl and XlsxWriter do. */
    RawXlsx fullCalcOnLoad() {
        this.calcPr = "<calcPr calcId=\"124519\" fullCalcOnLoad=\"1\"/>";
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

    Path write(Path file) throws IOException {
        try (OutputStream os = Files.newOutputStream(file);
             ZipOutputStream zip = new ZipOutputStream(new java.io.BufferedOutputStream(os, 1 << 16))) {
            zip.setLevel(level);
            StringBuilder types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\""
                    + "http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package."
                    + "relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Default Extension=\"bin\" ContentType=\"application/octet-stream\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-"
                    + "officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/styles.xml\" "
                    + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
            StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
                    + "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rIdStyles\" Type=\"" + RELS + "/styles\" Target=\"styles.xml\"/>");
            StringBuilder book = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\""
                    + MAIN + "\" xmlns:r=\"" + RELS + "\"><sheets>");
            for (int i = 0; i < sheets.size(); i++) {
                Sheet s = sheets.get(i);
                String part = "worksheets/sheet" + (i + 1) + ".xml";
                types.append("<Override PartName=\"/xl/").append(part).append("\" ContentType=\"application/"
                        + "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
                rels.append("<Relationship Id=\"rId").append(i + 1).append("\" Type=\"").append(RELS)
                        .append("/worksheet\" Target=\"").append(part).append("\"/>");
                book.append("<sheet name=\"").append(xml(s.name())).append("\" sheetId=\"").append(i + 1)
                        .append('"').append(s.state() == null ? "" : " state=\"" + s.state() + "\"")
                        .append(" r:id=\"rId").append(i + 1).append("\"/>");
            }
            if (sharedStrings != null) {
                types.append("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd."
                        + "openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
                rels.append("<Relationship Id=\"rIdStrings\" Type=\"").append(RELS)
                        .append("/sharedStrings\" Target=\"sharedStrings.xml\"/>");
            }
            book.append("</sheets>").append(calcPr).append("</workbook>");
            put(zip, "[Content_Types].xml", types.append("</Types>").toString());
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://"
                    + "schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
                    + RELS + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            put(zip, "xl/workbook.xml", book.toString());
            put(zip, "xl/_rels/workbook.xml.rels", rels.append("</Relationships>").toString());
            put(zip, "xl/styles.xml", STYLES);
            if (sharedStrings != null) {
                put(zip, "xl/sharedStrings.xml", sharedStrings);
            }
            for (int i = 0; i < sheets.size(); i++) {
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + (i + 1) + ".xml"));
                Writer w = new BufferedWriter(new OutputStreamWriter(new NonClosing(zip), StandardCharsets.UTF_8),
                        1 << 16);
                sheets.get(i).body().write(w);
                w.flush();
                zip.closeEntry();
            }
            for (Map.Entry<String, byte[]> e : extraParts.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
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
