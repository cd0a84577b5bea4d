package io.fabricplan.model;

/**
 * How units of an item are sourced: the rule the evaluator, the checker and every model share.
 *
 * <p>A plan uses {@code used} units of an optic or switch model (modules at pluggable ends, cable assemblies,
 * new switches). Stock ({@code Inventory}) costs nothing but, for optics, the re-cabling labour
 * {@code recable_usd} per unit; the rest is bought at the item's {@code cost_usd}, at most {@code max_buy}. The
 * plan takes the cheapest split: stock first, unless re-cabling a unit costs more than a new one, then buying
 * first up to {@code max_buy}. The split is feasible exactly when {@code used <= stock + max_buy}; when it is
 * not, the bought part is over {@code max_buy} and the checker reports it.
 */
public final class SupplyRules {
    private SupplyRules() {
    }

    /** Units taken from stock and units bought; {@code reused + bought = used}. */
    public record Split(long reused, long bought) {
    }

    /**
     * The cheapest split of {@code used} units.
     *
     * @param maxBuy       units that may be bought, null for no limit
     * @param unitCostUsd  price of a new unit
     * @param reuseCostUsd labour per unit taken from stock (0 for switches)
     */
    public static Split split(long used, long stock, Integer maxBuy, double unitCostUsd, double reuseCostUsd) {
        long reused;
        if (reuseCostUsd <= unitCostUsd) {
            reused = Math.min(used, stock);
        } else {
            long bought = maxBuy == null ? used : Math.min(used, maxBuy);
            reused = Math.min(stock, used - bought);
        }
        return new Split(reused, used - reused);
    }
}
