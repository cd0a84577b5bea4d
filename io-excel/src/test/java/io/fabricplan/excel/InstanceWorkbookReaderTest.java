package io.fabricplan.excel;

import static io.fabricplan.excel.TestWorkbook.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.excel.InstanceWorkbookReader.ReadResult;
import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.Device;
import io.fabricplan.model.Link;
import io.fabricplan.model.Objective;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Role;
import io.fabricplan.validate.InputProblem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader as planners use it (streaming, loading small workbooks whole only to evaluate formulas saved without
 * values). Subclasses run every test again over each row source alone.
 */
class InstanceWorkbookReaderTest {
    @TempDir
    Path dir;

    /** Reads a file the way this class tests. */
    ReadResult readFile(Path file) {
        return InstanceWorkbookReader.read(file);
    }

    ReadResult read(TestWorkbook workbook) throws IOException {
        return readFile(workbook.write(dir.resolve("in.xlsx")));
    }

    static String[] described(ReadResult result) {
        return result.problems().stream().map(p -> p.where() + ": " + p.message()).toArray(String[]::new);
    }

    @Test
    void validWorkbookReadsWithoutProblemsAndDefaultsTheCatalog() throws IOException {
        ReadResult result = read(TestWorkbook.valid());

        assertThat(result.problems()).isEmpty();
        assertThat(result.ok()).isTrue();
        assertThat(result.instance().optics()).isEqualTo(DefaultCatalog.optics());
        assertThat(result.instance().switchModels()).isEqualTo(DefaultCatalog.switchModels());
        assertThat(result.warnings()).anyMatch(w -> w.contains("\"Optics\" is absent"))
                .anyMatch(w -> w.contains("\"SwitchModels\" is absent"));
        assertThat(result.instance().devices().get(0).packaging()).isEqualTo(PackagingChoice.AUTO);
        assertThat(result.instance().devices().get(1).packaging()).isEqualTo(PackagingChoice.PLUGGABLE);
        assertThat(result.instance().links().get(0)).isEqualTo(new Link("l1", "leaf1", "s1", 1, 800, null));
    }

    /** A plan workbook could not carry such a sheet (solve copies every sheet): validate refuses it at its name. */
    @Test
    void sheetNameExcelRefusesIsAProblem() throws IOException {
        Path valid = TestWorkbook.valid().write(dir.resolve("valid.xlsx"));
        Path odd = HandMadeXlsx.withSheet(valid, dir.resolve("odd.xlsx"), "A sheet name of thirty-two chars",
                HandMadeXlsx.rows("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"));

        ReadResult result = readFile(odd);

        assertThat(described(result)).singleElement().asString()
                .startsWith("A sheet name of thirty-two chars: not a name Excel allows for a sheet");
    }

    @Test
    void unknownColumnWarnedOnceAndKept() throws IOException {
        TestWorkbook wb = TestWorkbook.valid();
        wb.set("Links", 1, 7, "colour").set("Links", 2, 7, "red").set("Links", 3, 7, "blue");

        ReadResult result = read(wb);

        assertThat(result.problems()).isEmpty();
        assertThat(result.warnings()).containsOnlyOnce("Links!H1: unknown column \"colour\" is ignored");
        assertThat(result.instance().links()).hasSize(2);
    }

    @Test
    void formulaCellsAreReadByValue() throws IOException {
        TestWorkbook wb = TestWorkbook.valid();
        wb.set("Links", 2, 4, new TestWorkbook.Formula("400*2", false))
                .set("Links", 3, 4, new TestWorkbook.Formula("200*4", true))
                .set("Racks", 3, 2, new TestWorkbook.Formula("1+2", false));

        ReadResult result = read(wb);

        assertThat(result.problems()).isEmpty();
        assertThat(result.instance().links()).extracting(Link::gbps).containsExactly(800.0, 800.0);
        assertThat(result.instance().racks().get(1).xM()).isEqualTo(3.0);
    }

    @Test
    void dateWhereANumberBelongsIsReportedAtItsCell() throws IOException {
        ReadResult result = read(TestWorkbook.valid().set("Racks", 2, 4, new TestWorkbook.Date(45292)));

        assertThat(described(result)).containsExactly(
                "Racks!E2: power_budget_kw looks like a date (2024-01-01): the cell has a date format");
    }

    @Test
    void formulaGivingTextWhereANumberBelongsIsReported() throws IOException {
        ReadResult result = read(TestWorkbook.valid().set("Links", 3, 4, new TestWorkbook.Formula("\"fast\"", true)));

        assertThat(described(result)).containsExactly("Links!E3: gbps must be a positive number, got \"fast\"");
    }

