package io.fabricplan.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.Baseline;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveStatistics;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.check.CheckReport;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.check.Violation;
import io.fabricplan.instances.Examples;
import io.fabricplan.model.DeviceAssignment;
import io.fabricplan.model.Instance;
import io.fabricplan.model.LinkAssignment;
import io.fabricplan.model.Objective;
import io.fabricplan.model.Packaging;
import io.fabricplan.model.Plan;
import io.fabricplan.model.PlanEvaluation;
import io.fabricplan.model.PlanEvaluator;
import io.fabricplan.model.StockItem;
import io.fabricplan.validate.InputProblem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plan written as JSON reads back as the same decisions with the figures it states, checked as a workbook's. */
class PlanJsonTest {
    @TempDir
    Path dir;

    private final Instance tiny = Examples.tiny();

    /** tiny's optimum as README works it out: both switches pluggable, AECs to the servers, AOCs to the spine. */
    static Plan tinyOptimum() {
        return new Plan(List.of(new DeviceAssignment("leaf1", "sw51-p", "R1"),
                new DeviceAssignment("spine1", "sw51-p", "R3"), new DeviceAssignment("s1", null, "R2"),
                new DeviceAssignment("s2", null, "R2")),
                List.of(new LinkAssignment("s1-leaf1", "aec800", Packaging.PLUGGABLE, Packaging.PLUGGABLE, 1),
                        new LinkAssignment("s2-leaf1", "aec800", Packaging.PLUGGABLE, Packaging.PLUGGABLE, 1),
                        new LinkAssignment("leaf1-spine1", "aoc800", Packaging.PLUGGABLE, Packaging.PLUGGABLE, 2)));
    }

    private PlanResult resultOf(Plan plan) {
        PlanEvaluation e = new PlanEvaluator(tiny).evaluate(plan);
        double v = e.objectiveValue();
        return new PlanResult(SolveStatus.OPTIMAL, Objective.TCO, plan, e, v, v, 0.0, new Baseline(plan, e, List.of()),
                new SolveStatistics("test", "none", SolveStatus.OPTIMAL, v, v, 0, 0, 0, 0.25, 0, 0), List.of());
    }

