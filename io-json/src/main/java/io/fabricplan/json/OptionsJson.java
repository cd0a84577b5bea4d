package io.fabricplan.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabricplan.api.Budgets;
import io.fabricplan.api.FormulationKind;
import io.fabricplan.api.InterSiteMedia;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.model.Objective;
import io.fabricplan.model.SolverKind;
import io.fabricplan.validate.InputProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.DoublePredicate;

/**
 * The options of one solve as JSON, for the HTTP service and the job store: {@code {"objective": "TCO",
 * "time_limit_seconds": 60, "relative_gap": 0.001, "threads": 1, "seed": 7, "solver": "CP_SAT", "formulation":
 * "AUTO", "inter_site": "ANY", "budgets": {"capex_usd": 500000, "power_w": 90000, "tco_usd": 900000}}}, or the same
 * as query parameters ({@code ?time_limit_seconds=2&objective=COST&budget_power_w=90000}). The fields are the flags
 * of {@code fabricplan solve} with underscores, with the flags' ranges: {@code --objective}, {@code --time-limit}
 * (more than 0 seconds), {@code --gap} (0 to below 1; a query parameter may also be a percentage, {@code 0.1%}),
 * {@code --threads} (0 = all cores, to 1,024), {@code --seed}, {@code --solver}, {@code --formulation},
 * {@code --inter-site}; names of choices in any case. {@code budgets} are {@link Budgets}: each more than 0, absent
 * for no limit; given, they replace the base's budgets. Every field is optional (absent or null: the base options' value); {@code export_model}, the LP bound
 * and a warm start are not options a document sets. Described by {@code options.schema.json}.
 *
 * <p>Reading reports every problem at once, each at its place ({@code /options/threads}, or {@code query parameter
 * threads}) with a hint: values of the wrong type or out of range, unknown fields with the closest known one.
 */
public final class OptionsJson {
    /** More solver threads than this are a typo rather than a machine (the CLI's limit, and the validator's). */
    public static final int MAX_THREADS = 1_024;
    /** The greatest seed magnitude: what a JSON number holds exactly (the instance's settings' seed too). */
    public static final long MAX_SEED = 1L << 53;

    static final List<String> FIELDS = List.of("objective", "time_limit_seconds", "relative_gap", "threads", "seed",
            "solver", "formulation", "inter_site", "budgets");
    static final List<String> BUDGETS = List.of("capex_usd", "power_w", "tco_usd");
    /** The query parameters of the budgets: {@code budget_capex_usd}, ... */
    static final String BUDGET_PREFIX = "budget_";
    private static final int SHOWN_CHARS = 60;
    private static final com.fasterxml.jackson.databind.ObjectMapper WRITER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private OptionsJson() {
    }

    /**
     * What reading options gave.
     *
     * @param options  the base options with every field given applied; null when there are problems
     * @param problems every problem, each at its place with a hint; empty when the options read
     */
    public record Result(SolveOptions options, List<InputProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
            if (problems.isEmpty() == (options == null)) {
                throw new IllegalArgumentException("options are given exactly when there are no problems");
            }
        }

        /** True when the options read without a problem. */
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    // ---------------------------------------------------------------- reading JSON

