package io.fabricplan.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabricplan.api.Cancellation;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.Planner;
import io.fabricplan.api.ProgressListener;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.instances.Examples;
import io.fabricplan.instances.FabricGenerator;
import io.fabricplan.instances.GeneratorOptions;
import io.fabricplan.model.Instance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits and refusals of the service, each on a server of its own configured to trip it: bearer tokens (401),
 * body size (413), a full queue (429 with Retry-After), a failing solver (500 with an error id, no stack trace in
 * the answer). After each refusal the service still serves the next request.
 */
class ServiceLimitsTest {
    @TempDir
    Path dir;

    @Test
    void everyRequestButHealthNeedsAnAcceptedBearerToken() throws Exception {
        Path tokens = dir.resolve("tokens");
        Files.writeString(tokens, "# quoting tools\nsecret-one\n\n  secret-two  \n");
        try (PlanningServer server = PlanningServer.builder().port(0).tokenFile(tokens).build().start()) {
            Client anonymous = new Client(server.uri());

            Client.Answer health = anonymous.get("/v1/health");
            Client.Answer none = anonymous.get("/v1/jobs");
            Client.Answer wrong = anonymous.withToken("secret-three").get("/v1/jobs");
            Client.Answer prefix = anonymous.withToken("secret-on").postJson("/v1/quote",
                    Served.json(Examples.tiny()));
            Client.Answer right = anonymous.withToken("secret-two").get("/v1/jobs");
            Client.Answer quote = anonymous.withToken("secret-one").postJson("/v1/quote",
                    Served.json(Examples.tiny()));

            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("tokens_required").asBoolean()).isTrue();
            assertThat(none.status()).isEqualTo(401);
            assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(none.json().get("error").asText()).isEqualTo("unauthorized");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(prefix.status()).isEqualTo(401);
            assertThat(right.status()).isEqualTo(200);
            Served.checked(Examples.tiny(), quote);
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413AndTheNextRequestIsServed() {
        try (PlanningServer server = PlanningServer.builder().port(0).maxBodyBytes(16_384).build().start()) {
            Client client = new Client(server.uri());
            String superpod = Served.json(Examples.superpod4su());

            Client.Answer tooLarge = client.postJson("/v1/quote", superpod);
            Client.Answer chunked = client.send(client.request("/v1/jobs").header("Content-Type",
                    "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(superpod.getBytes()))).build());
            Client.Answer tiny = client.postJson("/v1/quote", Served.json(Examples.tiny()));

            assertThat(tooLarge.status()).isEqualTo(413);
            assertThat(tooLarge.json().get("error").asText()).isEqualTo("body_too_large");
            assertThat(tooLarge.json().get("message").asText()).contains("16,384 bytes", "max-body-bytes");
            assertThat(chunked.status()).as("a body without Content-Length, refused as it streams: %s", chunked)
                    .isEqualTo(413);
            Served.checked(Examples.tiny(), tiny);
        }
    }

    @Test
    void aFullQueueIsRefusedWith429AndRetryAfter() throws Exception {
        Instance slow = FabricGenerator.generate(GeneratorOptions.of(1024)).instance();
        try (PlanningServer server = PlanningServer.builder().port(0).parallelism(1).queueCapacity(0).build()
                .start()) {
            Client client = new Client(server.uri());
            Client.Answer first = client.postJson("/v1/jobs?id=first&formulation=NAIVE_CABLE&time_limit_seconds=60",
                    Served.json(slow));

            Client.Answer second = client.postJson("/v1/jobs?id=second", Served.json(Examples.tiny()));

            assertThat(first.status()).as("%s", first).isEqualTo(202);
            assertThat(second.status()).as("%s", second).isEqualTo(429);
            assertThat(second.json().get("error").asText()).isEqualTo("queue_full");
            assertThat(Integer.parseInt(second.header("Retry-After"))).isPositive();
            assertThat(client.delete("/v1/jobs/first").status()).isEqualTo(200);
            Served.await("a free place", Duration.ofSeconds(30), () -> client.postJson("/v1/jobs?id=third",
                    Served.json(Examples.tiny())).status() == 202);
        }
    }

    @Test
    void bodiesHeldAtOnceAreCappedAndARequestBeyondIsRefusedWith503() throws Exception {
        PlanningServer.Builder b = PlanningServer.builder().port(0).maxBodyBytes(64 * 1024)
                .uploadBudgetBytes(64 * 1024);
        b.uploadPatience = Duration.ofMillis(500);
        try (PlanningServer server = b.build().start();
             java.net.Socket slow = new java.net.Socket("127.0.0.1", server.port())) {
            // a client that announces 60 KiB and sends 10 bytes of it: its reservation is held while it dawdles
            java.io.OutputStream out = slow.getOutputStream();
            out.write(("POST /v1/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 61440\r\n\r\n{\"format\":").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            Client client = new Client(server.uri());
            Served.await("the slow upload's reservation", Duration.ofSeconds(10),
                    () -> client.postJson("/v1/validate", Served.json(Examples.tiny())).status() == 503);

            Client.Answer busy = client.postJson("/v1/quote", Served.json(Examples.tiny()));

            assertThat(busy.status()).as("%s", busy).isEqualTo(503);
            assertThat(busy.json().get("error").asText()).isEqualTo("uploads_busy");
            assertThat(busy.header("Retry-After")).isNotNull();
            slow.close();
            Served.await("room again", Duration.ofSeconds(30),
                    () -> client.postJson("/v1/quote", Served.json(Examples.tiny())).status() == 200);
            Served.checked(Examples.tiny(), client.postJson("/v1/quote", Served.json(Examples.tiny())));
        }
    }

    /** A planner that fails on seed 666 (fault injection in front of the real planner). */
    static final class FailingOn implements Planner {
        private final Planner real = Planner.create();

        @Override
        public PlanResult solve(Instance instance, SolveOptions options, ProgressListener listener,
                                Cancellation cancellation) {
            if (options.seed() == 666) {
                throw new IllegalStateException("injected failure, secret detail 7f3a");
            }
            return real.solve(instance, options, listener, cancellation);
        }
    }

    @Test
    void aSolverFailureIsA500WithAnErrorIdAndNoStackTrace() throws Exception {
        Instance tiny = Examples.tiny();
        try (PlanningServer server = PlanningServer.builder().port(0).planner(new FailingOn()).build().start()) {
            Client client = new Client(server.uri());

            Client.Answer quote = client.postJson("/v1/quote?seed=666", Served.json(tiny));
            Client.Answer job = client.postJson("/v1/jobs?id=boom&seed=666", Served.json(tiny));
            Served.await("boom failed", Duration.ofSeconds(30),
                    () -> client.get("/v1/jobs/boom").json().get("state").asText().equals("FAILED"));
            JsonNode status = client.get("/v1/jobs/boom").json();
            Client.Answer plan = client.get("/v1/jobs/boom/plan");

            assertThat(quote.status()).isEqualTo(500);
            assertThat(quote.json().get("error").asText()).isEqualTo("internal_error");
            assertThat(quote.text()).doesNotContain("secret detail", "at io.fabricplan", "Exception");
            assertThat(quote.json().get("message").asText()).containsPattern("error id [0-9a-f]{8}");
            assertThat(job.status()).isEqualTo(202);
            assertThat(status.get("error_id").asText()).isNotBlank();
            assertThat(plan.status()).isEqualTo(409);
            assertThat(plan.json().get("error").asText()).isEqualTo("job_failed");
            Served.checked(tiny, client.postJson("/v1/quote", Served.json(tiny)));
        }
    }
}
