package io.fabricplan.excel;

import io.fabricplan.study.OverrideValue;
import io.fabricplan.study.OverrideTarget;
import io.fabricplan.study.Scenario;
import io.fabricplan.validate.InputProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.poi.ss.util.CellReference;

/**
 * Reads the optional {@code Scenarios} sheet of an instance workbook: a row per scenario with its
 * {@code scenario_id}, optional {@code description} and {@code pareto} (YES/NO), then one column per override, its
 * header in the {@link OverrideTarget} grammar and each cell the scenario's value (blank: no override). The sheet
 * is streamed under {@link ReadLimits}, formulas read as the instance reader reads them ({@link RowSources}), and
 * every problem is reported at once, at its cell, with a hint. Whether a target exists in the instance (its column,
 * its row id) is not checked here: module {@code studies} checks it where it applies the overrides.
 */
public final class StudyWorkbookReader {
    static final String SHEET = "Scenarios";
    private static final String ID = "scenario_id";
    private static final String DESCRIPTION = "description";
    private static final String PARETO = "pareto";

    private StudyWorkbookReader() {
    }

    /**
     * What the Scenarios sheet holds.
     *
     * @param scenarios   the scenarios in sheet order; empty when the sheet is absent
     * @param headerCells the cell of each override column's header (e.g. {@code Scenarios!D1}), in sheet order, for
     *                    messages about a target the instance lacks
     * @param targets     each override column's target, in the same order; {@link #headers()} spells them
     * @param present     whether the workbook has a Scenarios sheet
     */
    public record ScenarioSheet(List<Scenario> scenarios, List<String> headerCells, List<OverrideTarget> targets,
                                boolean present) {
        public ScenarioSheet {
            scenarios = List.copyOf(scenarios);
            headerCells = List.copyOf(headerCells);
            targets = List.copyOf(targets);
            if (headerCells.size() != targets.size()) {
                throw new IllegalArgumentException(headerCells.size() + " header cells for " + targets.size()
                        + " targets");
            }
        }

        static final ScenarioSheet ABSENT = new ScenarioSheet(List.of(), List.of(), List.of(), false);

        /** The override headers in canonical spelling ({@link OverrideTarget#header()}), in sheet order. */
        public List<String> headers() {
            return targets.stream().map(OverrideTarget::header).toList();
        }
    }

    /**
     * Reads the Scenarios sheet of {@code workbook} under {@code limits}.
     *
     * @return the scenarios, or {@link ScenarioSheet#present()} false when the workbook has no such sheet
     * @throws InputWorkbookException naming every problem at its cell ({@code Scenarios!A7: ...}, with a "Maybe"
     *                                hint): a file that cannot be read, a missing {@code scenario_id} column, blank
     *                                or repeated ids, headers outside the grammar or repeated, pareto values other
     *                                than YES or NO, an empty sheet
     */
    public static ScenarioSheet readScenarios(Path workbook, ReadLimits limits) throws InputWorkbookException {
        Objects.requireNonNull(workbook, "workbook");
        Objects.requireNonNull(limits, "limits");
        List<InputProblem> fileProblems = new ArrayList<>();
        // A formula saved without its value has the reading run again, so each run starts afresh.
        Reading reading = RowSources.read(workbook, RowSources.Mode.AUTO, limits, fileProblems,
                source -> new Reading(source, limits).read());
        if (reading == null) {
            throw new InputWorkbookException(fileProblems);
        }
        if (reading.problems.count() > 0) {
            List<InputProblem> shown = new ArrayList<>(reading.problems.kept());
            long more = reading.problems.count() - shown.size();
            if (more > 0) {
                shown.add(new InputProblem(SHEET, ReadLimits.grouped(more) + " more problem" + (more == 1 ? "" : "s")
                        + " not shown", limits.raise("problems")));
            }
            throw new InputWorkbookException(shown);
        }
        return reading.sheet;
    }

    /** One reading of the sheet: its header, its rows, and the problems found. */
    private static final class Reading {
        private final RowSource source;
        private final ProblemList problems;
        private final Fields fields;
        private final Map<Integer, OverrideTarget> targetsByColumn = new TreeMap<>();
        private final Map<String, String> headerCellByName = new HashMap<>();
        private final Map<String, String> idCells = new HashMap<>();
        private final List<Scenario> scenarios = new ArrayList<>();
        /** Columns whose header cell holds something, readable or not. */
        private final Set<Integer> headed = new HashSet<>();
        /** Columns without a header whose first value was reported. */
        private final Set<Integer> headlessReported = new HashSet<>();
        private long dataRows;
        private int headerRow = -1;
        private int idColumn = -1;
        private int descriptionColumn = -1;
        private int paretoColumn = -1;
        private ScenarioSheet sheet = ScenarioSheet.ABSENT;

