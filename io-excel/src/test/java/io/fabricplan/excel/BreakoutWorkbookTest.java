package io.fabricplan.excel;

import static io.fabricplan.excel.TestWorkbook.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.Baseline;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveStatistics;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.check.CheckReport;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.check.Violation;
import io.fabricplan.excel.InstanceWorkbookReader.ReadResult;
import io.fabricplan.excel.PlanWorkbookReader.PlanReadResult;
import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.Device;
import io.fabricplan.model.DeviceAssignment;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Link;
import io.fabricplan.model.LinkAssignment;
import io.fabricplan.model.Media;
import io.fabricplan.model.Objective;
import io.fabricplan.model.Optic;
import io.fabricplan.model.OpticKind;
import io.fabricplan.model.Packaging;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Plan;
import io.fabricplan.model.PlanEvaluation;
import io.fabricplan.model.PlanEvaluator;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Role;
import io.fabricplan.model.Settings;
import io.fabricplan.validate.InputProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twin-port modules and pairings through the workbooks: the Optics columns breakout and pairs_with (written only
 * when some optic uses them), and LinkPlan's b_optic_id, read back for the checker, which names its cell.
 */
class BreakoutWorkbookTest {
    @TempDir
    Path dir;

    /** twin_dr4_800: one 800 Gb/s module serving 2 links of 400 Gb/s, which may face a dr4_400. */
    static Optic twin() {
        return new Optic("twin_dr4_800", OpticKind.TRANSCEIVER, 800, 500, "DR", Media.SMF, 17, 1300, 1.5, false,
                "test").withBreakout(2, List.of("dr4_400"));
    }

    /**
     * leaf1 (SW51T pluggable, 800G ports) and servers s1 and s2 (one 400G port each) in rack R1; links l1 and l2
     * leaf1 to s1 and s2 at 400 Gb/s; the built-in optics and {@link #twin()}.
     */
    static Instance twinInstance() {
        List<Optic> optics = new ArrayList<>(DefaultCatalog.optics());
        optics.add(twin());
        return new Instance(Settings.defaults(), List.of(new Rack("R1", Rack.DEFAULT_SITE, 0, 0, 20, 8, 10)),
                DefaultCatalog.switchModels(),
                List.of(Device.switchOf("leaf1", Role.LEAF, "SW51T", PackagingChoice.PLUGGABLE, "R1"),
                        Device.server("s1", "R1", 1, 400, false), Device.server("s2", "R1", 1, 400, false)),
                List.of(new Link("l1", "leaf1", "s1", 1, 400, null), new Link("l2", "leaf1", "s2", 1, 400, null)),
                optics);
    }

    /** Both links on one twin module at leaf1, each facing a dr4_400 at its server. */
    static Plan twinPlan() {
        return new Plan(List.of(new DeviceAssignment("leaf1", "sw51-p", "R1"), new DeviceAssignment("s1", null, "R1"),
                new DeviceAssignment("s2", null, "R1")),
                List.of(new LinkAssignment("l1", "twin_dr4_800", Packaging.PLUGGABLE, Packaging.PLUGGABLE, 1,
                                "dr4_400"),
                        new LinkAssignment("l2", "twin_dr4_800", Packaging.PLUGGABLE, Packaging.PLUGGABLE, 1,
                                "dr4_400")));
    }

    private static PlanResult resultOf(Instance instance, Plan plan) {
        PlanEvaluation evaluation = new PlanEvaluator(instance).evaluate(plan);
        double v = evaluation.objectiveValue();
        return new PlanResult(SolveStatus.OPTIMAL, Objective.TCO, plan, evaluation, v, v, 0.0,
                new Baseline(plan, evaluation, List.of()),
                new SolveStatistics("test", "none", SolveStatus.OPTIMAL, v, v, 0, 0, 0, 0, 0, 0), List.of());
    }

    private Path planWorkbook(Plan plan) throws IOException {
        Path out = dir.resolve("plan.xlsx");
        PlanWorkbookWriter.write(null, twinInstance(), resultOf(twinInstance(), plan), "none", out);
        return out;
    }

