package io.fabricplan.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabricplan.api.Baseline;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.api.SolveStatistics;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.check.Violation;
import io.fabricplan.model.AmplifierPlacement;
import io.fabricplan.model.DeviceAssignment;
import io.fabricplan.model.DwdmPlan;
import io.fabricplan.model.GreyRoute;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Lightpath;
import io.fabricplan.model.LinkAssignment;
import io.fabricplan.model.MuxPlacement;
import io.fabricplan.model.Objective;
import io.fabricplan.model.Packaging;
import io.fabricplan.model.Plan;
import io.fabricplan.model.PlanEvaluator;
import io.fabricplan.model.ReportedTotals;
import io.fabricplan.model.SpanHop;
import io.fabricplan.validate.InputProblem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The documents of a job store ({@code FileJobStore} of module planning-service, through a codec the caller writes):
 * a job's input and its result, as JSON. These are our own files, not uploads: reading one that is not what these
 * writers wrote throws.
 *
 * <p>The input, {@code input.json}: {@code {"format": "fabricplan-job-input", "version": 1, "options": {...},
 * "instance": {...}}}: the options as {@link OptionsJson} writes them and the instance document exactly as
 * {@link InstanceJson} writes it (so that {@code jq .instance input.json} is an instance file
 * {@code fabricplan solve} takes).
 *
 * <p>The result, {@code result.json}: {@code {"format": "fabricplan-job-result", "version": 1, "status": ...,
 * "objective": ..., "objective_value": ..., "best_bound": ..., "relative_gap": ..., "diagnostics": [...],
 * "statistics": {...}, "plan": {...}, "baseline": {...}, "repaired": {...}}}: the {@link PlanResult} but for its
 * evaluations, which are figures of the instance ({@link #evaluated} recomputes them). A plan is its decisions
 * (devices, links, the DWDM routes, channels and equipment, and the totals it reports); a baseline its plan and the
 * rules it breaks. Numbers are exact (Java's shortest form of each double); a figure that is not a number is null
 * (NaN) or the string {@code "Infinity"}.
 */
public final class JobJson {
    public static final String INPUT_FORMAT = "fabricplan-job-input";
    public static final String RESULT_FORMAT = "fabricplan-job-result";
    public static final int VERSION = 1;

    /** Our own files: no limit but the machine's. */
    static final JsonLimits OWN_FILES = new JsonLimits(Long.MAX_VALUE / 2, 100_000, Integer.MAX_VALUE - 8, 100_000,
            Integer.MAX_VALUE - 8, 20);
    private static final JsonFactory FACTORY = JsonFactory.builder().streamReadConstraints(StreamReadConstraints
            .builder().maxStringLength(Integer.MAX_VALUE - 8).maxNameLength(Integer.MAX_VALUE - 8)
            .maxNestingDepth(100_000).maxNumberLength(100_000).build()).build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private JobJson() {
    }

    /**
     * A job's input as read back.
     *
     * @param instance the instance as it was submitted
     * @param options  the options it was solved with
     */
    public record JobInput(Instance instance, SolveOptions options) {
        public JobInput {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(options, "options");
        }
    }

    // ---------------------------------------------------------------- input

    /** The input document of a job (UTF-8). */
    public static byte[] writeInput(Instance instance, SolveOptions options) {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(options, "options");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonOut o = new JsonOut(out)) {
            o.startObject();
            o.text("format", INPUT_FORMAT);
            o.whole("version", VERSION);
            o.generator().writeFieldName("options");
            OptionsJson.write(options, o.generator());
            o.rawValue("instance", InstanceJson.toJson(instance).stripTrailing());
            o.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * Reads what {@link #writeInput} wrote. An instance with problems of its own (a job that ended INVALID) reads
     * back as it was submitted.
     *
     * @throws IllegalArgumentException when the bytes are not a job input this build reads (another format or
     *                                  version, a field missing, a document cut short), saying what is wrong
     */
    public static JobInput readInput(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        JsonNode options = null;
        byte[] instanceBytes = null;
        boolean formatGiven = false;
        boolean versionGiven = false;
        try (JsonParser p = FACTORY.createParser(bytes)) {
            p.setCodec(MAPPER);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw corrupt("input", "it is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "format" -> {
                        format("input", p.getValueAsString(), INPUT_FORMAT);
                        formatGiven = true;
                    }
                    case "version" -> {
                        version("input", p.currentToken() == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : -1);
                        versionGiven = true;
                    }
                    case "options" -> options = p.readValueAsTree();
                    case "instance" -> {
                        ByteArrayOutputStream copy = new ByteArrayOutputStream();
                        try (JsonGenerator g = FACTORY.createGenerator(copy)) {
                            g.copyCurrentStructure(p);
                        }
                        instanceBytes = copy.toByteArray();
                    }
                    default -> throw corrupt("input", "unknown field \"" + name + "\"");
                }
            }
            if (p.nextToken() != null) {
                throw corrupt("input", "it goes on after its closing }");
            }
        } catch (IOException e) {
            throw corrupt("input", "it is not valid JSON: " + e.getMessage());
        }
        if (!formatGiven) {
            format("input", null, INPUT_FORMAT);
        }
        if (!versionGiven) {
            version("input", -1);
        }
        if (instanceBytes == null || options == null) {
            throw corrupt("input", "it has no " + (instanceBytes == null ? "instance" : "options"));
        }
        InstanceJson.ReadResult read = InstanceJson.read(new ByteArrayInputStream(instanceBytes), OWN_FILES);
        if (read.instance() == null) {
            throw corrupt("input", "its instance does not read: " + describe(read.problems()));
        }
        Instance instance = read.instance();
        OptionsJson.Result o = OptionsJson.read(options, "/options", SolveOptions.from(instance.settings()));
        if (!o.ok()) {
            throw corrupt("input", "its options do not read: " + describe(o.problems()));
        }
        return new JobInput(instance, o.options());
    }

    private static String describe(List<InputProblem> problems) {
        return problems.stream().limit(3).map(InputProblem::describe).collect(Collectors.joining("; "));
    }

    // ---------------------------------------------------------------- result

    /** The result document of a job (UTF-8): everything but the evaluations. */
    public static byte[] writeResult(PlanResult result) {
        Objects.requireNonNull(result, "result");
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", RESULT_FORMAT);
        o.put("version", VERSION);
        o.put("status", result.status().name());
        o.put("objective", result.objective().name());
        figure(o, "objective_value", result.objectiveValue());
        figure(o, "best_bound", result.bestBound());
        figure(o, "relative_gap", result.relativeGap());
        ArrayNode diagnostics = o.putArray("diagnostics");
        result.diagnostics().forEach(diagnostics::add);
        o.set("statistics", statistics(result.statistics()));
        o.set("plan", plan(result.plan()));
        o.set("baseline", baseline(result.baseline()));
        o.set("repaired", baseline(result.repaired()));
        try {
            return MAPPER.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }

    /**
     * Reads what {@link #writeResult} wrote: equal to the result written but for the evaluations of the plan, the
     * baseline and the repaired rule of thumb, which are null ({@link #evaluated} recomputes them from the instance).
     *
     * @throws IllegalArgumentException when the bytes are not a job result this build reads, saying what is wrong
     */
    public static PlanResult readResult(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        JsonNode o;
        try {
            o = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw corrupt("result", "it is not valid JSON: " + e.getMessage());
        }
        if (o == null || !o.isObject()) {
            throw corrupt("result", "it is not a JSON object");
        }
        format("result", text(o, "format"), RESULT_FORMAT);
        version("result", o.path("version").isInt() ? o.get("version").intValue() : -1);
        try {
            return new PlanResult(choice(o, "status", SolveStatus.class), choice(o, "objective", Objective.class),
                    readPlan(o.get("plan")), null, figure(o, "objective_value"), figure(o, "best_bound"),
                    figure(o, "relative_gap"), readBaseline(o.get("baseline")), readStatistics(o.get("statistics")),
                    list(o, "diagnostics", JsonNode::textValue), readBaseline(o.get("repaired")));
        } catch (RuntimeException e) {
            throw corrupt("result", e.getMessage());
        }
    }

    /**
     * The result with the evaluations of its plan, baseline and repaired rule of thumb recomputed from the instance
     * solved (under the result's objective, as the planner evaluates them): a result {@link #readResult} read then
     * renders as the one written.
     */
    public static PlanResult evaluated(PlanResult result, Instance instance) {
        Instance target = instance.withSettings(instance.settings().withObjective(result.objective()));
        PlanEvaluator evaluator = new PlanEvaluator(target);
        return new PlanResult(result.status(), result.objective(), result.plan(),
                result.plan() == null ? null : result.evaluation() != null ? result.evaluation()
                        : evaluator.evaluate(result.plan()),
                result.objectiveValue(), result.bestBound(), result.relativeGap(),
                evaluated(result.baseline(), evaluator), result.statistics(), result.diagnostics(),
                evaluated(result.repaired(), evaluator));
    }

    private static Baseline evaluated(Baseline b, PlanEvaluator evaluator) {
        if (b == null || b.evaluation() != null || b.plan() == null) {
            return b;
        }
        return new Baseline(b.plan(), evaluator.evaluate(b.plan()), b.violations());
    }

    private static ObjectNode statistics(SolveStatistics s) {
        if (s == null) {
            return null;
        }
        ObjectNode o = MAPPER.createObjectNode();
        o.put("model", s.model());
        o.put("solver", s.solver());
        o.put("status", s.status() == null ? null : s.status().name());
        figure(o, "objective", s.objective());
        figure(o, "bound", s.bound());
        figure(o, "gap", s.gap());
        figure(o, "time_to_best_s", s.timeToBestS());
        figure(o, "build_s", s.buildS());
        figure(o, "total_s", s.totalS());
        o.put("variables", s.variables());
        o.put("constraints", s.constraints());
        o.put("groups", s.groups());
        o.put("bound_source", s.boundSource());
        return o;
    }

    private static SolveStatistics readStatistics(JsonNode o) {
        if (o == null || o.isNull()) {
            return null;
        }
        return new SolveStatistics(text(o, "model"), text(o, "solver"),
                o.path("status").isNull() ? null : choice(o, "status", SolveStatus.class), figure(o, "objective"),
                figure(o, "bound"), figure(o, "gap"), figure(o, "time_to_best_s"), figure(o, "build_s"),
                figure(o, "total_s"), whole(o, "variables"), whole(o, "constraints"), whole(o, "groups"),
                text(o, "bound_source"));
    }

    private static ObjectNode baseline(Baseline b) {
        if (b == null) {
            return null;
        }
        ObjectNode o = MAPPER.createObjectNode();
        o.set("plan", plan(b.plan()));
        ArrayNode violations = o.putArray("violations");
        for (Violation v : b.violations()) {
            violations.addObject().put("kind", v.kind().name()).put("subject", v.subject())
                    .put("message", v.message());
        }
        return o;
    }

    private static Baseline readBaseline(JsonNode o) {
        if (o == null || o.isNull()) {
            return null;
        }
        return new Baseline(readPlan(o.get("plan")), null, list(o, "violations",
                v -> new Violation(choice(v, "kind", Violation.Kind.class), text(v, "subject"), text(v, "message"))));
    }

    // ---------------------------------------------------------------- plans

    private static ObjectNode plan(Plan plan) {
        if (plan == null) {
            return null;
        }
        ObjectNode o = MAPPER.createObjectNode();
        ArrayNode devices = o.putArray("devices");
        for (DeviceAssignment d : plan.devices()) {
            devices.addObject().put("device_id", d.deviceId()).put("model_id", d.modelId())
                    .put("rack_id", d.rackId());
        }
        ArrayNode links = o.putArray("links");
        for (LinkAssignment a : plan.links()) {
            ObjectNode link = links.addObject().put("link_id", a.linkId()).put("optic_id", a.opticId())
                    .put("a_end", a.aEnd().name()).put("b_end", a.bEnd().name()).put("count", a.count());
            // the b end's module where it differs; left out otherwise, as results written before it have it
            if (a.bOpticId() != null) {
                link.put("b_optic_id", a.bOpticId());
            }
        }
        ReportedTotals r = plan.reported();
        if (r != null) {
            ObjectNode reported = o.putObject("reported");
            reported.put("objective", r.objective() == null ? null : r.objective().name());
            figure(reported, "objective_value", r.objectiveValue());
            figure(reported, "capex_usd", r.capexUsd());
            figure(reported, "power_w", r.powerW());
            figure(reported, "tco_usd", r.tcoUsd());
        }
        DwdmPlan dwdm = plan.dwdm();
        ArrayNode lightpaths = o.putArray("dwdm_lightpaths");
        for (Lightpath lp : dwdm.lightpaths()) {
            ObjectNode n = lightpaths.addObject().put("link_id", lp.linkId()).put("cable", lp.cableIndex())
                    .put("optic_id", lp.opticId());
            n.set("route", route(lp.route()));
            n.put("channel", lp.channel());
        }
        ArrayNode greyRoutes = o.putArray("dwdm_grey_routes");
        for (GreyRoute g : dwdm.greyRoutes()) {
            ObjectNode n = greyRoutes.addObject().put("link_id", g.linkId()).put("cable", g.cableIndex())
                    .put("optic_id", g.opticId());
            n.set("route", route(g.route()));
        }
        ArrayNode amplifiers = o.putArray("dwdm_amplifiers");
        for (AmplifierPlacement a : dwdm.amplifiers()) {
            amplifiers.addObject().put("span_id", a.spanId()).put("fiber_pair", a.fiberPair())
                    .put("item_id", a.itemId()).put("count", a.count());
        }
        ArrayNode muxes = o.putArray("dwdm_muxes");
        for (MuxPlacement m : dwdm.muxes()) {
            muxes.addObject().put("site_id", m.siteId()).put("span_id", m.spanId()).put("fiber_pair", m.fiberPair())
                    .put("item_id", m.itemId());
        }
        return o;
    }

    /** A route as {@code [["s-AB", 0], ["s-BC", 1]]}: span and fiber pair, whatever characters the ids hold. */
    private static ArrayNode route(List<SpanHop> route) {
        ArrayNode a = MAPPER.createArrayNode();
        for (SpanHop h : route) {
            a.addArray().add(h.spanId()).add(h.fiberPair());
        }
        return a;
    }

    private static Plan readPlan(JsonNode o) {
        if (o == null || o.isNull()) {
            return null;
        }
        List<DeviceAssignment> devices = list(o, "devices", d -> new DeviceAssignment(text(d, "device_id"),
                text(d, "model_id"), text(d, "rack_id")));
        List<LinkAssignment> links = list(o, "links", a -> new LinkAssignment(text(a, "link_id"),
                text(a, "optic_id"), choice(a, "a_end", Packaging.class), choice(a, "b_end", Packaging.class),
                whole(a, "count"), a.has("b_optic_id") ? text(a, "b_optic_id") : null));
        JsonNode r = o.get("reported");
        ReportedTotals reported = r == null || r.isNull() ? null : new ReportedTotals(
                r.path("objective").isNull() ? null : choice(r, "objective", Objective.class),
                figure(r, "objective_value"), figure(r, "capex_usd"), figure(r, "power_w"), figure(r, "tco_usd"));
        DwdmPlan dwdm = new DwdmPlan(
                list(o, "dwdm_lightpaths", lp -> new Lightpath(text(lp, "link_id"), whole(lp, "cable"),
                        text(lp, "optic_id"), readRoute(lp), whole(lp, "channel"))),
                list(o, "dwdm_grey_routes", g -> new GreyRoute(text(g, "link_id"), whole(g, "cable"),
                        text(g, "optic_id"), readRoute(g))),
                list(o, "dwdm_amplifiers", a -> new AmplifierPlacement(text(a, "span_id"), whole(a, "fiber_pair"),
                        text(a, "item_id"), whole(a, "count"))),
                list(o, "dwdm_muxes", m -> new MuxPlacement(text(m, "site_id"), text(m, "span_id"),
                        whole(m, "fiber_pair"), text(m, "item_id"))));
        return new Plan(devices, links, reported, dwdm);
    }

    private static List<SpanHop> readRoute(JsonNode o) {
        return list(o, "route", h -> {
            if (!h.isArray() || h.size() != 2 || !h.get(0).isTextual() || !h.get(1).isInt()) {
                throw new IllegalArgumentException("a hop of a route is not [\"span\", pair]: " + h);
            }
            return new SpanHop(h.get(0).textValue(), h.get(1).intValue());
        });
    }

    // ---------------------------------------------------------------- values

    /** A double: a number; null for NaN; "Infinity" or "-Infinity". */
    private static void figure(ObjectNode o, String name, double v) {
        if (Double.isNaN(v)) {
            o.putNull(name);
        } else if (Double.isInfinite(v)) {
            o.put(name, v > 0 ? "Infinity" : "-Infinity");
        } else {
            o.put(name, v);
        }
    }

    private static double figure(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no " + name + " in " + shortly(o));
        }
        if (v.isNull()) {
            return Double.NaN;
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual() && (v.textValue().equals("Infinity") || v.textValue().equals("-Infinity"))) {
            return Double.parseDouble(v.textValue());
        }
        throw new IllegalArgumentException(name + " is not a number: " + v);
    }

    /** Text, null when null. */
    private static String text(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no " + name + " in " + shortly(o));
        }
        if (!v.isNull() && !v.isTextual()) {
            throw new IllegalArgumentException(name + " is not a string: " + v);
        }
        return v.textValue();
    }

    private static int whole(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null || !v.isInt()) {
            throw new IllegalArgumentException(v == null ? "no " + name + " in " + shortly(o)
                    : name + " is not a whole number: " + v);
        }
        return v.intValue();
    }

    private static <E extends Enum<E>> E choice(JsonNode o, String name, Class<E> kind) {
        String v = text(o, name);
        try {
            return Enum.valueOf(kind, Objects.requireNonNull(v, name));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(name + " is not a " + kind.getSimpleName() + ": " + v, e);
        }
    }

    private static <T> List<T> list(JsonNode o, String name, Function<JsonNode, T> item) {
        JsonNode v = o.get(name);
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException(v == null ? "no " + name + " in " + shortly(o)
                    : name + " is not an array");
        }
        List<T> out = new ArrayList<>(v.size());
        for (JsonNode n : v) {
            out.add(item.apply(n));
        }
        return out;
    }

    private static String shortly(JsonNode o) {
        String s = o.toString();
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    private static void format(String what, String format, String expected) {
        if (!expected.equals(format)) {
            throw corrupt(what, "its format is " + (format == null ? "missing" : "\"" + format + "\"") + ", not \""
                    + expected + "\"");
        }
    }

    private static void version(String what, int version) {
        if (version != VERSION) {
            throw corrupt(what, "its version is " + version + "; this build reads version " + VERSION);
        }
    }

    private static IllegalArgumentException corrupt(String what, String why) {
        return new IllegalArgumentException("not a fabricplan job " + what + " this build reads: " + why
                + ". Maybe the file was edited or cut short, or written by another version; submit the job again.");
    }
}
