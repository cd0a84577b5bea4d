package io.fabricplan.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.Baseline;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveStatistics;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.check.CheckReport;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.check.Violation;
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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Twin-port modules and pairings in the JSON documents: an optic's breakout and pairs_with, a link assignment's
 * b_optic_id (the b end's module) in the plan and in a job's result; each left out where it is at its default,
 * and bad values named at their JSON pointers.
 */
class BreakoutJsonTest {
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

    private static PlanResult resultOf(Plan plan) {
        PlanEvaluation e = new PlanEvaluator(twinInstance()).evaluate(plan);
        double v = e.objectiveValue();
        return new PlanResult(SolveStatus.OPTIMAL, Objective.TCO, plan, e, v, v, 0.0, new Baseline(plan, e, List.of()),
                new SolveStatistics("test", "none", SolveStatus.OPTIMAL, v, v, 0, 0, 0, 0.25, 0, 0), List.of());
    }

    private static String planJson(Plan plan) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlanJson.write(twinInstance(), resultOf(plan), "CP-SAT", out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static PlanJson.ReadResult readPlan(String json) {
        return PlanJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), JsonLimits.DEFAULTS);
    }

    // ---------------------------------------------------------------- instance

    @Test
    void breakoutAndPairsWithReadBackEqualAndAreLeftOutAtTheirDefaults() {
        Instance instance = twinInstance();
        String json = InstanceJson.toJson(instance);

        InstanceJson.ReadResult read = InstanceJsonV2FieldsTest.read(json);

        assertThat(read.problems()).isEmpty();
        assertThat(read.instance()).isEqualTo(instance);
        assertThat(InstanceJson.toJson(read.instance())).isEqualTo(json);
        assertThat(json).contains("\"source\": \"test\", \"breakout\": 2, \"pairs_with\": [\"dr4_400\"]}");
        assertThat(json.split("\"breakout\"", -1)).as("one optic has a breakout").hasSize(2);
        assertThat(json.split("\"pairs_with\"", -1)).as("one optic pairs").hasSize(2);
    }

    @Test
    void pairsWithMayBeOneStringAsInTheWorkbookAndBreakoutDefaultsTo1() {
        String json = InstanceJson.toJson(twinInstance())
                .replace("\"pairs_with\": [\"dr4_400\"]", "\"pairs_with\": \"dr4_400; fr4_400\"");

        InstanceJson.ReadResult read = InstanceJsonV2FieldsTest.read(json);

        assertThat(read.problems()).isEmpty();
        Optic twin = read.instance().optics().stream().filter(o -> o.id().equals("twin_dr4_800")).findFirst()
                .orElseThrow();
        assertThat(twin.breakout()).isEqualTo(2);
        assertThat(twin.pairsWith()).containsExactly("dr4_400", "fr4_400");
        // an optic without the field serves one link per unit
        assertThat(read.instance().optics().stream().filter(o -> o.id().equals("dr4_400")).findFirst()
                .orElseThrow().breakout()).isEqualTo(1);
    }

    @Test
    void badBreakoutAndPairsWithAreNamedAtTheirPointers() {
        String json = InstanceJson.toJson(twinInstance());
        int twin = twinInstance().optics().size() - 1;
        String bad = json.replace("\"breakout\": 2, \"pairs_with\": [\"dr4_400\"]",
                        "\"breakout\": 0, \"pairs_with\": [\"dr4_400\", 7]")
                .replace("\"optic_id\": \"dr4_400\", \"kind\": \"TRANSCEIVER\",",
                        "\"optic_id\": \"dr4_400\", \"breakout\": 1.5, \"kind\": \"TRANSCEIVER\",");
        int dr4 = indexOf(twinInstance(), "dr4_400");

        InstanceJson.ReadResult read = InstanceJsonV2FieldsTest.read(bad);

        assertThat(InstanceJsonV2FieldsTest.described(read)).containsExactlyInAnyOrder(
                "/optics/" + twin + "/breakout: must be 1 or more, got 0 | Maybe give the links one unit serves: 2 "
                        + "for a twin-port module or a cable that breaks out into 2, or leave breakout out for 1.",
                "/optics/" + twin + "/pairs_with/1: must be a string, got 7 | Maybe write every item in quotes, "
                        + "e.g. \"pairs_with\": [\"dr4_400\"].",
                "/optics/" + dr4 + "/breakout: must be a whole number, got 1.5 | Maybe give breakout as a whole "
                        + "number from -2,147,483,648 to 2,147,483,647, e.g. \"breakout\": 2.");
    }

    private static int indexOf(Instance instance, String opticId) {
        List<String> ids = instance.optics().stream().map(Optic::id).toList();
        return ids.indexOf(opticId);
    }

    // ---------------------------------------------------------------- plan

    @Test
    void aPlanWithBOpticsReadsBackAndPassesTheChecker() throws IOException {
        String json = planJson(twinPlan());

        PlanJson.ReadResult read = readPlan(json);

        assertThat(read.problems()).isEmpty();
        assertThat(read.plan().withReported(null)).isEqualTo(twinPlan());
        assertThat(json).contains("\"optic_id\": \"twin_dr4_800\", \"b_optic_id\": \"dr4_400\", \"a_end\": "
                + "\"PLUGGABLE\"");
        CheckReport report = new PlanChecker(twinInstance()).check(read.plan(), read.stated());
        assertThat(report.violations()).isEmpty();
        assertThat(report.notes()).isEmpty();
    }

    @Test
    void aPlanWithoutBOpticsHasNoSuchField() throws IOException {
        Plan plan = new Plan(twinPlan().devices(), List.of(
                new LinkAssignment("l1", "dr4_400", Packaging.PLUGGABLE, Packaging.PLUGGABLE, 1),
                new LinkAssignment("l2", "dr4_400", Packaging.PLUGGABLE, Packaging.PLUGGABLE, 1)));

        String json = planJson(plan);

        assertThat(json).doesNotContain("b_optic_id");
        assertThat(readPlan(json).plan().withReported(null)).isEqualTo(plan);
    }

    @Test
    void aHandEditedBOpticThatDoesNotPairIsFlaggedAtItsPointer() throws IOException {
        String json = planJson(twinPlan());
        int second = json.indexOf("\"b_optic_id\": \"dr4_400\"", json.indexOf("\"link_id\": \"l2\""));
        String edited = json.substring(0, second) + "\"b_optic_id\": \"sr4_400\""
                + json.substring(second + "\"b_optic_id\": \"dr4_400\"".length());

        PlanJson.ReadResult read = readPlan(edited);
        CheckReport report = new PlanChecker(twinInstance()).check(read.plan(), read.stated());

        assertThat(read.problems()).isEmpty();
        assertThat(report.violations()).filteredOn(v -> v.kind() == Violation.Kind.PAIRING_NOT_ALLOWED)
                .extracting(Violation::message).containsExactly("twin_dr4_800 at leaf1 may not face sr4_400 at s2: "
                        + "neither names the other in pairs_with (/links/1/b_optic_id)");
    }

    /**
     * A plan read with its stated figures and written again from them (as convert does): the b optics stay. Its BOM
     * states no reused or bought units (the instance has no stock), which this writer once failed on.
     */
    @Test
    void aPlanWrittenFromItsStatedFiguresKeepsItsBOptics() throws IOException {
        PlanJson.ReadResult read = readPlan(planJson(twinPlan()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        PlanJson.write(read.plan(), read.stated(), out);

        String again = out.toString(StandardCharsets.UTF_8);
        assertThat(again).contains("\"b_optic_id\": \"dr4_400\"");
        assertThat(readPlan(again).plan()).isEqualTo(read.plan());
    }

    @Test
    void aJobResultKeepsItsBOptics() {
        PlanResult result = resultOf(twinPlan());

        PlanResult again = JobJson.readResult(JobJson.writeResult(result));

        assertThat(again.plan()).isEqualTo(twinPlan());
        assertThat(new String(JobJson.writeResult(resultOf(new Plan(twinPlan().devices(), List.of(
                new LinkAssignment("l1", "dr4_400", Packaging.PLUGGABLE, Packaging.PLUGGABLE, 2))))),
                StandardCharsets.UTF_8)).doesNotContain("b_optic_id");
    }
}
