package io.fabricplan.excel;

import java.util.List;
import java.util.Set;

/**
 * Sheet names and columns of the instance workbook (v1, and the v2 sheets and columns of stock, installed
 * switches, supply limits and compatibility) and of the plan workbook's result sheets, shared by the readers and
 * writers so that both sides agree on every header.
 */
final class Schema {
    static final String SETTINGS = "Settings";
    static final String RACKS = "Racks";
    static final String SWITCH_MODELS = "SwitchModels";
    static final String DEVICES = "Devices";
    static final String LINKS = "Links";
    static final String OPTICS = "Optics";
    static final String SITES = "Sites";
    static final String SPANS = "Spans";
    static final String WDM_EQUIPMENT = "WdmEquipment";
    static final String INVENTORY = "Inventory";
    static final String COMPATIBILITY = "Compatibility";

    static final String SUMMARY = "Summary";
    static final String LINK_PLAN = "LinkPlan";
    static final String DEVICE_PLAN = "DevicePlan";
    static final String RACK_POWER = "RackPower";
    static final String BOM = "BOM";
    static final String DWDM_LIGHTPATHS = "DwdmLightpaths";
    static final String DWDM_GREY_ROUTES = "DwdmGreyRoutes";
    static final String DWDM_SPANS = "DwdmSpans";
    static final String DWDM_PLACEMENTS = "DwdmPlacements";

    /**
     * Result sheets a plan workbook adds; they are replaced when a plan workbook is solved again. The four DWDM
     * sheets are written only when the instance has spans or the plan a DWDM part.
     */
    static final List<String> RESULT_SHEETS = List.of(SUMMARY, LINK_PLAN, DEVICE_PLAN, RACK_POWER, BOM,
            DWDM_LIGHTPATHS, DWDM_GREY_ROUTES, DWDM_SPANS, DWDM_PLACEMENTS);

    static final Columns SETTINGS_COLUMNS = new Columns(List.of("key", "value"), Set.of("key", "value"));
    static final Columns RACK_COLUMNS = new Columns(
            List.of("rack_id", "site_id", "x_m", "y_m", "power_budget_kw", "base_load_kw", "free_u"),
            Set.of("rack_id", "x_m", "y_m", "power_budget_kw"));
    static final Columns SWITCH_MODEL_COLUMNS = new Columns(
            List.of("model_id", "family", "packaging", "ports", "port_gbps", "base_power_w", "port_power_w",
                    "cpo_pmd", "cost_usd", "height_u", "lpo_capable", "source", "max_buy"),
            Set.of("model_id", "family", "packaging", "ports", "port_gbps", "base_power_w", "cost_usd"));
    static final Columns DEVICE_COLUMNS = new Columns(
            List.of("device_id", "role", "family", "packaging", "rack_id", "candidate_racks", "ports", "port_gbps",
                    "lpo_capable", "installed_model", "platform"),
            Set.of("device_id", "role", "rack_id"));
    static final Columns LINK_COLUMNS = new Columns(
            List.of("link_id", "a_device", "b_device", "count", "gbps", "length_m"),
            Set.of("link_id", "a_device", "b_device", "gbps"));
    static final Columns OPTIC_COLUMNS = new Columns(
            List.of("optic_id", "kind", "gbps", "reach_m", "pmd", "media", "power_w", "cost_usd",
                    "fiber_usd_per_m", "lpo", "source", "baud_gbd", "spacing_ghz", "required_osnr_db",
                    "tx_power_dbm", "max_unamplified_loss_db", "max_buy", "breakout", "pairs_with"),
            Set.of("optic_id", "kind", "gbps", "reach_m", "power_w", "cost_usd"));
    static final Columns SITE_COLUMNS = new Columns(List.of("site_id", "name"), Set.of("site_id"));
    static final Columns SPAN_COLUMNS = new Columns(
            List.of("span_id", "a_site", "b_site", "length_km", "loss_db_per_km", "connector_loss_db", "fiber_pairs"),
            Set.of("span_id", "a_site", "b_site", "length_km", "fiber_pairs"));
    static final Columns WDM_COLUMNS = new Columns(
            List.of("item_id", "kind", "channels", "spacing_ghz", "insertion_loss_db", "gain_db", "noise_figure_db",
                    "power_w", "cost_usd", "source"),
            Set.of("item_id", "kind", "power_w", "cost_usd"));
    static final Columns INVENTORY_COLUMNS = new Columns(List.of("item_id", "quantity", "note"),
            Set.of("item_id", "quantity"));
    static final Columns COMPATIBILITY_COLUMNS = new Columns(List.of("optic_id", "platform", "allowed", "coding_usd"),
            Set.of("optic_id", "platform", "allowed"));

