package io.fabricplan.json;

import io.fabricplan.model.CoherentSpec;
import io.fabricplan.model.CompatibilityRule;
import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Link;
import io.fabricplan.model.Optic;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Settings;
import io.fabricplan.model.Site;
import io.fabricplan.model.Span;
import io.fabricplan.model.StockItem;
import io.fabricplan.model.SwitchModel;
import io.fabricplan.model.WdmEquipment;
import io.fabricplan.validate.CellLocator;
import io.fabricplan.validate.InputProblem;
import io.fabricplan.validate.InstanceValidator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The instance as JSON: {@code {"format": "fabricplan-instance", "version": 1, "settings": {...}, "racks": [...],
 * "switch_models": [...], "devices": [...], "links": [...], "optics": [...], "sites": [...], "spans": [...],
 * "wdm_equipment": [...], "inventory": [...], "compatibility": [...]}}, every sheet of the instance workbook as an
 * array of records with its columns as fields (same names, units and defaults; an absent optional field reads as a
 * blank cell does), described by {@code instance.schema.json} ({@link JsonSchemas}). The workbook v2's sheets,
 * columns and settings are written only when the instance uses them, so that a v1 instance gives the same
 * document as before them.
 *
 * <p>Reading is for untrusted documents: it streams, within {@link JsonLimits}, and reports every problem at once,
 * each at its JSON pointer ({@code /links/13/gbps: must be a number, got "fast"}) with a hint: values of the wrong
 * type, unknown fields (with the closest known one), repeated keys and missing required fields of every record,
 * then what {@link InstanceValidator} finds. User errors never throw. Writing gives a document this reader reads
 * back as an equal instance, and equal instances the same bytes.
 */
public final class InstanceJson {
    private InstanceJson() {
    }

    /**
     * What reading a document gave.
     *
     * @param instance     the instance; null when the document could not be read as an instance. When there are
     *                     problems it is a best effort, for reporting, and must not be solved.
     * @param problems     the first problems, each at its JSON pointer: at most {@link JsonLimits#problems()}
     * @param problemCount every problem found, kept or not
     * @param warnings     what was defaulted (absent catalogs)
     * @param locator      names instance fields by the JSON pointers they were read from
     */
    public record ReadResult(Instance instance, List<InputProblem> problems, long problemCount,
                             List<String> warnings, CellLocator locator) {
        public ReadResult {
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
            if (problemCount < problems.size()) {
                throw new IllegalArgumentException("problemCount " + problemCount + " < " + problems.size());
            }
        }

        /** True when the instance can be solved. */
        public boolean ok() {
            return instance != null && problemCount == 0;
        }
    }

    /** Reads the file at {@code json} under the default limits; never throws for a missing or bad file. */
    public static ReadResult read(Path json) {
        return read(json, JsonLimits.DEFAULTS);
    }

    /** As {@link #read(Path)}, under the given limits; a file larger than {@code json-bytes} is not opened. */
    public static ReadResult read(Path json, JsonLimits limits) {
        Objects.requireNonNull(limits, "limits");
        Problems problems = new Problems(limits.problems());
        Session session = new Session(problems);
        return session.result(JsonReading.read(json, limits, problems, DOCUMENT, session::read));
    }

    /** Reads a document from a stream, e.g. an upload; the stream is read to the document's end, not closed. */
    public static ReadResult read(InputStream in, JsonLimits limits) {
        Objects.requireNonNull(limits, "limits");
        Problems problems = new Problems(limits.problems());
        Session session = new Session(problems);
        return session.result(JsonReading.read(in, limits, problems, DOCUMENT, session::read));
    }

    /** Writes the instance to {@code out} atomically (through a temporary file beside it), replacing it. */
    public static void write(Instance instance, Path out) throws IOException {
        Objects.requireNonNull(instance, "instance");
        JsonFiles.writeAtomically(out, stream -> write(instance, stream));
    }

