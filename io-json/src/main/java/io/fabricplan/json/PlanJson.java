package io.fabricplan.json;

import io.fabricplan.api.Baseline;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveStatistics;
import io.fabricplan.check.StatedFigures;
import io.fabricplan.model.AmplifierPlacement;
import io.fabricplan.model.DeviceAssignment;
import io.fabricplan.model.DwdmEvaluator;
import io.fabricplan.model.DwdmPlan;
import io.fabricplan.model.GreyRoute;
import io.fabricplan.model.Instance;
import io.fabricplan.model.InstanceIndex;
import io.fabricplan.model.Lightpath;
import io.fabricplan.model.Link;
import io.fabricplan.model.LinkAssignment;
import io.fabricplan.model.MuxPlacement;
import io.fabricplan.model.Objective;
import io.fabricplan.model.Packaging;
import io.fabricplan.model.Plan;
import io.fabricplan.model.PlanEvaluation;
import io.fabricplan.model.PlanEvaluator;
import io.fabricplan.model.ReportedTotals;
import io.fabricplan.model.SpanHop;
import io.fabricplan.model.WdmEquipment;
import io.fabricplan.model.WdmKind;
import io.fabricplan.validate.InputProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The plan as JSON: what a plan workbook's result sheets hold, {@code {"format": "fabricplan-plan", "version": 1,
 * "status": ..., "objective": ..., "objective_value": ..., ..., "links": [...], "devices": [...], "racks": [...],
 * "bom": [...]}} and, when the instance has spans, {@code dwdm_lightpaths}, {@code dwdm_grey_routes},
 * {@code dwdm_spans} and {@code dwdm_placements}: the Summary's keys as fields, every other sheet an array with its
 * columns as fields, figures null where the workbook's cell is blank. The BOM's {@code reused} and {@code bought}
 * are written when the instance uses the workbook v2's supply rules ({@link Instance#usesSupplyRules()}), so that a
 * v1 instance's plan is written as before them. Described by {@code plan.schema.json}.
 *
 * <p>Reading gives the plan's decisions and the figures it states, each at its JSON pointer, so that
 * {@link io.fabricplan.check.PlanChecker} checks the plan and every figure independently, as for a plan workbook.
 */
public final class PlanJson {
    private static final String DOCUMENT = "a fabricplan plan";

    private PlanJson() {
    }

    /**
     * What reading a plan document gave.
     *
     * @param plan         the plan; null when the document could not be read as a plan. Records with problems
     *                     are left out.
     * @param stated       the figures it states, each at its JSON pointer; null when {@code plan} is
     * @param problems     every unreadable decision, missing required field or array, at most
     *                     {@link JsonLimits#problems()} of them
     * @param problemCount every problem found, kept or not
     */
    public record ReadResult(Plan plan, StatedFigures stated, List<InputProblem> problems, long problemCount) {
        public ReadResult {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return plan != null && problemCount == 0;
        }
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes the plan of a solve atomically (through a temporary file beside {@code out}).
     *
     * @param instance   the instance solved
     * @param result     the solve's result; without a plan only the top level has figures
     * @param solverName the engine's name for {@code solver}
     */
    public static void write(Instance instance, PlanResult result, String solverName, Path out) throws IOException {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(result, "result");
        JsonFiles.writeAtomically(out, stream -> write(instance, result, solverName, stream));
    }

    /** Writes the plan of a solve as one document (UTF-8); the stream is flushed, not closed. */
    public static void write(Instance instance, PlanResult result, String solverName, OutputStream out)
            throws IOException {
        PlanEvaluation e = result.evaluation();
        if (e == null && result.plan() != null) {
            e = new PlanEvaluator(instance).evaluate(result.plan());
        }
        try (JsonOut o = new JsonOut(out)) {
            o.startObject();
            o.text("format", PlanFields.FORMAT);
            o.whole("version", PlanFields.VERSION);
            summary(o, result, e, solverName);
            links(o, instance, result.plan(), e);
            devices(o, e);
            racks(o, e);
            bom(o, e, instance.usesSupplyRules());
            if (instance.hasSpans() || result.plan() != null && !result.plan().dwdm().isEmpty()) {
                dwdm(o, instance, result.plan() == null ? new Plan(List.of(), List.of()) : result.plan());
            }
            o.endObject();
        }
    }

