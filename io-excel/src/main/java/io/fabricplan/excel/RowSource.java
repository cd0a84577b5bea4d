package io.fabricplan.excel;

import io.fabricplan.validate.InputProblem;
import java.io.Closeable;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rows of a workbook's sheets, one at a time, so that a reader holds no more than it keeps. Two sources:
 * {@link StreamingRowSource} parses the sheet XML as it goes (bounded memory, any size, every
 * {@link ReadLimits limit} checked), {@link DomRowSource} loads the whole workbook (tests of small files).
 * {@link RowSources} chooses, and evaluates formulas saved without values.
 *
 * <p>Reading a damaged part of the file, or one over a limit, throws {@link java.io.UncheckedIOException}
 * ({@link WorkbookRefused} when it names its problem). Cells over a limit are reported to the sink given to
 * {@link #reportTo}, or kept in {@link #unclaimedProblems()}.
 */
interface RowSource extends Closeable {
    /** Sheet names in workbook order. */
    List<String> sheetNames();

    /** Gives every row of the sheet that has cells, in order. */
    void rows(String sheetName, Consumer<SheetRow> rows);

    /** As {@link #rows(String, Consumer)}, naming cells in problems by the sheet {@code shownAs}. */
    default void rows(String sheetName, String shownAs, Consumer<SheetRow> rows) {
        rows(sheetName, rows);
    }

    /** Whether the sheet is hidden in the workbook. */
    default boolean hidden(String sheetName) {
        return false;
    }

    /** Reads, under the limits, every part not read yet: the sheets the reader skips and all other parts. */
    default void scanOtherParts() {
    }

    /** Whether a formula without a saved value was met, which this source could not evaluate. */
    boolean metUncachedFormula();

    /**
     * Formulas of a workbook that asks to be recalculated when opened that could not be evaluated and were read
     * by the values saved with them.
     */
    default long staleFormulasReadBySavedValue() {
        return 0;
    }

    /** Where problems found in cells go from now on. */
    default void reportTo(Consumer<InputProblem> sink) {
    }

    /** Problems found in cells while no sink was given. */
    default List<InputProblem> unclaimedProblems() {
        return List.of();
    }

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
