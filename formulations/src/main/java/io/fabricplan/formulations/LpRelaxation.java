package io.fabricplan.formulations;


import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import io.fabricplan.api.Cancellation;
import java.util.ArrayList;
import java.util.List;

/**
 * The linear-programming relaxation of a {@link MipModel} (integrality dropped, everything else kept), solved by
 * GLOP's simplex. Its optimum is a lower bound on the model's optimum that does not depend on any search, seed or
 * luck; and where the optimal vertex it returns is integral (common for the fabric models: the linking rows between
 * classes and cable groups are network-like), that vertex is an optimal solution of the model itself.
 *
 * <p>Problem: {@code min c'x + c0 s.t. lo <= Ax <= hi, lb <= x <= ub} over the reals. Complexity: the simplex is
 * exponential in the worst case and fast in practice (the 131,072-GPU fabric, about 100,000 columns and 89,000
 * rows, in 3-10 s on two cores); a time limit and a cancellation stop it.
 *
 * <p>Stateless; each call makes its own native solver.
 */
final class LpRelaxation {
    /** GLOP's parameters (protobuf text format). */
    static final String GLOP_PARAMETERS = "use_dual_simplex: true";
    /** Integer variables within this of an integer count as integral. */
    static final double INTEGRALITY = 1e-6;
    /** Rows are rechecked with the rounded values, within this relative tolerance. */
    static final double ROW_TOLERANCE = 1e-6;

    /** What the relaxation found. */
    enum Status {
        /** The relaxation is solved: {@code bound} is valid. */
        OPTIMAL,
        /** The relaxation has no solution: neither has the model. */
        INFEASIBLE,
        /** Stopped (time limit, cancellation) or the engine gave up: nothing is known. */
        UNKNOWN
    }

    /**
     * The outcome of one relaxation.
     *
     * @param status   OPTIMAL, INFEASIBLE or UNKNOWN
     * @param bound    a lower bound on the model's optimum (OPTIMAL only, else NaN), valid within the simplex's
     *                 tolerances (1e-7 relative), as the bound of any LP-based MIP solver is
     * @param values   the optimal vertex, integer variables rounded when {@code integral}, null unless OPTIMAL
     * @param integral whether the vertex is integral and, rounded, meets every row: then it solves the model
     * @param seconds  wall-clock seconds, loading included
     * @param dived    a solution of the model the dive found from a fractional vertex (see {@link #solve}), null
     *                 when there was none
     * @param diveSolves relaxations the dive solved again
     */
    record Outcome(Status status, double bound, double[] values, boolean integral, double seconds, double[] dived,
                   int diveSolves) {
        Outcome(Status status, double bound, double[] values, boolean integral, double seconds) {
            this(status, bound, values, integral, seconds, null, 0);
        }

        static Outcome unknown(double seconds) {
            return new Outcome(Status.UNKNOWN, Double.NaN, null, false, seconds);
        }

        Outcome withDive(double[] solution, int solves, double totalSeconds) {
            return new Outcome(status, bound, values, integral, totalSeconds, solution, solves);
        }
    }

    private LpRelaxation() {
    }

    /**
     * Solves the relaxation within {@code timeLimitSeconds}; raising {@code cancellation} interrupts it.
     * Loads the OR-Tools natives if needed. Where the vertex is fractional and the model declares state groups,
     * dives from it for a solution ({@link Outcome#dived}).
     */
    static Outcome solve(MipModel model, double timeLimitSeconds, Cancellation cancellation) {
        return solve(model, timeLimitSeconds, cancellation, true);
    }

