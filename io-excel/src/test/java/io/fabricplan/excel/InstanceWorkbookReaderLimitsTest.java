package io.fabricplan.excel;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.excel.InstanceWorkbookReader.ReadResult;
import io.fabricplan.model.Link;
import io.fabricplan.model.Rack;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader's limits through the Java API, and formulas saved without values: evaluated where they can be (as
 * openpyxl, pandas and XlsxWriter write them), named at their cells where they cannot. The sheets of
 * {@link TestWorkbook#valid()} are parts sheet1 (Settings) to sheet4 (Links).
 */
class InstanceWorkbookReaderLimitsTest {
    @TempDir
    Path dir;

    private Path write(TestWorkbook workbook) throws IOException {
        return workbook.write(dir.resolve("in.xlsx"));
    }

    @Test
    void problemsBeyondTheKeptOnesAreCountedNotHeld() throws IOException {
        TestWorkbook wb = TestWorkbook.valid();
        for (int i = 0; i < 30; i++) {
            wb.add("Links", "x" + i, "leaf1", "ghost" + i, 1, 800, null);
        }

        ReadResult result = InstanceWorkbookReader.read(write(wb), ReadLimits.defaults().withProblems(10));

        assertThat(result.problems()).hasSize(10).first()
                .satisfies(p -> assertThat(p.describe()).startsWith("Links!C4: unknown device \"ghost0\""));
        assertThat(result.problemCount()).isEqualTo(30);
        assertThat(result.problemsNotKept()).isEqualTo(20);
        assertThat(result.ok()).isFalse();
    }

    @Test
    void formulaSavedWithAnEmptyValueAsOpenpyxlWritesItIsEvaluated() throws IOException {
        Path file = write(TestWorkbook.valid().set("Links", 2, 4, new TestWorkbook.Formula("2*400", false)));
        ZipParts.edit(file, ZipParts.sheet(4), xml -> xml.replace("<f>2*400</f>", "<f>2*400</f><v></v>"));

        ReadResult result = InstanceWorkbookReader.read(file);

        assertThat(result.problems()).isEmpty();
        assertThat(result.instance().links()).extracting(Link::gbps).containsExactly(800.0, 800.0);
    }

    @Test
    void formulasReferringToOtherSheetsNamesAndSharedFormulasAreEvaluated() throws IOException {
        Path file = write(TestWorkbook.valid()
                .set("Links", 2, 4, new TestWorkbook.Formula("2*400", false))
                .set("Links", 3, 4, new TestWorkbook.Formula("Devices!G3", false)));
        // E2: a defined name; Racks E2:E3 a shared formula F2+12 whose second cell is F3+12 = 42
        ZipParts.edit(file, ZipParts.sheet(4), xml -> xml.replace("<f>2*400</f>", "<f>rate*2</f>"));
        ZipParts.edit(file, "xl/workbook.xml", xml -> xml.replace("</sheets>",
                "</sheets><definedNames><definedName name=\"rate\">400</definedName></definedNames>"));
        ZipParts.edit(file, ZipParts.sheet(2), xml -> xml
                .replaceFirst("<c r=\"E2\"[^>]*><v>20.0</v></c>",
                        "<c r=\"E2\"><f t=\"shared\" ref=\"E2:E3\" si=\"0\">F2+12</f></c>")
                .replaceFirst("<c r=\"E3\"[^>]*><v>40.0</v></c>", "<c r=\"E3\"><f t=\"shared\" si=\"0\"/></c>"));

        ReadResult result = InstanceWorkbookReader.read(file);

        assertThat(result.problems()).isEmpty();
        assertThat(result.instance().links()).extracting(Link::gbps).containsExactly(800.0, 800.0);
        assertThat(result.instance().racks()).extracting(Rack::powerBudgetKw).containsExactly(20.0, 42.0);
    }

    @Test
    void valuesSavedByToolsThatAskForRecalculationAreEvaluatedNotTrusted() throws IOException {
        // XlsxWriter saves 0 as every formula's value and asks Excel to recalculate when opening
        Path file = write(TestWorkbook.valid().set("Links", 2, 4, new TestWorkbook.Formula("200*4", true)));
        ZipParts.edit(file, ZipParts.sheet(4), xml -> xml.replace("<v>800.0</v></c><c r=\"F2\"",
                "<v>0</v></c><c r=\"F2\"").replace("<f>200*4</f><v>800.0</v>", "<f>200*4</f><v>0</v>"));
        ZipParts.edit(file, "xl/workbook.xml", xml -> xml.replace("</workbook>",
                "<calcPr calcId=\"0\" fullCalcOnLoad=\"1\"/></workbook>"));

        ReadResult result = InstanceWorkbookReader.read(file);

        assertThat(result.problems()).isEmpty();
        assertThat(result.instance().links()).extracting(Link::gbps).containsExactly(800.0, 800.0);
        assertThat(result.warnings()).noneMatch(w -> w.contains("recalculated"));
    }

    @Test
    void formulasBeyondTheEvaluationLimitAreNamedAtTheirCellsNeverBlank() throws IOException {
        Path file = write(TestWorkbook.valid()
                .set("Links", 2, 4, new TestWorkbook.Formula("400*2", false))
                .set("Links", 3, 4, new TestWorkbook.Formula("200*4", false)));

        ReadResult result = InstanceWorkbookReader.read(file, ReadLimits.defaults().withFormulaCells(1));

        assertThat(InstanceWorkbookReaderTest.described(result)).containsExactly(
                "Links!E2: formula without a saved value (=400*2): not evaluated: the formulas saved without "
                        + "values are more than 1 (limit formula-cells)",
                "Links!E3: formula without a saved value (=200*4): not evaluated: the formulas saved without "
                        + "values are more than 1 (limit formula-cells)");
        assertThat(result.problems().get(0).hint()).contains("open the workbook in Excel or LibreOffice and save");
    }

    @Test
    void formulaPoiCannotEvaluateIsNamedWithTheReason() throws IOException {
        Path file = write(TestWorkbook.valid().set("Links", 2, 4, new TestWorkbook.Formula("400*2", false))
                .set("Links", 3, 4, new TestWorkbook.Formula("INDIRECT(\"Devices!G3\")", false)));

        ReadResult result = InstanceWorkbookReader.read(file);

        assertThat(InstanceWorkbookReaderTest.described(result)).containsExactly(
                "Links!E3: formula without a saved value (=INDIRECT(\"Devices!G3\")): uses INDIRECT, whose "
                        + "references are computed");
        assertThat(result.instance().links().get(0).gbps()).isEqualTo(800.0);
    }

    @Test
    void workbookInflatingBeyondItsLimitIsRefusedByNameAndLimit() throws IOException {
        ReadResult result = InstanceWorkbookReader.read(write(TestWorkbook.valid()),
                ReadLimits.defaults().withWorkbookBytes(2_000));

        assertThat(result.instance()).isNull();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("in.xlsx");
            assertThat(p.message()).startsWith("inflates to more than 2,000 bytes (limit workbook-bytes)");
            assertThat(p.hint()).contains("--limit workbook-bytes=VALUE");
        });
    }

    @Test
    void sharedStringsAndCellTextBeyondTheirLimitsAreRefused() throws IOException {
        Path file = write(TestWorkbook.valid());

        ReadResult strings = InstanceWorkbookReader.read(file, ReadLimits.defaults().withSharedStrings(3));
        ReadResult text = InstanceWorkbookReader.read(file, ReadLimits.defaults().withCellChars(5));

        assertThat(InstanceWorkbookReaderTest.described(strings)).containsExactly(
                "in.xlsx: has more than 3 shared strings (limit shared-strings)");
        assertThat(InstanceWorkbookReaderTest.described(text)).contains(
                "Racks!A1: text of more than 5 characters (limit cell-chars)",
                "Settings!A2: text of more than 5 characters (limit cell-chars)");
    }

    /** The v2 sheets are read under the same limits as every other sheet. */
    @Test
    void limitsApplyToTheV2Sheets() throws IOException {
        Path file = write(SupplySheetsReaderTest.v2().set("Inventory", 2, 2, "a note longer than the limit"));

        ReadResult result = InstanceWorkbookReader.read(file, ReadLimits.defaults().withCellChars(20));

        assertThat(InstanceWorkbookReaderTest.described(result)).contains(
                "Inventory!C2: text of more than 20 characters (limit cell-chars)");
        assertThat(result.ok()).isFalse();
    }
}
