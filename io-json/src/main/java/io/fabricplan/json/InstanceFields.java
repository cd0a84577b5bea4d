package io.fabricplan.json;

import static io.fabricplan.json.JsonField.Type.LONG;
import static io.fabricplan.json.JsonField.Type.NUMBER;
import static io.fabricplan.json.JsonField.Type.TEXT;
import static io.fabricplan.json.JsonField.Type.TEXT_LIST;
import static io.fabricplan.json.JsonField.Type.WHOLE;
import static io.fabricplan.json.JsonField.Type.YES_NO;
import static io.fabricplan.json.JsonField.choice;
import static io.fabricplan.json.JsonField.optional;
import static io.fabricplan.json.JsonField.required;

import io.fabricplan.model.CoherentSpec;
import io.fabricplan.model.CompatibilityRule;
import io.fabricplan.model.Device;
import io.fabricplan.model.Link;
import io.fabricplan.model.Media;
import io.fabricplan.model.Objective;
import io.fabricplan.model.Optic;
import io.fabricplan.model.OpticKind;
import io.fabricplan.model.Packaging;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Role;
import io.fabricplan.model.Settings;
import io.fabricplan.model.Site;
import io.fabricplan.model.SolverKind;
import io.fabricplan.model.Span;
import io.fabricplan.model.StockItem;
import io.fabricplan.model.SwitchModel;
import io.fabricplan.model.WdmEquipment;
import io.fabricplan.model.WdmKind;
import java.util.List;

/**
 * The fields of the instance JSON: each sheet of the instance workbook as an array of records whose fields are
 * the sheet's columns (same names, units and defaults), the Settings sheet as one object of its keys. The workbook
 * v2's sheets (Inventory, Compatibility), columns and settings are optional fields of the same version 1: a v1
 * instance leaves them out. How a field that is absent reads is how the workbook reads a blank cell (see
 * {@code InstanceWorkbookReader}); the builders here turn read values into records the same way.
 */
final class InstanceFields {
    static final String FORMAT = "fabricplan-instance";
    static final int VERSION = 1;

    private static final String ID = "its id, unique in its array";

    static final JsonRecord SETTINGS = JsonRecord.of("settings", "Settings", "setting",
            choice("objective", false, Objective.class, "TCO", "what the plan minimises"),
            optional("energy_usd_per_kwh", NUMBER, "USD/kWh", "0.1", 0.1, "electricity price"),
            optional("pue", NUMBER, null, "1.3", 1.3, "power usage effectiveness applied to network power in TCO"),
            optional("years", NUMBER, "years", "5", 5, "TCO horizon"),
            optional("usd_per_watt", NUMBER, "USD/W", "10", 0, "weight of one watt for the WEIGHTED objective"),
            optional("time_limit_s", NUMBER, "s", "60", 60, "solver time limit"),
            optional("relative_gap", NUMBER, null, "0.0001", 0.0001, "relative optimality gap at which to stop"),
            choice("solver", false, SolverKind.class, "AUTO", "the engine: AUTO is CP-SAT, or CHOCO where the "
                    + "OR-Tools natives cannot load"),
            optional("threads", WHOLE, null, "0", 0, "solver threads, 0 = all cores"),
            optional("seed", LONG, null, "0", 0, "random seed of the solver"),
            optional("intra_rack_m", NUMBER, "m", "1.5", 1.5, "cable length between two devices of one rack"),
            optional("inter_rack_slack_m", NUMBER, "m", "4", 4, "slack added to the Manhattan distance between racks"),
            optional("osnr_margin_db", NUMBER, "dB", "2", 2, "DWDM: system margin added to every optic's required "
                    + "OSNR"),
            optional("grid_start_thz", NUMBER, "THz", "191.3", 191.3, "DWDM: frequency of channel 0"),
            optional("max_channels", WHOLE, null, "0", 0, "DWDM: channels of the grid, 0 = from the C band"),
            optional("switch_swap_usd", NUMBER, "USD", "1500", 0, "labour per installed switch replaced by "
                    + "another model"),
            optional("recable_usd", NUMBER, "USD", "20", 0, "labour per optic unit taken from the inventory: "
                    + "removal and re-cabling"));

