package io.fabricplan.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.instances.Examples;
import io.fabricplan.jobs.FileJobStore;
import io.fabricplan.jobs.JobState;
import io.fabricplan.jobs.JobStatus;
import io.fabricplan.model.Instance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --data DIR}: jobs written to disk as JSON, served again by a service restarted on the same folder; a job
 * a crash left SOLVING comes back FAILED ("interrupted by a restart"), never silently lost.
 */
class DurableJobsTest {
    @TempDir
    Path data;

    @Test
    void finishedJobsAreServedAgainAfterARestart() throws Exception {
        Instance rack = Examples.cpoTightRack();
        double objective;
        String before;
        try (PlanningServer first = PlanningServer.builder().port(0).dataDir(data).build().start()) {
            Client client = new Client(first.uri());
            assertThat(client.postJson("/v1/jobs?id=rack-1", Served.json(rack)).status()).isEqualTo(202);
            Served.await("rack-1 done", Duration.ofMinutes(1),
                    () -> client.get("/v1/jobs/rack-1").json().get("state").asText().equals("DONE"));
            objective = client.get("/v1/jobs/rack-1").json().get("best_objective").asDouble();
            before = client.get("/v1/jobs/rack-1/plan").text();
        }
        assertThat(data.resolve("rack-1").resolve("input.json")).exists();
        assertThat(data.resolve("rack-1").resolve("result.json")).exists();

        try (PlanningServer second = PlanningServer.builder().port(0).dataDir(data).build().start()) {
            Client client = new Client(second.uri());
            JsonNode status = client.get("/v1/jobs/rack-1").json();
            Client.Answer plan = client.get("/v1/jobs/rack-1/plan");
            Client.Answer workbook = client.get("/v1/jobs/rack-1/plan", Upload.XLSX);

            assertThat(status.get("state").asText()).isEqualTo("DONE");
            assertThat(status.get("best_objective").asDouble()).isEqualTo(objective);
            Served.checked(rack, plan);
            assertThat(plan.json().get("objective_value").asDouble()).isEqualTo(objective);
            assertThat(plan.text()).as("the same plan JSON as before the restart, greedy figures too")
                    .isEqualTo(before);
            assertThat(workbook.status()).isEqualTo(200);
            assertThat(workbook.body()).startsWith((byte) 'P', (byte) 'K');
        }
    }

    @Test
    void aJobACrashLeftSolvingComesBackFailedAfterARestart() throws Exception {
        Instance tiny = Examples.tiny();
        // what a killed service leaves: a job stored as accepted and started, never finished
        try (FileJobStore store = FileJobStore.open(data, new JsonJobCodec())) {
            Instant at = Instant.parse("2026-12-03T10:00:00Z");
            JobStatus queued = new JobStatus("crashed-1", JobState.QUEUED, at, null, null, 0, Double.NaN,
                    Double.NaN, Double.NaN, null, "queued", null);
            store.created(queued, tiny, SolveOptions.from(tiny.settings()));
            store.updated(new JobStatus("crashed-1", JobState.SOLVING, at, at.plusSeconds(1), null, 0, Double.NaN,
                    Double.NaN, Double.NaN, null, "solving", null));
        }

        try (PlanningServer server = PlanningServer.builder().port(0).dataDir(data).build().start()) {
            Client client = new Client(server.uri());
            JsonNode status = client.get("/v1/jobs/crashed-1").json();
            Client.Answer plan = client.get("/v1/jobs/crashed-1/plan");

            assertThat(status.get("state").asText()).isEqualTo("FAILED");
            assertThat(status.get("message").asText()).contains("interrupted by a restart");
            assertThat(plan.status()).isEqualTo(409);
            assertThat(plan.json().get("error").asText()).isEqualTo("job_failed");
        }
        assertThat(Files.readString(data.resolve("crashed-1").resolve("status.properties"))).contains("FAILED");
    }
}
