package io.fabricplan.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds test workbooks in code. Cells: String, Number, Boolean, null (blank), {@link Formula} or {@link Date}. Sheets
 * are written in the order given (sheet1.xml first). Starts from a
 * small valid instance (no Optics/SwitchModels sheets, so the built-in catalog applies) that tests change.
 */
final class TestWorkbook {
    /** A formula cell; {@code cached} writes its computed value too, as Excel does. */
    record Formula(String formula, boolean cached) {
    }

    /** A number shown as a date (format yyyy-mm-dd), as Excel stores a date typed into a cell. */
    record Date(double serial) {
    }

    private final Map<String, List<Object[]>> sheets = new LinkedHashMap<>();

    static TestWorkbook empty() {
        return new TestWorkbook();
    }

    /**
     * Racks rows 2-3 (R1, R2; 3 m apart), Devices rows 2-4 (leaf1 in R1, s1 and s2 in R2), Links rows 2-3.
     */
    static TestWorkbook valid() {
        return new TestWorkbook()
                .sheet("Settings", row("key", "value"), row("objective", "TCO"), row("pue", 1.3))
                .sheet("Racks", row("rack_id", "site_id", "x_m", "y_m", "power_budget_kw", "base_load_kw", "free_u"),
                        row("R1", "main", 0, 0, 20, 8, 10),
                        row("R2", "main", 3, 0, 40, 30, 4))
                .sheet("Devices", row("device_id", "role", "family", "packaging", "rack_id", "ports", "port_gbps",
                                "lpo_capable"),
                        row("leaf1", "LEAF", "SW51T", "AUTO", "R1", null, null, null),
                        row("s1", "SERVER", null, null, "R2", 1, 800, "NO"),
                        row("s2", "SERVER", null, null, "R2", 1, 800, "NO"))
                .sheet("Links", row("link_id", "a_device", "b_device", "count", "gbps", "length_m"),
                        row("l1", "leaf1", "s1", 1, 800, null),
                        row("l2", "leaf1", "s2", 1, 800, null));
    }

    static Object[] row(Object... cells) {
        return cells;
    }

    TestWorkbook sheet(String name, Object[]... rows) {
        sheets.put(name, new java.util.ArrayList<>(List.of(rows)));
        return this;
    }

    TestWorkbook without(String name) {
        sheets.remove(name);
        return this;
    }

    /** Appends a row to a sheet. */
    TestWorkbook add(String name, Object... cells) {
        sheets.get(name).add(cells);
        return this;
    }

    /** Sets one cell: row as Excel numbers it (1 = header), column 0-based. */
    TestWorkbook set(String name, int excelRow, int column, Object value) {
        Object[] r = sheets.get(name).get(excelRow - 1);
        if (column >= r.length) {
            r = java.util.Arrays.copyOf(r, column + 1);
            sheets.get(name).set(excelRow - 1, r);
        }
        r[column] = value;
        return this;
    }

    Path write(Path file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            for (Map.Entry<String, List<Object[]>> e : sheets.entrySet()) {
                Sheet sheet = wb.createSheet(e.getKey());
                for (int r = 0; r < e.getValue().size(); r++) {
                    Row row = sheet.createRow(r);
                    Object[] cells = e.getValue().get(r);
                    for (int c = 0; c < cells.length; c++) {
                        put(wb, row, c, cells[c]);
                    }
                }
            }
            wb.write(out);
        }
        return file;
    }

    private static void put(XSSFWorkbook wb, Row row, int c, Object value) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(c);
        if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value instanceof Boolean b) {
            cell.setCellValue(b);
        } else if (value instanceof Date d) {
            cell.setCellValue(d.serial());
            org.apache.poi.ss.usermodel.CellStyle style = wb.createCellStyle();
            style.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            cell.setCellStyle(style);
        } else if (value instanceof Formula f) {
            cell.setCellFormula(f.formula());
            if (f.cached()) {
                wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
            }
        } else {
            cell.setCellValue(value.toString());
        }
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