    private static void summary(JsonOut o, PlanResult result, PlanEvaluation e, String solverName)
            throws IOException {
        o.choice("status", result.status());
        o.choice("objective", result.objective());
        o.figure("objective_value", e == null ? result.objectiveValue() : e.objectiveValue());
        o.figure("best_bound", result.bestBound());
        o.figure("relative_gap", result.relativeGap());
        o.figure("capex_usd", e == null ? Double.NaN : e.capexUsd());
        o.figure("power_w", e == null ? Double.NaN : e.powerW());
        o.figure("tco_usd", e == null ? Double.NaN : e.tcoUsd());
        SolveStatistics stats = result.statistics();
        o.figure("solve_seconds", stats == null ? Double.NaN : stats.totalS());
        o.textOrNull("solver", solverName);
        Baseline baseline = result.baseline();
        PlanEvaluation greedy = baseline == null ? null : baseline.evaluation();
        o.figure("greedy_objective_value", greedy == null ? Double.NaN : greedy.objectiveValue());
        o.figure("greedy_capex_usd", greedy == null ? Double.NaN : greedy.capexUsd());
        o.figure("greedy_power_w", greedy == null ? Double.NaN : greedy.powerW());
        if (baseline == null) {
            o.nullField("greedy_feasible");
        } else {
            o.bool("greedy_feasible", baseline.feasible());
        }
        o.textOrNull("statistics", stats == null ? null : stats.line());
        o.strings("diagnostics", result.diagnostics());
    }

    private static void links(JsonOut o, Instance instance, Plan plan, PlanEvaluation e) throws IOException {
        o.startArray(PlanFields.LINKS.key());
        if (plan != null) {
            // every assignment gets a record; the evaluation skips unknown links or optics, whose figures are null
            Map<LinkAssignment, PlanEvaluation.LinkRow> rows = new IdentityHashMap<>();
            if (e != null) {
                e.links().forEach(r -> rows.put(r.assignment(), r));
            }
            InstanceIndex index = new InstanceIndex(instance);
            for (LinkAssignment a : plan.links()) {
                PlanEvaluation.LinkRow row = rows.get(a);
                Link link = row != null ? row.link() : index.link(a.linkId());
                o.startObject();
                o.textOrNull("link_id", a.linkId());
                o.textOrNull("a_device", link == null ? null : link.aDevice());
                o.textOrNull("b_device", link == null ? null : link.bDevice());
                o.whole("count", a.count());
                o.figure("gbps", link == null ? Double.NaN : link.gbps());
                o.figure("length_m", row == null ? Double.NaN : row.lengthM());
                o.textOrNull("optic_id", a.opticId());
                bOptic(o, a);
                o.choice("a_end", a.aEnd());
                o.choice("b_end", a.bEnd());
                o.figure("power_w", row == null ? Double.NaN : row.powerW());
                o.figure("cost_usd", row == null ? Double.NaN : row.costUsd());
                o.endObject();
            }
        }
        o.endArray();
    }

    /** The b end's module where it differs from the a end's; left out otherwise, as a plan without one has it. */
    private static void bOptic(JsonOut o, LinkAssignment a) throws IOException {
        if (a.bOpticId() != null) {
            o.text("b_optic_id", a.bOpticId());
        }
    }

    private static void devices(JsonOut o, PlanEvaluation e) throws IOException {
        o.startArray(PlanFields.DEVICES.key());
        if (e != null) {
            for (PlanEvaluation.DeviceRow d : e.devices()) {
                o.startObject();
                o.textOrNull("device_id", d.deviceId());
                o.textOrNull("model_id", d.modelId());
                o.choice("packaging", d.packaging());
                o.textOrNull("rack_id", d.rackId());
                o.figure("ports_used", d.portsUsed());
                o.figure("ports", d.ports());
                o.figure("power_w", d.powerW());
                o.figure("cost_usd", d.costUsd());
                o.endObject();
            }
        }
        o.endArray();
    }

    private static void racks(JsonOut o, PlanEvaluation e) throws IOException {
        o.startArray(PlanFields.RACKS.key());
        if (e != null) {
            for (PlanEvaluation.RackRow r : e.racks()) {
                o.startObject();
                o.textOrNull("rack_id", r.rackId());
                o.figure("power_budget_kw", r.powerBudgetKw());
                o.figure("base_load_kw", r.baseLoadKw());
                o.figure("network_kw", r.networkKw());
                o.figure("total_kw", r.totalKw());
                o.figure("utilization", r.utilization());
                o.endObject();
            }
        }
        o.endArray();
    }

    /** The bill of materials; with {@code supply}, each line's reused and bought units too. */
    private static void bom(JsonOut o, PlanEvaluation e, boolean supply) throws IOException {
        o.startArray(PlanFields.BOM.key());
        if (e != null) {
            for (PlanEvaluation.BomRow b : e.bom()) {
                o.startObject();
                o.textOrNull("item_id", b.itemId());
                o.textOrNull("kind", b.kind());
                o.figure("quantity", b.quantity());
                o.figure("unit_cost_usd", b.unitCostUsd());
                o.figure("total_cost_usd", b.totalCostUsd());
                if (supply) {
                    o.figure("reused", b.reused());
                    o.figure("bought", b.bought());
                }
                o.endObject();
            }
        }
        o.endArray();
    }

