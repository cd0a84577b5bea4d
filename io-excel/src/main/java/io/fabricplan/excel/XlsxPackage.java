package io.fabricplan.excel;

import io.fabricplan.validate.InputProblem;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An .xlsx opened read-only under {@link ReadLimits}: what the zip declares is checked before POI opens it
 * (entries, sizes, inflate ratios, and the parts POI parses whole), POI's own zip-bomb guard is set to the same
 * limits, and every part is read through a {@link GuardedPartStream} that counts the workbook's uncompressed bytes.
 * Parses with SAX only, never loading a part whole: the workbook part (sheet names, hidden states, defined names,
 * whether formulas must be recalculated), the shared strings and the date formats of the styles.
 *
 * <p>Refusals are {@link WorkbookRefused}, each naming the part and the limit.
 */
final class XlsxPackage implements Closeable {
    /** Below this a part's inflate ratio is not checked (POI's grace size): small parts compress as they like. */
    static final long GRACE_BYTES = 100 * 1024L;
    /** Parts that POI parses whole when it opens a package (relationships, content types, properties). */
    static final long WHOLE_PARSED_PART_BYTES = 16L << 20;
    /** Sheets a workbook may list; Excel has no fixed maximum, a planning workbook has a dozen. */
    static final int MAX_SHEETS = 10_000;
    /** Deepest element nesting any part may have; SpreadsheetML needs about ten. */
    static final int MAX_ELEMENT_DEPTH = 512;

    private static final Pattern POI_ENTRY = Pattern.compile("Entry: (\\S+)");

    /** A sheet as the workbook part lists it. */
    record SheetEntry(String name, boolean hidden, PackagePart part) {
    }

    /** A defined name: its text, the sheet it is local to (-1 for the workbook) and the formula it stands for. */
    record DefinedName(String name, int sheetIndex, String formula) {
    }

    private final String file;
    private final ReadLimits limits;
    private final OPCPackage pkg;
    private final GuardedPartStream.Budget budget;
    private final Map<String, SheetEntry> sheets = new LinkedHashMap<>();
    private final List<DefinedName> names = new ArrayList<>();
    private boolean recalculateOnLoad;
    private final PackagePart workbookPart;
    private final PackagePart sharedStringsPart;
    private final PackagePart stylesPart;
    private String[] sharedStrings;
    private BitSet dateStyles;
    /** Parts read so far (by part name), so that a scan reads each other part once. */
    private final java.util.Set<String> partsRead = new java.util.HashSet<>();

    private XlsxPackage(String file, ReadLimits limits, OPCPackage pkg) {
        this.file = file;
        this.limits = limits;
        this.pkg = pkg;
        this.budget = new GuardedPartStream.Budget(limits.workbookBytes());
        PackagePart wb = null;
        PackagePart sst = null;
        PackagePart styles = null;
        try {
            wb = workbookPart(pkg);
            if (wb == null) {
                throw refused("has no workbook part: it is not a spreadsheet", null);
            }
            readWorkbookPart(wb);
            sst = related(wb, XSSFRelation.SHARED_STRINGS.getRelation());
            styles = related(wb, XSSFRelation.STYLES.getRelation());
        } catch (RuntimeException e) {
            pkg.revert();
            throw e;
        }
        this.workbookPart = wb;
        this.sharedStringsPart = sst;
        this.stylesPart = styles;
    }

    /** Opens the file under the limits; a file POI cannot open at all is an IOException (corrupt). */
    static XlsxPackage open(Path path, ReadLimits limits) throws IOException {
        String file = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        precheck(path, file, limits);
        applyPoiLimits(limits);
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(path.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            InputProblem bomb = poiLimitProblem(file, limits, e.getMessage());
            if (bomb != null) {
                throw new WorkbookRefused(bomb);
            }
            throw new IOException(e.getMessage(), e);
        }
        return new XlsxPackage(file, limits, pkg);
    }

    /** The limits a read set last (POI's guard is process-wide): a copy of an input reads under the same. */
    private static volatile ReadLimits lastApplied = ReadLimits.DEFAULTS;

