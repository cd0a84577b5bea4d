package io.fabricplan.formulations;

import io.fabricplan.api.Cancellation;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.formulations.IntegerScaling.ScaledObjective;
import io.fabricplan.formulations.IntegerScaling.ScaledRow;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chocosolver.solver.Model;
import org.chocosolver.solver.Settings;
import org.chocosolver.solver.Solver;
import org.chocosolver.solver.constraints.Constraint;
import org.chocosolver.solver.constraints.Operator;
import org.chocosolver.solver.constraints.nary.sum.PropScalarWithLong;
import org.chocosolver.solver.search.SearchState;
import org.chocosolver.solver.search.limits.FailCounter;
import org.chocosolver.solver.search.loop.lns.neighbors.PropagationGuidedNeighborhood;
import org.chocosolver.solver.search.loop.monitors.IMonitorDownBranch;
import org.chocosolver.solver.search.loop.move.Move;
import org.chocosolver.solver.search.loop.monitors.IMonitorInitialize;
import org.chocosolver.solver.search.loop.monitors.IMonitorSolution;
import org.chocosolver.solver.search.strategy.Search;
import org.chocosolver.solver.search.strategy.selectors.values.IntValueSelector;
import org.chocosolver.solver.search.strategy.selectors.variables.DomOverWDeg;
import org.chocosolver.solver.search.strategy.strategy.AbstractStrategy;
import org.chocosolver.solver.variables.IntVar;
import org.chocosolver.util.criteria.Criterion;

/**
 * Solves a {@link MipModel} with Choco Solver, a pure-Java constraint solver: it loads no native code, so it runs
 * where OR-Tools cannot.
 *
 * <p><b>Integers.</b> Rows and objective are scaled to integers as for CP-SAT ({@link IntegerScaling}). Choco's
 * variables have {@code int} domains: a variable beyond {@link #MAX_MAGNITUDE} is refused with
 * {@link UnsupportedInstanceException}. Rows whose coefficients or sums leave that range are posted with Choco's
 * {@code long} propagator, so none is rounded further. The objective is exact to the same digits as CP-SAT's, kept
 * in {@code long}; the variable Choco minimises is that sum divided by the smallest power of ten that fits an
 * {@code int}, rounded down, so the bound stays a proven bound and the optimum is exact to that power of ten.
 *
 * <p><b>Bound.</b> Constraint propagation alone bounds a sum of costs by the costs already fixed, too weakly to
 * prove anything on a fabric. So the LP relaxation is solved first ({@link OjAlgoRelaxation}, pure Java), and the
 * objective is posted a second time rewritten with its duals: {@code M obj = sum(y_r row_r) + sum(d_j x_j)}, the
 * integers {@code y_r} the scaled duals and {@code d_j} the reduced costs they leave, exact for any duals. Bounds
 * reasoning on that row gives the LP bound at the root and raises it by the reduced cost of each variable moved
 * off its LP bound. The bound reported is the objective's lower bound at the root (after the initial propagation,
 * and after restarts), or the optimum once the search completes.
 *
 * <p><b>Search.</b> Variables by dom/wdeg with last-conflict, values nearest the LP solution (the model's hint
 * first, until a first plan), geometric restarts with nogoods. First a large neighbourhood search (propagation
 * guided) for at most 15 % of the time limit (and 15 s), ended early after 10 % of it (at most 4 s) without a
 * better plan, then the complete search below the best plan found, where the reduced costs fix most variables.
 * One thread: Choco's search is sequential.
 */