    /** The sheet's rows as text, as Excel shows them ("" for a blank cell). */
    private static List<List<String>> rows(Path file, String sheetName) throws IOException {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet(sheetName);
            DataFormatter f = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            int width = sheet.getRow(0).getLastCellNum();
            for (Row r : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    Cell cell = r.getCell(c);
                    cells.add(cell == null ? "" : f.formatCellValue(cell));
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    private static void edit(Path file, String sheet, int excelRow, int column, String value) throws IOException {
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        }
        try (wb; OutputStream out = Files.newOutputStream(file)) {
            wb.getSheet(sheet).getRow(excelRow - 1).createCell(column).setCellValue(value);
            wb.write(out);
        }
    }

    private static List<String> described(List<Violation> violations) {
        return violations.stream().map(v -> v.kind() + " " + v.message()).toList();
    }

    // ---------------------------------------------------------------- instance workbook

    @Test
    void breakoutAndPairsWithAreWrittenLastAndReadBackEqual() throws IOException {
        Instance instance = twinInstance();
        Path file = dir.resolve("twin.xlsx");

        InstanceWorkbookWriter.write(instance, file);
        ReadResult read = InstanceWorkbookReader.read(file);

        assertThat(read.problems()).isEmpty();
        assertThat(read.instance()).isEqualTo(instance);
        assertThat(read.instance().optics()).filteredOn(o -> o.id().equals("twin_dr4_800")).singleElement()
                .satisfies(o -> {
                    assertThat(o.breakout()).isEqualTo(2);
                    assertThat(o.pairsWith()).containsExactly("dr4_400");
                });
        List<List<String>> optics = rows(file, "Optics");
        assertThat(optics.get(0)).endsWith("max_unamplified_loss_db", "breakout", "pairs_with")
                .doesNotContain("max_buy");
        List<String> twinRow = optics.get(optics.size() - 1);
        assertThat(twinRow.get(0)).isEqualTo("twin_dr4_800");
        assertThat(twinRow.subList(twinRow.size() - 2, twinRow.size())).containsExactly("2", "dr4_400");
        // an ordinary optic leaves both blank: breakout 1, no pairs
        assertThat(optics.get(1).subList(twinRow.size() - 2, twinRow.size())).containsExactly("", "");
    }

    @Test
    void breakoutAndPairsWithWrittenReproduciblyReadBackEqual() throws IOException {
        Path file = dir.resolve("twin.xlsx");

        InstanceWorkbookWriter.writeReproducible(twinInstance(), file);

        assertThat(InstanceWorkbookReader.read(file).instance()).isEqualTo(twinInstance());
    }

    @Test
    void anOpticThatOnlyPairsGetsTheColumnsToo() throws IOException {
        Instance base = twinInstance();
        Instance instance = base.withOptics(base.optics().stream().map(o -> o.id().equals("twin_dr4_800")
                ? o.withBreakout(1, List.of("dr4_400", "fr4_400")) : o).toList());
        Path file = dir.resolve("pairs.xlsx");

        InstanceWorkbookWriter.write(instance, file);

        List<List<String>> optics = rows(file, "Optics");
        assertThat(optics.get(0)).endsWith("breakout", "pairs_with");
        assertThat(optics.get(optics.size() - 1)).endsWith("", "dr4_400;fr4_400");
        assertThat(InstanceWorkbookReader.read(file).instance()).isEqualTo(instance);
    }

    @Test
    void anInstanceWithoutBreakoutsOrPairsHasNeitherColumn() throws IOException {
        Instance base = twinInstance();
        Path file = dir.resolve("plain.xlsx");

        InstanceWorkbookWriter.write(base.withOptics(DefaultCatalog.optics()), file);

        assertThat(rows(file, "Optics").get(0)).doesNotContain("breakout", "pairs_with").last()
                .isEqualTo("max_unamplified_loss_db");
    }

    /** Optics rows 2-4: twin_dr4_800 (breakout I2, pairs_with J2), dr4_400 and dr8_800; links at 400 Gb/s. */
    private static TestWorkbook twinWorkbook(Object breakout, Object pairs) {
        return TestWorkbook.valid()
                .set("Devices", 3, 6, 400).set("Devices", 4, 6, 400)
                .set("Links", 2, 4, 400).set("Links", 3, 4, 400)
                .sheet("Optics", row("optic_id", "kind", "gbps", "reach_m", "pmd", "media", "power_w", "cost_usd",
                                "breakout", "pairs_with"),
                        row("twin_dr4_800", "TRANSCEIVER", 800, 500, "DR", "SMF", 17, 1300, breakout, pairs),
                        row("dr4_400", "TRANSCEIVER", 400, 500, "DR", "SMF", 9, 700, null, null),
                        row("fr4_400", "TRANSCEIVER", 400, 2000, "FR", "SMF", 12, 750, "", null));
    }

    @Test
    void pairsWithTakesIdsSeparatedBySemicolonsOrCommasAndTrimsBlanks() throws IOException {
        ReadResult read = InstanceWorkbookReader.read(twinWorkbook(2, " dr4_400 , fr4_400; ")
                .write(dir.resolve("in.xlsx")));

        assertThat(read.problems()).isEmpty();
        assertThat(read.instance().optics()).extracting(Optic::id, Optic::breakout, Optic::pairsWith)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("twin_dr4_800", 2, List.of("dr4_400", "fr4_400")),
                        org.assertj.core.groups.Tuple.tuple("dr4_400", 1, List.of()),
                        org.assertj.core.groups.Tuple.tuple("fr4_400", 1, List.of()));
        assertThat(read.locator().locate("Optics", 0, "twin_dr4_800", "breakout")).isEqualTo("Optics!I2");
        assertThat(read.locator().locate("Optics", 0, "twin_dr4_800", "pairs_with")).isEqualTo("Optics!J2");
    }