    /** The same, diving or not. */
    static Outcome solve(MipModel model, double timeLimitSeconds, Cancellation cancellation, boolean dive) {
        long start = System.nanoTime();
        MipBackends.loadNatives();
        MPSolver solver = MPSolver.createSolver("GLOP");
        if (solver == null) {
            return Outcome.unknown(seconds(start));
        }
        MpSolverStop stop = new MpSolverStop(solver);
        try {
            MPVariable[] vars = MpSolverBackend.load(model, solver, true);
            solver.suppressOutput();
            // the dual simplex: 3x faster than GLOP's default primal on fabrics with placement (16k GPUs: 7 s
            // against 24 s), as fast elsewhere, and its vertices as integral on fabrics with fixed racks
            solver.setSolverSpecificParametersAsString(GLOP_PARAMETERS);
            solver.setTimeLimit(Math.max(1, Math.round(timeLimitSeconds * 1000)));
            cancellation.onCancel(stop);
            if (cancellation.isCancelled()) {
                return Outcome.unknown(seconds(start));
            }
            MPSolver.ResultStatus status = solver.solve();
            if (status == MPSolver.ResultStatus.INFEASIBLE) {
                return new Outcome(Status.INFEASIBLE, Double.NaN, null, false, seconds(start));
            }
            if (status != MPSolver.ResultStatus.OPTIMAL || cancellation.isCancelled()) {
                return Outcome.unknown(seconds(start));
            }
            double[] values = new double[vars.length];
            for (int i = 0; i < vars.length; i++) {
                values[i] = vars[i].solutionValue();
            }
            double value = solver.objective().value();
            double[] rounded = rounded(model, values);
            boolean integral = rounded != null && meetsEveryRow(model, rounded);
            Outcome outcome = new Outcome(Status.OPTIMAL, value, integral ? rounded : values, integral, seconds(start));
            if (integral || !dive || model.stateGroups().isEmpty()) {
                return outcome;
            }
            Dive d = new Dive(model, solver, vars, start, timeLimitSeconds, cancellation);
            double[] dived = d.run(values);
            return outcome.withDive(dived, d.solves, seconds(start));
        } finally {
            cancellation.remove(stop);
            stop.deleteSolver(); // never while a cancelling thread interrupts it
        }
    }

    /**
     * A dive from a fractional vertex (relax-and-fix). Groups of integer variables whose sum is fixed are rounded
     * (largest remainder to their total) and fixed, a batch at a time, and the relaxation is solved again from its
     * last basis after each batch, so that the open groups follow (a supply limit that couples every class moves
     * its fraction to the classes still open); a batch that leaves the relaxation infeasible is halved. First the
     * model's state groups ({@link MipModel#stateGroups}: the switches' states), then the equality rows over
     * integers whose open variables all count once (the cables of a link group at a state pair, once the states
     * are fixed). What is left fractional (module counts, units from stock) is rounded up, and the result, if it
     * meets every row, is a solution. Groups integral at the current vertex are fixed as they are. Bounded by the
     * relaxation's time and cancellation; about log2(groups) solves per phase when no batch fails. After Wolsey,
     * "Integer Programming", section 12.6 (dive-and-fix heuristics).
     */
    /**
     * A dive fixes 1/this of its open groups per solve: on 16,384 GPUs with stock and a CPO limit, halves, quarters
     * and eighths all end within 0.01 % of each other, halves in the fewest solves.
     */
    private static final int BATCH_DIVISOR = 2;

    private static final class Dive {
        private final MipModel model;
        private final MPSolver solver;
        private final MPVariable[] vars;
        private final long start;
        private final double timeLimitSeconds;
        private final Cancellation cancellation;
        private final boolean[] fixed;
        private final double[] fixedValue;
        int solves;

        Dive(MipModel model, MPSolver solver, MPVariable[] vars, long start, double timeLimitSeconds,
             Cancellation cancellation) {
            this.model = model;
            this.solver = solver;
            this.vars = vars;
            this.start = start;
            this.timeLimitSeconds = timeLimitSeconds;
            this.cancellation = cancellation;
            this.fixed = new boolean[vars.length];
            this.fixedValue = new double[vars.length];
        }

        /** A group to round: open integer variables that must add up to {@code total}. */
        private record Group(String name, List<MipModel.Var> vars, long total) {
        }

        double[] run(double[] vertex) {
            List<Group> states = new ArrayList<>();
            for (MipModel.StateGroup g : model.stateGroups()) {
                states.add(new Group(g.name(), g.vars(), g.total()));
            }
            double[] current = phase(states, vertex);
            if (current == null) {
                return null;
            }
            current = phase(partitionRows(current), current);
            if (current == null) {
                return null;
            }
            double[] out = current.clone();
            for (MipModel.Var v : model.variables()) {
                if (v.integer()) {
                    double x = current[v.index()];
                    double r = Math.abs(x - Math.rint(x)) <= INTEGRALITY ? Math.rint(x) : Math.ceil(x);
                    out[v.index()] = Math.min(v.ub(), Math.max(v.lb(), r)) + 0.0;
                }
            }
            return meetsEveryRow(model, out) ? out : null;
        }