final class ChocoBackend implements MipBackend {
    /** Largest absolute value of a variable or of an {@code int} sum: half of int's range, room for Choco's sums. */
    static final long MAX_MAGNITUDE = Integer.MAX_VALUE / 2;
    /** Largest absolute sum a {@code long} row may reach: far inside long's 9.2e18. */
    private static final double MAX_LONG_SUM = 1e18;
    /**
     * Relative gap below which a plan counts as optimal even when asked for gap 0: the objective's own rounding
     * (as CP-SAT's scaling), and the remainder search stops there.
     */
    private static final double OPTIMALITY_TOLERANCE = 1e-7;
    /** Share of the time limit without a better plan after which the large neighbourhood search gives way. */
    private static final double LNS_STALL_SHARE = 0.1;
    /** At most this long without a better plan (seconds), whatever the time limit. */
    private static final double LNS_STALL_MAX_S = 4;
    /** The large neighbourhood search ends by then (seconds from the start), whatever the time limit. */
    private static final double LNS_MAX_S = 15;
    /** Share of the time limit the LP relaxation may take. */
    private static final double LP_SHARE = 0.25;
    private static final String NAME = "Choco " + version();

    private final List<String> notes;

    ChocoBackend() {
        this(List.of());
    }

    /** @param notes what the caller should tell the user about this choice of engine (the AUTO fallback) */
    ChocoBackend(List<String> notes) {
        this.notes = List.copyOf(notes);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> notes() {
        return notes;
    }

    @Override
    public Result solve(MipModel model, Parameters parameters, Observer observer, Cancellation cancellation) {
        long start = System.nanoTime();
        if (model.numVariables() == 0) {
            return EmptyModel.solve(model, observer, start, name());
        }
        long deadline = start + (long) (parameters.timeLimitSeconds() * 1e9);
        Tuning tuning = Tuning.parse(parameters.solverSpecific());
        Model choco = new Model(model.name(), Settings.prod());
        IntVar[] vars = variables(model, choco);
        List<ScaledRow> rows = new ArrayList<>();
        for (MipModel.Row row : model.rows()) {
            rows.add(IntegerScaling.scaleRow(row, model));
        }
        ScaledObjective scaled = IntegerScaling.scaleObjective(model);
        // the sums Choco sees leave the constant out
        ScaledObjective fine = new ScaledObjective(scaled.scale(), scaled.coefs(), 0, scaled.constant());
        Optional<OjAlgoRelaxation.Solution> lp = tuning.lp() && hasObjective(fine) && !cancellation.isCancelled()
                ? relaxation(model, rows, fine, (long) (parameters.timeLimitSeconds() * LP_SHARE * 1000))
                : Optional.empty();
        IntVar[] activities = postRows(model, rows, vars, choco, lp);
        Objective objective = objective(vars, fine, choco);
        lp.ifPresent(solution -> postReducedCosts(model, rows, vars, activities, objective, fine, solution, choco));

        Solver solver = choco.getSolver();
        search(solver, vars, objective, tuning, lp, parameters.seed());
        boolean hinted = false;
        for (Map.Entry<Integer, Double> h : model.hint().entrySet()) {
            IntVar v = vars[h.getKey()];
            long value = Math.round(h.getValue());
            if (value >= v.getLB() && value <= v.getUB()) {
                solver.addHint(v, (int) value);
                hinted = true;
            }
        }
        Progress progress = new Progress(solver, vars, objective, observer, start);
        solver.plugMonitor(progress);
        double tolerance = Math.max(parameters.relativeGap(), OPTIMALITY_TOLERANCE);
        Move complete = solver.getMove();
        Constraint lnsCut = null;
        Criterion stop = () -> System.nanoTime() >= deadline || cancellation.isCancelled()
                || progress.gapReached(tolerance);
        solver.addStopCriterion(stop);
        if (cancellation.isCancelled()) {
            return new Result(SolveStatus.NO_SOLUTION, null, Double.NaN, Double.NaN, 0, seconds(start), NAME);
        }
        if (objective.var() == null) {
            solver.solve(); // no objective: any solution is optimal
        } else if (tuning.lnsShare() > 0) {
            double lnsS = Math.min(parameters.timeLimitSeconds() * tuning.lnsShare(), LNS_MAX_S);
            double stallS = Math.max(1, Math.min(parameters.timeLimitSeconds() * LNS_STALL_SHARE, LNS_STALL_MAX_S));
            largeNeighbourhoods(solver, vars, progress, tuning, parameters.seed(), start + (long) (lnsS * 1e9),
                    (long) (stallS * 1e9));
            if (!stop.isMet()) {
                // the complete search proves the best plan optimal or finds better: a cut below the best
                if (hinted) {
                    solver.removeHints(); // else the reset search would wrap the hints' strategy in itself
                    hinted = false;
                }
                solver.reset();
                solver.setMove(complete);
                solver.addStopCriterion(stop);
                if (progress.best != null) {
                    lnsCut = choco.arithm(objective.var(), "<", (int) progress.bestRounded);
                    lnsCut.post();
                }
                completeSearch(solver, progress);
            }
        } else {
            completeSearch(solver, progress);
        }
        boolean completed = solver.getSearchState() == SearchState.TERMINATED;
        boolean roundedProven = completed && progress.best != null;
        if (roundedProven && objective.ratio() > 1) {
            // the objective Choco minimised was rounded down to a power of ten: among the plans of the best
            // rounded value, find the least remainder, which makes the optimum exact
            long rounded = progress.bestRounded;
            if (hinted) {
                solver.removeHints(); // else the reset search would wrap the hints' strategy in itself
            }
            solver.reset();
            solver.setMove(complete);
            solver.addStopCriterion(stop);
            if (lnsCut != null) {
                choco.unpost(lnsCut); // the rounded optimum may be the cut's own value
            }
            choco.arithm(objective.var(), "=", (int) rounded).post();
            choco.setObjective(Model.MINIMIZE, objective.remainder());
            progress.enterExactPhase(rounded);
            while (solver.solve()) {
                // improving remainders
            }
            completed = solver.getSearchState() == SearchState.TERMINATED;
        }
        double solveS = seconds(start);
        if (progress.best == null) {
            return new Result(completed ? SolveStatus.INFEASIBLE : SolveStatus.NO_SOLUTION, null, Double.NaN,
                    completed ? Double.NaN : progress.bound(), 0, solveS, NAME);
        }
        double value = progress.bestValue;
        // a completed search proves every plan at least the best one's rounded-down objective, and the exact phase
        // then its remainder
        double bound = objective.var() == null || completed ? value
                : roundedProven ? objective.unscale((double) objective.ratio() * progress.bestRounded)
                : progress.bound();
        double gap = (value - bound) / Math.max(1e-9, Math.abs(value));
        boolean optimal = gap <= tolerance;
        return new Result(optimal ? SolveStatus.OPTIMAL : SolveStatus.FEASIBLE, progress.best, value,
                Math.min(bound, value), progress.bestS, solveS, NAME);
    }

    private static boolean hasObjective(ScaledObjective fine) {
        for (long c : fine.coefs()) {
            if (c != 0) {
                return true;
            }
        }
        return false;
    }

    /** The LP relaxation of the scaled rows, objective in model units, within its share of the time limit. */
    private static Optional<OjAlgoRelaxation.Solution> relaxation(MipModel model, List<ScaledRow> rows,
                                                              ScaledObjective fine, long millis) {
        long[] lb = new long[model.numVariables()];
        long[] ub = new long[lb.length];
        double[] objective = new double[lb.length];
        for (MipModel.Var v : model.variables()) {
            lb[v.index()] = (long) v.lb();
            ub[v.index()] = (long) v.ub();
            objective[v.index()] = fine.coefs()[v.index()] / fine.scale();
        }
        List<OjAlgoRelaxation.Row> lpRows = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            ScaledRow s = rows.get(r);
            lpRows.add(new OjAlgoRelaxation.Row(model.rows().get(r).vars(), s.coefs(),
                    s.upperOnly() ? Double.NEGATIVE_INFINITY : s.lo(),
                    s.lowerOnly() ? Double.POSITIVE_INFINITY : s.hi()));
        }
        return OjAlgoRelaxation.solve(lb, ub, objective, lpRows, millis);
    }

