package io.fabricplan.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabricplan.api.PlanResult;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.excel.PlanWorkbookReader.PlanReadResult;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Plan;
import io.fabricplan.validate.InputProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The input copied into the plan workbook: whatever the reader accepts is written, and what no Excel workbook may
 * hold (or cannot be read safely) is refused at its sheet or cell, never cut short, never an internal error;
 * both when the input is loaded whole and when it is copied by streaming. Every odd file is made here.
 */
class PlanInputCopyTest {
    /** The two ways the input gets into the plan. */
    enum Copy {
        WHOLE(PlanWorkbookWriter.KEEP_FORMATTING_LIMIT_BYTES), STREAMED(-1);

        final long limit;

        Copy(long limit) {
            this.limit = limit;
        }
    }

    @TempDir
    Path dir;

    private final Instance instance = SyntheticFabric.instance(4, 2);
    private final Plan plan = SyntheticFabric.plan(instance);
    private final PlanResult result = SyntheticFabric.result(instance, plan);
    private Path valid;
    private Path out;

    @BeforeEach
    void writeValidInput() throws IOException {
        valid = dir.resolve("valid.xlsx");
        InstanceWorkbookWriter.write(instance, valid);
        out = dir.resolve("plan.xlsx");
    }

    private Path withNotes(HandMadeXlsx.Xml xml) throws IOException {
        return HandMadeXlsx.withSheet(valid, dir.resolve("in.xlsx"), "Notes", xml);
    }

