package io.fabricplan.excel;

import io.fabricplan.validate.InputProblem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.poi.ss.util.CellReference;

/**
 * A sheet read as a table: its header row (names trimmed and case-insensitive), then its non-blank data rows,
 * handed on one at a time as a {@link RowSource} gives them, so that no sheet is ever held whole. Knows the
 * Excel reference of every cell, so that problems can name it.
 */
final class SheetTable {
    private final String name;
    private final Schema.Columns known;
    private final List<InputProblem> problems;
    private final List<String> warnings;
    private int headerRow = -1;
    private final Map<String, Integer> columns = new LinkedHashMap<>();
    private final Map<String, String> refPrefixes = new HashMap<>();

    private SheetTable(String name, Schema.Columns known, List<InputProblem> problems, List<String> warnings) {
        this.name = name;
        this.known = known;
        this.problems = problems;
        this.warnings = warnings;
    }

    /**
     * Reads sheet {@code sheet} of the source as table {@code name}: the first non-blank row is the header, every
     * later non-blank row goes to {@code rows} with this table. Unknown columns are kept out of the table and
     * warned about once; missing required columns (before any row) and an empty sheet are problems.
     */
    static SheetTable read(RowSource source, String sheet, String name, Schema.Columns known,
                           List<InputProblem> problems, List<String> warnings, BiConsumer<SheetTable, SheetRow> rows) {
        SheetTable table = new SheetTable(name, known, problems, warnings);
        source.rows(sheet, name, row -> {
            if (row.isBlank()) {
                return;
            }
            if (table.headerRow < 0) {
                table.header(row);
            } else {
                rows.accept(table, row);
            }
        });
        if (table.headerRow < 0) {
            problems.add(new InputProblem(name + "!1", "sheet \"" + name + "\" is empty",
                    "give it a header row with the columns " + String.join(", ", known.all()) + "."));
            table.headerRow = 0;
        }
        return table;
    }

    private void header(SheetRow row) {
        headerRow = row.index();
        List<String> found = new ArrayList<>();
        for (int c = 0; c < row.width(); c++) {
            CellValue v = row.cell(c).normalized();
            if (v.isBlank()) {
                continue;
            }
            String column = v.text().toLowerCase(Locale.ROOT);
            String ref = name + "!" + new CellReference(headerRow, c).formatAsString(false);
            found.add(v.text());
            if (!known.all().contains(column)) {
                warnings.add(ref + ": unknown column \"" + v.text() + "\" is ignored");
            } else if (columns.containsKey(column)) {
                warnings.add(ref + ": column \"" + column + "\" appears again; the one in column "
                        + CellReference.convertNumToColString(columns.get(column)) + " is read");
            } else {
                columns.put(column, c);
            }
        }
        for (String required : known.all()) {
            if (known.required().contains(required) && !columns.containsKey(required)) {
                problems.add(new InputProblem(name + "!" + (headerRow + 1), "column \"" + required + "\" is missing",
                        "add a \"" + required + "\" column; the header row has "
                                + (found.isEmpty() ? "no columns" : String.join(", ", found)) + "."));
            }
        }
    }

    String name() {
        return name;
    }

    boolean has(String column) {
        return columns.containsKey(column);
    }

    /** 1-based row number of the header, as Excel shows it. */
    int headerRowNumber() {
        return headerRow + 1;
    }

    /** Header name to 0-based column index, for the known columns present. */
    Map<String, Integer> columns() {
        return Collections.unmodifiableMap(columns);
    }

    /** The cell's value as readers see it: text trimmed, empty text blank. */
    CellValue value(SheetRow row, String column) {
        Integer c = columns.get(column);
        return c == null ? CellValue.BLANK : row.cell(c).normalized();
    }

    /** {@code Links!E14}, or {@code Links!14} when the column is absent. */
    String ref(SheetRow row, String column) {
        // Every field read names its cell, so the sheet-and-column part is built once per column.
        String prefix = refPrefixes.computeIfAbsent(column == null ? "" : column,
                c -> prefix(name, columns, column));
        return prefix + (row.index() + 1);
    }

    static String ref(String sheet, Map<String, Integer> columns, int rowNumber, String column) {
        return prefix(sheet, columns, column) + rowNumber;
    }

    /** {@code Links!E}, or {@code Links!} when the column is absent. */
    private static String prefix(String sheet, Map<String, Integer> columns, String column) {
        Integer c = column == null ? null : columns.get(column);
        return sheet + "!" + (c == null ? "" : CellReference.convertNumToColString(c));
    }
}