    private static void completeSearch(Solver solver, Progress progress) {
        while (solver.solve()) {
            // each call returns the next improving solution; Progress keeps the best
        }
    }

    /**
     * Large neighbourhood search until {@code lnsDeadline}, or until it has found no better plan for
     * {@code stallNanos}: fragments of the best plan kept, the rest searched anew, which improves plans faster than
     * the complete search on the DWDM models; and with a good plan the reduced costs fix most variables at once.
     */
    private static void largeNeighbourhoods(Solver solver, IntVar[] vars, Progress progress, Tuning tuning,
                                            long seed, long lnsDeadline, long stallNanos) {
        long lnsStart = System.nanoTime();
        solver.setLNS(new PropagationGuidedNeighborhood(vars, 30, 10, seed),
                new FailCounter(solver.getModel(), tuning.lnsFails()));
        progress.lns = true;
        Criterion lnsOver = () -> {
            long now = System.nanoTime();
            long lastPlan = Math.max(lnsStart, progress.lastPlanNanos);
            return now >= lnsDeadline || now - lastPlan >= stallNanos;
        };
        solver.addStopCriterion(lnsOver);
        while (solver.solve()) {
            // improving plans
        }
        solver.removeStopCriterion(lnsOver);
        // the LNS move leaves its propagator behind, which would fix a fragment of the last plan at the next root
        for (Constraint c : solver.getModel().getCstrs()) {
            if (c.getName().equals("LNS")) {
                solver.getModel().unpost(c);
            }
        }
        progress.lns = false;
    }