    @Test
    void numericTextAndAnyCaseAreAccepted() throws IOException {
        TestWorkbook wb = TestWorkbook.valid();
        wb.set("Links", 1, 4, "  GBPS ").set("Links", 2, 4, "800").set("Links", 3, 4, " 8e2 ")
                .set("Devices", 2, 1, "leaf").set("Devices", 2, 3, "auto").set("Devices", 3, 7, "false")
                .set("Settings", 2, 1, "power");

        ReadResult result = read(wb);

        assertThat(result.problems()).isEmpty();
        assertThat(result.instance().links()).extracting(Link::gbps).containsExactly(800.0, 800.0);
        assertThat(result.instance().devices().get(0).role()).isEqualTo(Role.LEAF);
        assertThat(result.instance().settings().objective()).isEqualTo(Objective.POWER);
    }

    @Test
    void nonNumericValueIsReportedAtItsCell() throws IOException {
        ReadResult result = read(TestWorkbook.valid().set("Links", 3, 4, "eight hundred"));

        assertThat(described(result)).containsExactly("Links!E3: gbps must be a positive number, got \"eight hundred\"");
    }

    @Test
    void negativeValueIsReportedAtItsCell() throws IOException {
        ReadResult result = read(TestWorkbook.valid().set("Racks", 2, 4, -5));

        assertThat(described(result)).containsExactly("Racks!E2: power_budget_kw must be a positive number, got -5");
    }

    @Test
    void fractionalCountMustBeWholeAndIsReportedOnce() throws IOException {
        ReadResult result = read(TestWorkbook.valid().set("Links", 2, 3, 2.5).set("Links", 3, 3, "x"));

        assertThat(described(result)).containsExactly(
                "Links!D2: count must be a whole number, got 2.5",
                "Links!D3: count must be a whole number, got \"x\"");
    }

    @Test
    void missingSheetNamesTheSheetsFoundAndTheTemplate() throws IOException {
        ReadResult result = read(TestWorkbook.valid().without("Links"));

        assertThat(result.problems()).hasSize(1);
        InputProblem p = result.problems().get(0);
        assertThat(p.where()).isEqualTo("Links");
        assertThat(p.message()).isEqualTo("sheet \"Links\" is missing");
        assertThat(p.hint()).contains("Settings, Racks, Devices").contains("fabricplan template").endsWith(".");
        assertThat(p.hint()).doesNotStartWith("Maybe");
    }

    @Test
    void missingColumnIsReportedOnceAtTheHeaderRow() throws IOException {
        TestWorkbook wb = TestWorkbook.valid().sheet("Links", row("link_id", "a_device", "b_device", "count"),
                row("l1", "leaf1", "s1", 1), row("l2", "leaf1", "s2", 1));

        ReadResult result = read(wb);

        assertThat(described(result)).containsExactly("Links!1: column \"gbps\" is missing");
        assertThat(result.problems().get(0).hint()).contains("link_id, a_device, b_device, count");
    }

    @Test
    void badEnumListsTheAllowedValues() throws IOException {
        TestWorkbook wb = TestWorkbook.valid().add("Devices", "s3", "router", null, null, "R2", 1, 800, "NO");

        ReadResult result = read(wb);

        assertThat(described(result)).containsExactly(
                "Devices!B5: role must be one of SERVER, LEAF, SPINE, CORE, OTHER, got \"router\"");
    }

    @Test
    void duplicateIdNamesTheFirstCell() throws IOException {
        TestWorkbook wb = TestWorkbook.valid().add("Devices", "s1", "SERVER", null, null, "R2", 1, 800, "NO");

        ReadResult result = read(wb);

        assertThat(described(result)).containsExactly(
                "Devices!A5: duplicate device_id \"s1\", first at Devices!A3");
    }

    @Test
    void unknownReferencesAreReportedAtTheReferringCell() throws IOException {
        TestWorkbook wb = TestWorkbook.valid()
                .set("Devices", 3, 4, "R9")
                .set("Devices", 2, 2, "SW99")
                .set("Links", 3, 2, "s7");

        ReadResult result = read(wb);

        assertThat(described(result)).containsExactlyInAnyOrder(
                "Devices!E3: unknown rack \"R9\"",
                "Devices!C2: unknown switch family \"SW99\"",
                "Links!C3: unknown device \"s7\"");
    }

    @Test
    void blankRequiredCellIsReported() throws IOException {
        ReadResult result = read(TestWorkbook.valid().set("Racks", 3, 2, null));

        assertThat(described(result)).containsExactly("Racks!C3: x_m is blank");
    }

    @Test
    void linkBetweenSitesNeedsLength() throws IOException {
        ReadResult result = read(TestWorkbook.valid().set("Racks", 3, 1, "annex"));

        assertThat(described(result)).containsExactly(
                "Links!F2: link \"l1\" joins site \"main\" to site \"annex\" and has no length_m",
                "Links!F3: link \"l2\" joins site \"main\" to site \"annex\" and has no length_m");
    }

