package io.fabricplan.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.instances.Examples;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Objective;
import io.fabricplan.model.Plan;
import io.fabricplan.model.PlanEvaluation;
import io.fabricplan.model.PlanEvaluator;
import io.fabricplan.validate.InputProblem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published schemas are true to the readers, checked by an independent validator (networknt, draft 2020-12):
 * they are what {@link JsonSchemas} makes from the readers' field tables; every document the writers make is valid;
 * every field the readers take is in them with its required-ness, and nothing else; every value a field's schema
 * allows, the reader reads without a problem of type; and what the reader refuses as a type, the schema refuses.
 */
class JsonSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final JsonSchema INSTANCE = FACTORY.getSchema(JsonSchemas.published(JsonSchemas.INSTANCE_RESOURCE));
    private static final JsonSchema PLAN = FACTORY.getSchema(JsonSchemas.published(JsonSchemas.PLAN_RESOURCE));
    private static final JsonSchema OPTIONS = FACTORY.getSchema(JsonSchemas.published(JsonSchemas.OPTIONS_RESOURCE));

    /** Messages of the readers for values of the wrong type or shape, unlike the validator's rules. */
    private static final List<String> TYPE_PROBLEMS = List.of("must be a", "must be one of", "must be true or false",
            "must be an", "must be \"YES\" or \"NO\"", "unknown field", "is null", "is blank", "is missing",
            "is too large", "duplicate key");

    /** With {@code -Dfabricplan.schemas.rewrite=true} the published files are rewritten first (README). */
    @Test
    void thePublishedSchemasAreTheOnesTheFieldTablesMake() throws Exception {
        Path sources = Path.of("src", "main", "resources", "io", "fabricplan", "json");
        if (Boolean.getBoolean("fabricplan.schemas.rewrite")) {
            JsonSchemas.main(new String[] {sources.toString()});
        }
        String rewrite = "rewrite them: ./mvnw -B -q test -pl io-json -am -Dtest=JsonSchemaTest "
                + "-Dsurefire.failIfNoSpecifiedTests=false -Dfabricplan.schemas.rewrite=true";
        assertThat(Files.readString(sources.resolve(JsonSchemas.INSTANCE_RESOURCE))).as(rewrite)
                .isEqualTo(JsonSchemas.instance());
        assertThat(Files.readString(sources.resolve(JsonSchemas.PLAN_RESOURCE))).as(rewrite)
                .isEqualTo(JsonSchemas.plan());
        assertThat(JsonSchemas.published(JsonSchemas.INSTANCE_RESOURCE)).isEqualTo(JsonSchemas.instance());
        assertThat(JsonSchemas.published(JsonSchemas.PLAN_RESOURCE)).isEqualTo(JsonSchemas.plan());
        assertThat(Files.readString(sources.resolve(JsonSchemas.OPTIONS_RESOURCE))).as(rewrite)
                .isEqualTo(JsonSchemas.options());
        assertThat(JsonSchemas.published(JsonSchemas.OPTIONS_RESOURCE)).isEqualTo(JsonSchemas.options());
    }

    @Test
    void bothAreValidDraft202012Schemas() throws Exception {
        JsonSchema meta = FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertThat(meta.validate(MAPPER.readTree(JsonSchemas.instance()))).isEmpty();
        assertThat(meta.validate(MAPPER.readTree(JsonSchemas.plan()))).isEmpty();
        assertThat(meta.validate(MAPPER.readTree(JsonSchemas.options()))).isEmpty();
    }

    /** The options' schema states the reader's ranges too: what one takes the other takes, what one refuses both. */
    @Test
    void theOptionsSchemaAndTheOptionsReaderAgree() throws Exception {
        io.fabricplan.api.SolveOptions base = io.fabricplan.api.SolveOptions.from(Examples.tiny().settings());
        List<String> taken = new ArrayList<>(List.of("{}", "{\"objective\": \"COST\", \"time_limit_seconds\": "
                + "0.001, \"relative_gap\": 0, \"threads\": 1024, \"seed\": -9007199254740992, \"solver\": "
                + "\"CHOCO\", \"formulation\": \"NAIVE_CABLE\", \"inter_site\": \"DWDM\"}",
                "{\"threads\": 0, \"seed\": 9007199254740992, \"relative_gap\": 0.999}",
                "{\"objective\": null, \"threads\": null, \"budgets\": null}", "{\"budgets\": {}}",
                "{\"budgets\": {\"capex_usd\": 1, \"power_w\": 0.5, \"tco_usd\": null}}"));
        for (io.fabricplan.api.SolveOptions o : List.of(base, base.withBudgets(io.fabricplan.api.Budgets.NONE
                .withPowerW(90_000)).withSeed(-1).withThreads(0))) {
            taken.add(OptionsJson.toJson(o).toString());
        }
        List<String> refused = List.of("[]", "{\"colour\": \"red\"}", "{\"objective\": \"CHEAP\"}",
                "{\"solver\": 1}", "{\"time_limit_seconds\": 0}", "{\"time_limit_seconds\": \"60\"}",
                "{\"relative_gap\": 1}", "{\"relative_gap\": -0.1}", "{\"threads\": 1025}", "{\"threads\": -1}",
                "{\"threads\": 2.5}", "{\"threads\": \"4\"}", "{\"seed\": 9007199254740993}",
                "{\"budgets\": []}", "{\"budgets\": {\"power_w\": 0}}", "{\"budgets\": {\"power_kw\": 1}}");
        for (String doc : taken) {
            assertThat(OPTIONS.validate(doc, InputFormat.JSON)).as(doc).isEmpty();
            assertThat(OptionsJson.read(MAPPER.readTree(doc), "", base).problems()).as(doc).isEmpty();
        }
        for (String doc : refused) {
            assertThat(OPTIONS.validate(doc, InputFormat.JSON)).as(doc).isNotEmpty();
            assertThat(OptionsJson.read(MAPPER.readTree(doc), "", base).problems()).as(doc).isNotEmpty();
        }
    }

    static Stream<Examples.Named> examples() {
        return Examples.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleAsJsonIsValid(Examples.Named example) {
        assertThat(INSTANCE.validate(InstanceJson.toJson(example.instance()), InputFormat.JSON)).isEmpty();
    }

    /** Every v2 field used: the instance and its plan (with the BOM's reused and bought) are valid. */
    @Test
    void anInstanceWithEveryV2FieldAndItsPlanAreValid() throws Exception {
        Instance instance = InstanceJsonV2FieldsTest.tinyWithEveryV2Field();
        Plan plan = PlanJsonTest.tinyOptimum();
        PlanEvaluation e = new PlanEvaluator(instance).evaluate(plan);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlanJson.write(instance, new PlanResult(SolveStatus.FEASIBLE, Objective.TCO, plan, e, e.objectiveValue(),
                Double.NaN, Double.NaN, null, null, List.of()), "CP-SAT", out);
        String planJson = out.toString(StandardCharsets.UTF_8);

        assertThat(INSTANCE.validate(InstanceJson.toJson(instance), InputFormat.JSON)).isEmpty();
        assertThat(planJson).contains("\"reused\"", "\"bought\"");
        assertThat(PLAN.validate(planJson, InputFormat.JSON)).isEmpty();
    }

    @Test
    void theSchemasHoldEveryFieldOfTheReadersAndNoOther() throws Exception {
        JsonNode instance = MAPPER.readTree(JsonSchemas.instance());
        List<JsonRecord> records = new ArrayList<>(InstanceFields.ARRAYS);
        records.add(InstanceFields.SETTINGS);
        for (JsonRecord type : records) {
            assertFields(instance.at("/$defs/" + type.key()), type);
        }
        List<String> top = new ArrayList<>(InstanceFields.ROOT.names());
        top.add("settings");
        InstanceFields.ARRAYS.forEach(t -> top.add(t.key()));
        assertThat(names(instance.get("properties"))).containsExactlyInAnyOrderElementsOf(top);
        assertThat(strings(instance.get("required"))).containsExactly("format", "version", "racks", "devices",
                "links");

        JsonNode plan = MAPPER.readTree(JsonSchemas.plan());
        for (JsonRecord type : PlanFields.ARRAYS) {
            assertFields(plan.at("/$defs/" + type.key()), type);
        }
        List<String> planTop = new ArrayList<>(PlanFields.ROOT.names());
        PlanFields.ARRAYS.forEach(t -> planTop.add(t.key()));
        assertThat(names(plan.get("properties"))).containsExactlyInAnyOrderElementsOf(planTop);
    }

    private static void assertFields(JsonNode def, JsonRecord type) {
        assertThat(names(def.get("properties"))).as(type.key()).containsExactlyElementsOf(type.names());
        assertThat(strings(def.get("required"))).as(type.key()).containsExactlyElementsOf(
                type.fields().stream().filter(JsonField::required).map(JsonField::name).toList());
        assertThat(def.get("additionalProperties").asBoolean(true)).isFalse();
    }

    /** Each value every field's schema allows reads without a type problem, and with no problem at its field. */
    @Test
    void whatTheInstanceSchemaAllowsTheReaderReads() throws Exception {
        JsonNode schema = MAPPER.readTree(JsonSchemas.instance());
        int checked = 0;
        for (JsonRecord type : recordsOf(schema)) {
            JsonNode properties = schema.at("/$defs/" + type.key() + "/properties");
            for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                for (JsonNode value : allowed(properties.get(field))) {
                    ObjectNode doc = instanceDocument(type, field, value);
                    assertThat(INSTANCE.validate(doc)).as(type.key() + "." + field + " = " + value).isEmpty();
                    assertThat(typeProblems(readInstance(doc))).as(type.key() + "." + field + " = " + value).isEmpty();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(200);
    }

    /** Values of the wrong type: the reader names them at the field, and the schema refuses them too. */
    @Test
    void whatTheInstanceReaderRefusesAsATypeTheSchemaRefuses() throws Exception {
        JsonNode schema = MAPPER.readTree(JsonSchemas.instance());
        int checked = 0;
        for (JsonRecord type : recordsOf(schema)) {
            for (JsonField f : type.fields()) {
                for (JsonNode value : refused(f)) {
                    ObjectNode doc = instanceDocument(type, f.name(), value);
                    String what = type.key() + "." + f.name() + " = " + value;
                    assertThat(INSTANCE.validate(doc)).as(what).isNotEmpty();
                    assertThat(typeProblems(readInstance(doc))).as(what).isNotEmpty();
                    checked++;
                }
            }
            ObjectNode unknown = instanceDocument(type, type.fields().get(0).name(), sample(type.fields().get(0)));
            record(unknown, type).put("colour", "red");
            assertThat(INSTANCE.validate(unknown)).isNotEmpty();
            assertThat(typeProblems(readInstance(unknown))).singleElement().asString().contains("unknown field");
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void whatThePlanSchemaAllowsThePlanReaderReadsAndWhatItRefusesAsATypeTheSchemaRefuses() throws Exception {
        JsonNode schema = MAPPER.readTree(JsonSchemas.plan());
        List<JsonRecord> types = new ArrayList<>(PlanFields.ARRAYS);
        types.add(PlanFields.ROOT);
        for (JsonRecord type : types) {
            JsonNode properties = type == PlanFields.ROOT ? schema.get("properties")
                    : schema.at("/$defs/" + type.key() + "/properties");
            for (JsonField f : type.fields()) {
                if (f.name().equals("format") || f.name().equals("version")) {
                    continue;
                }
                for (JsonNode value : allowed(properties.get(f.name()))) {
                    ObjectNode doc = planDocument(type, f.name(), value);
                    String what = type.key() + "." + f.name() + " = " + value;
                    assertThat(PLAN.validate(doc)).as(what).isEmpty();
                    assertThat(typeProblems(readPlan(doc))).as(what).isEmpty();
                }
                for (JsonNode value : refused(f)) {
                    ObjectNode doc = planDocument(type, f.name(), value);
                    String what = type.key() + "." + f.name() + " = " + value;
                    assertThat(PLAN.validate(doc)).as(what).isNotEmpty();
                    assertThat(typeProblems(readPlan(doc))).as(what).isNotEmpty();
                }
            }
        }
    }

    @Test
    void aPlacementsKindDecidesItsSiteAndCountAsForTheReader() {
        for (String placement : List.of("{\"item_id\": \"m\", \"kind\": \"MUX\", \"span_id\": \"s\", \"fiber_pair\": 0}",
                "{\"item_id\": \"a\", \"kind\": \"AMPLIFIER\", \"span_id\": \"s\", \"fiber_pair\": 0, "
                        + "\"count\": 1.5}")) {
            String doc = "{\"format\": \"fabricplan-plan\", \"version\": 1, \"links\": [], \"devices\": [], "
                    + "\"dwdm_placements\": [" + placement + "]}";
            assertThat(PLAN.validate(doc, InputFormat.JSON)).as(placement).isNotEmpty();
            assertThat(PlanJson.read(new ByteArrayInputStream(doc.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    JsonLimits.DEFAULTS).problems()).as(placement).isNotEmpty();
        }
    }

    // ---------------------------------------------------------------- documents

    private static List<JsonRecord> recordsOf(JsonNode schema) {
        List<JsonRecord> records = new ArrayList<>(InstanceFields.ARRAYS);
        records.add(InstanceFields.SETTINGS);
        assertThat(names(schema.get("$defs"))).containsExactlyInAnyOrderElementsOf(records.stream()
                .map(JsonRecord::key).toList());
        return records;
    }

    /** A valid instance with one record of {@code type} whose {@code field} is {@code value}. */
    private static ObjectNode instanceDocument(JsonRecord type, String field, JsonNode value) {
        ObjectNode doc = NODES.objectNode().put("format", "fabricplan-instance").put("version", 1);
        doc.putArray("racks").addObject().put("rack_id", "R1").put("x_m", 0).put("y_m", 0).put("power_budget_kw", 10);
        ArrayNode devices = doc.putArray("devices");
        devices.addObject().put("device_id", "s1").put("role", "SERVER").put("rack_id", "R1").put("ports", 1)
                .put("port_gbps", 800);
        devices.addObject().put("device_id", "s2").put("role", "SERVER").put("rack_id", "R1").put("ports", 1)
                .put("port_gbps", 800);
        doc.putArray("links").addObject().put("link_id", "l1").put("a_device", "s1").put("b_device", "s2")
                .put("gbps", 800);
        if (type == InstanceFields.SETTINGS) {
            doc.putObject("settings").set(field, value);
            return doc;
        }
        ObjectNode record = NODES.objectNode();
        for (JsonField f : type.fields()) {
            if (f.required()) {
                record.set(f.name(), sample(f));
            }
        }
        record.set(field, value);
        ArrayNode array = doc.has(type.key()) ? (ArrayNode) doc.get(type.key()) : doc.putArray(type.key());
        array.insert(0, record);
        return doc;
    }

    private static ObjectNode record(ObjectNode doc, JsonRecord type) {
        return type == InstanceFields.SETTINGS ? (ObjectNode) doc.get("settings") : (ObjectNode) doc.get(type.key()).get(0);
    }

    /** A plan with one record of {@code type} (or its top level) whose {@code field} is {@code value}. */
    private static ObjectNode planDocument(JsonRecord type, String field, JsonNode value) {
        ObjectNode doc = NODES.objectNode().put("format", "fabricplan-plan").put("version", 1);
        doc.putArray("links");
        doc.putArray("devices");
        if (type == PlanFields.ROOT) {
            doc.set(field, value);
            return doc;
        }
        ObjectNode record = NODES.objectNode();
        for (JsonField f : type.fields()) {
            if (f.required()) {
                record.set(f.name(), sample(f));
            }
        }
        if (type == PlanFields.PLACEMENTS) {
            // a MUX names its site; with a field of its own to vary, the site's placement is an amplifier's
            record.put("kind", field.equals("site_id") ? "AMPLIFIER" : "MUX").put("site_id", "A");
        }
        record.set(field, value);
        (doc.has(type.key()) ? (ArrayNode) doc.get(type.key()) : doc.putArray(type.key())).add(record);
        return doc;
    }

    /** A valid value of a required field, from the field table's example. */
    private static JsonNode sample(JsonField f) {
        try {
            return MAPPER.readTree(f.example());
        } catch (Exception e) {
            throw new IllegalStateException(f.name() + ": example " + f.example(), e);
        }
    }

    /** Values a field's schema allows, drawn from the schema alone: each of its types, enum values, bounds. */
    private static List<JsonNode> allowed(JsonNode property) {
        List<JsonNode> out = new ArrayList<>();
        if (property.has("enum")) {
            property.get("enum").forEach(out::add);
        }
        if (property.has("anyOf")) {
            property.get("anyOf").forEach(branch -> out.addAll(allowed(branch)));
        }
        if (property.has("type")) {
            List<String> types = property.get("type").isArray() ? strings(property.get("type"))
                    : List.of(property.get("type").asText());
            for (String t : types) {
                switch (t) {
                    case "string" -> out.add(NODES.textNode("R1"));
                    case "number" -> {
                        out.add(NODES.numberNode(2.5));
                        out.add(NODES.numberNode(-3));
                        out.add(NODES.numberNode(1e300));
                    }
                    case "integer" -> {
                        out.add(NODES.numberNode(3));
                        out.add(NODES.numberNode(3.0));
                        out.add(NODES.numberNode(property.get("maximum").asLong()));
                        out.add(NODES.numberNode(property.get("minimum").asLong()));
                    }
                    case "null" -> out.add(NODES.nullNode());
                    case "array" -> {
                        out.add(NODES.arrayNode());
                        out.add(NODES.arrayNode().add("R1").add("R1"));
                    }
                    default -> throw new IllegalStateException("a type the test does not know: " + t);
                }
            }
        }
        assertThat(out).as(property.toString()).isNotEmpty();
        return out;
    }

    /** Values of the wrong type for a field. */
    private static List<JsonNode> refused(JsonField f) {
        List<JsonNode> out = new ArrayList<>();
        switch (f.type()) {
            case TEXT -> out.addAll(List.of(NODES.numberNode(7), NODES.booleanNode(true), NODES.arrayNode()));
            case NUMBER -> out.addAll(List.of(NODES.textNode("800"), NODES.booleanNode(false), NODES.objectNode()));
            case WHOLE -> out.addAll(List.of(NODES.numberNode(2.5), NODES.textNode("2"),
                    NODES.numberNode(1L + Integer.MAX_VALUE)));
            case LONG -> out.addAll(List.of(NODES.numberNode(2.5), NODES.numberNode((1L << 53) + 1)));
            case YES_NO -> out.addAll(List.of(NODES.textNode("yes"), NODES.numberNode(1)));
            case CHOICE -> out.addAll(List.of(NODES.textNode(f.choices().get(0).toLowerCase()), NODES.numberNode(0)));
            case TEXT_LIST -> out.addAll(List.of(NODES.numberNode(3), NODES.arrayNode().add(1)));
            case TEXT_ARRAY -> out.addAll(List.of(NODES.textNode("a"), NODES.arrayNode().add(1)));
            case FIGURE, FIGURE_TEXT -> out.addAll(List.of(NODES.objectNode(), NODES.arrayNode()));
        }
        if (f.required()) {
            out.add(NODES.nullNode());
        }
        return out;
    }

    private static InstanceJson.ReadResult readInstance(JsonNode doc) throws Exception {
        return InstanceJson.read(new ByteArrayInputStream(MAPPER.writeValueAsBytes(doc)), JsonLimits.DEFAULTS);
    }

    private static PlanJson.ReadResult readPlan(JsonNode doc) throws Exception {
        return PlanJson.read(new ByteArrayInputStream(MAPPER.writeValueAsBytes(doc)), JsonLimits.DEFAULTS);
    }

    private static List<String> typeProblems(InstanceJson.ReadResult r) {
        return typeProblems(r.problems());
    }

    private static List<String> typeProblems(PlanJson.ReadResult r) {
        return typeProblems(r.problems());
    }

    private static List<String> typeProblems(List<InputProblem> problems) {
        return problems.stream().filter(p -> TYPE_PROBLEMS.stream().anyMatch(p.message()::startsWith))
                .map(InputProblem::describe).toList();
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
