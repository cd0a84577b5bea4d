package io.fabricplan.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes every figure of a plan from the instance alone (no solver code). DWDM MUX/DEMUX pairs and amplifiers
 * are site equipment: their price and power count in capex, power and the BOM (kinds MUX and AMPLIFIER) but in no
 * rack's power. Assignments that name unknown
 * links, optics, devices or models are skipped here; {@link io.fabricplan.check.PlanChecker} reports them.
 * Runs in O(devices + links + assignments).
 */
public final class PlanEvaluator {
    private final InstanceIndex index;

    public PlanEvaluator(InstanceIndex index) {
        this.index = index;
    }

    public PlanEvaluator(Instance instance) {
        this(new InstanceIndex(instance));
    }

    /**
     * The model a switch takes in the plan, or null for unassigned or unknown ones. Servers take none: a model
     * stated for one counts nowhere (the checker reports it).
     */
    public static Map<String, SwitchModel> chosenModels(InstanceIndex index, Plan plan) {
        Map<String, SwitchModel> chosen = new HashMap<>();
        for (DeviceAssignment a : plan.devices()) {
            Device device = index.device(a.deviceId());
            if (device != null && device.isSwitch() && a.modelId() != null && index.model(a.modelId()) != null) {
                chosen.putIfAbsent(a.deviceId(), index.model(a.modelId()));
            }
        }
        return chosen;
    }

    /** The rack each device stands in under the plan: the plan's rack if stated, else the instance's. */
    public static Map<String, String> placedRacks(InstanceIndex index, Plan plan) {
        Map<String, String> racks = new HashMap<>();
        for (Device d : index.instance().devices()) {
            racks.putIfAbsent(d.id(), d.rackId());
        }
        for (DeviceAssignment a : plan.devices()) {
            if (a.rackId() != null && index.device(a.deviceId()) != null) {
                racks.put(a.deviceId(), a.rackId());
            }
        }
        return racks;
    }

    /**
     * The end a device presents under the plan, with the instance's Compatibility rows; null for a switch without
     * a known model.
     */
    public static LinkEnd endOf(InstanceIndex index, Device device, Map<String, SwitchModel> chosen) {
        if (!device.isSwitch()) {
            return index.endOf(device, null);
        }
        SwitchModel model = chosen.get(device.id());
        return model == null ? null : index.endOf(device, model);
    }

    /** Length of a link with its devices where the plan places them. */
    public static double lengthM(InstanceIndex index, Link link, Map<String, String> placed) {
        String ra = placed.get(link.aDevice());
        String rb = placed.get(link.bDevice());
        return FabricRules.lengthM(link, ra == null ? null : index.rack(ra), rb == null ? null : index.rack(rb),
                index.settings());
    }

