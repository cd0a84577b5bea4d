package io.fabricplan.excel;

/**
 * One row of a sheet as a {@link RowSource} gives it: its 0-based index and its raw cells by 0-based column
 * (null where a row has no cell).
 */
final class SheetRow {
    private final int index;
    private final CellValue[] cells;

    SheetRow(int index, CellValue[] cells) {
        this.index = index;
        this.cells = cells;
    }

    /** 0-based row index; Excel shows {@code index + 1}. */
    int index() {
        return index;
    }

    /** One past the last column that may hold a cell. */
    int width() {
        return cells.length;
    }

    /** The raw cell value; BLANK where there is none. */
    CellValue cell(int column) {
        CellValue v = column >= 0 && column < cells.length ? cells[column] : null;
        return v == null ? CellValue.BLANK : v;
    }

    /** True when no cell holds anything but blanks and spaces. */
    boolean isBlank() {
        for (CellValue v : cells) {
            if (v != null && !v.normalized().isBlank()) {
                return false;
            }
        }
        return true;
    }
}
