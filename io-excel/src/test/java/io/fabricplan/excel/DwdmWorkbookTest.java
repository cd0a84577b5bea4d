package io.fabricplan.excel;

import static io.fabricplan.excel.TestWorkbook.row;
import static io.fabricplan.model.Packaging.PLUGGABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveStatistics;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.excel.InstanceWorkbookReader.ReadResult;
import io.fabricplan.excel.PlanWorkbookReader.PlanReadResult;
import io.fabricplan.model.AmplifierPlacement;
import io.fabricplan.model.CoherentSpec;
import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.Device;
import io.fabricplan.model.DeviceAssignment;
import io.fabricplan.model.DwdmPlan;
import io.fabricplan.model.GreyRoute;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Lightpath;
import io.fabricplan.model.Link;
import io.fabricplan.model.LinkAssignment;
import io.fabricplan.model.MuxPlacement;
import io.fabricplan.model.Objective;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Plan;
import io.fabricplan.model.PlanEvaluation;
import io.fabricplan.model.PlanEvaluator;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Role;
import io.fabricplan.model.Settings;
import io.fabricplan.model.Site;
import io.fabricplan.model.Span;
import io.fabricplan.model.SpanHop;
import io.fabricplan.model.WdmEquipment;
import io.fabricplan.validate.InputProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The DWDM sheets in and out of workbooks, over both row sources.
 *
 * <pre>
 *            A (swA)                 spans of 2 fiber pairs; s-ab 2 km, s-bc 3 km, s-ca 4 km
 *   s-ca    /   \   s-ab            LAB swA-swB 2 x 800G: zr800 lightpaths on s-ab#0, channels 0 and 1
 *          C --- B                  LBC swB-swC 1 x 800G: grey lr4x2_800 on s-bc#1
 *           s-bc                    awg32-150 at A and B for s-ab#0, one edfa-high on it
 * </pre>
 */
class DwdmWorkbookTest {
    @TempDir
    Path dir;

    /** The ring, with custom settings and a hand-made coherent optic so every new field differs from defaults. */
    static Instance ring() {
        List<Rack> racks = List.of(new Rack("RA", "A", 0, 0, 10, 0, 10), new Rack("RB", "B", 0, 0, 10, 0, 10),
                new Rack("RC", "C", 0, 0, 10, 0, 10));
        List<Device> devices = List.of(
                Device.switchOf("swA", Role.SPINE, "SW51T", PackagingChoice.PLUGGABLE, "RA"),
                Device.switchOf("swB", Role.SPINE, "SW51T", PackagingChoice.PLUGGABLE, "RB"),
                Device.switchOf("swC", Role.SPINE, "SW51T", PackagingChoice.PLUGGABLE, "RC"));
        List<Link> links = List.of(new Link("LAB", "swA", "swB", 2, 800, null),
                new Link("LBC", "swB", "swC", 1, 800, null));
        List<io.fabricplan.model.Optic> optics = new java.util.ArrayList<>(DefaultCatalog.dwdmOptics());
        optics.add(new io.fabricplan.model.Optic("zr800-hp", io.fabricplan.model.OpticKind.COHERENT, 800, 120_000,
                "ZR", io.fabricplan.model.Media.SMF, 28, 8000, 0, false, "test",
                new CoherentSpec(118, 150, 26.5, -8, 12.5)));
        return new Instance(Settings.defaults().withDwdm(1.5, 191.35, 30), racks, DefaultCatalog.switchModels(),
                devices, links, optics).withDwdm(
                List.of(new Site("A", "Building A"), new Site("B", null), new Site("C", "Hall C")),
                List.of(new Span("s-ab", "A", "B", 2, 2), new Span("s-bc", "B", "C", 3, 0.22, 1.5, 4),
                        new Span("s-ca", "C", "A", 4, 2)),
                DefaultCatalog.wdmEquipment());
    }