    private static void dwdm(JsonOut o, Instance instance, Plan plan) throws IOException {
        InstanceIndex index = new InstanceIndex(instance);
        DwdmEvaluator ev = new DwdmEvaluator(index, plan);
        o.startArray(PlanFields.LIGHTPATHS.key());
        for (Lightpath lp : plan.dwdm().lightpaths()) {
            DwdmEvaluator.LightpathFigures f = ev.figures(lp);
            o.startObject();
            o.textOrNull("link_id", lp.linkId());
            o.whole("cable", lp.cableIndex());
            o.textOrNull("route", SpanHop.format(lp.route()));
            o.whole("channel", lp.channel());
            o.figure("frequency_thz", f.frequencyThz());
            o.textOrNull("optic_id", lp.opticId());
            // OSNR is null (infinite) on a route without amplifiers: only the loss budget limits it
            o.figure("osnr_db", f.osnrDb());
            o.figure("margin_db", f.marginDb());
            o.endObject();
        }
        o.endArray();
        o.startArray(PlanFields.GREY_ROUTES.key());
        for (GreyRoute g : plan.dwdm().greyRoutes()) {
            o.startObject();
            o.textOrNull("link_id", g.linkId());
            o.whole("cable", g.cableIndex());
            o.textOrNull("route", SpanHop.format(g.route()));
            o.textOrNull("optic_id", g.opticId());
            o.figure("length_m", ev.routeLengthM(g.route()));
            o.endObject();
        }
        o.endArray();
        o.startArray(PlanFields.SPANS.key());
        for (DwdmEvaluator.SpanRow r : ev.spanRows()) {
            o.startObject();
            o.textOrNull("span_id", r.spanId());
            o.whole("fiber_pairs_used", r.fiberPairsUsed());
            o.whole("dwdm_fiber_pairs", r.dwdmFiberPairs());
            o.whole("channels_used", r.channelsUsed());
            o.whole("amplifiers", r.amplifiers());
            o.endObject();
        }
        o.endArray();
        o.startArray(PlanFields.PLACEMENTS.key());
        for (MuxPlacement m : plan.dwdm().muxes()) {
            o.startObject();
            o.textOrNull("item_id", m.itemId());
            o.choice("kind", WdmKind.MUX);
            o.textOrNull("site_id", m.siteId());
            o.textOrNull("span_id", m.spanId());
            o.whole("fiber_pair", m.fiberPair());
            o.whole("count", 1);
            o.endObject();
        }
        for (AmplifierPlacement a : plan.dwdm().amplifiers()) {
            WdmEquipment item = index.wdm(a.itemId());
            o.startObject();
            o.textOrNull("item_id", a.itemId());
            o.choice("kind", item == null ? WdmKind.AMPLIFIER : item.kind());
            o.nullField("site_id");
            o.textOrNull("span_id", a.spanId());
            o.whole("fiber_pair", a.fiberPair());
            o.whole("count", a.count());
            o.endObject();
        }
        o.endArray();
    }

    // ---------------------------------------------------------------- a plan as read, figures as stated

    /**
     * Writes a plan as it was read, with the figures it states (a plan workbook read by {@code PlanWorkbookReader}),
     * atomically: each figure as it stands (a number; null where blank; its text where a number belongs and text
     * stands, for the checker to report), a column the workbook lacks left out of every record, a sheet it lacks
     * left out. So {@code fabricplan check} finds in the JSON what it finds in the workbook.
     *
     * @return the stated Summary keys the plan JSON has no field for, which are left out
     */
    public static List<String> write(Plan plan, StatedFigures stated, Path out) throws IOException {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(stated, "stated");
        List<String> left = new ArrayList<>();
        JsonFiles.writeAtomically(out, stream -> left.addAll(write(plan, stated, stream)));
        return left;
    }

