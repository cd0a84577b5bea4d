package io.fabricplan.excel;

import io.fabricplan.validate.InputProblem;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A workbook refused as a whole, or one of its parts: over a limit, damaged, or not the XML it should be. Carries
 * the problem as the reader reports it. An {@link UncheckedIOException}, as damaged parts always were, so that
 * callers that copy a workbook stop the same way.
 */
final class WorkbookRefused extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    private final transient InputProblem problem;

    WorkbookRefused(InputProblem problem) {
        super(problem.message(), new IOException(problem.describe()));
        this.problem = problem;
    }

    InputProblem problem() {
        return problem;
    }

    /** Thrown out of an input stream, where only IOExceptions pass through the XML parser unchanged. */
    static final class InStream extends IOException {
        private static final long serialVersionUID = 1L;

        private final transient InputProblem problem;

        InStream(InputProblem problem) {
            super(problem.message());
            this.problem = problem;
        }

        InputProblem problem() {
            return problem;
        }
    }
}
