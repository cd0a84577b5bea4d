package io.fabricplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.excel.InstanceWorkbookWriter;
import io.fabricplan.instances.Examples;
import io.fabricplan.model.Instance;
import io.fabricplan.model.StockItem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * `check` compares every figure a plan workbook states with what its decisions give, and names the cell of each
 * one edited by hand. The tiny plan (README): LinkPlan rows 2-3 s1/s2-leaf1 on one AEC each (7 m, 20 W, 700 USD),
 * row 4 leaf1-spine1 on two AOCs (30 m, 52 W, 2,200 USD); DevicePlan leaf1, spine1, s1, s2; RackPower R1-R3;
 * BOM sw51-p x 2, aec800 x 2, aoc800 x 2; Summary capex 123,600 USD in B7.
 */
class CheckStatedFiguresTest {
    @TempDir
    static Path dir;
    private static Path tinyIn;
    private static Path tinyPlan;
    private static Path campusIn;
    private static Path campusPlan;
    private static int copies;

    @BeforeAll
    static void solveOnce() throws IOException {
        tinyIn = dir.resolve("tiny.xlsx");
        tinyPlan = dir.resolve("tiny-plan.xlsx");
        InstanceWorkbookWriter.write(Examples.tiny(), tinyIn);
        CliRun solved = CliRun.of("solve", tinyIn.toString(), "-o", tinyPlan.toString());
        assertThat(solved.exitCode()).as(solved.toString()).isZero();
        campusIn = dir.resolve("campus.xlsx");
        campusPlan = dir.resolve("campus-plan.xlsx");
        InstanceWorkbookWriter.write(Examples.campusDwdm(), campusIn);
        solved = CliRun.of("solve", campusIn.toString(), "-o", campusPlan.toString());
        assertThat(solved.exitCode()).as(solved.toString()).isZero();
    }

    /** Checks a copy of the plan with the edits made. */
    @SafeVarargs
    private static CliRun checkEdited(Path in, Path plan, Consumer<Workbook>... edits) throws IOException {
        Path copy = dir.resolve("edited-" + copies++ + ".xlsx");
        java.nio.file.Files.copy(plan, copy);
        for (Consumer<Workbook> edit : edits) {
            WorkbookEdits.edit(copy, edit);
        }
        return CliRun.of("check", in.toString(), copy.toString());
    }

    @Test
    void editedLinkPowerAndCostAreNamedAtTheirCells() throws IOException {
        CliRun run = checkEdited(tinyIn, tinyPlan, WorkbookEdits.set("LinkPlan!J4", 999.0),
                WorkbookEdits.set("LinkPlan!K4", 1.0));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(5);
        assertThat(run.out()).contains("check found 2 violations",
                "STATED_FIGURE_MISMATCH LinkPlan!J4: power_w 999 but the plan draws 52 W",
                "STATED_FIGURE_MISMATCH LinkPlan!K4: cost_usd 1 but the plan's choices cost 2200 USD",
                "Maybe they were not updated after a decision was edited");
    }