    /** Writes the instance as one document (UTF-8, ending in a newline); the stream is flushed, not closed. */
    public static void write(Instance instance, OutputStream out) throws IOException {
        try (JsonOut o = new JsonOut(out)) {
            o.startObject();
            o.text("format", InstanceFields.FORMAT);
            o.whole("version", InstanceFields.VERSION);
            settings(o, instance.settings());
            array(o, InstanceFields.RACKS, instance.racks(), InstanceJson::rack);
            array(o, InstanceFields.SWITCH_MODELS, instance.switchModels(), InstanceJson::switchModel);
            array(o, InstanceFields.DEVICES, instance.devices(), InstanceJson::device);
            array(o, InstanceFields.LINKS, instance.links(), InstanceJson::link);
            array(o, InstanceFields.OPTICS, instance.optics(), InstanceJson::optic);
            if (!instance.sites().isEmpty() || !instance.spans().isEmpty() || !instance.wdmEquipment().isEmpty()) {
                array(o, InstanceFields.SITES, instance.sites(), InstanceJson::site);
                array(o, InstanceFields.SPANS, instance.spans(), InstanceJson::span);
                array(o, InstanceFields.WDM_EQUIPMENT, instance.wdmEquipment(), InstanceJson::wdmItem);
            }
            if (!instance.inventory().isEmpty()) {
                array(o, InstanceFields.INVENTORY, instance.inventory(), InstanceJson::stockItem);
            }
            if (!instance.compatibility().isEmpty()) {
                array(o, InstanceFields.COMPATIBILITY, instance.compatibility(), InstanceJson::compatibilityRule);
            }
            o.endObject();
        }
    }

    /** The instance as a JSON document. */
    public static String toJson(Instance instance) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(instance, bytes);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static final String DOCUMENT = "a fabricplan instance";

    // ---------------------------------------------------------------- reading

    /** One reading: the records of each array as read, the locator, warnings. */
    private static final class Session {
        private final Problems problems;
        private final PointerLocator locator = new PointerLocator();
        private final List<String> warnings = new ArrayList<>();
        private final Map<JsonRecord, List<?>> arrays = new HashMap<>();
        private Settings settings = Settings.defaults();
        private InputProblem wrongDocument;

        Session(Problems problems) {
            this.problems = problems;
        }

        Instance read(JsonReading reading) throws IOException, JsonReading.Refusal {
            Map<String, JsonReading.Container> containers = new LinkedHashMap<>();
            containers.put(InstanceFields.SETTINGS.key(), at -> settings(reading, at));
            for (JsonRecord type : InstanceFields.ARRAYS) {
                containers.put(type.key(), at -> {
                    JsonReading.Indices indices = new JsonReading.Indices();
                    List<?> records = reading.records(type, at, builder(type), indices);
                    arrays.put(type, records);
                    locator.add(type, indices.toArray());
                });
            }
            Values root = reading.root(InstanceFields.ROOT, containers);
            wrongDocument = wrongDocument(root);
            if (wrongDocument != null) {
                return null;
            }
            List<String> missingArrays = new ArrayList<>();
            for (JsonRecord type : InstanceFields.REQUIRED_ARRAYS) {
                if (arrays.get(type) == null) {
                    missingArrays.add(type.key());
                    problems.add("/" + type.key(), "is missing", "give the " + type.noun() + "s of the instance: "
                            + "\"" + type.key() + "\": [{" + type.fields().get(0).sample() + ", ...}, ...].");
                }
            }
            Instance instance = instance();
            new InstanceValidator(locator).validate(instance, p -> {
                boolean follows = missingArrays.contains("devices") && p.message().startsWith("unknown device ")
                        || missingArrays.contains("racks") && p.message().startsWith("unknown rack ");
                if (!follows) {
                    problems.addIfNew(p);
                }
            });
            if (problems.count() == 0) {
                warnings.addAll(InstanceValidator.warnings(instance));
            }
            return instance;
        }

