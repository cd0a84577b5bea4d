package io.fabricplan.excel;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveStatistics;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.excel.InstanceWorkbookReader.ReadResult;
import io.fabricplan.model.CompatibilityRule;
import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Objective;
import io.fabricplan.model.Optic;
import io.fabricplan.model.StockItem;
import io.fabricplan.model.SwitchModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The workbook v2 parts as the writers write them: an instance's v2 parts it uses (and no other, so that a v1
 * instance gives the v1 workbook), every one in a template, and the plan workbook's copy of the input sheets.
 */
class SupplyWorkbookWriterTest {
    private static final Path EXAMPLES = Path.of("..", "instances", "examples");

    @TempDir
    Path dir;

    /** {@link InstanceWorkbookWriterTest#richInstance()} with every v2 field. */
    static Instance v2Instance() {
        Instance rich = InstanceWorkbookWriterTest.richInstance();
        List<SwitchModel> models = rich.switchModels().stream()
                .map(m -> m.id().equals("sw51-p") ? m.withMaxBuy(3) : m).toList();
        List<Optic> optics = rich.optics().stream()
                .map(o -> o.id().equals("dr8_800") ? o.withMaxBuy(120) : o.id().equals("aoc800") ? o.withMaxBuy(0)
                        : o).toList();
        List<Device> devices = rich.devices().stream()
                .map(d -> d.id().equals("leaf1") ? d.withInstalledModel("sw51-p")
                        : d.id().equals("s1") ? d.withPlatform("CX7") : d).toList();
        return rich.withSettings(rich.settings().withLabour(450, 12.5)).withSwitchModels(models)
                .withOptics(optics).withDevices(devices)
                .withInventory(List.of(new StockItem("dr8_800", 16, "store room 2"), new StockItem("sw51-p", 1, ""),
                        new StockItem("dr8_800", 4, "spares")))
                .withCompatibility(List.of(new CompatibilityRule("dr8_800", "SW51T", true, 25),
                        new CompatibilityRule("lpo800", "CX7", false, 0),
                        new CompatibilityRule("dr8_800", "CX7", true, 0)));
    }

