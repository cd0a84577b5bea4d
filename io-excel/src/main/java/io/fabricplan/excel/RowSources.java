package io.fabricplan.excel;

import io.fabricplan.validate.InputProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Chooses the {@link RowSource} a reading goes over.
 *
 * <p>{@link Mode#AUTO}, the readers' default, always streams first: memory stays bounded whatever the size.
 * Only when a sheet holds formulas saved without their values (written by tools that do not calculate) and the
 * file is at most {@link #EVALUATE_LIMIT_BYTES}, the reading is done again over the whole workbook loaded in
 * memory, which evaluates them. In larger files such formulas are reported at their cells ("formula has no cached
 * value; open and save the workbook in Excel first").
 */
final class RowSources {
    /** Files up to this size may be loaded whole to evaluate formulas saved without values. */
    static final long EVALUATE_LIMIT_BYTES = 5L * 1024 * 1024;

    /** Which source a reading uses; tests force DOM or STREAMING. */
    enum Mode { AUTO, DOM, STREAMING }

    private RowSources() {
    }

    /**
     * Runs {@code reading} over the workbook at {@code path}. Returns null and adds one problem, located at the
     * file name, when the file is missing, not an .xlsx, password protected, corrupt or truncated.
     */
    static <R> R read(Path path, Mode mode, List<InputProblem> problems, Function<RowSource, R> reading) {
        if (!WorkbookFiles.isXlsx(path, problems)) {
            return null;
        }
        try {
            if (mode == Mode.DOM) {
                return readDom(path, problems, reading);
            }
            R result;
            boolean evaluate;
            try (StreamingRowSource source = StreamingRowSource.open(path)) {
                result = reading.apply(source);
                evaluate = mode == Mode.AUTO && source.metUncachedFormula()
                        && Files.size(path) <= EVALUATE_LIMIT_BYTES;
            }
            return evaluate ? readDom(path, problems, reading) : result;
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
