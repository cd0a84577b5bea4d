package io.fabricplan.excel;

import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;

/**
 * Writes one table sheet row by row (so it works for streaming workbooks too): a bold, frozen header row,
 * typed cells, numbers shown in their column's unit ({@link CellStyles.Unit}, styles made once per workbook), and
 * column widths fitted to the longest value seen.
 */
final class SheetWriter {
    /** Rows that enum drop-downs cover below the header at least: far more than a hand-edited sheet needs. */
    static final int VALIDATION_ROWS = 10_000;
    private static final int MAX_WIDTH_CHARS = 60;

    private final Sheet sheet;
    private final CellStyles styles;
    private final CellStyles.Unit[] units;
    private final int[] widths;
    private int nextRow;
    private Row row;
    private int nextColumn;

    /** A sheet whose numbers show as General. */
    SheetWriter(Workbook workbook, String name, List<String> headers) {
        this(new CellStyles(workbook), name, headers, Map.of());
    }

    /**
     * A sheet whose numbers show in their column's unit.
     *
     * @param styles the workbook's styles, shared by all its sheets
     * @param units  the unit of each column that has one, by header; others show as General
     */
    SheetWriter(CellStyles styles, String name, List<String> headers, Map<String, CellStyles.Unit> units) {
        this.sheet = styles.workbook().createSheet(name);
        this.styles = styles;
        this.units = headers.stream().map(units::get).toArray(CellStyles.Unit[]::new);
        this.widths = new int[headers.size()];
        newRow();
        for (String h : headers) {
            text(h);
            row.getCell(nextColumn - 1).setCellStyle(styles.header());
        }
        sheet.createFreezePane(0, 1);
    }

    Sheet sheet() {
        return sheet;
    }

    SheetWriter newRow() {
        row = sheet.createRow(nextRow++);
        nextColumn = 0;
        return this;
    }

    /** Text; null or "" leaves the cell blank (which reads back as null). */
    SheetWriter text(String value) {
        if (value != null && !value.isEmpty()) {
            row.createCell(nextColumn).setCellValue(value);
            fit(value.length());
        }
        nextColumn++;
        return this;
    }

    /** A numeric cell in its column's unit; NaN and infinities leave it blank, as Excel has no such numbers. */
    SheetWriter number(double value) {
        return number(value, nextColumn < units.length ? units[nextColumn] : null);
    }

    /** A numeric cell shown in {@code unit} (General when null); NaN and infinities leave it blank. */
    SheetWriter number(double value, CellStyles.Unit unit) {
        if (Double.isFinite(value)) {
            Cell cell = row.createCell(nextColumn);
            cell.setCellValue(value);
            if (unit != null) {
                cell.setCellStyle(styles.of(unit));
            }
            fit(unit == null ? CellValue.numberText(value).length() : unit.width(value));
        }
        nextColumn++;
        return this;
    }

    SheetWriter number(Double value) {
        return value == null ? blank() : number(value.doubleValue());
    }

    /** A long as a number when Excel's doubles hold it exactly, else as text (which reads back). */
    SheetWriter whole(long value) {
        return Math.abs(value) <= (1L << 53) ? number((double) value) : text(Long.toString(value));
    }

    /** A whole number; null leaves the cell blank (which reads back as null). */
    SheetWriter whole(Integer value) {
        return value == null ? blank() : whole(value.longValue());
    }

    SheetWriter yesNo(boolean value) {
        return text(value ? "YES" : "NO");
    }

    SheetWriter choice(Enum<?> value) {
        return text(value == null ? null : value.name());
    }

    SheetWriter blank() {
        nextColumn++;
        return this;
    }

    private void fit(int chars) {
        if (nextColumn < widths.length) {
            widths[nextColumn] = Math.max(widths[nextColumn], chars);
        }
    }

    /** A drop-down of the given values over the column's data rows (all of them, and room to add more). */
    void dropDown(int column, String... values) {
        dropDown(1, Math.max(VALIDATION_ROWS, nextRow - 1), column, values);
    }

    /** A drop-down of the given values over rows {@code first..last} (0-based) of one column. */
    void dropDown(int first, int last, int column, String... values) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(values),
                new CellRangeAddressList(first, last, column, column));
        validation.setSuppressDropDownArrow(true);
        validation.setShowErrorBox(true);
        validation.createErrorBox("Not allowed", "Choose one of " + String.join(", ", values));
        sheet.addValidationData(validation);
    }

    /** Sets the column widths; call after the last row. */
    void finish() {
        for (int c = 0; c < widths.length; c++) {
            int chars = Math.min(MAX_WIDTH_CHARS, Math.max(8, widths[c] + 2));
            sheet.setColumnWidth(c, chars * 256);
        }
    }
}