    @Test
    void linkNoOptionCanServeIsReportedAtItsId() throws IOException {
        ReadResult result = read(TestWorkbook.valid().set("Links", 3, 4, 300).set("Devices", 4, 6, 300));

        assertThat(described(result)).containsExactly(
                "Links!A3: no interconnect can serve link \"l2\": no optic runs at 300 Gb/s");
    }

    @Test
    void settingsProblemsPointAtTheValueCellAndUnknownKeysWarn() throws IOException {
        TestWorkbook wb = TestWorkbook.valid().set("Settings", 3, 1, 0).add("Settings", "colour", "red");

        ReadResult result = read(wb);

        assertThat(described(result)).containsExactly("Settings!B3: pue must be a positive number, got 0");
        assertThat(result.warnings()).contains("Settings!A4: unknown setting \"colour\" is ignored");
    }

    @Test
    void everyProblemReportedAtOnceWithCells() throws IOException {
        TestWorkbook wb = TestWorkbook.valid()
                .set("Racks", 2, 2, "left")                     // non-numeric
                .set("Racks", 3, 4, -1)                         // negative budget
                .set("Devices", 3, 1, "router")                 // bad enum
                .add("Devices", "s1", "SERVER", null, null, "R2", 1, 800, "NO") // duplicate
                .set("Links", 2, 4, "fast")                     // non-numeric gbps
                .add("Links", "l3", "leaf1", "ghost", 1, 800, null) // unknown device
                .set("Settings", 3, 1, "high");                 // bad setting

        ReadResult result = read(wb);

        assertThat(described(result)).containsExactlyInAnyOrder(
                "Racks!C2: x_m must be a number, got \"left\"",
                "Racks!E3: power_budget_kw must be a positive number, got -1",
                "Devices!B3: role must be one of SERVER, LEAF, SPINE, CORE, OTHER, got \"router\"",
                "Devices!A5: duplicate device_id \"s1\", first at Devices!A3",
                "Links!E2: gbps must be a positive number, got \"fast\"",
                "Links!C4: unknown device \"ghost\"",
                "Settings!B3: pue must be a number, got \"high\"");
        assertThat(result.instance()).isNotNull();
        assertThat(result.ok()).isFalse();
    }

    @Test
    void readingNeverModifiesTheFile() throws IOException {
        Path file = TestWorkbook.valid().set("Links", 2, 4, new TestWorkbook.Formula("400*2", false))
                .write(dir.resolve("in.xlsx"));
        String before = TestWorkbook.sha256(file);
        long modified = Files.getLastModifiedTime(file).toMillis();

        readFile(file);

        assertThat(TestWorkbook.sha256(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
    }

    @Test
    void missingFileIsOneProblemNamedByTheFile() {
        ReadResult result = readFile(dir.resolve("plan.xlsx"));

        assertThat(result.instance()).isNull();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("plan.xlsx");
            assertThat(p.message()).startsWith("file not found");
        });
    }

    @Test
    void textFileIsNotAWorkbook() throws IOException {
        Path file = Files.writeString(dir.resolve("plan.xlsx"), "rack_id,x_m\nR1,0\n");

        ReadResult result = readFile(file);

        assertThat(result.instance()).isNull();
        assertThat(described(result)).containsExactly("plan.xlsx: is not an Excel .xlsx workbook");
    }

    @Test
    void truncatedZipIsCorrupt() throws IOException {
        Path good = TestWorkbook.valid().write(dir.resolve("good.xlsx"));
        byte[] bytes = Files.readAllBytes(good);
        Path file = Files.write(dir.resolve("plan.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));

        ReadResult result = readFile(file);

        assertThat(result.instance()).isNull();
        assertThat(result.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("cannot be read as an .xlsx workbook"));
    }

    @Test
    void passwordProtectedWorkbookIsReported() throws IOException {
        // Excel stores an encrypted .xlsx as an OLE2 container with an EncryptionInfo stream.
        Path file = dir.resolve("plan.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(file)) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[64]), "EncryptionInfo");
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[64]), "EncryptedPackage");
            fs.writeFilesystem(out);
        }

        ReadResult result = readFile(file);

        assertThat(result.instance()).isNull();
        assertThat(described(result)).containsExactly("plan.xlsx: is password protected");
    }

    @Test
    void missingDevicesSheetIsReportedWithoutAProblemPerLinkEnd() throws IOException {
        ReadResult result = read(TestWorkbook.valid().without("Devices"));

        assertThat(described(result)).containsExactly("Devices: sheet \"Devices\" is missing");
    }