        private void settings(JsonReading reading, String at) throws IOException, JsonReading.Refusal {
            switch (reading.token()) {
                case VALUE_NULL -> {
                    return;
                }
                case START_OBJECT -> settings = InstanceFields.settings(reading.object(InstanceFields.SETTINGS, at));
                default -> {
                    problems.add(at, "must be an object of settings, got " + reading.shownValue(), "give them as "
                            + "{\"objective\": \"TCO\", \"time_limit_s\": 60, ...}; absent ones take their "
                            + "defaults.");
                    reading.skip();
                }
            }
        }

        private Function<Values, ?> builder(JsonRecord type) {
            return switch (type.key()) {
                case "racks" -> InstanceFields::rack;
                case "switch_models" -> InstanceFields::switchModel;
                case "devices" -> InstanceFields::device;
                case "links" -> InstanceFields::link;
                case "optics" -> this::optic;
                case "sites" -> InstanceFields::site;
                case "spans" -> InstanceFields::span;
                case "wdm_equipment" -> InstanceFields::wdmItem;
                case "inventory" -> InstanceFields::stockItem;
                case "compatibility" -> InstanceFields::compatibilityRule;
                default -> throw new IllegalArgumentException(type.key());
            };
        }

        /** An optic; a breakout below 1, which the record would take for 1, is a problem at its pointer. */
        private Optic optic(Values v) {
            if (v.has("breakout") && v.whole("breakout", 1) < 1) {
                problems.add(Pointers.child(v.pointer(), "breakout"), "must be 1 or more, got "
                        + v.whole("breakout", 1), "give the links one unit serves: 2 for a twin-port module or a "
                        + "cable that breaks out into 2, or leave breakout out for 1.");
            }
            return InstanceFields.optic(v);
        }

        /** The format and version must be the instance's: another document is refused with that one problem. */
        private static InputProblem wrongDocument(Values root) {
            if (root.has("format") && !InstanceFields.FORMAT.equals(root.text("format"))) {
                String format = root.text("format");
                return new InputProblem("/format", "must be \"" + InstanceFields.FORMAT + "\", got \"" + format
                        + "\"", PlanFields.FORMAT.equals(format) ? "this is a plan (written by fabricplan solve); "
                        + "give the instance it was solved from." : "give a fabricplan instance, written by "
                        + "fabricplan convert or as instance.schema.json describes.");
            }
            if (root.has("version") && root.whole("version", 0) != InstanceFields.VERSION) {
                return new InputProblem("/version", "version " + root.whole("version", 0) + " is not one this "
                        + "fabricplan reads: it reads version " + InstanceFields.VERSION, "write the instance as "
                        + "version " + InstanceFields.VERSION + " (instance.schema.json), or use a fabricplan that "
                        + "reads it.");
            }
            return null;
        }

        @SuppressWarnings("unchecked")
        private <T> List<T> list(JsonRecord type) {
            List<?> l = arrays.get(type);
            return l == null ? null : (List<T>) l;
        }

        private Instance instance() {
            List<SwitchModel> models = list(InstanceFields.SWITCH_MODELS);
            List<Optic> optics = list(InstanceFields.OPTICS);
            List<Span> spans = orEmpty(list(InstanceFields.SPANS));
            List<WdmEquipment> wdm = list(InstanceFields.WDM_EQUIPMENT);
            if (wdm == null) {
                wdm = spans.isEmpty() ? List.of() : DefaultCatalog.wdmEquipment();
                if (!spans.isEmpty()) {
                    warnings.add("array \"wdm_equipment\" is absent: using the " + wdm.size()
                            + " MUX and amplifier items of the built-in catalog");
                }
            }
            if (models == null) {
                models = DefaultCatalog.switchModels();
                warnings.add("array \"switch_models\" is absent: using the " + models.size()
                        + " switch models of the built-in catalog");
            }
            if (optics == null) {
                // with spans the coherent optics need their DWDM data; the catalog without it stays as it was
                optics = spans.isEmpty() ? DefaultCatalog.optics() : DefaultCatalog.dwdmOptics();
                warnings.add("array \"optics\" is absent: using the " + optics.size()
                        + " optics of the built-in catalog");
            }
            return new Instance(settings, orEmpty(list(InstanceFields.RACKS)), models,
                    orEmpty(list(InstanceFields.DEVICES)), orEmpty(list(InstanceFields.LINKS)), optics,
                    orEmpty(list(InstanceFields.SITES)), spans, wdm, orEmpty(list(InstanceFields.INVENTORY)),
                    orEmpty(list(InstanceFields.COMPATIBILITY)));
        }

