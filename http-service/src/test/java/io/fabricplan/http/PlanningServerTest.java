package io.fabricplan.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.Planner;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.check.CheckReport;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.excel.InstanceWorkbookWriter;
import io.fabricplan.excel.PlanWorkbookReader;
import io.fabricplan.instances.Examples;
import io.fabricplan.instances.FabricGenerator;
import io.fabricplan.instances.GeneratorOptions;
import io.fabricplan.model.Instance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service on a real ephemeral loopback port, spoken to over real HTTP: quotes, jobs (submit, poll, plan as
 * JSON and as a workbook, cancel, list), validation, checking, and the errors a quoting tool meets. Every plan the
 * service answers is read back and passed through the independent checker.
 */
class PlanningServerTest {
    static final String XLSX = Upload.XLSX;
    /** The README's tiny fabric: OPTIMAL at TCO 138,928.25 USD. */
    static final double TINY_OPTIMUM = 138928.248;

    static PlanningServer server;
    static Client client;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        server = PlanningServer.builder().port(0).parallelism(2).queueCapacity(8).build().start();
        client = new Client(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void listensOnLoopbackOnlyByDefault() {
        assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
        assertThat(server.port()).isPositive();
    }

    @Test
    void quoteAnswersTheCheckedOptimalPlanWithItsBomAndPrices() {
        Instance tiny = Examples.tiny();
        Client.Answer a = client.postJson("/v1/quote?deadline_ms=20000&threads=1", Served.json(tiny));

        CheckReport check = Served.checked(tiny, a);
        JsonNode plan = a.json();
        assertThat(plan.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(plan.get("objective_value").asDouble()).isCloseTo(TINY_OPTIMUM, org.assertj.core.data.Offset.offset(0.01));
        assertThat(plan.get("tco_usd").asDouble()).isCloseTo(check.evaluation().tcoUsd(), org.assertj.core.data.Offset.offset(0.01));
        assertThat(plan.get("relative_gap").asDouble()).isZero();
        assertThat(plan.get("bom")).isNotEmpty();
        JsonNode line = plan.get("bom").get(0);
        assertThat(line.has("unit_usd") || line.has("unit_cost_usd")).as("a price per BOM line: %s", line).isTrue();
    }

    @Test
    void quoteOfAWorkbookEqualsTheQuoteOfItsJson() throws Exception {
        Instance rack = Examples.cpoTightRack();
        Path xlsx = dir.resolve("cpo-tight-rack.xlsx");
        InstanceWorkbookWriter.write(rack, xlsx);

        Client.Answer fromWorkbook = client.post("/v1/quote", Files.readAllBytes(xlsx), XLSX);
        Client.Answer fromJson = client.postJson("/v1/quote", Served.json(rack));

        Served.checked(rack, fromWorkbook);
        Served.checked(rack, fromJson);
        assertThat(fromWorkbook.json().get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(fromWorkbook.json().get("objective_value").asDouble())
                .isEqualTo(fromJson.json().get("objective_value").asDouble());
    }

    @Test
    void quoteTakesItsOptionsFromAnEnvelope() {
        Instance tiny = Examples.tiny();
        String envelope = "{\"options\": {\"objective\": \"POWER\", \"threads\": 1}, \"instance\": "
                + Served.json(tiny) + "}";

        Client.Answer a = client.postJson("/v1/quote", envelope);

        Served.checked(tiny, a);
        assertThat(a.json().get("objective").asText()).isEqualTo("POWER");
        PlanResult direct = Planner.create().solve(tiny.withSettings(tiny.settings()
                .withObjective(io.fabricplan.model.Objective.POWER)), SolveOptions.from(tiny.settings())
                .withObjective(io.fabricplan.model.Objective.POWER).withThreads(1));
        assertThat(a.json().get("objective_value").asDouble()).isCloseTo(direct.objectiveValue(),
                org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void jobIsSubmittedPolledAndItsPlanServedAsJsonAndAsAWorkbook() throws Exception {
        Instance superpod = Examples.superpod4su();
        Client.Answer submitted = client.postJson("/v1/jobs?id=superpod-1&time_limit_seconds=60",
                Served.json(superpod));

        assertThat(submitted.status()).as("%s", submitted).isEqualTo(202);
        assertThat(submitted.header("Location")).isEqualTo("/v1/jobs/superpod-1");
        assertThat(submitted.json().get("state").asText()).isIn("QUEUED", "SOLVING");
        Served.await("superpod-1 done", Duration.ofMinutes(2),
                () -> client.get("/v1/jobs/superpod-1").json().get("state").asText().equals("DONE"));
        JsonNode status = client.get("/v1/jobs/superpod-1").json();
        assertThat(status.get("outcome").asText()).isEqualTo("OPTIMAL");
        assertThat(status.get("plan_url").asText()).isEqualTo("/v1/jobs/superpod-1/plan");

        Client.Answer plan = client.get("/v1/jobs/superpod-1/plan");
        CheckReport check = Served.checked(superpod, plan);
        assertThat(plan.json().get("objective_value").asDouble()).isEqualTo(status.get("best_objective").asDouble());

        Client.Answer workbook = client.get("/v1/jobs/superpod-1/plan", XLSX);
        assertThat(workbook.status()).isEqualTo(200);
        assertThat(workbook.header("Content-Type")).startsWith(XLSX);
        Path file = dir.resolve("superpod-plan.xlsx");
        Files.write(file, workbook.body());
        PlanWorkbookReader.PlanReadResult read = PlanWorkbookReader.read(file);
        assertThat(read.problems()).isEmpty();
        CheckReport fromWorkbook = new PlanChecker(superpod).check(read.plan(), read.stated());
        assertThat(fromWorkbook.passed()).as("%s", fromWorkbook.violations()).isTrue();
        assertThat(fromWorkbook.evaluation().tcoUsd()).isCloseTo(check.evaluation().tcoUsd(),
                org.assertj.core.data.Offset.offset(0.01));

        JsonNode list = client.get("/v1/jobs").json();
        assertThat(list.get("jobs").findValuesAsText("id")).contains("superpod-1");
        Client.Answer again = client.postJson("/v1/jobs?id=superpod-1", Served.json(superpod));
        assertThat(again.status()).as("%s", again).isEqualTo(409);
        assertThat(again.json().get("error").asText()).isEqualTo("duplicate_job_id");
    }

    @Test
    void deleteCancelsASolvingJobAndAnswersItsBestPlan() throws Exception {
        Instance slow = FabricGenerator.generate(GeneratorOptions.of(1024)).instance();
        Client.Answer submitted = client.postJson("/v1/jobs?id=slow-1&formulation=NAIVE_CABLE&threads=1"
                + "&time_limit_seconds=120", Served.json(slow));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(202);
        Served.await("slow-1 in its search", Duration.ofMinutes(2), () -> {
            JsonNode s = client.get("/v1/jobs/slow-1").json();
            return s.get("state").asText().equals("SOLVING") && s.get("message").asText().startsWith("solving");
        });

        Client.Answer cancelled = client.delete("/v1/jobs/slow-1");

        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isIn("FEASIBLE", "OPTIMAL");
        Served.checked(slow, cancelled);
        JsonNode status = client.get("/v1/jobs/slow-1").json();
        assertThat(status.get("state").asText()).isEqualTo("CANCELLED");
        assertThat(status.get("elapsed_seconds").asDouble()).isLessThan(120);
    }

    @Test
    void planOfAJobStillSolvingIsAConflictThatSaysWhatToDo() throws Exception {
        Instance slow = FabricGenerator.generate(GeneratorOptions.of(1024)).instance();
        client.postJson("/v1/jobs?id=slow-2&formulation=NAIVE_CABLE&threads=1&time_limit_seconds=120",
                Served.json(slow));

        Client.Answer early = client.get("/v1/jobs/slow-2/plan");

        assertThat(early.status()).as("%s", early).isEqualTo(409);
        assertThat(early.json().get("error").asText()).isEqualTo("not_finished");
        assertThat(early.json().get("hint").asText()).startsWith("Maybe poll GET /v1/jobs/slow-2");
        assertThat(client.delete("/v1/jobs/slow-2").status()).isEqualTo(200);
    }

    @Test
    void unknownJobsRoutesAndMethodsAreJsonErrors() {
        Client.Answer job = client.get("/v1/jobs/no-such-job");
        Client.Answer route = client.get("/v1/nothing-here");
        Client.Answer method = client.send(client.request("/v1/quote").GET().build());

        assertThat(job.status()).isEqualTo(404);
        assertThat(job.json().get("error").asText()).isEqualTo("unknown_job");
        assertThat(job.json().get("message").asText()).contains("no-such-job");
        assertThat(route.status()).isEqualTo(404);
        assertThat(route.json().get("error").asText()).isEqualTo("not_found");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.json().get("error").asText()).isEqualTo("method_not_allowed");
        assertThat(client.delete("/v1/jobs/no-such-job").status()).isEqualTo(404);
        assertThat(client.get("/v1/jobs/no-such-job/plan").status()).isEqualTo(404);
    }

    @Test
    void badInstanceIsRefusedWithEveryProblemAtItsJsonPointer() {
        String bad = Served.json(Examples.tiny()).replaceFirst("\"gbps\": *[0-9.]+", "\"gbps\": \"fast\"");
        assertThat(bad).contains("\"fast\"");

        Client.Answer bare = client.postJson("/v1/quote", bad);
        Client.Answer wrapped = client.postJson("/v1/jobs", "{\"instance\": " + bad + "}");

        assertThat(bare.status()).as("%s", bare).isEqualTo(400);
        assertThat(bare.json().get("error").asText()).isEqualTo("invalid_input");
        assertThat(bare.json().get("problems").findValuesAsText("where")).anyMatch(w -> w.matches("/links/0/gbps"));
        assertThat(bare.json().get("problems").get(0).get("hint").asText()).startsWith("Maybe ");
        assertThat(wrapped.status()).as("%s", wrapped).isEqualTo(400);
        assertThat(wrapped.json().get("problems").findValuesAsText("where"))
                .anyMatch(w -> w.equals("/instance/links/0/gbps"));
        assertThat(client.get("/v1/health").status()).isEqualTo(200);
    }

    @Test
    void badOptionsAreRefusedNamingTheParameterOrField() {
        String tiny = Served.json(Examples.tiny());

        Client.Answer query = client.postJson("/v1/quote?time_limit_seconds=-1&deadline_ms=soon", tiny);
        Client.Answer field = client.postJson("/v1/jobs", "{\"instance\": " + tiny + ", \"options\": "
                + "{\"thread\": 2}}");

        assertThat(query.status()).as("%s", query).isEqualTo(400);
        assertThat(query.json().get("problems").findValuesAsText("where")).anyMatch(w -> w.contains("deadline_ms"));
        assertThat(field.status()).as("%s", field).isEqualTo(400);
        assertThat(field.json().get("problems").findValuesAsText("where")).contains("/options/thread");
        assertThat(field.json().get("problems").findValuesAsText("hint")).anyMatch(h -> h.contains("threads"));
    }

    @Test
    void bodiesOfNeitherJsonNorAWorkbookAndEmptyBodiesAreRefused() {
        Client.Answer text = client.post("/v1/quote", "hello".getBytes(), "text/plain");
        Client.Answer empty = client.post("/v1/quote", new byte[0], "application/json");

        assertThat(text.status()).isEqualTo(415);
        assertThat(text.json().get("error").asText()).isEqualTo("unsupported_media_type");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("error").asText()).isEqualTo("empty_body");
    }

    @Test
    void validateCountsAValidInstanceAndListsTheProblemsOfABadOne() {
        Client.Answer ok = client.postJson("/v1/validate", Served.json(Examples.superpod4su()));
        Client.Answer bad = client.postJson("/v1/validate", Served.json(Examples.tiny())
                .replaceFirst("\"count\": *[0-9]+", "\"count\": -3"));

        assertThat(ok.status()).as("%s", ok).isEqualTo(200);
        assertThat(ok.json().get("valid").asBoolean()).isTrue();
        assertThat(ok.json().get("links").asInt()).isEqualTo(Examples.superpod4su().links().size());
        assertThat(bad.status()).as("%s", bad).isEqualTo(400);
        assertThat(bad.json().get("problem_count").asInt()).isPositive();
        assertThat(bad.json().get("problems").findValuesAsText("where")).anyMatch(w -> w.endsWith("/count"));
    }

    @Test
    void checkPassesAServedPlanAndFlagsAHandEditedOne() {
        Instance tiny = Examples.tiny();
        String instance = Served.json(tiny);
        String plan = client.postJson("/v1/quote", instance).text();

        Client.Answer passed = client.postJson("/v1/check", "{\"instance\": " + instance + ", \"plan\": " + plan
                + "}");
        String edited = plan.replaceFirst("\"capex_usd\": *[0-9.]+", "\"capex_usd\": 1");
        Client.Answer flagged = client.postJson("/v1/check", "{\"instance\": " + instance + ", \"plan\": " + edited
                + "}");

        assertThat(passed.status()).as("%s", passed).isEqualTo(200);
        assertThat(passed.json().get("passed").asBoolean()).as("%s", passed).isTrue();
        assertThat(flagged.status()).isEqualTo(200);
        assertThat(flagged.json().get("passed").asBoolean()).isFalse();
        assertThat(flagged.json().get("violations").findValuesAsText("message"))
                .anyMatch(m -> m.contains("capex"));
    }

    @Test
    void healthSaysUpWithTheServiceLoad() {
        JsonNode health = client.get("/v1/health").json();

        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("parallelism").asInt()).isEqualTo(2);
        assertThat(health.get("queue_capacity").asInt()).isEqualTo(8);
        assertThat(health.get("tokens_required").asBoolean()).isFalse();
    }
}