    static final JsonRecord RACKS = JsonRecord.of("racks", "Racks", "rack",
            required("rack_id", TEXT, null, "\"R1\"", ID),
            optional("site_id", TEXT, null, "\"main\"", "main", "site (building or hall)"),
            required("x_m", NUMBER, "m", "0", "x coordinate"),
            required("y_m", NUMBER, "m", "0", "y coordinate"),
            required("power_budget_kw", NUMBER, "kW", "40", "most the rack may draw"),
            optional("base_load_kw", NUMBER, "kW", "20", 0, "servers and all else already drawing power there"),
            optional("free_u", WHOLE, "U", "10", 0, "free rack units for switches"));

    static final JsonRecord SWITCH_MODELS = JsonRecord.of("switch_models", "SwitchModels", "switch model",
            required("model_id", TEXT, null, "\"sw51-p\"", ID),
            required("family", TEXT, null, "\"SW51T\"", "the family devices ask for"),
            choice("packaging", true, Packaging.class, null, "PLUGGABLE (cages for pluggables) or CPO"),
            required("ports", WHOLE, null, "64", "number of ports"),
            required("port_gbps", NUMBER, "Gb/s", "800", "rate of one port"),
            required("base_power_w", NUMBER, "W", "1300", "chassis and ASIC, without pluggables"),
            optional("port_power_w", NUMBER, "W", "5.5", 0, "CPO: power of one used port, lasers included"),
            optional("cpo_pmd", TEXT, null, "\"DR\"", null, "CPO: the optical PMD of its ports"),
            required("cost_usd", NUMBER, "USD", "60000", "price"),
            optional("height_u", WHOLE, "U", "2", 1, "rack units"),
            optional("lpo_capable", YES_NO, null, "true", false, "whether its SerDes drive linear pluggables (LPO)"),
            optional("source", TEXT, null, "\"vendor list 2025\"", "", "where the figures come from"),
            optional("max_buy", WHOLE, null, "16", null, "units that may be bought; absent: no limit"));

    static final JsonRecord DEVICES = JsonRecord.of("devices", "Devices", "device",
            required("device_id", TEXT, null, "\"leaf1\"", ID),
            choice("role", true, Role.class, null, "what the device is"),
            optional("family", TEXT, null, "\"SW51T\"", null, "switches: the SwitchModels family it is built from"),
            choice("packaging", false, PackagingChoice.class, null, "switches: PLUGGABLE, CPO or AUTO (the "
                    + "optimiser picks among the family's models); default AUTO for switches, PLUGGABLE otherwise"),
            optional("rack_id", TEXT, null, "\"R1\"", null, "the rack it stands in; a switch without one is placed "
                    + "by the optimiser in one of its candidate_racks"),
            optional("candidate_racks", TEXT_LIST, null, "[\"N3\", \"N4\"]", null, "switches without rack_id: "
                    + "racks the optimiser may place it in (an array, or one string \"N3;N4\" as in the workbook)"),
            optional("ports", WHOLE, null, "8", 0, "servers: NIC ports"),
            optional("port_gbps", NUMBER, "Gb/s", "400", 0, "servers: rate of a NIC port"),
            optional("lpo_capable", YES_NO, null, "false", false, "servers: whether the NIC drives linear "
                    + "pluggables"),
            optional("installed_model", TEXT, null, "\"sw51-p\"", null, "switches: the model standing there "
                    + "today, kept at no capex or replaced (the new model bought plus switch_swap_usd); absent: a "
                    + "new position"),
            optional("platform", TEXT, null, "\"CX7\"", null, "the platform the compatibility rules may name, "
                    + "e.g. a server's NIC"));

    static final JsonRecord LINKS = JsonRecord.of("links", "Links", "link",
            required("link_id", TEXT, null, "\"l1\"", ID),
            required("a_device", TEXT, null, "\"s1\"", "one end"),
            required("b_device", TEXT, null, "\"leaf1\"", "the other end"),
            optional("count", WHOLE, null, "2", 1, "identical parallel links"),
            required("gbps", NUMBER, "Gb/s", "800", "rate of each link"),
            optional("length_m", NUMBER, "m", "30", null, "length override; absent: derived from the racks "
                    + "(or, between sites with spans, routed over them)"));