    /**
     * Reads an object of solve options into {@code base}.
     *
     * @param node    the options object; null, a JSON null or a missing node leave {@code base} as it is
     * @param pointer the object's JSON pointer, e.g. {@code /options} ({@code ""} for a document of its own):
     *                problems are at {@code pointer + "/field"}
     * @param base    the options of the fields not given, e.g. {@code SolveOptions.from(instance.settings())}
     */
    public static Result read(JsonNode node, String pointer, SolveOptions base) {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(base, "base");
        Reading r = new Reading(base);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return r.result();
        }
        if (!node.isObject()) {
            r.problems.add(new InputProblem(Pointers.shown(pointer), "must be an object of solve options, got "
                    + shown(node), "give the options as {\"time_limit_seconds\": 60, ...}; the fields are "
                    + String.join(", ", FIELDS) + "."));
            return r.result();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode value = e.getValue();
            String where = Pointers.child(pointer, name);
            if (!FIELDS.contains(name)) {
                String meant = closest(name, FIELDS);
                String fields = "the solve options are " + String.join(", ", FIELDS);
                r.problems.add(new InputProblem(where, "unknown field \"" + name + "\"", meant != null
                        ? "\"" + meant + "\" (" + fields + ")." : "remove it; " + fields + "."));
                continue;
            }
            if (value.isNull()) {
                continue;
            }
            if (name.equals("budgets")) {
                budgets(r, value, where);
            } else {
                r.field(name, Raw.json(where, name, value));
            }
        }
        return r.result();
    }

    private static void budgets(Reading r, JsonNode node, String where) {
        if (!node.isObject()) {
            r.problems.add(new InputProblem(where, "must be an object, got " + shown(node), "give the budgets as "
                    + "{\"capex_usd\": 500000, \"power_w\": 90000, \"tco_usd\": 900000}, each optional."));
            return;
        }
        Budgets budgets = Budgets.NONE;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            String at = Pointers.child(where, name);
            if (!BUDGETS.contains(name)) {
                String meant = closest(name, BUDGETS);
                String fields = "the budgets are " + String.join(", ", BUDGETS);
                r.problems.add(new InputProblem(at, "unknown field \"" + name + "\"", meant != null
                        ? "\"" + meant + "\" (" + fields + ")." : "remove it; " + fields + "."));
                continue;
            }
            if (!e.getValue().isNull()) {
                Double v = r.budget(Raw.json(at, name, e.getValue()));
                budgets = v == null ? budgets : withBudget(budgets, name, v);
            }
        }
        r.budgets = budgets;
    }

    // ---------------------------------------------------------------- reading query parameters

    /** As {@link #fromParameters(Map, SolveOptions, Set)}, with no parameters of the caller's own. */
    public static Result fromParameters(Map<String, List<String>> query, SolveOptions base) {
        return fromParameters(query, base, Set.of());
    }

    /**
     * Reads the options from query parameters ({@code ?time_limit_seconds=2&threads=1&budget_power_w=90000}): the
     * fields of {@link #read} by the same names, the budgets as {@code budget_capex_usd}, {@code budget_power_w} and
     * {@code budget_tco_usd} (any of them replaces the base's budgets). Problems are located as
     * {@code query parameter NAME}.
     *
     * @param query   each parameter's values, as the HTTP layer decoded them
     * @param base    the options of the parameters not given
     * @param ignored parameters the caller reads itself (e.g. {@code deadline_ms}): neither read nor unknown
     */
    public static Result fromParameters(Map<String, List<String>> query, SolveOptions base, Set<String> ignored) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(ignored, "ignored");
        Reading r = new Reading(base);
        List<String> known = new ArrayList<>(parameterNames());
        known.addAll(ignored.stream().sorted().toList());
        Budgets budgets = Budgets.NONE;
        boolean anyBudget = false;
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            String name = e.getKey();
            if (ignored.contains(name)) {
                continue;
            }
            String where = "query parameter " + name;
            if (!known.contains(name)) {
                String meant = closest(name, known);
                String names = "the query parameters are " + String.join(", ", known);
                r.problems.add(new InputProblem(where, "unknown query parameter \"" + name + "\"", meant != null
                        ? "\"" + meant + "\" (" + names + ")." : "remove it; " + names + "."));
                continue;
            }
            List<String> values = e.getValue() == null ? List.of() : e.getValue();
            if (values.size() > 1) {
                r.problems.add(new InputProblem(where, "is given " + values.size() + " times: "
                        + String.join(", ", values.stream().map(OptionsJson::quoted).toList()), "give it once."));
                continue;
            }
            String text = values.isEmpty() || values.get(0) == null ? "" : values.get(0).strip();
            if (text.isEmpty()) {
                r.problems.add(new InputProblem(where, "is empty", "give a value, e.g. " + name + "="
                        + queryExample(name) + ", or leave the parameter out."));
                continue;
            }
            if (name.startsWith(BUDGET_PREFIX)) {
                String budget = name.substring(BUDGET_PREFIX.length());
                Double v = r.budget(Raw.text(where, name, text));
                if (v != null) {
                    budgets = withBudget(budgets, budget, v);
                    anyBudget = true;
                }
            } else {
                r.field(name, Raw.text(where, name, text));
            }
        }
        if (anyBudget) {
            r.budgets = budgets;
        }
        return r.result();
    }

    /** The query parameters the options are read from, in order. */
    public static List<String> parameterNames() {
        List<String> names = new ArrayList<>(FIELDS.subList(0, FIELDS.size() - 1));
        BUDGETS.forEach(b -> names.add(BUDGET_PREFIX + b));
        return names;
    }

    private static String queryExample(String name) {
        return switch (name) {
            case "objective" -> "TCO";
            case "time_limit_seconds" -> "60";
            case "relative_gap" -> "0.001";
            case "threads" -> "4";
            case "seed" -> "7";
            case "solver" -> "CP_SAT";
            case "formulation" -> "AUTO";
            case "inter_site" -> "ANY";
            default -> "500000";
        };
    }

    private static Budgets withBudget(Budgets b, String name, double v) {
        return switch (name) {
            case "capex_usd" -> b.withCapexUsd(v);
            case "power_w" -> b.withPowerW(v);
            case "tco_usd" -> b.withTcoUsd(v);
            default -> throw new IllegalArgumentException("no budget " + name);
        };
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes the options as one JSON object, every field {@link #read} reads ({@code budgets} with each limit there
     * is, {@code {}} for none), so that reading it back over any base gives equal options (but for
     * {@code exportModel}, {@code lpBound} and {@code warmStart}, which are not written).
     */
    public static void write(SolveOptions options, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("objective", options.objective().name());
        number(g, "time_limit_seconds", options.timeLimitSeconds());
        number(g, "relative_gap", options.relativeGap());
        g.writeNumberField("threads", options.threads());
        g.writeNumberField("seed", options.seed());
        g.writeStringField("solver", options.solver().name());
        g.writeStringField("formulation", options.formulation().name());
        g.writeStringField("inter_site", options.interSite().name());
        Budgets b = options.budgets();
        g.writeObjectFieldStart("budgets");
        for (String name : BUDGETS) {
            double v = budget(b, name);
            if (v < Double.POSITIVE_INFINITY) {
                number(g, name, v);
            }
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The options as a JSON object, as {@link #write} writes them. */
    public static ObjectNode toJson(SolveOptions options) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (JsonGenerator g = WRITER.getFactory().createGenerator(out)) {
            write(options, g);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("writing to memory cannot fail", e);
        }
        try {
            return (ObjectNode) WRITER.readTree(out.toString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("reading what was written cannot fail", e);
        }
    }

    /** A number as the JSON writers write them: whole ones as integers, others in their shortest plain form. */
    private static void number(JsonGenerator g, String name, double v) throws IOException {
        g.writeFieldName(name);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            g.writeNumber((long) v);
        } else if (Math.abs(v) >= 1e-7 && Math.abs(v) < 1e15) {
            g.writeNumber(new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString());
        } else {
            g.writeNumber(v);
        }
    }

    private static double budget(Budgets b, String name) {
        return switch (name) {
            case "capex_usd" -> b.capexUsd();
            case "power_w" -> b.powerW();
            default -> b.tcoUsd();
        };
    }

    // ---------------------------------------------------------------- values

    /** One value to read: a JSON node, or a query parameter's text. */
    private record Raw(String where, String name, JsonNode json, String text) {
        static Raw json(String where, String name, JsonNode json) {
            return new Raw(where, name, json, null);
        }

        static Raw text(String where, String name, String text) {
            return new Raw(where, name, null, text);
        }

        boolean isQuery() {
            return json == null;
        }

        String shown() {
            return isQuery() ? quoted(text) : OptionsJson.shown(json);
        }

        /** How to write the field with a value, e.g. {@code "threads": 4} or {@code threads=4}. */
        String sample(String value) {
            return isQuery() ? name + "=" + value.replace("\"", "") : "\"" + name + "\": " + value;
        }
    }

    /** One reading: the options as they stand, the problems so far. */
    private static final class Reading {
        SolveOptions options;
        Budgets budgets;
        final List<InputProblem> problems = new ArrayList<>();

        Reading(SolveOptions base) {
            this.options = base;
        }

        Result result() {
            if (!problems.isEmpty()) {
                return new Result(null, problems);
            }
            return new Result(budgets == null ? options : options.withBudgets(budgets), problems);
        }

        void field(String name, Raw raw) {
            switch (name) {
                case "objective" -> {
                    Objective v = choice(raw, Objective.class, "TCO");
                    options = v == null ? options : options.withObjective(v);
                }
                case "time_limit_seconds" -> {
                    Double v = number(raw, x -> x > 0 && Double.isFinite(x), "must be more than 0 seconds",
                            "give the seconds the search may take, e.g. " + raw.sample("60")
                                    + " (fractions such as 0.5 work too).");
                    options = v == null ? options : options.withTimeLimitSeconds(v);
                }
                case "relative_gap" -> gap(raw);
                case "threads" -> {
                    Long v = whole(raw, 0, MAX_THREADS, "give 0 for all cores, or a count from 1 to "
                            + MAX_THREADS + ", e.g. " + raw.sample("4") + ".");
                    options = v == null ? options : options.withThreads((int) (long) v);
                }
                case "seed" -> {
                    Long v = whole(raw, -MAX_SEED, MAX_SEED, "give a whole number, e.g. " + raw.sample("7")
                            + "; the same seed repeats the same search.");
                    options = v == null ? options : options.withSeed(v);
                }
                case "solver" -> {
                    SolverKind v = choice(raw, SolverKind.class, "CP_SAT");
                    options = v == null ? options : options.withSolver(v);
                }
                case "formulation" -> {
                    FormulationKind v = choice(raw, FormulationKind.class, "AUTO");
                    options = v == null ? options : options.withFormulation(v);
                }
                case "inter_site" -> {
                    InterSiteMedia v = choice(raw, InterSiteMedia.class, "ANY");
                    options = v == null ? options : options.withInterSite(v);
                }
                default -> throw new IllegalArgumentException("no option " + name);
            }
        }

        /** A budget: more than 0, finite. */
        Double budget(Raw raw) {
            return number(raw, x -> x > 0 && Double.isFinite(x), "must be more than 0",
                    "give the most the plan's " + switch (raw.name().replace(BUDGET_PREFIX, "")) {
                        case "capex_usd" -> "capex may be in USD";
                        case "power_w" -> "network power may be in W";
                        default -> "TCO may be in USD";
                    } + ", e.g. " + raw.sample("500000") + "; leave it out for no limit.");
        }

        /** A gap: a fraction from 0 to below 1; a query parameter may be a percentage ({@code 0.1%}). */
        private void gap(Raw raw) {
            String maybe = "give a fraction, e.g. " + raw.sample("0.001") + " for 0.1 %"
                    + (raw.isQuery() ? ", or a percentage with its sign, e.g. " + raw.sample("0.1%") : "")
                    + "; 0 asks for proven optimality.";
            double v;
            boolean percent = raw.isQuery() && raw.text().endsWith("%");
            if (percent) {
                Double d = parse(raw.text().substring(0, raw.text().length() - 1).strip());
                if (d == null) {
                    problems.add(new InputProblem(raw.where(), "must be a number, got " + raw.shown(), maybe));
                    return;
                }
                v = d / 100;
            } else {
                Double d = number(raw, x -> true, null, maybe);
                if (d == null) {
                    return;
                }
                v = d;
            }
            if (v < 0) {
                problems.add(new InputProblem(raw.where(), "must be from 0 to below 1, got " + raw.shown(), maybe));
            } else if (v >= 1) {
                String meant = percent || v >= 100 ? maybe : "you meant " + Flags.number(v) + " %: write "
                        + raw.sample(Flags.decimal(v / 100)) + (raw.isQuery() ? " or " + raw.sample(Flags.number(v)
                        + "%") : "") + ".";
                problems.add(new InputProblem(raw.where(), "must be from 0 to below 1, got " + raw.shown()
                        + (percent ? " (" + Flags.number(100 * v) + " %), which any plan meets"
                        : ", which any plan meets"), meant));
            } else {
                options = options.withRelativeGap(v);
            }
        }

        /**
         * A finite number within {@code ok}; null, with a problem, when it is not one. {@code range} is the message
         * of a number out of range.
         */
        private Double number(Raw raw, DoublePredicate ok, String range, String maybe) {
            Double v;
            if (raw.isQuery()) {
                v = parse(raw.text());
                if (v == null) {
                    problems.add(new InputProblem(raw.where(), "must be a number, got " + raw.shown(), maybe));
                    return null;
                }
            } else if (raw.json().isNumber()) {
                v = raw.json().doubleValue();
                if (!Double.isFinite(v)) {
                    problems.add(new InputProblem(raw.where(), "must be a finite number, got " + raw.shown(),
                            maybe));
                    return null;
                }
            } else {
                problems.add(new InputProblem(raw.where(), "must be a number, got " + raw.shown(),
                        raw.json().isTextual() && parse(raw.json().asText()) != null
                                ? raw.sample(raw.json().asText().strip()) + ", without quotes." : maybe));
                return null;
            }
            if (!ok.test(v)) {
                problems.add(new InputProblem(raw.where(), range + ", got " + raw.shown(), maybe));
                return null;
            }
            return v;
        }

        /** A whole number from {@code least} to {@code most}; null, with a problem, when it is not one. */
        private Long whole(Raw raw, long least, long most, String maybe) {
            String range = "must be a whole number from " + JsonLimits.grouped(least) + " to "
                    + JsonLimits.grouped(most);
            Long v = null;
            if (raw.isQuery()) {
                try {
                    v = Long.parseLong(raw.text());
                } catch (NumberFormatException e) {
                    // reported below
                }
            } else if (raw.json().isIntegralNumber() && raw.json().canConvertToLong()) {
                v = raw.json().longValue();
            } else if (raw.json().isNumber()) {
                double d = raw.json().doubleValue();
                if (d == Math.rint(d) && Math.abs(d) <= MAX_SEED) {
                    v = (long) d;
                }
            } else if (raw.json().isTextual() && parse(raw.json().asText()) != null) {
                problems.add(new InputProblem(raw.where(), range + ", got " + raw.shown(),
                        raw.sample(raw.json().asText().strip()) + ", without quotes."));
                return null;
            }
            if (v == null || v < least || v > most) {
                problems.add(new InputProblem(raw.where(), range + ", got " + raw.shown(), maybe));
                return null;
            }
            return v;
        }

        /** A name of {@code kind} in any case; null, with a problem naming the closest, when it is none. */
        private <E extends Enum<E>> E choice(Raw raw, Class<E> kind, String example) {
            List<String> names = Arrays.stream(kind.getEnumConstants()).map(Enum::name).toList();
            String given = raw.isQuery() ? raw.text() : raw.json().isTextual() ? raw.json().asText().strip() : null;
            if (given != null) {
                for (E e : kind.getEnumConstants()) {
                    if (e.name().equalsIgnoreCase(given)) {
                        return e;
                    }
                }
            }
            String normal = given == null ? null : given.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            String meant = normal == null ? null : names.contains(normal) ? normal
                    : JsonReading.closest(normal, names);
            problems.add(new InputProblem(raw.where(), "must be one of " + String.join(", ", names) + ", got "
                    + raw.shown(), meant != null ? raw.sample("\"" + meant + "\"") + "."
                    : "give one of " + String.join(", ", names) + ", e.g. " + raw.sample("\"" + example + "\"")
                    + "."));
            return null;
        }
    }

    /**
     * The known name closest by spelling; else the one known name that begins or ends with the given one
     * ({@code time_limit}, {@code gap}); null when there is none.
     */
    static String closest(String wrong, List<String> known) {
        String meant = JsonReading.closest(wrong, known);
        if (meant != null || wrong.length() < 3) {
            return meant;
        }
        String w = wrong.toLowerCase(Locale.ROOT);
        List<String> containing = known.stream().filter(k -> k.startsWith(w) || k.endsWith(w)).toList();
        return containing.size() == 1 ? containing.get(0) : null;
    }

    /** A finite decimal number, or null. */
    private static Double parse(String text) {
        String t = text.strip();
        if (t.isEmpty() || !t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        double d = Double.parseDouble(t);
        return Double.isFinite(d) ? d : null;
    }

    private static String quoted(String text) {
        String t = text == null ? "" : text;
        return "\"" + (t.length() > SHOWN_CHARS ? t.substring(0, SHOWN_CHARS) + "..." : t) + "\"";
    }

    private static String shown(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isTextual()) {
            return quoted(node.asText());
        }
        return node.toString();
    }

    /** Numbers as the CLI prints them. */
    private static final class Flags {
        private Flags() {
        }

        /** Up to 4 decimals, trailing zeros dropped. */
        static String number(double v) {
            String s = String.format(Locale.ROOT, "%.4f", v);
            return s.contains(".") ? s.replaceAll("\\.?0+$", "") : s;
        }

        static String decimal(double v) {
            return String.format(Locale.ROOT, "%.10f", v).replaceAll("\\.?0+$", "");
        }
    }
}
