package io.fabricplan.json;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JSON Schemas (draft 2020-12) of the instance and of the plan, made from the same field tables the readers
 * read by ({@link InstanceFields}, {@link PlanFields}), and of the solve options ({@link OptionsJson}, with its ranges): every field with its type, enum, unit, default and whether
 * it is required, and no other field (the readers refuse unknown ones). They are published as
 * {@code io/fabricplan/json/instance.schema.json} and {@code plan.schema.json} on the class path (and in this
 * module's sources); {@code JsonSchemaTest} keeps those files equal to what this class makes, and rewrites them
 * through {@link #main} when asked to (see README).
 *
 * <p>The schemas describe types and shape; ranges, ids that must exist and every other rule are the validator's
 * ({@code fabricplan validate}), as for the workbook.
 */
public final class JsonSchemas {
    /** Resource names of the published schemas. */
    public static final String INSTANCE_RESOURCE = "instance.schema.json";
    public static final String PLAN_RESOURCE = "plan.schema.json";
    public static final String OPTIONS_RESOURCE = "options.schema.json";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";

    private JsonSchemas() {
    }

    /** The instance's schema, as published. */
    public static String instance() {
        ObjectNode root = document("urn:fabricplan:instance:1", "fabricplan instance, version 1",
                "An AI fabric to plan: the instance workbook's sheets as arrays of records whose fields are the "
                        + "sheets' columns (same names, units and defaults; an absent optional field reads as a "
                        + "blank cell does), the Settings sheet as one object. Absent switch_models and optics take "
                        + "the built-in catalog, absent wdm_equipment (with spans) its MUX and amplifier items. The "
                        + "workbook v2's inventory and compatibility arrays, columns and settings are optional: a v1 "
                        + "instance leaves them out.");
        ObjectNode properties = rootFields(root, InstanceFields.ROOT, InstanceFields.FORMAT, InstanceFields.VERSION);
        ObjectNode defs = NODES.objectNode();
        defs.set("settings", record(InstanceFields.SETTINGS, "The Settings sheet: one field per key; absent keys "
                + "take their defaults."));
        properties.set("settings", ref("settings", true, "The settings."));
        for (JsonRecord type : InstanceFields.ARRAYS) {
            defs.set(def(type), record(type, "A row of the " + type.sheet() + " sheet."));
            properties.set(type.key(), array(type, "The " + type.sheet() + " sheet.",
                    !InstanceFields.REQUIRED_ARRAYS.contains(type)));
        }
        ArrayNode required = (ArrayNode) root.get("required");
        InstanceFields.REQUIRED_ARRAYS.forEach(t -> required.add(t.key()));
        root.set("$defs", defs);
        return text(root);
    }

    /** The plan's schema, as published. */
    public static String plan() {
        ObjectNode root = document("urn:fabricplan:plan:1", "fabricplan plan, version 1",
                "A solve's plan, as the plan workbook's result sheets hold it: the Summary's keys as fields, each "
                        + "other sheet an array of records whose fields are its columns. Decisions are typed; "
                        + "figures are numbers, null where the plan gives none. The DWDM arrays are written when the "
                        + "instance has spans.");
        ObjectNode properties = rootFields(root, PlanFields.ROOT, PlanFields.FORMAT, PlanFields.VERSION);
        ObjectNode defs = NODES.objectNode();
        for (JsonRecord type : PlanFields.ARRAYS) {
            ObjectNode record = record(type, "A row of the plan workbook's " + type.sheet() + " sheet.");
            if (type == PlanFields.PLACEMENTS) {
                placementRules(record);
            }
            defs.set(def(type), record);
            properties.set(type.key(), array(type, "The " + type.sheet() + " sheet.",
                    type != PlanFields.LINKS && type != PlanFields.DEVICES));
        }
        ArrayNode required = (ArrayNode) root.get("required");
        required.add(PlanFields.LINKS.key());
        required.add(PlanFields.DEVICES.key());
        root.set("$defs", defs);
        return text(root);
    }

    /** The solve options' schema ({@link OptionsJson}), as published: with the ranges the reader checks. */
    public static String options() {
        ObjectNode root = document("urn:fabricplan:options:1", "fabricplan solve options, version 1",
                "The options of one solve (the HTTP service's request options, a job input's options): the flags "
                        + "of fabricplan solve with underscores, with their ranges. Every field is optional; absent or "
                        + "null keeps the instance's settings. Names of choices are spelled here in capitals; the "
                        + "reader also takes them in any case.");
        root.remove("required");
        ObjectNode p = (ObjectNode) root.get("properties");
        p.set("objective", choices("what the plan minimises", io.fabricplan.model.Objective.class));
        ObjectNode time = p.putObject("time_limit_seconds");
        time.put("description", "the search's wall-clock limit, in s");
        types(time, true, "number");
        time.put("exclusiveMinimum", 0);
        ObjectNode gap = p.putObject("relative_gap");
        gap.put("description", "the relative gap at which the search stops, a fraction (0.001 is 0.1 %); 0 proves "
                + "optimality");
        types(gap, true, "number");
        gap.put("minimum", 0);
        gap.put("exclusiveMaximum", 1);
        ObjectNode threads = p.putObject("threads");
        threads.put("description", "solver threads, 0 = all cores");
        types(threads, true, "integer");
        threads.put("minimum", 0);
        threads.put("maximum", OptionsJson.MAX_THREADS);
        ObjectNode seed = p.putObject("seed");
        seed.put("description", "the search's random seed");
        types(seed, true, "integer");
        seed.put("minimum", -OptionsJson.MAX_SEED);
        seed.put("maximum", OptionsJson.MAX_SEED);
        p.set("solver", choices("the engine: AUTO is CP-SAT, or CHOCO where the OR-Tools native libraries cannot be "
                + "loaded", io.fabricplan.model.SolverKind.class));
        p.set("formulation", choices("which model of the problem is solved (AUTO unless benchmarking)",
                io.fabricplan.api.FormulationKind.class));
        p.set("inter_site", choices("media for links between sites over the spans: ANY (the optimiser's mix), GREY "
                + "(dedicated fiber pairs only) or DWDM (channels only)", io.fabricplan.api.InterSiteMedia.class));
        ObjectNode budgets = p.putObject("budgets");
        budgets.put("description", "upper limits on the plan's totals, as constraints of the solve; a limit left "
                + "out is none; given, they replace the instance's (none)");
        types(budgets, true, "object");
        ObjectNode limits = budgets.putObject("properties");
        for (String[] b : new String[][] {{"capex_usd", "the most the plan's capex may be, in USD"},
                {"power_w", "the most the plan's network power may be, in W"},
                {"tco_usd", "the most the plan's TCO may be, in USD"}}) {
            ObjectNode limit = limits.putObject(b[0]);
            limit.put("description", b[1]);
            types(limit, true, "number");
            limit.put("exclusiveMinimum", 0);
        }
        budgets.put("additionalProperties", false);
        return text(root);
    }

    private static ObjectNode choices(String description, Class<? extends Enum<?>> type) {
        ObjectNode c = NODES.objectNode();
        c.put("description", description);
        ArrayNode values = c.putArray("enum");
        for (Enum<?> e : type.getEnumConstants()) {
            values.add(e.name());
        }
        values.addNull();
        return c;
    }

    /**
     * What a placement's kind decides, as the reader reads it: a MUX names its site; an AMPLIFIER's count is how
     * many amplifiers (a whole number, absent or null for one), where a MUX's count is a figure (always 1).
     */
    private static void placementRules(ObjectNode record) {
        ArrayNode all = record.putArray("allOf");
        ObjectNode muxThen = when(all, "MUX");
        muxThen.putArray("required").add("site_id");
        muxThen.putObject("properties").putObject("site_id").put("type", "string");
        ObjectNode count = when(all, "AMPLIFIER").putObject("properties").putObject("count");
        types(count, true, "integer");
        count.put("minimum", 0);
        count.put("maximum", Integer.MAX_VALUE);
    }

    /** A rule {@code if kind is KIND then ...}; returns the then-schema to fill. */
    private static ObjectNode when(ArrayNode all, String kind) {
        ObjectNode rule = all.addObject();
        ObjectNode condition = rule.putObject("if");
        condition.putArray("required").add("kind");
        condition.putObject("properties").putObject("kind").put("const", kind);
        return rule.putObject("then");
    }

    /** The published schema, read from the class path. */
    public static String published(String resource) {
        try (InputStream in = JsonSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource + " beside " + JsonSchemas.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites the published schemas into {@code DIR} (default: this module's resources, run from the root). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "io-json/src/main/resources/io/fabricplan/json");
        Files.writeString(dir.resolve(INSTANCE_RESOURCE), instance());
        Files.writeString(dir.resolve(PLAN_RESOURCE), plan());
        Files.writeString(dir.resolve(OPTIONS_RESOURCE), options());
    }

    private static ObjectNode document(String id, String title, String description) {
        ObjectNode root = NODES.objectNode();
        root.put("$schema", DRAFT);
        root.put("$id", id);
        root.put("title", title);
        root.put("description", description);
        root.put("type", "object");
        root.set("properties", NODES.objectNode());
        root.set("required", NODES.arrayNode());
        root.put("additionalProperties", false);
        return root;
    }

    /** The top level's own fields; format and version as constants. */
    private static ObjectNode rootFields(ObjectNode root, JsonRecord fields, String format, int version) {
        ObjectNode properties = (ObjectNode) root.get("properties");
        ArrayNode required = (ArrayNode) root.get("required");
        for (JsonField f : fields.fields()) {
            ObjectNode p = switch (f.name()) {
                case "format" -> NODES.objectNode().put("const", format);
                case "version" -> NODES.objectNode().put("const", version);
                default -> field(f);
            };
            if (f.name().equals("format") || f.name().equals("version")) {
                p.put("description", f.description());
            }
            properties.set(f.name(), p);
            if (f.required()) {
                required.add(f.name());
            }
        }
        return properties;
    }

    private static String def(JsonRecord type) {
        return type.key();
    }

    private static ObjectNode ref(String def, boolean nullable, String description) {
        ObjectNode ref = NODES.objectNode().put("$ref", "#/$defs/" + def);
        if (!nullable) {
            return ref.put("description", description);
        }
        ObjectNode any = NODES.objectNode();
        any.put("description", description + " null reads as absent.");
        any.putArray("anyOf").add(ref).add(NODES.objectNode().put("type", "null"));
        return any;
    }

    /** An array of records; an optional one may be null, which reads as absent. */
    private static ObjectNode array(JsonRecord type, String description, boolean optional) {
        ObjectNode a = NODES.objectNode();
        a.put("description", description + (optional ? " Optional; null reads as absent." : ""));
        types(a, optional, "array");
        a.set("items", NODES.objectNode().put("$ref", "#/$defs/" + def(type)));
        return a;
    }

    private static ObjectNode record(JsonRecord type, String description) {
        ObjectNode r = NODES.objectNode();
        r.put("description", description);
        r.put("type", "object");
        ObjectNode properties = r.putObject("properties");
        ArrayNode required = r.putArray("required");
        for (JsonField f : type.fields()) {
            properties.set(f.name(), field(f));
            if (f.required()) {
                required.add(f.name());
            }
        }
        r.put("additionalProperties", false);
        return r;
    }

    /** One field's schema: its type (null allowed when optional: it reads as absent), unit and default. */
    private static ObjectNode field(JsonField f) {
        ObjectNode p = NODES.objectNode();
        p.put("description", f.description() + (f.unit() == null ? "" : ", in " + f.unit()));
        boolean nullable = !f.required();
        switch (f.type()) {
            case TEXT -> {
                types(p, nullable, "string");
                if (f.required()) {
                    p.put("minLength", 1);
                }
            }
            case NUMBER -> types(p, nullable, "number");
            case WHOLE -> {
                types(p, nullable, "integer");
                p.put("minimum", Integer.MIN_VALUE);
                p.put("maximum", Integer.MAX_VALUE);
            }
            case LONG -> {
                types(p, nullable, "integer");
                p.put("minimum", -(1L << 53));
                p.put("maximum", 1L << 53);
            }
            case YES_NO -> {
                ArrayNode values = p.putArray("enum").add(true).add(false).add("YES").add("NO");
                if (nullable) {
                    values.addNull();
                }
            }
            case CHOICE -> {
                ArrayNode values = p.putArray("enum");
                f.choices().forEach(values::add);
                if (nullable) {
                    values.addNull();
                }
            }
            case TEXT_LIST -> {
                ArrayNode any = p.putArray("anyOf");
                any.addObject().put("type", "array").putObject("items").put("type", "string");
                any.addObject().put("type", "string");
                any.addObject().put("type", "null");
            }
            case TEXT_ARRAY -> {
                types(p, true, "array");
                p.putObject("items").put("type", "string");
            }
            case FIGURE -> types(p, true, "number");
            case FIGURE_TEXT -> {
                if (f.choices().isEmpty()) {
                    types(p, true, "string");
                } else {
                    ArrayNode values = p.putArray("enum");
                    f.choices().forEach(values::add);
                    values.addNull();
                }
            }
        }
        if (!f.required() && f.dflt() != null) {
            p.set("default", value(f.dflt()));
        }
        return p;
    }

    private static com.fasterxml.jackson.databind.JsonNode value(Object v) {
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? NODES.numberNode(d.longValue()) : NODES.numberNode(d);
        }
        return NODES.textNode(v.toString());
    }

    private static void types(ObjectNode p, boolean nullable, String type) {
        if (nullable) {
            p.putArray("type").add(type).add("null");
        } else {
            p.put("type", type);
        }
    }

    private static String text(ObjectNode root) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
        try {
            return new ObjectMapper().writer(printer).writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