    /** Every search setting is made here. */
    private static void search(Solver solver, IntVar[] vars, Objective objective, Tuning tuning,
                               Optional<OjAlgoRelaxation.Solution> lp, long seed) {
        IntValueSelector values = lp.isPresent() && tuning.lpValues() ? new NearestTo(vars, lp.get().primal())
                : v -> v.getLB();
        AbstractStrategy<IntVar> strategy = Search.lastConflict(switch (tuning.search()) {
            case "dwd" -> Search.intVarSearch(new DomOverWDeg<>(vars, seed), values, vars);
            case "activity" -> Search.activityBasedSearch(vars);
            case "input" -> Search.intVarSearch(new org.chocosolver.solver.search.strategy.selectors.variables
                    .InputOrder<>(solver.getModel()), values, vars);
            default -> throw new IllegalArgumentException("unknown Choco search " + tuning.search());
        });
        if (objective.var() != null) {
            solver.setSearch(strategy, Search.minDomLBSearch(objective.var()),
                    Search.minDomLBSearch(objective.remainder()));
        } else {
            solver.setSearch(strategy);
        }
        if (tuning.restarts()) {
            solver.setGeometricalRestart(10, 1.05, new FailCounter(solver.getModel(), 0), 50_000);
            solver.setNoGoodRecordingFromRestarts();
        }
    }

    private static IntVar[] variables(MipModel model, Model choco) {
        IntVar[] vars = new IntVar[model.numVariables()];
        for (MipModel.Var v : model.variables()) {
            if (!v.integer() || Double.isInfinite(v.lb()) || Double.isInfinite(v.ub())) {
                throw new IllegalArgumentException("Choco needs bounded integer variables, " + v.name()
                        + " is not");
            }
            if (Math.abs(v.lb()) > MAX_MAGNITUDE || Math.abs(v.ub()) > MAX_MAGNITUDE) {
                throw new UnsupportedInstanceException("Choco cannot solve " + model.name() + ": variable "
                        + v.name() + " ranges over [" + (long) v.lb() + ", " + (long) v.ub()
                        + "], beyond its int domains (|value| <= " + MAX_MAGNITUDE + ")");
            }
            vars[v.index()] = v.binary() ? choco.boolVar(v.name())
                    : choco.intVar(v.name(), (int) v.lb(), (int) v.ub());
        }
        return vars;
    }

