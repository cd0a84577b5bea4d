package io.fabricplan.formulations;

import io.fabricplan.model.InstanceIndex;
import io.fabricplan.model.Optic;
import io.fabricplan.model.SupplyRules;
import io.fabricplan.model.SwitchModel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stock and supply limits, the same in every formulation ({@link SupplyRules}). The link and switch variables
 * carry their units at list price; for every item with units in stock or a {@code max_buy}, one integer says
 * how many of its units come from stock, and takes its price back (less the re-cabling labour of an optic):
 * <pre>
 *   reused[i]        integer in [0, stock_i], units of item i taken from stock
 *   stockUse[i]      reused[i] <= used_i                       (used_i: the units the plan's variables take)
 *   supplyLimit[i]   used_i - reused[i] <= max_buy_i           (items with a limit)
 *   objective        - (price_i - recable_usd) x reused[i]     (switches: - price_i)
 * </pre>
 * When a unit from stock is cheaper than a new one the objective takes stock first, as the evaluator does; when
 * re-cabling costs more, it buys first up to {@code max_buy}: the cheapest split, so the model's objective is
 * the evaluator's. Items without stock or limit get no row: the v1 model is unchanged.
 */
final class SupplyRows {
    private final InstanceIndex index;
    private final MipModel model;
    private final double capexWeight;
    /** Per managed item ("optic:" or "switch:" + id): the units the variables take, and a constant part. */
    private final Map<String, MipModel.Expr> used = new LinkedHashMap<>();
    private final Map<String, Double> usedConstant = new LinkedHashMap<>();
    private final Map<String, MipModel.Var> reused = new LinkedHashMap<>();

    SupplyRows(InstanceIndex index, MipModel model, double capexWeight) {
        this.index = index;
        this.model = model;
        this.capexWeight = capexWeight;
    }

    /** Whether units of the optic are sourced by the rows (some in stock, or a limit). */
    boolean managed(Optic optic) {
        return index.supplyManaged(optic);
    }

    /** Whether new units of the model are sourced by the rows. */
    boolean managed(SwitchModel m) {
        return index.supplyManaged(m);
    }

    /** {@code units} of the optic per unit of the variable. */
    void opticUnits(Optic optic, MipModel.Var var, double units) {
        if (units != 0 && managed(optic)) {
            used.computeIfAbsent("optic:" + optic.id(), k -> new MipModel.Expr()).add(var, units);
        }
    }

    /** {@code units} new switches of the model per unit of the variable. */
    void switchUnits(SwitchModel m, MipModel.Var var, double units) {
        if (units != 0 && managed(m)) {
            used.computeIfAbsent("switch:" + m.id(), k -> new MipModel.Expr()).add(var, units);
        }
    }

    /** {@code units} new switches of the model whatever the solution (fixed devices). */
    void switchConstant(SwitchModel m, double units) {
        if (units != 0 && managed(m)) {
            used.computeIfAbsent("switch:" + m.id(), k -> new MipModel.Expr());
            usedConstant.merge("switch:" + m.id(), units, Double::sum);
        }
    }

    /** Adds the reused variables and the stockUse and supplyLimit rows. */
    void build() {
        used.forEach((key, expr) -> {
            Item item = item(key);
            String id = item.id();
            double constant = usedConstant.getOrDefault(key, 0.0);
            if (item.stock() > 0) {
                MipModel.Var r = model.addInteger("reused[item=" + id + "]", 0, item.stock());
                reused.put(key, r);
                model.addLessOrEqual("stockUse[item=" + id + "]", new MipModel.Expr().add(r, 1).addAll(expr, -1),
                        constant);
                model.addObjective(r, -capexWeight * (item.priceUsd() - item.labourUsd()));
                model.addTotals(r, -(item.priceUsd() - item.labourUsd()), 0);
            }
            Integer maxBuy = item.maxBuy();
            if (maxBuy != null) {
                MipModel.Expr row = new MipModel.Expr().addAll(expr, 1);
                MipModel.Var r = reused.get(key);
                if (r != null) {
                    row.add(r, -1);
                }
                model.addLessOrEqual("supplyLimit[item=" + id + "]", row, maxBuy - constant);
            }
        });
    }

    /** Sets the reused variables of a hint to the evaluator's split of the units the other values take. */
    void hint(double[] values) {
        reused.forEach((key, r) -> {
            Item item = item(key);
            double units = usedConstant.getOrDefault(key, 0.0) + used.get(key).valueAt(values);
            values[r.index()] = SupplyRules.split(Math.round(units), item.stock(), item.maxBuy(), item.priceUsd(),
                    item.labourUsd()).reused();
        });
    }

    /** What the supply rule needs of an item: its stock, limit, price and labour per unit taken from stock. */
    private record Item(String id, int stock, Integer maxBuy, double priceUsd, double labourUsd) {
    }

    /** The item of a key ("optic:" or "switch:" + id); switches taken from stock cost no labour. */
    private Item item(String key) {
        String id = key.substring(key.indexOf(':') + 1);
        if (key.startsWith("optic:")) {
            Optic o = index.optic(id);
            return new Item(id, index.stock(id), o.maxBuy(), o.costUsd(), index.settings().recableUsd());
        }
        SwitchModel m = index.model(id);
        return new Item(id, index.stock(id), m.maxBuy(), m.costUsd(), 0);
    }
}
