package io.fabricplan.excel;

import java.io.Closeable;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rows of a workbook's sheets, one at a time, so that a reader holds no more than it keeps. Two sources:
 * {@link StreamingRowSource} parses the sheet XML as it goes (bounded memory, any size; formulas by the values
 * saved with them), {@link DomRowSource} loads the whole workbook (small files; evaluates formulas saved
 * without values). {@link RowSources} chooses.
 *
 * <p>Reading a damaged part of the file throws {@link java.io.UncheckedIOException}.
 */
interface RowSource extends Closeable {
    /** Sheet names in workbook order. */
    List<String> sheetNames();

    /** Gives every row of the sheet that has cells, in order. */
    void rows(String sheetName, Consumer<SheetRow> rows);

    /** Whether a formula without a cached value was met, which this source could not evaluate. */
    boolean metUncachedFormula();

    /** The sheet called {@code name}, ignoring case and surrounding blanks; null when there is none. */
    default String sheet(String name) {
        for (String s : sheetNames()) {
            if (s.strip().equalsIgnoreCase(name)) {
                return s;
            }
        }
        return null;
    }
}
