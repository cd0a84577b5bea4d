package io.fabricplan.excel;

import io.fabricplan.validate.InputProblem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;

/**
 * A sheet read as a table: its header row (names trimmed and case-insensitive), and its non-blank data rows.
 * Knows the Excel reference of every cell, so that problems can name it.
 */
final class SheetTable {
    private final String name;
    private final int headerRow;
    private final Map<String, Integer> columns;
    private final List<Row> rows;
    private final FormulaEvaluator evaluator;

    private SheetTable(String name, int headerRow, Map<String, Integer> columns, List<Row> rows,
                       FormulaEvaluator evaluator) {
        this.name = name;
        this.headerRow = headerRow;
        this.columns = columns;
        this.rows = rows;
        this.evaluator = evaluator;
    }

    /**
     * Reads the header and the data rows. Unknown columns are kept out of the table and warned about once;
     * missing required columns and an empty sheet are problems.
     */
    static SheetTable read(Sheet sheet, String name, Schema.Columns known, FormulaEvaluator evaluator,
                           List<InputProblem> problems, List<String> warnings) {
        int header = firstNonBlankRow(sheet, evaluator);
        if (header < 0) {
            problems.add(new InputProblem(name + "!1", "sheet \"" + name + "\" is empty",
                    "give it a header row with the columns " + String.join(", ", known.all()) + "."));
            return new SheetTable(name, 0, Map.of(), List.of(), evaluator);
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<String> found = new ArrayList<>();
        Row headerRow = sheet.getRow(header);
        for (Cell cell : headerRow) {
            CellValue v = CellValue.of(cell, evaluator);
            if (v.isBlank()) {
                continue;
            }
            String column = v.text().toLowerCase(Locale.ROOT);
            String ref = name + "!" + new CellReference(header, cell.getColumnIndex()).formatAsString(false);
            found.add(v.text());
            if (!known.all().contains(column)) {
                warnings.add(ref + ": unknown column \"" + v.text() + "\" is ignored");
            } else if (columns.containsKey(column)) {
                warnings.add(ref + ": column \"" + column + "\" appears again; the one in column "
                        + CellReference.convertNumToColString(columns.get(column)) + " is read");
            } else {
                columns.put(column, cell.getColumnIndex());
            }
        }
        for (String required : known.all()) {
            if (known.required().contains(required) && !columns.containsKey(required)) {
                problems.add(new InputProblem(name + "!" + (header + 1), "column \"" + required + "\" is missing",
                        "add a \"" + required + "\" column; the header row has "
                                + (found.isEmpty() ? "no columns" : String.join(", ", found)) + "."));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null && !isBlank(row, evaluator)) {
                rows.add(row);
            }
        }
        return new SheetTable(name, header, columns, rows, evaluator);
    }

    private static int firstNonBlankRow(Sheet sheet, FormulaEvaluator evaluator) {
        for (int r = Math.max(0, sheet.getFirstRowNum()); r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null && !isBlank(row, evaluator)) {
                return r;
            }
        }
        return -1;
    }

    private static boolean isBlank(Row row, FormulaEvaluator evaluator) {
        for (Cell cell : row) {
            if (!CellValue.of(cell, evaluator).isBlank()) {
                return false;
            }
        }
        return true;
    }

    String name() {
        return name;
    }

    List<Row> rows() {
        return Collections.unmodifiableList(rows);
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

    CellValue value(Row row, String column) {
        Integer c = columns.get(column);
        return c == null ? CellValue.BLANK : CellValue.of(row.getCell(c), evaluator);
    }

    /** {@code Links!E14}, or {@code Links!14} when the column is absent. */
    String ref(Row row, String column) {
        return ref(name, columns, row.getRowNum() + 1, column);
    }

    static String ref(String sheet, Map<String, Integer> columns, int rowNumber, String column) {
        Integer c = column == null ? null : columns.get(column);
        return sheet + "!" + (c == null ? "" : CellReference.convertNumToColString(c)) + rowNumber;
    }
}