    /** As {@link #write(Plan, StatedFigures, Path)}, to a stream (flushed, not closed). */
    public static List<String> write(Plan plan, StatedFigures stated, OutputStream out) throws IOException {
        List<String> left = new ArrayList<>();
        try (JsonOut o = new JsonOut(out)) {
            o.startObject();
            o.text("format", PlanFields.FORMAT);
            o.whole("version", PlanFields.VERSION);
            statedSummary(o, stated.summary(), left);
            Stated<StatedFigures.LinkRow> links = new Stated<>(o, stated.links(), PlanFields.LINKS);
            links.write(r -> {
                LinkAssignment a = plan.links().get(r.assignment());
                o.textOrNull("link_id", a.linkId());
                links.text("a_device", r.aDevice());
                links.text("b_device", r.bDevice());
                o.whole("count", a.count());
                links.figure("gbps", r.gbps(), r.notNumbers());
                links.figure("length_m", r.lengthM(), r.notNumbers());
                o.textOrNull("optic_id", a.opticId());
                bOptic(o, a);
                o.choice("a_end", a.aEnd());
                o.choice("b_end", a.bEnd());
                links.figure("power_w", r.powerW(), r.notNumbers());
                links.figure("cost_usd", r.costUsd(), r.notNumbers());
            });
            Stated<StatedFigures.DeviceRow> devices = new Stated<>(o, stated.devices(), PlanFields.DEVICES);
            devices.write(r -> {
                DeviceAssignment d = plan.devices().get(r.assignment());
                o.textOrNull("device_id", d.deviceId());
                o.textOrNull("model_id", d.modelId());
                devices.text("packaging", r.packaging());
                o.textOrNull("rack_id", d.rackId());
                devices.figure("ports_used", r.portsUsed(), r.notNumbers());
                devices.figure("ports", r.ports(), r.notNumbers());
                devices.figure("power_w", r.powerW(), r.notNumbers());
                devices.figure("cost_usd", r.costUsd(), r.notNumbers());
            });
            Stated<StatedFigures.RackRow> racks = new Stated<>(o, stated.racks(), PlanFields.RACKS);
            racks.write(r -> {
                racks.text("rack_id", r.rackId());
                racks.figure("power_budget_kw", r.powerBudgetKw(), r.notNumbers());
                racks.figure("base_load_kw", r.baseLoadKw(), r.notNumbers());
                racks.figure("network_kw", r.networkKw(), r.notNumbers());
                racks.figure("total_kw", r.totalKw(), r.notNumbers());
                racks.figure("utilization", r.utilization(), r.notNumbers());
            });
            Stated<StatedFigures.BomRow> bom = new Stated<>(o, stated.bom(), PlanFields.BOM);
            bom.write(r -> {
                bom.text("item_id", r.itemId());
                bom.text("kind", r.kind());
                bom.figure("quantity", r.quantity(), r.notNumbers());
                bom.figure("unit_cost_usd", r.unitCostUsd(), r.notNumbers());
                bom.figure("total_cost_usd", r.totalCostUsd(), r.notNumbers());
                // a plan written before the reused and bought figures states neither: none is made up here
                // (notNumbers is null where every figure of the line is a number or blank)
                if (!Double.isNaN(r.reused()) || r.notNumbers() != null && r.notNumbers().containsKey("reused")) {
                    bom.figure("reused", r.reused(), r.notNumbers());
                }
                if (!Double.isNaN(r.bought()) || r.notNumbers() != null && r.notNumbers().containsKey("bought")) {
                    bom.figure("bought", r.bought(), r.notNumbers());
                }
            });
            statedDwdm(o, plan, stated);
            o.endObject();
        }
        return left;
    }

    private static void statedDwdm(JsonOut o, Plan plan, StatedFigures stated) throws IOException {
        Stated<StatedFigures.LightpathRow> lightpaths = new Stated<>(o, stated.lightpaths(), PlanFields.LIGHTPATHS);
        lightpaths.write(r -> {
            Lightpath lp = plan.dwdm().lightpaths().get(r.lightpath());
            o.textOrNull("link_id", lp.linkId());
            o.whole("cable", lp.cableIndex());
            o.textOrNull("route", SpanHop.format(lp.route()));
            o.whole("channel", lp.channel());
            lightpaths.figure("frequency_thz", r.frequencyThz(), r.notNumbers());
            o.textOrNull("optic_id", lp.opticId());
            lightpaths.figure("osnr_db", r.osnrDb(), r.notNumbers());
            lightpaths.figure("margin_db", r.marginDb(), r.notNumbers());
        });
        Stated<StatedFigures.GreyRouteRow> grey = new Stated<>(o, stated.greyRoutes(), PlanFields.GREY_ROUTES);
        grey.write(r -> {
            GreyRoute g = plan.dwdm().greyRoutes().get(r.greyRoute());
            o.textOrNull("link_id", g.linkId());
            o.whole("cable", g.cableIndex());
            o.textOrNull("route", SpanHop.format(g.route()));
            o.textOrNull("optic_id", g.opticId());
            grey.figure("length_m", r.lengthM(), r.notNumbers());
        });
        Stated<StatedFigures.SpanRow> spans = new Stated<>(o, stated.spans(), PlanFields.SPANS);
        spans.write(r -> {
            spans.text("span_id", r.spanId());
            spans.figure("fiber_pairs_used", r.fiberPairsUsed(), r.notNumbers());
            spans.figure("dwdm_fiber_pairs", r.dwdmFiberPairs(), r.notNumbers());
            spans.figure("channels_used", r.channelsUsed(), r.notNumbers());
            spans.figure("amplifiers", r.amplifiers(), r.notNumbers());
        });
        Stated<StatedFigures.MuxRow> muxes = new Stated<>(o, stated.muxes(), PlanFields.PLACEMENTS);
        if (!muxes.present()) {
            return;
        }
        o.startArray(PlanFields.PLACEMENTS.key());
        for (StatedFigures.MuxRow r : stated.muxes().rows()) {
            MuxPlacement m = plan.dwdm().muxes().get(r.mux());
            o.startObject();
            o.textOrNull("item_id", m.itemId());
            o.choice("kind", WdmKind.MUX);
            o.textOrNull("site_id", m.siteId());
            o.textOrNull("span_id", m.spanId());
            o.whole("fiber_pair", m.fiberPair());
            muxes.figure("count", r.count(), r.notNumbers());
            o.endObject();
        }
        for (AmplifierPlacement a : plan.dwdm().amplifiers()) {
            o.startObject();
            o.textOrNull("item_id", a.itemId());
            o.choice("kind", WdmKind.AMPLIFIER);
            o.nullField("site_id");
            o.textOrNull("span_id", a.spanId());
            o.whole("fiber_pair", a.fiberPair());
            o.whole("count", a.count());
            o.endObject();
        }
        o.endArray();
    }