    private static List<String> sheetNames(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            return names;
        }
    }

    private static List<String> header(Path file, String sheet) throws IOException {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            return cells(wb.getSheet(sheet).getRow(0));
        }
    }

    private static List<String> cells(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(c -> texts.add(c.getStringCellValue()));
        return texts;
    }

    private static List<String> settingKeys(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet settings = wb.getSheet("Settings");
            List<String> keys = new ArrayList<>();
            for (int r = 1; r <= settings.getLastRowNum(); r++) {
                keys.add(settings.getRow(r).getCell(0).getStringCellValue());
            }
            return keys;
        }
    }

    @Test
    void instanceWithEveryV2FieldReadsBackEqual() throws IOException {
        Instance original = v2Instance();
        Path file = dir.resolve("v2.xlsx");

        InstanceWorkbookWriter.write(original, file);
        ReadResult read = InstanceWorkbookReader.read(file);

        assertThat(read.problems()).isEmpty();
        assertThat(read.warnings()).isEmpty();
        assertThat(read.instance()).isEqualTo(original);
        assertThat(sheetNames(file)).endsWith("Inventory", "Compatibility");
        assertThat(header(file, "Inventory")).containsExactly("item_id", "quantity", "note");
        assertThat(header(file, "Compatibility")).containsExactly("optic_id", "platform", "allowed", "coding_usd");
        assertThat(header(file, "Devices")).endsWith("lpo_capable", "installed_model", "platform");
        assertThat(header(file, "Optics")).last().isEqualTo("max_buy");
        assertThat(header(file, "SwitchModels")).last().isEqualTo("max_buy");
        assertThat(settingKeys(file)).endsWith("switch_swap_usd", "recable_usd");
    }

    @Test
    void instanceWithEveryV2FieldWrittenReproduciblyReadsBackEqual() throws IOException {
        Path file = dir.resolve("v2.xlsx");

        InstanceWorkbookWriter.writeReproducible(v2Instance(), file);

        assertThat(InstanceWorkbookReader.read(file).instance()).isEqualTo(v2Instance());
    }

    @Test
    void v1InstanceGivesTheV1Workbook() throws IOException {
        Path file = dir.resolve("v1.xlsx");

        InstanceWorkbookWriter.write(InstanceWorkbookWriterTest.richInstance(), file);

        assertThat(sheetNames(file)).containsExactly("Settings", "Racks", "SwitchModels", "Devices", "Links",
                "Optics");
        assertThat(header(file, "Devices")).last().isEqualTo("lpo_capable");
        assertThat(header(file, "Optics")).last().isEqualTo("max_unamplified_loss_db");
        assertThat(header(file, "SwitchModels")).last().isEqualTo("source");
        assertThat(settingKeys(file)).doesNotContain("switch_swap_usd", "recable_usd").last()
                .isEqualTo("max_channels");
    }

    /** The committed v1 examples, read and written again, are the same files byte for byte. */
    @ParameterizedTest
    @ValueSource(strings = {"tiny", "campus-dwdm", "cpo-tight-rack"})
    void v1ExampleWorkbookIsRewrittenByteForByte(String name) throws IOException {
        Path example = EXAMPLES.resolve(name + ".xlsx");
        Path again = dir.resolve(name + ".xlsx");
        ReadResult read = InstanceWorkbookReader.read(example);
        assertThat(read.problems()).isEmpty();

        InstanceWorkbookWriter.writeReproducible(read.instance(), again);

        assertThat(Files.mismatch(example, again)).as(name).isEqualTo(-1L);
    }

    @Test
    void onlyTheV2PartsAnInstanceUsesAreWritten() throws IOException {
        Instance rich = InstanceWorkbookWriterTest.richInstance();
        Instance instance = rich.withSettings(rich.settings().withLabour(0, 20))
                .withDevices(rich.devices().stream().map(d -> d.id().equals("s2") ? d.withPlatform("CX8") : d)
                        .toList());
        Path file = dir.resolve("some.xlsx");

        InstanceWorkbookWriter.write(instance, file);

        assertThat(sheetNames(file)).doesNotContain("Inventory", "Compatibility");
        assertThat(header(file, "Devices")).endsWith("lpo_capable", "platform").doesNotContain("installed_model");
        assertThat(header(file, "Optics")).doesNotContain("max_buy");
        assertThat(settingKeys(file)).contains("recable_usd").doesNotContain("switch_swap_usd");
        assertThat(InstanceWorkbookReader.read(file).instance()).isEqualTo(instance);
    }

    @Test
    void templateHasEveryV2SheetAndColumnEmpty() throws IOException {
        Path file = dir.resolve("new.xlsx");

        InstanceWorkbookWriter.writeTemplate(file);

        assertThat(sheetNames(file)).endsWith("Inventory", "Compatibility");
        assertThat(header(file, "Inventory")).containsExactlyElementsOf(Schema.INVENTORY_COLUMNS.all());
        assertThat(header(file, "Compatibility")).containsExactlyElementsOf(Schema.COMPATIBILITY_COLUMNS.all());
        assertThat(header(file, "Devices")).containsExactlyElementsOf(Schema.DEVICE_COLUMNS.all());
        assertThat(header(file, "Optics")).containsExactlyElementsOf(Schema.OPTIC_COLUMNS.all());
        assertThat(header(file, "SwitchModels")).containsExactlyElementsOf(Schema.SWITCH_MODEL_COLUMNS.all());
        assertThat(settingKeys(file)).containsExactlyElementsOf(Schema.SETTING_KEYS);
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheet("Inventory").getLastRowNum()).isZero();
            assertThat(wb.getSheet("Compatibility").getLastRowNum()).isZero();
            assertThat(wb.getSheet("Compatibility").getDataValidations()).singleElement()
                    .satisfies(v -> assertThat(v.getValidationConstraint().getExplicitListValues())
                            .containsExactly("YES", "NO"));
            assertThat(wb.getSheet("Compatibility").getPaneInformation().isFreezePane()).isTrue();
        }
        ReadResult read = InstanceWorkbookReader.read(file);
        assertThat(read.problems()).isEmpty();
        assertThat(read.instance().usesSupplyRules()).isFalse();
    }

    /** However the plan workbook copies its input (loaded whole, or streamed), it carries the v2 parts. */
    @ParameterizedTest
    @ValueSource(strings = {"no input", "input loaded whole", "input streamed"})
    void planWorkbookCarriesTheV2Parts(String how) throws IOException {
        Instance instance = v2Instance();
        Path input = dir.resolve("in.xlsx");
        InstanceWorkbookWriter.write(instance, input);
        Path out = dir.resolve("plan.xlsx");
        PlanResult noPlan = new PlanResult(SolveStatus.INFEASIBLE, Objective.TCO, null, null, Double.NaN,
                Double.NaN, Double.NaN, null, new SolveStatistics("test", "none", SolveStatus.INFEASIBLE, Double.NaN,
                Double.NaN, Double.NaN, 0, 0, 0, 0, 0), List.of("no plan"));

        switch (how) {
            case "no input" -> PlanWorkbookWriter.write(null, instance, noPlan, "none", out);
            case "input loaded whole" -> PlanWorkbookWriter.write(input, instance, noPlan, "none", out);
            default -> PlanWorkbookWriter.write(input, instance, noPlan, "none", out, -1);
        }

        assertThat(sheetNames(out)).contains("Inventory", "Compatibility");
        ReadResult read = InstanceWorkbookReader.read(out);
        assertThat(read.problems()).isEmpty();
        assertThat(read.instance()).isEqualTo(instance);
    }
}
