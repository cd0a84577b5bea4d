package io.fabricplan.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabricplan.api.Baseline;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveStatistics;
import io.fabricplan.api.SolveStatus;
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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/check} answers the checker's notes (a twin-port module serving one link, a port idle) as an
 * array {@code notes}, which never fails the check; a b-end module edited into a plan that does not pair is a
 * violation named by its pointer.
 */
class CheckNotesRouteTest {
    static PlanningServer server;
    static Client client;

    @BeforeAll
    static void start() {
        server = PlanningServer.builder().port(0).parallelism(1).queueCapacity(2).build().start();
        client = new Client(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

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
    private static String planJson(Instance instance) throws IOException {
        Plan plan = new Plan(List.of(new DeviceAssignment("leaf1", "sw51-p", "R1"),
                new DeviceAssignment("s1", null, "R1"), new DeviceAssignment("s2", null, "R1")),
                List.of(new LinkAssignment("l1", "twin_dr4_800", Packaging.PLUGGABLE, Packaging.PLUGGABLE, 1,
                                "dr4_400"),
                        new LinkAssignment("l2", "dr4_400", Packaging.PLUGGABLE, Packaging.PLUGGABLE, 1)));
        PlanEvaluation e = new PlanEvaluator(instance).evaluate(plan);
        double v = e.objectiveValue();
        PlanResult result = new PlanResult(SolveStatus.OPTIMAL, Objective.TCO, plan, e, v, v, 0.0,
                new Baseline(plan, e, List.of()),
                new SolveStatistics("test", "none", SolveStatus.OPTIMAL, v, v, 0, 0, 0, 0, 0, 0), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlanJson.write(instance, result, "none", out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void aPassedCheckAnswersItsNotes() throws IOException {
        Instance instance = twinInstance();

        Client.Answer answer = client.postJson("/v1/check", "{\"instance\": " + InstanceJson.toJson(instance)
                + ", \"plan\": " + planJson(instance) + "}");

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json().get("passed").asBoolean()).as("%s", answer).isTrue();
        assertThat(texts(answer.json().get("notes"))).containsExactly("twin_dr4_800 at leaf1: 1 link on 1 unit of "
                + "2 ports, 1 port idle (the unit is bought and powered whole)");
    }

    @Test
    void aBOpticThatDoesNotPairIsFlaggedAndTheNotesStay() throws IOException {
        Instance instance = twinInstance();
        String plan = planJson(instance).replace("\"b_optic_id\": \"dr4_400\"", "\"b_optic_id\": \"sr4_400\"");

        Client.Answer answer = client.postJson("/v1/check", "{\"instance\": " + InstanceJson.toJson(instance)
                + ", \"plan\": " + plan + "}");

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json().get("passed").asBoolean()).isFalse();
        assertThat(answer.json().get("violations").findValuesAsText("message")).contains("twin_dr4_800 at leaf1 may "
                + "not face sr4_400 at s1: neither names the other in pairs_with (/links/0/b_optic_id)");
        assertThat(answer.json().get("violations").findValuesAsText("kind")).contains("PAIRING_NOT_ALLOWED");
        assertThat(texts(answer.json().get("notes"))).hasSize(1);
    }

    @Test
    void aCheckWithoutNotesAnswersAnEmptyArray() {
        Instance tiny = io.fabricplan.instances.Examples.tiny();
        String instance = InstanceJson.toJson(tiny);
        String plan = client.postJson("/v1/quote", instance).text();

        Client.Answer answer = client.postJson("/v1/check", "{\"instance\": " + instance + ", \"plan\": " + plan
                + "}");

        assertThat(answer.json().get("passed").asBoolean()).as("%s", answer).isTrue();
        assertThat(answer.json().get("notes").isArray()).isTrue();
        assertThat(answer.json().get("notes")).isEmpty();
    }
}