    /** The limits the last read of this process set, the defaults before any. */
    static ReadLimits lastApplied() {
        return lastApplied;
    }

    /**
     * Sets POI's process-wide zip guard to these limits: the inflate ratio, the size of one part, the number of
     * entries. Text extraction (which the readers do not use) stays at POI's 10 M characters, set explicitly.
     */
    static synchronized void applyPoiLimits(ReadLimits limits) {
        lastApplied = limits;
        ZipSecureFile.setMinInflateRatio(1.0 / limits.inflateRatio());
        ZipSecureFile.setMaxEntrySize(Math.min(limits.workbookBytes(), 0xFFFFFFFFL));
        ZipSecureFile.setGraceEntrySize(GRACE_BYTES);
        ZipSecureFile.setMaxFileCount(limits.zipEntries());
        ZipSecureFile.setMaxTextSize(10L * 1024 * 1024);
    }

    /**
     * What the zip's central directory declares, checked before POI reads anything: the number of entries, the
     * total size, each part's inflate ratio, and the parts POI parses whole. A part that lies about its size is
     * caught when it is read.
     */
    private static void precheck(Path path, String file, ReadLimits limits) throws IOException {
        long total = 0;
        int entries = 0;
        try (ZipFile zip = new ZipFile(path.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                if (++entries > limits.zipEntries()) {
                    throw new WorkbookRefused(new InputProblem(file, "has more than "
                            + ReadLimits.grouped(limits.zipEntries()) + " parts (zip entries; limit zip-entries)",
                            limits.raise("zip-entries")));
                }
                long size = e.getSize();
                long compressed = e.getCompressedSize();
                if (size > 0) {
                    total += size;
                    if (total > limits.workbookBytes()) {
                        throw new WorkbookRefused(sizeProblem(file, limits, e.getName(), total));
                    }
                    if (size > GRACE_BYTES && compressed >= 0 && size > compressed * limits.inflateRatio()) {
                        throw new WorkbookRefused(ratioProblem(file, limits, e.getName(),
                                compressed == 0 ? Double.POSITIVE_INFINITY : (double) size / compressed));
                    }
                }
                if (isWholeParsed(e.getName()) && (size > WHOLE_PARSED_PART_BYTES || compressed >= 0
                        && compressed * limits.inflateRatio() > WHOLE_PARSED_PART_BYTES)) {
                    throw new WorkbookRefused(new InputProblem(file, "part " + e.getName() + " is larger than "
                            + ReadLimits.bytes(WHOLE_PARSED_PART_BYTES) + " (or could inflate beyond it); such "
                            + "parts hold a few lines in any workbook", "save the workbook again from Excel or "
                            + "LibreOffice."));
                }
            }
        }
    }

