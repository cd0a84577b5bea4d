package io.fabricplan.excel;

import io.fabricplan.validate.InputProblem;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The input workbook cannot be copied into the plan workbook: it is missing, damaged, unsafe to unpack, or holds
 * what no Excel workbook may (a cell of more than 32,767 characters, a row below 1,048,576). Nothing was written.
 * Or its Scenarios sheet cannot be read as a study ({@link StudyWorkbookReader}). Each problem names the file, the
 * sheet or the cell, with a hint.
 */
public final class InputWorkbookException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient List<InputProblem> problems;

    InputWorkbookException(List<InputProblem> problems) {
        super(problems.stream().map(InputProblem::describe).collect(Collectors.joining(System.lineSeparator())));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, at least one. */
    public List<InputProblem> problems() {
        return problems;
    }
}