    /** The Summary's rows as the top level's fields, the first row of a key; diagnostics as one array. */
    private static void statedSummary(JsonOut o, StatedFigures.Table<StatedFigures.SummaryRow> summary,
                                      List<String> left) throws IOException {
        Map<String, StatedFigures.SummaryRow> first = new LinkedHashMap<>();
        List<String> diagnostics = new ArrayList<>();
        for (StatedFigures.SummaryRow r : summary.rows()) {
            if (r.key().equals("diagnostic")) {
                if (r.text() != null) {
                    diagnostics.add(r.text());
                }
            } else if (first.putIfAbsent(r.key(), r) == null && PlanFields.ROOT.field(r.key()) == null) {
                left.add(r.key());
            }
        }
        for (JsonField f : PlanFields.ROOT.fields()) {
            StatedFigures.SummaryRow r = first.get(f.name());
            if (f.name().equals("diagnostics")) {
                if (summary.present()) {
                    o.strings("diagnostics", diagnostics);
                }
            } else if (r != null && !f.name().equals("format") && !f.name().equals("version")) {
                if (f.type() == JsonField.Type.FIGURE && !Double.isNaN(r.number())) {
                    o.figure(f.name(), r.number());
                } else if (f.type() == JsonField.Type.YES_NO && r.text() != null
                        && (r.text().equalsIgnoreCase("YES") || r.text().equalsIgnoreCase("NO"))) {
                    o.bool(f.name(), r.text().equalsIgnoreCase("YES"));
                } else {
                    o.textOrNull(f.name(), r.text());
                }
            }
        }
    }

    /** Writes one stated table as its array, leaving out the figure fields its sheet lacks. */
    private static final class Stated<R> {
        private final JsonOut o;
        private final StatedFigures.Table<R> table;
        private final JsonRecord type;

        Stated(JsonOut o, StatedFigures.Table<R> table, JsonRecord type) {
            this.o = o;
            this.table = table;
            this.type = type;
        }

        boolean present() {
            return table.present();
        }

        @FunctionalInterface
        interface RowWriter<R> {
            void write(R row) throws IOException;
        }

        void write(RowWriter<R> writer) throws IOException {
            if (!table.present()) {
                return;
            }
            o.startArray(type.key());
            for (R r : table.rows()) {
                o.startObject();
                writer.write(r);
                o.endObject();
            }
            o.endArray();
        }

        void figure(String name, double value, Map<String, String> notNumbers) throws IOException {
            if (table.missingColumns().contains(name)) {
                return;
            }
            String text = notNumbers == null ? null : notNumbers.get(name);
            if (text != null) {
                o.textOrNull(name, text);
            } else {
                o.figure(name, value);
            }
        }

        void text(String name, String value) throws IOException {
            if (!table.missingColumns().contains(name)) {
                o.textOrNull(name, value);
            }
        }
    }

    // ---------------------------------------------------------------- reading

    /** Reads the plan document at {@code json} under the default limits; never throws for user errors. */
    public static ReadResult read(Path json) {
        return read(json, JsonLimits.DEFAULTS);
    }

    /** As {@link #read(Path)}, under the given limits. */
    public static ReadResult read(Path json, JsonLimits limits) {
        Problems problems = new Problems(limits.problems());
        Session session = new Session(problems);
        return session.result(JsonReading.read(json, limits, problems, DOCUMENT, session::read));
    }

    /** Reads a plan document from a stream (not closed). */
    public static ReadResult read(InputStream in, JsonLimits limits) {
        Problems problems = new Problems(limits.problems());
        Session session = new Session(problems);
        return session.result(JsonReading.read(in, limits, problems, DOCUMENT, session::read));
    }