    /**
     * Posts the rows. A row with a dual gets an activity variable (its sum, within its sides), which the
     * reduced-cost row reads; the others are posted as they are. Returns the activity variables (null where none).
     */
    private static IntVar[] postRows(MipModel model, List<ScaledRow> rows, IntVar[] vars, Model choco,
                                     Optional<OjAlgoRelaxation.Solution> lp) {
        IntVar[] activities = new IntVar[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            MipModel.Row row = model.rows().get(r);
            ScaledRow scaled = rows.get(r);
            IntVar[] terms = new IntVar[row.size()];
            for (int i = 0; i < terms.length; i++) {
                terms[i] = vars[row.vars()[i]];
            }
            long[] range;
            try {
                range = range(terms, scaled.coefs());
            } catch (UnsupportedInstanceException e) {
                throw new UnsupportedInstanceException("Choco cannot solve " + model.name() + ": row "
                        + row.name() + " sums beyond " + MAX_LONG_SUM + " once scaled to integers");
            }
            long lo = scaled.upperOnly() ? range[0] : Math.max(range[0], scaled.lo());
            long hi = scaled.lowerOnly() ? range[1] : Math.min(range[1], scaled.hi());
            if (lo > hi) {
                choco.falseConstraint().post(); // the row cannot hold whatever the variables
                continue;
            }
            if (terms.length == 0) {
                continue;
            }
            boolean dual = lp.isPresent() && lp.get().duals()[r] != 0;
            if (dual && Math.abs(lo) <= MAX_MAGNITUDE && Math.abs(hi) <= MAX_MAGNITUDE) {
                activities[r] = choco.intVar("activity(" + row.name() + ")", (int) lo, (int) hi, true);
                post(choco, append(terms, activities[r]), append(scaled.coefs(), -1), Operator.EQ, 0);
            } else if (lo == hi) {
                post(choco, terms, scaled.coefs(), Operator.EQ, lo);
            } else {
                if (lo > range[0]) {
                    post(choco, terms, scaled.coefs(), Operator.GE, lo);
                }
                if (hi < range[1]) {
                    post(choco, terms, scaled.coefs(), Operator.LE, hi);
                }
            }
        }
        return activities;
    }

    /**
     * The objective: Choco minimises {@code floor(sum / ratio)} of the exact scaled sum, ratio the smallest power of
     * ten that keeps it within an int; {@code sum = ratio obj + remainder}.
     */
    private static Objective objective(IntVar[] vars, ScaledObjective fine, Model choco) {
        List<IntVar> terms = new ArrayList<>();
        List<Long> coefs = new ArrayList<>();
        for (int i = 0; i < vars.length; i++) {
            if (fine.coefs()[i] != 0) {
                terms.add(vars[i]);
                coefs.add(fine.coefs()[i]);
            }
        }
        if (terms.isEmpty()) {
            return new Objective(null, null, 1, fine);
        }
        IntVar[] t = terms.toArray(new IntVar[0]);
        long[] c = coefs.stream().mapToLong(Long::longValue).toArray();
        long[] range = range(t, c);
        long ratio = 1;
        while (Math.max(Math.abs(Math.floorDiv(range[0], ratio)), Math.abs(Math.floorDiv(range[1], ratio)))
                > MAX_MAGNITUDE) {
            ratio *= 10;
        }
        IntVar var = choco.intVar("objective", (int) Math.floorDiv(range[0], ratio),
                (int) Math.floorDiv(range[1], ratio), true);
        IntVar remainder = choco.intVar("objective remainder", 0, (int) Math.min(ratio - 1, MAX_MAGNITUDE), true);
        post(choco, append(append(t, var), remainder), append(append(c, -ratio), -1), Operator.EQ, 0);
        choco.setObjective(Model.MINIMIZE, var);
        return new Objective(var, remainder, ratio, fine);
    }

