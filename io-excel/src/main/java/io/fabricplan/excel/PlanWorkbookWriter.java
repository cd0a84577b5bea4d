package io.fabricplan.excel;

import io.fabricplan.api.PlanResult;
import io.fabricplan.model.Instance;
import io.fabricplan.validate.InputProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a plan workbook: the instance sheets (copied unchanged from the input workbook, or written from the
 * instance) followed by the result sheets Summary, LinkPlan, DevicePlan, RackPower and BOM. The input workbook
 * is only read; the output is written atomically, so a failure leaves no half-written file.
 */
public final class PlanWorkbookWriter {
    /** Rows kept in memory per streamed sheet. */
    private static final int STREAM_WINDOW = 200;

    private PlanWorkbookWriter() {
    }

    /**
     * @param inputWorkbook the instance workbook the plan was solved from, or null to write the instance sheets
     * @param instance      the instance solved
     * @param result        the solve's result; without a plan only the Summary has figures
     * @param solverName    engine name for the Summary
     * @param out           where to write; must not be the input workbook
     * @throws IllegalArgumentException when {@code out} is the input workbook
     * @throws IOException              when the input cannot be read or the output cannot be written
     */
    public static void write(Path inputWorkbook, Instance instance, PlanResult result, String solverName, Path out)
            throws IOException {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(out, "out");
        if (inputWorkbook == null) {
            writeStreaming(instance, result, solverName, out);
            return;
        }
        if (WorkbookFiles.sameFile(out, inputWorkbook)) {
            throw new IllegalArgumentException("the plan would overwrite the input workbook " + inputWorkbook
                    + ". Maybe write it with -o to another file.");
        }
        try (XSSFWorkbook workbook = openInput(inputWorkbook)) {
            removeResultSheets(workbook);
            ResultSheets.write(workbook, instance, result, solverName);
            selectSummary(workbook);
            WorkbookFiles.writeAtomically(out, workbook::write);
        }
    }

    /** Without an input workbook every sheet is new, so all of them stream (large plans stay small in memory). */
    private static void writeStreaming(Instance instance, PlanResult result, String solverName, Path out)
            throws IOException {
        WorkbookFiles.writeAtomically(out, stream -> {
            SXSSFWorkbook workbook = new SXSSFWorkbook(STREAM_WINDOW);
            try {
                InstanceSheets.write(workbook, instance);
                ResultSheets.write(workbook, instance, result, solverName);
                selectSummary(workbook);
                workbook.write(stream);
            } finally {
                workbook.close(); // also deletes SXSSF's temporary sheet files
            }
        });
    }

    private static XSSFWorkbook openInput(Path input) throws IOException {
        List<InputProblem> problems = new ArrayList<>();
        XSSFWorkbook workbook = WorkbookFiles.open(input, problems);
        if (workbook == null) {
            throw new IOException(problems.get(0).describe());
        }
        return workbook;
    }

    /** A plan workbook solved again gets fresh result sheets, not a second set. */
    private static void removeResultSheets(Workbook workbook) {
        for (String name : Schema.RESULT_SHEETS) {
            for (Sheet s = InstanceWorkbookReader.sheet(workbook, name); s != null;
                 s = InstanceWorkbookReader.sheet(workbook, name)) {
                workbook.removeSheetAt(workbook.getSheetIndex(s));
            }
        }
    }

    /** Opens the workbook on the Summary; one selected tab, so Excel does not group sheets. */
    private static void selectSummary(Workbook workbook) {
        for (Sheet s : workbook) {
            s.setSelected(false);
        }
        int summary = workbook.getSheetIndex(Schema.SUMMARY);
        workbook.setActiveSheet(summary);
        workbook.getSheetAt(summary).setSelected(true);
    }
}