    static Plan ringPlan() {
        DwdmPlan dwdm = new DwdmPlan(
                List.of(new Lightpath("LAB", 0, "zr800", List.of(new SpanHop("s-ab", 0)), 0),
                        new Lightpath("LAB", 1, "zr800", List.of(new SpanHop("s-ab", 0)), 1)),
                List.of(new GreyRoute("LBC", 0, "lr4x2_800", List.of(new SpanHop("s-bc", 1)))),
                List.of(new AmplifierPlacement("s-ab", 0, "edfa-high", 1)),
                List.of(new MuxPlacement("A", "s-ab", 0, "awg32-150"), new MuxPlacement("B", "s-ab", 0, "awg32-150")));
        return new Plan(List.of(new DeviceAssignment("swA", "sw51-p", "RA"),
                new DeviceAssignment("swB", "sw51-p", "RB"), new DeviceAssignment("swC", "sw51-p", "RC")),
                List.of(new LinkAssignment("LAB", "zr800", PLUGGABLE, PLUGGABLE, 2),
                        new LinkAssignment("LBC", "lr4x2_800", PLUGGABLE, PLUGGABLE, 1)), null, dwdm);
    }

    private static PlanResult resultOf(Instance instance, Plan plan) {
        PlanEvaluation e = new PlanEvaluator(instance).evaluate(plan);
        double v = e.objectiveValue();
        return new PlanResult(SolveStatus.OPTIMAL, Objective.TCO, plan, e, v, v, 0.0, null,
                new SolveStatistics("test", "none", SolveStatus.OPTIMAL, v, v, 0, 0, 0, 0, 0, 0), List.of());
    }

    @ParameterizedTest
    @EnumSource(value = RowSources.Mode.class, names = {"DOM", "STREAMING"})
    void sitesSpansEquipmentCoherentDataAndSettingsReadBackEqual(RowSources.Mode mode) throws IOException {
        Instance ring = ring();
        Path file = dir.resolve("ring.xlsx");
        InstanceWorkbookWriter.write(ring, file);

        ReadResult read = InstanceWorkbookReader.read(file, mode);

        assertThat(read.problems()).isEmpty();
        assertThat(read.instance()).isEqualTo(ring);
        assertThat(read.instance().spans().get(1).lossDb()).isCloseTo(3 * 0.22 + 1.5, within(1e-12));
        assertThat(read.instance().settings().maxChannels()).isEqualTo(30);
    }

    @Test
    void templateCarriesTheReferenceWdmEquipmentAndCoherentData() throws IOException {
        Path file = dir.resolve("template.xlsx");
        InstanceWorkbookWriter.writeTemplate(file);

        Instance template = InstanceWorkbookReader.read(file).instance();

        assertThat(template.wdmEquipment()).isEqualTo(DefaultCatalog.wdmEquipment());
        WdmEquipment awg = template.wdmEquipment().get(0);
        assertThat(awg.insertionLossDb()).isEqualTo(6.0);
        assertThat(awg.source()).contains("reference README 4");
        assertThat(template.optics()).filteredOn(o -> o.id().equals("zr400")).singleElement()
                .satisfies(o -> assertThat(o.coherent()).isEqualTo(new CoherentSpec(60, 75, 24, -10, 11)));
    }

    @ParameterizedTest
    @EnumSource(value = RowSources.Mode.class, names = {"DOM", "STREAMING"})
    void dwdmPlanReadsBackFromItsSheetsAndPassesTheChecker(RowSources.Mode mode) throws IOException {
        Instance ring = ring();
        Plan plan = ringPlan();
        Path out = dir.resolve("plan.xlsx");
        PlanWorkbookWriter.write(null, ring, resultOf(ring, plan), "none", out);

        PlanReadResult read = PlanWorkbookReader.read(out, mode);

        assertThat(read.problems()).isEmpty();
        assertThat(read.plan().dwdm()).isEqualTo(plan.dwdm());
        assertThat(new PlanChecker(ring).check(read.plan()).violations()).isEmpty();
        assertThat(new PlanChecker(ring).check(read.plan(), read.stated()).violations()).isEmpty();
        assertThat(read.stated().lightpaths().rows()).hasSize(plan.dwdm().lightpaths().size());
        assertThat(read.stated().spans().rows()).hasSize(ring.spans().size());
    }

