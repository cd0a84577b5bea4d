package io.fabricplan.formulations;

import io.fabricplan.check.PlanChecker;
import io.fabricplan.model.Device;
import io.fabricplan.model.DeviceAssignment;
import io.fabricplan.model.FabricRules;
import io.fabricplan.model.Instance;
import io.fabricplan.model.InstanceIndex;
import io.fabricplan.model.Link;
import io.fabricplan.model.LinkAssignment;
import io.fabricplan.model.LinkEnd;
import io.fabricplan.model.Objective;
import io.fabricplan.model.Optic;
import io.fabricplan.model.OpticPair;
import io.fabricplan.model.Packaging;
import io.fabricplan.model.Plan;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Settings;
import io.fabricplan.model.SwitchModel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fabric planning problem as a mixed-integer linear model.
 *
 * <p><b>Problem.</b> Every switch takes one model of its family (its packaging request permitting); every link,
 * {@code count} parallel cables of one rate, is served by interconnect options usable between its two ends;
 * ports and rack power budgets hold; minimise {@code a * capex + b * power} as the objective asks.
 *
 * <p><b>Key reformulation.</b> Every link is always fully served, so the port load of a device under model m,
 * {@code load(d,m) = sum count * gbps / port_gbps(m)}, is a constant, and so is the port power of a CPO switch,
 * {@code port_power_w(m) * load(d,m)}. Both fold into the model variables: port capacity becomes a fixing of
 * {@code y}, and the CPO port power becomes part of {@code y}'s coefficient in the rack rows and the objective.
 * What remains is a small assignment model:
 * <pre>
 *   y[d,m]          binary, switch d takes model m (no variable when d has one candidate that fits)
 *   x[l,o,a,b]      integer in [0, count_l], cables of link l on option o with end packagings a, b
 *   oneModel[d]         sum_m y[d,m] = 1
 *   portCapacity[d,m]   y[d,m] = 0 where load(d,m) > ports(m)
 *   demand[l]           sum x[l,.] = count_l
 *   endCompatibility    x[l,o,a,b] <= count_l * sum(y[d,m] : m has packaging a and accepts o)   (each end)
 *   rackPower[r]        sum y * (base + CPO port power) + sum x * pluggable end power <= budget - base load
 * </pre>
 * An option o is a pair of optics (the same at both ends, or two modules that pair); a unit that serves several
 * links of a device (twin-port module, breakout cable's wide end) is counted whole per device and end variant by
 * {@link BreakoutRows}, with rows {@code breakoutPorts[d,m]} for the ports of whole units beyond the constant load.
 * Parallel cables are one integer variable, never one per cable. Size: O(switches x models) binaries and
 * O(links x options x 4) integers, rows O(switches + links x options + racks); building is linear in that.
 */
final class FabricFormulation implements Formulation {
    static final String NAME = "FabricFormulation";

    /** An x variable and what it stands for, with its per-cable figures. */
    record LinkOption(MipModel.Var var, Link link, OpticPair pair, EndVariant va, EndVariant vb, double unitCostUsd,
                      double powerAW, double powerBW) {
        Optic optic() {
            return pair.a();
        }

        Packaging a() {
            return va.packaging();
        }

        Packaging b() {
            return vb.packaging();
        }
    }

    /**
     * The models of a switch (or the server itself) that present the same end to an optic: one packaging, accepting
     * it, at one coding cost (Compatibility sheet). Without Compatibility rows there is one variant per packaging.
     *
     * @param label  the variant in variable names: the packaging, with the coding cost when one packaging has
     *               several variants
     * @param models the switch's models in the variant, empty for a server
     * @param end    a representative end: cost and pluggable power depend only on what the variant shares
     */
    record EndVariant(Packaging packaging, double codingUsd, String label, List<SwitchModel> models, LinkEnd end) {
    }

    private final InstanceIndex index;
    private final double capexWeight;
    private final double powerWeight;
    private final MipModel model = new MipModel(NAME);
    private final Map<String, List<SwitchModel>> usableModels = new LinkedHashMap<>();
    private final Map<String, Map<String, MipModel.Var>> y = new LinkedHashMap<>();
    private final Map<String, SwitchModel> fixed = new LinkedHashMap<>();
    private final Map<String, List<LinkOption>> x = new LinkedHashMap<>();
    private final SupplyRows supply;
    private final BreakoutRows breakouts;

    private FabricFormulation(InstanceIndex index) {
        this.index = index;
        Settings s = index.settings();
        this.capexWeight = s.objective() == Objective.POWER ? 0 : 1;
        this.powerWeight = s.objective() == Objective.POWER ? 1 : s.objectiveUsdPerWatt();
        this.supply = new SupplyRows(index, model, capexWeight);
        this.breakouts = new BreakoutRows(model, supply, capexWeight, powerWeight);
    }

    /**
     * Builds the model of a valid instance (see {@code InstanceValidator}) whose settings carry the objective
     * to minimise.
     *
     * @throws UnsupportedInstanceException when a switch is to be placed
     */
    static FabricFormulation build(Instance instance) {
        if (instance.devices().stream().anyMatch(Device::isPlaced)) {
            throw new UnsupportedInstanceException(NAME + " keeps every device in its rack; it cannot place "
                    + "switches (use the aggregated formulation)");
        }
        FabricFormulation f = new FabricFormulation(new InstanceIndex(instance));
        f.modelVariables();
        f.oneModel();
        f.portCapacity();
        f.linkVariables();
        f.demand();
        f.endCompatibility();
        f.breakoutModules();
        f.breakoutPorts();
        f.rackPower();
        f.objective();
        f.supply();
        return f;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MipModel model() {
        return model;
    }

    /** One group per Links row. */
    @Override
    public int groupCount() {
        return index.instance().links().size();
    }

    // ---------------------------------------------------------------- shared rules (also used by the diagnosis)

    /** Ports the device's links take on ports of {@code portGbps}: a constant, since every link is served. */
    static double portLoad(InstanceIndex index, Device device, double portGbps) {
        double load = 0;
        for (Link l : index.linksOf(device.id())) {
            load += FabricRules.portsPerLink(l, portGbps) * l.count();
        }
        return load;
    }

    /** Whether the switch's links fit the model's ports, with the checker's tolerance. */
    static boolean fits(InstanceIndex index, Device device, SwitchModel m) {
        double load = portLoad(index, device, m.portGbps());
        return load <= m.ports() * (1 + PlanChecker.TOLERANCE) + PlanChecker.TOLERANCE;
    }

    /** Base power of a switch of model m plus, for CPO, the power of every port its links use. */
    static double switchPowerW(InstanceIndex index, Device device, SwitchModel m) {
        double ports = m.packaging() == Packaging.CPO ? m.portPowerW() * portLoad(index, device, m.portGbps()) : 0;
        return m.basePowerW() + ports;
    }

    /** The models a switch may usefully take: candidates that fit, or all candidates when none fits. */
    static List<SwitchModel> usableModels(InstanceIndex index, Device device) {
        List<SwitchModel> candidates = index.candidateModels(device);
        List<SwitchModel> fitting = candidates.stream().filter(m -> fits(index, device, m)).toList();
        return fitting.isEmpty() ? candidates : fitting;
    }

    /** Whether some usable model of the device (or the server itself) at packaging p accepts the option. */
    static boolean someEndAccepts(InstanceIndex index, Device device, Optic o, Packaging p) {
        if (!device.isSwitch()) {
            return p == Packaging.PLUGGABLE && FabricRules.endAccepts(o, index.endOf(device, null));
        }
        return usableModels(index, device).stream()
                .anyMatch(m -> m.packaging() == p && FabricRules.endAccepts(o, index.endOf(device, m)));
    }

    /**
     * The end variants of a device for an optic: its usable models that accept it, grouped by packaging and coding
     * cost (the server's one end, if it accepts).
     */
    static List<EndVariant> endVariants(InstanceIndex index, Device device, Optic o) {
        if (!device.isSwitch()) {
            LinkEnd end = index.endOf(device, null);
            return FabricRules.endAccepts(o, end) ? List.of(new EndVariant(Packaging.PLUGGABLE, end.codingUsd(o),
                    Packaging.PLUGGABLE.name(), List.of(), end)) : List.of();
        }
        Map<String, List<SwitchModel>> byKey = new LinkedHashMap<>();
        Map<String, LinkEnd> ends = new LinkedHashMap<>();
        for (SwitchModel m : usableModels(index, device)) {
            LinkEnd end = index.endOf(device, m);
            if (FabricRules.endAccepts(o, end)) {
                String key = m.packaging() + "|" + end.codingUsd(o) + (o.isBreakout() ? "|" + m.portGbps() : "");
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
                ends.putIfAbsent(key, end);
            }
        }
        List<EndVariant> variants = new ArrayList<>();
        byKey.forEach((key, models) -> {
            LinkEnd end = ends.get(key);
            boolean alone = byKey.keySet().stream().filter(k -> k.startsWith(end.packaging() + "|")).count() == 1;
            double coding = end.codingUsd(o);
            variants.add(new EndVariant(end.packaging(), coding, alone ? end.packaging().name()
                    : end.packaging() + "+coding" + coding + (o.isBreakout() ? "+port" + end.portGbps() : ""),
                    List.copyOf(models), end));
        });
        return variants;
    }

    /** The packagings the device's end may take. */
    static Set<Packaging> endPackagings(InstanceIndex index, Device device) {
        Set<Packaging> set = EnumSet.noneOf(Packaging.class);
        if (!device.isSwitch()) {
            set.add(Packaging.PLUGGABLE);
        } else {
            usableModels(index, device).forEach(m -> set.add(m.packaging()));
        }
        return set;
    }

    /** Power one cable draws at an end of packaging p, without CPO port power (folded into the switch). */
    static double endPowerWithoutCpo(Optic o, Link link, Packaging p) {
        if (!o.kind().isAssembly() && p == Packaging.CPO) {
            return 0;
        }
        return FabricRules.endPowerW(o, link, endOfPackaging(p));
    }

    /** Power one link draws by itself at an end of a pair, pooled units and CPO port power left out. */
    static double ownEndPowerWithoutCpo(OpticPair pair, boolean atA, Link link, LinkEnd end) {
        Optic o = pair.at(atA);
        if (!o.kind().isAssembly() && end.packaging() == Packaging.CPO) {
            return 0;
        }
        return FabricRules.ownEndPowerW(pair, atA, link, end);
    }

    /**
     * Units of the end's optic a link takes by itself at that end (pooled units are counted per device): a
     * per-link module at a pluggable end; a plain assembly once, at the a end.
     */
    static int ownUnits(OpticPair pair, boolean atA, LinkEnd end) {
        Optic o = pair.at(atA);
        if (o.isBreakout()) {
            return 0;
        }
        if (o.kind().isAssembly()) {
            return atA ? 1 : 0;
        }
        return end.packaging() == Packaging.PLUGGABLE ? 1 : 0;
    }

    /** An end standing for its packaging only: cost and pluggable power depend on nothing else. */
    private static LinkEnd endOfPackaging(Packaging p) {
        return new LinkEnd(p, true, null, null);
    }

    // ---------------------------------------------------------------- variables and constraint families

    /** y[d,m] for every switch with a choice (or whose one candidate does not fit, so the fixing shows). */
    private void modelVariables() {
        for (Device d : index.instance().devices()) {
            if (!d.isSwitch()) {
                continue;
            }
            List<SwitchModel> candidates = index.candidateModels(d);
            usableModels.put(d.id(), usableModels(index, d));
            if (candidates.size() == 1 && fits(index, d, candidates.get(0))) {
                fixed.put(d.id(), candidates.get(0));
                continue;
            }
            Map<String, MipModel.Var> vars = new LinkedHashMap<>();
            for (SwitchModel m : candidates) {
                vars.put(m.id(), model.addBinary("y[device=" + d.id() + ",model=" + m.id() + "]"));
            }
            y.put(d.id(), vars);
        }
    }

    /** Every switch with a choice takes exactly one model. */
    private void oneModel() {
        y.forEach((device, vars) -> {
            MipModel.Expr sum = new MipModel.Expr();
            vars.values().forEach(v -> sum.add(v, 1));
            model.addEquality("oneModel[device=" + device + "]", sum, 1);
            model.addStateGroup(device, List.copyOf(vars.values()), 1);
        });
    }

    /** A model whose ports cannot carry the switch's (constant) load is excluded: y[d,m] = 0. */
    private void portCapacity() {
        y.forEach((device, vars) -> {
            Device d = index.device(device);
            for (SwitchModel m : index.candidateModels(d)) {
                if (!fits(index, d, m)) {
                    model.addEquality("portCapacity[device=" + device + ",model=" + m.id() + "]",
                            new MipModel.Expr().add(vars.get(m.id()), 1), 0);
                }
            }
        });
    }

    /**
     * x[l,o,a,b] for every option o (an optic at both ends, or two modules that pair) of the link's rate and
     * reach and every pair of end variants at which it is usable.
     */
    private void linkVariables() {
        for (Link l : index.instance().links()) {
            Device da = index.device(l.aDevice());
            Device db = index.device(l.bDevice());
            double length = FabricRules.lengthM(l, index);
            List<LinkOption> options = new ArrayList<>();
            for (OpticPair p : index.opticPairs()) {
                if (!FabricRules.rateMatches(p.a(), l) || !FabricRules.rateMatches(p.b(), l)
                        || !FabricRules.reaches(p.a(), length) || !FabricRules.reaches(p.b(), length)) {
                    continue;
                }
                List<EndVariant> bVariants = endVariants(index, db, p.b());
                for (EndVariant va : endVariants(index, da, p.a())) {
                    for (EndVariant vb : bVariants) {
                        if (!FabricRules.usable(p, l, length, va.end(), da.id(), vb.end(), db.id())) {
                            continue;
                        }
                        MipModel.Var v = model.addInteger("x[link=" + l.id() + ",optic=" + p.label() + ",a="
                                + va.label() + ",b=" + vb.label() + "]", 0, l.count());
                        char wide = FabricRules.wideEnd(p.a(), va.end(), da.id(), vb.end(), db.id());
                        options.add(new LinkOption(v, l, p, va, vb, FabricRules.ownCostUsd(p, length, va.end(),
                                vb.end(), wide), ownEndPowerWithoutCpo(p, true, l, va.end()),
                                ownEndPowerWithoutCpo(p, false, l, vb.end())));
                        supply.opticUnits(p.a(), v, ownUnits(p, true, va.end()));
                        supply.opticUnits(p.b(), v, ownUnits(p, false, vb.end()));
                        pool(p, true, da, va, wide, v, l.count());
                        pool(p, false, db, vb, wide, v, l.count());
                    }
                }
            }
            x.put(l.id(), options);
        }
    }

    /** Registers the link's pooled unit at one end, if it has one ({@link BreakoutRows}). */
    private void pool(OpticPair p, boolean atA, Device d, EndVariant variant, char wide, MipModel.Var v, long max) {
        Optic unit = FabricRules.pooledUnit(p, atA, variant.end(), wide);
        if (unit != null) {
            breakouts.links(d.id(), variant.label(), unit, variant.end(), d.rackId(), variant.models(), v, 1, max);
        }
    }

    /** Every parallel cable of a link is served (an unservable link leaves an empty, infeasible row). */
    private void demand() {
        for (Link l : index.instance().links()) {
            MipModel.Expr sum = new MipModel.Expr();
            x.get(l.id()).forEach(opt -> sum.add(opt.var(), 1));
            model.addEquality("demand[link=" + l.id() + "]", sum, l.count());
        }
    }

    /**
     * An option may serve a link only when the model chosen at each end is in its end variant: it has the
     * packaging, accepts the optic and codes it at the variant's cost.
     */
    private void endCompatibility() {
        for (List<LinkOption> options : x.values()) {
            for (LinkOption opt : options) {
                endCompatibility(opt, opt.link().aDevice(), opt.va(), "a");
                endCompatibility(opt, opt.link().bDevice(), opt.vb(), "b");
            }
        }
    }

    private void endCompatibility(LinkOption opt, String deviceId, EndVariant variant, String end) {
        Map<String, MipModel.Var> vars = y.get(deviceId);
        if (vars == null) {
            return; // a server or a fixed model: x exists only where that end accepts the option
        }
        if (variant.models().size() == usableModels.get(deviceId).size()) {
            return; // every model the switch can take is in the variant: the row would always hold
        }
        MipModel.Expr row = new MipModel.Expr().add(opt.var(), 1);
        variant.models().forEach(m -> row.add(vars.get(m.id()), -opt.link().count()));
        model.addLessOrEqual("endCompatibility[link=" + opt.link().id() + ",optic=" + opt.pair().label() + ",a="
                + opt.va().label() + ",b=" + opt.vb().label() + ",end=" + end + "]", row, 0);
    }

    /** Whole pooled units per device and end variant ({@link BreakoutRows}). */
    private void breakoutModules() {
        breakouts.build();
    }

    /**
     * The ports whole pooled units take beyond their links' share fit what the links leave free on the model:
     * {@code sum (gbps x modules - linkGbps x links) / port_gbps <= ports - load(d,m)}, relaxed by its most when
     * y[d,m] = 0. A row that cannot bind is left out.
     */
    private void breakoutPorts() {
        for (String deviceId : breakouts.devices()) {
            Device d = index.device(deviceId);
            List<BreakoutRows.Pool> pools = breakouts.poolsOf(deviceId);
            if (!d.isSwitch()) {
                breakouts.addPortRow(deviceId, "model=server", pools, d.portGbps(),
                        d.ports() - portLoad(index, d, d.portGbps()), null);
                continue;
            }
            for (SwitchModel m : usableModels.get(deviceId)) {
                List<BreakoutRows.Pool> onModel = pools.stream().filter(p -> p.models.contains(m)).toList();
                MipModel.Var ym = y.containsKey(deviceId) ? y.get(deviceId).get(m.id()) : null;
                breakouts.addPortRow(deviceId, "model=" + m.id(), onModel, m.portGbps(),
                        m.ports() - portLoad(index, d, m.portGbps()), ym);
            }
        }
    }


    /** Switch and pluggable power in a rack stays within what its budget leaves after the base load, in W. */
    private void rackPower() {
        Map<String, MipModel.Expr> rows = new LinkedHashMap<>();
        Map<String, Double> constants = new LinkedHashMap<>();
        for (Device d : index.instance().devices()) {
            rows.computeIfAbsent(d.rackId(), r -> new MipModel.Expr());
            constants.putIfAbsent(d.rackId(), 0.0);
            SwitchModel f = fixed.get(d.id());
            if (f != null) {
                constants.merge(d.rackId(), switchPowerW(index, d, f), Double::sum);
            }
            Map<String, MipModel.Var> vars = y.get(d.id());
            if (vars != null) {
                for (SwitchModel m : index.candidateModels(d)) {
                    rows.get(d.rackId()).add(vars.get(m.id()), switchPowerW(index, d, m));
                }
            }
        }
        for (List<LinkOption> options : x.values()) {
            for (LinkOption opt : options) {
                rows.get(index.device(opt.link().aDevice()).rackId()).add(opt.var(), opt.powerAW());
                rows.get(index.device(opt.link().bDevice()).rackId()).add(opt.var(), opt.powerBW());
            }
        }
        breakouts.rackPower(rows);
        for (Rack r : index.instance().racks()) {
            MipModel.Expr row = rows.get(r.id());
            if (row != null) {
                double available = (r.powerBudgetKw() - r.baseLoadKw()) * 1000.0 - constants.getOrDefault(r.id(), 0.0);
                model.addLessOrEqual("rackPower[rack=" + r.id() + "]", row, available);
            }
        }
    }

    /** a * capex + b * power; CPO port power rides on y, fixed switches are a constant. */
    private void objective() {
        for (Device d : index.instance().devices()) {
            SwitchModel f = fixed.get(d.id());
            Settings s = index.settings();
            if (f != null) {
                double cost = FabricRules.switchCostUsd(f, d, s);
                model.addObjectiveConstant(capexWeight * cost + powerWeight * switchPowerW(index, d, f));
                model.addTotalsConstant(cost, switchPowerW(index, d, f));
            }
            Map<String, MipModel.Var> vars = y.get(d.id());
            if (vars != null) {
                for (SwitchModel m : index.candidateModels(d)) {
                    double cost = FabricRules.switchCostUsd(m, d, s);
                    model.addObjective(vars.get(m.id()), capexWeight * cost + powerWeight * switchPowerW(index, d, m));
                    model.addTotals(vars.get(m.id()), cost, switchPowerW(index, d, m));
                }
            }
        }
        for (List<LinkOption> options : x.values()) {
            for (LinkOption opt : options) {
                model.addObjective(opt.var(),
                        capexWeight * opt.unitCostUsd() + powerWeight * (opt.powerAW() + opt.powerBW()));
                model.addTotals(opt.var(), opt.unitCostUsd(), opt.powerAW() + opt.powerBW());
            }
        }
    }

    /** Stock and supply limits of optics (registered with the x) and of new switches ({@link SupplyRows}). */
    private void supply() {
        for (Device d : index.instance().devices()) {
            SwitchModel f = fixed.get(d.id());
            if (f != null && FabricRules.newSwitchUnit(f, d)) {
                supply.switchConstant(f, 1);
            }
            Map<String, MipModel.Var> vars = y.get(d.id());
            if (vars != null) {
                for (SwitchModel m : index.candidateModels(d)) {
                    if (FabricRules.newSwitchUnit(m, d)) {
                        supply.switchUnits(m, vars.get(m.id()), 1);
                    }
                }
            }
        }
        supply.build();
    }

    // ---------------------------------------------------------------- plans in and out

    /**
     * Sets the model's hint to a plan (models and link splits); returns false, leaving no hint, when the plan
     * uses a choice the model has no variable for.
     */
    @Override
    public boolean hint(Plan plan) {
        model.clearHint();
        double[] values = new double[model.numVariables()];
        Map<String, String> chosen = new LinkedHashMap<>();
        fixed.forEach((device, m) -> chosen.put(device, m.id()));
        for (DeviceAssignment a : plan.devices()) {
            Map<String, MipModel.Var> vars = y.get(a.deviceId());
            if (vars != null) {
                MipModel.Var v = vars.get(a.modelId());
                if (v == null) {
                    return false;
                }
                values[v.index()] = 1.0;
                chosen.put(a.deviceId(), a.modelId());
            }
        }
        for (LinkAssignment a : plan.links()) {
            LinkOption opt = x.getOrDefault(a.linkId(), List.of()).stream()
                    .filter(o -> o.pair().a().id().equals(a.opticId()) && o.pair().b().id().equals(a.bEndOpticId())
                            && o.a() == a.aEnd() && o.b() == a.bEnd()
                            && holds(o.va(), chosen.get(o.link().aDevice()))
                            && holds(o.vb(), chosen.get(o.link().bDevice())))
                    .findFirst().orElse(null);
            if (opt == null) {
                return false;
            }
            values[opt.var().index()] += a.count();
        }
        breakouts.hint(values);
        supply.hint(values);
        for (MipModel.Var v : model.variables()) {
            model.hint(v, values[v.index()]);
        }
        return true;
    }

    /** The plan a solution stands for: a model and rack for every device, an assignment per used x. */
    @Override
    public Plan decode(double[] values) {
        List<DeviceAssignment> devices = new ArrayList<>();
        for (Device d : index.instance().devices()) {
            devices.add(new DeviceAssignment(d.id(), d.isSwitch() ? chosenModel(d, values) : null, d.rackId()));
        }
        List<LinkAssignment> links = new ArrayList<>();
        for (List<LinkOption> options : x.values()) {
            for (LinkOption opt : options) {
                long count = Math.round(values[opt.var().index()]);
                if (count > 0) {
                    links.add(new LinkAssignment(opt.link().id(), opt.pair().a().id(), opt.a(), opt.b(), (int) count,
                            opt.pair().b().id()));
                }
            }
        }
        return new Plan(devices, links);
    }

    /** Whether the variant holds the model (a server's variant holds its null model). */
    private static boolean holds(EndVariant variant, String modelId) {
        return variant.models().isEmpty() || variant.models().stream().anyMatch(m -> m.id().equals(modelId));
    }

    private String chosenModel(Device d, double[] values) {
        SwitchModel f = fixed.get(d.id());
        if (f != null) {
            return f.id();
        }
        // the largest y, robust to MIP round-off such as 0.9999999
        return y.get(d.id()).entrySet().stream()
                .max((p, q) -> Double.compare(values[p.getValue().index()], values[q.getValue().index()]))
                .map(Map.Entry::getKey).orElseThrow();
    }
}
