package io.fabricplan.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Breaks workbooks by hand, the way a planner's typo would. */
final class WorkbookEdits {
    private WorkbookEdits() {
    }

    static void edit(Path file, Consumer<Workbook> change) {
        try {
            Workbook wb;
            try (InputStream in = Files.newInputStream(file)) {
                wb = new XSSFWorkbook(in);
            }
            change.accept(wb);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            wb.close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Sets a cell given as {@code Sheet!E14} to a string, or a number when the value is a Double. */
    static Consumer<Workbook> set(String ref, Object value) {
        return wb -> {
            CellReference at = new CellReference(ref);
            Sheet sheet = wb.getSheet(at.getSheetName());
            Row row = sheet.getRow(at.getRow()) == null ? sheet.createRow(at.getRow()) : sheet.getRow(at.getRow());
            Cell cell = row.getCell(at.getCol()) == null ? row.createCell(at.getCol()) : row.getCell(at.getCol());
            if (value instanceof Double d) {
                cell.setCellValue(d);
            } else {
                cell.setCellValue(value.toString());
            }
        };
    }

    /** The text of a cell given as {@code Sheet!A2}. */
    static String get(Path file, String ref) {
        try (InputStream in = Files.newInputStream(file); Workbook wb = new XSSFWorkbook(in)) {
            CellReference at = new CellReference(ref);
            return wb.getSheet(at.getSheetName()).getRow(at.getRow()).getCell(at.getCol()).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
