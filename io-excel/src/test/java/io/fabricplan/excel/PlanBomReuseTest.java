package io.fabricplan.excel;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveStatistics;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.check.CheckReport;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.check.StatedFigures;
import io.fabricplan.check.Violation;
import io.fabricplan.excel.PlanWorkbookReader.PlanReadResult;
import io.fabricplan.model.DeviceAssignment;
import io.fabricplan.model.Instance;
import io.fabricplan.model.LinkAssignment;
import io.fabricplan.model.Objective;
import io.fabricplan.model.Packaging;
import io.fabricplan.model.Plan;
import io.fabricplan.model.PlanEvaluation;
import io.fabricplan.model.PlanEvaluator;
import io.fabricplan.model.StockItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The BOM's {@code reused} and {@code bought} columns: written from the plan's evaluation, read back as stated
 * figures, compared by the checker at their cells; a plan workbook written before them still checks.
 */
class PlanBomReuseTest {
    @TempDir
    Path dir;

    /** The template with one aoc800 and one dr8_800 in stock, one sw51-p on the shelf, 20 USD to re-cable. */
    private static Instance instance() {
        Instance template = InstanceWorkbookWriter.templateInstance();
        return template.withSettings(template.settings().withLabour(0, 20))
                .withInventory(List.of(new StockItem("aoc800", 1, ""), new StockItem("dr8_800", 1, "shelf"),
                        new StockItem("sw51-p", 1, "")));
    }

    /** leaf1 pluggable, srv1 on an AOC, srv2 on two DR8 modules. */
    private static Plan plan() {
        return new Plan(
                List.of(new DeviceAssignment("leaf1", "sw51-p", "R1"), new DeviceAssignment("srv1", null, "R2"),
                        new DeviceAssignment("srv2", null, "R2")),
                List.of(new LinkAssignment("l1", "aoc800", Packaging.PLUGGABLE, Packaging.PLUGGABLE, 1),
                        new LinkAssignment("l2", "dr8_800", Packaging.PLUGGABLE, Packaging.PLUGGABLE, 1)));
    }

    private static PlanResult resultOf(Instance instance, Plan plan) {
        PlanEvaluation e = new PlanEvaluator(instance).evaluate(plan);
        double v = e.objectiveValue();
        return new PlanResult(SolveStatus.OPTIMAL, Objective.TCO, plan, e, v, v, 0.0, null,
                new SolveStatistics("test", "none", SolveStatus.OPTIMAL, v, v, 0, 0, 0, 0, 0, 0), List.of());
    }

    private Path planWorkbook(Instance instance) throws IOException {
        Path out = dir.resolve("plan.xlsx");
        PlanWorkbookWriter.write(null, instance, resultOf(instance, plan()), "none", out);
        return out;
    }