    @Test
    void aBadBreakoutIsNamedByItsCellWithAHint() throws IOException {
        TestWorkbook wb = twinWorkbook(1.5, "dr4_400").set("Optics", 3, 8, 0).set("Optics", 4, 8, "two");

        ReadResult read = InstanceWorkbookReader.read(wb.write(dir.resolve("in.xlsx")));

        assertThat(InstanceWorkbookReaderTest.described(read)).containsExactlyInAnyOrder(
                "Optics!I2: breakout must be a whole number, got 1.5",
                "Optics!I3: breakout must be 1 or more, got 0",
                "Optics!I4: breakout must be a whole number, got \"two\"");
        assertThat(read.problems()).extracting(InputProblem::hint).allSatisfy(hint -> assertThat(hint)
                .startsWith("give the links one unit serves, a whole number, 1 or more")
                .endsWith("or leave the cell blank for 1."));
    }

    @Test
    void theTemplateHasBothColumnsBlank() throws IOException {
        Path file = dir.resolve("new.xlsx");

        InstanceWorkbookWriter.writeTemplate(file);

        List<List<String>> optics = rows(file, "Optics");
        assertThat(optics.get(0)).endsWith("max_buy", "breakout", "pairs_with");
        int width = optics.get(0).size();
        assertThat(optics.subList(1, optics.size())).allSatisfy(r -> assertThat(r.subList(width - 2, width))
                .containsExactly("", ""));
        assertThat(InstanceWorkbookReader.read(file).problems()).isEmpty();
    }

    // ---------------------------------------------------------------- plan workbook

    @Test
    void planWithBOpticsHasBOpticIdAfterOpticIdAndPassesTheCheckerWhenReadBack() throws IOException {
        Path file = planWorkbook(twinPlan());

        PlanReadResult read = PlanWorkbookReader.read(file);

        assertThat(read.problems()).isEmpty();
        assertThat(read.plan().links()).isEqualTo(twinPlan().links());
        assertThat(read.plan().links()).extracting(LinkAssignment::bEndOpticId).containsOnly("dr4_400");
        List<List<String>> linkPlan = rows(file, "LinkPlan");
        assertThat(linkPlan.get(0)).containsExactly("link_id", "a_device", "b_device", "count", "gbps", "length_m",
                "optic_id", "b_optic_id", "a_end", "b_end", "power_w", "cost_usd");
        assertThat(linkPlan.get(1).subList(6, 8)).containsExactly("twin_dr4_800", "dr4_400");
        CheckReport report = new PlanChecker(twinInstance()).check(read.plan(), read.stated());
        assertThat(described(report.violations())).isEmpty();
        assertThat(report.notes()).isEmpty(); // both links share one twin module: no port idle
    }