    static final JsonRecord OPTICS = JsonRecord.of("optics", "Optics", "optic",
            required("optic_id", TEXT, null, "\"dr8_800\"", ID),
            choice("kind", true, OpticKind.class, null, "DAC, ACC, AEC and AOC are assemblies, TRANSCEIVER and "
                    + "COHERENT modules"),
            required("gbps", NUMBER, "Gb/s", "800", "rate"),
            required("reach_m", NUMBER, "m", "500", "longest link it serves"),
            optional("pmd", TEXT, null, "\"DR\"", null, "physical medium dependent: SR, DR, FR, LR, ZR ..."),
            choice("media", false, Media.class, null, "default COPPER for DAC, ACC and AEC, MMF for AOC, SMF "
                    + "otherwise"),
            required("power_w", NUMBER, "W", "17", "modules: per module (per link end); assemblies: per assembly"),
            required("cost_usd", NUMBER, "USD", "1250", "same basis as power_w"),
            optional("fiber_usd_per_m", NUMBER, "USD/m", "1.5", 0, "modules: fiber per metre of link"),
            optional("lpo", YES_NO, null, "false", false, "a linear pluggable (needs LPO-capable hosts)"),
            optional("source", TEXT, null, "\"vendor list 2025\"", "", "where the figures come from"),
            optional("baud_gbd", NUMBER, "GBd", "60", null, "COHERENT: symbol rate"),
            optional("spacing_ghz", NUMBER, "GHz", "75", null, "COHERENT: the grid slot it takes"),
            optional("required_osnr_db", NUMBER, "dB", "24", null, "COHERENT: back-to-back OSNR it needs"),
            optional("tx_power_dbm", NUMBER, "dBm", "-10", -10, "COHERENT: launch power per channel (-10 when "
                    + "another coherent field is given)"),
            optional("max_unamplified_loss_db", NUMBER, "dB", "11", null, "COHERENT: most loss without an "
                    + "amplifier; default tx_power_dbm + 21"),
            optional("max_buy", WHOLE, null, "200", null, "modules or assemblies that may be bought; absent: no "
                    + "limit"),
            optional("breakout", WHOLE, null, "2", 1, "links one unit serves, 1 or more: a twin-port module (k "
                    + "links of gbps / k on one port of gbps) or a breakout cable (one wide end of gbps, k narrow "
                    + "ends); COHERENT optics keep 1"),
            optional("pairs_with", TEXT_LIST, null, "[\"dr4_400\"]", null, "modules: ids of the modules it may "
                    + "face at a link's far end besides itself (either naming the other suffices; an array, or one "
                    + "string \"dr4_400;fr4_400\" as in the workbook)"));

    static final JsonRecord SITES = JsonRecord.of("sites", "Sites", "site",
            required("site_id", TEXT, null, "\"A\"", ID),
            optional("name", TEXT, null, "\"Building A\"", null, "readable name"));

    static final JsonRecord SPANS = JsonRecord.of("spans", "Spans", "span",
            required("span_id", TEXT, null, "\"s-AB\"", ID),
            required("a_site", TEXT, null, "\"A\"", "one end"),
            required("b_site", TEXT, null, "\"B\"", "the other end"),
            required("length_km", NUMBER, "km", "1.2", "route length of the cable"),
            optional("loss_db_per_km", NUMBER, "dB/km", "0.25", Span.DEFAULT_LOSS_DB_PER_KM, "fiber attenuation"),
            optional("connector_loss_db", NUMBER, "dB", "1", Span.DEFAULT_CONNECTOR_LOSS_DB, "connectors and "
                    + "splices of the whole span"),
            required("fiber_pairs", WHOLE, null, "12", "fiber pairs available to the plan"));

    static final JsonRecord WDM_EQUIPMENT = JsonRecord.of("wdm_equipment", "WdmEquipment", "WDM item",
            required("item_id", TEXT, null, "\"awg48-100\"", ID),
            choice("kind", true, WdmKind.class, null, "MUX (a MUX/DEMUX pair) or AMPLIFIER"),
            optional("channels", WHOLE, null, "48", 0, "MUX: channels it multiplexes"),
            optional("spacing_ghz", NUMBER, "GHz", "100", 0, "MUX: its grid spacing"),
            optional("insertion_loss_db", NUMBER, "dB", "6", 0, "MUX: insertion loss of the MUX (and the DEMUX)"),
            optional("gain_db", NUMBER, "dB", "20", 0, "AMPLIFIER: the most gain it gives"),
            optional("noise_figure_db", NUMBER, "dB", "5.5", 0, "AMPLIFIER: noise figure"),
            required("power_w", NUMBER, "W", "30", "power per item"),
            required("cost_usd", NUMBER, "USD", "8000", "price per item"),
            optional("source", TEXT, null, "\"vendor list 2025\"", "", "where the figures come from"));

    static final JsonRecord INVENTORY = JsonRecord.of("inventory", "Inventory", "inventory item",
            required("item_id", TEXT, null, "\"dr8_800\"", "an optic id or a switch model id; several records of "
                    + "one item add up"),
            required("quantity", WHOLE, null, "40", "units owned, 0 or more"),
            optional("note", TEXT, null, "\"store room B\"", "", "free text, e.g. where they stand"));

