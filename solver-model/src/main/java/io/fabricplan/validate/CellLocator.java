package io.fabricplan.validate;

/**
 * Names the place of a field of the instance: which sheet, record and column. A workbook reader gives cell
 * references; the default names the record by its id.
 */
@FunctionalInterface
public interface CellLocator {
    /** Names records as {@code Sheet[id].column} (or {@code Sheet[#n]} when the id is blank). */
    CellLocator BY_ID = (sheet, index, id, column) -> sheet + "[" + (id == null || id.isBlank() ? "#" + (index + 1) : id)
            + "]" + (column == null ? "" : "." + column);

    /**
     * @param sheet  sheet name, e.g. {@code Links}
     * @param index  0-based position of the record in its list (Settings: position of the key)
     * @param id     the record's id (Settings: the key)
     * @param column column header, e.g. {@code gbps}
     */
    String locate(String sheet, int index, String id, String column);
}