    /** Edits the BOM sheet of a workbook in place, as a planner would by hand. */
    private static void editBom(Path file, Consumer<Sheet> edit) throws IOException {
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        }
        try (wb; OutputStream out = Files.newOutputStream(file)) {
            edit.accept(wb.getSheet("BOM"));
            wb.write(out);
        }
    }

    /** The 1-based row of an item in the BOM sheet. */
    private static int rowOf(Path file, String itemId) throws IOException {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Row row : wb.getSheet("BOM")) {
                if (row.getCell(0).getStringCellValue().equals(itemId)) {
                    return row.getRowNum() + 1;
                }
            }
        }
        throw new AssertionError("no BOM row for " + itemId);
    }

    private static CheckReport check(Instance instance, Path file) {
        PlanReadResult read = PlanWorkbookReader.read(file);
        assertThat(read.problems()).isEmpty();
        return new PlanChecker(instance).check(read.plan(), read.stated());
    }

    @Test
    void bomStatesReusedAndBoughtAndReadsThemBack() throws IOException {
        Instance instance = instance();
        PlanEvaluation evaluation = new PlanEvaluator(instance).evaluate(plan());

        Path file = planWorkbook(instance);
        PlanReadResult read = PlanWorkbookReader.read(file);

        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Row header = wb.getSheet("BOM").getRow(0);
            assertThat(header.getCell(5).getStringCellValue()).isEqualTo("reused");
            assertThat(header.getCell(6).getStringCellValue()).isEqualTo("bought");
        }
        assertThat(read.problems()).isEmpty();
        assertThat(read.stated().bom().missingColumns()).isEmpty();
        assertThat(read.stated().bom().rows())
                .extracting(StatedFigures.BomRow::itemId, StatedFigures.BomRow::quantity,
                        StatedFigures.BomRow::reused, StatedFigures.BomRow::bought)
                .containsExactlyElementsOf(evaluation.bom().stream().map(b -> org.assertj.core.groups.Tuple.tuple(
                        b.itemId(), b.quantity(), b.reused(), b.bought())).toList());
        assertThat(read.stated().bom().rows()).filteredOn(r -> r.itemId().equals("dr8_800"))
                .extracting(StatedFigures.BomRow::quantity, StatedFigures.BomRow::reused,
                        StatedFigures.BomRow::bought)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2.0, 1.0, 1.0));
        assertThat(check(instance, file).violations()).isEmpty();
    }

    @Test
    void handEditedReusedAndBoughtAreFlaggedAtTheirCells() throws IOException {
        Instance instance = instance();
        Path file = planWorkbook(instance);
        int aoc = rowOf(file, "aoc800");
        int dr8 = rowOf(file, "dr8_800");

        editBom(file, bom -> {
            bom.getRow(aoc - 1).getCell(5).setCellValue(0);
            bom.getRow(dr8 - 1).getCell(6).setCellValue(2);
        });
        CheckReport report = check(instance, file);

        assertThat(report.violations()).extracting(Violation::toString).containsExactlyInAnyOrder(
                "STATED_FIGURE_MISMATCH BOM!F" + aoc + ": reused 0 but the plan takes from stock or keeps installed 1",
                "STATED_FIGURE_MISMATCH BOM!G" + dr8 + ": bought 2 but the plan buys 1");
    }

    @Test
    void blankReusedWhereTheColumnStatesTheOthersIsFlagged() throws IOException {
        Instance instance = instance();
        Path file = planWorkbook(instance);
        int aoc = rowOf(file, "aoc800");

        editBom(file, bom -> bom.getRow(aoc - 1).removeCell(bom.getRow(aoc - 1).getCell(5)));

        assertThat(check(instance, file).violations()).extracting(Violation::toString).containsExactly(
                "STATED_FIGURE_MISMATCH BOM!F" + aoc + ": reused is blank but the plan takes from stock or keeps "
                        + "installed 1");
    }

    /** A plan workbook written before the columns came (a v1 instance's) still checks clean. */
    @Test
    void planWorkbookWithoutReusedAndBoughtStillChecks() throws IOException {
        Instance instance = InstanceWorkbookWriter.templateInstance();
        Path file = planWorkbook(instance);

        editBom(file, bom -> bom.forEach(row -> {
            row.removeCell(row.getCell(6));
            row.removeCell(row.getCell(5));
        }));
        PlanReadResult read = PlanWorkbookReader.read(file);

        assertThat(read.stated().bom().rows()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.reused()).isNaN();
            assertThat(r.bought()).isNaN();
        });
        assertThat(new PlanChecker(instance).check(read.plan(), read.stated()).violations()).isEmpty();
    }

    /** Stock makes total_cost_usd what is bought: the checker says so when it is stated for every unit. */
    @Test
    void totalCostOfEveryUnitWhereSomeAreReusedIsFlaggedAsBoughtTimesUnitCost() throws IOException {
        Instance instance = instance();
        Path file = planWorkbook(instance);
        int dr8 = rowOf(file, "dr8_800");

        editBom(file, bom -> bom.getRow(dr8 - 1).getCell(4).setCellValue(2500));

        assertThat(check(instance, file).violations()).extracting(Violation::toString).containsExactly(
                "STATED_FIGURE_MISMATCH BOM!E" + dr8 + ": total_cost_usd 2500 but 1 bought x 1250 USD make 1250 USD");
    }
}