    /**
     * Posts {@code M ratio obj + M remainder = sum(y_r activity_r) + sum(d_j x_j)} with {@code y_r = round(M dual_r)}
     * and {@code d_j = M c_j - sum(y_r a_rj)}: an identity, exact in integers for any duals, that bounds the
     * objective by the LP optimum. M is the largest power of ten (<= 10^6) that keeps every term inside long;
     * nothing is posted if none does.
     */
    private static void postReducedCosts(MipModel model, List<ScaledRow> rows, IntVar[] vars, IntVar[] activities,
                                         Objective objective, ScaledObjective fine, OjAlgoRelaxation.Solution lp,
                                         Model choco) {
        if (objective.var() == null) {
            return;
        }
        for (long m = 1_000_000; m >= 1; m /= 10) {
            try {
                long[] reduced = new long[vars.length];
                for (int j = 0; j < vars.length; j++) {
                    reduced[j] = Math.multiplyExact(m, fine.coefs()[j]);
                }
                List<IntVar> terms = new ArrayList<>();
                List<Long> coefs = new ArrayList<>();
                for (int r = 0; r < rows.size(); r++) {
                    if (activities[r] == null) {
                        continue;
                    }
                    double y = lp.duals()[r] * fine.scale() * m;
                    if (Math.abs(y) > MAX_LONG_SUM) {
                        throw new ArithmeticException("dual too large");
                    }
                    long yr = Math.round(y);
                    if (yr == 0) {
                        continue;
                    }
                    MipModel.Row row = model.rows().get(r);
                    for (int i = 0; i < row.size(); i++) {
                        int j = row.vars()[i];
                        reduced[j] = Math.subtractExact(reduced[j], Math.multiplyExact(yr, rows.get(r).coefs()[i]));
                    }
                    terms.add(activities[r]);
                    coefs.add(yr);
                }
                for (int j = 0; j < vars.length; j++) {
                    if (reduced[j] != 0) {
                        terms.add(vars[j]);
                        coefs.add(reduced[j]);
                    }
                }
                terms.add(objective.var());
                coefs.add(Math.multiplyExact(-m, objective.ratio()));
                if (objective.ratio() > 1) {
                    terms.add(objective.remainder());
                    coefs.add(-m);
                }
                IntVar[] t = terms.toArray(new IntVar[0]);
                long[] c = coefs.stream().mapToLong(Long::longValue).toArray();
                range(t, c); // throws when a sum leaves long's safe range
                post(choco, t, c, Operator.EQ, 0);
                return;
            } catch (ArithmeticException | UnsupportedInstanceException tooLarge) {
                // try a smaller multiplier
            }
        }
    }

    /** The least and greatest value of {@code sum(coefs[i] * vars[i])}, exact in long. */
    private static long[] range(IntVar[] vars, long[] coefs) {
        double magnitude = 0;
        long lo = 0;
        long hi = 0;
        for (int i = 0; i < vars.length; i++) {
            magnitude += Math.abs((double) coefs[i]) * Math.max(Math.abs(vars[i].getLB()), Math.abs(vars[i].getUB()));
            if (magnitude > MAX_LONG_SUM) {
                throw new UnsupportedInstanceException("Choco cannot solve this model: a row sums beyond "
                        + MAX_LONG_SUM + " once scaled to integers");
            }
            lo += Math.min(coefs[i] * vars[i].getLB(), coefs[i] * vars[i].getUB());
            hi += Math.max(coefs[i] * vars[i].getLB(), coefs[i] * vars[i].getUB());
        }
        return new long[] {lo, hi};
    }