        /** Rounds and fixes the groups, a batch at a time; the vertex after the last batch, or null. */
        private double[] phase(List<Group> groups, double[] vertex) {
            double[] current = vertex;
            List<Group> open = new ArrayList<>(groups);
            int batch = Math.max(1, (open.size() + BATCH_DIVISOR - 1) / BATCH_DIVISOR);
            while (!open.isEmpty()) {
                if (cancellation.isCancelled()) {
                    return null;
                }
                List<Group> fractional = new ArrayList<>();
                for (Group g : open) {
                    if (isIntegral(g, current)) {
                        fix(g, roundedValues(g, current));
                    } else {
                        fractional.add(g);
                    }
                }
                open = fractional;
                if (open.isEmpty()) {
                    break;
                }
                batch = Math.min(batch, open.size());
                List<Group> chosen = open.subList(0, batch);
                for (Group g : chosen) {
                    fix(g, largestRemainder(g, current, null));
                }
                double[] next = resolve();
                if (next == null && batch == 1) {
                    // a group alone that cannot be rounded so: its remainder on the other variables instead (a tie
                    // of halves under a limit rounds the wrong way as often as the right one)
                    Group g = chosen.get(0);
                    fix(g, largestRemainder(g, current, largestRemainder(g, current, null)));
                    next = resolve();
                }
                if (next == null) {
                    chosen.forEach(this::unfix);
                    if (batch == 1 || resolve() == null) {
                        return null;
                    }
                    batch = Math.max(1, batch / 2);
                    continue;
                }
                open = new ArrayList<>(open.subList(batch, open.size()));
                current = next;
                batch = Math.max(1, (open.size() + BATCH_DIVISOR - 1) / BATCH_DIVISOR);
            }
            return current;
        }

        /**
         * The equality rows over integers whose open variables all have coefficient 1 (and some of them
         * fractional), with their totals once the fixed variables are taken off.
         */
        private List<Group> partitionRows(double[] current) {
            List<Group> out = new ArrayList<>();
            for (MipModel.Row r : model.rows()) {
                if (r.lo() != r.hi()) {
                    continue;
                }
                List<MipModel.Var> open = new ArrayList<>();
                double total = r.hi();
                boolean ok = true;
                for (int i = 0; i < r.size() && ok; i++) {
                    MipModel.Var v = model.variables().get(r.vars()[i]);
                    if (!v.integer()) {
                        ok = false;
                    } else if (fixed[v.index()]) {
                        total -= r.coefs()[i] * fixedValue[v.index()];
                    } else if (r.coefs()[i] == 1.0) {
                        open.add(v);
                    } else {
                        ok = false;
                    }
                }
                long t = Math.round(total);
                if (ok && !open.isEmpty() && Math.abs(total - t) <= INTEGRALITY) {
                    out.add(new Group(r.name(), open, t));
                }
            }
            return out;
        }

        private double[] resolve() {
            double left = timeLimitSeconds - seconds(start);
            if (left <= 0.05 || cancellation.isCancelled()) {
                return null;
            }
            solver.setTimeLimit(Math.max(1, Math.round(left * 1000)));
            solves++;
            if (solver.solve() != MPSolver.ResultStatus.OPTIMAL || cancellation.isCancelled()) {
                return null;
            }
            double[] values = new double[vars.length];
            for (int i = 0; i < vars.length; i++) {
                values[i] = vars[i].solutionValue();
            }
            return values;
        }

        private void fix(Group g, long[] values) {
            for (int i = 0; i < g.vars().size(); i++) {
                int index = g.vars().get(i).index();
                vars[index].setBounds(values[i], values[i]);
                fixed[index] = true;
                fixedValue[index] = values[i];
            }
        }

        private void unfix(Group g) {
            for (MipModel.Var v : g.vars()) {
                vars[v.index()].setBounds(v.lb(), v.ub());
                fixed[v.index()] = false;
            }
        }

        private static boolean isIntegral(Group g, double[] values) {
            for (MipModel.Var v : g.vars()) {
                if (Math.abs(values[v.index()] - Math.rint(values[v.index()])) > INTEGRALITY) {
                    return false;
                }
            }
            return true;
        }

