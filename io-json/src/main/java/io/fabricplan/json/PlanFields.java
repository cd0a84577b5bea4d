package io.fabricplan.json;

import static io.fabricplan.json.JsonField.Type.TEXT;
import static io.fabricplan.json.JsonField.Type.TEXT_ARRAY;
import static io.fabricplan.json.JsonField.Type.WHOLE;
import static io.fabricplan.json.JsonField.Type.YES_NO;
import static io.fabricplan.json.JsonField.choice;
import static io.fabricplan.json.JsonField.figure;
import static io.fabricplan.json.JsonField.figureText;
import static io.fabricplan.json.JsonField.optional;
import static io.fabricplan.json.JsonField.required;

import io.fabricplan.api.SolveStatus;
import io.fabricplan.model.Objective;
import io.fabricplan.model.Packaging;
import io.fabricplan.model.WdmKind;
import java.util.List;

/**
 * The fields of the plan JSON: the plan workbook's Summary as the top level's fields and each result sheet as an
 * array whose fields are its columns (same names and units). Decisions (which model, rack and option; routes,
 * channels, placements) are typed strictly, as the plan workbook reader reads them; figures (every other field)
 * are read as they stand, for the checker to compare: a number, null where the plan gives none, or anything else
 * kept as its text to be reported ("power_w \"twenty\" is not a number").
 */
final class PlanFields {
    static final String FORMAT = "fabricplan-plan";
    static final int VERSION = 1;

    static final JsonRecord ROOT = JsonRecord.of("", "", "",
            required("format", TEXT, null, "\"" + FORMAT + "\"", "what the document is: \"" + FORMAT + "\""),
            required("version", WHOLE, null, String.valueOf(VERSION), "the version of its fields: " + VERSION),
            figureText("status", SolveStatus.class, "\"OPTIMAL\"", "outcome of the solve; a plan is OPTIMAL or "
                    + "FEASIBLE"),
            figureText("objective", Objective.class, "\"TCO\"", "the objective minimised"),
            figure("objective_value", "USD, or W for POWER", "the plan's objective value"),
            figure("best_bound", "USD, or W for POWER", "best proven lower bound"),
            figure("relative_gap", null, "(objective_value - best_bound) / objective_value"),
            figure("capex_usd", "USD", "switches, links, DWDM equipment"),
            figure("power_w", "W", "network power"),
            figure("tco_usd", "USD", "capex plus the energy bill over the years, with PUE"),
            figure("solve_seconds", "s", "the planner's whole time"),
            figureText("solver", null, "\"CP-SAT\"", "the engine that solved it"),
            figure("greedy_objective_value", "USD, or W for POWER", "the rule of thumb's objective value"),
            figure("greedy_capex_usd", "USD", "the rule of thumb's capex"),
            figure("greedy_power_w", "W", "the rule of thumb's power"),
            optional("greedy_feasible", YES_NO, null, "true", null, "whether the rule of thumb meets every rule"),
            figureText("statistics", null, "\"Model[...] ...\"", "the solve's statistics line"),
            optional("diagnostics", TEXT_ARRAY, null, "[\"rack N1: ...\"]", null, "what cannot be met, and why"));

    static final JsonRecord LINKS = JsonRecord.of("links", "LinkPlan", "link assignment",
            required("link_id", TEXT, null, "\"l1\"", "the Links record served"),
            figureText("a_device", null, "\"s1\"", "its a-end"),
            figureText("b_device", null, "\"leaf1\"", "its b-end"),
            required("count", WHOLE, null, "2", "how many of its links take this option"),
            figure("gbps", "Gb/s", "rate per link"),
            figure("length_m", "m", "length, with the devices where the plan places them"),
            required("optic_id", TEXT, null, "\"dr8_800\"", "the option: the a-end's module, or the cable assembly"),
            optional("b_optic_id", TEXT, null, "\"dr4_400\"", null, "the b-end's module where it differs from "
                    + "optic_id (a twin-port module facing a single-port one, see the optics' pairs_with); absent "
                    + "when both ends carry optic_id"),
            choice("a_end", true, Packaging.class, null, "what terminates the a-end"),
            choice("b_end", true, Packaging.class, null, "what terminates the b-end"),
            figure("power_w", "W", "both ends over its count, CPO port power too"),
            figure("cost_usd", "USD", "over its count"));

    static final JsonRecord DEVICES = JsonRecord.of("devices", "DevicePlan", "device",
            required("device_id", TEXT, null, "\"leaf1\"", "the Devices record"),
            optional("model_id", TEXT, null, "\"sw51-cpo\"", null, "switches: the model chosen"),
            figureText("packaging", Packaging.class, "\"CPO\"", "the model's packaging"),
            optional("rack_id", TEXT, null, "\"R1\"", null, "the rack it stands in (chosen when placed)"),
            figure("ports_used", null, "ports its links take"),
            figure("ports", null, "ports it has"),
            figure("power_w", "W", "switch base power"),
            figure("cost_usd", "USD", "switch price"));

