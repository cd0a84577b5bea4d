package io.fabricplan.excel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Rows of a workbook loaded whole (XSSF): for small files, where it evaluates formulas saved without their
 * values (written by tools that do not calculate).
 */
final class DomRowSource implements RowSource {
    private final XSSFWorkbook workbook;
    private final FormulaEvaluator evaluator;

    DomRowSource(XSSFWorkbook workbook) {
        this.workbook = workbook;
        this.evaluator = workbook.getCreationHelper().createFormulaEvaluator();
    }

    @Override
    public List<String> sheetNames() {
        List<String> names = new ArrayList<>();
        workbook.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    @Override
    public void rows(String sheetName, Consumer<SheetRow> rows) {
        Sheet sheet = workbook.getSheet(sheetName);
        for (Row row : sheet) {
            CellValue[] cells = new CellValue[Math.max(0, row.getLastCellNum())];
            for (Cell cell : row) {
                cells[cell.getColumnIndex()] = CellValue.of(cell, evaluator);
            }
            rows.accept(new SheetRow(row.getRowNum(), cells));
        }
    }

    @Override
    public boolean metUncachedFormula() {
        return false;
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