        private static <T> List<T> orEmpty(List<T> list) {
            return list == null ? List.of() : list;
        }

        ReadResult result(Instance instance) {
            if (wrongDocument != null) {
                return new ReadResult(null, List.of(wrongDocument), 1, List.of(), locator);
            }
            return new ReadResult(instance, problems.kept(), problems.count(), warnings, locator);
        }
    }

    // ---------------------------------------------------------------- writing

    @FunctionalInterface
    private interface RecordWriter<T> {
        void write(JsonOut o, T record) throws IOException;
    }

    private static <T> void array(JsonOut o, JsonRecord type, List<T> records, RecordWriter<T> writer)
            throws IOException {
        o.startArray(type.key());
        for (T r : records) {
            o.startObject();
            writer.write(o, r);
            o.endObject();
        }
        o.endArray();
    }

    private static void settings(JsonOut o, Settings s) throws IOException {
        o.startObject(InstanceFields.SETTINGS.key());
        o.choice("objective", s.objective());
        o.number("energy_usd_per_kwh", s.energyUsdPerKwh());
        o.number("pue", s.pue());
        o.number("years", s.years());
        o.number("usd_per_watt", s.usdPerWatt());
        o.number("time_limit_s", s.timeLimitS());
        o.number("relative_gap", s.relativeGap());
        o.choice("solver", s.solver());
        o.whole("threads", s.threads());
        o.whole("seed", s.seed());
        o.number("intra_rack_m", s.intraRackM());
        o.number("inter_rack_slack_m", s.interRackSlackM());
        o.number("osnr_margin_db", s.osnrMarginDb());
        o.number("grid_start_thz", s.gridStartThz());
        o.whole("max_channels", s.maxChannels());
        // the labour figures are v2's: left out while both are 0, as a v1 instance has them
        if (Double.compare(s.switchSwapUsd(), 0) != 0 || Double.compare(s.recableUsd(), 0) != 0) {
            o.number("switch_swap_usd", s.switchSwapUsd());
            o.number("recable_usd", s.recableUsd());
        }
        o.endObject();
    }

    private static void rack(JsonOut o, Rack r) throws IOException {
        o.text("rack_id", r.id());
        o.text("site_id", r.siteId());
        o.number("x_m", r.xM());
        o.number("y_m", r.yM());
        o.number("power_budget_kw", r.powerBudgetKw());
        o.number("base_load_kw", r.baseLoadKw());
        o.whole("free_u", r.freeU());
    }

    private static void switchModel(JsonOut o, SwitchModel m) throws IOException {
        o.text("model_id", m.id());
        o.text("family", m.family());
        o.choice("packaging", m.packaging());
        o.whole("ports", m.ports());
        o.number("port_gbps", m.portGbps());
        o.number("base_power_w", m.basePowerW());
        o.number("port_power_w", m.portPowerW());
        o.text("cpo_pmd", m.cpoPmd());
        o.number("cost_usd", m.costUsd());
        o.whole("height_u", m.heightU());
        o.bool("lpo_capable", m.lpoCapable());
        o.text("source", m.source());
        maxBuy(o, m.maxBuy());
    }

    /** A supply limit; left out when there is none. */
    private static void maxBuy(JsonOut o, Integer maxBuy) throws IOException {
        if (maxBuy != null) {
            o.whole("max_buy", maxBuy);
        }
    }

