package io.fabricplan.excel;

import io.fabricplan.validate.InputProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Chooses the {@link RowSource} a reading goes over, under {@link ReadLimits}.
 *
 * <p>{@link Mode#AUTO}, the readers' default, streams: memory stays bounded whatever the size. When a sheet holds
 * formulas saved without their values (written by tools that do not calculate, such as openpyxl and pandas), they
 * are evaluated by {@link FormulaValues}, which loads only the cells they refer to, within the limit
 * {@code formula-cells}, and the reading is done again with their values; a formula that cannot be evaluated is
 * reported at its cell ("formula without a saved value"). The workbook is never loaded whole.
 */
final class RowSources {
    /** Which source a reading uses; tests force DOM (whole workbook) or STREAMING (no evaluation). */
    enum Mode { AUTO, DOM, STREAMING }

    private RowSources() {
    }

    /**
     * Runs {@code reading} over the workbook at {@code path} under the default limits. Returns null and adds the
     * problems, located at the file name or the cell, when the file is missing, not an .xlsx, password protected,
     * corrupt, truncated, over a limit, or has cells the source refused.
     */
    static <R> R read(Path path, Mode mode, List<InputProblem> problems, Function<RowSource, R> reading) {
        return read(path, mode, ReadLimits.DEFAULTS, problems, reading);
    }

    /**
     * As {@link #read(Path, Mode, List, Function)} under {@code limits}. A reading that takes the problems the
     * source finds in cells ({@link RowSource#reportTo}) gets its result back whatever they are; otherwise such
     * problems make the result null and are added to {@code problems}.
     */
    static <R> R read(Path path, Mode mode, ReadLimits limits, List<InputProblem> problems,
                      Function<RowSource, R> reading) {
        if (!WorkbookFiles.isXlsx(path, problems)) {
            return null;
        }
        try {
            if (mode == Mode.DOM) {
                return readDom(path, problems, reading);
            }
            try (StreamingRowSource source = StreamingRowSource.open(path, limits)) {
                FormulaValues.Collector collector = mode == Mode.AUTO ? new FormulaValues.Collector(limits) : null;
                source.collectUncached(collector);
                R result = reading.apply(source);
                if (collector != null && !collector.isEmpty()) {
                    source.useEvaluated(FormulaValues.evaluate(source, collector));
                    result = reading.apply(source);
                }
                if (!source.unclaimedProblems().isEmpty()) {
                    problems.addAll(source.unclaimedProblems());
                    return null;
                }
                return result;
            }
        } catch (WorkbookRefused e) {
            problems.add(e.problem());
            return null;
        } catch (IOException e) {
            problems.add(WorkbookFiles.corrupt(path, e));
            return null;
        } catch (UncheckedIOException e) {
            problems.add(WorkbookFiles.corrupt(path, e.getCause()));
            return null;
        }
    }

    private static <R> R readDom(Path path, List<InputProblem> problems, Function<RowSource, R> reading)
            throws IOException {
        XSSFWorkbook workbook = WorkbookFiles.open(path, problems);
        if (workbook == null) {
            return null;
        }
        try (DomRowSource source = new DomRowSource(workbook)) {
            return reading.apply(source);
        }
    }
}
