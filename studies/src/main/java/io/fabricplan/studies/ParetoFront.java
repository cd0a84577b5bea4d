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
 * <p>Method: the balanced box method (Boland, Charkhgard and Savelsbergh, "A criterion space search algorithm for
 * biobjective integer programming: the balanced box method", INFORMS J. Computing 27(4), 2015) over the planner's
 * budgets. The two extreme points come first, each by a lexicographic pair of solves (least x, then least y among
 * those plans; least y, then least x). Each box between two known points is split at its middle y: the
 * lexicographic least x below the middle gives one point, the lexicographic least y left of it another, and the
 * parts between them and the corners are new boxes. Boxes are searched largest first, {@code parallel} at once, so
 * that a front stopped early has explored where most of the area was. Each box takes four solves and finds up to
 * two points; with exact totals (figures given to a few decimals, see {@link #RESOLUTION}) and every solve proven,
 * the points are the whole front.
 *
 * <p>Stopped by the time limit (or a cancellation), the result holds the points found, every box not searched as
 * an open region with its certified lower bound (its corner, or a solve's bound: no plan with y in the region has
 * x below it), the hypervolume between the points and those bounds relative to the front's box, and
 * {@code exact = false}.
 *
 * <p>Thread-safe: holds no state between calls.
 */
public final class ParetoFront {
    /**
     * Points closer than this in y (W or USD) are one point: the epsilon steps go below the last point by half of
     * it. Far below any figure's precision that matters to a buyer, and above the round-off of sums of figures.
     */
    public static final double RESOLUTION = 1e-3;

    /** The least side of the box a hypervolume gap is relative to, as a fraction of the values. */
    static final double DEGENERATE_BOX = 0.01;

    /** A solve may take at most the front's time limit over this (and at least a second). */
    static final double SOLVES_PER_LIMIT = 20;

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
     * @param parallel         boxes searched at once (each solve on {@code threads} threads)
     */
    public record Options(Total x, Total y, double timeLimitSeconds, int threads, long seed, SolverKind solver,
                          int parallel) {
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
            if (parallel < 1) {
                throw new IllegalArgumentException("parallel must be at least 1, got " + parallel);
            }
        }

        /** One box at a time. */
        public Options(Total x, Total y, double timeLimitSeconds, int threads, long seed, SolverKind solver) {
            this(x, y, timeLimitSeconds, threads, seed, solver, 1);
        }

        /** Capex against power, with the given time limit: a box per core, one solver thread each. */
        public static Options capexPower(double timeLimitSeconds) {
            return new Options(Total.CAPEX, Total.POWER, timeLimitSeconds, 1, 0, SolverKind.AUTO,
                    Runtime.getRuntime().availableProcessors());
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

    /** One front's search: its clock, its solves, its boxes, points and open regions. */
    private final class Run {
        private final Instance instance;
        private final Options options;
        private final PointListener listener;
        private final Cancellation cancellation;
        private final long start = System.nanoTime();
        private final List<Found> found = new ArrayList<>();
        private final List<FrontReport.OpenRegion> open = new ArrayList<>();
        private final List<String> diagnostics = new ArrayList<>();
        private final java.util.concurrent.atomic.AtomicInteger solves = new java.util.concurrent.atomic.AtomicInteger();
        /** Boxes to search, largest first; guarded by {@code this}. */
        private final java.util.PriorityQueue<Box> boxes = new java.util.PriorityQueue<>(
                Comparator.comparingDouble(Box::area).reversed());
        private int busy;
        private boolean proven = true;
        /** Whether the two extreme points are being solved (before any box, on this thread alone). */
        private volatile boolean extremes;

        Run(Instance instance, Options options, PointListener listener, Cancellation cancellation) {
            this.instance = instance;
            this.options = options;
            this.listener = listener;
            this.cancellation = cancellation;
        }

        Result run() {
            Total x = options.x();
            Total y = options.y();
            // the extremes bound everything else: each may take a third of the time, not a box's share
            extremes = true;
            Lex top = lexicographic(x, y, Budgets.NONE);
            if (top.result == null) {
                boolean infeasible = top.status == SolveStatus.INFEASIBLE || top.status == SolveStatus.INVALID;
                diagnostics.addAll(top.diagnostics);
                return result(infeasible, Double.NaN);
            }
            Found z1 = add(top);
            Lex bottom = lexicographic(y, x, Budgets.NONE);
            // the least y any plan may have: the bottom point's, or below it the bound of a solve cut short
            double yLow = bottom.result != null && bottom.proven ? bottom.y
                    : Double.isNaN(bottom.primaryBound) ? (bottom.result != null ? bottom.y : z1.y)
                    : Math.min(bottom.result != null ? bottom.y : z1.y, bottom.primaryBound);
            if (bottom.result == null) {
                // the least-y end is unknown: everything below the first point stays open
                addOpen(new FrontReport.OpenRegion(yLow, z1.y, z1.x));
                return result(false, yLow);
            }
            Found z2 = add(bottom);
            extremes = false;
            if (!top.proven) {
                // a plan may yet cost less than the least-x point found: anywhere at or below its y, down to the bound
                open(yLow, Math.max(z1.y, yLow) + RESOLUTION, Double.isNaN(top.primaryBound)
                        ? Double.NEGATIVE_INFINITY : top.primaryBound, z1.x);
            }
            if (!bottom.proven && yLow < z2.y) {
                open(yLow, z2.y, Double.isNaN(top.primaryBound) ? z1.x : Math.min(z1.x, top.primaryBound),
                        Double.POSITIVE_INFINITY);
            }
            if (z2 != z1 && z2.x > z1.x + RESOLUTION / 2 && z2.y < z1.y - RESOLUTION / 2) {
                boxes.add(new Box(z1, z2));
            }
            searchBoxes();
            boolean exact;
            synchronized (this) {
                for (Box box : boxes) {
                    addOpen(new FrontReport.OpenRegion(box.z2.y, box.z1.y, box.z1.x, box.z2.x));
                }
                exact = boxes.isEmpty() && open.isEmpty() && proven;
            }
            return result(exact, yLow);
        }

        /** Splits boxes, the largest first, on {@code parallel} threads until none is left or time is up. */
        private void searchBoxes() {
            int workers = Math.max(1, options.parallel());
            if (workers == 1) {
                worker();
                return;
            }
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                Thread t = new Thread(this::worker, "fabricplan-pareto-" + (i + 1));
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancellation.cancel();
                }
            }
        }

        private void worker() {
            while (true) {
                Box box;
                synchronized (this) {
                    while (boxes.isEmpty() && busy > 0 && !stopped()) {
                        try {
                            wait(100);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                    if (boxes.isEmpty() || stopped()) {
                        notifyAll();
                        return;
                    }
                    box = boxes.poll();
                    busy++;
                }
                try {
                    split(box);
                } finally {
                    synchronized (this) {
                        busy--;
                        notifyAll();
                    }
                }
            }
        }

        /**
         * The balanced box step (Boland, Charkhgard and Savelsbergh 2015): the least x with y at most the box's
         * middle gives the bottom point; the least y with x below that point's gives the top point; the parts
         * between them and the box's corners are the new boxes. A solve cut short leaves its part open, with the
         * bound it proved.
         */
        private void split(Box box) {
            Total x = options.x();
            Total y = options.y();
            double yMid = (box.z1.y + box.z2.y) / 2;
            Budgets lower = x.limit(y.limit(Budgets.NONE, yMid), box.z2.x + RESOLUTION / 2);
            Lex low = lexicographic(x, y, lower);
            if (low.result == null) {
                // nothing found in time: the whole box stays open, bounded by its corner or the solve's bound
                open(box.z2.y, box.z1.y, Double.isNaN(low.primaryBound) ? box.z1.x
                        : Math.max(box.z1.x, low.primaryBound), box.z2.x);
                return;
            }
            Found bottom = add(low);
            if (!low.proven) {
                // a plan below the middle may yet have x between the bound and this point's
                open(box.z2.y, yMid, Double.isNaN(low.primaryBound) ? box.z1.x
                        : Math.max(box.z1.x, low.primaryBound), bottom.x);
            }
            Budgets upper = y.limit(x.limit(Budgets.NONE, bottom.x - RESOLUTION / 2), box.z1.y + RESOLUTION / 2);
            Lex high = lexicographic(y, x, upper);
            if (high.result == null) {
                open(yMid, box.z1.y, box.z1.x, bottom.x);
            } else {
                Found top = add(high);
                if (!high.proven) {
                    // a plan left of the bottom point may yet have y between the bound and this point's
                    open(Double.isNaN(high.primaryBound) ? yMid : Math.max(yMid, high.primaryBound), top.y,
                            box.z1.x, bottom.x);
                }
                push(box.z1, top);
            }
            push(bottom, box.z2);
        }

        private void open(double yFrom, double yTo, double xLowerBound, double xUpTo) {
            synchronized (this) {
                addOpen(new FrontReport.OpenRegion(yFrom, yTo, xLowerBound, xUpTo));
                proven = false;
            }
        }

        private void push(Found a, Found b) {
            if (a != b && b.x > a.x + RESOLUTION / 2 && b.y < a.y - RESOLUTION / 2) {
                synchronized (this) {
                    boxes.add(new Box(a, b));
                    notifyAll();
                }
            }
        }

        private void addOpen(FrontReport.OpenRegion region) {
            if (region.yTo() > region.yFrom()) {
                open.add(region);
            }
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
            boolean optimal = first.status() == SolveStatus.OPTIMAL;
            PlanResult second = solve(secondary, primary.limit(budgets, best * (1 + 1e-12) + 1e-9));
            if (second != null && second.status().hasPlan()
                    && secondary.of(second.evaluation()) <= secondary.of(first.evaluation())) {
                chosen = second;
            }
            optimal &= second != null && second.status() == SolveStatus.OPTIMAL;
            return new Lex(chosen, chosen.evaluation(), first.status(), optimal, bound,
                    options.x().of(chosen.evaluation()), options.y().of(chosen.evaluation()), List.of());
        }

        private PlanResult solve(Total objective, Budgets budgets) {
            double left = remaining();
            if (left <= 0.05 || cancellation.isCancelled()) {
                return null;
            }
            // a solve that cannot prove its optimum in a twentieth of the front's time leaves its part open with its
            // bound, so that one hard box does not take the time every other box needs; the extremes, which bound
            // everything else, may take a third of what is left
            double limit = Math.min(left, Math.max(1.0, extremes ? left / 3
                    : options.timeLimitSeconds() / SOLVES_PER_LIMIT));
            SolveOptions solveOptions = new SolveOptions(objective.objective, limit, 0.0, options.threads(),
                    options.seed(), options.solver(), null).withBudgets(budgets);
            Instance target = instance;
            if (objective == Total.TCO && instance.settings().objective() != Objective.TCO) {
                target = instance.withSettings(instance.settings().withObjective(Objective.TCO));
            }
            solves.incrementAndGet();
            return planner.solve(target, solveOptions, ProgressListener.NONE, cancellation);
        }

        /** Keeps the point (once), its plan checked; returns it (or the equal point found before). */
        private Found add(Lex lex) {
            synchronized (this) {
                for (Found f : found) {
                    if (Math.abs(f.x - lex.x) <= RESOLUTION / 2 && Math.abs(f.y - lex.y) <= RESOLUTION / 2) {
                        return f;
                    }
                }
            }
            CheckReport report = new PlanChecker(instance).check(lex.result.plan());
            if (!report.passed()) {
                throw new IllegalStateException("the plan of front point (" + lex.x + ", " + lex.y
                        + ") fails the checker: " + report.violations());
            }
            Found f = new Found(lex.x, lex.y, lex.result, lex.evaluation, lex.proven);
            synchronized (this) {
                found.add(f);
                proven &= lex.proven;
                listener.onPoint(point(f, false), lex.result, solves.get());
            }
            return f;
        }

        private FrontPoint point(Found f, boolean knee) {
            return new FrontPoint(f.x, f.y, Figures.of(instance, f.evaluation), f.proven ? "OPTIMAL" : "FEASIBLE",
                    knee);
        }

        private Result result(boolean exact, double yLow) {
            List<Found> front;
            List<FrontReport.OpenRegion> regions;
            synchronized (this) {
                front = nondominated();
                regions = exact ? List.of() : List.copyOf(open);
            }
            int knee = knee(front);
            List<FrontPoint> points = new ArrayList<>();
            List<PlanResult> results = new ArrayList<>();
            for (int i = 0; i < front.size(); i++) {
                points.add(point(front.get(i), i == knee));
                results.add(front.get(i).result);
            }
            List<FrontReport.OpenRegion> sorted = new ArrayList<>(regions);
            sorted.sort(Comparator.comparingDouble(FrontReport.OpenRegion::yFrom));
            // a front whose only point is unproven certifies nothing of its area: all of it is doubt
            double gap = exact ? 0 : front.size() <= 1 ? 1.0 : hypervolumeGap(front, sorted, yLow);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(new FrontReport(options.x().name().toLowerCase(Locale.ROOT),
                    options.y().name().toLowerCase(Locale.ROOT), points, sorted, exact, gap, solves.get(), seconds),
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
         * The area of the open regions between their certified bound and the points' staircase (the least x of a
         * point at or below the region), relative to the front's box (x from least to most, y from least to most).
         */
        private double hypervolumeGap(List<Found> front, List<FrontReport.OpenRegion> regions, double yLow) {
            if (front.isEmpty()) {
                return 1.0;
            }
            double xMin = front.get(0).x;
            for (FrontReport.OpenRegion r : regions) {
                if (Double.isFinite(r.xLowerBound())) {
                    xMin = Math.min(xMin, r.xLowerBound());
                }
            }
            double xMax = front.get(front.size() - 1).x;
            double yMax = front.get(0).y;
            double yMin = Math.min(yLow, front.get(front.size() - 1).y);
            // a front of one point (or one line) is measured against a box 1 % of its values wide in that direction
            double width = Math.max(xMax - xMin, DEGENERATE_BOX * Math.abs(xMax));
            double height = Math.max(yMax - yMin, DEGENERATE_BOX * Math.abs(yMax));
            double box = width * height;
            double area = 0;
            for (FrontReport.OpenRegion r : regions) {
                double lowerX = Double.isFinite(r.xLowerBound()) ? Math.max(r.xLowerBound(), xMin) : xMin;
                // the points' staircase U(y) = least x of a point at or below y is constant between points' y
                List<Double> cuts = new ArrayList<>(List.of(r.yFrom(), r.yTo()));
                for (Found f : front) {
                    if (f.y > r.yFrom() && f.y < r.yTo()) {
                        cuts.add(f.y);
                    }
                }
                cuts.sort(null);
                for (int k = 0; k + 1 < cuts.size(); k++) {
                    double upper = Math.min(staircase(front, cuts.get(k), xMax), r.xUpTo());
                    area += Math.max(0, upper - lowerX) * (cuts.get(k + 1) - cuts.get(k));
                }
            }
            return box > 0 ? Math.min(1.0, area / box) : (regions.isEmpty() ? 0 : 1.0);
        }

        /** The least x of a point with y at most {@code y} (within the resolution); {@code none} when there is none. */
        private double staircase(List<Found> front, double y, double none) {
            double best = Double.POSITIVE_INFINITY;
            for (Found f : front) {
                if (f.y <= y + RESOLUTION / 2) {
                    best = Math.min(best, f.x);
                }
            }
            return Double.isInfinite(best) ? none : best;
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

    /** A part of the front still to search: between two known points, z1 (least x) and z2 (least y). */
    private record Box(Found z1, Found z2) {
        double area() {
            return (z2.x - z1.x) * (z1.y - z2.y);
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
