package io.fabricplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.Baseline;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveStatistics;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.excel.InstanceWorkbookWriter;
import io.fabricplan.excel.PlanWorkbookWriter;
import io.fabricplan.json.InstanceJson;
import io.fabricplan.json.PlanJson;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `check` of plans with a twin-port module: the checker's notes (a module serving one link, a port idle) are
 * printed after the result line and never fail the check; a b-end module edited by hand that does not pair is a
 * violation at its cell or JSON pointer.
 */
class CheckNotesTest {
    private static final String NOTE = "note: twin_dr4_800 at leaf1: 1 link on 1 unit of 2 ports, 1 port idle "
            + "(the unit is bought and powered whole)";

    @TempDir
    Path dir;

    /**
     * leaf1 (SW51T pluggable, 800G ports) and servers s1 and s2 (one 400G port each) in rack R1, links l1 and l2
     * at 400 Gb/s; the built-in optics and twin_dr4_800 (800 Gb/s, breakout 2, pairs with dr4_400).
     */
    private static Instance twinInstance() {
        List<Optic> optics = new ArrayList<>(DefaultCatalog.optics());
        optics.add(new Optic("twin_dr4_800", OpticKind.TRANSCEIVER, 800, 500, "DR", Media.SMF, 17, 1300, 1.5, false,
                "test").withBreakout(2, List.of("dr4_400")));
        return new Instance(Settings.defaults(), List.of(new Rack("R1", Rack.DEFAULT_SITE, 0, 0, 20, 8, 10)),
                DefaultCatalog.switchModels(),
                List.of(Device.switchOf("leaf1", Role.LEAF, "SW51T", PackagingChoice.PLUGGABLE, "R1"),
                        Device.server("s1", "R1", 1, 400, false), Device.server("s2", "R1", 1, 400, false)),
                List.of(new Link("l1", "leaf1", "s1", 1, 400, null), new Link("l2", "leaf1", "s2", 1, 400, null)),
                optics);
    }

    /** l1 on the twin module at leaf1 facing a dr4_400 at s1, l2 on dr4_400 at both ends: a twin port idle. */
    private static Plan oneLinkOnTheTwin(String l1BOptic) {
        return new Plan(List.of(new DeviceAssignment("leaf1", "sw51-p", "R1"), new DeviceAssignment("s1", null, "R1"),
                new DeviceAssignment("s2", null, "R1")),
                List.of(new LinkAssignment("l1", "twin_dr4_800", Packaging.PLUGGABLE, Packaging.PLUGGABLE, 1,
                                l1BOptic),
                        new LinkAssignment("l2", "dr4_400", Packaging.PLUGGABLE, Packaging.PLUGGABLE, 1)));
    }

    private static PlanResult resultOf(Instance instance, Plan plan) {
        PlanEvaluation e = new PlanEvaluator(instance).evaluate(plan);
        double v = e.objectiveValue();
        return new PlanResult(SolveStatus.OPTIMAL, Objective.TCO, plan, e, v, v, 0.0, new Baseline(plan, e, List.of()),
                new SolveStatistics("test", "none", SolveStatus.OPTIMAL, v, v, 0, 0, 0, 0, 0, 0), List.of());
    }

    private Path[] workbooks(Plan plan) throws IOException {
        Instance instance = twinInstance();
        Path in = dir.resolve("twin.xlsx");
        Path out = dir.resolve("twin-plan.xlsx");
        InstanceWorkbookWriter.write(instance, in);
        PlanWorkbookWriter.write(in, instance, resultOf(instance, plan), "none", out);
        return new Path[] {in, out};
    }

    private Path[] jsons(Plan plan) throws IOException {
        Instance instance = twinInstance();
        Path in = dir.resolve("twin.json");
        Path out = dir.resolve("twin-plan.json");
        InstanceJson.write(instance, in);
        PlanJson.write(instance, resultOf(instance, plan), "none", out);
        return new Path[] {in, out};
    }

    private static List<String> lines(CliRun run) {
        return run.out().lines().toList();
    }