        private static long[] roundedValues(Group g, double[] values) {
            long[] out = new long[g.vars().size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.round(values[g.vars().get(i).index()]);
            }
            return out;
        }

        /**
         * Floors, then one more for the largest fractional parts until the group's total (Hamilton's method);
         * variables that {@code avoid} rounded up come last.
         */
        private static long[] largestRemainder(Group g, double[] values, long[] avoid) {
            int n = g.vars().size();
            long[] out = new long[n];
            Integer[] order = new Integer[n];
            long sum = 0;
            for (int i = 0; i < n; i++) {
                double x = Math.max(0, values[g.vars().get(i).index()]);
                out[i] = (long) Math.floor(x + INTEGRALITY);
                sum += out[i];
                order[i] = i;
            }
            java.util.Arrays.sort(order, (p, q) -> {
                if (avoid != null && (avoid[p] > out[p]) != (avoid[q] > out[q])) {
                    return avoid[p] > out[p] ? 1 : -1;
                }
                return Double.compare(frac(values, g, q), frac(values, g, p));
            });
            for (int j = 0; sum < g.total() && j < n; j++) {
                int i = order[j];
                if (out[i] < g.vars().get(i).ub()) {
                    out[i]++;
                    sum++;
                }
            }
            return out;
        }

        private static double frac(double[] values, Group g, int i) {
            double x = Math.max(0, values[g.vars().get(i).index()]);
            return x - Math.floor(x + INTEGRALITY);
        }
    }

    /** The values with every integer variable rounded, or null when one is further than 1e-6 from an integer. */
    static double[] rounded(MipModel model, double[] values) {
        double[] out = values.clone();
        for (MipModel.Var v : model.variables()) {
            if (!v.integer()) {
                continue;
            }
            double r = Math.rint(values[v.index()]);
            if (Math.abs(values[v.index()] - r) > INTEGRALITY) {
                return null;
            }
            out[v.index()] = Math.min(v.ub(), Math.max(v.lb(), r)) + 0.0;
        }
        return out;
    }

    /**
     * Whether every row and bound holds for the values: rows over integer variables exactly as the integer engines
     * scale them (a budget row may sit a thousandth of a watt below a plan's power, far inside the LP's own
     * tolerance), other rows within a relative tolerance of 1e-6.
     */
    static boolean meetsEveryRow(MipModel model, double[] values) {
        for (MipModel.Var v : model.variables()) {
            double x = values[v.index()];
            if (x < v.lb() - tolerance(v.lb()) || x > v.ub() + tolerance(v.ub())) {
                return false;
            }
        }
        for (MipModel.Row r : model.rows()) {
            if (overIntegers(model, r)) {
                if (!meetsScaled(model, r, values)) {
                    return false;
                }
                continue;
            }
            double sum = 0;
            double scale = 0;
            for (int i = 0; i < r.size(); i++) {
                double term = r.coefs()[i] * values[r.vars()[i]];
                sum += term;
                scale = Math.max(scale, Math.abs(term));
            }
            double slack = ROW_TOLERANCE * Math.max(1, scale);
            if (sum < r.lo() - slack || sum > r.hi() + slack) {
                return false;
            }
        }
        return true;
    }

    private static boolean overIntegers(MipModel model, MipModel.Row row) {
        for (int v : row.vars()) {
            if (!model.variables().get(v).integer()) {
                return false;
            }
        }
        return true;
    }

    /** The row scaled to integers holds for the (integral) values, in exact integer arithmetic. */
    private static boolean meetsScaled(MipModel model, MipModel.Row row, double[] values) {
        IntegerScaling.ScaledRow scaled = IntegerScaling.scaleRow(row, model);
        long sum = 0;
        for (int i = 0; i < row.size(); i++) {
            sum = Math.addExact(sum, Math.multiplyExact(scaled.coefs()[i], Math.round(values[row.vars()[i]])));
        }
        return (scaled.upperOnly() || sum >= scaled.lo()) && (scaled.lowerOnly() || sum <= scaled.hi());
    }

    private static double tolerance(double bound) {
        return Double.isInfinite(bound) ? 0 : ROW_TOLERANCE * Math.max(1, Math.abs(bound));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