    static final JsonRecord COMPATIBILITY = JsonRecord.of("compatibility", "Compatibility", "compatibility rule",
            required("optic_id", TEXT, null, "\"dr8_800\"", "the optic"),
            required("platform", TEXT, null, "\"sw51-p\"", "a switch model id, a switch family, or a device's "
                    + "platform (e.g. CX7)"),
            required("allowed", YES_NO, null, "\"YES\"", "whether the optic is qualified there: \"YES\" or "
                    + "\"NO\" (NO wins)"),
            optional("coding_usd", NUMBER, "USD", "25", 0, "coding per module at an end of that platform"));

    /** The arrays in the order the document lists them. */
    static final List<JsonRecord> ARRAYS = List.of(RACKS, SWITCH_MODELS, DEVICES, LINKS, OPTICS, SITES, SPANS,
            WDM_EQUIPMENT, INVENTORY, COMPATIBILITY);

    /** Arrays the document must have (the workbook's required sheets). */
    static final List<JsonRecord> REQUIRED_ARRAYS = List.of(RACKS, DEVICES, LINKS);

    /** The top level's own fields; settings and the arrays are read by their records. */
    static final JsonRecord ROOT = JsonRecord.of("", "", "",
            required("format", TEXT, null, "\"" + FORMAT + "\"", "what the document is: \"" + FORMAT + "\""),
            required("version", WHOLE, null, String.valueOf(VERSION), "the version of its fields: "
                    + VERSION));

    private InstanceFields() {
    }

    // ---------------------------------------------------------------- records from values

    static Settings settings(Values v) {
        Settings d = Settings.defaults();
        // an unreadable choice is reported; the default stands in for it
        Objective objective = v.choice("objective", Objective.class, d.objective());
        SolverKind solver = v.choice("solver", SolverKind.class, d.solver());
        return new Settings(objective == null ? d.objective() : objective,
                v.number("energy_usd_per_kwh", d.energyUsdPerKwh()), v.number("pue", d.pue()),
                v.number("years", d.years()), v.number("usd_per_watt", d.usdPerWatt()),
                v.number("time_limit_s", d.timeLimitS()), v.number("relative_gap", d.relativeGap()),
                solver == null ? d.solver() : solver, v.whole("threads", d.threads()), v.wholeLong("seed", d.seed()),
                v.number("intra_rack_m", d.intraRackM()), v.number("inter_rack_slack_m", d.interRackSlackM()),
                v.number("osnr_margin_db", d.osnrMarginDb()), v.number("grid_start_thz", d.gridStartThz()),
                v.whole("max_channels", d.maxChannels()), v.number("switch_swap_usd", d.switchSwapUsd()),
                v.number("recable_usd", d.recableUsd()));
    }

    /** Null (the record left out) when its id is missing or unreadable: that is reported. */
    static Rack rack(Values v) {
        if (!v.has("rack_id")) {
            return null;
        }
        return new Rack(v.text("rack_id"), v.text("site_id"), v.number("x_m", 0), v.number("y_m", 0),
                v.number("power_budget_kw", 0), v.number("base_load_kw", 0), v.whole("free_u", 0));
    }

    static SwitchModel switchModel(Values v) {
        if (!v.has("model_id")) {
            return null;
        }
        Packaging packaging = v.choice("packaging", Packaging.class, null);
        // an unreadable packaging is reported; PLUGGABLE keeps the model usable for the other checks
        return new SwitchModel(v.text("model_id"), v.text("family"),
                packaging == null ? Packaging.PLUGGABLE : packaging, v.whole("ports", 0), v.number("port_gbps", 0),
                v.number("base_power_w", 0), v.number("port_power_w", 0), v.text("cpo_pmd"),
                v.number("cost_usd", 0), v.whole("height_u", 1), v.yesNo("lpo_capable"), v.text("source"),
                v.optionalWhole("max_buy"));
    }

    static Device device(Values v) {
        if (!v.has("device_id")) {
            return null;
        }
        Role role = v.choice("role", Role.class, null);
        String family = v.text("family");
        PackagingChoice dflt = family == null ? PackagingChoice.PLUGGABLE : PackagingChoice.AUTO;
        PackagingChoice packaging = v.choice("packaging", PackagingChoice.class, dflt);
        // an unreadable role is reported; a placeholder that adds no problem of its own
        return new Device(v.text("device_id"), role != null ? role : family == null ? Role.SERVER : Role.OTHER,
                family, packaging == null ? dflt : packaging, v.text("rack_id"), v.whole("ports", 0),
                v.number("port_gbps", 0), v.yesNo("lpo_capable"), v.list("candidate_racks"), v.text("installed_model"),
                v.text("platform"));
    }