    public PlanEvaluation evaluate(Plan plan) {
        Settings settings = index.settings();
        Map<String, SwitchModel> chosen = chosenModels(index, plan);
        Map<String, String> placed = placedRacks(index, plan);
        Map<String, Double> portsUsed = new HashMap<>();
        Map<String, Double> rackNetworkW = new HashMap<>();
        Map<String, BomLine> bom = new LinkedHashMap<>();
        List<PlanEvaluation.LinkRow> linkRows = new ArrayList<>();
        double capex = 0;
        double power = 0;

        long swaps = 0;
        for (Device d : index.instance().devices()) {
            SwitchModel model = chosen.get(d.id());
            if (d.isSwitch() && model != null) {
                capex += FabricRules.switchCostUsd(model, d, settings);
                power += model.basePowerW();
                rackNetworkW.merge(placed.get(d.id()), model.basePowerW(), Double::sum);
                BomLine line = bom.computeIfAbsent("switch:" + model.id(),
                        k -> new BomLine(model.id(), "SWITCH", model.costUsd()));
                line.quantity += 1;
                if (FabricRules.newSwitchUnit(model, d)) {
                    line.newUnits += 1;
                    swaps += d.installedModel() == null ? 0 : 1;
                }
            }
        }

        // Pooled units (twin-port modules, wide ends of breakout cables): links per device and unit; the rows
        // carry each link's share, the whole units are settled below.
        Map<String, Pool> pools = new LinkedHashMap<>();
        for (LinkAssignment a : plan.links()) {
            Link link = index.link(a.linkId());
            Optic optic = index.optic(a.opticId());
            Optic bOptic = index.optic(a.bEndOpticId());
            if (link == null || optic == null || bOptic == null) {
                continue;
            }
            Device da = index.device(link.aDevice());
            Device db = index.device(link.bDevice());
            if (da == null || db == null) {
                continue;
            }
            LinkEnd ea = endOf(index, da, chosen);
            LinkEnd eb = endOf(index, db, chosen);
            if (ea == null || eb == null) {
                continue;
            }
            OpticPair pair = new OpticPair(optic, bOptic);
            char wide = FabricRules.wideEnd(optic, ea, da.id(), eb, db.id());
            double length = lengthM(index, link, placed);
            double lengthForCost = Double.isNaN(length) ? 0 : length;
            double unitCost = FabricRules.ownCostUsd(pair, lengthForCost, ea, eb, wide);
            double powerA = FabricRules.ownEndPowerW(pair, true, link, ea);
            double powerB = FabricRules.ownEndPowerW(pair, false, link, eb);
            Optic pooledA = FabricRules.pooledUnit(pair, true, ea, wide);
            Optic pooledB = FabricRules.pooledUnit(pair, false, eb, wide);
            if (pooledA != null) {
                unitCost += FabricRules.pooledUnitCostUsd(pooledA, ea) / pooledA.breakout();
                powerA += pooledA.powerW() / pooledA.breakout();
                pool(pools, da, pooledA, ea).links += a.count();
            }
            if (pooledB != null) {
                unitCost += FabricRules.pooledUnitCostUsd(pooledB, eb) / pooledB.breakout();
                powerB += pooledB.powerW() / pooledB.breakout();
                pool(pools, db, pooledB, eb).links += a.count();
            }
            powerA *= a.count();
            powerB *= a.count();
            double rowCost = unitCost * a.count();
            capex += rowCost;
            power += powerA + powerB;
            rackNetworkW.merge(placed.get(da.id()), powerA, Double::sum);
            rackNetworkW.merge(placed.get(db.id()), powerB, Double::sum);
            linkRows.add(new PlanEvaluation.LinkRow(a, link, length, powerA + powerB, rowCost));
            if (pooledA == null) {
                addPorts(portsUsed, da, chosen, link, a.count());
            }
            if (db != da && pooledB == null) {
                addPorts(portsUsed, db, chosen, link, a.count());
            }
            addBom(bom, pair, ea, eb, wide, lengthForCost, a.count());
        }
        List<PlanEvaluation.PooledRow> pooledRows = new ArrayList<>();
        for (Pool p : pools.values()) {
            long units = (p.links + p.unit.breakout() - 1) / p.unit.breakout();
            pooledRows.add(new PlanEvaluation.PooledRow(p.device.id(), p.unit.id(), p.unit.breakout(), p.links, units));
            double idle = units - (double) p.links / p.unit.breakout();
            double unitCost = FabricRules.pooledUnitCostUsd(p.unit, p.end);
            capex += idle * unitCost;
            power += idle * p.unit.powerW();
            rackNetworkW.merge(placed.get(p.device.id()), idle * p.unit.powerW(), Double::sum);
            double portGbps = p.device.isSwitch() ? chosen.get(p.device.id()).portGbps() : p.device.portGbps();
            portsUsed.merge(p.device.id(), units * p.unit.gbps() / portGbps, Double::sum);
            opticLine(bom, p.unit).quantity += units;
            addCoding(bom, p.unit, p.end, (int) units);
        }

        // Stock and supply: units beyond the installed switches kept are split into reused and bought
        // (SupplyRules); per-row figures stay at list price, the BOM and capex take the split.
        double reusedOptics = 0;
        for (BomLine line : List.copyOf(bom.values())) {
            if (line.kind.equals("SWITCH")) {
                SupplyRules.Split split = SupplyRules.split(Math.round(line.newUnits), index.stock(line.itemId),
                        index.model(line.itemId).maxBuy(), line.unitCost, 0);
                line.reused = line.quantity - line.newUnits + split.reused();
                capex -= split.reused() * line.unitCost;
            } else if (line.opticUnits) {
                Optic optic = index.optic(line.itemId);
                SupplyRules.Split split = SupplyRules.split(Math.round(line.quantity), index.stock(line.itemId),
                        optic.maxBuy(), line.unitCost, settings.recableUsd());
                line.reused = split.reused();
                capex -= split.reused() * (line.unitCost - settings.recableUsd());
                reusedOptics += split.reused();
            }
        }
        if (swaps > 0 && settings.switchSwapUsd() != 0) {
            BomLine line = new BomLine("switch-swap", "LABOUR", settings.switchSwapUsd());
            line.quantity = swaps;
            bom.put("labour:switch-swap", line);
        }
        if (reusedOptics > 0 && settings.recableUsd() != 0) {
            BomLine line = new BomLine("recable", "LABOUR", settings.recableUsd());
            line.quantity = reusedOptics;
            bom.put("labour:recable", line);
        }

        // DWDM line equipment is site equipment: counted in capex, power and the BOM, attributed to no rack.
        for (MuxPlacement m : plan.dwdm().muxes()) {
            WdmEquipment item = index.wdm(m.itemId());
            if (item != null) {
                capex += item.costUsd();
                power += item.powerW();
                addWdm(bom, item, 1);
            }
        }
        for (AmplifierPlacement a : plan.dwdm().amplifiers()) {
            WdmEquipment item = index.wdm(a.itemId());
            if (item != null && a.count() > 0) {
                capex += item.costUsd() * a.count();
                power += item.powerW() * a.count();
                addWdm(bom, item, a.count());
            }
        }

        List<PlanEvaluation.DeviceRow> deviceRows = new ArrayList<>();
        for (Device d : index.instance().devices()) {
            SwitchModel model = chosen.get(d.id());
            int ports = d.isSwitch() ? (model == null ? 0 : model.ports()) : d.ports();
            double used = portsUsed.getOrDefault(d.id(), 0.0);
            deviceRows.add(new PlanEvaluation.DeviceRow(d.id(), model == null ? null : model.id(),
                    model == null ? Packaging.PLUGGABLE : model.packaging(), placed.get(d.id()), used, ports,
                    model == null ? 0 : model.basePowerW(),
                    model == null ? 0 : FabricRules.switchCostUsd(model, d, settings)));
        }

        List<PlanEvaluation.RackRow> rackRows = new ArrayList<>();
        for (Rack r : index.instance().racks()) {
            double networkKw = rackNetworkW.getOrDefault(r.id(), 0.0) / 1000.0;
            double total = r.baseLoadKw() + networkKw;
            rackRows.add(new PlanEvaluation.RackRow(r.id(), r.powerBudgetKw(), r.baseLoadKw(), networkKw, total,
                    r.powerBudgetKw() > 0 ? total / r.powerBudgetKw() : Double.POSITIVE_INFINITY));
        }

        List<PlanEvaluation.BomRow> bomRows = bom.values().stream()
                .map(b -> new PlanEvaluation.BomRow(b.itemId, b.kind, b.quantity, b.unitCost,
                        (b.quantity - b.reused) * b.unitCost, b.reused, b.quantity - b.reused))
                .toList();
        double tco = capex + settings.energyUsdPerWatt() * power;
        return new PlanEvaluation(linkRows, deviceRows, rackRows, bomRows, capex, power, tco,
                settings.objectiveValue(capex, power), pooledRows);
    }

