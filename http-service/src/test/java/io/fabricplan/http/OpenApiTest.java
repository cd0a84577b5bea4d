package io.fabricplan.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/openapi.json} is kept true: its operations are exactly the routes the server registers, every
 * reference in it resolves, and answers the service gives are among the ones it documents.
 */
class OpenApiTest {
    static PlanningServer server;
    static Client client;
    static JsonNode doc;

    @BeforeAll
    static void start() {
        server = PlanningServer.builder().port(0).build().start();
        client = new Client(server.uri());
        doc = client.get("/v1/openapi.json").json();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** "GET /v1/jobs/{id}" for every operation of the document. */
    static Set<String> documented() {
        Set<String> ops = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (!method.equals("parameters")) {
                    ops.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        return ops;
    }

    /** The same, of the routes a server registers. */
    static Set<String> registered() {
        Set<String> ops = new TreeSet<>();
        Javalin app = Javalin.create(config -> new Routes(server).register(config));
        app.unsafe.internalRouter.allHttpHandlers().forEach(e -> {
            HandlerType type = e.endpoint.method;
            if (type.isHttpMethod()) {
                ops.add(type.name() + " " + e.endpoint.path);
            }
        });
        return ops;
    }

    @Test
    void documentsExactlyTheRoutesTheServerRegisters() {
        assertThat(documented()).isEqualTo(registered()).hasSize(10);
    }

    @Test
    void everyReferenceResolves() {
        Set<String> refs = new TreeSet<>();
        doc.findValues("$ref").forEach(r -> refs.add(r.asText()));
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
    }

    @Test
    void answersTheServiceGivesAreDocumented() {
        String tiny = Served.json(io.fabricplan.instances.Examples.tiny());
        record Seen(String op, int status) {
        }
        Set<Seen> seen = Set.of(
                new Seen("get /v1/health", client.get("/v1/health").status()),
                new Seen("post /v1/quote", client.postJson("/v1/quote", tiny).status()),
                new Seen("post /v1/quote", client.postJson("/v1/quote", "{").status()),
                new Seen("post /v1/quote", client.post("/v1/quote", "x".getBytes(), "text/plain").status()),
                new Seen("post /v1/validate", client.postJson("/v1/validate", tiny).status()),
                new Seen("get /v1/jobs/{id}", client.get("/v1/jobs/none").status()),
                new Seen("get /v1/jobs/{id}/plan", client.get("/v1/jobs/none/plan").status()),
                new Seen("delete /v1/jobs/{id}", client.delete("/v1/jobs/none").status()),
                new Seen("post /v1/jobs", client.postJson("/v1/jobs", tiny).status()),
                new Seen("get /v1/jobs", client.get("/v1/jobs").status()));
        for (Seen s : seen) {
            String[] parts = s.op().split(" ");
            JsonNode responses = doc.get("paths").get(parts[1]).get(parts[0]).get("responses");
            assertThat(responses.has(Integer.toString(s.status()))).as("%s answered %d; documented: %s", s.op(),
                    s.status(), responses.fieldNames()).isTrue();
        }
    }

    @Test
    void documentsEverySolveOptionTheServiceReadsFromTheQuery() {
        for (String path : java.util.List.of("/v1/quote", "/v1/jobs")) {
            Set<String> documented = new TreeSet<>(doc.get("paths").get(path).get("post").get("parameters")
                    .findValuesAsText("name"));
            Set<String> read = new TreeSet<>(io.fabricplan.json.OptionsJson.parameterNames());
            read.add(path.equals("/v1/quote") ? "deadline_ms" : "id");
            assertThat(documented).as(path).isEqualTo(read);
        }
    }

    @Test
    void isAnOpenApi3DocumentWithBearerSecurity() {
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.at("/paths/~1v1~1health/get/security")).isEmpty();
    }
}
