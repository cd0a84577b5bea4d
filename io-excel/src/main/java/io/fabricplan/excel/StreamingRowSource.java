package io.fabricplan.excel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Rows of a workbook parsed from its sheet XML as they come (POI's event API: {@link XSSFReader}, SAX and the
 * read-only shared strings), so memory stays bounded by the shared strings and one row, whatever the number of
 * rows. The file is opened read-only.
 *
 * <p>Cells are read by their stored type, not their display format, exactly as {@link DomRowSource} reads
 * them: numbers as numbers, shared and inline strings as text, booleans, errors. A formula is read by the value
 * saved with it; one saved without a value cannot be evaluated here and reads as {@link CellValue.Kind#UNCACHED}.
 */
final class StreamingRowSource implements RowSource {
    private final OPCPackage pkg;
    private final SharedStrings strings;
    private final Map<String, PackagePart> sheets;
    private boolean metUncached;

    private StreamingRowSource(OPCPackage pkg, SharedStrings strings, Map<String, PackagePart> sheets) {
        this.pkg = pkg;
        this.strings = strings;
        this.sheets = sheets;
    }

    /** Opens an .xlsx for streaming; any failure (not a zip, no workbook part, bad XML) is an IOException. */
    static StreamingRowSource open(Path path) throws IOException {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(path.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            SharedStrings strings = new ReadOnlySharedStringsTable(pkg, false);
            Map<String, PackagePart> sheets = new LinkedHashMap<>();
            XSSFReader.SheetIterator it = reader.getSheetIterator();
            while (it.hasNext()) {
                it.next().close(); // the iterator opens each sheet; its part is what later reads open
                sheets.putIfAbsent(it.getSheetName(), it.getSheetPart());
            }
            return new StreamingRowSource(pkg, strings, sheets);
        } catch (Exception e) {
            pkg.revert();
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    @Override
    public List<String> sheetNames() {
        return new ArrayList<>(sheets.keySet());
    }

    @Override
    public void rows(String sheetName, Consumer<SheetRow> rows) {
        PackagePart part = sheets.get(sheetName);
        try (InputStream in = part.getInputStream()) {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new SheetHandler(rows));
            parser.parse(new InputSource(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException | ParserConfigurationException | RuntimeException e) {
            if (e instanceof UncheckedIOException u) {
                throw u;
            }
            if (e instanceof RuntimeException r && !(e instanceof IllegalArgumentException)
                    && !(e.getClass().getName().startsWith("org.apache.poi"))) {
                throw r; // a bug of ours, not a damaged file
            }
            throw new UncheckedIOException(new IOException("sheet \"" + sheetName + "\": " + e.getMessage(), e));
        }
    }

    @Override
    public boolean metUncachedFormula() {
        return metUncached;
    }

    /** Read-only: nothing to save, so the package is reverted, never closed (which would write). */
    @Override
    public void close() {
        pkg.revert();
    }

    /** 0-based column of a reference such as {@code AB12}; -1 when it has no letters. */
    static int column(String ref) {
        int col = 0;
        int i = 0;
        for (; i < ref.length(); i++) {
            char ch = ref.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                col = col * 26 + (ch - 'A' + 1);
            } else if (ch >= 'a' && ch <= 'z') {
                col = col * 26 + (ch - 'a' + 1);
            } else {
                break;
            }
        }
        return i == 0 ? -1 : col - 1;
    }

    /** The SAX handler of one worksheet: collects each row's cells and hands the row on at its end. */
    private final class SheetHandler extends DefaultHandler {
        private final Consumer<SheetRow> rows;
        private int rowIndex = -1;
        private CellValue[] cells = new CellValue[16];
        private int width;
        private int column;
        private String type;
        private boolean inValue;
        private boolean inFormula;
        private boolean inInline;
        private boolean inInlineText;
        private boolean inPhonetic;
        private boolean hasValue;
        private boolean hasFormula;
        private final StringBuilder value = new StringBuilder();
        private final StringBuilder formula = new StringBuilder();
        private final StringBuilder inline = new StringBuilder();

        SheetHandler(Consumer<SheetRow> rows) {
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowIndex = r == null ? rowIndex + 1 : Integer.parseInt(r) - 1;
                    width = 0;
                    column = -1;
                }
                case "c" -> {
                    String r = attributes.getValue("r");
                    int c = r == null ? -1 : column(r);
                    column = c >= 0 ? c : column + 1;
                    type = attributes.getValue("t");
                    hasValue = false;
                    hasFormula = false;
                    value.setLength(0);
                    formula.setLength(0);
                    inline.setLength(0);
                }
                case "v" -> {
                    inValue = true;
                    hasValue = true;
                }
                case "f" -> {
                    inFormula = true;
                    hasFormula = true;
                }
                case "is" -> inInline = true;
                case "rPh" -> inPhonetic = true;
                case "t" -> inInlineText = inInline && !inPhonetic;
                default -> {
                    // other elements carry no cell values
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                value.append(ch, start, length);
            } else if (inFormula) {
                formula.append(ch, start, length);
            } else if (inInlineText) {
                inline.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v" -> inValue = false;
                case "f" -> inFormula = false;
                case "t" -> inInlineText = false;
                case "rPh" -> inPhonetic = false;
                case "is" -> inInline = false;
                case "c" -> put(cellValue());
                case "row" -> {
                    rows.accept(new SheetRow(rowIndex, Arrays.copyOf(cells, width)));
                    Arrays.fill(cells, 0, width, null);
                }
                default -> {
                    // nothing to finish
                }
            }
        }

        private void put(CellValue v) {
            if (v.isBlank()) {
                return;
            }
            if (column >= cells.length) {
                cells = Arrays.copyOf(cells, Math.max(column + 1, cells.length * 2));
            }
            cells[column] = v;
            width = Math.max(width, column + 1);
        }

        private CellValue cellValue() {
            if (hasFormula && !hasValue) {
                metUncached = true;
                return CellValue.uncached(formula.toString());
            }
            String t = type == null ? "n" : type;
            switch (t) {
                case "inlineStr" -> {
                    return CellValue.raw(inline.toString());
                }
                case "s" -> {
                    if (!hasValue) {
                        return CellValue.BLANK;
                    }
                    return CellValue.raw(strings.getItemAt(Integer.parseInt(value.toString().trim())).getString());
                }
                case "str" -> {
                    return CellValue.raw(value.toString());
                }
                case "b" -> {
                    return hasValue ? CellValue.bool("1".equals(value.toString().trim())) : CellValue.BLANK;
                }
                case "e" -> {
                    return hasValue ? CellValue.error(value.toString()) : CellValue.BLANK;
                }
                default -> {
                    if (!hasValue) {
                        return CellValue.BLANK;
                    }
                    String text = value.toString().trim();
                    if ("d".equals(t)) {
                        return CellValue.raw(text); // an ISO date written as text; rare, and no planner column
                    }
                    try {
                        return CellValue.number(Double.parseDouble(text));
                    } catch (NumberFormatException e) {
                        return CellValue.raw(text);
                    }
                }
            }
        }
    }
}