    static Link link(Values v) {
        if (!v.has("link_id")) {
            return null;
        }
        return new Link(v.text("link_id"), v.text("a_device"), v.text("b_device"), v.whole("count", 1),
                v.number("gbps", 0), v.optional("length_m"));
    }

    static Optic optic(Values v) {
        OpticKind kind = v.choice("kind", OpticKind.class, null);
        // an optic of unknown kind is reported and left out, so it cannot hide "no usable option" problems
        if (!v.has("optic_id") || kind == null) {
            return null;
        }
        Media media = v.choice("media", Media.class, null);
        return new Optic(v.text("optic_id"), kind, v.number("gbps", 0), v.number("reach_m", 0), v.text("pmd"),
                media != null ? media : defaultMedia(kind), v.number("power_w", 0), v.number("cost_usd", 0),
                v.number("fiber_usd_per_m", 0), v.yesNo("lpo"), v.text("source"), coherent(v),
                v.optionalWhole("max_buy"), v.whole("breakout", 1), v.list("pairs_with"));
    }

    /**
     * The DWDM fields of an optic: null when all are absent; else absent ones give NaN (baud, spacing, required
     * OSNR), -10 dBm launch power and the derived unamplified budget, as the workbook's blank cells do.
     */
    private static CoherentSpec coherent(Values v) {
        Double baud = v.optional("baud_gbd");
        Double spacing = v.optional("spacing_ghz");
        Double required = v.optional("required_osnr_db");
        Double tx = v.optional("tx_power_dbm");
        Double budget = v.optional("max_unamplified_loss_db");
        if (baud == null && spacing == null && required == null && tx == null && budget == null) {
            return null;
        }
        double launch = tx == null ? CoherentSpec.DEFAULT_TX_POWER_DBM : tx;
        return new CoherentSpec(baud == null ? Double.NaN : baud, spacing == null ? Double.NaN : spacing,
                required == null ? Double.NaN : required, launch,
                budget == null ? CoherentSpec.derivedMaxUnamplifiedLossDb(launch) : budget);
    }

    static Media defaultMedia(OpticKind kind) {
        return switch (kind) {
            case DAC, ACC, AEC -> Media.COPPER;
            case AOC -> Media.MMF;
            case TRANSCEIVER, COHERENT -> Media.SMF;
        };
    }

    static Site site(Values v) {
        return v.has("site_id") ? new Site(v.text("site_id"), v.text("name")) : null;
    }

    static Span span(Values v) {
        if (!v.has("span_id")) {
            return null;
        }
        return new Span(v.text("span_id"), v.text("a_site"), v.text("b_site"), v.number("length_km", 0),
                v.number("loss_db_per_km", Span.DEFAULT_LOSS_DB_PER_KM),
                v.number("connector_loss_db", Span.DEFAULT_CONNECTOR_LOSS_DB), v.whole("fiber_pairs", 0));
    }

    static WdmEquipment wdmItem(Values v) {
        WdmKind kind = v.choice("kind", WdmKind.class, null);
        // an item of unknown kind is reported and left out
        if (!v.has("item_id") || kind == null) {
            return null;
        }
        return new WdmEquipment(v.text("item_id"), kind, v.whole("channels", 0), v.number("spacing_ghz", 0),
                v.number("insertion_loss_db", 0), v.number("gain_db", 0), v.number("noise_figure_db", 0),
                v.number("power_w", 0), v.number("cost_usd", 0), v.text("source"));
    }

    /** Null (the record left out) when its item id is missing or unreadable: that is reported. */
    static StockItem stockItem(Values v) {
        if (!v.has("item_id")) {
            return null;
        }
        return new StockItem(v.text("item_id"), v.whole("quantity", 0), v.text("note"));
    }

    /** Null (the record left out) when its optic id is missing or unreadable: that is reported. */
    static CompatibilityRule compatibilityRule(Values v) {
        if (!v.has("optic_id")) {
            return null;
        }
        return new CompatibilityRule(v.text("optic_id"), v.text("platform"), v.yesNo("allowed"),
                v.number("coding_usd", 0));
    }
}