    @Test
    void notesFollowTheLineOfAPassedCheckWhichStillPasses() throws IOException {
        Path[] files = workbooks(oneLinkOnTheTwin("dr4_400"));

        CliRun run = CliRun.of("check", files[0].toString(), files[1].toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(lines(run)).hasSize(2);
        assertThat(lines(run).get(0)).startsWith("check passed: 2 link rows, capex ");
        assertThat(lines(run).get(1)).isEqualTo(NOTE);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aPlanJsonGetsTheSameNotes() throws IOException {
        Path[] files = jsons(oneLinkOnTheTwin("dr4_400"));

        CliRun run = CliRun.of("check", files[0].toString(), files[1].toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(lines(run)).endsWith(NOTE).hasSize(2);
    }

    @Test
    void aPlanWithoutIdlePortsHasNoNotes() throws IOException {
        Plan bothOnTheTwin = new Plan(oneLinkOnTheTwin("dr4_400").devices(), List.of(
                new LinkAssignment("l1", "twin_dr4_800", Packaging.PLUGGABLE, Packaging.PLUGGABLE, 1, "dr4_400"),
                new LinkAssignment("l2", "twin_dr4_800", Packaging.PLUGGABLE, Packaging.PLUGGABLE, 1, "dr4_400")));
        Path[] files = workbooks(bothOnTheTwin);

        CliRun run = CliRun.of("check", files[0].toString(), files[1].toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).doesNotContain("note:");
    }

    @Test
    void aBOpticEditedByHandThatDoesNotPairIsAViolationAtItsCellAndTheNotesFollow() throws IOException {
        Path[] files = workbooks(oneLinkOnTheTwin("dr4_400"));
        WorkbookEdits.edit(files[1], WorkbookEdits.set("LinkPlan!H2", "sr4_400"));

        CliRun run = CliRun.of("check", files[0].toString(), files[1].toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(5);
        assertThat(lines(run).get(0)).matches("check found \\d+ violations?:");
        assertThat(lines(run)).contains("  PAIRING_NOT_ALLOWED l1: twin_dr4_800 at leaf1 may not face sr4_400 at s1: "
                + "neither names the other in pairs_with (LinkPlan!H2)");
        assertThat(lines(run)).last().isEqualTo(NOTE);
    }

    /** convert takes the plan workbook to instance and plan JSON with every breakout, pairing and b-end module. */
    @Test
    void convertCarriesBreakoutPairsAndBOpticsToJsonWhichChecksTheSame() throws IOException {
        Path[] files = workbooks(oneLinkOnTheTwin("dr4_400"));
        Path instanceJson = dir.resolve("converted.json");
        Path planJson = dir.resolve("converted-plan.json");

        CliRun converted = CliRun.of("convert", files[1].toString(), instanceJson.toString(), "--plan",
                planJson.toString());
        CliRun run = CliRun.of("check", instanceJson.toString(), planJson.toString());

        assertThat(converted.exitCode()).as(converted.toString()).isZero();
        assertThat(InstanceJson.read(instanceJson).instance()).isEqualTo(twinInstance());
        assertThat(Files.readString(planJson)).contains("\"optic_id\": \"twin_dr4_800\", \"b_optic_id\": "
                + "\"dr4_400\"");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(lines(run)).endsWith(NOTE);
    }

    @Test
    void aBOpticEditedByHandInThePlanJsonIsNamedByItsPointer() throws IOException {
        Path[] files = jsons(oneLinkOnTheTwin("dr4_400"));
        Files.writeString(files[1], Files.readString(files[1]).replace("\"b_optic_id\": \"dr4_400\"",
                "\"b_optic_id\": \"sr4_400\""));

        CliRun run = CliRun.of("check", files[0].toString(), files[1].toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(5);
        assertThat(lines(run)).contains("  PAIRING_NOT_ALLOWED l1: twin_dr4_800 at leaf1 may not face sr4_400 at s1: "
                + "neither names the other in pairs_with (/links/0/b_optic_id)");
    }
}