    /**
     * The v2 columns of SwitchModels, Devices and Optics (the last of their sheets): written only when some row
     * uses them, so that a v1 instance gives the v1 workbook. Optics.breakout and pairs_with (twin-port modules,
     * breakout cables and the modules a module may face) go together.
     */
    static final Set<String> SUPPLY_COLUMNS = Set.of("max_buy", "installed_model", "platform", "breakout",
            "pairs_with");

    /** Settings keys in the order the writer lists them. */
    static final List<String> SETTING_KEYS = List.of("objective", "energy_usd_per_kwh", "pue", "years",
            "usd_per_watt", "time_limit_s", "relative_gap", "solver", "threads", "seed", "intra_rack_m",
            "inter_rack_slack_m", "osnr_margin_db", "grid_start_thz", "max_channels", "switch_swap_usd",
            "recable_usd");

    /** The v2 labour settings (last in {@link #SETTING_KEYS}): written only when not 0. */
    static final List<String> LABOUR_SETTING_KEYS = List.of("switch_swap_usd", "recable_usd");

    static final List<String> LINK_PLAN_COLUMNS = List.of("link_id", "a_device", "b_device", "count", "gbps",
            "length_m", "optic_id", "a_end", "b_end", "power_w", "cost_usd");
    /**
     * LinkPlan's column of the b end's module where it differs from the a end's ({@code optic_id}): written, after
     * optic_id, only when some assignment has one, so that other plans keep their columns; read wherever it stands.
     */
    static final String B_OPTIC_ID = "b_optic_id";

    /** LinkPlan's columns, with {@link #B_OPTIC_ID} after optic_id when {@code bOptic}. */
    static List<String> linkPlanColumns(boolean bOptic) {
        if (!bOptic) {
            return LINK_PLAN_COLUMNS;
        }
        List<String> columns = new java.util.ArrayList<>(LINK_PLAN_COLUMNS);
        columns.add(columns.indexOf("optic_id") + 1, B_OPTIC_ID);
        return List.copyOf(columns);
    }
    static final List<String> DEVICE_PLAN_COLUMNS = List.of("device_id", "model_id", "packaging", "rack_id",
            "ports_used", "ports", "power_w", "cost_usd");
    static final List<String> RACK_POWER_COLUMNS = List.of("rack_id", "power_budget_kw", "base_load_kw",
            "network_kw", "total_kw", "utilization");
    /** {@code reused} and {@code bought} come last, so that the v1 columns keep their cells. */
    static final List<String> BOM_COLUMNS = List.of("item_id", "kind", "quantity", "unit_cost_usd",
            "total_cost_usd", "reused", "bought");

    static final List<String> DWDM_LIGHTPATH_COLUMNS = List.of("link_id", "cable", "route", "channel",
            "frequency_thz", "optic_id", "osnr_db", "margin_db");
    static final List<String> DWDM_GREY_ROUTE_COLUMNS = List.of("link_id", "cable", "route", "optic_id", "length_m");
    static final List<String> DWDM_SPAN_COLUMNS = List.of("span_id", "fiber_pairs_used", "dwdm_fiber_pairs",
            "channels_used", "amplifiers");
    static final List<String> DWDM_PLACEMENT_COLUMNS = List.of("item_id", "kind", "site_id", "span_id", "fiber_pair",
            "count");

    private Schema() {
    }

    /**
     * The columns of a sheet.
     *
     * @param all      every known column, in the order the writer puts them
     * @param required columns that must be present in the header row
     */
    record Columns(List<String> all, Set<String> required) {
    }
}
