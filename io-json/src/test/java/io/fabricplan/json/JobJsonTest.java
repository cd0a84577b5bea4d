package io.fabricplan.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fabricplan.api.Budgets;
import io.fabricplan.api.FormulationKind;
import io.fabricplan.api.InterSiteMedia;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.Planner;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.check.CheckReport;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.instances.Examples;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Link;
import io.fabricplan.model.Objective;
import io.fabricplan.model.SolverKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A job's input and result written and read back as the job store keeps them: the instance and options equal, the
 * result's plan equal record for record and passing the independent checker, its figures equal, and the plan JSON
 * rendered from what was read the same bytes as from what was solved.
 */
class JobJsonTest {
    private static final Planner PLANNER = Planner.create();
    private static final Map<String, PlanResult> SOLVED = new ConcurrentHashMap<>();

    private static SolveOptions options(Instance instance) {
        return SolveOptions.from(instance.settings()).withTimeLimitSeconds(60).withThreads(1).withSeed(1);
    }

    /** The example solved once for every test (the real planner; DWDM between sites by dwdm-planner). */
    private static PlanResult solved(Examples.Named example) {
        return SOLVED.computeIfAbsent(example.name(), n -> PLANNER.solve(example.instance(),
                options(example.instance()), p -> { }, new io.fabricplan.api.Cancellation()));
    }