    private static void device(JsonOut o, Device d) throws IOException {
        o.text("device_id", d.id());
        o.choice("role", d.role());
        o.text("family", d.family());
        o.choice("packaging", d.packaging());
        o.text("rack_id", d.rackId());
        o.list("candidate_racks", d.candidateRacks());
        // a switch's ports come from its model: its (ignored) NIC fields are left out unless set, as in the workbook
        if (!(d.isSwitch() && d.ports() == 0 && d.portGbps() == 0 && !d.lpoCapable())) {
            o.whole("ports", d.ports());
            o.number("port_gbps", d.portGbps());
            o.bool("lpo_capable", d.lpoCapable());
        }
        o.text("installed_model", d.installedModel());
        o.text("platform", d.platform());
    }

    private static void link(JsonOut o, Link l) throws IOException {
        o.text("link_id", l.id());
        o.text("a_device", l.aDevice());
        o.text("b_device", l.bDevice());
        o.whole("count", l.count());
        o.number("gbps", l.gbps());
        if (l.lengthM() != null) {
            o.number("length_m", l.lengthM());
        }
    }

    private static void optic(JsonOut o, Optic x) throws IOException {
        o.text("optic_id", x.id());
        o.choice("kind", x.kind());
        o.number("gbps", x.gbps());
        o.number("reach_m", x.reachM());
        o.text("pmd", x.pmd());
        o.choice("media", x.media());
        o.number("power_w", x.powerW());
        o.number("cost_usd", x.costUsd());
        o.number("fiber_usd_per_m", x.fiberUsdPerM());
        o.bool("lpo", x.lpo());
        o.text("source", x.source());
        CoherentSpec c = x.coherent();
        if (c != null) {
            o.number("baud_gbd", c.baudGbd());
            o.number("spacing_ghz", c.spacingGhz());
            o.number("required_osnr_db", c.requiredOsnrDb());
            o.number("tx_power_dbm", c.txPowerDbm());
            o.number("max_unamplified_loss_db", c.maxUnamplifiedLossDb());
        }
        maxBuy(o, x.maxBuy());
        // left out at their defaults (breakout 1, no pairs), as an instance without twin-port modules has them
        if (x.isBreakout()) {
            o.whole("breakout", x.breakout());
        }
        if (!x.pairsWith().isEmpty()) {
            o.list("pairs_with", x.pairsWith());
        }
    }

    private static void site(JsonOut o, Site s) throws IOException {
        o.text("site_id", s.id());
        o.text("name", s.name());
    }

    private static void span(JsonOut o, Span s) throws IOException {
        o.text("span_id", s.id());
        o.text("a_site", s.aSite());
        o.text("b_site", s.bSite());
        o.number("length_km", s.lengthKm());
        o.number("loss_db_per_km", s.lossDbPerKm());
        o.number("connector_loss_db", s.connectorLossDb());
        o.whole("fiber_pairs", s.fiberPairs());
    }

    private static void wdmItem(JsonOut o, WdmEquipment e) throws IOException {
        o.text("item_id", e.id());
        o.choice("kind", e.kind());
        o.whole("channels", e.channels());
        o.number("spacing_ghz", e.spacingGhz());
        o.number("insertion_loss_db", e.insertionLossDb());
        o.number("gain_db", e.gainDb());
        o.number("noise_figure_db", e.noiseFigureDb());
        o.number("power_w", e.powerW());
        o.number("cost_usd", e.costUsd());
        o.text("source", e.source());
    }

    private static void stockItem(JsonOut o, StockItem item) throws IOException {
        o.text("item_id", item.itemId());
        o.whole("quantity", item.quantity());
        o.text("note", item.note());
    }

    /** {@code allowed} as the workbook writes it, "YES" or "NO" (the reader takes true and false too). */
    private static void compatibilityRule(JsonOut o, CompatibilityRule rule) throws IOException {
        o.text("optic_id", rule.opticId());
        o.text("platform", rule.platform());
        o.text("allowed", rule.allowed() ? "YES" : "NO");
        o.number("coding_usd", rule.codingUsd());
    }
}