    /** One reading of a plan document. */
    private static final class Session {
        private final Problems problems;
        private final Map<JsonRecord, Figures<?>> tables = new HashMap<>();
        private final List<DeviceAssignment> devices = new ArrayList<>();
        private final List<LinkAssignment> links = new ArrayList<>();
        private final List<Lightpath> lightpaths = new ArrayList<>();
        private final List<GreyRoute> greyRoutes = new ArrayList<>();
        private final List<MuxPlacement> muxes = new ArrayList<>();
        private final List<AmplifierPlacement> amplifiers = new ArrayList<>();
        /** Device ids of the links' a_device and b_device, one string each however many links name them. */
        private final Map<String, String> deviceIds = new HashMap<>();
        private StatedFigures stated;
        private InputProblem wrongDocument;

        Session(Problems problems) {
            this.problems = problems;
        }

        /** The stated rows of one array, and which of its figure fields some record gives. */
        private static final class Figures<R> {
            final List<R> rows = new ArrayList<>();
            final Set<String> given = new HashSet<>();
            boolean present;
        }

        Plan read(JsonReading reading) throws IOException, JsonReading.Refusal {
            Map<String, JsonReading.Container> containers = new LinkedHashMap<>();
            containers.put(PlanFields.LINKS.key(), at -> array(reading, PlanFields.LINKS, at, this::link));
            containers.put(PlanFields.DEVICES.key(), at -> array(reading, PlanFields.DEVICES, at, this::device));
            containers.put(PlanFields.RACKS.key(), at -> array(reading, PlanFields.RACKS, at,
                    v -> new StatedFigures.RackRow(v.index(), v.text("rack_id"), v.figure("power_budget_kw"),
                            v.figure("base_load_kw"), v.figure("network_kw"), v.figure("total_kw"),
                            v.figure("utilization"), notNumbers(v))));
            containers.put(PlanFields.BOM.key(), at -> array(reading, PlanFields.BOM, at, Session::bomRow));
            containers.put(PlanFields.LIGHTPATHS.key(), at -> array(reading, PlanFields.LIGHTPATHS, at,
                    this::lightpath));
            containers.put(PlanFields.GREY_ROUTES.key(), at -> array(reading, PlanFields.GREY_ROUTES, at,
                    this::greyRoute));
            containers.put(PlanFields.SPANS.key(), at -> array(reading, PlanFields.SPANS, at,
                    v -> new StatedFigures.SpanRow(v.index(), v.text("span_id"), v.figure("fiber_pairs_used"),
                            v.figure("dwdm_fiber_pairs"), v.figure("channels_used"), v.figure("amplifiers"),
                            notNumbers(v))));
            containers.put(PlanFields.PLACEMENTS.key(), at -> array(reading, PlanFields.PLACEMENTS, at,
                    this::placement));
            Values root = reading.root(PlanFields.ROOT, containers);
            wrongDocument = wrongDocument(root);
            if (wrongDocument != null) {
                return null;
            }
            for (JsonRecord type : List.of(PlanFields.LINKS, PlanFields.DEVICES)) {
                if (!tables.containsKey(type)) {
                    problems.add("/" + type.key(), "is missing", "give the plan's " + type.noun() + "s as "
                            + "fabricplan solve -o PLAN.json writes them, e.g. \"" + type.key() + "\": [{"
                            + type.fields().get(0).sample() + ", ...}].");
                }
            }
            List<StatedFigures.SummaryRow> summary = new ArrayList<>();
            List<String> places = new ArrayList<>();
            summary(root, summary, places);
            stated = new StatedFigures(
                    new StatedFigures.Table<>("/", true, List.of(), summary, (row, column) -> places.get(row)),
                    table(PlanFields.LINKS), table(PlanFields.DEVICES), table(PlanFields.RACKS),
                    table(PlanFields.BOM), table(PlanFields.LIGHTPATHS), table(PlanFields.GREY_ROUTES),
                    table(PlanFields.SPANS), table(PlanFields.PLACEMENTS));
            return new Plan(devices, links, totals(root),
                    new DwdmPlan(lightpaths, greyRoutes, amplifiers, muxes));
        }

        private static InputProblem wrongDocument(Values root) {
            if (root.has("format") && !PlanFields.FORMAT.equals(root.text("format"))) {
                String format = root.text("format");
                return new InputProblem("/format", "must be \"" + PlanFields.FORMAT + "\", got \"" + format + "\"",
                        InstanceFields.FORMAT.equals(format) ? "this is an instance; give the plan that fabricplan "
                                + "solve -o PLAN.json wrote for it." : "give a plan written by fabricplan solve -o "
                                + "PLAN.json, or as plan.schema.json describes.");
            }
            if (root.has("version") && root.whole("version", 0) != PlanFields.VERSION) {
                return new InputProblem("/version", "version " + root.whole("version", 0) + " is not one this "
                        + "fabricplan reads: it reads version " + PlanFields.VERSION, "write the plan as version "
                        + PlanFields.VERSION + " (plan.schema.json), or use a fabricplan that reads it.");
            }
            return null;
        }

