package io.fabricplan.studies;

import io.fabricplan.model.Instance;
import io.fabricplan.study.OverrideValue;
import io.fabricplan.study.OverrideTarget;
import io.fabricplan.study.Scenario;
import io.fabricplan.studies.SheetColumns.Column;
import io.fabricplan.studies.SheetColumns.Kind;
import io.fabricplan.studies.SheetColumns.Table;
import io.fabricplan.validate.CellLocator;
import io.fabricplan.validate.InputProblem;
import io.fabricplan.validate.InstanceValidator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A scenario's instance: the base instance with the scenario's overrides applied in order, at the record level,
 * then validated. Every problem is reported at once and located where the planner wrote it (the override's cell,
 * or the header's for {@link #checkHeaders}); nothing here throws on bad input.
 *
 * <p>Headers select rows as {@link OverrideTarget} describes: every row, the row whose id column equals the id
 * (exactly), or every row whose column equals the value (text ignoring case, numbers by value, YES/NO by truth).
 * Selections are made on the instance as the earlier overrides of the scenario left it. An override whose value
 * does not fit one of its rows changes none of them.
 */
public final class ScenarioInstances {
    /** Problems the validator may add per scenario; beyond, they are counted in one last problem. */
    static final int MOST_VALIDATION_PROBLEMS = 100;
    private static final int MOST_LISTED = 8;
    private static final Pattern RACK_SEPARATORS = Pattern.compile("[;,\\s]+");
    private static final Pattern ID_SEPARATORS = Pattern.compile("[;,]");

    private ScenarioInstances() {
    }

    /**
     * A scenario's instance and what is wrong with it.
     *
     * @param instance the base with every override that could be applied; not to be solved when there are problems
     * @param problems what the overrides could not do, then what the validator finds in the result, each located
     *                 at the override (or scenario) that caused it
     */
    public record Applied(Instance instance, List<InputProblem> problems) {
        public Applied {
            Objects.requireNonNull(instance, "instance");
            problems = List.copyOf(problems);
        }

        /** True when the instance may be solved. */
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** The base instance with the scenario's overrides applied in order, and every problem found. */
    public static Applied apply(Instance base, Scenario scenario) {
        List<InputProblem> problems = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        Instance current = overridden(base, scenario, problems, changes);
        validate(current, scenario, changes, problems);
        return new Applied(current, problems);
    }

    /**
     * What the scenario's cells cannot do (a text where a number is needed, an unknown id, a value out of range),
     * without validating the instance they make: the problems a study reports all at once before any solve. An
     * instance that the validator refuses after its overrides is a row of the study instead (status INVALID).
     */
    public static List<InputProblem> cellProblems(Instance base, Scenario scenario) {
        List<InputProblem> problems = new ArrayList<>();
        overridden(base, scenario, problems, new ArrayList<>());
        return problems;
    }

    private static Instance overridden(Instance base, Scenario scenario, List<InputProblem> problems,
                                       List<Change> changes) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(scenario, "scenario");
        Instance current = base;
        for (OverrideValue o : scenario.overrides()) {
            Selection<?> selection = select(current, o.target(), where(o.cell(), o.target()), problems);
            if (selection != null) {
                current = change(current, selection, o, problems, changes);
            }
        }
        return current;
    }

    /**
     * Problems of the headers alone, each once at its header's cell: unknown sheet, column or key, an id column,
     * {@code *} on a column that is not a number, an unknown id, a match on no row.
     *
     * @param headerCells where each target's header was written, e.g. {@code Scenarios!D1}; a missing or blank
     *                    one names the header instead
     */
    public static List<InputProblem> checkHeaders(Instance base, List<OverrideTarget> targets,
                                                  List<String> headerCells) {
        List<InputProblem> problems = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            String cell = i < headerCells.size() ? headerCells.get(i) : null;
            select(base, targets.get(i), where(cell, targets.get(i)), problems);
        }
        return problems;
    }

    private static String where(String cell, OverrideTarget target) {
        return cell == null || cell.isBlank() ? target.header() : cell;
    }

    // ---------------------------------------------------------------- selecting rows

    /** The rows and column a header names. */
    private record Selection<R>(Table<R> table, Column<R> column, BitSet rows) {
    }

    /** The selection, or null with its problem added. */
    private static Selection<?> select(Instance instance, OverrideTarget target, String where,
                                       List<InputProblem> problems) {
        Table<?> table = SheetColumns.table(target.sheet());
        if (table == null) {
            problems.add(new InputProblem(where, "\"" + target.sheet() + "\" is not a sheet an override may change",
                    "write one of " + String.join(", ", OverrideTarget.SHEETS) + "."));
            return null;
        }
        return select(instance, table, target, where, problems);
    }

    private static <R> Selection<R> select(Instance instance, Table<R> table, OverrideTarget target, String where,
                                           List<InputProblem> problems) {
        Column<R> column = column(table, target.column(), "", where, problems);
        if (column == null) {
            return null;
        }
        if (column.isId()) {
            problems.add(new InputProblem(where, column.name() + " is the id of the " + table.sheet()
                    + " rows and may not be overridden", "select rows by it instead, e.g. " + table.sheet() + "["
                    + column.name() + "=...].column, or add the row you need to the instance."));
            return null;
        }
        if (target.multiply() && !column.kind().numeric()) {
            problems.add(new InputProblem(where, table.sheet() + "." + column.name() + " is not a number, so \" *\" "
                    + "cannot multiply it", "drop \" *\" from the header and write the value itself"
                    + example(column) + "."));
            return null;
        }
        List<R> rows = table.rows().apply(instance);
        BitSet selected = new BitSet(rows.size());
        if (table.isSettings()) {
            if (target.rowId() != null || target.matchColumn() != null) {
                problems.add(new InputProblem(where, "Settings has one value per key, not rows to select",
                        "write the key alone, e.g. " + column.name() + "."));
                return null;
            }
            selected.set(0);
        } else if (target.rowId() != null) {
            for (int i = 0; i < rows.size(); i++) {
                if (table.id().apply(rows.get(i)).equals(target.rowId())) {
                    selected.set(i);
                }
            }
            if (selected.isEmpty()) {
                problems.add(unknownId(table, rows, target.rowId(), where));
                return null;
            }
        } else if (target.matchColumn() != null) {
            Column<R> match = column(table, target.matchColumn(), " to compare", where, problems);
            if (match == null) {
                return null;
            }
            Set<String> present = new LinkedHashSet<>();
            for (int i = 0; i < rows.size(); i++) {
                Object value = match.get().apply(rows.get(i));
                if (matches(match, value, target.matchValue())) {
                    selected.set(i);
                }
                present.add(shown(value).isEmpty() ? "(blank)" : shown(value));
            }
            if (selected.isEmpty()) {
                problems.add(new InputProblem(where, "no " + table.sheet() + " row has " + match.name() + " \""
                        + target.matchValue() + "\"", rows.isEmpty() ? emptySheet(table)
                        : "write one of the values present: " + Texts.listed(present, MOST_LISTED) + "."));
                return null;
            }
        } else {
            if (rows.isEmpty()) {
                problems.add(new InputProblem(where, table.sheet() + " has no rows, so " + target.header()
                        + " changes nothing", emptySheet(table)));
                return null;
            }
            selected.set(0, rows.size());
        }
        return new Selection<>(table, column, selected);
    }

    /** The column of that exact name, or null with an "unknown column" problem and the closest name. */
    private static <R> Column<R> column(Table<R> table, String name, String purpose, String where,
                                        List<InputProblem> problems) {
        Column<R> column = table.columns().get(name);
        if (column != null) {
            return column;
        }
        String closest = Texts.closest(name, table.columns().keySet());
        if (table.isSettings()) {
            String elsewhere = SheetColumns.tables().stream()
                    .filter(t -> !t.isSettings() && t.columns().containsKey(name))
                    .map(t -> t.sheet() + "." + name).findFirst().orElse(null);
            problems.add(new InputProblem(where, "Settings has no key \"" + name + "\"", closest != null
                    ? "write " + closest + "." : elsewhere != null ? "write " + elsewhere + " for that column of "
                    + "every row, or one of the Settings keys: " + String.join(", ", table.columns().keySet()) + "."
                    : "write one of the Settings keys: " + String.join(", ", table.columns().keySet()) + "."));
        } else {
            problems.add(new InputProblem(where, table.sheet() + " has no column \"" + name + "\"" + purpose,
                    closest != null ? "write " + closest + "." : "write one of its columns: "
                            + String.join(", ", table.columns().keySet()) + "."));
        }
        return null;
    }

    private static <R> InputProblem unknownId(Table<R> table, List<R> rows, String id, String where) {
        if (rows.isEmpty()) {
            return new InputProblem(where, "no " + table.sheet() + " row has id \"" + id + "\"", emptySheet(table));
        }
        List<String> ids = rows.stream().map(table.id()).toList();
        String closest = Texts.closest(id, ids);
        String present = Texts.listed(new LinkedHashSet<>(ids), MOST_LISTED);
        return new InputProblem(where, "no " + table.sheet() + " row has id \"" + id + "\"", closest != null
                ? "write " + closest + "; " + table.sheet() + " has ids " + present + "."
                : "write one of the ids " + table.sheet() + " has: " + present + ".");
    }

    private static String emptySheet(Table<?> table) {
        return "add rows to " + table.sheet() + " in the instance, or remove the override: " + table.sheet()
                + " has none.";
    }

    /** Whether a row's value equals the header's: blank to blank, numbers by value, others as text ignoring case. */
    private static boolean matches(Column<?> column, Object value, String wanted) {
        String shown = shown(value);
        if (wanted.isEmpty()) {
            return shown.isEmpty();
        }
        return switch (column.kind()) {
            case NUMBER, OPTIONAL_NUMBER, INT, OPTIONAL_INT, COUNT, LONG -> {
                Double w = Texts.number(wanted);
                yield w != null && !shown.isEmpty() && ((Number) value).doubleValue() == w;
            }
            case FLAG -> value.equals(yesNo(wanted));
            case CHOICE -> shown.equals(choiceName(wanted));
            case RACK_LIST -> shown.equalsIgnoreCase(String.join(";", racks(wanted)));
            case ID_LIST -> shown.equalsIgnoreCase(String.join(";", ids(wanted)));
            case TEXT, OPTIONAL_TEXT -> shown.equalsIgnoreCase(wanted);
        };
    }

    /** A value as a cell shows it: "" when blank, numbers without a needless ".0", YES/NO, rack ids by ";". */
    static String shown(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return d.isNaN() ? "" : OverrideValue.format(d);
        }
        if (value instanceof Boolean b) {
            return b ? "YES" : "NO";
        }
        if (value instanceof List<?> list) {
            return String.join(";", list.stream().map(String::valueOf).toList());
        }
        return value instanceof Enum<?> e ? e.name() : value.toString();
    }

    // ---------------------------------------------------------------- changing rows

    /** An override applied: which rows of which column it changed, and where it was written. */
    private record Change(String sheet, String column, BitSet rows, String where) {
    }

    /** The instance with the override applied to the selected rows, or unchanged with its problem. */
    private static <R> Instance change(Instance instance, Selection<R> selection, OverrideValue o,
                                       List<InputProblem> problems, List<Change> changes) {
        Table<R> table = selection.table();
        Column<R> column = selection.column();
        List<R> rows = table.rows().apply(instance);
        String where = where(o.cell(), o.target());
        R first = rows.get(selection.rows().nextSetBit(0));
        Value value = null;
        if (!o.target().multiply()) {
            value = read(column, o.text(), o.number(), first);
        } else if (Double.isNaN(o.number())) {
            value = Value.refused("the factor of " + o.target().header() + " must be a number, got \"" + o.text()
                    + "\"", "write a number, e.g. 1.1 for 10 % more.");
        }
        if (value != null && value.refused()) {
            problems.add(new InputProblem(where, value.message(), value.hint()));
            return instance;
        }
        List<R> changed = new ArrayList<>(rows);
        Value firstRefusal = null;
        int refusals = 0;
        for (int i = selection.rows().nextSetBit(0); i >= 0; i = selection.rows().nextSetBit(i + 1)) {
            Value v = o.target().multiply() ? multiplied(table, column, rows.get(i), o.number()) : value;
            if (v.refused()) {
                firstRefusal = firstRefusal == null ? v : firstRefusal;
                refusals++;
            } else {
                changed.set(i, column.set().apply(rows.get(i), v.value()));
            }
        }
        if (firstRefusal != null) {
            problems.add(new InputProblem(where, firstRefusal.message() + (refusals == 1 ? ""
                    : " (and in " + (refusals - 1) + " more row" + (refusals == 2 ? ")" : "s)")), firstRefusal.hint()));
            return instance;
        }
        changes.add(new Change(table.sheet(), column.name(), selection.rows(), where));
        return table.withRows().apply(instance, changed);
    }

    /** A value for a column, or why there is none. */
    private record Value(Object value, String message, String hint) {
        static Value of(Object value) {
            return new Value(value, null, null);
        }

        static Value refused(String message, String hint) {
            return new Value(null, message, hint);
        }

        boolean refused() {
            return message != null;
        }
    }

    /** The value an override's text gives a column, as its getter holds it. */
    private static <R> Value read(Column<R> column, String text, double number, R example) {
        String t = text.strip();
        String name = column.name();
        String eg = shown(column.get().apply(example));
        String forExample = eg.isEmpty() ? "" : ", e.g. " + eg;
        return switch (column.kind()) {
            case NUMBER, OPTIONAL_NUMBER -> {
                if (t.isEmpty() && column.kind() == Kind.OPTIONAL_NUMBER) {
                    yield Value.of(null);
                }
                yield Double.isNaN(number) ? Value.refused(name + " must be a number, got \"" + text + "\"",
                        "write a number" + forExample + (column.kind() == Kind.OPTIONAL_NUMBER
                                ? ", or nothing to leave it blank." : ".")) : Value.of(number);
            }
            case INT, OPTIONAL_INT, COUNT, LONG -> {
                boolean optional = column.kind() == Kind.OPTIONAL_INT;
                if (t.isEmpty() && optional) {
                    yield Value.of(null);
                }
                String write = "write a whole number" + (column.kind() == Kind.COUNT ? ", 1 or more" : "")
                        + forExample + (optional ? ", or nothing to leave it blank." : ".");
                yield Double.isNaN(number) ? Value.refused(name + " must be a whole number, got \"" + text + "\"",
                        write) : whole(column.kind(), number, name, name + " must be a whole number, got "
                        + OverrideValue.format(number), write);
            }
            case TEXT -> t.isEmpty() ? Value.refused(name + " may not be blank", "write a value" + forExample + ".")
                    : Value.of(t);
            case OPTIONAL_TEXT -> Value.of(t.isEmpty() ? null : t);
            case FLAG -> {
                Boolean flag = yesNo(t);
                yield flag != null ? Value.of(flag) : Value.refused(name + " must be YES or NO, got \"" + text
                        + "\"", "write YES or NO.");
            }
            case CHOICE -> {
                String wanted = choiceName(t);
                if (column.choices().contains(wanted)) {
                    yield Value.of(wanted);
                }
                String closest = Texts.closest(t, column.choices());
                yield Value.refused(name + " must be one of " + Texts.listed(column.choices(), MOST_LISTED)
                        + ", got \"" + text + "\"", "write " + (closest != null ? closest
                        : Texts.listed(column.choices(), MOST_LISTED)) + ".");
            }
            case RACK_LIST -> Value.of(racks(t));
            case ID_LIST -> Value.of(ids(t));
        };
    }

    /** The row's value times the factor, or why it has none (blank, or not whole where a whole number goes). */
    private static <R> Value multiplied(Table<R> table, Column<R> column, R row, double factor) {
        Object current = column.get().apply(row);
        String field = table.field(row, column.name());
        if (shown(current).isEmpty()) {
            return Value.refused(field + " is blank, so there is nothing to multiply", "set it instead: drop \" *\" "
                    + "from the header and write the value.");
        }
        double product = ((Number) current).doubleValue() * factor;
        String what = field + " * " + OverrideValue.format(factor) + " gives " + OverrideValue.format(product);
        if (!Double.isFinite(product)) {
            return Value.refused(what, "multiply by a smaller factor.");
        }
        return column.kind().whole()
                ? whole(column.kind(), product, field, what + ", not a whole number", "multiply by a factor that keeps "
                + column.name() + " whole, e.g. 2, or set " + column.name() + " itself.")
                : Value.of(product);
    }

    /**
     * A whole number as the column holds it (Integer or Long); within 1e-9 of one counts as it, so that
     * {@code 10 * 1.1} is 11.
     */
    private static Value whole(Kind kind, double x, String field, String notWhole, String hint) {
        double rounded = Math.rint(x);
        if (Math.abs(x - rounded) > 1e-9 * Math.max(1, Math.abs(x))) {
            return Value.refused(notWhole, hint);
        }
        boolean asLong = kind == Kind.LONG;
        double most = asLong ? 9.007199254740992E15 : Integer.MAX_VALUE;
        if (Math.abs(rounded) > most) {
            return Value.refused(field + " must be within -" + OverrideValue.format(most) + " and "
                    + OverrideValue.format(most) + ", got " + OverrideValue.format(rounded), "write a smaller whole number.");
        }
        // a record would take a breakout below 1 for 1, silently: refused here instead
        if (kind == Kind.COUNT && rounded < 1) {
            return Value.refused(field + " must be 1 or more, got " + OverrideValue.format(rounded), "write 1 for an "
                    + "ordinary module or cable, or the links one unit serves, e.g. 2 for a twin-port module.");
        }
        return Value.of(asLong ? (Object) (long) rounded : (Object) (int) rounded);
    }

    /** YES, Y, TRUE or 1 and NO, N, FALSE or 0, any case, as the workbook reads them; null otherwise. */
    private static Boolean yesNo(String text) {
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "YES", "Y", "TRUE", "1" -> Boolean.TRUE;
            case "NO", "N", "FALSE", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** An enum name as the workbook reads one: any case, "cp-sat" and "cp sat" as CP_SAT. */
    private static String choiceName(String text) {
        return text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }

    /** Rack ids separated by {@code ;}, {@code ,} or blanks, as the workbook reads candidate_racks. */
    private static List<String> racks(String list) {
        return Arrays.stream(RACK_SEPARATORS.split(list.strip())).filter(s -> !s.isEmpty()).toList();
    }

    /** Optic ids separated by {@code ;} or {@code ,}, trimmed, as the workbook reads pairs_with. */
    private static List<String> ids(String list) {
        return Arrays.stream(ID_SEPARATORS.split(list.strip())).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    /** ", e.g. CPO": a value a column that is not a number could take, for hints; "" for texts. */
    private static String example(Column<?> column) {
        return switch (column.kind()) {
            case CHOICE -> ", e.g. " + column.choices().get(0);
            case FLAG -> ", e.g. YES";
            case RACK_LIST -> ", e.g. N1;N2";
            case ID_LIST -> ", e.g. dr4_400;fr4_400";
            default -> "";
        };
    }

    // ---------------------------------------------------------------- validating the result

    /** Where the validator named a field: the column (Settings: the key) and the last override that set it. */
    private record Located(String column, String overrideWhere) {
    }

    /**
     * The validator's problems of the scenario's instance, each located at the override that last changed its
     * field, or at the scenario when none did (e.g. a link that no optic reaches once a rack moved).
     */
    private static void validate(Instance instance, Scenario scenario, List<Change> changes,
                                 List<InputProblem> problems) {
        String scenarioWhere = scenario.cell().isBlank() ? "scenario " + scenario.id() : scenario.cell();
        String after = "after the overrides of scenario \"" + scenario.id() + "\", ";
        Map<String, Located> located = new HashMap<>();
        CellLocator locator = (sheet, index, id, column) -> {
            boolean settings = "Settings".equals(sheet);
            String field = settings ? id : CellLocator.BY_ID.locate(sheet, index, id, column);
            String name = settings ? id : column;
            located.putIfAbsent(field, new Located(name, lastChange(changes, sheet, name, settings ? 0 : index)));
            return field;
        };
        int[] found = {0};
        new InstanceValidator(locator).validate(instance, p -> {
            if (found[0]++ < MOST_VALIDATION_PROBLEMS) {
                Located at = located.get(p.where());
                String message = at != null && at.column() != null && p.message().startsWith(at.column() + " ")
                        ? p.where() + p.message().substring(at.column().length())
                        : p.where() + ": " + p.message();
                problems.add(new InputProblem(at != null && at.overrideWhere() != null ? at.overrideWhere()
                        : scenarioWhere, after + message, p.hint()));
            }
        });
        if (found[0] > MOST_VALIDATION_PROBLEMS) {
            problems.add(new InputProblem(scenarioWhere, after + (found[0] - MOST_VALIDATION_PROBLEMS)
                    + " more problems", "fix the ones above first; they may cause the rest."));
        }
    }

    private static String lastChange(List<Change> changes, String sheet, String column, int row) {
        for (int i = changes.size() - 1; i >= 0; i--) {
            Change c = changes.get(i);
            if (c.sheet().equals(sheet) && c.column().equals(column) && c.rows().get(row)) {
                return c.where();
            }
        }
        return null;
    }
}
