package io.fabricplan.studies;

import io.fabricplan.api.Budgets;
import io.fabricplan.api.Cancellation;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.Planner;
import io.fabricplan.api.ProgressListener;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.check.CheckReport;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Objective;
import io.fabricplan.model.PlanEvaluation;
import io.fabricplan.model.SolverKind;
import io.fabricplan.study.FrontPoint;
import io.fabricplan.study.FrontReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The Pareto front of two totals of a fabric plan (capex against power by default), both minimised: every
 * nondominated point, supported or not, each a plan that passes the independent checker.
 *
 * <p>Method: the lexicographic epsilon-constraint method (Haimes, Lasdon and Wismer 1971; lexicographic
 * variant as in Mavrotas 2009, AUGMECON) over the planner's budgets. The two extreme points come first (least x,
 * then least y among those plans; and least y, then least x); then, from the least-x point down, each step
 * minimises x with {@code y <= y_last - resolution / 2} and, lexicographically, y with x at most that optimum.
 * Each step whose two solves are proven optimal closes the region between two points; with exact totals
 * (figures given to a few decimals, see {@link #RESOLUTION}) the points are then the whole front. The number of
 * solves is 2 x (points + 1); each solve is the planner's own (validation, rule of thumb, model, search).
 *
 * <p>Stopped by the time limit (or a cancellation), the result holds the points found, a certified lower bound
 * for every region left open (the solves' bounds: no plan with y at most eps has x below the bound), the
 * hypervolume between the two staircases relative to the front's box, and {@code exact = false}.
 *
 * <p>Thread-safe: holds no state between calls.
 */
public final class ParetoFront {
    /**
     * Points closer than this in y (W or USD) are one point: the epsilon steps go below the last point by half of
     * it. Far below any figure's precision that matters to a buyer, and above the round-off of sums of figures.
     */
    public static final double RESOLUTION = 1e-3;

    /** A total of a plan that a front can put on an axis. */
    public enum Total {
        CAPEX("capex_usd", Objective.COST),
        POWER("power_w", Objective.POWER),
        TCO("tco_usd", Objective.TCO);

        private final String column;
        private final Objective objective;

        Total(String column, Objective objective) {
            this.column = column;
            this.objective = objective;
        }

        /** The column name of the total in results, e.g. {@code capex_usd}. */
        public String column() {
            return column;
        }

        /** The total of an evaluated plan. */
        public double of(PlanEvaluation evaluation) {
            return switch (this) {
                case CAPEX -> evaluation.capexUsd();
                case POWER -> evaluation.powerW();
                case TCO -> evaluation.tcoUsd();
            };
        }

        Budgets limit(Budgets budgets, double value) {
            return switch (this) {
                case CAPEX -> budgets.withCapexUsd(Math.min(budgets.capexUsd(), value));
                case POWER -> budgets.withPowerW(Math.min(budgets.powerW(), value));
                case TCO -> budgets.withTcoUsd(Math.min(budgets.tcoUsd(), value));
            };
        }

        /** The total named by a flag value ({@code capex}, {@code power}, {@code tco}), or null. */
        public static Total parse(String name) {
            for (Total t : values()) {
                if (t.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                    return t;
                }
            }
            return null;
        }
    }

    /**
     * How a front is solved.
     *
     * @param x                the total on the first axis (minimised in each step)
     * @param y                the total on the second axis (bounded in each step)
     * @param timeLimitSeconds wall time of the whole front
     * @param threads          solver threads of each solve, 0 = all cores
     * @param seed             solver seed
     * @param solver           engine
     */
    public record Options(Total x, Total y, double timeLimitSeconds, int threads, long seed, SolverKind solver) {
        public Options {
            Objects.requireNonNull(x, "x");
            Objects.requireNonNull(y, "y");
            Objects.requireNonNull(solver, "solver");
            if (x == y) {
                throw new IllegalArgumentException("a front needs two different totals, got " + x + " twice");
            }
            if (!(timeLimitSeconds > 0)) {
                throw new IllegalArgumentException("timeLimitSeconds must be positive, got " + timeLimitSeconds);
            }
        }

        /** Capex against power, with the given time limit, all cores, CP-SAT when natives load. */
        public static Options capexPower(double timeLimitSeconds) {
            return new Options(Total.CAPEX, Total.POWER, timeLimitSeconds, 0, 0, SolverKind.AUTO);
        }
    }

    /** Hears of each point as it is found (its plan checked), e.g. to write its plan or show progress. */
    @FunctionalInterface
    public interface PointListener {
        PointListener NONE = (point, result, solves) -> { };

        /**
         * @param point  the point, its plan checked
         * @param result the solve that gave its plan (objective: the total that solve minimised)
         * @param solves solves made so far
         */
        void onPoint(FrontPoint point, PlanResult result, int solves);
    }

    /** The front, the solves that gave its points' plans (same order), and why there is none when it is empty. */
    public record Result(FrontReport report, List<PlanResult> results, List<String> diagnostics) {
        public Result {
            results = List.copyOf(results);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    private final Planner planner;

    public ParetoFront(Planner planner) {
        this.planner = Objects.requireNonNull(planner, "planner");
    }

    /** Solves the front of the instance within the options' time limit; the cancellation stops it early. */
    public Result solve(Instance instance, Options options, PointListener listener, Cancellation cancellation) {
        return new Run(instance, options, listener, cancellation).run();
    }

    /** One front's search: its clock, its solves, its points and bounds. */
    private final class Run {
        private final Instance instance;
        private final Options options;
        private final PointListener listener;
        private final Cancellation cancellation;
        private final long start = System.nanoTime();
        private final List<Found> found = new ArrayList<>();
        /** Certified: every plan with y <= eps has x >= bound. */
        private final List<double[]> certified = new ArrayList<>();
        private final List<String> diagnostics = new ArrayList<>();
        private int solves;

        Run(Instance instance, Options options, PointListener listener, Cancellation cancellation) {
            this.instance = instance;
            this.options = options;
            this.listener = listener;
            this.cancellation = cancellation;
        }

        Result run() {
            Total x = options.x();
            Total y = options.y();
            Lex least = lexicographic(x, y, Budgets.NONE);
            if (least.result == null) {
                boolean infeasible = least.status == SolveStatus.INFEASIBLE || least.status == SolveStatus.INVALID;
                diagnostics.addAll(least.diagnostics);
                return result(infeasible, Double.NaN, Double.NaN, Double.NaN);
            }
            certified.add(new double[] {Double.POSITIVE_INFINITY, least.primaryBound});
            add(least);
            Lex other = lexicographic(y, x, Budgets.NONE);
            double yLow = other.result != null ? other.y : Double.isNaN(other.primaryBound) ? least.y
                    : other.primaryBound;
            boolean otherProven = other.result != null && other.proven;
            if (other.result != null) {
                add(other);
            }
            boolean closed = false;
            double lastY = least.y;
            while (!(otherProven && lastY <= other.y + RESOLUTION / 2) && !stopped()) {
                double eps = lastY - RESOLUTION / 2;
                Lex step = lexicographic(x, y, y.limit(Budgets.NONE, eps));
                if (step.status == SolveStatus.INFEASIBLE) {
                    certified.add(new double[] {eps, Double.POSITIVE_INFINITY});
                    closed = true;
                    break;
                }
                if (!Double.isNaN(step.primaryBound)) {
                    certified.add(new double[] {eps, step.primaryBound});
                }
                if (step.result == null) {
                    break;
                }
                add(step);
                lastY = step.y;
            }
            boolean exact = (closed || (otherProven && lastY <= other.y + RESOLUTION / 2))
                    && found.stream().allMatch(f -> f.proven);
            return result(exact, yLow, least.x, least.primaryBound);
        }

        private boolean stopped() {
            return cancellation.isCancelled() || remaining() <= 0.05;
        }

        private double remaining() {
            return options.timeLimitSeconds() - (System.nanoTime() - start) / 1e9;
        }

        /** Least primary total within the budgets, then least secondary among plans with that primary. */
        private Lex lexicographic(Total primary, Total secondary, Budgets budgets) {
            PlanResult first = solve(primary, budgets);
            if (first == null || !first.status().hasPlan()) {
                return Lex.none(first == null ? SolveStatus.NO_SOLUTION : first.status(),
                        first == null ? Double.NaN : first.bestBound(),
                        first == null ? List.of("the time ran out") : first.diagnostics());
            }
            double best = primary.of(first.evaluation());
            double bound = first.status() == SolveStatus.OPTIMAL ? best : first.bestBound();
            PlanResult chosen = first;
            boolean proven = first.status() == SolveStatus.OPTIMAL;
            PlanResult second = solve(secondary, primary.limit(budgets, best * (1 + 1e-12) + 1e-9));
            if (second != null && second.status().hasPlan()
                    && secondary.of(second.evaluation()) <= secondary.of(first.evaluation())) {
                chosen = second;
                proven &= second.status() == SolveStatus.OPTIMAL;
            } else {
                proven &= second != null && second.status() == SolveStatus.OPTIMAL;
            }
            return new Lex(chosen, chosen.evaluation(), first.status(), proven, bound,
                    options.x().of(chosen.evaluation()), options.y().of(chosen.evaluation()), List.of());
        }

        private PlanResult solve(Total objective, Budgets budgets) {
            double left = remaining();
            if (left <= 0.05 || cancellation.isCancelled()) {
                return null;
            }
            SolveOptions solveOptions = new SolveOptions(objective.objective, left, 0.0, options.threads(),
                    options.seed(), options.solver(), null).withBudgets(budgets);
            Instance target = instance;
            if (objective == Total.TCO && instance.settings().objective() != Objective.TCO) {
                target = instance.withSettings(instance.settings().withObjective(Objective.TCO));
            }
            solves++;
            return planner.solve(target, solveOptions, ProgressListener.NONE, cancellation);
        }

        private void add(Lex lex) {
            for (Found f : found) {
                if (Math.abs(f.x - lex.x) <= RESOLUTION / 2 && Math.abs(f.y - lex.y) <= RESOLUTION / 2) {
                    return; // the same point again (the two extremes coincide)
                }
            }
            CheckReport report = new PlanChecker(instance).check(lex.result.plan());
            if (!report.passed()) {
                throw new IllegalStateException("the plan of front point (" + lex.x + ", " + lex.y
                        + ") fails the checker: " + report.violations());
            }
            Found f = new Found(lex.x, lex.y, lex.result, lex.evaluation, lex.proven);
            found.add(f);
            listener.onPoint(point(f, false), lex.result, solves);
        }

        private FrontPoint point(Found f, boolean knee) {
            return new FrontPoint(f.x, f.y, Figures.of(instance, f.evaluation), f.proven ? "OPTIMAL" : "FEASIBLE",
                    knee);
        }

        private Result result(boolean exact, double yLow, double xLeast, double xLeastBound) {
            List<Found> front = nondominated();
            int knee = knee(front);
            List<FrontPoint> points = new ArrayList<>();
            List<PlanResult> results = new ArrayList<>();
            for (int i = 0; i < front.size(); i++) {
                points.add(point(front.get(i), i == knee));
                results.add(front.get(i).result);
            }
            List<FrontReport.OpenRegion> open = exact ? List.of() : openRegions(front, yLow);
            double gap = exact ? 0 : hypervolumeGap(front, open, yLow);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(new FrontReport(options.x().name().toLowerCase(Locale.ROOT),
                    options.y().name().toLowerCase(Locale.ROOT), points, open, exact, gap, solves, seconds),
                    results, diagnostics);
        }

        /** The points no other point dominates, by increasing x. */
        private List<Found> nondominated() {
            List<Found> sorted = new ArrayList<>(found);
            sorted.sort(Comparator.comparingDouble((Found f) -> f.x).thenComparingDouble(f -> f.y));
            List<Found> out = new ArrayList<>();
            for (Found f : sorted) {
                if (out.isEmpty() || f.y < out.get(out.size() - 1).y - RESOLUTION / 2) {
                    out.add(f);
                }
            }
            return out;
        }

        /**
         * The regions of y not closed: between consecutive points (and below the last), the best certified lower
         * bound on x there, where it is below the next point's x.
         */
        private List<FrontReport.OpenRegion> openRegions(List<Found> front, double yLow) {
            List<FrontReport.OpenRegion> out = new ArrayList<>();
            for (int i = 0; i < front.size(); i++) {
                double yTo = front.get(i).y;
                double yFrom = i + 1 < front.size() ? front.get(i + 1).y : yLow;
                double nextX = i + 1 < front.size() ? front.get(i + 1).x : Double.POSITIVE_INFINITY;
                if (!(yFrom < yTo)) {
                    continue;
                }
                double bound = lowerBoundBelow(yTo - RESOLUTION / 2);
                if (bound < nextX - RESOLUTION) {
                    out.add(new FrontReport.OpenRegion(yFrom, yTo, bound));
                }
            }
            return out;
        }

        /** The best certified lower bound on x for plans with y at most {@code y}. */
        private double lowerBoundBelow(double y) {
            double best = Double.NEGATIVE_INFINITY;
            for (double[] c : certified) {
                if (c[0] >= y && !Double.isNaN(c[1])) {
                    best = Math.max(best, c[1]);
                }
            }
            return best;
        }

        /**
         * The area between the points' staircase (the least x of a point at or below y) and the bounds' staircase
         * over the y range of the front, relative to the front's box (x from least to most, y from least to most).
         */
        private double hypervolumeGap(List<Found> front, List<FrontReport.OpenRegion> open, double yLow) {
            if (front.isEmpty()) {
                return 1.0;
            }
            double xMin = Math.min(front.get(0).x, lowerBoundBelow(Double.POSITIVE_INFINITY));
            double xMax = front.get(front.size() - 1).x;
            double yMax = front.get(0).y;
            double yMin = Math.min(yLow, front.get(front.size() - 1).y);
            double box = (xMax - xMin) * (yMax - yMin);
            double area = 0;
            for (FrontReport.OpenRegion r : open) {
                double upper = Double.POSITIVE_INFINITY;
                for (Found f : front) {
                    if (f.y <= r.yFrom() + RESOLUTION / 2) {
                        upper = Math.min(upper, f.x);
                    }
                }
                upper = Double.isInfinite(upper) ? xMax : upper;
                double lower = Math.max(r.xLowerBound(), xMin);
                area += Math.max(0, upper - lower) * (r.yTo() - r.yFrom());
            }
            return box > 0 ? Math.min(1.0, area / box) : (open.isEmpty() ? 0 : 1.0);
        }

        /** The point farthest from the line between the extremes, on axes scaled to the front's box; -1 if < 3. */
        private int knee(List<Found> front) {
            if (front.size() < 3) {
                return -1;
            }
            Found a = front.get(0);
            Found b = front.get(front.size() - 1);
            double dx = b.x - a.x;
            double dy = a.y - b.y;
            if (dx <= 0 || dy <= 0) {
                return -1;
            }
            int best = -1;
            double bestDistance = 0;
            for (int i = 1; i + 1 < front.size(); i++) {
                double u = (front.get(i).x - a.x) / dx;
                double v = (front.get(i).y - b.y) / dy;
                double distance = (1 - u - v) / Math.sqrt(2); // below the line u + v = 1
                if (distance > bestDistance) {
                    bestDistance = distance;
                    best = i;
                }
            }
            return best;
        }
    }

    private record Found(double x, double y, PlanResult result, PlanEvaluation evaluation, boolean proven) {
    }

    /**
     * A lexicographic solve: its plan (null when none), the bound of its primary total (in that total's unit), the
     * point on the front's axes.
     */
    private record Lex(PlanResult result, PlanEvaluation evaluation, SolveStatus status, boolean proven,
                       double primaryBound, double x, double y, List<String> diagnostics) {
        static Lex none(SolveStatus status, double bound, List<String> diagnostics) {
            return new Lex(null, null, status, false, bound, Double.NaN, Double.NaN, diagnostics);
        }
    }
}
