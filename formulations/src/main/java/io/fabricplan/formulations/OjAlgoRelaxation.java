package io.fabricplan.formulations;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.ModelEntity;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The linear relaxation of an integer model, solved by ojAlgo's simplex (pure Java). {@link ChocoBackend} uses its
 * duals to rewrite the objective in reduced costs, which gives Choco's search the LP bound. Only the numbers are
 * taken from the LP: the rewriting is exact whatever the duals, so an inaccurate LP weakens the bound, never its
 * validity.
 */
final class OjAlgoRelaxation {

    private OjAlgoRelaxation() {
    }

    /** A row {@code lo <= sum(coefs[i] * x[vars[i]]) <= hi} with open sides as infinities. */
    record Row(int[] vars, long[] coefs, double lo, double hi) {
    }

    /**
     * An optimal LP solution.
     *
     * @param value  the LP optimum (in the units of the objective given)
     * @param primal the value of every variable
     * @param duals  per row, the objective's change per unit of the row's activity (0 where the LP gave none)
     */
    record Solution(double value, double[] primal, double[] duals) {
    }

    /**
     * Solves {@code min sum(objective[j] * x[j])} over the rows and bounds, giving up after {@code millis}.
     *
     * @return the optimum, empty when the LP is infeasible, unbounded, or not solved in time
     */
    static Optional<Solution> solve(long[] lb, long[] ub, double[] objective, List<Row> rows, long millis) {
        Optimisation.Options options = new Optimisation.Options();
        options.time_abort = Math.max(1, millis);
        options.time_suffice = options.time_abort;
        ExpressionsBasedModel lp = new ExpressionsBasedModel(options);
        Variable[] x = new Variable[lb.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = lp.addVariable("x" + j).lower(lb[j]).upper(ub[j]).weight(objective[j]);
        }
        Map<ModelEntity<?>, Integer> rowOf = new IdentityHashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            Expression e = lp.addExpression("r" + r);
            if (row.lo() != Double.NEGATIVE_INFINITY) {
                e.lower(row.lo());
            }
            if (row.hi() != Double.POSITIVE_INFINITY) {
                e.upper(row.hi());
            }
            for (int i = 0; i < row.vars().length; i++) {
                e.set(x[row.vars()[i]], row.coefs()[i]);
            }
            rowOf.put(e, r);
        }
        Optimisation.Result result;
        try {
            result = lp.minimise();
        } catch (RuntimeException e) {
            return Optional.empty(); // the LP is a help, not a requirement: search without it
        }
        if (result.getState() != Optimisation.State.OPTIMAL && result.getState() != Optimisation.State.DISTINCT) {
            return Optional.empty();
        }
        double[] primal = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            primal[j] = result.doubleValue(j);
        }
        double[] duals = new double[rows.size()];
        for (var m : result.getMatchedMultipliers()) {
            Integer r = rowOf.get(m.getKey().getKey());
            if (r != null) {
                duals[r] -= m.doubleValue(); // ojAlgo's multipliers carry the opposite sign

            }
        }
        for (int r = 0; r < duals.length; r++) {
            Row row = rows.get(r);
            if (row.lo() == Double.NEGATIVE_INFINITY && duals[r] > 0 || row.hi() == Double.POSITIVE_INFINITY
                    && duals[r] < 0) {
                duals[r] = 0; // round-off of a slack row's zero dual, on the side that has no bound
            }
        }
        double value = result.getValue();
        double dualValue = dualObjective(lb, ub, objective, rows, duals);
        if (dualValue < value - 1e-6 * Math.max(1, Math.abs(value))) {
            // ojAlgo's presolve drops the multipliers of the rows it removes: solve the dual LP for them
            Optional<double[]> exact = dual(lb, ub, objective, rows, options);
            if (exact.isPresent() && dualObjective(lb, ub, objective, rows, exact.get()) > dualValue) {
                duals = exact.get();
            }
        }
        return Optional.of(new Solution(value, primal, duals));
    }

    /** The bound that duals prove: {@code sum(y_r side_r) + sum(min(d_j lb_j, d_j ub_j))}, d the reduced costs. */
    static double dualObjective(long[] lb, long[] ub, double[] objective, List<Row> rows, double[] duals) {
        double[] d = objective.clone();
        double sum = 0;
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            for (int i = 0; i < row.vars().length; i++) {
                d[row.vars()[i]] -= duals[r] * row.coefs()[i];
            }
            if (duals[r] != 0) {
                sum += duals[r] * (duals[r] > 0 ? row.lo() : row.hi());
            }
        }
        for (int j = 0; j < d.length; j++) {
            sum += Math.min(d[j] * lb[j], d[j] * ub[j]);
        }
        return sum;
    }

    /**
     * The duals from the dual LP: maximise {@code sum(lo_r y+_r - hi_r y-_r) + sum(lb_j z+_j - ub_j z-_j)} subject
     * to {@code sum_r a_rj (y+_r - y-_r) + z+_j - z-_j = c_j}, all variables non-negative.
     */
    private static Optional<double[]> dual(long[] lb, long[] ub, double[] objective, List<Row> rows,
                                           Optimisation.Options options) {
        ExpressionsBasedModel lp = new ExpressionsBasedModel(options);
        Expression[] columns = new Expression[lb.length];
        for (int j = 0; j < lb.length; j++) {
            columns[j] = lp.addExpression("c" + j).level(objective[j]);
            columns[j].set(lp.addVariable("zp" + j).lower(0).weight(lb[j]), 1);
            columns[j].set(lp.addVariable("zm" + j).lower(0).weight(-ub[j]), -1);
        }
        Variable[] plus = new Variable[rows.size()];
        Variable[] minus = new Variable[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            if (row.lo() != Double.NEGATIVE_INFINITY) {
                plus[r] = lp.addVariable("yp" + r).lower(0).weight(row.lo());
            }
            if (row.hi() != Double.POSITIVE_INFINITY) {
                minus[r] = lp.addVariable("ym" + r).lower(0).weight(-row.hi());
            }
            for (int i = 0; i < row.vars().length; i++) {
                if (plus[r] != null) {
                    columns[row.vars()[i]].set(plus[r], row.coefs()[i]);
                }
                if (minus[r] != null) {
                    columns[row.vars()[i]].set(minus[r], -row.coefs()[i]);
                }
            }
        }
        Optimisation.Result result;
        try {
            result = lp.maximise();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (result.getState() != Optimisation.State.OPTIMAL && result.getState() != Optimisation.State.DISTINCT) {
            return Optional.empty();
        }
        double[] duals = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            duals[r] = (plus[r] == null ? 0 : result.doubleValue(lp.indexOf(plus[r])))
                    - (minus[r] == null ? 0 : result.doubleValue(lp.indexOf(minus[r])));
        }
        return Optional.of(duals);
    }
}
