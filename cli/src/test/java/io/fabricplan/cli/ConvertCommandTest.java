package io.fabricplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabricplan.excel.InstanceWorkbookReader;
import io.fabricplan.instances.Examples;
import io.fabricplan.json.InstanceJson;
import io.fabricplan.json.JsonSchemas;
import io.fabricplan.model.Instance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code fabricplan convert}: the instance workbook and the instance JSON hold the same records, both ways. */
class ConvertCommandTest {
    private static final Path EXAMPLES = Path.of("..", "instances", "examples");

    @TempDir
    Path dir;

    static Stream<Examples.Named> examples() {
        return Examples.all().stream();
    }

    /** Every committed example workbook, as JSON, is its builder's instance record by record. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleWorkbookConvertsToJsonOfTheSameInstanceAndBackByteForByte(Examples.Named example)
            throws IOException {
        Path xlsx = EXAMPLES.resolve(example.name() + ".xlsx");
        Path json = dir.resolve(example.name() + ".json");
        Path again = dir.resolve(example.name() + "-again.xlsx");
        Path json2 = dir.resolve(example.name() + "-again.json");

        CliRun toJson = CliRun.of("convert", xlsx.toString(), json.toString());
        CliRun toXlsx = CliRun.of("convert", json.toString(), again.toString());
        CliRun back = CliRun.of("convert", again.toString(), json2.toString());

        assertThat(toJson.exitCode()).as(toJson.toString()).isZero();
        assertThat(toXlsx.exitCode()).as(toXlsx.toString()).isZero();
        assertThat(back.exitCode()).as(back.toString()).isZero();
        Instance fromJson = InstanceJson.read(json).instance();
        Instance built = example.instance();
        assertThat(fromJson.settings()).isEqualTo(built.settings());
        assertThat(fromJson.racks()).containsExactlyElementsOf(built.racks());
        assertThat(fromJson.switchModels()).containsExactlyElementsOf(built.switchModels());
        assertThat(fromJson.devices()).containsExactlyElementsOf(built.devices());
        assertThat(fromJson.links()).containsExactlyElementsOf(built.links());
        assertThat(fromJson.optics()).containsExactlyElementsOf(built.optics());
        assertThat(fromJson.sites()).containsExactlyElementsOf(built.sites());
        assertThat(fromJson.spans()).containsExactlyElementsOf(built.spans());
        assertThat(fromJson.wdmEquipment()).containsExactlyElementsOf(built.wdmEquipment());
        assertThat(InstanceWorkbookReader.read(again).instance()).isEqualTo(built);
        assertThat(Files.readAllBytes(json2)).isEqualTo(Files.readAllBytes(json));
        assertThat(toJson.err()).isEqualTo(example.isStudy() ? "warning: the Scenarios sheet (25 scenarios) is not "
                + "part of the instance and is not written to " + json + "; study the workbook itself with "
                + "fabricplan study" + System.lineSeparator() : "");
    }

    /**
     * Fields of the workbook v2, which a v1 workbook (the committed examples; the plan workbook until io-excel writes
     * them) may lack: compared, in order, where the workbook has them.
     */
    private static final List<String> V2_FIELDS = List.of("installed_model", "platform", "max_buy", "switch_swap_usd",
            "recable_usd", "reused", "bought", "breakout", "pairs_with", "b_optic_id");

    /**
     * The JSON fields as the workbook's header should list them: the v2 ones (and those of twin-port modules and
     * pairings) only where it has them.
     */
    private static List<String> asInWorkbook(List<String> fields, List<String> header) {
        return fields.stream().filter(f -> header.contains(f) || !V2_FIELDS.contains(f)).toList();
    }

