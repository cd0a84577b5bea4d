package io.fabricplan.formulations;

import io.fabricplan.model.FabricRules;
import io.fabricplan.model.LinkEnd;
import io.fabricplan.model.Optic;
import io.fabricplan.model.SwitchModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pooled units, the same in every formulation: a twin-port or breakout module, or the wide end of a breakout
 * cable, serves {@code k} links of one device, so a device's links on it take {@code ceil(links / k)} whole
 * units (see {@link FabricRules#pooledUnit}). The link variables carry no part of such a unit; per device, end
 * state (a model, an end variant, a rack) and unit one integer counts them:
 * <pre>
 *   modules[d,s,u]       integer &gt;= 0, units u at device d in state s
 *   pooledLinks[d,s,u]   k_u x modules[d,s,u] - sum x (links with u at d in s) &gt;= 0
 *   objective, totals    modules x (price + coding at s, power_w); rack power at s's rack; supply units
 * </pre>
 * With the objective the count is {@code ceil(links / k)} at the optimum. The ports the whole units take beyond
 * the links' share ({@link #idlePorts}) are the formulation's rows, since which model a state stands for differs.
 * Nothing is added for instances without breakout optics: the v1 models are unchanged.
 */
final class BreakoutRows {
    /** The units of one optic at one device in one state, and the links that use them. */
    static final class Pool {
        final String device;
        final String state;
        final Optic unit;
        final LinkEnd end;
        final String rackId;
        /** The switch models the state stands for (a server's: none). */
        final List<SwitchModel> models;
        final MipModel.Expr links = new MipModel.Expr();
        long maxLinks;
        MipModel.Var modules;

        Pool(String device, String state, Optic unit, LinkEnd end, String rackId, List<SwitchModel> models) {
            this.device = device;
            this.state = state;
            this.unit = unit;
            this.end = end;
            this.rackId = rackId;
            this.models = models;
        }
    }

    private final MipModel model;
    private final SupplyRows supply;
    private final double capexWeight;
    private final double powerWeight;
    private final Map<String, Pool> pools = new LinkedHashMap<>();

    BreakoutRows(MipModel model, SupplyRows supply, double capexWeight, double powerWeight) {
        this.model = model;
        this.supply = supply;
        this.capexWeight = capexWeight;
        this.powerWeight = powerWeight;
    }

    /**
     * Registers that each unit of {@code var} is {@code links} links with pooled unit {@code unit} at the device in
     * the state; {@code maxLinks} bounds what the variable may take.
     */
    void links(String device, String state, Optic unit, LinkEnd end, String rackId, List<SwitchModel> models,
               MipModel.Var var, double links, long maxLinks) {
        Pool pool = pools.computeIfAbsent(device + "|" + state + "|" + unit.id(),
                k -> new Pool(device, state, unit, end, rackId, models));
        pool.links.add(var, links);
        pool.maxLinks += (long) Math.ceil(maxLinks * links);
    }

    boolean isEmpty() {
        return pools.isEmpty();
    }

    /** Adds the module counts, their rows, objective terms, totals and supply units. */
    void build() {
        for (Pool p : pools.values()) {
            int k = p.unit.breakout();
            p.modules = model.addInteger("modules[device=" + p.device + ",state=" + p.state + ",optic=" + p.unit.id()
                    + "]", 0, (p.maxLinks + k - 1) / k);
            model.addLessOrEqual("pooledLinks[device=" + p.device + ",state=" + p.state + ",optic="
                    + p.unit.id() + "]", new MipModel.Expr().addAll(p.links, 1).add(p.modules, -k), 0);
            double cost = FabricRules.pooledUnitCostUsd(p.unit, p.end);
            model.addObjective(p.modules, capexWeight * cost + powerWeight * p.unit.powerW());
            model.addTotals(p.modules, cost, p.unit.powerW());
            supply.opticUnits(p.unit, p.modules, 1);
        }
    }

    /** The modules' power in each rack's row (rows created on demand). */
    void rackPower(Map<String, MipModel.Expr> rows) {
        for (Pool p : pools.values()) {
            rows.computeIfAbsent(p.rackId, r -> new MipModel.Expr()).add(p.modules, p.unit.powerW());
        }
    }

    /** The pools of a device, in registration order. */
    List<Pool> poolsOf(String device) {
        List<Pool> list = new ArrayList<>();
        for (Pool p : pools.values()) {
            if (p.device.equals(device)) {
                list.add(p);
            }
        }
        return list;
    }

    /** The devices with pools. */
    List<String> devices() {
        return pools.values().stream().map(p -> p.device).distinct().toList();
    }

    /**
     * Adds to {@code row} the ports a pool's whole units take beyond its links' share, on ports of
     * {@code portGbps}: {@code (gbps x modules - linkGbps x links) / portGbps}; returns the most it can be when the
     * count is the ceiling.
     */
    static double idlePorts(Pool p, double portGbps, MipModel.Expr row) {
        row.add(p.modules, p.unit.gbps() / portGbps);
        row.addAll(p.links, -p.unit.linkGbps() / portGbps);
        return (p.unit.breakout() - 1) * p.unit.linkGbps() / portGbps;
    }

    /**
     * Adds {@code breakoutPorts[device=...,<what>]}: the ports the pools' whole units take beyond their links' share
     * fit the {@code slack} the links leave on ports of {@code portGbps}, relaxed by its most when {@code
     * indicator} (the model or choice it holds for; null: always) is 0. Left out when it cannot bind.
     */
    void addPortRow(String device, String what, List<Pool> pools, double portGbps, double slack,
                    MipModel.Var indicator) {
        MipModel.Expr row = new MipModel.Expr();
        double most = 0;
        for (Pool p : pools) {
            most += idlePorts(p, portGbps, row);
        }
        if (pools.isEmpty() || most <= slack + io.fabricplan.check.PlanChecker.TOLERANCE) {
            return;
        }
        if (indicator != null) {
            row.add(indicator, most);
        }
        model.addLessOrEqual("breakoutPorts[device=" + device + "," + what + "]", row,
                slack + io.fabricplan.check.PlanChecker.TOLERANCE + (indicator == null ? 0 : most));
    }

    /** Sets the module counts of a hint to the ceiling of the links the other values put on them. */
    void hint(double[] values) {
        for (Pool p : pools.values()) {
            long links = Math.round(p.links.valueAt(values));
            values[p.modules.index()] = (links + p.unit.breakout() - 1) / p.unit.breakout();
        }
    }
}