        Reading(RowSource source, ReadLimits limits) {
            this.source = source;
            this.problems = new ProblemList(limits.problems());
            this.fields = new Fields(problems);
            source.reportTo(problems);
        }

        Reading read() {
            String name = sheetName();
            if (name == null) {
                return this;
            }
            source.rows(name, SHEET, row -> {
                if (row.isBlank()) {
                    return;
                }
                if (headerRow < 0) {
                    header(row);
                } else {
                    dataRows++;
                    scenario(row);
                }
            });
            if (headerRow < 0) {
                problems.add(new InputProblem(SHEET + "!1", "sheet \"" + SHEET + "\" is empty", "give it a header "
                        + "row (scenario_id, description, pareto, then one column per override, e.g. pue or "
                        + "Racks.power_budget_kw) and a row per scenario, or delete the sheet."));
            } else if (dataRows == 0) {
                problems.add(new InputProblem(SHEET + "!" + (headerRow + 2), "sheet \"" + SHEET + "\" has a header "
                        + "row but no scenario", "add a row per scenario below the header, or delete the sheet."));
            }
            List<String> cells = new ArrayList<>();
            targetsByColumn.keySet().forEach(c -> cells.add(ref(headerRow, c)));
            sheet = new ScenarioSheet(scenarios, cells, List.copyOf(targetsByColumn.values()), true);
            return this;
        }

        /** The sheet read as Scenarios (any case, stray blanks); two such sheets are a problem. */
        private String sheetName() {
            String found = null;
            for (String s : source.sheetNames()) {
                if (s.strip().equalsIgnoreCase(SHEET)) {
                    if (found != null) {
                        problems.add(new InputProblem(SHEET, "sheets \"" + found + "\" and \"" + s + "\" both read "
                                + "as sheet \"" + SHEET + "\"", "keep one of them, or rename the other."));
                        return found;
                    }
                    found = s;
                }
            }
            return found;
        }

