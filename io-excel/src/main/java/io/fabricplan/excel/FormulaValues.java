package io.fabricplan.excel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.formula.EvaluationCell;
import org.apache.poi.ss.formula.EvaluationName;
import org.apache.poi.ss.formula.EvaluationSheet;
import org.apache.poi.ss.formula.EvaluationWorkbook;
import org.apache.poi.ss.formula.FormulaParser;
import org.apache.poi.ss.formula.FormulaType;
import org.apache.poi.ss.formula.IStabilityClassifier;
import org.apache.poi.ss.formula.SharedFormula;
import org.apache.poi.ss.formula.WorkbookEvaluator;
import org.apache.poi.ss.formula.eval.BlankEval;
import org.apache.poi.ss.formula.eval.BoolEval;
import org.apache.poi.ss.formula.eval.ErrorEval;
import org.apache.poi.ss.formula.eval.NumberEval;
import org.apache.poi.ss.formula.eval.StringEval;
import org.apache.poi.ss.formula.eval.ValueEval;
import org.apache.poi.ss.formula.ptg.AbstractFunctionPtg;
import org.apache.poi.ss.formula.ptg.Area3DPxg;
import org.apache.poi.ss.formula.ptg.AreaPtgBase;
import org.apache.poi.ss.formula.ptg.NamePtg;
import org.apache.poi.ss.formula.ptg.NameXPxg;
import org.apache.poi.ss.formula.ptg.NameXPtg;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.ss.formula.ptg.Ref3DPxg;
import org.apache.poi.ss.formula.ptg.RefPtgBase;
import org.apache.poi.ss.formula.udf.UDFFinder;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFEvaluationWorkbook;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Evaluates the formulas of a workbook saved without their values (openpyxl, pandas and scripts write them so),
 * without loading the workbook: each formula is parsed with POI's {@link FormulaParser} over an empty workbook of
 * the same sheets and names, the cells its references cover are streamed into a compact store of cell values, and
 * POI's {@link WorkbookEvaluator} computes it over that store. Bounded: at most {@code formula-cells} cells are
 * loaded (formulas and the cells they refer to), their ranges may span at most
 * {@link ReadLimits#FORMULA_AREA_FACTOR} times as many, and formulas were checked for length and nesting before
 * (by {@link FormulaGuard}). A formula that cannot be evaluated (a function POI lacks, INDIRECT or OFFSET whose
 * references are only known when evaluated, a reference to another workbook, a chain too deep) keeps a note that
 * says why, and its cell is reported.
 */
final class FormulaValues {
    /** Functions whose references are computed, so that the cells to load cannot be known beforehand. */
    private static final Set<String> DYNAMIC = Set.of("INDIRECT", "OFFSET");
    /** Distinct ranges remembered per sheet; beyond, their bounding box is loaded. */
    private static final int MAX_AREAS = 2_048;
    /** Stack of the evaluating thread: deep chains of formulas recurse in POI. */
    private static final long STACK_BYTES = 256L << 20;

    private FormulaValues() {
    }

    /** A formula saved without a value, as the reader met it. */
    record Uncached(String sheet, int row, int column, String formula, int[] master, CellValue saved,
                    boolean date) {
    }

    /** What evaluation gave: values by sheet and cell key, and the note of cells not evaluated. */
    record Result(Map<String, Map<Long, CellValue>> values, String noteForOthers) {
        static final Result NONE = new Result(Map.of(), null);
    }

    /** The formulas met while reading, at most {@code formula-cells} of them. */
    static final class Collector {
        private final ReadLimits limits;
        private final List<Uncached> cells = new ArrayList<>();
        private long chars;
        private long met;
        private boolean overflow;

        Collector(ReadLimits limits) {
            this.limits = limits;
        }

        void add(String sheet, int row, int column, String formula, int[] master, CellValue saved, boolean date) {
            met++;
            if (overflow) {
                return;
            }
            // The formulas' text is held too: on average at most 64 characters per cell the limit allows.
            if (cells.size() >= limits.formulaCells() || chars + formula.length() > 64L * limits.formulaCells()) {
                overflow = true;
                cells.clear();
                return;
            }
            cells.add(new Uncached(sheet, row, column, formula, master, saved, date));
            chars += formula.length();
        }

        boolean isEmpty() {
            return met == 0;
        }
    }

    /** A rectangle of cells, 0-based and inclusive. */
    private record Area(int firstRow, int firstColumn, int lastRow, int lastColumn) {
        boolean contains(int row, int column) {
            return row >= firstRow && row <= lastRow && column >= firstColumn && column <= lastColumn;
        }

        long cells(int lastRowInSheet) {
            long rows = Math.max(0, Math.min(lastRow, lastRowInSheet) - firstRow + 1);
            return rows * (lastColumn - firstColumn + 1L);
        }
    }

    /** A range a formula refers to, on sheet {@code sheet}. */
    private record Ref(int sheet, Area area) {
    }

    /** Refused: the formulas are not evaluated for this reason. */
    private static final class NotEvaluated extends Exception {
        private static final long serialVersionUID = 1L;

        NotEvaluated(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Evaluates what was collected, loading referenced cells through {@code source}. */
    static Result evaluate(StreamingRowSource source, Collector collected) {
        ReadLimits limits = source.workbook().limits();
        if (collected.overflow) {
            return new Result(Map.of(), "not evaluated: the formulas saved without values are more than "
                    + ReadLimits.grouped(limits.formulaCells()) + " (limit formula-cells)");
        }
        try (XSSFWorkbook skeleton = new XSSFWorkbook()) {
            Evaluation evaluation = new Evaluation(source, skeleton, limits);
            return evaluation.run(collected.cells);
        } catch (java.io.IOException e) {
            return new Result(Map.of(), "not evaluated: " + e.getMessage());
        }
    }

    /** One evaluation: the parsing workbook, the store of cells, the ranges to load. */
    private static final class Evaluation {
        private final StreamingRowSource source;
        private final ReadLimits limits;
        private final XSSFEvaluationWorkbook parsing;
        private final List<String> sheets;
        private final Store store;
        private final Map<Integer, Set<Area>> pending = new HashMap<>();
        private final Map<Integer, List<Area>> loaded = new HashMap<>();
        private final Map<Integer, Set<Long>> loadedCells = new HashMap<>();
        private final Map<Integer, Set<Long>> pendingCells = new HashMap<>();
        /** Every range of more than one cell the formulas refer to, and how many single cells, for the span. */
        private final List<Ref> allAreas = new ArrayList<>();
        private long singleCells;
        private long stored;

        Evaluation(StreamingRowSource source, XSSFWorkbook skeleton, ReadLimits limits) {
            this.source = source;
            this.limits = limits;
            this.sheets = source.sheetNames();
            for (int i = 0; i < sheets.size(); i++) {
                try {
                    skeleton.createSheet(sheets.get(i));
                } catch (RuntimeException e) {
                    skeleton.createSheet("fabricplan " + i); // a name POI refuses: formulas naming it fail
                }
            }
            for (XlsxPackage.DefinedName n : source.workbook().definedNames()) {
                if (FormulaGuard.refusal(n.formula(), limits) != null || n.sheetIndex() >= sheets.size()) {
                    continue;
                }
                try {
                    XSSFName name = skeleton.createName();
                    name.setNameName(n.name());
                    if (n.sheetIndex() >= 0) {
                        name.setSheetIndex(n.sheetIndex());
                    }
                    name.setRefersToFormula(n.formula());
                } catch (RuntimeException e) {
                    // a name POI cannot take (print areas, external names): formulas using it are not evaluated
                }
            }
            this.parsing = XSSFEvaluationWorkbook.create(skeleton);
            this.store = new Store(parsing, sheets.size());
        }

        Result run(List<Uncached> cells) {
            Map<String, Map<Long, CellValue>> values = new HashMap<>();
            Map<Uncached, String> failed = new HashMap<>();
            List<Uncached> parsed = new ArrayList<>();
            try {
                for (Uncached u : cells) {
                    int sheet = sheets.indexOf(u.sheet());
                    try {
                        Ptg[] tokens = parse(u.formula(), sheet, u.master() == null ? u.row() : u.master()[0]);
                        if (u.master() != null) {
                            tokens = new SharedFormula(SpreadsheetVersion.EXCEL2007).convertSharedFormulas(tokens,
                                    u.row() - u.master()[0], u.column() - u.master()[1]);
                        }
                        addFormula(sheet, u.row(), u.column(), tokens);
                        parsed.add(u);
                    } catch (NotEvaluated e) {
                        failed.put(u, e.getMessage());
                    }
                }
                loadReferencedCells();
                checkSpan();
                // what the loading needed is not needed for evaluating
                loaded.clear();
                loadedCells.clear();
                allAreas.clear();
            } catch (NotEvaluated e) {
                return new Result(Map.of(), e.getMessage());
            }
            evaluate(parsed, values, failed);
            for (Map.Entry<Uncached, String> f : failed.entrySet()) {
                Uncached u = f.getKey();
                if (u.saved() == null) { // a formula with a saved value is read by it when not evaluated
                    values.computeIfAbsent(u.sheet(), k -> new HashMap<>()).put(StreamingRowSource.key(u.row(),
                            u.column()), CellValue.uncached(u.formula(), f.getValue()));
                }
            }
            return new Result(values, null);
        }

        private Ptg[] parse(String formula, int sheet, int row) throws NotEvaluated {
            Ptg[] tokens;
            try {
                tokens = FormulaParser.parse(formula, parsing, FormulaType.CELL, sheet, row);
            } catch (RuntimeException e) {
                throw new NotEvaluated("cannot be parsed: " + firstLine(e.getMessage()));
            }
            for (Ptg t : tokens) {
                if (t instanceof AbstractFunctionPtg f && DYNAMIC.contains(f.getName())) {
                    throw new NotEvaluated("uses " + f.getName() + ", whose references are computed");
                }
                if (t instanceof NameXPxg x && x.getExternalWorkbookNumber() < 1) {
                    throw new NotEvaluated("uses " + x.getNameName() + ", a function POI cannot evaluate or a "
                            + "name the workbook does not define");
                }
                if (t instanceof NameXPtg || t instanceof NameXPxg
                        || t instanceof Ref3DPxg r && r.getExternalWorkbookNumber() > 0
                        || t instanceof Area3DPxg a && a.getExternalWorkbookNumber() > 0) {
                    throw new NotEvaluated("refers to another workbook");
                }
            }
            return tokens;
        }

        private void addFormula(int sheet, int row, int column, Ptg[] tokens) throws NotEvaluated {
            StoredCell cell = StoredCell.formula(tokens);
            store(sheet, row, column, cell);
            references(sheet, tokens, 0, cell.refs);
        }

        private void store(int sheet, int row, int column, StoredCell cell) throws NotEvaluated {
            if (store.sheet(sheet).put(row, column, cell) && ++stored > limits.formulaCells()) {
                throw new NotEvaluated("not evaluated: the formulas without saved values and the cells they refer "
                        + "to are more than " + ReadLimits.grouped(limits.formulaCells()) + " cells (limit "
                        + "formula-cells)");
            }
        }

        /** Remembers the ranges the tokens refer to (and those of the names they use) for loading. */
        private void references(int sheet, Ptg[] tokens, int depth, List<Ref> refs) throws NotEvaluated {
            for (Ptg t : tokens) {
                if (t instanceof Ref3DPxg r) {
                    for (int s : sheetRange(r.getSheetName(), r.getLastSheetName())) {
                        need(s, new Area(r.getRow(), r.getColumn(), r.getRow(), r.getColumn()), refs);
                    }
                } else if (t instanceof Area3DPxg a) {
                    for (int s : sheetRange(a.getSheetName(), a.getLastSheetName())) {
                        need(s, new Area(a.getFirstRow(), a.getFirstColumn(), a.getLastRow(), a.getLastColumn()),
                                refs);
                    }
                } else if (t instanceof RefPtgBase r) {
                    need(sheet, new Area(r.getRow(), r.getColumn(), r.getRow(), r.getColumn()), refs);
                } else if (t instanceof AreaPtgBase a) {
                    need(sheet, new Area(a.getFirstRow(), a.getFirstColumn(), a.getLastRow(), a.getLastColumn()),
                            refs);
                } else if (t instanceof NamePtg n) {
                    if (depth > 8) {
                        throw new NotEvaluated("uses names defined through more than 8 other names");
                    }
                    EvaluationName name = parsing.getName(n);
                    if (name != null && name.hasFormula()) {
                        Ptg[] definition;
                        try {
                            definition = name.getNameDefinition();
                        } catch (RuntimeException e) {
                            throw new NotEvaluated("uses the name " + name.getNameText() + ", which cannot be read");
                        }
                        for (Ptg d : definition) {
                            if (d instanceof AbstractFunctionPtg f && DYNAMIC.contains(f.getName())) {
                                throw new NotEvaluated("uses the name " + name.getNameText() + ", defined with "
                                        + f.getName());
                            }
                        }
                        references(sheet, definition, depth + 1, refs);
                    }
                }
            }
        }

        private List<Integer> sheetRange(String first, String last) throws NotEvaluated {
            int a = parsing.getSheetIndex(first);
            int b = last == null ? a : parsing.getSheetIndex(last);
            if (a < 0 || b < 0) {
                throw new NotEvaluated("refers to a sheet the workbook does not have");
            }
            List<Integer> range = new ArrayList<>();
            for (int s = Math.min(a, b); s <= Math.max(a, b); s++) {
                range.add(s);
            }
            return range;
        }

        private void need(int sheet, Area area, List<Ref> refs) {
            refs.add(new Ref(sheet, area));
            boolean single = area.firstRow() == area.lastRow() && area.firstColumn() == area.lastColumn();
            if (single) {
                singleCells++;
            } else {
                allAreas.add(new Ref(sheet, area));
            }
            if (isLoaded(sheet, area)) {
                return;
            }
            if (single) {
                pendingCells.computeIfAbsent(sheet, k -> new HashSet<>())
                        .add(StreamingRowSource.key(area.firstRow(), area.firstColumn()));
                return;
            }
            Set<Area> areas = pending.computeIfAbsent(sheet, k -> new LinkedHashSet<>());
            areas.add(area);
            if (areas.size() > MAX_AREAS) {
                int r1 = Integer.MAX_VALUE;
                int c1 = Integer.MAX_VALUE;
                int r2 = 0;
                int c2 = 0;
                for (Area x : areas) {
                    r1 = Math.min(r1, x.firstRow());
                    c1 = Math.min(c1, x.firstColumn());
                    r2 = Math.max(r2, x.lastRow());
                    c2 = Math.max(c2, x.lastColumn());
                }
                areas.clear();
                areas.add(new Area(r1, c1, r2, c2));
            }
        }

        private boolean isLoaded(int sheet, Area area) {
            for (Area a : loaded.getOrDefault(sheet, List.of())) {
                if (a.contains(area.firstRow(), area.firstColumn()) && a.contains(area.lastRow(), area.lastColumn())) {
                    return true;
                }
            }
            return area.firstRow() == area.lastRow() && area.firstColumn() == area.lastColumn()
                    && loadedCells.getOrDefault(sheet, Set.of()).contains(StreamingRowSource.key(area.firstRow(),
                    area.firstColumn()));
        }

        /** Streams each sheet with ranges to load, again while loaded formulas refer to more (at most 8 times). */
        private void loadReferencedCells() throws NotEvaluated {
            for (int pass = 0; !pending.isEmpty() || !pendingCells.isEmpty(); pass++) {
                if (pass == 8) {
                    throw new NotEvaluated("not evaluated: formulas refer through more than 8 sheets' worth of "
                            + "other formulas saved without values");
                }
                Set<Integer> sheetsToLoad = new LinkedHashSet<>(pending.keySet());
                sheetsToLoad.addAll(pendingCells.keySet());
                for (int sheet : sheetsToLoad) {
                    List<Area> areas = new ArrayList<>(pending.getOrDefault(sheet, Set.of()));
                    Set<Long> cells = new HashSet<>(pendingCells.getOrDefault(sheet, Set.of()));
                    pending.remove(sheet);
                    pendingCells.remove(sheet);
                    loaded.computeIfAbsent(sheet, k -> new ArrayList<>()).addAll(areas);
                    loadedCells.computeIfAbsent(sheet, k -> new HashSet<>()).addAll(cells);
                    load(sheet, areas, cells);
                }
            }
        }

        private void load(int sheet, List<Area> areas, Set<Long> cells) throws NotEvaluated {
            NotEvaluated[] failure = {null};
            source.load(sheets.get(sheet), row -> {
                if (failure[0] != null) {
                    return;
                }
                for (int c = 0; c < row.width(); c++) {
                    CellValue v = row.cell(c);
                    if (v.isBlank() || store.sheet(sheet).get(row.index(), c) != null
                            || !wanted(areas, cells, row.index(), c) && !wantedLater(sheet, row.index(), c)) {
                        continue;
                    }
                    try {
                        if (v.kind() == CellValue.Kind.UNCACHED) {
                            addFormula(sheet, row.index(), c, parse(v.text().substring(1), sheet, row.index()));
                        } else {
                            store(sheet, row.index(), c, StoredCell.of(v));
                        }
                    } catch (NotEvaluated e) {
                        if (e.getMessage().startsWith("not evaluated")) {
                            failure[0] = e;
                            return;
                        }
                        // a referenced formula that cannot be evaluated evaluates to an error where it is used
                        try {
                            store(sheet, row.index(), c, StoredCell.of(CellValue.error("#N/A")));
                        } catch (NotEvaluated full) {
                            failure[0] = full;
                            return;
                        }
                    }
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        }

        /**
         * Whether a formula loaded earlier in this pass refers to the cell: rows come in order, so a reference to a
         * later row of the same sheet (a chain of formulas down a column) is loaded in the same pass.
         */
        private boolean wantedLater(int sheet, int row, int column) {
            Set<Long> cells = pendingCells.get(sheet);
            Set<Area> areas = pending.get(sheet);
            return cells != null && cells.contains(StreamingRowSource.key(row, column))
                    || areas != null && wanted(areas, Set.of(), row, column);
        }

        private static boolean wanted(java.util.Collection<Area> areas, Set<Long> cells, int row, int column) {
            if (cells.contains(StreamingRowSource.key(row, column))) {
                return true;
            }
            for (Area a : areas) {
                if (a.contains(row, column)) {
                    return true;
                }
            }
            return false;
        }

        /** The cells the ranges span, clipped to each sheet's last loaded row as POI clips them. */
        private void checkSpan() throws NotEvaluated {
            long span = singleCells;
            long most = (long) ReadLimits.FORMULA_AREA_FACTOR * Math.max(1, limits.formulaCells());
            for (Ref ref : allAreas) {
                span += ref.area().cells(store.sheet(ref.sheet()).getLastRowNum());
                if (span > most) {
                    throw new NotEvaluated("not evaluated: the ranges of the formulas without saved values span "
                            + "more than " + ReadLimits.grouped(most) + " cells (" + ReadLimits.FORMULA_AREA_FACTOR
                            + " times the limit formula-cells)");
                }
            }
        }

        /**
         * The formulas to evaluate, each after the formulas it refers to (a depth-first walk with a stack of its
         * own), so that POI, which caches what it evaluated, recurses one level at a time however long a chain of
         * formulas is. Formulas on a cycle stay in the walk's order; POI finds the cycle.
         */
        private List<StoredCell> evaluationOrder(List<StoredCell> roots) {
            Map<StoredCell, Boolean> done = new java.util.IdentityHashMap<>();
            List<StoredCell> order = new ArrayList<>();
            java.util.ArrayDeque<Object[]> stack = new java.util.ArrayDeque<>();
            for (StoredCell root : roots) {
                if (root == null || done.containsKey(root)) {
                    continue;
                }
                done.put(root, Boolean.FALSE);
                stack.push(new Object[] {root, precedents(root).iterator()});
                while (!stack.isEmpty()) {
                    Object[] top = stack.peek();
                    @SuppressWarnings("unchecked")
                    java.util.Iterator<StoredCell> next = (java.util.Iterator<StoredCell>) top[1];
                    if (next.hasNext()) {
                        StoredCell d = next.next();
                        if (!done.containsKey(d)) {
                            done.put(d, Boolean.FALSE);
                            stack.push(new Object[] {d, precedents(d).iterator()});
                        }
                    } else {
                        stack.pop();
                        done.put((StoredCell) top[0], Boolean.TRUE);
                        order.add((StoredCell) top[0]);
                    }
                }
            }
            return order;
        }

        /** The formula cells a formula refers to: by cell for small ranges, by the sheet's formulas for large. */
        private List<StoredCell> precedents(StoredCell formula) {
            List<StoredCell> found = new ArrayList<>();
            for (Ref ref : formula.refs) {
                StoreSheet sheet = store.sheet(ref.sheet());
                Area a = ref.area();
                if (a.cells(sheet.getLastRowNum()) <= sheet.formulas.size()) {
                    for (int r = a.firstRow(); r <= Math.min(a.lastRow(), sheet.getLastRowNum()); r++) {
                        for (int c = a.firstColumn(); c <= a.lastColumn(); c++) {
                            StoredCell cell = sheet.get(r, c);
                            if (cell != null && cell.isFormula()) {
                                found.add(cell);
                            }
                        }
                    }
                } else {
                    for (StoredCell cell : sheet.formulas) {
                        if (a.contains(cell.row, cell.column)) {
                            found.add(cell);
                        }
                    }
                }
            }
            return found;
        }

        /** Evaluates in a thread with a deep stack; a chain too deep for it is a note, not a crash. */
        private void evaluate(List<Uncached> cells, Map<String, Map<Long, CellValue>> values,
                              Map<Uncached, String> failed) {
            Runnable work = () -> {
                WorkbookEvaluator evaluator = newEvaluator();
                List<StoredCell> roots = new ArrayList<>();
                for (Uncached u : cells) {
                    roots.add(store.sheet(sheets.indexOf(u.sheet())).get(u.row(), u.column()));
                }
                for (StoredCell precedent : evaluationOrder(roots)) {
                    try {
                        evaluator.evaluate(precedent); // cached by POI for the formulas that refer to it
                    } catch (StackOverflowError e) {
                        evaluator = newEvaluator();
                    } catch (RuntimeException e) {
                        // reported below for the cells read; a precedent that fails fails them
                    }
                }
                for (Uncached u : cells) {
                    StoredCell cell = store.sheet(sheets.indexOf(u.sheet())).get(u.row(), u.column());
                    CellValue v;
                    try {
                        v = converted(evaluator.evaluate(cell), u);
                    } catch (StackOverflowError e) {
                        evaluator = newEvaluator(); // its state is unknown after the overflow
                        v = null;
                        failed.put(u, "refers through a chain of formulas too deep to evaluate");
                    } catch (RuntimeException e) {
                        v = null;
                        failed.put(u, "could not be evaluated: " + reason(e));
                    }
                    if (v != null) {
                        values.computeIfAbsent(u.sheet(), k -> new HashMap<>())
                                .put(StreamingRowSource.key(u.row(), u.column()), v);
                    }
                }
            };
            Runnable guarded = () -> {
                try {
                    work.run();
                } catch (Throwable t) { // never a stack trace from this thread: the cells not done say why
                    for (Uncached u : cells) {
                        Map<Long, CellValue> done = values.get(u.sheet());
                        if (!failed.containsKey(u)
                                && (done == null || !done.containsKey(StreamingRowSource.key(u.row(), u.column())))) {
                            failed.put(u, "could not be evaluated: " + t);
                        }
                    }
                }
            };
            Thread thread = new Thread(null, guarded, "fabricplan-formulas", STACK_BYTES);
            thread.setDaemon(true);
            thread.start();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                thread.interrupt();
            }
        }

        private WorkbookEvaluator newEvaluator() {
            return new WorkbookEvaluator(store, IStabilityClassifier.TOTALLY_IMMUTABLE, null);
        }

        private CellValue converted(ValueEval v, Uncached u) {
            if (v instanceof NumberEval n) {
                double d = n.getNumberValue();
                if (!Double.isFinite(d)) {
                    return CellValue.error("#NUM!");
                }
                return u.date() ? CellValue.date(d) : CellValue.number(d);
            }
            if (v instanceof StringEval s) {
                String text = s.getStringValue();
                return text.length() > limits.cellChars() ? CellValue.uncached(u.formula(), "evaluates to a text of "
                        + "more than " + ReadLimits.grouped(limits.cellChars()) + " characters (limit cell-chars)")
                        : CellValue.raw(text);
            }
            if (v instanceof BoolEval b) {
                return CellValue.bool(b.getBooleanValue());
            }
            if (v instanceof ErrorEval e) {
                return CellValue.error(ErrorEval.getText(e.getErrorCode()));
            }
            if (v == BlankEval.instance) {
                return CellValue.number(0); // as Excel shows a formula that refers to a blank cell
            }
            return CellValue.uncached(u.formula(), "gives a range, not a value");
        }

        private static String reason(RuntimeException e) {
            Throwable t = e;
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            return firstLine(m);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    // ------------------------------------------------------------------ the store POI evaluates over

    /** A cell of the store: a value, or a formula's parsed tokens. */
    private static final class StoredCell implements EvaluationCell {
        private final CellType type;
        private final double number;
        private final String text;
        private final Ptg[] tokens;
        /** For a formula: the ranges it refers to, which are evaluated before it. */
        private final List<Ref> refs;
        private StoreSheet sheet;
        private int row;
        private int column;

        private StoredCell(CellType type, double number, String text, Ptg[] tokens) {
            this.type = type;
            this.number = number;
            this.text = text;
            this.tokens = tokens;
            this.refs = tokens == null ? List.of() : new ArrayList<>(2);
        }

        boolean isFormula() {
            return tokens != null;
        }

        static StoredCell formula(Ptg[] tokens) {
            return new StoredCell(CellType.FORMULA, 0, null, tokens);
        }

        static StoredCell of(CellValue v) {
            return switch (v.kind()) {
                case NUMBER -> new StoredCell(CellType.NUMERIC, v.number(), null, null);
                case BOOLEAN -> new StoredCell(CellType.BOOLEAN, "TRUE".equals(v.text()) ? 1 : 0, null, null);
                case ERROR -> new StoredCell(CellType.ERROR, errorCode(v.text()), null, null);
                case TEXT -> new StoredCell(CellType.STRING, 0, v.text(), null);
                default -> new StoredCell(CellType.ERROR, ErrorEval.NA.getErrorCode(), null, null);
            };
        }

        private static int errorCode(String shown) {
            try {
                return org.apache.poi.ss.usermodel.FormulaError.forString(shown).getCode();
            } catch (RuntimeException e) {
                return ErrorEval.NA.getErrorCode();
            }
        }

        @Override
        public Object getIdentityKey() {
            return this;
        }

        @Override
        public EvaluationSheet getSheet() {
            return sheet;
        }

        @Override
        public int getRowIndex() {
            return row;
        }

        @Override
        public int getColumnIndex() {
            return column;
        }

        @Override
        public CellType getCellType() {
            return type;
        }

        @Override
        public double getNumericCellValue() {
            return number;
        }

        @Override
        public String getStringCellValue() {
            return text;
        }

        @Override
        public boolean getBooleanCellValue() {
            return number != 0;
        }

        @Override
        public int getErrorCellValue() {
            return (int) number;
        }

        @Override
        public CellRangeAddress getArrayFormulaRange() {
            return null;
        }

        @Override
        public boolean isPartOfArrayFormulaGroup() {
            return false;
        }

        @Override
        public CellType getCachedFormulaResultType() {
            return CellType.NUMERIC;
        }
    }

    /** One sheet of the store: its loaded cells by position. */
    private static final class StoreSheet implements EvaluationSheet {
        private final Map<Long, StoredCell> cells = new HashMap<>();
        private final List<StoredCell> formulas = new ArrayList<>();
        private int lastRow = -1;

        /** True when the cell is new. */
        boolean put(int row, int column, StoredCell cell) {
            cell.sheet = this;
            cell.row = row;
            cell.column = column;
            lastRow = Math.max(lastRow, row);
            boolean added = cells.put(StreamingRowSource.key(row, column), cell) == null;
            if (added && cell.isFormula()) {
                formulas.add(cell);
            }
            return added;
        }

        StoredCell get(int row, int column) {
            return cells.get(StreamingRowSource.key(row, column));
        }

        @Override
        public EvaluationCell getCell(int row, int column) {
            return get(row, column);
        }

        @Override
        public void clearAllCachedResultValues() {
            // values are never cached here
        }

        @Override
        public int getLastRowNum() {
            return Math.max(0, lastRow);
        }

        @Override
        public boolean isRowHidden(int row) {
            return false;
        }
    }

    /** The store as POI evaluates over it: sheets, names and parsing from the empty workbook of the same names. */
    private static final class Store implements EvaluationWorkbook {
        private final XSSFEvaluationWorkbook names;
        private final StoreSheet[] sheets;

        Store(XSSFEvaluationWorkbook names, int sheetCount) {
            this.names = names;
            this.sheets = new StoreSheet[sheetCount];
            for (int i = 0; i < sheetCount; i++) {
                sheets[i] = new StoreSheet();
            }
        }

        StoreSheet sheet(int index) {
            return sheets[index];
        }

        @Override
        public String getSheetName(int sheetIndex) {
            return names.getSheetName(sheetIndex);
        }

        @Override
        public int getSheetIndex(EvaluationSheet sheet) {
            for (int i = 0; i < sheets.length; i++) {
                if (sheets[i] == sheet) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public int getSheetIndex(String sheetName) {
            return names.getSheetIndex(sheetName);
        }

        @Override
        public EvaluationSheet getSheet(int sheetIndex) {
            return sheets[sheetIndex];
        }

        @Override
        public ExternalSheet getExternalSheet(int externSheetIndex) {
            return names.getExternalSheet(externSheetIndex);
        }

        @Override
        public ExternalSheet getExternalSheet(String firstSheetName, String lastSheetName, int externalWorkbookNumber) {
            return names.getExternalSheet(firstSheetName, lastSheetName, externalWorkbookNumber);
        }

        @Override
        public int convertFromExternSheetIndex(int externSheetIndex) {
            return names.convertFromExternSheetIndex(externSheetIndex);
        }

        @Override
        public ExternalName getExternalName(int externSheetIndex, int externNameIndex) {
            return names.getExternalName(externSheetIndex, externNameIndex);
        }

        @Override
        public ExternalName getExternalName(String nameName, String sheetName, int externalWorkbookNumber) {
            return names.getExternalName(nameName, sheetName, externalWorkbookNumber);
        }

        @Override
        public EvaluationName getName(NamePtg namePtg) {
            return names.getName(namePtg);
        }

        @Override
        public EvaluationName getName(String name, int sheetIndex) {
            return names.getName(name, sheetIndex);
        }

        @Override
        public String resolveNameXText(NameXPtg ptg) {
            return names.resolveNameXText(ptg);
        }

        @Override
        public Ptg[] getFormulaTokens(EvaluationCell cell) {
            return ((StoredCell) cell).tokens;
        }

        @Override
        public UDFFinder getUDFFinder() {
            return names.getUDFFinder();
        }

        @Override
        public SpreadsheetVersion getSpreadsheetVersion() {
            return SpreadsheetVersion.EXCEL2007;
        }

        @Override
        public void clearAllCachedResultValues() {
            // nothing cached
        }
    }
}