    /** The JSON fields are the workbook's headers: every sheet's columns, in order, and the Settings keys. */
    @Test
    void theJsonFieldsAreTheWorkbooksHeaders() throws IOException {
        JsonNode instance = new ObjectMapper().readTree(JsonSchemas.published(JsonSchemas.INSTANCE_RESOURCE));
        Path xlsx = EXAMPLES.resolve("campus-dwdm.xlsx");
        Map<String, String> arrays = Map.of("Racks", "racks", "SwitchModels", "switch_models", "Devices", "devices",
                "Links", "links", "Optics", "optics", "Sites", "sites", "Spans", "spans", "WdmEquipment",
                "wdm_equipment");
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            arrays.forEach((sheet, key) -> {
                List<String> header = row(wb.getSheet(sheet).getRow(0));
                assertThat(asInWorkbook(properties(instance.at("/$defs/" + key)), header)).as(sheet)
                        .containsExactlyElementsOf(header);
            });
            List<String> keys = new ArrayList<>();
            Sheet settings = wb.getSheet("Settings");
            for (int r = 1; r <= settings.getLastRowNum(); r++) {
                keys.add(settings.getRow(r).getCell(0).getStringCellValue());
            }
            assertThat(asInWorkbook(properties(instance.at("/$defs/settings")), keys)).containsExactlyElementsOf(keys);
        }
    }

    /** The plan JSON's arrays are the plan workbook's result sheets, their fields its columns. */
    @Test
    void thePlanJsonFieldsAreThePlanWorkbooksColumns() throws IOException {
        Path in = dir.resolve("campus.xlsx");
        Path plan = dir.resolve("plan.xlsx");
        Files.copy(EXAMPLES.resolve("campus-dwdm.xlsx"), in);
        CliRun solved = CliRun.of("solve", in.toString(), "-o", plan.toString());
        assertThat(solved.exitCode()).as(solved.toString()).isZero();
        JsonNode schema = new ObjectMapper().readTree(JsonSchemas.published(JsonSchemas.PLAN_RESOURCE));
        Map<String, String> arrays = Map.of("LinkPlan", "links", "DevicePlan", "devices", "RackPower", "racks",
                "BOM", "bom", "DwdmLightpaths", "dwdm_lightpaths", "DwdmGreyRoutes", "dwdm_grey_routes",
                "DwdmSpans", "dwdm_spans", "DwdmPlacements", "dwdm_placements");
        try (InputStream stream = Files.newInputStream(plan); XSSFWorkbook wb = new XSSFWorkbook(stream)) {
            arrays.forEach((sheet, key) -> {
                List<String> header = row(wb.getSheet(sheet).getRow(0));
                assertThat(asInWorkbook(properties(schema.at("/$defs/" + key)), header)).as(sheet)
                        .containsExactlyElementsOf(header);
            });
            Sheet summary = wb.getSheet("Summary");
            List<String> keys = new ArrayList<>();
            for (int r = 1; r <= summary.getLastRowNum(); r++) {
                String key = summary.getRow(r).getCell(0).getStringCellValue();
                keys.add(key.equals("diagnostic") ? "diagnostics" : key);
            }
            assertThat(properties(schema)).containsAll(keys);
        }
    }

    private static List<String> properties(JsonNode def) {
        List<String> names = new ArrayList<>();
        def.get("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> row(Row header) {
        List<String> cells = new ArrayList<>();
        header.forEach(c -> cells.add(c.getStringCellValue()));
        return cells;
    }

    /** A plan workbook's plan, every figure as it stands, checks in JSON as it checks in the workbook. */
    @Test
    void aPlanWorkbooksPlanConvertsToPlanJsonThatChecksTheSame() throws IOException {
        Path in = dir.resolve("tiny.xlsx");
        Path plan = dir.resolve("plan.xlsx");
        Files.copy(EXAMPLES.resolve("tiny.xlsx"), in);
        assertThat(CliRun.of("solve", in.toString(), "-o", plan.toString()).exitCode()).isZero();
        WorkbookEdits.edit(plan, WorkbookEdits.set("LinkPlan!J4", "twenty"));

        CliRun converted = CliRun.of("convert", plan.toString(), dir.resolve("tiny.json").toString(), "--plan",
                dir.resolve("plan.json").toString());
        CliRun workbook = CliRun.of("check", in.toString(), plan.toString());
        CliRun json = CliRun.of("check", dir.resolve("tiny.json").toString(), dir.resolve("plan.json").toString());

        assertThat(converted.exitCode()).as(converted.toString()).isZero();
        assertThat(converted.out()).contains("wrote " + dir.resolve("plan.json") + ": 3 link rows, 4 device rows");
        assertThat(workbook.exitCode()).isEqualTo(5);
        assertThat(json.exitCode()).as(json.toString()).isEqualTo(5);
        assertThat(workbook.out()).contains("LinkPlan!J4: power_w \"twenty\" is not a number");
        assertThat(json.out()).contains("/links/2/power_w: power_w \"twenty\" is not a number",
                "1 of them is a figure the plan JSON states that its decisions do not give.");
    }

    @Test
    void refusalsNameTheFileAndSayWhatToDo() throws IOException {
        Path json = dir.resolve("tiny.json");
        InstanceJson.write(Examples.tiny(), json);

        assertRefused(CliRun.of("convert", json.toString(), dir.resolve("other.json").toString()),
                "nothing to convert: " + json + " and " + dir.resolve("other.json") + " are both JSON",
                "Maybe write other.xlsx.");
        assertRefused(CliRun.of("convert", dir.resolve("in.csv").toString(), dir.resolve("o.json").toString()),
                "cannot convert " + dir.resolve("in.csv") + ": an instance is read from an Excel .xlsx workbook or "
                        + "from .json", "Maybe save it as .xlsx");
        assertRefused(CliRun.of("convert", json.toString(), dir.resolve("none/o.xlsx").toString()),
                "folder " + dir.resolve("none") + " does not exist", "Maybe create it first");
        assertRefused(CliRun.of("convert", json.toString(), dir.resolve("o.xlsx").toString(), "--plan",
                dir.resolve("p.json").toString()), "--plan " + dir.resolve("p.json") + ": a plan is converted from a "
                + "plan workbook");
        assertRefused(CliRun.of("convert", EXAMPLES.resolve("tiny.xlsx").toString(), dir.resolve("o.json").toString(),
                "--plan", dir.resolve("p.json").toString()), "sheet \"DevicePlan\" is missing",
                "Maybe --plan takes a plan workbook written by fabricplan solve; nothing is written.");
        Files.writeString(dir.resolve("bad.json"), Files.readString(json).replace("\"count\": 2", "\"count\": 2.5"));
        assertRefused(CliRun.of("convert", dir.resolve("bad.json").toString(), dir.resolve("o.xlsx").toString()),
                "/links/2/count: must be a whole number, got 2.5", "Maybe give count as a whole number");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(json, dir.resolve("bad.json"));
        }
    }

    private static void assertRefused(CliRun run, String... messages) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).as(run.toString()).contains(messages).doesNotContain("Exception", "\tat ");
    }
}