        private void header(SheetRow row) {
            headerRow = row.index();
            List<String> found = new ArrayList<>();
            for (int c = 0; c < row.width(); c++) {
                CellValue v = row.cell(c).normalized();
                String where = ref(headerRow, c);
                if (v.isBlank()) {
                    continue;
                }
                headed.add(c);
                if (v.kind() == CellValue.Kind.INVALID || v.kind() == CellValue.Kind.UNCACHED) {
                    fields.text(v, where, "header", false); // reports a formula without a value; INVALID is reported
                    continue;
                }
                found.add(v.text());
                String lower = v.text().toLowerCase(Locale.ROOT);
                if (lower.equals(ID) || lower.equals(DESCRIPTION) || lower.equals(PARETO)) {
                    if (firstUse(lower, where)) {
                        switch (lower) {
                            case ID -> idColumn = c;
                            case DESCRIPTION -> descriptionColumn = c;
                            default -> paretoColumn = c;
                        }
                    }
                    continue;
                }
                try {
                    OverrideTarget target = OverrideTarget.parse(v.text());
                    if (firstUse(target.header(), where)) {
                        targetsByColumn.put(c, target);
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(problem(where, e.getMessage()));
                }
            }
            if (idColumn < 0) {
                problems.add(new InputProblem(SHEET + "!" + (headerRow + 1), "column \"" + ID + "\" is missing",
                        "add a \"" + ID + "\" column with a unique id per scenario; the header row has "
                                + (found.isEmpty() ? "no columns" : String.join(", ", found)) + "."));
            }
        }

        /** Whether {@code name} is a header met for the first time; a second one is a problem naming both cells. */
        private boolean firstUse(String name, String where) {
            String first = headerCellByName.putIfAbsent(name, where);
            if (first == null) {
                return true;
            }
            problems.add(new InputProblem(where, "column \"" + name + "\" appears again, first at " + first,
                    "keep one column per override (or per " + ID + ", " + DESCRIPTION + ", " + PARETO
                            + "), and delete or rename the other."));
            return false;
        }

        private void scenario(SheetRow row) {
            reportHeadlessValues(row);
            String id = id(row);
            String description = descriptionColumn < 0 ? null
                    : fields.text(value(row, descriptionColumn), ref(row.index(), descriptionColumn), DESCRIPTION,
                    false);
            boolean pareto = paretoColumn >= 0 && pareto(row);
            List<OverrideValue> overrides = new ArrayList<>();
            targetsByColumn.forEach((c, target) -> {
                String text = overrideText(value(row, c), ref(row.index(), c), target);
                if (text != null) {
                    overrides.add(OverrideValue.of(target, text, ref(row.index(), c)));
                }
            });
            if (id != null) {
                scenarios.add(new Scenario(id, description, overrides, pareto, ref(row.index(), idColumn)));
            }
        }

        /** The row's id; null when absent, blank, unreadable or taken (each reported but the first). */
        private String id(SheetRow row) {
            if (idColumn < 0) {
                return null;
            }
            String where = ref(row.index(), idColumn);
            CellValue v = value(row, idColumn);
            if (v.isBlank()) {
                problems.add(new InputProblem(where, ID + " is blank", "give the scenario an id no other row has, or "
                        + "clear the whole row."));
                return null;
            }
            if (error(v, where, ID)) {
                return null;
            }
            String id = fields.text(v, where, ID, true);
            if (id.isEmpty()) {
                return null;
            }
            String first = idCells.putIfAbsent(id.toLowerCase(Locale.ROOT), where);
            if (first != null) {
                problems.add(new InputProblem(where, ID + " \"" + id + "\" is used again, first at " + first
                        + " (ids are compared ignoring case)", "give each scenario its own id, e.g. " + id + "b."));
                return null;
            }
            return id;
        }

        private boolean pareto(SheetRow row) {
            String where = ref(row.index(), paretoColumn);
            CellValue v = value(row, paretoColumn);
            if (v.isBlank() || error(v, where, PARETO)) {
                return false;
            }
            String text = fields.text(v, where, PARETO, false);
            if (text == null) {
                return false;
            }
            switch (text.toUpperCase(Locale.ROOT)) {
                case "YES", "Y", "TRUE", "1" -> {
                    return true;
                }
                case "NO", "N", "FALSE", "0" -> {
                    return false;
                }
                default -> {
                    problems.add(new InputProblem(where, PARETO + " must be YES or NO, got \"" + text + "\"",
                            "write YES for the scenario's capex-power front, NO or nothing for one plan."));
                    return false;
                }
            }
        }

        /** The override's text; null for a blank cell and for one that cannot be read (reported). */
        private String overrideText(CellValue v, String where, OverrideTarget target) {
            if (v.isBlank() || error(v, where, target.header())) {
                return null;
            }
            if (v.date()) {
                problems.add(new InputProblem(where, target.header() + " looks like a date (" + v.text()
                        + "): the cell has a date format", "type the value itself, and format the cell as Number "
                        + "or General."));
                return null;
            }
            return fields.text(v, where, target.header(), false);
        }

        /** A cell holding an error value (#REF!, #DIV/0!): reported. */
        private boolean error(CellValue v, String where, String field) {
            if (v.kind() != CellValue.Kind.ERROR) {
                return false;
            }
            problems.add(new InputProblem(where, field + " holds the error " + v.text(), "mend the formula, or "
                    + "type the value itself."));
            return true;
        }

        /** A value in a column without a header would be dropped without a word: reported, once per column. */
        private void reportHeadlessValues(SheetRow row) {
            for (int c = 0; c < row.width(); c++) {
                if (!headed.contains(c) && !value(row, c).isBlank() && headlessReported.add(c)) {
                    problems.add(new InputProblem(ref(row.index(), c), "a value in a column without a header ("
                            + ref(headerRow, c) + " is blank)", "name the column with its override (e.g. pue or "
                            + "Racks.power_budget_kw), or clear its cells."));
                }
            }
        }

        private static CellValue value(SheetRow row, int column) {
            return row.cell(column).normalized();
        }

        private static String ref(int row, int column) {
            return SHEET + "!" + new CellReference(row, column).formatAsString(false);
        }

        /** A problem from a message of the form "what is wrong. Maybe what to do." */
        private static InputProblem problem(String where, String message) {
            int maybe = message.indexOf(" Maybe ");
            if (maybe < 0) {
                return new InputProblem(where, message, null);
            }
            String what = message.substring(0, maybe);
            return new InputProblem(where, what.endsWith(".") ? what.substring(0, what.length() - 1) : what,
                    message.substring(maybe + " Maybe ".length()));
        }
    }
}
