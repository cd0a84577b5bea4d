package io.fabricplan.excel;

import io.fabricplan.validate.InputProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.poi.ss.util.CellReference;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Rows of a workbook parsed from its sheet XML as they come (SAX over an {@link XlsxPackage}), so memory stays
 * bounded by the shared strings and one row, whatever the number of rows; every limit of {@link ReadLimits} is
 * checked as the XML is read, before anything is allocated for it. The file is opened read-only.
 *
 * <p>Cells are read by their stored type, not their display format: numbers as numbers (flagged when their style
 * shows a date), shared and inline strings as text, booleans, errors. A formula is read by the value saved with
 * it; a formula saved without one (or in a workbook that asks to be recalculated when opened) is taken from the
 * values {@link FormulaValues} evaluated, else read as {@link CellValue.Kind#UNCACHED} and, while collecting,
 * remembered for evaluation.
 *
 * <p>A cell over a limit (a column beyond the last, text too long, a number that is not finite, a shared string
 * that does not exist, a formula too long or too deep) is reported at its cell and read as
 * {@link CellValue.Kind#INVALID}; a row beyond the last ends its sheet. A part over a limit, or damaged, throws
 * {@link WorkbookRefused}.
 */
final class StreamingRowSource implements RowSource {
    private static final Pattern NOT_FINITE = Pattern.compile("(?i)[+-]?(nan|inf|infinity)");

    private final XlsxPackage pkg;
    private final ReadLimits limits;
    private final ProblemList ownProblems;
    private Consumer<InputProblem> problems;
    private final List<String> sheetNames;
    private boolean metUncached;
    private long staleReadBySavedValue;
    /** Formulas without saved values met while reading, for evaluation; null when not collecting. */
    private FormulaValues.Collector collector;
    /** Values of such formulas, by sheet and cell; none until evaluated. */
    private FormulaValues.Result evaluated = FormulaValues.Result.NONE;

    private StreamingRowSource(XlsxPackage pkg) {
        this.pkg = pkg;
        this.limits = pkg.limits();
        this.ownProblems = new ProblemList(limits.problems());
        this.problems = ownProblems;
        this.sheetNames = List.copyOf(pkg.sheets().keySet());
    }

    /**
     * Opens an .xlsx for streaming under the limits the last read set (the defaults before any): the plan writer
     * copies the input workbook solve has just read, under the same limits.
     */
    static StreamingRowSource open(Path path) throws IOException {
        return open(path, XlsxPackage.lastApplied());
    }

    /**
     * Opens an .xlsx for streaming: a file POI cannot open (not a zip, no workbook part) is an IOException; one
     * over a limit, or with a damaged workbook part, throws {@link WorkbookRefused}.
     */
    static StreamingRowSource open(Path path, ReadLimits limits) throws IOException {
        return new StreamingRowSource(XlsxPackage.open(path, limits));
    }

    /** Remembers formulas without saved values met from now on, for {@link FormulaValues}. */
    void collectUncached(FormulaValues.Collector collector) {
        this.collector = collector;
    }

    /** Reads such formulas by these values from now on, and counts again what it meets. */
    void useEvaluated(FormulaValues.Result values) {
        this.evaluated = values;
        this.collector = null;
        this.metUncached = false;
        this.staleReadBySavedValue = 0;
    }

    XlsxPackage workbook() {
        return pkg;
    }

    @Override
    public List<String> sheetNames() {
        return sheetNames;
    }

    @Override
    public boolean hidden(String sheetName) {
        XlsxPackage.SheetEntry s = pkg.sheets().get(sheetName);
        return s != null && s.hidden();
    }

    @Override
    public void rows(String sheetName, Consumer<SheetRow> rows) {
        rows(sheetName, sheetName, rows);
    }

    @Override
    public void rows(String sheetName, String shownAs, Consumer<SheetRow> rows) {
        XlsxPackage.SheetEntry sheet = pkg.sheets().get(sheetName);
        if (sheet == null || sheet.part() == null) {
            return; // a sheet whose part is missing has no rows
        }
        pkg.parse(sheet.part(), new SheetHandler(sheetName, shownAs, rows, true), "sheet \"" + sheetName + "\"");
    }

    /** Streams one sheet to {@code rows} without collecting or reporting twice: for evaluation's loads. */
    void load(String sheetName, Consumer<SheetRow> rows) {
        XlsxPackage.SheetEntry sheet = pkg.sheets().get(sheetName);
        if (sheet != null && sheet.part() != null) {
            Consumer<InputProblem> reporting = problems;
            problems = p -> { };
            try {
                pkg.parse(sheet.part(), new SheetHandler(sheetName, sheetName, rows, false), "sheet \""
                        + sheetName + "\"");
            } finally {
                problems = reporting;
            }
        }
    }

    @Override
    public void scanOtherParts() {
        if (collector != null && !collector.isEmpty()) {
            return; // the reading is done again with the formulas' values, and scans then
        }
        pkg.scanUnreadParts((sheet, p) -> p.parse(sheet.part(), new SheetHandler(sheet.name(), sheet.name(), null,
                false), "sheet \"" + sheet.name() + "\""));
    }

    @Override
    public boolean metUncachedFormula() {
        return metUncached;
    }

    @Override
    public long staleFormulasReadBySavedValue() {
        return staleReadBySavedValue;
    }

    @Override
    public void reportTo(Consumer<InputProblem> sink) {
        this.problems = sink;
    }

    @Override
    public ProblemList unclaimedProblems() {
        return ownProblems;
    }

    /** Read-only: nothing to save, so the package is reverted, never closed (which would write). */
    @Override
    public void close() {
        pkg.close();
    }

    /**
     * 0-based column of a reference such as {@code AB12}; -1 when it has no letters; {@link Integer#MAX_VALUE}
     * for more than three letters, which is beyond any sheet (and is never computed, so that a column of two
     * billion allocates nothing).
     */
    static int column(String ref) {
        int col = 0;
        int i = 0;
        while (i < ref.length()) {
            char ch = ref.charAt(i);
            int digit = ch >= 'A' && ch <= 'Z' ? ch - 'A' + 1 : ch >= 'a' && ch <= 'z' ? ch - 'a' + 1 : -1;
            if (digit < 0) {
                break;
            }
            if (i == 3) {
                return Integer.MAX_VALUE;
            }
            col = col * 26 + digit;
            i++;
        }
        return i == 0 ? -1 : col - 1;
    }

    /**
     * Whether the text is a decimal number as a sheet stores it: {@code [+-]?(d+.?d*|.d+)([eE][+-]?d+)?}; not
     * NaN, Infinity, hexadecimal or Java's {@code d}/{@code f} suffixes, which Double.parseDouble would take. By
     * hand rather than by regular expression: it runs for every number of a sheet.
     */
    static boolean isNumber(String t) {
        int i = 0;
        int n = t.length();
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && Character.isDigit(t.charAt(i)) && t.charAt(i) < 128) {
            i++;
            digits++;
        }
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** Whether the text is 1 to {@code most} ASCII digits. */
    static boolean isDigits(String text, int most) {
        if (text == null || text.isEmpty() || text.length() > most) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The key of a cell in the maps of evaluated values. */
    static long key(int row, int column) {
        return ((long) row << 16) | column;
    }

    /** A text builder that stops growing at a limit and remembers that it did. */
    private static final class Capped {
        private final StringBuilder text = new StringBuilder();
        private int limit;
        private boolean over;

        void reset(int max) {
            text.setLength(0);
            limit = max;
            over = false;
        }

        void append(char[] ch, int start, int length) {
            if (over) {
                return;
            }
            if (text.length() + length > limit) {
                over = true;
                return;
            }
            text.append(ch, start, length);
        }
    }

    /** The SAX handler of one worksheet: checks the limits, collects each row's cells and hands the row on. */
    private final class SheetHandler extends DefaultHandler {
        private final String sheet;
        private final String shown;
        private final Consumer<SheetRow> rows;
        private final boolean collect;
        private final String[] strings;
        private final BitSet dates;
        private final boolean stale;
        private final Map<Long, CellValue> values;
        /** Shared formulas by their index: the master's text, row and column. */
        private final Map<String, Object[]> shared = new HashMap<>();
        private int rowIndex = -1;
        private int lastRow = -1;
        private boolean skipRow;
        private long rowChars;
        private CellValue[] cells = new CellValue[16];
        private int width;
        private int column;
        private String badRef;
        private String type;
        private int style;
        private String formulaType;
        private String sharedIndex;
        private boolean inValue;
        private boolean inFormula;
        private boolean inInline;
        private boolean inInlineText;
        private boolean inPhonetic;
        private boolean hasValue;
        private boolean hasFormula;
        private final Capped value = new Capped();
        private final Capped formula = new Capped();
        private final Capped inline = new Capped();

        SheetHandler(String sheet, String shown, Consumer<SheetRow> rows, boolean collect) {
            this.sheet = sheet;
            this.shown = shown;
            this.rows = rows;
            this.collect = collect;
            this.strings = pkg.sharedStrings();
            this.dates = pkg.dateStyles();
            this.stale = pkg.recalculateOnLoad();
            this.values = evaluated.values().getOrDefault(sheet, Map.of());
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws org.xml.sax.SAXException {
            switch (localName) {
                case "row" -> startRow(attributes.getValue("r"));
                case "c" -> {
                    String r = attributes.getValue("r");
                    int c = r == null ? column + 1 : column(r);
                    badRef = null;
                    if (r != null && c < 0) {
                        c = column + 1; // a reference without a column: the next one, as Excel reads it
                    }
                    if (c >= limits.columns()) {
                        badRef = r == null ? CellReference.convertNumToColString(Math.min(c, 16_383)) + "+"
                                : r.length() > 24 ? r.substring(0, 24) + "..." : r;
                        c = column; // keeps the position; the cell itself is skipped
                    }
                    column = c;
                    type = attributes.getValue("t");
                    String s = attributes.getValue("s");
                    style = isDigits(s, 7) ? Integer.parseInt(s) : -1;
                    hasValue = false;
                    hasFormula = false;
                    formulaType = null;
                    sharedIndex = null;
                    value.reset(Math.max(limits.cellChars(), 400) + 1);
                    formula.reset(limits.formulaChars() + 1);
                    inline.reset(limits.cellChars());
                }
                case "v" -> {
                    inValue = true;
                    hasValue = true;
                }
                case "f" -> {
                    inFormula = true;
                    hasFormula = true;
                    formulaType = attributes.getValue("t");
                    sharedIndex = attributes.getValue("si");
                }
                case "is" -> inInline = true;
                case "rPh" -> inPhonetic = true;
                case "t" -> inInlineText = inInline && !inPhonetic;
                default -> {
                    // other elements carry no cell values
                }
            }
        }

        private void startRow(String r) throws org.xml.sax.SAXException {
            width = 0;
            column = -1;
            rowChars = 0;
            skipRow = false;
            long number;
            if (r == null) {
                number = lastRow + 2L;
            } else if (isDigits(r, 10)) {
                number = Long.parseLong(r);
            } else {
                report(shown + "!" + (lastRow + 2), "row number \"" + (r.length() > 24 ? r.substring(0, 24)
                        + "..." : r) + "\" is not a row number", "save the workbook again from Excel.");
                skipRow = true;
                return;
            }
            if (number > limits.rows()) {
                report(shown + "!" + number, "row " + ReadLimits.grouped(number) + " is beyond the limit of "
                        + ReadLimits.grouped(limits.rows()) + " rows per sheet (limit rows); the rest of sheet \""
                        + sheet + "\" is not read", limits.raise("rows"));
                throw new XlsxPackage.StopParsing();
            }
            if (number < 1) {
                report(shown + "!" + (lastRow + 2), "row number 0 is not a row number (rows start at 1)",
                        "save the workbook again from Excel.");
                skipRow = true;
                return;
            }
            if (number - 1 <= lastRow) {
                report(shown + "!" + number, "row " + number + " comes after row " + (lastRow + 1)
                        + ": rows must be in order, each once", "save the workbook again from Excel.");
                skipRow = true;
                return;
            }
            rowIndex = (int) number - 1;
            lastRow = rowIndex;
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
                case "c" -> endCell();
                case "row" -> {
                    if (!skipRow && rows != null) {
                        rows.accept(new SheetRow(rowIndex, Arrays.copyOf(cells, width)));
                    }
                    Arrays.fill(cells, 0, width, null);
                    width = 0;
                }
                default -> {
                    // nothing to finish
                }
            }
        }

        private String ref() {
            return shown + "!" + CellReference.convertNumToColString(column) + (rowIndex + 1);
        }

        private void endCell() {
            if (skipRow) {
                return;
            }
            if (badRef != null) {
                report(shown + "!" + badRef, "cell reference \"" + badRef + "\" is beyond column "
                        + CellReference.convertNumToColString(limits.columns() - 1) + ", the limit of "
                        + ReadLimits.grouped(limits.columns()) + " columns (limit columns)", limits.raise(
                        "columns"));
                return;
            }
            CellValue v = cellValue();
            if (v.isBlank()) {
                return;
            }
            if (v.text() != null) {
                rowChars += v.text().length();
                if (rowChars > limits.rowChars()) {
                    report(shown + "!" + (rowIndex + 1), "row " + (rowIndex + 1) + " holds more than "
                            + ReadLimits.grouped(limits.rowChars()) + " characters of text (limit row-chars)",
                            limits.raise("row-chars"));
                    skipRow = true;
                    Arrays.fill(cells, 0, width, null);
                    width = 0;
                    return;
                }
            }
            if (column >= cells.length) {
                cells = Arrays.copyOf(cells, Math.min(limits.columns(), Math.max(column + 1, cells.length * 2)));
            }
            cells[column] = v;
            width = Math.max(width, column + 1);
        }

        private CellValue invalid(String message, String hint) {
            report(ref(), message, hint);
            return CellValue.INVALID;
        }

        private CellValue cellValue() {
            if (hasFormula) {
                String f = formulaText();
                if (f == null) {
                    return CellValue.INVALID; // reported
                }
                boolean saved = hasValue && !value.text.toString().isBlank();
                if (saved && !stale) {
                    return savedValue();
                }
                CellValue known = values.get(key(rowIndex, column));
                if (known != null) {
                    return known;
                }
                boolean date = style >= 0 && dates.get(style);
                if (saved) {
                    // the workbook asks to be recalculated: the saved value may be a placeholder
                    CellValue fallback = savedValue();
                    if (collect) {
                        staleReadBySavedValue++;
                        if (collector != null) {
                            collector.add(sheet, rowIndex, column, f, sharedMaster(), fallback, date);
                        }
                    }
                    return fallback;
                }
                if (collect) {
                    metUncached = true;
                    if (collector != null) {
                        collector.add(sheet, rowIndex, column, f, sharedMaster(), null, date);
                    }
                }
                return CellValue.uncached(f, evaluated.noteForOthers());
            }
            return savedValue();
        }

        /** The formula's text, or a shared formula's master text; null when refused (reported). */
        private String formulaText() {
            if (formula.over) {
                invalid("formula of more than " + ReadLimits.grouped(limits.formulaChars()) + " characters "
                        + "(limit formula-chars)", limits.raise("formula-chars"));
                return null;
            }
            String f = formula.text.toString();
            if ("shared".equals(formulaType) && sharedIndex != null) {
                if (!f.isBlank()) {
                    if (shared.size() < 100_000) {
                        shared.put(sharedIndex, new Object[] {f, rowIndex, column});
                    }
                } else {
                    Object[] master = shared.get(sharedIndex);
                    f = master == null ? "" : (String) master[0];
                }
            }
            String refusal = FormulaGuard.refusal(f, limits);
            if (refusal != null) {
                invalid(refusal, limits.raise(refusal.contains("formula-chars") ? "formula-chars"
                        : "formula-nesting"));
                return null;
            }
            return f;
        }

        /** Row and column of the shared formula this cell follows; null for a formula of its own. */
        private int[] sharedMaster() {
            if (!"shared".equals(formulaType) || sharedIndex == null) {
                return null;
            }
            Object[] master = shared.get(sharedIndex);
            return master == null ? null : new int[] {(Integer) master[1], (Integer) master[2]};
        }

        private CellValue savedValue() {
            String t = type == null ? "n" : type;
            if (value.over) {
                return invalid("text of more than " + ReadLimits.grouped(limits.cellChars()) + " characters "
                        + "(limit cell-chars)", limits.raise("cell-chars"));
            }
            String text = value.text.toString();
            switch (t) {
                case "inlineStr" -> {
                    if (inline.over) {
                        return invalid("text of more than " + ReadLimits.grouped(limits.cellChars())
                                + " characters (limit cell-chars)", limits.raise("cell-chars"));
                    }
                    return CellValue.raw(inline.text.toString());
                }
                case "s" -> {
                    if (!hasValue) {
                        return CellValue.BLANK;
                    }
                    String index = text.trim();
                    int i = isDigits(index, 10) && Long.parseLong(index) < strings.length ? Integer.parseInt(index)
                            : -1;
                    if (i < 0) {
                        return invalid("shared string \"" + (index.length() > 24 ? index.substring(0, 24) + "..."
                                : index) + "\" does not exist (the workbook has " + ReadLimits.grouped(
                                strings.length) + "); the file is damaged", "open it in Excel and save it again.");
                    }
                    String s = strings[i];
                    if (s == XlsxPackage.TOO_LONG) {
                        return invalid("text of more than " + ReadLimits.grouped(limits.cellChars())
                                + " characters (limit cell-chars)", limits.raise("cell-chars"));
                    }
                    return CellValue.raw(s);
                }
                case "str" -> {
                    if (text.length() > limits.cellChars()) {
                        return invalid("text of more than " + ReadLimits.grouped(limits.cellChars())
                                + " characters (limit cell-chars)", limits.raise("cell-chars"));
                    }
                    return CellValue.raw(text);
                }
                case "b" -> {
                    String b = text.trim();
                    return hasValue ? CellValue.bool("1".equals(b) || "true".equalsIgnoreCase(b)) : CellValue.BLANK;
                }
                case "e" -> {
                    return hasValue ? CellValue.error(text.length() > 40 ? text.substring(0, 40) : text)
                            : CellValue.BLANK;
                }
                case "d" -> {
                    String d = text.trim();
                    return d.isEmpty() ? CellValue.BLANK : new CellValue(CellValue.Kind.TEXT, Double.NaN, d, true,
                            null); // an ISO 8601 date stored as such
                }
                default -> {
                    String n = text.trim();
                    if (!hasValue || n.isEmpty()) {
                        return CellValue.BLANK;
                    }
                    if (isNumber(n)) {
                        double d = Double.parseDouble(n);
                        if (!Double.isFinite(d)) {
                            return notFinite(n);
                        }
                        return style >= 0 && dates.get(style) ? CellValue.date(d) : CellValue.number(d);
                    }
                    if (NOT_FINITE.matcher(n).matches()) {
                        return notFinite(n);
                    }
                    if (n.length() > limits.cellChars()) {
                        return invalid("text of more than " + ReadLimits.grouped(limits.cellChars())
                                + " characters (limit cell-chars)", limits.raise("cell-chars"));
                    }
                    return CellValue.raw(text);
                }
            }
        }

        private CellValue notFinite(String n) {
            return invalid("the number stored is " + (n.length() > 24 ? n.substring(0, 24) + "..." : n)
                    + ", not a finite number; Excel cannot hold it", "type the number the cell should hold.");
        }

        private void report(String where, String message, String hint) {
            problems.accept(new InputProblem(where, message, hint));
        }
    }
}
