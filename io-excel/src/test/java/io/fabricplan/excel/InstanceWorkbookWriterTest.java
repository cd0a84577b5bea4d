package io.fabricplan.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabricplan.excel.InstanceWorkbookReader.ReadResult;
import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Link;
import io.fabricplan.model.Media;
import io.fabricplan.model.Objective;
import io.fabricplan.model.Optic;
import io.fabricplan.model.OpticKind;
import io.fabricplan.model.Packaging;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Role;
import io.fabricplan.model.Settings;
import io.fabricplan.model.SolverKind;
import io.fabricplan.model.SwitchModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceWorkbookWriterTest {
    @TempDir
    Path dir;

    /** An instance using every column: non-default settings, two sites, CPO, LPO, nulls and blanks. */
    static Instance richInstance() {
        Settings settings = new Settings(Objective.WEIGHTED, 0.12, 1.25, 4, 0.5, 120, 0.001, SolverKind.CP_SAT, 4,
                123456789012L, 2.0, 5.5);
        List<Rack> racks = List.of(new Rack("R1", "main", 0, 0, 20, 8, 10),
                new Rack("R2", "main", 3.5, 1.25, 40, 30, 4),
                new Rack("X1", "annex", 0, 0, 15, 0, 0));
        List<SwitchModel> models = new ArrayList<>(DefaultCatalog.switchModels());
        models.add(new SwitchModel("custom-cpo", "SW51T", Packaging.CPO, 64, 800, 1200, 5.0, "DR", 71000, 2, false,
                ""));
        List<Optic> optics = new ArrayList<>(DefaultCatalog.optics());
        optics.add(new Optic("lpo800", OpticKind.TRANSCEIVER, 800, 500, "DR", Media.SMF, 8.5, 700, 0.3, true, ""));
        List<Device> devices = List.of(
                Device.switchOf("leaf1", Role.LEAF, "SW51T", PackagingChoice.AUTO, "R1"),
                Device.switchOf("spine1", Role.SPINE, "SW51T", PackagingChoice.CPO, "X1"),
                Device.placedSwitch("leaf2", Role.LEAF, "SW51T", PackagingChoice.AUTO, List.of("R1", "R2")),
                Device.server("s1", "R2", 2, 400, true),
                Device.server("s2", "R2", 1, 800, false));
        List<Link> links = List.of(new Link("l1", "leaf1", "s1", 2, 400, null),
                new Link("l2", "leaf1", "s2", 1, 800, 12.5),
                new Link("up1", "leaf1", "spine1", 8, 800, 180.0));
        return new Instance(settings, racks, models, devices, links, optics);
    }

    @Test
    void writtenInstanceReadsBackEqual() throws IOException {
        Instance original = richInstance();
        Path file = dir.resolve("rich.xlsx");

        InstanceWorkbookWriter.write(original, file);
        ReadResult read = InstanceWorkbookReader.read(file);

        assertThat(read.problems()).isEmpty();
        assertThat(read.warnings()).isEmpty();
        assertThat(read.instance()).isEqualTo(original);
    }

    @Test
    void placedSwitchKeepsItsCandidateRacksJoinedBySemicolons() throws IOException {
        Path file = dir.resolve("rich.xlsx");

        InstanceWorkbookWriter.write(richInstance(), file);

        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet devices = wb.getSheet("Devices");
            assertThat(devices.getRow(3).getCell(0).getStringCellValue()).isEqualTo("leaf2");
            assertThat(devices.getRow(3).getCell(4)).isNull();
            assertThat(devices.getRow(3).getCell(5).getStringCellValue()).isEqualTo("R1;R2");
        }
        Device leaf2 = InstanceWorkbookReader.read(file).instance().devices().get(2);
        assertThat(leaf2.isPlaced()).isTrue();
        assertThat(leaf2.candidateRacks()).containsExactly("R1", "R2");
    }

    @Test
    void templateReadsBackClean() throws IOException {
        Path file = dir.resolve("new.xlsx");

        InstanceWorkbookWriter.writeTemplate(file);
        ReadResult read = InstanceWorkbookReader.read(file);

        assertThat(read.problems()).isEmpty();
        assertThat(read.warnings()).isEmpty();
        assertThat(read.instance()).isEqualTo(InstanceWorkbookWriter.templateInstance());
        assertThat(read.instance().optics()).isEqualTo(DefaultCatalog.dwdmOptics());
        assertThat(read.instance().switchModels()).isEqualTo(DefaultCatalog.switchModels());
    }

    @Test
    void sheetsHaveBoldFrozenHeadersDropDownsAndEverySetting() throws IOException {
        Path file = dir.resolve("new.xlsx");
        InstanceWorkbookWriter.writeTemplate(file);

        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Settings");
            assertThat(wb).extracting(s -> s.getSheetName())
                    .containsExactly("Settings", "Racks", "SwitchModels", "Devices", "Links", "Optics", "Sites",
                            "Spans", "WdmEquipment", "Inventory", "Compatibility");
            XSSFSheet devices = wb.getSheet("Devices");
            assertThat(devices.getPaneInformation().isFreezePane()).isTrue();
            assertThat(wb.getFontAt(devices.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(devices.getDataValidations()).hasSize(3);
            assertThat(wb.getSheet("Optics").getDataValidations()).hasSize(3);
            assertThat(wb.getSheet("Settings").getLastRowNum()).isEqualTo(Schema.SETTING_KEYS.size());
            assertThat(wb.getSheet("Optics").getRow(0).getCell(10).getStringCellValue()).isEqualTo("source");
            assertThat(devices.getColumnWidth(0)).isGreaterThanOrEqualTo(8 * 256);
            assertThat(devices.getRow(0).getCell(5).getStringCellValue()).isEqualTo("candidate_racks");
            for (int r = 1; r <= devices.getLastRowNum(); r++) {
                assertThat(devices.getRow(r).getCell(5)).as("Devices row %d", r + 1).isNull();
            }
        }
    }

    @Test
    void failedWriteLeavesNoFileBehind() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        Path out = notADirectory.resolve("out.xlsx");

        assertThatThrownBy(() -> InstanceWorkbookWriter.write(richInstance(), out)).isInstanceOf(IOException.class);

        assertThat(Files.exists(out)).isFalse();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(notADirectory);
        }
    }

    @Test
    void writeFailingHalfwayDeletesTheTemporaryFileAndKeepsTheOldOne() throws IOException {
        Path out = Files.writeString(dir.resolve("out.xlsx"), "old");

        assertThatThrownBy(() -> WorkbookFiles.writeAtomically(out, stream -> {
            stream.write(new byte[1000]);
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(Files.readString(out)).isEqualTo("old");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void existingFileIsReplaced() throws IOException {
        Path out = Files.writeString(dir.resolve("out.xlsx"), "old");

        InstanceWorkbookWriter.write(richInstance(), out);

        assertThat(InstanceWorkbookReader.read(out).instance()).isEqualTo(richInstance());
    }
}
