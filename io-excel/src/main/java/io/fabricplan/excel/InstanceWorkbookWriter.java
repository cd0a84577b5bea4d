package io.fabricplan.excel;

import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Link;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Role;
import io.fabricplan.model.Settings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes an {@link Instance} as an instance workbook that {@link InstanceWorkbookReader} reads back equal:
 * all six sheets, the DWDM sheets and v2 parts (Inventory, Compatibility, their columns and settings) it uses,
 * bold frozen headers, drop-downs on enum columns; a v1 instance gives the v1 workbook. Instances of more than
 * {@link WorkbookFiles#IN_MEMORY_ROWS} rows stream (SXSSF), so hundreds of thousands of links are written in
 * bounded memory. Writes atomically: the target is replaced only by a complete
 * file.
 */
public final class InstanceWorkbookWriter {
    private InstanceWorkbookWriter() {
    }

    /** Writes the instance to {@code out}, replacing it if it exists. */
    public static void write(Instance instance, Path out) throws IOException {
        WorkbookFiles.writeWorkbook(out, InstanceSheets.rows(instance),
                workbook -> InstanceSheets.write(workbook, instance));
    }

    /**
     * Writes the instance so that equal instances give equal files, byte for byte, on any machine and at any
     * time: the workbook's dates and its zip entries' times are fixed, and the entries are stored uncompressed
     * (a few times larger than {@link #write}'s). For files kept in version control, like the example
     * workbooks, which must not change when they are rewritten. Builds the whole workbook in memory.
     */
    public static void writeReproducible(Instance instance, Path out) throws IOException {
        WorkbookFiles.writeAtomically(out, stream -> {
            ByteArrayOutputStream poiBytes = new ByteArrayOutputStream();
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                InstanceSheets.write(workbook, instance);
                ReproducibleWorkbooks.fixDates(workbook);
                workbook.write(poiBytes);
            }
            ReproducibleWorkbooks.copyStored(poiBytes.toByteArray(), stream);
        });
    }

    /**
     * Writes a study workbook reproducibly (see {@link #writeReproducible(Instance, Path)}): the instance's sheets
     * and a {@code Scenarios} sheet, {@code scenario_id}, {@code description}, {@code pareto} (when a scenario asks
     * for its front) and one column per override header in first-seen order; numbers as numbers, blank where a
     * scenario leaves a header alone.
     */
    public static void writeReproducible(Instance instance, java.util.List<io.fabricplan.study.Scenario> scenarios,
                                         Path out) throws IOException {
        WorkbookFiles.writeAtomically(out, stream -> {
            ByteArrayOutputStream poiBytes = new ByteArrayOutputStream();
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                InstanceSheets.write(workbook, instance);
                scenarios(workbook, scenarios);
                ReproducibleWorkbooks.fixDates(workbook);
                workbook.write(poiBytes);
            }
            ReproducibleWorkbooks.copyStored(poiBytes.toByteArray(), stream);
        });
    }

    private static void scenarios(XSSFWorkbook workbook, java.util.List<io.fabricplan.study.Scenario> scenarios) {
        java.util.List<String> headers = scenarios.stream().flatMap(s -> s.overrides().stream())
                .map(o -> o.target().header()).distinct().toList();
        boolean pareto = scenarios.stream().anyMatch(io.fabricplan.study.Scenario::pareto);
        java.util.List<String> columns = new java.util.ArrayList<>(java.util.List.of("scenario_id", "description"));
        if (pareto) {
            columns.add("pareto");
        }
        columns.addAll(headers);
        SheetWriter w = new SheetWriter(workbook, StudyWorkbookReader.SHEET, columns);
        for (io.fabricplan.study.Scenario s : scenarios) {
            w.newRow().text(s.id()).text(s.description());
            if (pareto) {
                w.text(s.pareto() ? "YES" : null);
            }
            for (String header : headers) {
                io.fabricplan.study.OverrideValue value = s.overrides().stream()
                        .filter(o -> o.target().header().equals(header)).reduce((a, b) -> b).orElse(null);
                if (value == null) {
                    w.blank();
                } else if (Double.isNaN(value.number())) {
                    w.text(value.text());
                } else {
                    w.number(value.number());
                }
            }
        }
        w.finish();
    }

    /**
     * Writes a template: default settings (the labour ones at 0), the built-in optics (coherent ones with their
     * DWDM data), switch models and WDM equipment (MUX/DEMUX and amplifiers, each with its source), empty Sites and
     * Spans sheets to fill for links between buildings, empty Inventory and Compatibility sheets, every v2 column
     * (blank), and a tiny valid example (a leaf switch in R1 and two 800G servers in R2, 3 m away) to edit.
     */
    public static void writeTemplate(Path out) throws IOException {
        Instance instance = templateInstance();
        WorkbookFiles.writeWorkbook(out, InstanceSheets.rows(instance),
                workbook -> InstanceSheets.write(workbook, instance, InstanceSheets.Parts.ALL));
    }

    /** The instance {@link #writeTemplate} writes. */
    public static Instance templateInstance() {
        List<Rack> racks = List.of(
                new Rack("R1", Rack.DEFAULT_SITE, 0, 0, 20, 8, 10),
                new Rack("R2", Rack.DEFAULT_SITE, 3, 0, 40, 30, 4));
        List<Device> devices = List.of(
                Device.switchOf("leaf1", Role.LEAF, "SW51T", PackagingChoice.AUTO, "R1"),
                Device.server("srv1", "R2", 1, 800, false),
                Device.server("srv2", "R2", 1, 800, false));
        List<Link> links = List.of(
                new Link("l1", "leaf1", "srv1", 1, 800, null),
                new Link("l2", "leaf1", "srv2", 1, 800, null));
        return new Instance(Settings.defaults(), racks, DefaultCatalog.switchModels(), devices, links,
                DefaultCatalog.dwdmOptics(), List.of(), List.of(), DefaultCatalog.wdmEquipment());
    }
}
