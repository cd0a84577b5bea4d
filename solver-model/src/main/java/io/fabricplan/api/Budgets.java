package io.fabricplan.api;

/**
 * Upper limits on a plan's totals, as constraints of the solve (epsilon constraints of a Pareto front, or a
 * buyer's "at most this much"): capex in USD, network power in W, TCO in USD (capex + energy over the years,
 * PUE included, see {@link io.fabricplan.model.Settings#energyUsdPerWatt()}). {@code +Infinity} leaves a total
 * free.
 *
 * @param capexUsd most the plan's capex may be
 * @param powerW   most the plan's network power may be
 * @param tcoUsd   most the plan's TCO may be
 */
public record Budgets(double capexUsd, double powerW, double tcoUsd) {
    /** No limit on any total. */
    public static final Budgets NONE = new Budgets(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY);

    public Budgets {
        check("capexUsd", capexUsd);
        check("powerW", powerW);
        check("tcoUsd", tcoUsd);
    }

    private static void check(String name, double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException(name + " must be a number or +Infinity, got NaN");
        }
    }

    public boolean any() {
        return capexUsd < Double.POSITIVE_INFINITY || powerW < Double.POSITIVE_INFINITY
                || tcoUsd < Double.POSITIVE_INFINITY;
    }

    public Budgets withCapexUsd(double value) {
        return new Budgets(value, powerW, tcoUsd);
    }

    public Budgets withPowerW(double value) {
        return new Budgets(capexUsd, value, tcoUsd);
    }

    public Budgets withTcoUsd(double value) {
        return new Budgets(capexUsd, powerW, value);
    }

    /**
     * Whether totals keep within the budgets, allowing the relative round-off of a sum of figures
     * ({@code 1e-9}).
     */
    public boolean admits(double capex, double power, double tco) {
        return within(capex, capexUsd) && within(power, powerW) && within(tco, tcoUsd);
    }

    private static boolean within(double value, double limit) {
        return limit == Double.POSITIVE_INFINITY || value <= limit + 1e-9 * Math.max(1, Math.abs(limit));
    }

    /** What the budgets say, e.g. "power at most 12,345.5 W"; empty when there are none. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        append(sb, "capex at most ", capexUsd, " USD");
        append(sb, "power at most ", powerW, " W");
        append(sb, "TCO at most ", tcoUsd, " USD");
        return sb.toString();
    }

    private static void append(StringBuilder sb, String what, double value, String unit) {
        if (value < Double.POSITIVE_INFINITY) {
            sb.append(sb.isEmpty() ? "" : ", ").append(what).append(String.format(java.util.Locale.ROOT, "%,.2f", value))
                    .append(unit);
        }
    }
}
