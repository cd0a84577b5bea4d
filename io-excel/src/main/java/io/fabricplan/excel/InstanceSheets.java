package io.fabricplan.excel;

import io.fabricplan.model.CompatibilityRule;
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
import io.fabricplan.model.SwitchModel;
import io.fabricplan.model.CoherentSpec;
import io.fabricplan.model.Site;
import io.fabricplan.model.Span;
import io.fabricplan.model.StockItem;
import io.fabricplan.model.WdmEquipment;
import io.fabricplan.model.WdmKind;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The sheets of the instance workbook (six, Sites, Spans and WdmEquipment when the instance has any of them, and
 * the v2 parts it uses, see {@link Parts}), written into any workbook (the instance writer's and the plan
 * writer's, which may stream). Column order is {@link Schema}'s; enum columns get drop-downs.
 */
final class InstanceSheets {
    private static final String[] YES_NO = {"YES", "NO"};

    private InstanceSheets() {
    }

    /**
     * Which v2 parts a workbook holds: the Inventory and Compatibility sheets, the columns max_buy (SwitchModels,
     * Optics), installed_model and platform (Devices), breakout and pairs_with (Optics, together), and the labour
     * settings. An instance gets those it uses (a sheet with rows, a column some row fills, a setting not 0, a
     * breakout above 1), so that a v1 instance gives the v1 workbook; a template gets them all.
     */
    record Parts(boolean inventory, boolean compatibility, boolean modelMaxBuy, boolean installedModel,
                 boolean platform, boolean opticMaxBuy, boolean switchSwap, boolean recable, boolean breakout) {
        static final Parts ALL = new Parts(true, true, true, true, true, true, true, true, true);

        static Parts usedBy(Instance instance) {
            return new Parts(!instance.inventory().isEmpty(), !instance.compatibility().isEmpty(),
                    instance.switchModels().stream().anyMatch(m -> m.maxBuy() != null),
                    instance.devices().stream().anyMatch(d -> d.installedModel() != null),
                    instance.devices().stream().anyMatch(d -> d.platform() != null),
                    instance.optics().stream().anyMatch(o -> o.maxBuy() != null),
                    instance.settings().switchSwapUsd() != 0, instance.settings().recableUsd() != 0,
                    instance.optics().stream().anyMatch(o -> o.isBreakout() || !o.pairsWith().isEmpty()));
        }

        /** The sheet's columns less the v2 ones left out. */
        List<String> columns(Schema.Columns columns, String sheet) {
            return columns.all().stream().filter(c -> !Schema.SUPPLY_COLUMNS.contains(c) || has(sheet, c)).toList();
        }

        private boolean has(String sheet, String column) {
            return switch (sheet + "." + column) {
                case Schema.SWITCH_MODELS + ".max_buy" -> modelMaxBuy;
                case Schema.DEVICES + ".installed_model" -> installedModel;
                case Schema.DEVICES + ".platform" -> platform;
                case Schema.OPTICS + ".max_buy" -> opticMaxBuy;
                case Schema.OPTICS + ".breakout", Schema.OPTICS + ".pairs_with" -> breakout;
                default -> throw new IllegalStateException("v2 column without a writer: " + sheet + "." + column);
            };
        }

        /** The Settings keys written, in order. */
        List<String> settingKeys() {
            return Schema.SETTING_KEYS.stream().filter(k -> switch (k) {
                case "switch_swap_usd" -> switchSwap;
                case "recable_usd" -> recable;
                default -> true;
            }).toList();
        }
    }

    /** The rows the sheets of the instance take, headers included. */
    static long rows(Instance instance) {
        return 6L + Schema.SETTING_KEYS.size() + instance.racks().size() + instance.switchModels().size()
                + instance.devices().size() + instance.links().size() + instance.optics().size()
                + (hasDwdm(instance) ? 3L + instance.sites().size() + instance.spans().size()
                + instance.wdmEquipment().size() : 0)
                + 2L + instance.inventory().size() + instance.compatibility().size();
    }

    /** Whether the DWDM sheets are written: when the instance has sites, spans or WDM equipment. */
    static boolean hasDwdm(Instance instance) {
        return !instance.sites().isEmpty() || !instance.spans().isEmpty() || !instance.wdmEquipment().isEmpty();
    }

    /** The instance's sheets, with the v2 parts it uses. */
    static void write(Workbook workbook, Instance instance) {
        write(workbook, instance, Parts.usedBy(instance));
    }

    static void write(Workbook workbook, Instance instance, Parts parts) {
        settings(workbook, instance.settings(), parts);
        racks(workbook, instance);
        switchModels(workbook, instance, parts);
        devices(workbook, instance, parts);
        links(workbook, instance);
        optics(workbook, instance, parts);
        if (hasDwdm(instance)) {
            sites(workbook, instance);
            spans(workbook, instance);
            wdmEquipment(workbook, instance);
        }
        if (parts.inventory()) {
            inventory(workbook, instance);
        }
        if (parts.compatibility()) {
            compatibility(workbook, instance);
        }
    }

    private static void inventory(Workbook workbook, Instance instance) {
        SheetWriter w = new SheetWriter(workbook, Schema.INVENTORY, Schema.INVENTORY_COLUMNS.all());
        for (StockItem x : instance.inventory()) {
            w.newRow().text(x.itemId()).whole(x.quantity()).text(x.note());
        }
        w.finish();
    }

    private static void compatibility(Workbook workbook, Instance instance) {
        SheetWriter w = new SheetWriter(workbook, Schema.COMPATIBILITY, Schema.COMPATIBILITY_COLUMNS.all());
        for (CompatibilityRule x : instance.compatibility()) {
            w.newRow().text(x.opticId()).text(x.platform()).yesNo(x.allowed()).number(x.codingUsd());
        }
        w.dropDown(column(Schema.COMPATIBILITY_COLUMNS, "allowed"), YES_NO);
        w.finish();
    }

    private static void sites(Workbook workbook, Instance instance) {
        SheetWriter w = new SheetWriter(workbook, Schema.SITES, Schema.SITE_COLUMNS.all());
        for (Site x : instance.sites()) {
            w.newRow().text(x.id()).text(x.name());
        }
        w.finish();
    }

    private static void spans(Workbook workbook, Instance instance) {
        SheetWriter w = new SheetWriter(workbook, Schema.SPANS, Schema.SPAN_COLUMNS.all());
        for (Span x : instance.spans()) {
            w.newRow().text(x.id()).text(x.aSite()).text(x.bSite()).number(x.lengthKm()).number(x.lossDbPerKm())
                    .number(x.connectorLossDb()).whole(x.fiberPairs());
        }
        w.finish();
    }

    private static void wdmEquipment(Workbook workbook, Instance instance) {
        SheetWriter w = new SheetWriter(workbook, Schema.WDM_EQUIPMENT, Schema.WDM_COLUMNS.all());
        for (WdmEquipment x : instance.wdmEquipment()) {
            w.newRow().text(x.id()).choice(x.kind()).whole(x.channels()).number(x.spacingGhz())
                    .number(x.insertionLossDb()).number(x.gainDb()).number(x.noiseFigureDb()).number(x.powerW())
                    .number(x.costUsd()).text(x.source());
        }
        w.dropDown(column(Schema.WDM_COLUMNS, "kind"), names(WdmKind.class));
        w.finish();
    }

    private static void settings(Workbook workbook, Settings s, Parts parts) {
        SheetWriter w = new SheetWriter(workbook, Schema.SETTINGS, Schema.SETTINGS_COLUMNS.all());
        for (String key : parts.settingKeys()) {
            w.newRow().text(key);
            switch (key) {
                case "objective" -> w.choice(s.objective());
                case "energy_usd_per_kwh" -> w.number(s.energyUsdPerKwh());
                case "pue" -> w.number(s.pue());
                case "years" -> w.number(s.years());
                case "usd_per_watt" -> w.number(s.usdPerWatt());
                case "time_limit_s" -> w.number(s.timeLimitS());
                case "relative_gap" -> w.number(s.relativeGap());
                case "solver" -> w.choice(s.solver());
                case "threads" -> w.whole(s.threads());
                case "seed" -> w.whole(s.seed());
                case "intra_rack_m" -> w.number(s.intraRackM());
                case "inter_rack_slack_m" -> w.number(s.interRackSlackM());
                case "osnr_margin_db" -> w.number(s.osnrMarginDb());
                case "grid_start_thz" -> w.number(s.gridStartThz());
                case "max_channels" -> w.whole(s.maxChannels());
                case "switch_swap_usd" -> w.number(s.switchSwapUsd());
                case "recable_usd" -> w.number(s.recableUsd());
                default -> throw new IllegalStateException("setting without a writer: " + key);
            }
        }
        int objectiveRow = 1 + Schema.SETTING_KEYS.indexOf("objective");
        int solverRow = 1 + Schema.SETTING_KEYS.indexOf("solver");
        w.dropDown(objectiveRow, objectiveRow, 1, names(Objective.class));
        w.dropDown(solverRow, solverRow, 1, names(SolverKind.class));
        w.finish();
    }

    private static void racks(Workbook workbook, Instance instance) {
        SheetWriter w = new SheetWriter(workbook, Schema.RACKS, Schema.RACK_COLUMNS.all());
        for (Rack r : instance.racks()) {
            w.newRow().text(r.id()).text(r.siteId()).number(r.xM()).number(r.yM()).number(r.powerBudgetKw())
                    .number(r.baseLoadKw()).whole(r.freeU());
        }
        w.finish();
    }

    private static void switchModels(Workbook workbook, Instance instance, Parts parts) {
        SheetWriter w = new SheetWriter(workbook, Schema.SWITCH_MODELS,
                parts.columns(Schema.SWITCH_MODEL_COLUMNS, Schema.SWITCH_MODELS));
        for (SwitchModel m : instance.switchModels()) {
            w.newRow().text(m.id()).text(m.family()).choice(m.packaging()).whole(m.ports()).number(m.portGbps())
                    .number(m.basePowerW()).number(m.portPowerW()).text(m.cpoPmd()).number(m.costUsd())
                    .whole(m.heightU()).yesNo(m.lpoCapable()).text(m.source());
            if (parts.modelMaxBuy()) {
                w.whole(m.maxBuy());
            }
        }
        w.dropDown(column(Schema.SWITCH_MODEL_COLUMNS, "packaging"), names(Packaging.class));
        w.dropDown(column(Schema.SWITCH_MODEL_COLUMNS, "lpo_capable"), YES_NO);
        w.finish();
    }

    private static void devices(Workbook workbook, Instance instance, Parts parts) {
        SheetWriter w = new SheetWriter(workbook, Schema.DEVICES,
                parts.columns(Schema.DEVICE_COLUMNS, Schema.DEVICES));
        for (Device d : instance.devices()) {
            w.newRow().text(d.id()).choice(d.role()).text(d.family()).choice(d.packaging()).text(d.rackId())
                    .text(String.join(";", d.candidateRacks()));
            // A switch's ports come from its model; leave its (ignored) NIC columns blank unless set.
            if (d.isSwitch() && d.ports() == 0 && d.portGbps() == 0 && !d.lpoCapable()) {
                w.blank().blank().blank();
            } else {
                w.whole(d.ports()).number(d.portGbps()).yesNo(d.lpoCapable());
            }
            if (parts.installedModel()) {
                w.text(d.installedModel());
            }
            if (parts.platform()) {
                w.text(d.platform());
            }
        }
        w.dropDown(column(Schema.DEVICE_COLUMNS, "role"), names(Role.class));
        w.dropDown(column(Schema.DEVICE_COLUMNS, "packaging"), names(PackagingChoice.class));
        w.dropDown(column(Schema.DEVICE_COLUMNS, "lpo_capable"), YES_NO);
        w.finish();
    }

    private static void links(Workbook workbook, Instance instance) {
        SheetWriter w = new SheetWriter(workbook, Schema.LINKS, Schema.LINK_COLUMNS.all());
        for (Link l : instance.links()) {
            w.newRow().text(l.id()).text(l.aDevice()).text(l.bDevice()).whole(l.count()).number(l.gbps())
                    .number(l.lengthM());
        }
        w.finish();
    }

    private static void optics(Workbook workbook, Instance instance, Parts parts) {
        SheetWriter w = new SheetWriter(workbook, Schema.OPTICS,
                parts.columns(Schema.OPTIC_COLUMNS, Schema.OPTICS));
        for (Optic o : instance.optics()) {
            w.newRow().text(o.id()).choice(o.kind()).number(o.gbps()).number(o.reachM()).text(o.pmd())
                    .choice(o.media()).number(o.powerW()).number(o.costUsd()).number(o.fiberUsdPerM())
                    .yesNo(o.lpo()).text(o.source());
            CoherentSpec c = o.coherent();
            if (c == null) {
                w.blank().blank().blank().blank().blank();
            } else {
                w.number(c.baudGbd()).number(c.spacingGhz()).number(c.requiredOsnrDb()).number(c.txPowerDbm())
                        .number(c.maxUnamplifiedLossDb());
            }
            if (parts.opticMaxBuy()) {
                w.whole(o.maxBuy());
            }
            if (parts.breakout()) {
                // 1, the default, stays blank as in a template; ids are separated by ";" as the reader reads them
                w.whole(o.isBreakout() ? Integer.valueOf(o.breakout()) : null).text(String.join(";", o.pairsWith()));
            }
        }
        w.dropDown(column(Schema.OPTIC_COLUMNS, "kind"), names(OpticKind.class));
        w.dropDown(column(Schema.OPTIC_COLUMNS, "media"), names(Media.class));
        w.dropDown(column(Schema.OPTIC_COLUMNS, "lpo"), YES_NO);
        w.finish();
    }

    private static int column(Schema.Columns columns, String name) {
        return columns.all().indexOf(name);
    }

    static <E extends Enum<E>> String[] names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toArray(String[]::new);
    }
}
