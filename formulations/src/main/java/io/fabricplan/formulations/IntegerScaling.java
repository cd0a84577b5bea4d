package io.fabricplan.formulations;

/**
 * The integer scaling that the integer engines (CP-SAT, Choco) apply to a {@link MipModel}: every row is multiplied
 * by the smallest {@code 10^k} (k <= 6) that makes its coefficients integral, which is exact for figures given to
 * a few decimals (watts, dollars); where no such k exists the coefficients on non-negative variables round towards
 * the stricter row. The objective is multiplied by the smallest {@code 10^k} (k <= 9) that keeps each coefficient's
 * rounding error below 1e-7 relative and the scaled objective inside the engine's range.
 */
final class IntegerScaling {
    static final int MAX_ROW_DIGITS = 6;
    /** Largest scaled objective value allowed: far inside int64 (9.2e18), room for the engines' own sums. */
    static final double MAX_SCALED_OBJECTIVE = 1e16;
    static final int MAX_OBJECTIVE_DIGITS = 9;
    private static final double INTEGRAL = 1e-9;
    private static final double OBJECTIVE_ROUNDING = 1e-7;

    private IntegerScaling() {
    }

    /**
     * A row scaled to integers: {@code lo <= sum(coefs[i] * x[vars[i]]) <= hi}, with {@code upperOnly} /
     * {@code lowerOnly} marking an open side (whose bound is then {@code Long.MIN_VALUE} / {@code Long.MAX_VALUE}).
     */
    record ScaledRow(long[] coefs, long lo, long hi, boolean upperOnly, boolean lowerOnly) {
    }

    /** The scaling of the objective: model value = (scaled value - scaled constant) / scale + constant. */
    record ScaledObjective(double scale, long[] coefs, long scaledConstant, double constant) {
        double unscale(double scaledValue) {
            return (scaledValue - scaledConstant) / scale + constant;
        }
    }

    /** Scales one row by the fewest powers of ten (at most {@value #MAX_ROW_DIGITS}) that make it exact. */
    static ScaledRow scaleRow(MipModel.Row row, MipModel model) {
        return scaleRow(row, model, exactDigits(row.coefs(), MAX_ROW_DIGITS));
    }

    /** Scales one row by {@code 10^digits}; where that is inexact it rounds towards the stricter row. */
    static ScaledRow scaleRow(MipModel.Row row, MipModel model, int digits) {
        double scale = Math.pow(10, digits);
        boolean upperOnly = row.lo() == Double.NEGATIVE_INFINITY;
        boolean lowerOnly = row.hi() == Double.POSITIVE_INFINITY;
        long[] coefs = new long[row.size()];
        for (int i = 0; i < row.size(); i++) {
            double c = row.coefs()[i] * scale;
            boolean nonNegativeVar = model.variables().get(row.vars()[i]).lb() >= 0;
            long rounded = Math.round(c);
            if (Math.abs(rounded - c) > INTEGRAL * Math.max(1, Math.abs(c)) && nonNegativeVar) {
                // inexact: a larger coefficient on a non-negative variable tightens a <= row, a smaller one a >=
                rounded = upperOnly ? (long) Math.ceil(c) : lowerOnly ? (long) Math.floor(c) : rounded;
            }
            coefs[i] = rounded;
        }
        long lo = upperOnly ? Long.MIN_VALUE : ceilTolerant(row.lo() * scale);
        long hi = lowerOnly ? Long.MAX_VALUE : floorTolerant(row.hi() * scale);
        return new ScaledRow(coefs, lo, hi, upperOnly, lowerOnly);
    }

    /** Smallest k <= max with every {@code c * 10^k} integral within 1e-9 relative; max when there is none. */
    static int exactDigits(double[] coefs, int max) {
        for (int k = 0; k < max; k++) {
            double scale = Math.pow(10, k);
            boolean integral = true;
            for (double c : coefs) {
                double s = c * scale;
                if (Math.abs(s - Math.rint(s)) > INTEGRAL * Math.max(1, Math.abs(s))) {
                    integral = false;
                    break;
                }
            }
            if (integral) {
                return k;
            }
        }
        return max;
    }

    private static long floorTolerant(double v) {
        return (long) Math.floor(v + INTEGRAL * Math.max(1, Math.abs(v)));
    }

    private static long ceilTolerant(double v) {
        return (long) Math.ceil(v - INTEGRAL * Math.max(1, Math.abs(v)));
    }

    /**
     * Scales the objective so that {@code reach x 10^k} (reach: the largest absolute objective value over the
     * variables' bounds) stays at most {@code maxScaledReach}.
     */
    static ScaledObjective scaleObjective(MipModel model) {
        return scaleObjective(model, MAX_SCALED_OBJECTIVE);
    }

    static ScaledObjective scaleObjective(MipModel model, double maxScaledReach) {
        double[] coefs = new double[model.numVariables()];
        double reach = Math.abs(model.objectiveConstant());
        for (MipModel.Var v : model.variables()) {
            coefs[v.index()] = model.objectiveCoefficient(v);
            reach += Math.abs(coefs[v.index()]) * Math.max(Math.abs(v.lb()), Math.abs(v.ub()));
        }
        int k = objectiveDigits(coefs, reach, maxScaledReach);
        double scale = Math.pow(10, k);
        long[] scaled = new long[coefs.length];
        for (int i = 0; i < coefs.length; i++) {
            scaled[i] = Math.round(coefs[i] * scale);
        }
        long constant = Math.round(model.objectiveConstant() * scale);
        return new ScaledObjective(scale, scaled, constant, model.objectiveConstant());
    }

    /**
     * Smallest k <= 9 whose rounding error is below 1e-7 of every coefficient, and that keeps the largest
     * objective value, {@code reach x 10^k}, at most {@code maxScaledReach} (k = 0 whatever the reach).
     */
    static int objectiveDigits(double[] coefs, double reach, double maxScaledReach) {
        for (int k = 0; k <= MAX_OBJECTIVE_DIGITS; k++) {
            double scale = Math.pow(10, k);
            if (reach * scale > maxScaledReach) {
                return Math.max(0, k - 1);
            }
            boolean fine = true;
            for (double c : coefs) {
                double s = c * scale;
                if (Math.abs(s - Math.rint(s)) > OBJECTIVE_ROUNDING * Math.abs(s)) {
                    fine = false;
                    break;
                }
            }
            if (fine) {
                return k;
            }
        }
        return MAX_OBJECTIVE_DIGITS;
    }
}