    /**
     * Posts {@code sum(coefs[i] * vars[i]) op rhs}: with Choco's int propagators when every coefficient, the
     * right-hand side and the sum's range fit, else with its long propagator.
     */
    private static void post(Model choco, IntVar[] vars, long[] coefs, Operator op, long rhs) {
        long[] range = range(vars, coefs);
        boolean fitsInt = Math.abs(rhs) <= MAX_MAGNITUDE && Math.abs(range[0]) <= MAX_MAGNITUDE
                && Math.abs(range[1]) <= MAX_MAGNITUDE;
        for (long c : coefs) {
            fitsInt &= Math.abs(c) <= MAX_MAGNITUDE;
        }
        if (fitsInt) {
            int[] ints = new int[coefs.length];
            for (int i = 0; i < ints.length; i++) {
                ints[i] = (int) coefs[i];
            }
            choco.scalar(vars, ints, op.toString(), (int) rhs).post();
            return;
        }
        // PropScalarWithLong wants the positive coefficients first
        IntVar[] sorted = new IntVar[vars.length];
        long[] sortedCoefs = new long[vars.length];
        int pos = 0;
        int neg = vars.length;
        for (int i = 0; i < vars.length; i++) {
            if (coefs[i] > 0) {
                sorted[pos] = vars[i];
                sortedCoefs[pos++] = coefs[i];
            } else if (coefs[i] < 0) {
                sorted[--neg] = vars[i];
                sortedCoefs[neg] = coefs[i];
            }
        }
        if (neg > pos) { // zero coefficients dropped
            IntVar[] v = new IntVar[pos + vars.length - neg];
            long[] c = new long[v.length];
            System.arraycopy(sorted, 0, v, 0, pos);
            System.arraycopy(sorted, neg, v, pos, vars.length - neg);
            System.arraycopy(sortedCoefs, 0, c, 0, pos);
            System.arraycopy(sortedCoefs, neg, c, pos, vars.length - neg);
            sorted = v;
            sortedCoefs = c;
        }
        new Constraint("scalar(long)", new PropScalarWithLong(sorted, sortedCoefs, pos, op, rhs)).post();
    }

    private static IntVar[] append(IntVar[] array, IntVar last) {
        IntVar[] out = java.util.Arrays.copyOf(array, array.length + 1);
        out[array.length] = last;
        return out;
    }

