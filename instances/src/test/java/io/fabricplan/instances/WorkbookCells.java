package io.fabricplan.instances;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Every cell of a workbook, by {@code Sheet!A1}, as its type and value; and how two workbooks' cells differ. */
final class WorkbookCells {
    private WorkbookCells() {
    }

    /** Sheet names in order, then every non-blank cell as {@code Sheet!A1 -> TYPE value}, in sheet and row order. */
    static Map<String, String> of(Path workbook) throws IOException {
        Map<String, String> cells = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(workbook); Workbook book = new XSSFWorkbook(in)) {
            for (Sheet sheet : book) {
                cells.put("sheet " + book.getSheetIndex(sheet), sheet.getSheetName());
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        String value = value(cell);
                        if (value != null) {
                            cells.put(sheet.getSheetName() + "!" + new CellReference(cell).formatAsString(false),
                                    value);
                        }
                    }
                }
            }
        }
        return cells;
    }

    private static String value(Cell cell) {
        return switch (cell.getCellType()) {
            case STRING -> "STRING " + cell.getStringCellValue();
            case NUMERIC -> "NUMERIC " + cell.getNumericCellValue();
            case BOOLEAN -> "BOOLEAN " + cell.getBooleanCellValue();
            case FORMULA -> "FORMULA " + cell.getCellFormula();
            case ERROR -> "ERROR " + cell.getErrorCellValue();
            case BLANK, _NONE -> null;
        };
    }

    /** The cells (and sheet names) that differ, e.g. {@code Settings!A14: expected "STRING x" but was none}. */
    static List<String> differences(Map<String, String> expected, Map<String, String> actual) {
        Set<String> keys = new LinkedHashSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        List<String> differences = new ArrayList<>();
        for (String key : keys) {
            String want = expected.get(key);
            String got = actual.get(key);
            if (want == null ? got != null : !want.equals(got)) {
                differences.add(key + ": expected " + quoted(want) + " but was " + quoted(got));
            }
        }
        return differences;
    }

    private static String quoted(String value) {
        return value == null ? "none" : "\"" + value + "\"";
    }
}
