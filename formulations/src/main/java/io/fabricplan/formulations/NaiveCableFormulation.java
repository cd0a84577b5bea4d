package io.fabricplan.formulations;

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The model a planner would write in a generic modeller, kept as the benchmark's peer: one binary per PHYSICAL
 * cable (counts expanded), usable option and end (packaging, rack) pair, and one binary per switch, model and
 * rack, with the same rules as {@link AggregatedFabricFormulation}:
 * <pre>
 *   y[d,m(,r)]        binary, switch d takes model m (in rack r)
 *   x[c,o,a,b]        binary, cable c on option o with ends a = packaging@rack, b likewise
 *   oneModel[d]       sum y[d,.] = 1
 *   demand[c]         sum x[c,.] = 1
 *   endCompatibility  x[c,o,a,b] <= sum y[d,m,r] over models of a's packaging accepting o in a's rack (each end)
 *   rackPower[r], rackSpace[r], objective as the aggregated model
 * </pre>
 * It grows with cables x options. Before building, it counts its variables and declines (with the count) an
 * instance above {@link #MAX_VARIABLES}, so that a benchmark reports "too big" rather than running out of memory.
 */
final class NaiveCableFormulation implements Formulation {
    static final String NAME = "NaiveCableFormulation";
    /** About 1 KB of JVM and solver memory per variable with its rows: 3 million stays below 4 GB. */
    static final long MAX_VARIABLES = 3_000_000;

    /** An end of a cable for one optic: an end variant of the device (packaging and coding) in one rack. */
    private record End(FabricFormulation.EndVariant variant, Rack rack) {
        Packaging packaging() {
            return variant.packaging();
        }

        String label() {
            return variant.label() + "@" + rack.id();
        }
    }

    private record CableOption(MipModel.Var var, OpticPair pair, End a, End b, double unitCostUsd, double powerAW,
                               double powerBW) {
    }

    private record Choice(SwitchModel model, Rack rack, MipModel.Var var) {
    }

    private final InstanceIndex index;
    private final Settings settings;
    private final double capexWeight;
    private final double powerWeight;
    private final MipModel model = new MipModel(NAME);
    private final Map<String, List<Choice>> y = new LinkedHashMap<>();
    private final Map<String, List<String>> racksOf = new HashMap<>();
    private final SupplyRows supply;
    private final BreakoutRows breakouts;
    /** Per Links row, per physical cable, its options. */
    private final Map<String, List<List<CableOption>>> x = new LinkedHashMap<>();

    private NaiveCableFormulation(InstanceIndex index) {
        this.index = index;
        this.settings = index.settings();
        this.capexWeight = settings.objective() == Objective.POWER ? 0 : 1;
        this.powerWeight = settings.objective() == Objective.POWER ? 1 : settings.objectiveUsdPerWatt();
        this.supply = new SupplyRows(index, model, capexWeight);
        this.breakouts = new BreakoutRows(model, supply, capexWeight, powerWeight);
    }

    static NaiveCableFormulation build(Instance instance) {
        return build(instance, MAX_VARIABLES);
    }

    /** @throws UnsupportedInstanceException when the model would have more than {@code maxVariables} variables */
    static NaiveCableFormulation build(Instance instance, long maxVariables) {
        NaiveCableFormulation f = new NaiveCableFormulation(new InstanceIndex(instance));
        f.endsOfDevices();
        long size = f.countVariables();
        if (size > maxVariables) {
            throw new UnsupportedInstanceException(String.format(Locale.ROOT,
                    "naive model has %d variables, over the limit %d", size, maxVariables));
        }
        f.modelVariables();
        f.cableVariables();
        f.oneModel();
        f.demand();
        f.endCompatibility();
        f.breakouts.build();
        f.breakoutPorts();
        f.rackPower();
        f.rackSpace();
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

    /** One group per physical cable. */
    @Override
    public int groupCount() {
        return index.instance().links().stream().mapToInt(io.fabricplan.model.Link::count).sum();
    }

    private final Map<String, List<SwitchModel>> fitting = new HashMap<>();

    private List<SwitchModel> fitting(Device d) {
        return fitting.computeIfAbsent(d.id(), id -> index.candidateModels(d).stream()
                .filter(m -> FabricFormulation.fits(index, d, m)).toList());
    }

    private void endsOfDevices() {
        for (Device d : index.instance().devices()) {
            racksOf.put(d.id(), d.isSwitch() ? d.possibleRacks() : List.of(d.rackId()));
        }
    }

    /** The ends a device offers an optic: its end variants among fitting models, in each possible rack. */
    private List<End> ends(Device d, Optic o) {
        List<End> list = new ArrayList<>();
        for (FabricFormulation.EndVariant v : FabricFormulation.endVariants(index, d, o)) {
            if (!d.isSwitch() || v.models().stream().anyMatch(fitting(d)::contains)) {
                racksOf.get(d.id()).forEach(r -> list.add(new End(v, index.rack(r))));
            }
        }
        return list;
    }

    /** Calls back for every usable (option, end a, end b) of a Links row. */
    private void forEachOption(Link l, OptionSink sink) {
        Device da = index.device(l.aDevice());
        Device db = index.device(l.bDevice());
        for (OpticPair p : index.opticPairs()) {
            if (!FabricRules.rateMatches(p.a(), l) || !FabricRules.rateMatches(p.b(), l)) {
                continue;
            }
            List<End> bEnds = ends(db, p.b());
            for (End a : ends(da, p.a())) {
                for (End b : bEnds) {
                    double length = FabricRules.lengthM(l, a.rack(), b.rack(), settings);
                    if (!Double.isNaN(length) && FabricRules.usable(p, l, length, a.variant().end(), da.id(),
                            b.variant().end(), db.id())) {
                        sink.accept(p, a, b, length);
                    }
                }
            }
        }
    }

    @FunctionalInterface
    private interface OptionSink {
        void accept(OpticPair p, End a, End b, double lengthM);
    }

    private long countVariables() {
        long n = 0;
        for (Device d : index.instance().devices()) {
            n += d.isSwitch() ? (long) index.candidateModels(d).size() * d.possibleRacks().size() : 0;
        }
        for (Link l : index.instance().links()) {
            long[] perCable = {0};
            forEachOption(l, (o, a, b, len) -> perCable[0]++);
            n += perCable[0] * l.count();
        }
        return n;
    }

    private void modelVariables() {
        for (Device d : index.instance().devices()) {
            if (!d.isSwitch()) {
                continue;
            }
            List<Choice> choices = new ArrayList<>();
            for (SwitchModel m : fitting(d)) {
                for (String r : d.possibleRacks()) {
                    choices.add(new Choice(m, index.rack(r), model.addBinary("y[device=" + d.id() + ",model="
                            + m.id() + (d.isPlaced() ? ",rack=" + r : "") + "]")));
                }
            }
            y.put(d.id(), choices);
        }
    }

    private void cableVariables() {
        for (Link l : index.instance().links()) {
            List<List<CableOption>> cables = new ArrayList<>();
            for (int c = 1; c <= l.count(); c++) {
                String cable = l.count() == 1 ? l.id() : l.id() + "#" + c;
                List<CableOption> options = new ArrayList<>();
                forEachOption(l, (p, a, b, length) -> {
                    LinkEnd ea = a.variant().end();
                    LinkEnd eb = b.variant().end();
                    MipModel.Var v = model.addBinary("x[cable=" + cable + ",optic=" + p.label() + ",a=" + a.label()
                            + ",b=" + b.label() + "]");
                    char wide = FabricRules.wideEnd(p.a(), ea, l.aDevice(), eb, l.bDevice());
                    options.add(new CableOption(v, p, a, b, FabricRules.ownCostUsd(p, length, ea, eb, wide),
                            FabricFormulation.ownEndPowerWithoutCpo(p, true, l, ea),
                            FabricFormulation.ownEndPowerWithoutCpo(p, false, l, eb)));
                    supply.opticUnits(p.a(), v, FabricFormulation.ownUnits(p, true, ea));
                    supply.opticUnits(p.b(), v, FabricFormulation.ownUnits(p, false, eb));
                    pool(p, true, l.aDevice(), a, wide, v);
                    pool(p, false, l.bDevice(), b, wide, v);
                });
                cables.add(options);
            }
            x.put(l.id(), cables);
        }
    }

    /** Registers the cable's pooled unit at one end, if it has one ({@link BreakoutRows}). */
    private void pool(OpticPair p, boolean atA, String device, End end, char wide, MipModel.Var v) {
        Optic unit = FabricRules.pooledUnit(p, atA, end.variant().end(), wide);
        if (unit != null) {
            breakouts.links(device, end.label(), unit, end.variant().end(), end.rack().id(), end.variant().models(), v,
                    1, 1);
        }
    }

    /**
     * The ports whole pooled units take beyond their cables' share fit what the links leave free on the chosen
     * model, as in {@link FabricFormulation}: per choice, relaxed by its most when the choice is not taken.
     */
    private void breakoutPorts() {
        for (String deviceId : breakouts.devices()) {
            Device d = index.device(deviceId);
            List<BreakoutRows.Pool> pools = breakouts.poolsOf(deviceId);
            if (!d.isSwitch()) {
                breakouts.addPortRow(deviceId, "choice=server", pools, d.portGbps(),
                        d.ports() - FabricFormulation.portLoad(index, d, d.portGbps()), null);
                continue;
            }
            for (Choice c : y.get(deviceId)) {
                List<BreakoutRows.Pool> here = pools.stream().filter(p -> p.models.contains(c.model())
                        && p.rackId.equals(c.rack().id())).toList();
                breakouts.addPortRow(deviceId, "choice=" + c.model().id() + "@" + c.rack().id(), here,
                        c.model().portGbps(), c.model().ports() - FabricFormulation.portLoad(index, d, c.model().portGbps()), c.var());
            }
        }
    }


    private void oneModel() {
        y.forEach((device, choices) -> {
            MipModel.Expr sum = new MipModel.Expr();
            choices.forEach(c -> sum.add(c.var(), 1));
            model.addEquality("oneModel[device=" + device + "]", sum, 1);
            model.addStateGroup(device, choices.stream().map(Choice::var).toList(), 1);
        });
    }

    private void demand() {
        x.forEach((link, cables) -> {
            for (int c = 0; c < cables.size(); c++) {
                MipModel.Expr sum = new MipModel.Expr();
                cables.get(c).forEach(o -> sum.add(o.var(), 1));
                model.addEquality("demand[cable=" + link + "#" + (c + 1) + "]", sum, 1);
            }
        });
    }

    private void endCompatibility() {
        x.forEach((link, cables) -> {
            Link l = index.link(link);
            for (List<CableOption> options : cables) {
                for (CableOption opt : options) {
                    endCompatibility(opt, l.aDevice(), opt.a(), "a");
                    endCompatibility(opt, l.bDevice(), opt.b(), "b");
                }
            }
        });
    }

    private void endCompatibility(CableOption opt, String device, End end, String side) {
        List<Choice> choices = y.get(device);
        if (choices == null) {
            return; // a server: x exists only where it accepts the option
        }
        List<Choice> accepting = choices.stream().filter(c -> end.variant().models().contains(c.model())
                && c.rack().id().equals(end.rack().id())).toList();
        if (accepting.size() == choices.size()) {
            return;
        }
        MipModel.Expr row = new MipModel.Expr().add(opt.var(), 1);
        accepting.forEach(c -> row.add(c.var(), -1));
        model.addLessOrEqual("endCompatibility[" + opt.var().name() + ",end=" + side + "]", row, 0);
    }

    private void rackPower() {
        Map<String, MipModel.Expr> rows = new LinkedHashMap<>();
        for (Device d : index.instance().devices()) {
            for (String r : d.possibleRacks()) {
                rows.computeIfAbsent(r, k -> new MipModel.Expr());
            }
            List<Choice> choices = y.get(d.id());
            if (choices != null) {
                for (Choice c : choices) {
                    rows.get(c.rack().id()).add(c.var(), FabricFormulation.switchPowerW(index, d, c.model()));
                }
            }
        }
        x.values().forEach(cables -> cables.forEach(options -> options.forEach(opt -> {
            rows.get(opt.a().rack().id()).add(opt.var(), opt.powerAW());
            rows.get(opt.b().rack().id()).add(opt.var(), opt.powerBW());
        })));
        breakouts.rackPower(rows);
        for (Rack r : index.instance().racks()) {
            MipModel.Expr row = rows.get(r.id());
            if (row != null && model.row("rackPower[rack=" + r.id() + "]") == null) {
                model.addLessOrEqual("rackPower[rack=" + r.id() + "]", row,
                        (r.powerBudgetKw() - r.baseLoadKw()) * 1000.0);
            }
        }
    }

    private void rackSpace() {
        Map<String, MipModel.Expr> rows = new LinkedHashMap<>();
        for (Device d : index.instance().devices()) {
            if (d.isPlaced()) {
                for (Choice c : y.get(d.id())) {
                    rows.computeIfAbsent(c.rack().id(), k -> new MipModel.Expr()).add(c.var(), c.model().heightU());
                }
            }
        }
        for (Rack r : index.instance().racks()) {
            MipModel.Expr row = rows.get(r.id());
            if (row != null && model.row("rackSpace[rack=" + r.id() + "]") == null) {
                model.addLessOrEqual("rackSpace[rack=" + r.id() + "]", row, r.freeU());
            }
        }
    }

    private void objective() {
        y.forEach((device, choices) -> {
            Device d = index.device(device);
            for (Choice c : choices) {
                double cost = FabricRules.switchCostUsd(c.model(), d, settings);
                model.addObjective(c.var(), capexWeight * cost
                        + powerWeight * FabricFormulation.switchPowerW(index, d, c.model()));
                model.addTotals(c.var(), cost, FabricFormulation.switchPowerW(index, d, c.model()));
            }
        });
        x.values().forEach(cables -> cables.forEach(options -> options.forEach(opt -> {
            model.addObjective(opt.var(), capexWeight * opt.unitCostUsd() + powerWeight * (opt.powerAW() + opt.powerBW()));
            model.addTotals(opt.var(), opt.unitCostUsd(), opt.powerAW() + opt.powerBW());
        })));
    }

    /** Stock and supply limits ({@link SupplyRows}); the cables registered their units when built. */
    private void supply() {
        y.forEach((device, choices) -> {
            Device d = index.device(device);
            for (Choice c : choices) {
                if (FabricRules.newSwitchUnit(c.model(), d)) {
                    supply.switchUnits(c.model(), c.var(), 1);
                }
            }
        });
        supply.build();
    }

    @Override
    public boolean hint(Plan plan) {
        model.clearHint();
        double[] values = new double[model.numVariables()];
        Map<String, String> racks = new HashMap<>();
        Map<String, SwitchModel> models = new HashMap<>();
        for (DeviceAssignment a : plan.devices()) {
            Device d = index.device(a.deviceId());
            String rack = a.rackId() == null ? d.rackId() : a.rackId();
            racks.put(a.deviceId(), rack);
            List<Choice> choices = y.get(a.deviceId());
            if (choices == null) {
                continue;
            }
            Choice c = choices.stream().filter(ch -> ch.model().id().equals(a.modelId())
                    && ch.rack().id().equals(rack)).findFirst().orElse(null);
            if (c == null) {
                return false;
            }
            values[c.var().index()] = 1;
            models.put(a.deviceId(), c.model());
        }
        Map<String, Integer> nextCable = new HashMap<>();
        for (LinkAssignment a : plan.links()) {
            Link l = index.link(a.linkId());
            List<List<CableOption>> cables = x.get(a.linkId());
            if (l == null || cables == null) {
                return false;
            }
            String ra = racks.getOrDefault(l.aDevice(), index.device(l.aDevice()).rackId());
            String rb = racks.getOrDefault(l.bDevice(), index.device(l.bDevice()).rackId());
            for (int i = 0; i < a.count(); i++) {
                int c = nextCable.merge(a.linkId(), 1, Integer::sum) - 1;
                if (c >= cables.size()) {
                    return false;
                }
                CableOption opt = cables.get(c).stream().filter(o -> o.pair().a().id().equals(a.opticId())
                        && o.pair().b().id().equals(a.bEndOpticId())
                        && o.a().packaging() == a.aEnd() && o.b().packaging() == a.bEnd()
                        && o.a().rack().id().equals(ra) && o.b().rack().id().equals(rb)
                        && holds(o.a(), models.get(l.aDevice())) && holds(o.b(), models.get(l.bDevice())))
                        .findFirst().orElse(null);
                if (opt == null) {
                    return false;
                }
                values[opt.var().index()] = 1;
            }
        }
        breakouts.hint(values);
        supply.hint(values);
        for (MipModel.Var v : model.variables()) {
            model.hint(v, values[v.index()]);
        }
        return true;
    }

    /** Whether the end's variant holds the model (a server's holds its null model). */
    private static boolean holds(End end, SwitchModel m) {
        return end.variant().models().isEmpty() || end.variant().models().contains(m);
    }

    @Override
    public Plan decode(double[] values) {
        List<DeviceAssignment> devices = new ArrayList<>();
        for (Device d : index.instance().devices()) {
            List<Choice> choices = y.get(d.id());
            if (choices == null) {
                devices.add(new DeviceAssignment(d.id(), null, d.rackId()));
                continue;
            }
            Choice best = choices.stream().max((p, q) -> Double.compare(values[p.var().index()],
                    values[q.var().index()])).orElseThrow();
            devices.add(new DeviceAssignment(d.id(), best.model().id(), best.rack().id()));
        }
        List<LinkAssignment> links = new ArrayList<>();
        x.forEach((link, cables) -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            Map<String, CableOption> byKey = new HashMap<>();
            for (List<CableOption> options : cables) {
                for (CableOption opt : options) {
                    if (values[opt.var().index()] > 0.5) {
                        String key = opt.pair().label() + "|" + opt.a().packaging() + "|" + opt.b().packaging();
                        counts.merge(key, 1, Integer::sum);
                        byKey.putIfAbsent(key, opt);
                    }
                }
            }
            counts.forEach((key, n) -> {
                CableOption opt = byKey.get(key);
                links.add(new LinkAssignment(link, opt.pair().a().id(), opt.a().packaging(), opt.b().packaging(), n,
                        opt.pair().b().id()));
            });
        });
        return new Plan(devices, links);
    }
}