    @Test
    void planWithTheSameOpticAtBothEndsKeepsItsColumns() throws IOException {
        Plan plan = new Plan(twinPlan().devices(), List.of(
                new LinkAssignment("l1", "dr4_400", Packaging.PLUGGABLE, Packaging.PLUGGABLE, 1),
                new LinkAssignment("l2", "dr4_400", Packaging.PLUGGABLE, Packaging.PLUGGABLE, 1)));

        Path file = planWorkbook(plan);

        assertThat(rows(file, "LinkPlan").get(0)).containsExactlyElementsOf(Schema.LINK_PLAN_COLUMNS);
        assertThat(PlanWorkbookReader.read(file).plan().links()).isEqualTo(plan.links());
    }

    @Test
    void handEditedBOpticThatDoesNotPairIsFlaggedAtItsCell() throws IOException {
        Path file = planWorkbook(twinPlan());
        edit(file, "LinkPlan", 3, 7, "sr4_400");

        PlanReadResult read = PlanWorkbookReader.read(file);
        CheckReport report = new PlanChecker(twinInstance()).check(read.plan(), read.stated());

        assertThat(read.problems()).isEmpty();
        assertThat(read.plan().links().get(1).bOpticId()).isEqualTo("sr4_400");
        assertThat(report.violations()).filteredOn(v -> v.kind() == Violation.Kind.PAIRING_NOT_ALLOWED)
                .extracting(Violation::message).containsExactly("twin_dr4_800 at leaf1 may not face sr4_400 at s2: "
                        + "neither names the other in pairs_with (LinkPlan!H3)");
    }

    @Test
    void handEditedUnknownBOpticIsNamedAtItsCell() throws IOException {
        Path file = planWorkbook(twinPlan());
        edit(file, "LinkPlan", 2, 7, "dr4_4OO");

        PlanReadResult read = PlanWorkbookReader.read(file);
        CheckReport report = new PlanChecker(twinInstance()).check(read.plan(), read.stated());

        assertThat(report.violations()).filteredOn(v -> v.kind() == Violation.Kind.UNKNOWN_OPTIC)
                .extracting(Violation::message).containsExactly("unknown optic \"dr4_4OO\" (LinkPlan!H2)");
    }

    /** A planner who adds the column by hand at the end of the sheet: read there, and named there. */
    @Test
    void bOpticIdIsReadWhereverTheColumnStands() throws IOException {
        Plan same = new Plan(twinPlan().devices(), List.of(
                new LinkAssignment("l1", "twin_dr4_800", Packaging.PLUGGABLE, Packaging.PLUGGABLE, 1),
                new LinkAssignment("l2", "twin_dr4_800", Packaging.PLUGGABLE, Packaging.PLUGGABLE, 1)));
        Path file = planWorkbook(same);
        edit(file, "LinkPlan", 1, 11, "b_optic_id");
        edit(file, "LinkPlan", 2, 11, "dr4_400");
        edit(file, "LinkPlan", 3, 11, "sr4_400");

        PlanReadResult read = PlanWorkbookReader.read(file);
        CheckReport report = new PlanChecker(twinInstance()).check(read.plan(), read.stated());

        assertThat(read.problems()).isEmpty();
        assertThat(read.plan().links()).extracting(LinkAssignment::bOpticId).containsExactly("dr4_400", "sr4_400");
        assertThat(report.violations()).filteredOn(v -> v.kind() == Violation.Kind.PAIRING_NOT_ALLOWED)
                .extracting(Violation::message).containsExactly("twin_dr4_800 at leaf1 may not face sr4_400 at s2: "
                        + "neither names the other in pairs_with (LinkPlan!L3)");
    }
}