    @Test
    void textInANumberCellIsAViolationAtItsCell() throws IOException {
        CliRun run = checkEdited(tinyIn, tinyPlan, WorkbookEdits.set("LinkPlan!J2", "twenty"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(5);
        assertThat(run.out()).contains("check found 1 violation:",
                "LinkPlan!J2: power_w \"twenty\" is not a number; the plan draws 20 W");
    }

    @Test
    void editedRackTotalIsNamedAtItsCell() throws IOException {
        CliRun run = checkEdited(tinyIn, tinyPlan, WorkbookEdits.set("RackPower!E2", 0.5));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(5);
        assertThat(run.out()).contains("check found 1 violation:",
                "RackPower!E2: total_kw 0.5 but the rack draws 1.346 kW");
    }

    @Test
    void editedBomQuantityIsNamedAtItsCell() throws IOException {
        CliRun run = checkEdited(tinyIn, tinyPlan, WorkbookEdits.set("BOM!C3", 7.0));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(5);
        assertThat(run.out()).contains("check found 1 violation:", "BOM!C3: quantity 7 but the plan uses 2");
    }

    /**
     * With stock in the Inventory the BOM states reused and bought units (columns F and G); a reused edited by hand
     * is named at its cell, like the quantity.
     */
    @Test
    void editedBomReusedIsNamedAtItsCell() throws IOException {
        Path in = dir.resolve("tiny-stock.xlsx");
        Path plan = dir.resolve("tiny-stock-plan.xlsx");
        InstanceWorkbookWriter.write(Examples.tiny().withInventory(List.of(new StockItem("aec800", 1, "shelf"))), in);
        CliRun solved = CliRun.of("solve", in.toString(), "-o", plan.toString());
        assertThat(solved.exitCode()).as(solved.toString()).isZero();
        assertThat(WorkbookEdits.get(plan, "BOM!A3")).isEqualTo("aec800");
        assertThat(List.of(WorkbookEdits.get(plan, "BOM!C3"), WorkbookEdits.get(plan, "BOM!F3"),
                WorkbookEdits.get(plan, "BOM!G3"))).containsExactly("2.0", "1.0", "1.0");
        assertThat(CliRun.of("check", in.toString(), plan.toString()).exitCode()).isZero();

        CliRun run = checkEdited(in, plan, WorkbookEdits.set("BOM!F3", 2.0));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(5);
        assertThat(run.out()).contains("check found 1 violation:",
                "STATED_FIGURE_MISMATCH BOM!F3: reused 2 but the plan takes from stock or keeps installed 1");
    }

    /** Every other figure column of the four sheets, one edit each. */
    @Test
    void everyFigureColumnIsCompared() throws IOException {
        CliRun run = checkEdited(tinyIn, tinyPlan,
                WorkbookEdits.set("LinkPlan!B2", "s2"), WorkbookEdits.set("LinkPlan!C3", ""),
                WorkbookEdits.set("LinkPlan!E2", 400.0), WorkbookEdits.set("LinkPlan!F4", 3.0),
                WorkbookEdits.set("DevicePlan!C2", "CPO"), WorkbookEdits.set("DevicePlan!E2", 3.0),
                WorkbookEdits.set("DevicePlan!F3", 128.0), WorkbookEdits.set("DevicePlan!G2", 13.0),
                WorkbookEdits.set("DevicePlan!H5", 5.0),
                WorkbookEdits.set("RackPower!B2", 11.0), WorkbookEdits.set("RackPower!C3", "lots"),
                WorkbookEdits.set("RackPower!D4", 1.4), WorkbookEdits.set("RackPower!F3", 0.5),
                WorkbookEdits.set("BOM!D2", 50000.0), WorkbookEdits.set("BOM!E4", 2300.0),
                WorkbookEdits.set("BOM!B3", "AOC"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(5);
        assertThat(run.out()).contains("check found 16 violations",
                "LinkPlan!B2: a_device \"s2\" but link s1-leaf1 runs from s1",
                "LinkPlan!C3: b_device is blank but link s2-leaf1 runs to leaf1",
                "LinkPlan!E2: gbps 400 but link s1-leaf1 runs at 800 Gb/s",
                "LinkPlan!F4: length_m 3 but the link is 30 m",
                "DevicePlan!C2: packaging \"CPO\" but model sw51-p is PLUGGABLE",
                "DevicePlan!E2: ports_used 3 but its links take 4 ports",
                "DevicePlan!F3: ports 128 but the device has 64 ports",
                "DevicePlan!G2: power_w 13 but model sw51-p draws 1300 W",
                "DevicePlan!H5: cost_usd 5 but a server costs 0 USD",
                "RackPower!B2: power_budget_kw 11 but the instance gives it 10 kW",
                "RackPower!C3: base_load_kw \"lots\" is not a number; the instance gives it 20 kW",
                "RackPower!D4: network_kw 1.4 but its network draws 1.326 kW",
                "RackPower!F3: utilization 0.5 but the rack uses 0.6673333333 of its budget",
                "BOM!D2: unit_cost_usd 50000 but the catalog prices it at 60000 USD",
                "BOM!E4: total_cost_usd 2300 but 2 x 1100 USD make 2200 USD",
                "BOM!B3: kind \"AOC\" but item aec800 is of kind AEC");
    }

    @Test
    void summaryTotalsStatusAndGapAreNamedAtTheirCells() throws IOException {
        CliRun run = checkEdited(tinyIn, tinyPlan, WorkbookEdits.set("Summary!B7", 1.0),
                WorkbookEdits.set("Summary!B8", "twenty"), WorkbookEdits.set("Summary!B2", "INFEASIBLE"),
                WorkbookEdits.set("Summary!B6", 0.5), WorkbookEdits.set("Summary!B10", "soon"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(5);
        assertThat(run.out()).contains("check found 5 violations",
                "REPORTED_TOTAL_MISMATCH Summary!B7: capex_usd 1 but the plan's choices cost 123600 USD",
                "REPORTED_TOTAL_MISMATCH Summary!B8: power_w \"twenty\" is not a number; the plan draws 2692 W",
                "Summary!B2: status INFEASIBLE but the workbook holds a plan (3 link rows, 4 device rows)",
                "Summary!B6: relative_gap 0.5 but objective_value and best_bound give 0",
                "Summary!B10: solve_seconds \"soon\" is not a number");
    }

    @Test
    void rowsMissingRepeatedOrUnknownAreNamed() throws IOException {
        CliRun run = checkEdited(tinyIn, tinyPlan, removeRow("BOM", 4), removeRow("RackPower", 3),
                removeRow("DevicePlan", 4), WorkbookEdits.set("BOM!A5", "aec800"), WorkbookEdits.set("BOM!B5", "AEC"),
                WorkbookEdits.set("BOM!A6", "qsfp-x"), WorkbookEdits.set("RackPower!A5", "R9"),
                WorkbookEdits.set("RackPower!A6", "R1"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(5);
        assertThat(run.out()).contains(
                "STATED_ROW_EXTRA BOM!A5: item aec800 is listed again (first at BOM!A3)",
                "STATED_ROW_EXTRA BOM!A6: item \"qsfp-x\" is not in the plan's bill of materials",
                "STATED_ROW_MISSING BOM: no row for item aoc800 (AOC): the plan uses 2 at 1100 USD",
                "STATED_ROW_EXTRA RackPower!A5: the instance has no rack \"R9\"",
                "STATED_ROW_EXTRA RackPower!A6: rack R1 is listed again (first at RackPower!A2)",
                "STATED_ROW_MISSING RackPower: no row for rack R2",
                "STATED_ROW_MISSING DevicePlan: no row for server s1");
    }

    /** A duplicated LinkPlan row serves its link twice, a deleted one not at all: both named. */
    @Test
    void linkRowsTwiceOrMissingAreNamed() throws IOException {
        CliRun run = checkEdited(tinyIn, tinyPlan, removeRow("LinkPlan", 3), copyRow("LinkPlan", 2, 5),
                copyRow("DevicePlan", 2, 6));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(5);
        assertThat(run.out()).contains("LINK_COUNT_MISMATCH s2-leaf1: serves 0 of 1 parallel links",
                "LINK_COUNT_MISMATCH s1-leaf1: serves 2 of 1 parallel links",
                "DUPLICATE_DEVICE_ASSIGNMENT leaf1: device is assigned more than once (DevicePlan!A6 repeats "
                        + "DevicePlan!A2)");
    }

    @Test
    void dwdmFiguresAreNamedAtTheirCells() throws IOException {
        // values no plan of the campus has: 100 THz is off the grid, 999 channels beyond every MUX
        CliRun run = checkEdited(campusIn, campusPlan, WorkbookEdits.set("DwdmLightpaths!E3", 100.0),
                WorkbookEdits.set("DwdmLightpaths!G2", 99.0), WorkbookEdits.set("DwdmLightpaths!H7", "good"),
                WorkbookEdits.set("DwdmGreyRoutes!E2", 10.0), WorkbookEdits.set("DwdmSpans!D2", 999.0),
                WorkbookEdits.set("DwdmSpans!E3", 99.0), WorkbookEdits.set("DwdmPlacements!F2", 2.0));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(5);
        assertThat(run.out()).contains("check found 7 violations",
                "DwdmLightpaths!E3: frequency_thz 100 but its channel is at ",
                "DwdmLightpaths!G2: osnr_db 99 but ",
                "DwdmLightpaths!H7: margin_db \"good\" is not a number",
                "DwdmGreyRoutes!E2: length_m 10 but its route is ",
                "DwdmSpans!D2: channels_used 999 but the plan's lightpaths take ",
                "DwdmSpans!E3: amplifiers 99 but the plan places ",
                "DwdmPlacements!F2: count 2 but a MUX placement is one MUX/DEMUX pair: 1");
    }

    @Test
    void missingFigureSheetOrColumnIsNamed() throws IOException {
        CliRun run = checkEdited(campusIn, campusPlan, wb -> wb.removeSheetAt(wb.getSheetIndex("DwdmSpans")),
                wb -> wb.removeSheetAt(wb.getSheetIndex("RackPower")), WorkbookEdits.set("LinkPlan!J1", ""));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(5);
        assertThat(run.out()).contains("check found 3 violations",
                "STATED_ROW_MISSING RackPower: the sheet is missing",
                "STATED_ROW_MISSING DwdmSpans: the sheet is missing",
                "STATED_ROW_MISSING LinkPlan: column \"power_w\" is missing");
    }

    static Stream<Arguments> examples() {
        return Examples.all().stream().filter(e -> !e.name().equals("infeasible-rack"))
                .map(e -> Arguments.of(e.name(), e.instance()));
    }

    /** The tolerances hold for every example's own plan: zero violations, unedited. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void unEditedPlanOfEveryExamplePasses(String name, Instance instance) throws IOException {
        Path in = dir.resolve(name + ".xlsx");
        Path plan = dir.resolve(name + "-plan.xlsx");
        InstanceWorkbookWriter.write(instance, in);
        CliRun solved = CliRun.of("solve", in.toString(), "-o", plan.toString());
        assertThat(solved.exitCode()).as(solved.toString()).isZero();

        CliRun run = CliRun.of("check", in.toString(), plan.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("check passed: ");
    }

    /** The Summary's objective_value is the objective solved for, which a flag may have changed. */
    @Test
    void planSolvedForAnotherObjectivePasses() throws IOException {
        Path plan = dir.resolve("tiny-power.xlsx");
        CliRun solved = CliRun.of("solve", tinyIn.toString(), "-o", plan.toString(), "--objective", "POWER");
        assertThat(solved.exitCode()).as(solved.toString()).isZero();

        CliRun run = CliRun.of("check", tinyIn.toString(), plan.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    /** The workbook of a solve that found nothing in its time limit: the advice is a longer one, exit 4. */
    @Test
    void workbookWithoutASolutionAdvisesALongerTimeLimit() throws IOException {
        Path in = dir.resolve("infeasible.xlsx");
        Path plan = dir.resolve("infeasible-plan.xlsx");
        InstanceWorkbookWriter.write(Examples.infeasibleRack(), in);
        assertThat(CliRun.of("solve", in.toString(), "-o", plan.toString()).exitCode()).isEqualTo(3);
        WorkbookEdits.edit(plan, WorkbookEdits.set("Summary!B2", "NO_SOLUTION"));
        WorkbookEdits.edit(plan, wb -> {
            Sheet summary = wb.getSheet("Summary");
            for (Row r : summary) {
                if (r.getCell(0) != null && r.getCell(0).getStringCellValue().equals("diagnostic")) {
                    r.getCell(1).setCellValue("no plan found within 1.0 s");
                }
            }
        });

        CliRun run = CliRun.of("check", in.toString(), plan.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.out()).contains("holds no plan (Summary status NO_SOLUTION)", "no plan found within 1.0 s",
                "Maybe solve again with a longer --time-limit.");
    }

    private static Consumer<Workbook> removeRow(String sheet, int excelRow) {
        return wb -> {
            Sheet s = wb.getSheet(sheet);
            s.removeRow(s.getRow(excelRow - 1));
            if (excelRow <= s.getLastRowNum()) {
                s.shiftRows(excelRow, s.getLastRowNum(), -1);
            }
        };
    }

    private static Consumer<Workbook> copyRow(String sheet, int fromExcelRow, int toExcelRow) {
        return wb -> {
            Sheet s = wb.getSheet(sheet);
            Row from = s.getRow(fromExcelRow - 1);
            Row to = s.createRow(toExcelRow - 1);
            for (org.apache.poi.ss.usermodel.Cell c : from) {
                org.apache.poi.ss.usermodel.Cell copy = to.createCell(c.getColumnIndex());
                if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    copy.setCellValue(c.getNumericCellValue());
                } else {
                    copy.setCellValue(c.getStringCellValue());
                }
            }
        };
    }
}