    private static Examples.Named example(String name) {
        return Examples.all().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    /** The plan passes the checker on the instance under the result's objective; returns the result. */
    private static PlanResult checked(Instance instance, PlanResult result) {
        assertThat(result.status().hasPlan()).as("%s %s", result.status(), result.diagnostics()).isTrue();
        Instance solved = instance.withSettings(instance.settings().withObjective(result.objective()));
        CheckReport check = new PlanChecker(solved).check(result.plan());
        assertThat(check.violations()).isEmpty();
        return result;
    }

    static Stream<Arguments> solvedExamples() {
        // the optimum each example reaches (README and the CLI's tests)
        return Stream.of(Arguments.of("tiny", Objective.TCO, 138_928.248),
                Arguments.of("cpo-tight-rack", Objective.COST, 111_472.0),
                Arguments.of("superpod-4su", Objective.TCO, 4_611_481.216),
                Arguments.of("campus-dwdm", Objective.TCO, 2_920_078.976));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvedExamples")
    void aSolvedResultReadsBackWithItsPlanAndFigures(String name, Objective objective, double optimum)
            throws IOException {
        Examples.Named example = example(name);
        Instance instance = example.instance();
        PlanResult result = checked(instance, solved(example));
        assertThat(result.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(result.objective()).isEqualTo(objective);
        assertThat(result.objectiveValue()).isCloseTo(optimum, within(0.01));

        PlanResult read = JobJson.readResult(JobJson.writeResult(result));

        assertThat(read.plan()).isEqualTo(result.plan());
        checked(instance, read);
        assertThat(read.evaluation()).isNull();
        assertThat(read.status()).isEqualTo(result.status());
        assertThat(read.objective()).isEqualTo(objective);
        assertThat(read.objectiveValue()).isEqualTo(result.objectiveValue());
        assertThat(read.bestBound()).isEqualTo(result.bestBound());
        assertThat(read.relativeGap()).isEqualTo(result.relativeGap());
        assertThat(read.diagnostics()).isEqualTo(result.diagnostics());
        assertThat(read.statistics()).isEqualTo(result.statistics());
        assertThat(read.statistics().line()).isEqualTo(result.statistics().line());
        assertThat(read.baseline().plan()).isEqualTo(result.baseline().plan());
        assertThat(read.baseline().violations()).isEqualTo(result.baseline().violations());
        assertThat(read.repaired().plan()).isEqualTo(result.repaired().plan());
        assertThat(read.repaired().violations()).isEqualTo(result.repaired().violations());

        PlanResult evaluated = JobJson.evaluated(read, instance);
        assertThat(evaluated.evaluation()).isEqualTo(result.evaluation());
        assertThat(evaluated.baseline()).isEqualTo(result.baseline());
        assertThat(evaluated.repaired()).isEqualTo(result.repaired());
        assertThat(planJson(instance, evaluated)).isEqualTo(planJson(instance, result));
        if (name.equals("campus-dwdm")) {
            assertThat(read.plan().dwdm().lightpaths()).hasSize(52);
            assertThat(read.plan().dwdm().greyRoutes()).hasSize(44);
            assertThat(read.plan().dwdm().amplifiers()).isNotEmpty();
            assertThat(read.plan().dwdm().muxes()).isNotEmpty();
        }
    }

    private static String planJson(Instance instance, PlanResult result) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlanJson.write(instance.withSettings(instance.settings().withObjective(result.objective())), result,
                result.statistics().solver(), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anInfeasibleResultReadsBackWithoutAPlanAndWithItsDiagnostics() {
        PlanResult result = solved(example("infeasible-rack"));
        assertThat(result.status()).isEqualTo(SolveStatus.INFEASIBLE);
        assertThat(String.join("\n", result.diagnostics())).contains("rack N1", "1.48 kW", "1.40 kW");

        PlanResult read = JobJson.readResult(JobJson.writeResult(result));

        assertThat(read.status()).isEqualTo(SolveStatus.INFEASIBLE);
        assertThat(read.plan()).isNull();
        assertThat(read.evaluation()).isNull();
        assertThat(read.diagnostics()).isEqualTo(result.diagnostics());
        assertThat(read.objectiveValue()).isNaN();
        assertThat(read.statistics()).isEqualTo(result.statistics());
        assertThat(JobJson.evaluated(read, example("infeasible-rack").instance()).evaluation()).isNull();
    }

    @Test
    void anInvalidResultReadsBackWithEveryDiagnostic() {
        Instance tiny = Examples.tiny();
        List<Link> links = new ArrayList<>(tiny.links());
        links.add(new Link("s9-leaf1", "s9", "leaf1", 1, 800, null));
        Instance broken = new Instance(tiny.settings(), tiny.racks(), tiny.switchModels(), tiny.devices(), links,
                tiny.optics());
        PlanResult result = PLANNER.solve(broken, options(broken), p -> { }, new io.fabricplan.api.Cancellation());
        assertThat(result.status()).isEqualTo(SolveStatus.INVALID);
        assertThat(result.diagnostics()).anySatisfy(d -> assertThat(d).contains("s9"));

        PlanResult read = JobJson.readResult(JobJson.writeResult(result));

        assertThat(read).isEqualTo(result);
    }

    // ---------------------------------------------------------------- input

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.fabricplan.json.JsonSchemaTest#examples")
    void anInputReadsBackAsTheSameInstanceAndOptions(Examples.Named example) {
        Instance instance = example.instance();
        SolveOptions options = options(instance).withObjective(Objective.POWER).withRelativeGap(0.002)
                .withSolver(SolverKind.CP_SAT).withFormulation(FormulationKind.REFERENCE)
                .withInterSite(InterSiteMedia.GREY).withBudgets(Budgets.NONE.withCapexUsd(1e7).withTcoUsd(1.5e7));

        byte[] bytes = JobJson.writeInput(instance, options);
        JobJson.JobInput read = JobJson.readInput(bytes);

        assertThat(read.instance()).isEqualTo(instance);
        assertThat(read.options()).isEqualTo(options);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\n  \"format\": \"fabricplan-job-input\",\n  \"version\": 1,\n  \"options\": {")
                .endsWith("\"instance\": " + InstanceJson.toJson(instance).stripTrailing() + "\n}\n");
    }

    @Test
    void theInputDocumentHoldsTheOptionsAsOptionsJsonWritesThem() {
        Instance tiny = Examples.tiny();
        SolveOptions options = options(tiny).withBudgets(Budgets.NONE.withPowerW(90_000));

        String text = new String(JobJson.writeInput(tiny, options), StandardCharsets.UTF_8);

        assertThat(text).contains("\"options\": {\n    \"objective\": \"TCO\",\n    \"time_limit_seconds\": 60,\n"
                + "    \"relative_gap\": 0.0001,\n    \"threads\": 1,\n    \"seed\": 1,\n    \"solver\": \"AUTO\",\n"
                + "    \"formulation\": \"AUTO\",\n    \"inter_site\": \"ANY\",\n"
                + "    \"budgets\": {\"power_w\": 90000}\n  },\n  \"instance\": {\n  \"format\": \"fabricplan-instance\",");
    }

    @Test
    void anInputWhoseInstanceBreaksTheRulesReadsBackAsSubmitted() {
        Instance tiny = Examples.tiny();
        Instance broken = tiny.withSettings(tiny.settings().withObjective(Objective.COST));
        List<Link> links = new ArrayList<>(broken.links());
        links.add(new Link("s9-leaf1", "s9", "leaf1", 1, 800, null));
        broken = new Instance(broken.settings(), broken.racks(), broken.switchModels(), broken.devices(), links,
                broken.optics());

        JobJson.JobInput read = JobJson.readInput(JobJson.writeInput(broken, options(broken)));

        assertThat(read.instance()).isEqualTo(broken);
    }

    @Test
    void corruptFilesAreRefusedWithWhatIsWrong() {
        byte[] input = JobJson.writeInput(Examples.tiny(), options(Examples.tiny()));
        byte[] cut = java.util.Arrays.copyOf(input, input.length / 2);
        String maybe = ". Maybe the file was edited or cut short, or written by another version; submit the job again.";

        assertThatThrownBy(() -> JobJson.readInput(cut)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a fabricplan job input this build reads: it is not valid JSON: ")
                .hasMessageEndingWith(maybe);
        byte[] result = JobJson.writeResult(solved(example("tiny")));
        assertThatThrownBy(() -> JobJson.readInput(result)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a fabricplan job input this build reads: its format is \"fabricplan-job-result\", "
                        + "not \"fabricplan-job-input\"" + maybe);
        assertThatThrownBy(() -> JobJson.readResult(input)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a fabricplan job result this build reads: its format is \"fabricplan-job-input\", "
                        + "not \"fabricplan-job-result\"" + maybe);
        byte[] later = new String(result, StandardCharsets.UTF_8).replace("\"version\":1", "\"version\":2")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JobJson.readResult(later)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a fabricplan job result this build reads: its version is 2; this build reads "
                        + "version 1" + maybe);
        byte[] noOptic = new String(result, StandardCharsets.UTF_8).replaceFirst("\"optic_id\":\"[^\"]*\",", "")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JobJson.readResult(noOptic)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a fabricplan job result this build reads: no optic_id in {\"link_id\":");
    }
}