    private String json(PlanResult result) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlanJson.write(tiny, result, "CP-SAT", out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static PlanJson.ReadResult read(String json) {
        return PlanJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), JsonLimits.DEFAULTS);
    }

    @Test
    void aPlanReadsBackAsItsDecisionsAndPassesTheCheckerWithEveryFigure() throws IOException {
        Plan plan = tinyOptimum();
        Path out = dir.resolve("plan.json");
        PlanJson.write(tiny, resultOf(plan), "CP-SAT", out);

        PlanJson.ReadResult read = PlanJson.read(out);

        assertThat(read.problems()).isEmpty();
        assertThat(read.plan().devices()).isEqualTo(plan.devices());
        assertThat(read.plan().links()).isEqualTo(plan.links());
        assertThat(read.plan().dwdm()).isEqualTo(plan.dwdm());
        assertThat(read.plan().reported().tcoUsd()).isEqualTo(resultOf(plan).evaluation().tcoUsd());
        assertThat(read.plan().withReported(null)).isEqualTo(plan);
        CheckReport report = new PlanChecker(tiny).check(read.plan(), read.stated());
        assertThat(report.violations()).isEmpty();
        assertThat(read.stated().links().rows()).hasSize(3);
        assertThat(read.stated().racks().rows()).hasSize(3);
        assertThat(read.stated().bom().rows()).isNotEmpty();
    }

    @Test
    void theTopLevelHoldsTheSummaryAndEachSheetIsAnArray() throws IOException {
        String json = json(resultOf(tinyOptimum()));

        assertThat(json).startsWith("{\n  \"format\": \"fabricplan-plan\",\n  \"version\": 1,\n  \"status\": "
                + "\"OPTIMAL\",\n  \"objective\": \"TCO\",\n  \"objective_value\": 138928.248,\n")
                .contains("\n  \"capex_usd\": 123600,\n  \"power_w\": 2692,\n")
                .contains("\n  \"solver\": \"CP-SAT\",\n", "\n  \"greedy_feasible\": true,\n",
                        "\n  \"diagnostics\": [],\n")
                .contains("\n    {\"link_id\": \"leaf1-spine1\", \"a_device\": \"leaf1\", \"b_device\": \"spine1\", "
                        + "\"count\": 2, \"gbps\": 800, \"length_m\": 30, \"optic_id\": \"aoc800\", \"a_end\": "
                        + "\"PLUGGABLE\", \"b_end\": \"PLUGGABLE\", \"power_w\": 52, \"cost_usd\": 2200}\n")
                .contains("\n    {\"device_id\": \"s1\", \"model_id\": null, \"packaging\": \"PLUGGABLE\", "
                        + "\"rack_id\": \"R2\", \"ports_used\": 1, \"ports\": 1, \"power_w\": 0, \"cost_usd\": 0},\n")
                .doesNotContain("dwdm_");
    }

    @Test
    void aFigureEditedByHandIsAViolationAtItsPointer() throws IOException {
        String json = json(resultOf(tinyOptimum())).replace("\"power_w\": 52,", "\"power_w\": 999,")
                .replace("\"tco_usd\": 138928.248", "\"tco_usd\": \"lots\"");

        PlanJson.ReadResult read = read(json);

        assertThat(read.problems()).isEmpty();
        List<Violation> violations = new PlanChecker(tiny).check(read.plan(), read.stated()).violations();
        assertThat(violations).extracting(Violation::subject).containsExactlyInAnyOrder("/tco_usd",
                "/links/2/power_w");
        assertThat(violations).extracting(Violation::toString).anyMatch(v -> v.contains("/links/2/power_w")
                && v.contains("999"));
    }

    @Test
    void aDecisionOfTheWrongTypeIsAProblemAndItsRecordIsLeftOut() throws IOException {
        String json = json(resultOf(tinyOptimum())).replace("\"count\": 2,", "\"count\": \"two\",")
                .replace("\"optic_id\": \"aec800\", \"a_end\": \"PLUGGABLE\"", "\"optic_id\": \"aec800\", \"a_end\": "
                        + "\"pluggable\"");

        PlanJson.ReadResult read = read(json);

        assertThat(read.problems()).extracting(p -> p.where() + ": " + p.message()).containsExactly(
                "/links/0/a_end: must be one of PLUGGABLE, CPO, got \"pluggable\"",
                "/links/1/a_end: must be one of PLUGGABLE, CPO, got \"pluggable\"",
                "/links/2/count: must be a whole number, got \"two\"");
        assertThat(read.plan().links()).isEmpty();
        assertThat(read.problems()).extracting(InputProblem::hint).first().asString().startsWith("\"PLUGGABLE\"");
    }

    @Test
    void withoutAPlanTheStatusAndDiagnosticsAreStated() throws IOException {
        PlanResult none = new PlanResult(SolveStatus.INFEASIBLE, Objective.TCO, null, null, Double.NaN, Double.NaN,
                Double.NaN, null, new SolveStatistics("test", "none", SolveStatus.INFEASIBLE, Double.NaN, Double.NaN,
                Double.NaN, 0, 0, 0, 0, 0), List.of("rack R1 needs 3 kW more"));
        String json = json(none);

        PlanJson.ReadResult read = read(json);

        assertThat(json).contains("\"objective_value\": null,", "\"greedy_feasible\": null,",
                "\"diagnostics\": [\n    \"rack R1 needs 3 kW more\"\n  ],", "\"links\": [],");
        assertThat(read.problems()).isEmpty();
        assertThat(read.plan().links()).isEmpty();
        assertThat(read.stated().summary().rows()).extracting(r -> r.key() + "=" + r.text()).contains(
                "status=INFEASIBLE", "diagnostic=rack R1 needs 3 kW more");
        assertThat(read.stated().summary().locate(read.stated().summary().rows().size() - 1, "value"))
                .isEqualTo("/diagnostics/0");
    }

    @Test
    void anInstanceGivenAsAPlanIsRefusedWithThatOneProblem() {
        PlanJson.ReadResult read = read(InstanceJson.toJson(tiny));

        assertThat(read.plan()).isNull();
        assertThat(read.problems()).extracting(InputProblem::describe).containsExactly("/format: must be "
                + "\"fabricplan-plan\", got \"fabricplan-instance\"" + System.lineSeparator() + "  Maybe this is an "
                + "instance; give the plan that fabricplan solve -o PLAN.json wrote for it.");
    }

    @Test
    void aPlanWithoutItsArraysOrWithABadRouteIsAProblem() {
        PlanJson.ReadResult read = read("{\"format\": \"fabricplan-plan\", \"version\": 1, \"dwdm_grey_routes\": "
                + "[{\"link_id\": \"l\", \"cable\": 0, \"route\": \"s#x\", \"optic_id\": \"o\"}], "
                + "\"dwdm_placements\": [{\"item_id\": \"m\", \"kind\": \"MUX\", \"span_id\": \"s\", \"fiber_pair\": 0}]}");

        assertThat(read.problems()).extracting(p -> p.where() + ": " + p.message()).containsExactly(
                "/dwdm_grey_routes/0/route: must read like s1#0>s2#1 (span#fiber_pair from the link's a-site), got "
                        + "\"s#x\": fiber pair of \"s#x\" is not a whole number",
                "/dwdm_placements/0/site_id: is missing",
                "/links: is missing",
                "/devices: is missing");
    }

    /** tiny with one AEC in stock: the plan's BOM says how many it reuses and buys. */
    @Test
    void withSupplyRulesTheBomStatesReusedAndBoughtAndReadsBackPassingTheChecker() throws IOException {
        Instance stocked = stocked();
        String json = stockedPlanJson(stocked);

        PlanJson.ReadResult read = read(json);

        assertThat(json).contains("{\"item_id\": \"aec800\", \"kind\": \"AEC\", \"quantity\": 2, "
                + "\"unit_cost_usd\": 700, \"total_cost_usd\": 700, \"reused\": 1, \"bought\": 1}");
        assertThat(read.problems()).isEmpty();
        assertThat(read.stated().bom().missingColumns()).isEmpty();
        assertThat(new PlanChecker(stocked).check(read.plan(), read.stated()).violations()).isEmpty();
    }

    /** tiny with one aec800 in stock. */
    private Instance stocked() {
        return tiny.withInventory(List.of(new StockItem("aec800", 1, "")));
    }

    /** The plan JSON of tiny's optimum under the stocked instance. */
    private static String stockedPlanJson(Instance stocked) throws IOException {
        Plan plan = tinyOptimum();
        PlanEvaluation e = new PlanEvaluator(stocked).evaluate(plan);
        PlanResult result = new PlanResult(SolveStatus.FEASIBLE, Objective.TCO, plan, e, e.objectiveValue(),
                Double.NaN, Double.NaN, null, null, List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlanJson.write(stocked, result, "CP-SAT", out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A BOM's reused edited by hand in the plan JSON is named at its pointer. */
    @Test
    void handEditedReusedIsNamedAtItsPointer() throws IOException {
        Instance stocked = stocked();
        String json = stockedPlanJson(stocked);
        String edited = json.replace("\"reused\": 1, \"bought\": 1}", "\"reused\": 2, \"bought\": 1}");

        PlanJson.ReadResult read = read(edited);

        assertThat(edited).isNotEqualTo(json);
        assertThat(new PlanChecker(stocked).check(read.plan(), read.stated()).violations())
                .anySatisfy(v -> assertThat(v.subject()).endsWith("/reused"));
    }

    /** A v1 instance's plan is written as before v2, and read back its BOM misses no column. */
    @Test
    void withoutSupplyRulesTheBomHasNoReusedOrBoughtAndNeedsNone() throws IOException {
        String json = json(resultOf(tinyOptimum()));

        PlanJson.ReadResult read = read(json);

        assertThat(json).doesNotContain("\"reused\"", "\"bought\"")
                .contains("{\"item_id\": \"aec800\", \"kind\": \"AEC\", \"quantity\": 2, "
                        + "\"unit_cost_usd\": 700, \"total_cost_usd\": 1400}");
        assertThat(read.stated().bom().missingColumns()).isEmpty();
        assertThat(new PlanChecker(tiny).check(read.plan(), read.stated()).violations()).isEmpty();
    }

    @Test
    void writingIsAtomic() throws IOException {
        Path out = dir.resolve("plan.json");
        PlanJson.write(tiny, resultOf(tinyOptimum()), "CP-SAT", out);

        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
        assertThat(Files.readString(out)).isEqualTo(json(resultOf(tinyOptimum())));
    }
}