    /**
     * LAB over s-ab: MUX 6 + 2 x 0.25 + 1 = 7.5 dB to the EDFA (NF 7): 58 - 10 - 7.5 - 7 = 33.5 dB; zr800 needs
     * 27 + margin 1.5. Channel 1 of the 150 GHz grid from 191.35 THz: 191.5 THz.
     */
    @Test
    void resultSheetsShowLightpathsSpansAndEquipmentInTheBom() throws IOException {
        Instance ring = ring();
        Path out = dir.resolve("plan.xlsx");
        PlanWorkbookWriter.write(null, ring, resultOf(ring, ringPlan()), "none", out);

        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet lp = wb.getSheet("DwdmLightpaths");
            assertThat(lp.getRow(2).getCell(2).getStringCellValue()).isEqualTo("s-ab#0");
            assertThat(lp.getRow(2).getCell(4).getNumericCellValue()).isCloseTo(191.5, within(1e-9));
            assertThat(lp.getRow(2).getCell(6).getNumericCellValue()).isCloseTo(33.5, within(1e-9));
            assertThat(lp.getRow(2).getCell(7).getNumericCellValue()).isCloseTo(5.0, within(1e-9));
            Sheet spans = wb.getSheet("DwdmSpans");
            // s-ab: 1 pair used, 1 DWDM, 2 channels, 1 amplifier
            assertThat(List.of(1, 2, 3, 4)).allSatisfy(c -> assertThat(spans.getRow(1).getCell(c)
                    .getNumericCellValue()).isEqualTo(c == 3 ? 2.0 : 1.0));
            assertThat(wb.getSheet("DwdmGreyRoutes").getRow(1).getCell(4).getNumericCellValue()).isEqualTo(3000.0);
            assertThat(wb.getSheet("DwdmPlacements").getLastRowNum()).isEqualTo(3);
            Sheet bom = wb.getSheet("BOM");
            boolean found = false;
            for (int r = 1; r <= bom.getLastRowNum(); r++) {
                if (bom.getRow(r).getCell(0).getStringCellValue().equals("awg32-150")) {
                    assertThat(bom.getRow(r).getCell(1).getStringCellValue()).isEqualTo("MUX");
                    assertThat(bom.getRow(r).getCell(2).getNumericCellValue()).isEqualTo(2.0);
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
    }

    @Test
    void handEditedRouteThatDoesNotParseIsReportedAtItsCell() throws IOException {
        Instance ring = ring();
        Path out = dir.resolve("plan.xlsx");
        PlanWorkbookWriter.write(null, ring, resultOf(ring, ringPlan()), "none", out);
        Path edited = dir.resolve("edited.xlsx");
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in);
             java.io.OutputStream os = Files.newOutputStream(edited)) {
            wb.getSheet("DwdmLightpaths").getRow(1).getCell(2).setCellValue("s-ab#x");
            wb.write(os);
        }

        PlanReadResult read = PlanWorkbookReader.read(edited);

        assertThat(read.problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("DwdmLightpaths!C2");
            assertThat(p.message()).contains("fiber pair of \"s-ab#x\" is not a whole number");
        });
    }

    /**
     * Sites A, B, C (and B again, row 5); racks R3 in A and R4 in C with servers sa, sc joined by l3 (Links row 4);
     * Spans: s1 A-B, s2 B-A, s3 bldg9-C (row 4), s1 again with -1 km and 0 fiber pairs (row 5); an Optics sheet
     * whose zr800 (row 3) has no required_osnr_db (column K); a MUX of 0 channels.
     */
    @ParameterizedTest
    @EnumSource(value = RowSources.Mode.class, names = {"DOM", "STREAMING"})
    void badDwdmInputIsReportedAtItsCells(RowSources.Mode mode) throws IOException {
        Path file = TestWorkbook.valid()
                .add("Racks", "R3", "A", 0, 0, 10, 0, 4)
                .add("Racks", "R4", "C", 0, 0, 10, 0, 4)
                .add("Devices", "sa", "SERVER", null, null, "R3", 1, 800, "NO")
                .add("Devices", "sc", "SERVER", null, null, "R4", 1, 800, "NO")
                .add("Links", "l3", "sa", "sc", 1, 800, null)
                .sheet("Sites", row("site_id", "name"), row("A", null), row("B", null), row("C", null), row("B", "x"))
                .sheet("Spans", row("span_id", "a_site", "b_site", "length_km", "loss_db_per_km", "connector_loss_db",
                                "fiber_pairs"),
                        row("s1", "A", "B", 2, 0.25, 1, 2),
                        row("s2", "B", "A", 2, null, null, 2),
                        row("s3", "bldg9", "C", 3, null, null, 2),
                        row("s1", "A", "B", -1, null, null, 0))
                .sheet("Optics", row("optic_id", "kind", "gbps", "reach_m", "pmd", "media", "power_w", "cost_usd",
                                "fiber_usd_per_m", "lpo", "required_osnr_db", "spacing_ghz"),
                        row("aoc800", "AOC", 800, 100, null, "MMF", 26, 1100, 0, "NO", null, null),
                        row("zr800", "COHERENT", 800, 120000, "ZR", "SMF", 26, 7000, 0.5, "NO", null, 150))
                .sheet("WdmEquipment", row("item_id", "kind", "channels", "spacing_ghz", "insertion_loss_db", "gain_db",
                                "noise_figure_db", "power_w", "cost_usd", "source"),
                        row("bad", "MUX", 0, 100, 6, null, null, 0, 4000, null))
                .write(dir.resolve("bad.xlsx"));

        ReadResult read = InstanceWorkbookReader.read(file, mode);

        assertThat(read.problems()).extracting(InputProblem::describe).anySatisfy(d -> assertThat(d)
                .startsWith("Spans!B4: unknown site \"bldg9\"").contains("Maybe add it to the Sites sheet"));
        assertThat(read.problems()).extracting(p -> p.where() + ": " + p.message()).contains(
                "Sites!A5: duplicate site_id \"B\", first at Sites!A3",
                "Spans!A5: duplicate span_id \"s1\", first at Spans!A2",
                "Spans!D5: length_km must be 0 or more, got -1",
                "Spans!G5: fiber_pairs must be 1 or more, got 0",
                "Optics!K3: coherent optic \"zr800\" has no required_osnr_db",
                "Links!A4: no route from site \"A\" to site \"C\" over the Spans sheet",
                "WdmEquipment!C2: MUX \"bad\" needs 1 or more channels, got 0");
        assertThat(read.problems()).filteredOn(p -> p.where().equals("Links!A4")).singleElement()
                .satisfies(p -> assertThat(p.hint()).contains("add a span"));
        assertThat(read.problems()).filteredOn(p -> p.where().equals("Optics!K3")).singleElement()
                .satisfies(p -> assertThat(p.hint()).contains("24 dB for 400ZR"));
    }

    @Test
    void withoutSpansALinkBetweenSitesStillNeedsItsLength() throws IOException {
        Path file = TestWorkbook.valid()
                .add("Racks", "R3", "A", 0, 0, 10, 0, 4)
                .add("Devices", "sa", "SERVER", null, null, "R3", 1, 800, "NO")
                .add("Links", "l3", "leaf1", "sa", 1, 800, null)
                .write(dir.resolve("nospans.xlsx"));

        ReadResult read = InstanceWorkbookReader.read(file);

        assertThat(read.problems()).extracting(p -> p.where() + ": " + p.message())
                .containsExactly("Links!F4: link \"l3\" joins site \"main\" to site \"A\" and has no length_m");
    }
}