    private static boolean isWholeParsed(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".rels") || n.equals("[content_types].xml") || n.startsWith("docprops/");
    }

    static InputProblem sizeProblem(String file, ReadLimits limits, String part, long bytes) {
        return new InputProblem(file, "inflates to more than " + ReadLimits.bytes(limits.workbookBytes())
                + " (limit workbook-bytes), reached in part " + part + (bytes > 0 ? " at "
                + ReadLimits.grouped(bytes) + " bytes" : "") + ": a zip bomb, or a workbook far larger than "
                + "a plan needs", limits.raise("workbook-bytes"));
    }

    static InputProblem ratioProblem(String file, ReadLimits limits, String part, double ratio) {
        return new InputProblem(file, "part " + part + " inflates "
                + (Double.isInfinite(ratio) ? "without bound" : String.format(Locale.ROOT, "%,.0f:1", ratio))
                + ", more than " + limits.shown("inflate-ratio") + " (limit inflate-ratio): a zip bomb, or "
                + "padding no spreadsheet needs", limits.raise("inflate-ratio"));
    }

    /** POI's zip-bomb and entry-count messages as our problems; null for other failures. */
    static InputProblem poiLimitProblem(String file, ReadLimits limits, String message) {
        if (message == null) {
            return null;
        }
        Matcher m = POI_ENTRY.matcher(message);
        String part = m.find() ? m.group(1) : "(unknown)";
        if (message.startsWith("Zip bomb detected! The file would exceed the max size")) {
            return sizeProblem(file, limits, part, -1);
        }
        if (message.startsWith("Zip bomb detected! The file would exceed the max. ratio")) {
            Matcher r = Pattern.compile("ratio: ([0-9.Ee+-]+)").matcher(message);
            double ratio = r.find() ? 1.0 / Double.parseDouble(r.group(1)) : Double.POSITIVE_INFINITY;
            return ratioProblem(file, limits, part, ratio);
        }
        if (message.contains("embeds more internal file entries than expected")) {
            return new InputProblem(file, "has more than " + ReadLimits.grouped(limits.zipEntries())
                    + " parts (zip entries; limit zip-entries)", limits.raise("zip-entries"));
        }
        return null;
    }

    private static PackagePart workbookPart(OPCPackage pkg) {
        for (String type : List.of(PackageRelationshipTypes.CORE_DOCUMENT,
                PackageRelationshipTypes.STRICT_CORE_DOCUMENT)) {
            PackageRelationshipCollection rels = pkg.getRelationshipsByType(type);
            if (rels.size() > 0) {
                return target(pkg, rels.getRelationship(0));
            }
        }
        return null;
    }

    private static PackagePart target(OPCPackage pkg, PackageRelationship rel) {
        if (rel == null || rel.getTargetMode() == TargetMode.EXTERNAL) {
            return null;
        }
        try {
            return pkg.getPart(PackagingURIHelper.createPartName(rel.getTargetURI()));
        } catch (Exception e) {
            return null;
        }
    }

    private PackagePart related(PackagePart from, String type) {
        try {
            PackageRelationshipCollection rels = from.getRelationshipsByType(type);
            return rels.size() == 0 ? null : target(pkg, rels.getRelationship(0));
        } catch (Exception e) {
            return null;
        }
    }

    String file() {
        return file;
    }

    ReadLimits limits() {
        return limits;
    }

    /** Sheets by name, in workbook order. */
    Map<String, SheetEntry> sheets() {
        return sheets;
    }

    List<DefinedName> definedNames() {
        return names;
    }

    /**
     * Whether the workbook asks to be recalculated when opened ({@code fullCalcOnLoad}): tools that write formulas
     * without calculating them (openpyxl, XlsxWriter) set it, and the values saved with formulas, if any, are
     * placeholders.
     */
    boolean recalculateOnLoad() {
        return recalculateOnLoad;
    }

    /** The shared strings, read on first use. */
    String[] sharedStrings() {
        if (sharedStrings == null) {
            sharedStrings = sharedStringsPart == null ? new String[0] : readSharedStrings(sharedStringsPart);
        }
        return sharedStrings;
    }

    /** Style indices ({@code s} of a cell) whose number format shows a date or time. */
    BitSet dateStyles() {
        if (dateStyles == null) {
            dateStyles = stylesPart == null ? new BitSet() : readDateStyles(stylesPart);
        }
        return dateStyles;
    }

    /** Parses a part with SAX under the limits; a handler may end early by throwing {@link StopParsing}. */
    void parse(PackagePart part, DefaultHandler handler, String what) {
        partsRead.add(part.getPartName().getName());
        XMLReader reader;
        try {
            reader = XMLHelper.newXMLReader();
        } catch (SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("no XML parser", e);
        }
        reader.setErrorHandler(RAISE);
        try {
            reader.setProperty("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", MAX_ELEMENT_DEPTH);
        } catch (SAXException ignored) {
            // another parser than the JDK's: its own defaults apply
        }
        reader.setContentHandler(handler);
        try (InputStream in = open(part)) {
            reader.parse(new InputSource(in));
        } catch (Refusal r) {
            throw new WorkbookRefused(r.problem);
        } catch (StopParsing stop) {
            // the handler has read what it needs
        } catch (WorkbookRefused.InStream e) {
            throw new WorkbookRefused(e.problem());
        } catch (IOException | SAXException | RuntimeException e) {
            if (e instanceof WorkbookRefused r) {
                throw r;
            }
            Throwable cause = e instanceof SAXException s && s.getException() != null ? s.getException() : e;
            if (cause instanceof WorkbookRefused.InStream s) {
                throw new WorkbookRefused(s.problem());
            }
            if (cause instanceof Refusal r) {
                throw new WorkbookRefused(r.problem);
            }
            if (cause instanceof StopParsing) {
                return;
            }
            if (e instanceof RuntimeException r && !r.getClass().getName().startsWith("org.apache.")
                    && !(r instanceof IllegalArgumentException)) {
                throw r; // a bug of ours, not a damaged file
            }
            throw new WorkbookRefused(partProblem(part, what, cause));
        }
    }

    /** A part's bytes, inflated under the limits. */
    InputStream open(PackagePart part) throws IOException {
        String name = part.getPartName().getName();
        InputStream raw;
        try {
            raw = part.getInputStream();
        } catch (IOException e) {
            InputProblem bomb = poiLimitProblem(file, limits, e.getMessage());
            throw bomb != null ? new WorkbookRefused.InStream(bomb) : e;
        }
        InputStream poi = new java.io.FilterInputStream(raw) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException e) {
                    throw translated(e);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return super.read(b, off, len);
                } catch (IOException e) {
                    throw translated(e);
                }
            }
        };
        return new GuardedPartStream(poi, budget, name, what -> new WorkbookRefused.InStream("markup".equals(what)
                ? new InputProblem(file, "part " + name + " holds an XML tag, comment or CDATA section longer "
                + "than " + ReadLimits.bytes(GuardedPartStream.MAX_MARKUP_BYTES) + "; no spreadsheet has one",
                "save the workbook again from Excel or LibreOffice.")
                : sizeProblem(file, limits, name, budget.used())));
    }

    private IOException translated(IOException e) {
        InputProblem bomb = poiLimitProblem(file, limits, e.getMessage());
        return bomb != null ? new WorkbookRefused.InStream(bomb) : e;
    }

    private InputProblem partProblem(PackagePart part, String what, Throwable e) {
        String name = part.getPartName().getName();
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("DOCTYPE")) {
            return new InputProblem(file, "part " + name + " (" + what + ") declares a DOCTYPE, which no "
                    + "workbook has: refused, as XML entity attacks (billion laughs, XXE) need one",
                    "save the workbook again from Excel or LibreOffice.");
        }
        if (message.contains("maxElementDepth") || message.contains("depth")) {
            return new InputProblem(file, "part " + name + " (" + what + ") nests XML elements deeper than "
                    + MAX_ELEMENT_DEPTH + " levels; no spreadsheet does", "save the workbook again from Excel.");
        }
        String line = e instanceof SAXParseException p && p.getLineNumber() > 0
                ? " (line " + p.getLineNumber() + ")" : "";
        return new InputProblem(file, "part " + name + " (" + what + ") is damaged: "
                + firstLine(message) + line, "open it in Excel and save it again as .xlsx.");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    /** Reads every part not read yet: sheets with {@code sheetScanner}, other XML parsed, the rest drained. */
    void scanUnreadParts(java.util.function.BiConsumer<SheetEntry, XlsxPackage> sheetScanner) {
        Map<String, SheetEntry> sheetByPart = new HashMap<>();
        sheets.values().forEach(s -> {
            if (s.part() != null) {
                sheetByPart.put(s.part().getPartName().getName(), s);
            }
        });
        List<PackagePart> parts;
        try {
            parts = pkg.getParts();
        } catch (Exception e) {
            throw new WorkbookRefused(new InputProblem(file, "cannot list its parts: " + e.getMessage(),
                    "open it in Excel and save it again as .xlsx."));
        }
        for (PackagePart part : parts) {
            String name = part.getPartName().getName();
            if (partsRead.contains(name) || part.isRelationshipPart()
                    || part instanceof org.apache.poi.openxml4j.opc.internal.PackagePropertiesPart) {
                continue; // relationships and properties were parsed whole by POI when it opened the package
            }
            SheetEntry sheet = sheetByPart.get(name);
            if (sheet != null) {
                sheetScanner.accept(sheet, this);
            } else if (isXml(part)) {
                parse(part, new DefaultHandler(), "workbook part");
            } else {
                drain(part);
            }
        }
    }

    private static boolean isXml(PackagePart part) {
        String type = part.getContentType();
        String name = part.getPartName().getName().toLowerCase(Locale.ROOT);
        return type != null && (type.endsWith("+xml") || type.endsWith("/xml")) || name.endsWith(".xml")
                || name.endsWith(".vml");
    }

    private void drain(PackagePart part) {
        partsRead.add(part.getPartName().getName());
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = open(part)) {
            while (in.read(buffer) >= 0) {
                // counted and checked by the guard
            }
        } catch (WorkbookRefused.InStream e) {
            throw new WorkbookRefused(e.problem());
        } catch (IOException | RuntimeException e) {
            throw new WorkbookRefused(partProblem(part, "embedded file", e));
        }
    }

    /** Read-only: nothing to save, so the package is reverted, never closed (which would write). */
    @Override
    public void close() {
        pkg.revert();
    }

    // ------------------------------------------------------------------ the workbook part

    private void readWorkbookPart(PackagePart wb) {
        List<String[]> listed = new ArrayList<>();
        parse(wb, new DefaultHandler() {
            private String definedName;
            private int localSheet;
            private final StringBuilder text = new StringBuilder();

            @Override
            public void startElement(String uri, String local, String q, Attributes a) throws SAXException {
                switch (local) {
                    case "sheet" -> {
                        if (listed.size() == MAX_SHEETS) {
                            throw new Refusal(new InputProblem(file, "lists more than "
                                    + ReadLimits.grouped(MAX_SHEETS) + " sheets; no planning workbook has as many",
                                    "save the sheets the plan needs in a workbook of their own."));
                        }
                        listed.add(new String[] {a.getValue("name"), a.getValue("state"), relationshipId(a)});
                    }
                    case "calcPr" -> recalculateOnLoad = isTrue(a.getValue("fullCalcOnLoad"));
                    case "definedName" -> {
                        definedName = a.getValue("name");
                        String local1 = a.getValue("localSheetId");
                        localSheet = local1 != null && local1.matches("\\d{1,5}") ? Integer.parseInt(local1) : -1;
                        text.setLength(0);
                    }
                    default -> {
                        // nothing else of the workbook part matters to a reader
                    }
                }
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                if (definedName != null && text.length() <= limits.formulaChars()) {
                    text.append(ch, start, Math.min(length, limits.formulaChars() + 1 - text.length()));
                }
            }

            @Override
            public void endElement(String uri, String local, String q) {
                if ("definedName".equals(local) && definedName != null) {
                    if (names.size() < 10_000 && text.length() <= limits.formulaChars()) {
                        names.add(new DefinedName(definedName, localSheet, text.toString()));
                    }
                    definedName = null;
                }
            }
        }, "workbook");
        for (String[] s : listed) {
            String name = s[0] == null ? "" : s[0];
            PackagePart part = null;
            if (s[2] != null) {
                try {
                    part = target(pkg, wb.getRelationship(s[2]));
                } catch (Exception e) {
                    part = null;
                }
            }
            boolean hidden = "hidden".equals(s[1]) || "veryHidden".equals(s[1]);
            sheets.putIfAbsent(name, new SheetEntry(name, hidden, part));
        }
    }

    private static String relationshipId(Attributes a) {
        for (int i = 0; i < a.getLength(); i++) {
            if ("id".equals(a.getLocalName(i)) && a.getURI(i) != null && a.getURI(i).contains("relationships")) {
                return a.getValue(i);
            }
        }
        return a.getValue("r:id");
    }

    private static boolean isTrue(String v) {
        return "1".equals(v) || "true".equalsIgnoreCase(v);
    }

    // ------------------------------------------------------------------ shared strings

    private String[] readSharedStrings(PackagePart part) {
        List<String> strings = new ArrayList<>();
        long[] chars = {0};
        parse(part, new DefaultHandler() {
            private final StringBuilder text = new StringBuilder();
            private boolean inT;
            private boolean inPhonetic;
            private boolean tooLong;

            @Override
            public void startElement(String uri, String local, String q, Attributes a) throws SAXException {
                switch (local) {
                    case "si" -> {
                        if (strings.size() >= limits.sharedStrings()) {
                            throw new Refusal(new InputProblem(file, "has more than "
                                    + ReadLimits.grouped(limits.sharedStrings()) + " shared strings (limit "
                                    + "shared-strings)", limits.raise("shared-strings")));
                        }
                        text.setLength(0);
                        tooLong = false;
                    }
                    case "t" -> inT = !inPhonetic;
                    case "rPh" -> inPhonetic = true;
                    default -> {
                        // runs and their formatting: only the text counts
                    }
                }
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                if (!inT || tooLong) {
                    return;
                }
                int room = limits.cellChars() - text.length();
                if (length > room) {
                    tooLong = true; // kept as a marker the cell that uses it reports
                    return;
                }
                text.append(ch, start, length);
            }

            @Override
            public void endElement(String uri, String local, String q) throws SAXException {
                switch (local) {
                    case "t" -> inT = false;
                    case "rPh" -> inPhonetic = false;
                    case "si" -> {
                        chars[0] += text.length();
                        if (chars[0] > limits.sharedChars()) {
                            throw new Refusal(new InputProblem(file, "has shared strings of more "
                                    + "than " + ReadLimits.grouped(limits.sharedChars()) + " characters in all "
                                    + "(limit shared-chars)", limits.raise("shared-chars")));
                        }
                        strings.add(tooLong ? TOO_LONG : text.toString());
                    }
                    default -> {
                        // nothing to finish
                    }
                }
            }
        }, "shared strings");
        return strings.toArray(new String[0]);
    }

    /** The shared string of a text longer than the cell-chars limit; the cells that use it are reported. */
    static final String TOO_LONG = new String("\u0000too long\u0000");

    // ------------------------------------------------------------------ date styles

    private BitSet readDateStyles(PackagePart part) {
        Map<Integer, String> formats = new HashMap<>();
        BitSet dates = new BitSet();
        parse(part, new DefaultHandler() {
            private boolean inCellXfs;
            private int xf;

            @Override
            public void startElement(String uri, String local, String q, Attributes a) {
                switch (local) {
                    case "numFmt" -> {
                        String id = a.getValue("numFmtId");
                        if (id != null && id.matches("\\d{1,5}") && formats.size() < 100_000) {
                            String code = a.getValue("formatCode");
                            formats.put(Integer.parseInt(id), code == null ? "" : code);
                        }
                    }
                    case "cellXfs" -> inCellXfs = true;
                    case "xf" -> {
                        if (inCellXfs) {
                            String id = a.getValue("numFmtId");
                            if (id != null && id.matches("\\d{1,5}") && xf < 1_000_000
                                    && isDate(Integer.parseInt(id), formats)) {
                                dates.set(xf);
                            }
                            xf++;
                        }
                    }
                    default -> {
                        // fonts, fills, borders: nothing a reader needs
                    }
                }
            }

            @Override
            public void endElement(String uri, String local, String q) {
                if ("cellXfs".equals(local)) {
                    inCellXfs = false;
                }
            }
        }, "styles");
        return dates;
    }

    private static boolean isDate(int id, Map<Integer, String> formats) {
        String code = formats.containsKey(id) ? formats.get(id) : BuiltinFormats.getBuiltinFormat(id);
        try {
            return code != null && DateUtil.isADateFormat(id, code);
        } catch (RuntimeException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ parsing

    /** Ends a parse early: the handler has what it needs, or found a problem that stops this part. */
    static class StopParsing extends SAXException {
        private static final long serialVersionUID = 1L;

        StopParsing() {
            super("stop");
        }
    }

    /** Ends a parse with a problem that refuses the workbook. */
    static final class Refusal extends SAXException {
        private static final long serialVersionUID = 1L;

        private final transient InputProblem problem;

        Refusal(InputProblem problem) {
            super(problem.message());
            this.problem = problem;
        }
    }

    private static final ErrorHandler RAISE = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not stop a read
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private WorkbookRefused refused(String message, String hint) {
        return new WorkbookRefused(new InputProblem(file, message, hint));
    }
}