    @Test
    void catalogSheetsWhenPresentAreReadWithTheirOwnCells() throws IOException {
        TestWorkbook wb = TestWorkbook.valid()
                .sheet("SwitchModels", row("model_id", "family", "packaging", "ports", "port_gbps", "base_power_w",
                                "port_power_w", "cpo_pmd", "cost_usd"),
                        row("p", "SW51T", "pluggable", 64, 800, 1300, 0, null, 60000),
                        row("c", "SW51T", "CPO", 64, 800, 1300, 5.5, null, 70000))
                .sheet("Optics", row("optic_id", "kind", "gbps", "reach_m", "power_w", "cost_usd"),
                        row("aoc", "aoc", 800, 100, 26, 1100),
                        row("laser", "beam", 800, 100, 26, 1100));

        ReadResult result = read(wb);

        assertThat(described(result)).containsExactly(
                "Optics!B3: kind must be one of DAC, ACC, AEC, AOC, TRANSCEIVER, COHERENT, got \"beam\"",
                "SwitchModels!H3: CPO model \"c\" has no cpo_pmd");
        assertThat(result.instance().optics()).singleElement()
                .satisfies(o -> assertThat(o.media()).isEqualTo(io.fabricplan.model.Media.MMF));
        assertThat(result.instance().switchModels()).hasSize(2);
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void linkBetweenSitesWithoutALengthColumnPointsAtTheRow() throws IOException {
        TestWorkbook wb = TestWorkbook.valid().set("Racks", 3, 1, "annex")
                .sheet("Links", row("link_id", "a_device", "b_device", "gbps"), row("l1", "leaf1", "s1", 800));
        wb.without("Devices").sheet("Devices", row("device_id", "role", "family", "rack_id", "ports", "port_gbps"),
                row("leaf1", "LEAF", "SW51T", "R1", null, null), row("s1", "SERVER", null, "R2", 1, 800));

        ReadResult result = read(wb);

        assertThat(described(result)).containsExactly(
                "Links!2: link \"l1\" joins site \"main\" to site \"annex\" and has no length_m");
    }

    private static TestWorkbook withCandidateRacks(String leafRack, Object leafCandidates) {
        return TestWorkbook.valid().sheet("Devices", row("device_id", "role", "family", "packaging", "rack_id",
                        "candidate_racks", "ports", "port_gbps", "lpo_capable"),
                row("leaf1", "LEAF", "SW51T", "AUTO", leafRack, leafCandidates, null, null, null),
                row("s1", "SERVER", null, null, "R2", null, 1, 800, "NO"),
                row("s2", "SERVER", null, null, "R2", null, 1, 800, "NO"));
    }

    @Test
    void candidateRacksSeparatedBySemicolonsCommasOrBlanksPlaceASwitchWithoutRack() throws IOException {
        ReadResult result = read(withCandidateRacks(null, " R1; R2,R1 \tR2 "));

        assertThat(result.problems()).isEmpty();
        assertThat(result.warnings()).noneMatch(w -> w.contains("candidate_racks"));
        Device leaf = result.instance().devices().get(0);
        assertThat(leaf.rackId()).isNull();
        assertThat(leaf.candidateRacks()).containsExactly("R1", "R2", "R1", "R2");
        assertThat(leaf.isPlaced()).isTrue();
        assertThat(result.instance().devices().get(1).candidateRacks()).isEmpty();
    }

    @Test
    void devicesWithoutTheCandidateRacksColumnHaveNoCandidates() throws IOException {
        ReadResult result = read(TestWorkbook.valid());

        assertThat(result.instance().devices()).allSatisfy(d -> assertThat(d.candidateRacks()).isEmpty());
    }

    @Test
    void unknownCandidateRackIsReportedAtTheCandidateRacksCell() throws IOException {
        ReadResult result = read(withCandidateRacks(null, "R1;R9"));

        assertThat(described(result)).containsExactly("Devices!F2: unknown candidate rack \"R9\"");
        assertThat(result.locator().locate("Devices", 0, "leaf1", "candidate_racks")).isEqualTo("Devices!F2");
    }

    @Test
    void blankRackWithoutCandidatesIsReportedAtTheRackCell() throws IOException {
        ReadResult result = read(withCandidateRacks(null, null));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("Devices!E2");
            assertThat(p.message()).isEqualTo("device \"leaf1\" has no rack_id");
            assertThat(p.hint()).contains("candidate_racks");
        });
    }

    @Test
    void numericCandidateRackIdIsReadAsItsText() throws IOException {
        TestWorkbook wb = withCandidateRacks(null, 7).add("Racks", 7, "main", 6, 0, 20, 0, 10);

        ReadResult result = read(wb);

        assertThat(result.problems()).isEmpty();
        assertThat(result.instance().devices().get(0).candidateRacks()).containsExactly("7");
    }
}