    private static long[] append(long[] array, long last) {
        long[] out = java.util.Arrays.copyOf(array, array.length + 1);
        out[array.length] = last;
        return out;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** The engine's version, from its Maven metadata; "5" when that is not on the class path. */
    private static String version() {
        try (var in = Model.class.getResourceAsStream(
                "/META-INF/maven/org.choco-solver/choco-solver/pom.properties")) {
            if (in != null) {
                java.util.Properties p = new java.util.Properties();
                p.load(in);
                return p.getProperty("version", "5");
            }
        } catch (java.io.IOException e) {
            // fall through to the major version
        }
        return "5";
    }

    /**
     * The variable Choco minimises ({@code floor(sum / ratio)}, null without objective terms), the remainder of
     * that division, and the exact scaling of the sum.
     */
    private record Objective(IntVar var, IntVar remainder, long ratio, ScaledObjective scaling) {
        /** Model units of a scaled (exact) sum. */
        double unscale(double scaledSum) {
            return scaling.unscale(scaledSum);
        }

        /** Model units of a solution, exact from the variables' values. */
        double value(int[] values) {
            long sum = 0;
            for (int i = 0; i < values.length; i++) {
                sum += scaling.coefs()[i] * values[i];
            }
            return unscale(sum);
        }
    }

    /** Values nearest the LP solution, the domain permitting. */
    private static final class NearestTo implements IntValueSelector {
        private final Map<IntVar, Double> target = new IdentityHashMap<>();

        NearestTo(IntVar[] vars, double[] primal) {
            for (int i = 0; i < vars.length; i++) {
                target.put(vars[i], primal[i]);
            }
        }

        @Override
        public int selectValue(IntVar var) {
            double t = target.getOrDefault(var, (double) var.getLB());
            long v = Math.max(var.getLB(), Math.min(var.getUB(), Math.round(t)));
            if (!var.hasEnumeratedDomain()) {
                return v - var.getLB() <= var.getUB() - v ? var.getLB() : var.getUB();
            }
            if (var.contains((int) v)) {
                return (int) v;
            }
            int up = var.nextValue((int) v);
            int down = var.previousValue((int) v);
            if (up == Integer.MAX_VALUE) {
                return down;
            }
            if (down == Integer.MIN_VALUE) {
                return up;
            }
            return up - t <= t - down ? up : down;
        }
    }

    /**
     * Engine settings, from {@code name = value} lines of the solver-specific parameters: {@code search}
     * (dwd, activity, input), {@code values_from_lp} (true), {@code restarts} (true), {@code lp} (the LP bound,
     * true), {@code lns_share} (share of the time limit for large neighbourhood search before the complete
     * search, 0.15), {@code lns_fails} (fails between LNS restarts).
     */
    record Tuning(String search, boolean lpValues, boolean restarts, boolean lp, double lnsShare, int lnsFails) {
        static Tuning parse(String text) {
            String search = "dwd";
            boolean lpValues = true;
            boolean restarts = true;
            boolean lp = true;
            double lnsShare = 0.15;
            int lnsFails = 100;
            for (String line : (text == null ? "" : text).split("[\\n;]")) {
                int eq = line.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String key = line.substring(0, eq).trim();
                String value = line.substring(eq + 1).trim();
                switch (key) {
                    case "search" -> search = value;
                    case "values_from_lp" -> lpValues = Boolean.parseBoolean(value);
                    case "restarts" -> restarts = Boolean.parseBoolean(value);
                    case "lp" -> lp = Boolean.parseBoolean(value);
                    case "lns_share" -> lnsShare = Double.parseDouble(value);
                    case "lns_fails" -> lnsFails = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown Choco parameter " + key);
                }
            }
            return new Tuning(search, lpValues, restarts, lp, lnsShare, lnsFails);
        }
    }

    /**
     * Keeps the best solution and the root bound, and reports each improving solution. The root bound is read
     * after the initial propagation and whenever the search takes its first decision below the root (after a
     * restart), except under LNS, whose root holds a fragment of the last solution.
     */
    private static final class Progress implements IMonitorSolution, IMonitorInitialize, IMonitorDownBranch {
        private final Solver solver;
        private final IntVar[] vars;
        private final Objective objective;
        private final Observer observer;
        private final long start;
        /** Under LNS the root holds a fragment of the last plan: its bound is not global. */
        private volatile boolean lns;
        private volatile long rootLb = Long.MIN_VALUE;
        private volatile double bestValue = Double.NaN;
        private long bestRounded;
        /** Set once the rounded objective is proven and fixed: solutions then improve its remainder. */
        private volatile boolean exactPhase;

        /** The rounded objective is proven at {@code rounded}: that is the bound from now on. */
        void enterExactPhase(long rounded) {
            exactPhase = true;
            rootLb = rounded;
        }
        private double[] best;
        private double bestS;
        private volatile long lastPlanNanos;

        Progress(Solver solver, IntVar[] vars, Objective objective, Observer observer, long start) {
            this.solver = solver;
            this.vars = vars;
            this.objective = objective;
            this.observer = observer;
            this.start = start;
        }

        @Override
        public void afterInitialize(boolean correct) {
            if (correct && !exactPhase) {
                readRootBound();
            }
        }

        @Override
        public void beforeDownBranch(boolean left) {
            if (!lns && !exactPhase && solver.getDecisionPath().size() == 1) {
                readRootBound();
            }
        }

        private void readRootBound() {
            if (objective.var() != null) {
                rootLb = Math.max(rootLb, objective.var().getLB());
            }
        }

        /** The proven lower bound in model units, NaN when none. */
        double bound() {
            long lb = rootLb;
            return lb == Long.MIN_VALUE ? Double.NaN : objective.unscale((double) objective.ratio() * lb);
        }

        @Override
        public void onSolution() {
            int[] ints = new int[vars.length];
            double[] values = new double[vars.length];
            for (int i = 0; i < vars.length; i++) {
                ints[i] = vars[i].getValue();
                values[i] = ints[i];
            }
            best = values;
            bestS = seconds(start);
            lastPlanNanos = System.nanoTime();
            bestValue = objective.value(ints);
            if (!exactPhase) {
                bestRounded = objective.var() == null ? 0 : objective.var().getValue();
            }
            observer.onSolution(bestS, bestValue, bound());
        }

        /** Whether the best solution is within the relative gap of the bound. */
        boolean gapReached(double relativeGap) {
            double b = bound();
            double v = bestValue;
            if (Double.isNaN(b) || Double.isNaN(v)) {
                return false;
            }
            return v - b <= relativeGap * Math.max(1e-9, Math.abs(v));
        }
    }
}