    static final JsonRecord RACKS = JsonRecord.of("racks", "RackPower", "rack",
            figureText("rack_id", null, "\"R1\"", "the Racks record"),
            figure("power_budget_kw", "kW", "most it may draw"),
            figure("base_load_kw", "kW", "what already draws power there"),
            figure("network_kw", "kW", "the plan's switches and link ends there"),
            figure("total_kw", "kW", "base load plus network"),
            figure("utilization", null, "total over budget, a fraction; null without a budget"));

    static final JsonRecord BOM = JsonRecord.of("bom", "BOM", "bill of materials line",
            figureText("item_id", null, "\"dr8_800\"", "switch model, optic, fiber or WDM item"),
            figureText("kind", null, "\"TRANSCEIVER\"", "SWITCH, an optic kind, FIBER_M, MUX, AMPLIFIER, CODING or "
                    + "LABOUR"),
            figure("quantity", null, "pieces, or metres of fiber"),
            figure("unit_cost_usd", "USD", "price of one"),
            figure("total_cost_usd", "USD", "bought x unit cost (quantity x unit cost when nothing is reused)"),
            figure("reused", null, "of the quantity, units taken from the inventory; given when the instance "
                    + "uses the workbook v2's supply rules"),
            figure("bought", null, "of the quantity, units bought; given when the instance uses the workbook "
                    + "v2's supply rules"));

    /**
     * The BOM's figures of stock and purchase: written when the instance uses the workbook v2's supply rules. A plan
     * without them (every v1 plan) states none, which is not a missing column.
     */
    static final List<String> SUPPLY_FIGURES = List.of("reused", "bought");

    static final JsonRecord LIGHTPATHS = JsonRecord.of("dwdm_lightpaths", "DwdmLightpaths", "lightpath",
            required("link_id", TEXT, null, "\"AC-1\"", "the Links record"),
            required("cable", WHOLE, null, "0", "which of its count cables, 0 to count - 1"),
            required("route", TEXT, null, "\"s-AB#0>s-BC#0\"", "span#fiber_pair from the link's a-site"),
            required("channel", WHOLE, null, "0", "channel of the grid, the same on every span"),
            figure("frequency_thz", "THz", "the channel's frequency"),
            required("optic_id", TEXT, null, "\"zr800\"", "the COHERENT optic at both ends"),
            figure("osnr_db", "dB", "OSNR at the receiver; null without amplifiers"),
            figure("margin_db", "dB", "OSNR above what the optic needs plus margin"));

    static final JsonRecord GREY_ROUTES = JsonRecord.of("dwdm_grey_routes", "DwdmGreyRoutes", "grey route",
            required("link_id", TEXT, null, "\"AB-1\"", "the Links record"),
            required("cable", WHOLE, null, "0", "which of its count cables, 0 to count - 1"),
            required("route", TEXT, null, "\"s-AB#3\"", "span#fiber_pair from the link's a-site"),
            required("optic_id", TEXT, null, "\"fr4x2_800\"", "the optic at both ends"),
            figure("length_m", "m", "the route's length"));

    static final JsonRecord SPANS = JsonRecord.of("dwdm_spans", "DwdmSpans", "span",
            figureText("span_id", null, "\"s-AB\"", "the Spans record"),
            figure("fiber_pairs_used", null, "grey and DWDM fiber pairs"),
            figure("dwdm_fiber_pairs", null, "fiber pairs carrying a DWDM system"),
            figure("channels_used", null, "lightpaths over the span, all its pairs"),
            figure("amplifiers", null, "amplifiers on its pairs"));

    static final JsonRecord PLACEMENTS = JsonRecord.of("dwdm_placements", "DwdmPlacements", "placement",
            required("item_id", TEXT, null, "\"awg48-100\"", "the WdmEquipment item"),
            choice("kind", true, WdmKind.class, null, "MUX (a MUX/DEMUX pair at one end of a DWDM fiber pair) or "
                    + "AMPLIFIER"),
            optional("site_id", TEXT, null, "\"A\"", null, "MUX: the site it stands in, one end of the span"),
            required("span_id", TEXT, null, "\"s-AB\"", "the span"),
            required("fiber_pair", WHOLE, null, "0", "the fiber pair, 0 to fiber_pairs - 1"),
            figure("count", null, "AMPLIFIER: amplifiers along the pair (default 1); MUX: always 1"));

    /** The arrays in the order the document lists them; the DWDM ones when the instance has spans. */
    static final List<JsonRecord> ARRAYS = List.of(LINKS, DEVICES, RACKS, BOM, LIGHTPATHS, GREY_ROUTES, SPANS,
            PLACEMENTS);

    private PlanFields() {
    }
}
