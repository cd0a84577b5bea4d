package io.fabricplan.cli;

import io.fabricplan.excel.InstanceWorkbookWriter;
import io.fabricplan.instances.Examples;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad input gives exit code 2 and a message naming sheet and cell, never a stack trace. The tiny
 * example's sheets: Links columns A link_id, B a_device, C b_device, D count, E gbps, F length_m; Devices A
 * device_id, B role, C family, D packaging, E rack_id; Racks A rack_id ... E power_budget_kw.
 */
class BadInputTest {
    @TempDir
    Path dir;
    Path in;

    @BeforeEach
    void writeTiny() throws Exception {
        in = dir.resolve("tiny.xlsx");
        InstanceWorkbookWriter.write(Examples.tiny(), in);
    }

    private CliRun validate() {
        CliRun run = CliRun.of("validate", in.toString());
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
        return run;
    }

    private void assertProblem(String expected) {
        CliRun run = validate();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).as(run.toString()).contains(expected);
    }

    @Test
    void validWorkbookValidates() {
        CliRun run = validate();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("is valid: 3 racks, 4 devices, 3 links (4 cables)");
    }

    @Test
    void nonNumericValueNamesItsCell() {
        WorkbookEdits.edit(in, WorkbookEdits.set("Links!E2", "eight hundred"));
        assertProblem("Links!E2: gbps must be a positive number, got \"eight hundred\"");
    }

    @Test
    void negativeValueNamesItsCell() {
        WorkbookEdits.edit(in, WorkbookEdits.set("Racks!E2", -5.0));
        assertProblem("Racks!E2: power_budget_kw must be a positive number, got -5");
    }

    @Test
    void missingSheetIsNamed() {
        WorkbookEdits.edit(in, wb -> wb.removeSheetAt(wb.getSheetIndex("Links")));
        assertProblem("sheet \"Links\" is missing");
    }

    @Test
    void missingColumnIsNamed() {
        WorkbookEdits.edit(in, wb -> wb.getSheet("Links").getRow(0).getCell(4).setCellValue("speed"));
        assertProblem("column \"gbps\" is missing");
    }

    @Test
    void duplicateIdPointsAtTheFirst() {
        WorkbookEdits.edit(in, WorkbookEdits.set("Devices!A5", "s1"));
        assertProblem("Devices!A5: duplicate device_id \"s1\", first at Devices!A4");
    }

    @Test
    void unknownReferencesAreNamed() {
        WorkbookEdits.edit(in, WorkbookEdits.set("Links!B2", "s9")
                .andThen(WorkbookEdits.set("Devices!E2", "R7"))
                .andThen(WorkbookEdits.set("Devices!C3", "SW99T")));
        CliRun run = validate();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Links!B2: unknown device \"s9\"", "Devices!E2: unknown rack \"R7\"",
                "Devices!C3: unknown switch family \"SW99T\"", "has 3 problems");
    }

    @Test
    void linkNoOptionCanServeSaysWhy() {
        WorkbookEdits.edit(in, WorkbookEdits.set("Links!F4", 250000.0));
        assertProblem("Links!A4: no interconnect can serve link \"leaf1-spine1\": it is 250000 m long, too long for "
                + "every 800 Gb/s option (longest reach 120000 m, zr800)");
    }

    @Test
    void badEnumListsTheChoices() {
        WorkbookEdits.edit(in, WorkbookEdits.set("Devices!B2", "router"));
        assertProblem("Devices!B2: role must be one of SERVER, LEAF, SPINE, CORE, OTHER, got \"router\"");
    }

    @Test
    void solveRefusesInvalidInputWithExitCodeTwo() {
        WorkbookEdits.edit(in, WorkbookEdits.set("Links!E2", "eight hundred"));
        Path out = dir.resolve("plan.xlsx");
        CliRun run = CliRun.of("solve", in.toString(), "-o", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Links!E2");
        assertThat(out).doesNotExist();
    }

    @Test
    void missingOrCorruptFileIsAnInputError() throws Exception {
        CliRun missing = CliRun.of("validate", dir.resolve("nope.xlsx").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.xlsx").doesNotContain("\tat ");

        Path text = Files.writeString(dir.resolve("notes.xlsx"), "not a workbook");
        CliRun corrupt = CliRun.of("validate", text.toString());
        assertThat(corrupt.exitCode()).isEqualTo(2);
        assertThat(corrupt.err()).contains("notes.xlsx").doesNotContain("\tat ");
    }

    @Test
    void unknownFlagIsAUsageError() {
        CliRun run = CliRun.of("solve", in.toString(), "-o", "x.xlsx", "--objective", "CHEAPEST");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("CHEAPEST").contains("COST");
    }

    @Test
    void outputIntoAMissingFolderIsRefusedBeforeSolving() {
        CliRun run = CliRun.of("solve", in.toString(), "-o", dir.resolve("no/such/folder/plan.xlsx").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("does not exist", "Maybe create it first").doesNotContain("\tat ");
    }
}
