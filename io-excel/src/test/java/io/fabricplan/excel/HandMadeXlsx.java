package io.fabricplan.excel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * .xlsx files made by hand for tests, as an attacker or an odd tool would: a valid workbook with one more sheet
 * whose XML the test writes itself, streamed (so it may be of any size and say anything), or with a part replaced.
 * Nothing is committed: every file is made in the test.
 */
final class HandMadeXlsx {
    static final String SHEET_START = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    static final String SHEET_END = "</sheetData></worksheet>";
    private static final String EXTRA_PART = "xl/worksheets/sheetExtra.xml";

    /** Writes XML to a part. */
    @FunctionalInterface
    interface Xml {
        void write(Writer out) throws IOException;
    }

    private HandMadeXlsx() {
    }

    /** {@code valid} with a last sheet {@code name} whose whole XML {@code sheetXml} writes. */
    static Path withSheet(Path valid, Path out, String name, Xml sheetXml) throws IOException {
        return rewrite(valid, out, Map.of(
                "[Content_Types].xml", s -> s.replace("</Types>", "<Override PartName=\"/" + EXTRA_PART + "\" "
                        + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                        + "</Types>"),
                "xl/workbook.xml", s -> s.replace("</sheets>", "<sheet name=\"" + name + "\" sheetId=\"99\" "
                        + "r:id=\"rIdExtra\"/></sheets>"),
                "xl/_rels/workbook.xml.rels", s -> s.replace("</Relationships>", "<Relationship Id=\"rIdExtra\" "
                        + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                        + "Target=\"worksheets/sheetExtra.xml\"/></Relationships>")),
                EXTRA_PART, sheetXml);
    }

    /** A sheet's XML: the given rows between the usual start and end. */
    static Xml rows(String rowsXml) {
        return w -> w.write(SHEET_START + rowsXml + SHEET_END);
    }

    /** {@code valid} with one part's text changed. */
    static Path withPartChanged(Path valid, Path out, String part, java.util.function.UnaryOperator<String> change)
            throws IOException {
        return rewrite(valid, out, Map.of(part, change), null, null);
    }

    /**
     * A sheet of {@code cells} blank cells ({@code <c s="0"/>}, 50 to a row, no references), with a space here
     * and there so that it packs about 90 to 1: under POI's zip-bomb ratio, yet tiny on disk.
     */
    static Xml blankCells(long cells) {
        return w -> {
            Random random = new Random(7);
            w.write(SHEET_START);
            for (long c = 0; c < cells; c++) {
                if (c % 50 == 0) {
                    w.write(c == 0 ? "<row>" : "</row><row>");
                }
                w.write("<c s=\"0\"/>");
                if (random.nextInt(1000) < 38) {
                    w.write(" ".repeat(1 + random.nextInt(4)));
                }
            }
            w.write("</row>" + SHEET_END);
        };
    }

    private static Path rewrite(Path valid, Path out, Map<String, java.util.function.UnaryOperator<String>> changes,
                                String addedPart, Xml added) throws IOException {
        try (ZipFile in = new ZipFile(valid.toFile());
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            zip.setLevel(9);
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                zip.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream part = in.getInputStream(entry)) {
                    var change = changes.get(entry.getName());
                    if (change == null) {
                        part.transferTo(zip);
                    } else {
                        zip.write(change.apply(new String(part.readAllBytes(), StandardCharsets.UTF_8))
                                .getBytes(StandardCharsets.UTF_8));
                    }
                }
                zip.closeEntry();
            }
            if (addedPart != null) {
                zip.putNextEntry(new ZipEntry(addedPart));
                Writer writer = new OutputStreamWriter(new NonClosing(zip), StandardCharsets.UTF_8);
                added.write(writer);
                writer.flush();
                zip.closeEntry();
            }
        }
        return out;
    }

    /** Lets a writer be flushed into one zip entry without closing the zip. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
            // the zip stays open
        }
    }
}