    private List<InputProblem> refused(Path input, Copy copy) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> PlanWorkbookWriter.write(input, instance, result, "none", out, copy.limit));
        assertThat(thrown).isInstanceOf(InputWorkbookException.class);
        assertThat(out).as("nothing written").doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .containsExactlyInAnyOrder("valid.xlsx", "in.xlsx");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ((InputWorkbookException) thrown).problems();
    }

    /** The plan reads back as the instance and the plan, and the checker passes it. */
    private void assertPlanReadsBack() {
        assertThat(InstanceWorkbookReader.read(out).instance()).isEqualTo(instance);
        PlanReadResult read = PlanWorkbookReader.read(out);
        assertThat(read.problems()).isEmpty();
        assertThat(read.plan().links()).isEqualTo(plan.links());
        assertThat(new PlanChecker(instance).check(read.plan()).passed()).isTrue();
    }

    private static String describe(List<InputProblem> problems) {
        return String.join("\n", problems.stream().map(InputProblem::describe).toList());
    }

    @ParameterizedTest
    @EnumSource(Copy.class)
    void excelsLastRowIsCopied(Copy copy) throws IOException {
        Path input = withNotes(HandMadeXlsx.rows("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>note</t></is></c>"
                + "</row><row r=\"1048576\"><c r=\"A1048576\"><v>42</v></c></row>"));

        PlanWorkbookWriter.write(input, instance, result, "none", out, copy.limit);

        assertPlanReadsBack();
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet notes = wb.getSheet("Notes");
            assertThat(notes.getLastRowNum()).isEqualTo(1_048_575);
            assertThat(notes.getRow(1_048_575).getCell(0).getNumericCellValue()).isEqualTo(42);
        }
    }

    @ParameterizedTest
    @EnumSource(Copy.class)
    void rowPastExcelsLastRowIsRefusedAtItsCell(Copy copy) throws IOException {
        Path input = withNotes(HandMadeXlsx.rows("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
                + "<row r=\"1048577\"><c r=\"A1048577\"><v>2</v></c></row>"));

        List<InputProblem> problems = refused(input, copy);

        // loaded whole, the copy names the cell; streamed, the reading (as validate reads) names the row
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).where()).isEqualTo(copy == Copy.WHOLE ? "Notes!A1048577" : "Notes!1048577");
        assertThat(problems.get(0).message()).contains("row 1,048,577 is beyond", "1,048,576");
    }

    @ParameterizedTest
    @EnumSource(Copy.class)
    void columnPastXfdIsRefusedAtItsCell(Copy copy) throws IOException {
        Path input = withNotes(HandMadeXlsx.rows("<row r=\"5\"><c r=\"XFD5\"><v>1</v></c><c r=\"XFE5\"><v>2</v></c>"
                + "</row>"));

        List<InputProblem> problems = refused(input, copy);

        assertThat(problems).extracting(InputProblem::where).containsExactly("Notes!XFE5");
        assertThat(problems.get(0).message()).contains("beyond", "XFD", "16,384");
    }

    @ParameterizedTest
    @EnumSource(Copy.class)
    void textLongerThanACellHoldsIsRefusedNotCut(Copy copy) throws IOException {
        String longText = "x".repeat(40_000);
        Path input = withNotes(HandMadeXlsx.rows("<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>" + longText
                + "</t></is></c><c r=\"C2\" t=\"inlineStr\"><is><t>" + "y".repeat(32_767) + "</t></is></c></row>"));

        List<InputProblem> problems = refused(input, copy);

        assertThat(problems).extracting(InputProblem::where).containsExactly("Notes!B2");
        assertThat(problems.get(0).message()).startsWith("text of ").contains("32,767");
    }

    @ParameterizedTest
    @EnumSource(Copy.class)
    void sharedTextLongerThanACellHoldsIsRefusedAtTheCellThatShowsIt(Copy copy) throws IOException {
        Path notes = withNotes(HandMadeXlsx.rows("<row r=\"3\"><c r=\"D3\" t=\"s\"><v>SHARED</v></c></row>"));
        // the long text as one more shared string, which D3 shows
        int[] index = new int[1];
        Path input = HandMadeXlsx.withPartChanged(notes, dir.resolve("in2.xlsx"), "xl/sharedStrings.xml", sst -> {
            index[0] = sst.split("<si>", -1).length - 1;
            return sst.replace("</sst>", "<si><t>" + "z".repeat(33_000) + "</t></si></sst>");
        });
        Path fixed = HandMadeXlsx.withPartChanged(input, dir.resolve("in3.xlsx"), "xl/worksheets/sheetExtra.xml",
                sheet -> sheet.replace("SHARED", Integer.toString(index[0])));
        Files.delete(input);
        Files.move(fixed, input);
        Files.delete(notes);
        Files.move(input, notes);

        List<InputProblem> problems = refused(notes, copy);

        assertThat(problems).extracting(InputProblem::where).containsExactly("Notes!D3");
        assertThat(problems.get(0).message()).startsWith("text of ").contains("32,767");
    }

    @ParameterizedTest
    @EnumSource(Copy.class)
    void numbersNoCellCanHoldAndOverlongFormulasAreRefusedAtTheirCells(Copy copy) throws IOException {
        Path input = withNotes(HandMadeXlsx.rows("<row r=\"1\"><c r=\"A1\"><v>NaN</v></c><c r=\"B1\"><v>1e999</v></c>"
                + "<c r=\"C1\"><v>1e308</v></c><c r=\"D1\"><f>" + "1+".repeat(5_000) + "1</f></c></row>"));

        List<InputProblem> problems = refused(input, copy);

        assertThat(problems).extracting(InputProblem::where).containsExactly("Notes!A1", "Notes!B1", "Notes!D1");
        assertThat(problems.get(0).message()).contains("NaN");
        assertThat(problems.get(2).message()).contains("8,192");
    }

    @ParameterizedTest
    @EnumSource(Copy.class)
    void sharedTextThatIsNotThereIsRefusedNamingTheCellOrSheet(Copy copy) throws IOException {
        Path input = withNotes(HandMadeXlsx.rows("<row r=\"4\"><c r=\"E4\" t=\"s\"><v>99999</v></c></row>"));

        List<InputProblem> problems = refused(input, copy);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).where()).isEqualTo("Notes!E4");
        assertThat(problems.get(0).describe()).contains("99999").hasSizeLessThan(400);
    }

    @ParameterizedTest
    @EnumSource(Copy.class)
    void doctypeInASheetThePlannerDoesNotReadIsRefusedNamingTheSheet(Copy copy) throws IOException {
        Path input = withNotes(w -> w.write("<?xml version=\"1.0\"?>\n<!DOCTYPE worksheet [<!ENTITY a \"aaaa\">]>\n"
                + HandMadeXlsx.SHEET_START.substring(HandMadeXlsx.SHEET_START.indexOf("<worksheet"))
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&a;</t></is></c></row>" + HandMadeXlsx.SHEET_END));

        List<InputProblem> problems = refused(input, copy);

        assertThat(describe(problems)).isEqualTo("Notes: the sheet's XML declares a DOCTYPE, which no workbook "
                + "needs; refused as unsafe\n  Maybe delete the sheet, or open the workbook in Excel and save it "
                + "again as .xlsx.");
    }

    @ParameterizedTest
    @EnumSource(Copy.class)
    void zipBombInASheetThePlannerDoesNotReadIsRefusedNamingTheSheet(Copy copy) throws IOException {
        Path input = withNotes(w -> {
            w.write(HandMadeXlsx.SHEET_START);
            char[] spaces = new char[1 << 20];
            java.util.Arrays.fill(spaces, ' ');
            for (int i = 0; i < 50; i++) {
                w.write(spaces); // 50 MB that pack into some 50 KB
            }
            w.write(HandMadeXlsx.SHEET_END);
        });

        List<InputProblem> problems = refused(input, copy);

        // refused before anything is inflated, by the package check every read of the input makes
        assertThat(problems).extracting(InputProblem::where).containsExactly("in.xlsx");
        assertThat(problems.get(0).describe()).contains("sheetExtra.xml");
    }

    @ParameterizedTest
    @EnumSource(Copy.class)
    void sheetNamesExcelRefusesAreRefused(Copy copy) throws IOException {
        String tooLong = "A sheet name of thirty-two chars";
        Path input = HandMadeXlsx.withSheet(valid, dir.resolve("in.xlsx"), tooLong, HandMadeXlsx.rows(""));

        List<InputProblem> problems = refused(input, copy);

        assertThat(problems).extracting(InputProblem::where).containsExactly(tooLong);
        assertThat(problems.get(0).message()).startsWith("not a name Excel allows for a sheet");
    }

    /** The styles are read (dates are told by their number formats): a DOCTYPE there is refused as validate does. */
    @Test
    void doctypeInTheStylesIsRefused() throws IOException {
        Path input = HandMadeXlsx.withPartChanged(valid, dir.resolve("in.xlsx"), "xl/styles.xml",
                xml -> xml.replaceFirst("\\?>", "?><!DOCTYPE x [<!ENTITY b \"b\">]>"));

        List<InputProblem> problems = refused(input, Copy.WHOLE);

        assertThat(problems).isNotEmpty();
        assertThat(problems.get(0).message()).contains("DOCTYPE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"docProps/app.xml", "docProps/core.xml"})
    void unsafePartThePlannerNeverReadsMakesACopyByValueInsteadOfAFailure(String part) throws IOException {
        // A DOCTYPE in a part the reader never reads: loading or saving the workbook whole fails there.
        Path input = HandMadeXlsx.withPartChanged(valid, dir.resolve("in.xlsx"), part,
                xml -> xml.replaceFirst("\\?>", "?><!DOCTYPE x [<!ENTITY b \"b\">]>"));

        PlanWorkbookWriter.write(input, instance, result, "none", out);

        assertPlanReadsBack();
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheet("Devices").getDataValidations()).as("copied by value: no drop-downs").isEmpty();
        }
    }

    @Test
    void inputIsLoadedWholeByWhatItUnpacksToNotByItsSizeOnDisk() throws IOException {
        Path blank = withNotes(HandMadeXlsx.blankCells(2_000_000)); // 20 MB of blank cells

        assertThat(Files.size(blank)).as("small on disk").isLessThan(256 * 1024);
        assertThat(InputCopy.unpacksWithin(blank, PlanWorkbookWriter.KEEP_FORMATTING_LIMIT_BYTES)).isFalse();
        assertThat(InputCopy.unpacksWithin(valid, PlanWorkbookWriter.KEEP_FORMATTING_LIMIT_BYTES)).isTrue();
        assertThat(InputCopy.unpacksWithin(valid, Files.size(valid))).as("unpacks to more than its size").isFalse();
    }

    @Test
    void missingInputIsAProblemAtTheFileName() {
        Path missing = dir.resolve("missing.xlsx");

        assertThatThrownBy(() -> PlanWorkbookWriter.write(missing, instance, result, "none", out))
                .isInstanceOf(InputWorkbookException.class).hasMessageStartingWith("missing.xlsx: file not found");
    }
}
