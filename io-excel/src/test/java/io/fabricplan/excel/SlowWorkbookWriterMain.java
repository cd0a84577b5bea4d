package io.fabricplan.excel;

import java.nio.file.Path;
import java.util.List;

/**
 * A process that writes a workbook the way the planner does (streaming, through {@link WorkbookFiles}) and slowly
 * enough for a test to kill it mid-write: {@code SlowWorkbookWriterMain OUT.xlsx}. Writes 2,000,000 rows, 200 at a
 * time with a pause between, so it is still writing for minutes.
 */
final class SlowWorkbookWriterMain {
    private SlowWorkbookWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        WorkbookFiles.writeWorkbook(out, Long.MAX_VALUE, workbook -> {
            SheetWriter w = new SheetWriter(workbook, "Rows", List.of("row", "text"));
            for (int r = 0; r < 1_000_000; r++) {
                w.newRow().whole(r).text("row " + r);
                if (r % 200 == 0) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            w.finish();
        });
    }
}
