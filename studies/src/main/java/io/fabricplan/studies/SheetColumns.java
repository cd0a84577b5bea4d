package io.fabricplan.studies;

import io.fabricplan.model.CoherentSpec;
import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
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
import io.fabricplan.model.SolverKind;
import io.fabricplan.model.Span;
import io.fabricplan.model.SwitchModel;
import io.fabricplan.model.WdmEquipment;
import io.fabricplan.model.WdmKind;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * The columns an override may change: per sheet, each workbook column (as io-excel's {@code Schema} names it)
 * with its getter, a setter that returns a changed copy of the record, and what kind of value it holds. Settings
 * is a sheet of one row whose columns are its keys. Explicit per column, so that what a header changes can be
 * read here rather than inferred.
 */
final class SheetColumns {

    /** What a column holds: decides how an override's text is read and whether {@code *} may multiply it. */
    enum Kind {
        /** A number; NaN when blank (an Optics row without DWDM data). */
        NUMBER,
        /** A number that may be blank (null), e.g. {@code Links.length_m}. */
        OPTIONAL_NUMBER,
        /** A whole number in int range. */
        INT,
        /** A whole number in int range that may be blank (null), e.g. {@code max_buy}: no limit. */
        OPTIONAL_INT,
        /** A whole number, 1 or more, e.g. {@code Optics.breakout}. */
        COUNT,
        /** A whole number a double holds exactly (the seed). */
        LONG,
        /** Text that may not be blank. */
        TEXT,
        /** Text that may be blank (null). */
        OPTIONAL_TEXT,
        /** YES or NO. */
        FLAG,
        /** One of an enum's names. */
        CHOICE,
        /** Rack ids separated by {@code ;}, {@code ,} or blanks. */
        RACK_LIST,
        /** Optic ids separated by {@code ;} or {@code ,}, e.g. {@code Optics.pairs_with}. */
        ID_LIST;

        boolean numeric() {
            return this == NUMBER || this == OPTIONAL_NUMBER || this == INT || this == OPTIONAL_INT || this == COUNT
                    || this == LONG;
        }

        /** Whether it holds a whole number. */
        boolean whole() {
            return this == INT || this == OPTIONAL_INT || this == COUNT || this == LONG;
        }
    }

    /**
     * One column of records of type R.
     *
     * @param name    the workbook's column (Settings: the key)
     * @param kind    what it holds
     * @param choices CHOICE: the enum's names, in order; empty otherwise
     * @param get     its value: Double, Integer, Long, String, Boolean, an enum constant or a List of Strings;
     *                null (or NaN) when blank
     * @param set     a copy of the record with a value as {@code get} gives it (CHOICE: the constant's name);
     *                null for the id column, which may not be overridden
     */
    record Column<R>(String name, Kind kind, List<String> choices, Function<R, Object> get,
                     BiFunction<R, Object, R> set) {
        boolean isId() {
            return set == null;
        }
    }

    /**
     * One sheet of records of type R.
     *
     * @param sheet    its name in the workbook
     * @param idColumn the column holding row ids; null for Settings
     * @param id       a row's id; null for Settings
     * @param rows     the sheet's rows in an instance
     * @param withRows the instance with other rows (same order, same size)
     * @param columns  every column by name, the id column included
     */
    record Table<R>(String sheet, String idColumn, Function<R, String> id, Function<Instance, List<R>> rows,
                    BiFunction<Instance, List<R>, Instance> withRows, Map<String, Column<R>> columns) {
        boolean isSettings() {
            return idColumn == null;
        }

        /** How messages name a row's field: {@code Racks[N1].power_budget_kw}, or the key for Settings. */
        String field(R row, String column) {
            return isSettings() ? column : sheet + "[" + id.apply(row) + "]." + column;
        }
    }

    private static final Table<Settings> SETTINGS = new Table<>("Settings", null, s -> null,
            i -> List.of(i.settings()), (i, rows) -> i.withSettings(rows.get(0)), columns(
            choice("objective", Objective.class, Settings::objective, (s, v) -> new Settings(v, s.energyUsdPerKwh(),
                    s.pue(), s.years(), s.usdPerWatt(), s.timeLimitS(), s.relativeGap(), s.solver(), s.threads(),
                    s.seed(), s.intraRackM(), s.interRackSlackM(), s.osnrMarginDb(), s.gridStartThz(),
                    s.maxChannels(), s.switchSwapUsd(), s.recableUsd())),
            number("energy_usd_per_kwh", Settings::energyUsdPerKwh, (s, v) -> new Settings(s.objective(), v, s.pue(),
                    s.years(), s.usdPerWatt(), s.timeLimitS(), s.relativeGap(), s.solver(), s.threads(), s.seed(),
                    s.intraRackM(), s.interRackSlackM(), s.osnrMarginDb(), s.gridStartThz(), s.maxChannels(),
                    s.switchSwapUsd(), s.recableUsd())),
            number("pue", Settings::pue, (s, v) -> new Settings(s.objective(), s.energyUsdPerKwh(), v, s.years(),
                    s.usdPerWatt(), s.timeLimitS(), s.relativeGap(), s.solver(), s.threads(), s.seed(),
                    s.intraRackM(), s.interRackSlackM(), s.osnrMarginDb(), s.gridStartThz(), s.maxChannels(),
                    s.switchSwapUsd(), s.recableUsd())),
            number("years", Settings::years, (s, v) -> new Settings(s.objective(), s.energyUsdPerKwh(), s.pue(), v,
                    s.usdPerWatt(), s.timeLimitS(), s.relativeGap(), s.solver(), s.threads(), s.seed(),
                    s.intraRackM(), s.interRackSlackM(), s.osnrMarginDb(), s.gridStartThz(), s.maxChannels(),
                    s.switchSwapUsd(), s.recableUsd())),
            number("usd_per_watt", Settings::usdPerWatt, (s, v) -> new Settings(s.objective(), s.energyUsdPerKwh(),
                    s.pue(), s.years(), v, s.timeLimitS(), s.relativeGap(), s.solver(), s.threads(), s.seed(),
                    s.intraRackM(), s.interRackSlackM(), s.osnrMarginDb(), s.gridStartThz(), s.maxChannels(),
                    s.switchSwapUsd(), s.recableUsd())),
            number("time_limit_s", Settings::timeLimitS, (s, v) -> new Settings(s.objective(), s.energyUsdPerKwh(),
                    s.pue(), s.years(), s.usdPerWatt(), v, s.relativeGap(), s.solver(), s.threads(), s.seed(),
                    s.intraRackM(), s.interRackSlackM(), s.osnrMarginDb(), s.gridStartThz(), s.maxChannels(),
                    s.switchSwapUsd(), s.recableUsd())),
            number("relative_gap", Settings::relativeGap, (s, v) -> new Settings(s.objective(), s.energyUsdPerKwh(),
                    s.pue(), s.years(), s.usdPerWatt(), s.timeLimitS(), v, s.solver(), s.threads(), s.seed(),
                    s.intraRackM(), s.interRackSlackM(), s.osnrMarginDb(), s.gridStartThz(), s.maxChannels(),
                    s.switchSwapUsd(), s.recableUsd())),
            choice("solver", SolverKind.class, Settings::solver, (s, v) -> new Settings(s.objective(),
                    s.energyUsdPerKwh(), s.pue(), s.years(), s.usdPerWatt(), s.timeLimitS(), s.relativeGap(), v,
                    s.threads(), s.seed(), s.intraRackM(), s.interRackSlackM(), s.osnrMarginDb(), s.gridStartThz(),
                    s.maxChannels(), s.switchSwapUsd(), s.recableUsd())),
            whole("threads", Settings::threads, (s, v) -> new Settings(s.objective(), s.energyUsdPerKwh(), s.pue(),
                    s.years(), s.usdPerWatt(), s.timeLimitS(), s.relativeGap(), s.solver(), v, s.seed(),
                    s.intraRackM(), s.interRackSlackM(), s.osnrMarginDb(), s.gridStartThz(), s.maxChannels(),
                    s.switchSwapUsd(), s.recableUsd())),
            wholeLong("seed", Settings::seed, (s, v) -> new Settings(s.objective(), s.energyUsdPerKwh(), s.pue(),
                    s.years(), s.usdPerWatt(), s.timeLimitS(), s.relativeGap(), s.solver(), s.threads(), v,
                    s.intraRackM(), s.interRackSlackM(), s.osnrMarginDb(), s.gridStartThz(), s.maxChannels(),
                    s.switchSwapUsd(), s.recableUsd())),
            number("intra_rack_m", Settings::intraRackM, (s, v) -> new Settings(s.objective(), s.energyUsdPerKwh(),
                    s.pue(), s.years(), s.usdPerWatt(), s.timeLimitS(), s.relativeGap(), s.solver(), s.threads(),
                    s.seed(), v, s.interRackSlackM(), s.osnrMarginDb(), s.gridStartThz(), s.maxChannels(),
                    s.switchSwapUsd(), s.recableUsd())),
            number("inter_rack_slack_m", Settings::interRackSlackM, (s, v) -> new Settings(s.objective(),
                    s.energyUsdPerKwh(), s.pue(), s.years(), s.usdPerWatt(), s.timeLimitS(), s.relativeGap(),
                    s.solver(), s.threads(), s.seed(), s.intraRackM(), v, s.osnrMarginDb(), s.gridStartThz(),
                    s.maxChannels(), s.switchSwapUsd(), s.recableUsd())),
            number("osnr_margin_db", Settings::osnrMarginDb, (s, v) -> s.withDwdm(v, s.gridStartThz(),
                    s.maxChannels())),
            number("grid_start_thz", Settings::gridStartThz, (s, v) -> s.withDwdm(s.osnrMarginDb(), v,
                    s.maxChannels())),
            whole("max_channels", Settings::maxChannels, (s, v) -> s.withDwdm(s.osnrMarginDb(), s.gridStartThz(),
                    v)),
            number("switch_swap_usd", Settings::switchSwapUsd, (s, v) -> s.withLabour(v, s.recableUsd())),
            number("recable_usd", Settings::recableUsd, (s, v) -> s.withLabour(s.switchSwapUsd(), v))));

    private static final Table<Rack> RACKS = new Table<>("Racks", "rack_id", Rack::id, Instance::racks,
            (i, rows) -> i.withRacks(rows), columns(
            id("rack_id", Rack::id),
            optionalText("site_id", Rack::siteId, (r, v) -> new Rack(r.id(), v, r.xM(), r.yM(), r.powerBudgetKw(),
                    r.baseLoadKw(), r.freeU())),
            number("x_m", Rack::xM, (r, v) -> new Rack(r.id(), r.siteId(), v, r.yM(), r.powerBudgetKw(),
                    r.baseLoadKw(), r.freeU())),
            number("y_m", Rack::yM, (r, v) -> new Rack(r.id(), r.siteId(), r.xM(), v, r.powerBudgetKw(),
                    r.baseLoadKw(), r.freeU())),
            number("power_budget_kw", Rack::powerBudgetKw, (r, v) -> new Rack(r.id(), r.siteId(), r.xM(), r.yM(), v,
                    r.baseLoadKw(), r.freeU())),
            number("base_load_kw", Rack::baseLoadKw, (r, v) -> new Rack(r.id(), r.siteId(), r.xM(), r.yM(),
                    r.powerBudgetKw(), v, r.freeU())),
            whole("free_u", Rack::freeU, (r, v) -> new Rack(r.id(), r.siteId(), r.xM(), r.yM(), r.powerBudgetKw(),
                    r.baseLoadKw(), v))));

    private static final Table<SwitchModel> SWITCH_MODELS = new Table<>("SwitchModels", "model_id", SwitchModel::id,
            Instance::switchModels, (i, rows) -> i.withSwitchModels(rows), columns(
            id("model_id", SwitchModel::id),
            text("family", SwitchModel::family, (m, v) -> new SwitchModel(m.id(), v, m.packaging(), m.ports(),
                    m.portGbps(), m.basePowerW(), m.portPowerW(), m.cpoPmd(), m.costUsd(), m.heightU(),
                    m.lpoCapable(), m.source(), m.maxBuy())),
            choice("packaging", Packaging.class, SwitchModel::packaging, (m, v) -> new SwitchModel(m.id(),
                    m.family(), v, m.ports(), m.portGbps(), m.basePowerW(), m.portPowerW(), m.cpoPmd(), m.costUsd(),
                    m.heightU(), m.lpoCapable(), m.source(), m.maxBuy())),
            whole("ports", SwitchModel::ports, (m, v) -> new SwitchModel(m.id(), m.family(), m.packaging(), v,
                    m.portGbps(), m.basePowerW(), m.portPowerW(), m.cpoPmd(), m.costUsd(), m.heightU(),
                    m.lpoCapable(), m.source(), m.maxBuy())),
            number("port_gbps", SwitchModel::portGbps, (m, v) -> new SwitchModel(m.id(), m.family(), m.packaging(),
                    m.ports(), v, m.basePowerW(), m.portPowerW(), m.cpoPmd(), m.costUsd(), m.heightU(),
                    m.lpoCapable(), m.source(), m.maxBuy())),
            number("base_power_w", SwitchModel::basePowerW, (m, v) -> new SwitchModel(m.id(), m.family(),
                    m.packaging(), m.ports(), m.portGbps(), v, m.portPowerW(), m.cpoPmd(), m.costUsd(), m.heightU(),
                    m.lpoCapable(), m.source(), m.maxBuy())),
            number("port_power_w", SwitchModel::portPowerW, (m, v) -> new SwitchModel(m.id(), m.family(),
                    m.packaging(), m.ports(), m.portGbps(), m.basePowerW(), v, m.cpoPmd(), m.costUsd(), m.heightU(),
                    m.lpoCapable(), m.source(), m.maxBuy())),
            optionalText("cpo_pmd", SwitchModel::cpoPmd, (m, v) -> new SwitchModel(m.id(), m.family(),
                    m.packaging(), m.ports(), m.portGbps(), m.basePowerW(), m.portPowerW(), v, m.costUsd(),
                    m.heightU(), m.lpoCapable(), m.source(), m.maxBuy())),
            number("cost_usd", SwitchModel::costUsd, (m, v) -> new SwitchModel(m.id(), m.family(), m.packaging(),
                    m.ports(), m.portGbps(), m.basePowerW(), m.portPowerW(), m.cpoPmd(), v, m.heightU(),
                    m.lpoCapable(), m.source(), m.maxBuy())),
            whole("height_u", SwitchModel::heightU, (m, v) -> new SwitchModel(m.id(), m.family(), m.packaging(),
                    m.ports(), m.portGbps(), m.basePowerW(), m.portPowerW(), m.cpoPmd(), m.costUsd(), v,
                    m.lpoCapable(), m.source(), m.maxBuy())),
            flag("lpo_capable", SwitchModel::lpoCapable, (m, v) -> new SwitchModel(m.id(), m.family(),
                    m.packaging(), m.ports(), m.portGbps(), m.basePowerW(), m.portPowerW(), m.cpoPmd(), m.costUsd(),
                    m.heightU(), v, m.source(), m.maxBuy())),
            optionalText("source", SwitchModel::source, (m, v) -> new SwitchModel(m.id(), m.family(),
                    m.packaging(), m.ports(), m.portGbps(), m.basePowerW(), m.portPowerW(), m.cpoPmd(), m.costUsd(),
                    m.heightU(), m.lpoCapable(), v, m.maxBuy())),
            optionalWhole("max_buy", SwitchModel::maxBuy, SwitchModel::withMaxBuy)));

    private static final Table<Device> DEVICES = new Table<>("Devices", "device_id", Device::id, Instance::devices,
            (i, rows) -> i.withDevices(rows), columns(
            id("device_id", Device::id),
            choice("role", Role.class, Device::role, (d, v) -> new Device(d.id(), v, d.family(), d.packaging(),
                    d.rackId(), d.ports(), d.portGbps(), d.lpoCapable(), d.candidateRacks(), d.installedModel(),
                    d.platform())),
            optionalText("family", Device::family, (d, v) -> new Device(d.id(), d.role(), v, d.packaging(),
                    d.rackId(), d.ports(), d.portGbps(), d.lpoCapable(), d.candidateRacks(), d.installedModel(),
                    d.platform())),
            choice("packaging", PackagingChoice.class, Device::packaging, (d, v) -> new Device(d.id(), d.role(),
                    d.family(), v, d.rackId(), d.ports(), d.portGbps(), d.lpoCapable(), d.candidateRacks(),
                    d.installedModel(), d.platform())),
            optionalText("rack_id", Device::rackId, (d, v) -> new Device(d.id(), d.role(), d.family(),
                    d.packaging(), v, d.ports(), d.portGbps(), d.lpoCapable(), d.candidateRacks(), d.installedModel(),
                    d.platform())),
            rackList("candidate_racks", Device::candidateRacks, (d, v) -> new Device(d.id(), d.role(), d.family(),
                    d.packaging(), d.rackId(), d.ports(), d.portGbps(), d.lpoCapable(), v, d.installedModel(),
                    d.platform())),
            whole("ports", Device::ports, (d, v) -> new Device(d.id(), d.role(), d.family(), d.packaging(),
                    d.rackId(), v, d.portGbps(), d.lpoCapable(), d.candidateRacks(), d.installedModel(), d.platform())),
            number("port_gbps", Device::portGbps, (d, v) -> new Device(d.id(), d.role(), d.family(), d.packaging(),
                    d.rackId(), d.ports(), v, d.lpoCapable(), d.candidateRacks(), d.installedModel(), d.platform())),
            flag("lpo_capable", Device::lpoCapable, (d, v) -> new Device(d.id(), d.role(), d.family(),
                    d.packaging(), d.rackId(), d.ports(), d.portGbps(), v, d.candidateRacks(), d.installedModel(),
                    d.platform())),
            optionalText("installed_model", Device::installedModel, Device::withInstalledModel),
            optionalText("platform", Device::platform, Device::withPlatform)));

    private static final Table<Link> LINKS = new Table<>("Links", "link_id", Link::id, Instance::links,
            (i, rows) -> i.withLinks(rows), columns(
            id("link_id", Link::id),
            text("a_device", Link::aDevice, (l, v) -> new Link(l.id(), v, l.bDevice(), l.count(), l.gbps(),
                    l.lengthM())),
            text("b_device", Link::bDevice, (l, v) -> new Link(l.id(), l.aDevice(), v, l.count(), l.gbps(),
                    l.lengthM())),
            whole("count", Link::count, (l, v) -> new Link(l.id(), l.aDevice(), l.bDevice(), v, l.gbps(),
                    l.lengthM())),
            number("gbps", Link::gbps, (l, v) -> new Link(l.id(), l.aDevice(), l.bDevice(), l.count(), v,
                    l.lengthM())),
            optionalNumber("length_m", Link::lengthM, (l, v) -> new Link(l.id(), l.aDevice(), l.bDevice(), l.count(),
                    l.gbps(), v))));

    private static final Table<Optic> OPTICS = new Table<>("Optics", "optic_id", Optic::id, Instance::optics,
            (i, rows) -> i.withOptics(rows), columns(
            id("optic_id", Optic::id),
            choice("kind", OpticKind.class, Optic::kind, (o, v) -> new Optic(o.id(), v, o.gbps(), o.reachM(),
                    o.pmd(), o.media(), o.powerW(), o.costUsd(), o.fiberUsdPerM(), o.lpo(), o.source(),
                    o.coherent(), o.maxBuy(), o.breakout(), o.pairsWith())),
            number("gbps", Optic::gbps, (o, v) -> new Optic(o.id(), o.kind(), v, o.reachM(), o.pmd(), o.media(),
                    o.powerW(), o.costUsd(), o.fiberUsdPerM(), o.lpo(), o.source(), o.coherent(), o.maxBuy(),
                    o.breakout(), o.pairsWith())),
            number("reach_m", Optic::reachM, (o, v) -> new Optic(o.id(), o.kind(), o.gbps(), v, o.pmd(), o.media(),
                    o.powerW(), o.costUsd(), o.fiberUsdPerM(), o.lpo(), o.source(), o.coherent(), o.maxBuy(),
                    o.breakout(), o.pairsWith())),
            optionalText("pmd", Optic::pmd, (o, v) -> new Optic(o.id(), o.kind(), o.gbps(), o.reachM(), v,
                    o.media(), o.powerW(), o.costUsd(), o.fiberUsdPerM(), o.lpo(), o.source(), o.coherent(),
                    o.maxBuy(), o.breakout(), o.pairsWith())),
            choice("media", Media.class, Optic::media, (o, v) -> new Optic(o.id(), o.kind(), o.gbps(), o.reachM(),
                    o.pmd(), v, o.powerW(), o.costUsd(), o.fiberUsdPerM(), o.lpo(), o.source(), o.coherent(),
                    o.maxBuy(), o.breakout(), o.pairsWith())),
            number("power_w", Optic::powerW, (o, v) -> new Optic(o.id(), o.kind(), o.gbps(), o.reachM(), o.pmd(),
                    o.media(), v, o.costUsd(), o.fiberUsdPerM(), o.lpo(), o.source(), o.coherent(), o.maxBuy(),
                    o.breakout(), o.pairsWith())),
            number("cost_usd", Optic::costUsd, (o, v) -> new Optic(o.id(), o.kind(), o.gbps(), o.reachM(), o.pmd(),
                    o.media(), o.powerW(), v, o.fiberUsdPerM(), o.lpo(), o.source(), o.coherent(), o.maxBuy(),
                    o.breakout(), o.pairsWith())),
            number("fiber_usd_per_m", Optic::fiberUsdPerM, (o, v) -> new Optic(o.id(), o.kind(), o.gbps(),
                    o.reachM(), o.pmd(), o.media(), o.powerW(), o.costUsd(), v, o.lpo(), o.source(), o.coherent(),
                    o.maxBuy(), o.breakout(), o.pairsWith())),
            flag("lpo", Optic::lpo, (o, v) -> new Optic(o.id(), o.kind(), o.gbps(), o.reachM(), o.pmd(), o.media(),
                    o.powerW(), o.costUsd(), o.fiberUsdPerM(), v, o.source(), o.coherent(), o.maxBuy(),
                    o.breakout(), o.pairsWith())),
            optionalText("source", Optic::source, (o, v) -> new Optic(o.id(), o.kind(), o.gbps(), o.reachM(),
                    o.pmd(), o.media(), o.powerW(), o.costUsd(), o.fiberUsdPerM(), o.lpo(), v, o.coherent(),
                    o.maxBuy(), o.breakout(), o.pairsWith())),
            // The DWDM columns: blank (NaN) on an optic without DWDM data, as the workbook shows it; setting one
            // gives it DWDM data with the others as the reader reads blank cells.
            number("baud_gbd", o -> dwdm(o).baudGbd(), (o, v) -> o.withCoherent(new CoherentSpec(v,
                    dwdm(o).spacingGhz(), dwdm(o).requiredOsnrDb(), launch(o), budget(o)))),
            number("spacing_ghz", o -> dwdm(o).spacingGhz(), (o, v) -> o.withCoherent(new CoherentSpec(
                    dwdm(o).baudGbd(), v, dwdm(o).requiredOsnrDb(), launch(o), budget(o)))),
            number("required_osnr_db", o -> dwdm(o).requiredOsnrDb(), (o, v) -> o.withCoherent(new CoherentSpec(
                    dwdm(o).baudGbd(), dwdm(o).spacingGhz(), v, launch(o), budget(o)))),
            number("tx_power_dbm", o -> dwdm(o).txPowerDbm(), (o, v) -> o.withCoherent(o.coherent() == null
                    ? new CoherentSpec(Double.NaN, Double.NaN, Double.NaN, v)
                    : new CoherentSpec(dwdm(o).baudGbd(), dwdm(o).spacingGhz(), dwdm(o).requiredOsnrDb(), v,
                    budget(o)))),
            number("max_unamplified_loss_db", o -> dwdm(o).maxUnamplifiedLossDb(), (o, v) -> o.withCoherent(
                    new CoherentSpec(dwdm(o).baudGbd(), dwdm(o).spacingGhz(), dwdm(o).requiredOsnrDb(), launch(o),
                            v))),
            optionalWhole("max_buy", Optic::maxBuy, Optic::withMaxBuy),
            count("breakout", Optic::breakout, (o, v) -> o.withBreakout(v, o.pairsWith())),
            idList("pairs_with", Optic::pairsWith, (o, v) -> o.withBreakout(o.breakout(), v))));

    private static final Table<Span> SPANS = new Table<>("Spans", "span_id", Span::id, Instance::spans,
            (i, rows) -> i.withDwdm(i.sites(), rows, i.wdmEquipment()), columns(
            id("span_id", Span::id),
            text("a_site", Span::aSite, (s, v) -> new Span(s.id(), v, s.bSite(), s.lengthKm(), s.lossDbPerKm(),
                    s.connectorLossDb(), s.fiberPairs())),
            text("b_site", Span::bSite, (s, v) -> new Span(s.id(), s.aSite(), v, s.lengthKm(), s.lossDbPerKm(),
                    s.connectorLossDb(), s.fiberPairs())),
            number("length_km", Span::lengthKm, (s, v) -> new Span(s.id(), s.aSite(), s.bSite(), v, s.lossDbPerKm(),
                    s.connectorLossDb(), s.fiberPairs())),
            number("loss_db_per_km", Span::lossDbPerKm, (s, v) -> new Span(s.id(), s.aSite(), s.bSite(),
                    s.lengthKm(), v, s.connectorLossDb(), s.fiberPairs())),
            number("connector_loss_db", Span::connectorLossDb, (s, v) -> new Span(s.id(), s.aSite(), s.bSite(),
                    s.lengthKm(), s.lossDbPerKm(), v, s.fiberPairs())),
            whole("fiber_pairs", Span::fiberPairs, (s, v) -> new Span(s.id(), s.aSite(), s.bSite(), s.lengthKm(),
                    s.lossDbPerKm(), s.connectorLossDb(), v))));

    private static final Table<WdmEquipment> WDM_EQUIPMENT = new Table<>("WdmEquipment", "item_id",
            WdmEquipment::id, Instance::wdmEquipment, (i, rows) -> i.withDwdm(i.sites(), i.spans(), rows), columns(
            id("item_id", WdmEquipment::id),
            choice("kind", WdmKind.class, WdmEquipment::kind, (e, v) -> new WdmEquipment(e.id(), v, e.channels(),
                    e.spacingGhz(), e.insertionLossDb(), e.gainDb(), e.noiseFigureDb(), e.powerW(), e.costUsd(),
                    e.source())),
            whole("channels", WdmEquipment::channels, (e, v) -> new WdmEquipment(e.id(), e.kind(), v,
                    e.spacingGhz(), e.insertionLossDb(), e.gainDb(), e.noiseFigureDb(), e.powerW(), e.costUsd(),
                    e.source())),
            number("spacing_ghz", WdmEquipment::spacingGhz, (e, v) -> new WdmEquipment(e.id(), e.kind(),
                    e.channels(), v, e.insertionLossDb(), e.gainDb(), e.noiseFigureDb(), e.powerW(), e.costUsd(),
                    e.source())),
            number("insertion_loss_db", WdmEquipment::insertionLossDb, (e, v) -> new WdmEquipment(e.id(), e.kind(),
                    e.channels(), e.spacingGhz(), v, e.gainDb(), e.noiseFigureDb(), e.powerW(), e.costUsd(),
                    e.source())),
            number("gain_db", WdmEquipment::gainDb, (e, v) -> new WdmEquipment(e.id(), e.kind(), e.channels(),
                    e.spacingGhz(), e.insertionLossDb(), v, e.noiseFigureDb(), e.powerW(), e.costUsd(), e.source())),
            number("noise_figure_db", WdmEquipment::noiseFigureDb, (e, v) -> new WdmEquipment(e.id(), e.kind(),
                    e.channels(), e.spacingGhz(), e.insertionLossDb(), e.gainDb(), v, e.powerW(), e.costUsd(),
                    e.source())),
            number("power_w", WdmEquipment::powerW, (e, v) -> new WdmEquipment(e.id(), e.kind(), e.channels(),
                    e.spacingGhz(), e.insertionLossDb(), e.gainDb(), e.noiseFigureDb(), v, e.costUsd(), e.source())),
            number("cost_usd", WdmEquipment::costUsd, (e, v) -> new WdmEquipment(e.id(), e.kind(), e.channels(),
                    e.spacingGhz(), e.insertionLossDb(), e.gainDb(), e.noiseFigureDb(), e.powerW(), v, e.source())),
            optionalText("source", WdmEquipment::source, (e, v) -> new WdmEquipment(e.id(), e.kind(), e.channels(),
                    e.spacingGhz(), e.insertionLossDb(), e.gainDb(), e.noiseFigureDb(), e.powerW(), e.costUsd(),
                    v))));

    /** Every sheet an override may change, by name, in {@code OverrideTarget.SHEETS} order. */
    private static final Map<String, Table<?>> TABLES = tables(SETTINGS, RACKS, SWITCH_MODELS, DEVICES, LINKS,
            OPTICS, SPANS, WDM_EQUIPMENT);

    private SheetColumns() {
    }

    /** The sheet of that name (exact), or null. */
    static Table<?> table(String sheet) {
        return TABLES.get(sheet);
    }

    static List<Table<?>> tables() {
        return List.copyOf(TABLES.values());
    }

    private static final CoherentSpec NO_DWDM_DATA = new CoherentSpec(Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN);

    /** An optic's DWDM data; every field blank (NaN) for an optic without. */
    private static CoherentSpec dwdm(Optic o) {
        return o.coherent() != null ? o.coherent() : NO_DWDM_DATA;
    }

    /** The launch power an optic keeps when another DWDM column is set: the reader's for a blank cell. */
    private static double launch(Optic o) {
        return o.coherent() != null ? o.coherent().txPowerDbm() : CoherentSpec.DEFAULT_TX_POWER_DBM;
    }

    /** The unamplified loss budget an optic keeps when another DWDM column is set: derived for a blank cell. */
    private static double budget(Optic o) {
        return o.coherent() != null ? o.coherent().maxUnamplifiedLossDb()
                : CoherentSpec.derivedMaxUnamplifiedLossDb(CoherentSpec.DEFAULT_TX_POWER_DBM);
    }

    // ---------------------------------------------------------------- column factories

    /** A setter of a double. */
    @FunctionalInterface
    private interface WithDouble<R> {
        R with(R row, double value);
    }

    /** A setter of an int. */
    @FunctionalInterface
    private interface WithInt<R> {
        R with(R row, int value);
    }

    /** A setter of a long. */
    @FunctionalInterface
    private interface WithLong<R> {
        R with(R row, long value);
    }

    /** A setter of a boolean. */
    @FunctionalInterface
    private interface WithFlag<R> {
        R with(R row, boolean value);
    }

    private static <R> Column<R> id(String name, Function<R, String> get) {
        return new Column<>(name, Kind.TEXT, List.of(), get::apply, null);
    }

    private static <R> Column<R> number(String name, ToDoubleFunction<R> get, WithDouble<R> set) {
        return new Column<>(name, Kind.NUMBER, List.of(), get::applyAsDouble, (r, v) -> set.with(r, (Double) v));
    }

    private static <R> Column<R> optionalNumber(String name, Function<R, Double> get, BiFunction<R, Double, R> set) {
        return new Column<>(name, Kind.OPTIONAL_NUMBER, List.of(), get::apply, (r, v) -> set.apply(r, (Double) v));
    }

    private static <R> Column<R> whole(String name, ToIntFunction<R> get, WithInt<R> set) {
        return new Column<>(name, Kind.INT, List.of(), get::applyAsInt, (r, v) -> set.with(r, (Integer) v));
    }

    private static <R> Column<R> optionalWhole(String name, Function<R, Integer> get, BiFunction<R, Integer, R> set) {
        return new Column<>(name, Kind.OPTIONAL_INT, List.of(), get::apply, (r, v) -> set.apply(r, (Integer) v));
    }

    private static <R> Column<R> count(String name, ToIntFunction<R> get, WithInt<R> set) {
        return new Column<>(name, Kind.COUNT, List.of(), get::applyAsInt, (r, v) -> set.with(r, (Integer) v));
    }

    private static <R> Column<R> wholeLong(String name, ToLongFunction<R> get, WithLong<R> set) {
        return new Column<>(name, Kind.LONG, List.of(), get::applyAsLong, (r, v) -> set.with(r, (Long) v));
    }

    private static <R> Column<R> text(String name, Function<R, String> get, BiFunction<R, String, R> set) {
        return new Column<>(name, Kind.TEXT, List.of(), get::apply, (r, v) -> set.apply(r, (String) v));
    }

    private static <R> Column<R> optionalText(String name, Function<R, String> get, BiFunction<R, String, R> set) {
        return new Column<>(name, Kind.OPTIONAL_TEXT, List.of(), get::apply, (r, v) -> set.apply(r, (String) v));
    }

    private static <R> Column<R> flag(String name, Predicate<R> get, WithFlag<R> set) {
        return new Column<>(name, Kind.FLAG, List.of(), get::test, (r, v) -> set.with(r, (Boolean) v));
    }

    /** The getter gives the enum's constant, the setter takes its name (one of {@link Column#choices()}). */
    private static <R, E extends Enum<E>> Column<R> choice(String name, Class<E> type, Function<R, E> get,
                                                           BiFunction<R, E, R> set) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        return new Column<>(name, Kind.CHOICE, names, get::apply, (r, v) -> set.apply(r, Enum.valueOf(type,
                (String) v)));
    }

    @SuppressWarnings("unchecked")
    private static <R> Column<R> rackList(String name, Function<R, List<String>> get,
                                          BiFunction<R, List<String>, R> set) {
        return new Column<>(name, Kind.RACK_LIST, List.of(), get::apply, (r, v) -> set.apply(r, (List<String>) v));
    }

    @SuppressWarnings("unchecked")
    private static <R> Column<R> idList(String name, Function<R, List<String>> get,
                                        BiFunction<R, List<String>, R> set) {
        return new Column<>(name, Kind.ID_LIST, List.of(), get::apply, (r, v) -> set.apply(r, (List<String>) v));
    }

    @SafeVarargs
    private static <R> Map<String, Column<R>> columns(Column<R>... columns) {
        Map<String, Column<R>> byName = new LinkedHashMap<>();
        for (Column<R> c : columns) {
            byName.put(c.name(), c);
        }
        return java.util.Collections.unmodifiableMap(byName);
    }

    private static Map<String, Table<?>> tables(Table<?>... tables) {
        Map<String, Table<?>> byName = new LinkedHashMap<>();
        for (Table<?> t : tables) {
            byName.put(t.sheet(), t);
        }
        return java.util.Collections.unmodifiableMap(byName);
    }
}