        /** The top level's figures as the Summary's rows, each located at its pointer. */
        private static void summary(Values root, List<StatedFigures.SummaryRow> rows, List<String> places) {
            for (JsonField f : PlanFields.ROOT.fields()) {
                String name = f.name();
                if (name.equals("format") || name.equals("version") || !root.given(name)) {
                    continue;
                }
                if (name.equals("diagnostics")) {
                    List<String> diagnostics = root.list(name);
                    for (int i = 0; i < diagnostics.size(); i++) {
                        places.add(Pointers.child("/diagnostics", i));
                        rows.add(new StatedFigures.SummaryRow(rows.size(), "diagnostic", Double.NaN,
                                diagnostics.get(i)));
                    }
                    continue;
                }
                places.add(Pointers.child("/", name));
                String text = switch (f.type()) {
                    case YES_NO -> root.has(name) ? (root.yesNo(name) ? "YES" : "NO") : null;
                    case FIGURE -> root.notNumber(name) != null ? root.notNumber(name)
                            : Double.isNaN(root.figure(name)) ? null : Double.toString(root.figure(name));
                    default -> root.has(name) ? root.text(name) : null;
                };
                double number = f.type() == JsonField.Type.FIGURE ? root.figure(name) : Double.NaN;
                rows.add(new StatedFigures.SummaryRow(rows.size(), name, number, text));
            }
        }

        private static ReportedTotals totals(Values root) {
            Objective objective = null;
            for (Objective o : Objective.values()) {
                if (o.name().equals(root.text("objective"))) {
                    objective = o;
                }
            }
            return new ReportedTotals(objective, root.figure("objective_value"), root.figure("capex_usd"),
                    root.figure("power_w"), root.figure("tco_usd"));
        }

        private <R> void array(JsonReading reading, JsonRecord type, String at, Function<Values, R> row)
                throws IOException, JsonReading.Refusal {
            @SuppressWarnings("unchecked")
            Figures<R> figures = (Figures<R>) tables.computeIfAbsent(type, t -> new Figures<>());
            List<R> read = reading.records(type, at, v -> {
                for (JsonField f : type.fields()) {
                    if (v.given(f.name())) {
                        figures.given.add(f.name());
                    }
                }
                return row.apply(v);
            }, new JsonReading.Indices());
            if (read == null) {
                tables.remove(type);
                return;
            }
            figures.present = true;
            figures.rows.addAll(read);
        }

        /** The stated table of an array: absent when the document has none; its figure fields none gives missing. */
        private <R> StatedFigures.Table<R> table(JsonRecord type) {
            @SuppressWarnings("unchecked")
            Figures<R> figures = (Figures<R>) tables.get(type);
            String name = "/" + type.key();
            if (figures == null || !figures.present) {
                return StatedFigures.Table.absent(name);
            }
            List<String> missing = figures.rows.isEmpty() ? List.of() : type.fields().stream()
                    .filter(f -> f.type() == JsonField.Type.FIGURE || f.type() == JsonField.Type.FIGURE_TEXT)
                    .map(JsonField::name).filter(n -> !figures.given.contains(n))
                    .filter(n -> type != PlanFields.BOM || !PlanFields.SUPPLY_FIGURES.contains(n)).toList();
            return new StatedFigures.Table<>(name, true, missing, figures.rows, (row, column) -> {
                String record = Pointers.child(name, row);
                return column == null ? record : Pointers.child(record, column);
            });
        }

        /** A BOM line's figures; reused and bought NaN when not stated (a v1 plan). */
        private static StatedFigures.BomRow bomRow(Values v) {
            double reused = v.figure("reused");
            double bought = v.figure("bought");
            return new StatedFigures.BomRow(v.index(), v.text("item_id"), v.text("kind"), v.figure("quantity"),
                    v.figure("unit_cost_usd"), v.figure("total_cost_usd"), reused, bought, notNumbers(v));
        }

        private static Map<String, String> notNumbers(Values v) {
            Map<String, String> out = null;
            for (JsonField f : v.type().fields()) {
                String text = v.notNumber(f.name());
                if (text != null) {
                    out = out == null ? new HashMap<>(4) : out;
                    out.put(f.name(), text);
                }
            }
            return out;
        }