    private static void addPorts(Map<String, Double> portsUsed, Device device, Map<String, SwitchModel> chosen,
                                 Link link, int count) {
        double portGbps = device.isSwitch() ? chosen.get(device.id()).portGbps() : device.portGbps();
        portsUsed.merge(device.id(), FabricRules.portsPerLink(link, portGbps) * count, Double::sum);
    }

    private static void addWdm(Map<String, BomLine> bom, WdmEquipment item, int count) {
        bom.computeIfAbsent("wdm:" + item.id(), k -> new BomLine(item.id(), item.kind().name(), item.costUsd()))
                .quantity += count;
    }

    /** Coding of the optic's modules at an end whose Compatibility row asks for it: one BOM line per price. */
    private static void addCoding(Map<String, BomLine> bom, Optic optic, LinkEnd end, int count) {
        double coding = end.codingUsd(optic);
        if (coding != 0) {
            bom.computeIfAbsent("coding:" + optic.id() + ":" + coding, k -> new BomLine("coding-" + optic.id() + "@"
                    + coding + "usd", "CODING", coding)).quantity += count;
        }
    }

    /** Per-link units of a pair (pooled ones are settled per device), their coding, and the fiber. */
    private static void addBom(Map<String, BomLine> bom, OpticPair pair, LinkEnd a, LinkEnd b, char wide,
                               double lengthM, int count) {
        Optic optic = pair.a();
        if (optic.kind().isAssembly()) {
            if (!optic.isBreakout()) {
                opticLine(bom, optic).quantity += count;
                addCoding(bom, optic, a, count);
                addCoding(bom, optic, b, count);
            } else {
                // the narrow end codes per link; the wide end's coding comes with its pooled unit
                addCoding(bom, optic, wide == 'a' ? b : a, count);
            }
            return;
        }
        for (boolean atA : new boolean[] {true, false}) {
            LinkEnd end = atA ? a : b;
            Optic module = pair.at(atA);
            if (end.packaging() == Packaging.PLUGGABLE && !module.isBreakout()) {
                opticLine(bom, module).quantity += count;
                addCoding(bom, module, end, count);
            }
        }
        double fiberUsdPerM = Math.max(pair.a().fiberUsdPerM(), pair.b().fiberUsdPerM());
        Optic fiberOf = pair.a().fiberUsdPerM() >= pair.b().fiberUsdPerM() ? pair.a() : pair.b();
        if (fiberUsdPerM > 0 && lengthM > 0) {
            String fiber = "fiber-" + (fiberOf.media() == null ? "SMF" : fiberOf.media().name());
            bom.computeIfAbsent("fiber:" + fiber + ":" + fiberUsdPerM, k -> new BomLine(
                    fiber + "@" + fiberUsdPerM + "usd/m", "FIBER_M", fiberUsdPerM))
                    .quantity += lengthM * count;
        }
    }

