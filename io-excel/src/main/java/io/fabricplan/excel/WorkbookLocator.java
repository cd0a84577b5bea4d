package io.fabricplan.excel;

import io.fabricplan.validate.CellLocator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Locates instance fields in the workbook they were read from: record {@code index} of a sheet is the data row
 * it came from, a column is wherever that header stands. Settings are located by key. Anything not read from a
 * sheet (a default catalog, a default setting) falls back to {@link CellLocator#BY_ID}.
 */
final class WorkbookLocator implements CellLocator {
    private final Map<String, Layout> sheets = new HashMap<>();
    private final Map<String, Integer> settingRows = new HashMap<>();
    private Map<String, Integer> settingColumns = Map.of();

    /** Where a sheet's records and columns are. */
    private record Layout(Map<String, Integer> columns, int[] recordRows) {
    }

    /** A sheet's columns and, for each record in order, the 1-based row it was read from. */
    void addSheet(String sheet, Map<String, Integer> columns, int[] recordRows) {
        sheets.put(sheet, new Layout(Map.copyOf(columns), recordRows.clone()));
    }

    void addSetting(String key, int rowNumber) {
        settingRows.putIfAbsent(key.toLowerCase(Locale.ROOT), rowNumber);
    }

    void settingColumns(Map<String, Integer> columns) {
        settingColumns = Map.copyOf(columns);
    }

    @Override
    public String locate(String sheet, int index, String id, String column) {
        if (Schema.SETTINGS.equals(sheet)) {
            Integer row = id == null ? null : settingRows.get(id.toLowerCase(Locale.ROOT));
            return row == null ? BY_ID.locate(sheet, index, id, column)
                    : SheetTable.ref(sheet, settingColumns, row, column == null ? "value" : column);
        }
        Layout layout = sheets.get(sheet);
        if (layout == null || index < 0 || index >= layout.recordRows().length) {
            return BY_ID.locate(sheet, index, id, column);
        }
        return SheetTable.ref(sheet, layout.columns(), layout.recordRows()[index], column);
    }
}