        /** A link assignment's figures; a record with an unreadable decision is left out, its link then short. */
        private StatedFigures.LinkRow link(Values v) {
            if (!v.clean()) {
                return null;
            }
            StatedFigures.LinkRow row = new StatedFigures.LinkRow(v.index(), links.size(), deviceId(v.text("a_device")),
                    deviceId(v.text("b_device")), v.figure("gbps"), v.figure("length_m"), v.figure("power_w"),
                    v.figure("cost_usd"), notNumbers(v));
            links.add(new LinkAssignment(v.text("link_id"), v.text("optic_id"),
                    v.choice("a_end", Packaging.class, null), v.choice("b_end", Packaging.class, null),
                    v.whole("count", 0), v.text("b_optic_id")));
            return row;
        }

        private String deviceId(String id) {
            return id == null ? null : deviceIds.computeIfAbsent(id, k -> k);
        }

        private StatedFigures.DeviceRow device(Values v) {
            if (!v.clean()) {
                return null;
            }
            StatedFigures.DeviceRow row = new StatedFigures.DeviceRow(v.index(), devices.size(), v.text("device_id"),
                    v.text("packaging"), v.figure("ports_used"), v.figure("ports"), v.figure("power_w"),
                    v.figure("cost_usd"), notNumbers(v));
            devices.add(new DeviceAssignment(v.text("device_id"), v.text("model_id"), v.text("rack_id")));
            return row;
        }

        private StatedFigures.LightpathRow lightpath(Values v) {
            List<SpanHop> route = route(v);
            if (!v.clean() || route == null) {
                return null;
            }
            StatedFigures.LightpathRow row = new StatedFigures.LightpathRow(v.index(), lightpaths.size(),
                    v.figure("frequency_thz"), v.figure("osnr_db"), v.figure("margin_db"), notNumbers(v));
            lightpaths.add(new Lightpath(v.text("link_id"), v.whole("cable", 0), v.text("optic_id"), route,
                    v.whole("channel", 0)));
            return row;
        }

        private StatedFigures.GreyRouteRow greyRoute(Values v) {
            List<SpanHop> route = route(v);
            if (!v.clean() || route == null) {
                return null;
            }
            StatedFigures.GreyRouteRow row = new StatedFigures.GreyRouteRow(v.index(), greyRoutes.size(),
                    v.figure("length_m"), notNumbers(v));
            greyRoutes.add(new GreyRoute(v.text("link_id"), v.whole("cable", 0), v.text("optic_id"), route));
            return row;
        }

        /** A route such as {@code s1#0>s2#1}; null, with a problem, when it does not parse. */
        private List<SpanHop> route(Values v) {
            if (!v.has("route")) {
                return null;
            }
            try {
                return SpanHop.parse(v.text("route"));
            } catch (IllegalArgumentException e) {
                problems.add(Pointers.child(v.pointer(), "route"), "must read like s1#0>s2#1 (span#fiber_pair from "
                        + "the link's a-site), got \"" + v.text("route") + "\": " + e.getMessage(), "give the spans "
                        + "and fiber pairs it takes, e.g. \"route\": \"s-AB#0>s-BC#0\".");
                return null;
            }
        }

        /** A MUX placement is a decision with a stated count (always 1); an amplifier's count is a decision. */
        private StatedFigures.MuxRow placement(Values v) {
            if (!v.clean()) {
                return null;
            }
            WdmKind kind = v.choice("kind", WdmKind.class, null);
            if (kind == WdmKind.MUX) {
                if (!v.has("site_id")) {
                    problems.add(Pointers.child(v.pointer(), "site_id"), "is missing", "give the site the MUX "
                            + "stands in, one end of its span, e.g. \"site_id\": \"A\".");
                    return null;
                }
                StatedFigures.MuxRow row = new StatedFigures.MuxRow(v.index(), muxes.size(), v.figure("count"),
                        notNumbers(v));
                muxes.add(new MuxPlacement(v.text("site_id"), v.text("span_id"), v.whole("fiber_pair", 0),
                        v.text("item_id")));
                return row;
            }
            double count = v.given("count") ? v.figure("count") : 1;
            if (!(count == Math.rint(count) && count >= 0 && count <= Integer.MAX_VALUE)) {
                problems.add(Pointers.child(v.pointer(), "count"), "must be a whole number of amplifiers, got "
                        + (v.notNumber("count") != null ? "\"" + v.notNumber("count") + "\""
                        : Double.isNaN(count) ? "null" : Double.toString(count)),
                        "give how many amplifiers split the pair, e.g. \"count\": 1.");
                return null;
            }
            amplifiers.add(new AmplifierPlacement(v.text("span_id"), v.whole("fiber_pair", 0), v.text("item_id"),
                    (int) count));
            return null;
        }

        ReadResult result(Plan plan) {
            if (wrongDocument != null) {
                return new ReadResult(null, null, List.of(wrongDocument), 1);
            }
            return new ReadResult(plan, plan == null ? null : stated, problems.kept(), problems.count());
        }
    }
}