    private static Pool pool(Map<String, Pool> pools, Device device, Optic unit, LinkEnd end) {
        return pools.computeIfAbsent(device.id() + "|" + unit.id(), k -> new Pool(device, unit, end));
    }

    /** The links of one device on one pooled unit (twin-port module, wide end of a breakout cable). */
    private static final class Pool {
        final Device device;
        final Optic unit;
        final LinkEnd end;
        long links;

        Pool(Device device, Optic unit, LinkEnd end) {
            this.device = device;
            this.unit = unit;
            this.end = end;
        }
    }

    private static BomLine opticLine(Map<String, BomLine> bom, Optic optic) {
        BomLine line = bom.computeIfAbsent("optic:" + optic.id(), k -> new BomLine(optic.id(), optic.kind().name(),
                optic.costUsd()));
        line.opticUnits = true;
        return line;
    }

    private static final class BomLine {
        final String itemId;
        final String kind;
        final double unitCost;
        double quantity;
        /** Switches: units that are not an installed switch kept. */
        double newUnits;
        /** Units not bought: installed switches kept and units from stock. */
        double reused;
        /** Whether the line counts units of an optic (modules or assemblies). */
        boolean opticUnits;

        BomLine(String itemId, String kind, double unitCost) {
            this.itemId = itemId;
            this.kind = kind;
            this.unitCost = unitCost;
        }
    }
}
