package io.fabricplan.studies;

import io.fabricplan.api.Baseline;
import io.fabricplan.api.Cancellation;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.Planner;
import io.fabricplan.api.ProgressListener;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.check.CheckReport;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Settings;
import io.fabricplan.study.FrontPoint;
import io.fabricplan.study.FrontReport;
import io.fabricplan.study.PlanFigures;
import io.fabricplan.study.Scenario;
import io.fabricplan.study.ScenarioResult;
import io.fabricplan.validate.InputProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a study: every scenario's instance (the base with its overrides), solved by the planner and checked by the
 * independent checker, several at once; each finished scenario is journalled at once and reported to the
 * listener; each worker's last plan warm-starts its next scenario (the search's hint, where it is still a valid plan
 * there and better than the repaired rule of thumb). A scenario that fails (invalid after its overrides, infeasible, no plan in its limit, even an
 * internal error) keeps its row with the reason and never stops the study. Cancelled, it stops the running solves
 * and returns the rows finished before; those it stopped are not kept (a resumed study runs them again).
 *
 * <p>Thread-safe like {@link Planner}: one runner may run several studies at once.
 */
public final class StudyRunner {
    /** Status of a row whose scenario asked for a Pareto front. */
    public static final String FRONT = "FRONT";
    /** Status of a row whose solve threw: a defect, reported with the scenario rather than ending the study. */
    public static final String FAILED = "FAILED";

    /**
     * How a study runs.
     *
     * @param parallel         scenarios solved at once
     * @param threadsPerSolve  solver threads of each solve (parallel x threads = cores is the default the CLI
     *                         takes)
     * @param timeLimitSeconds each scenario's time limit; NaN keeps the scenario's own ({@code time_limit_s})
     * @param only             positions of the scenarios to run (a shard), null for all
     */
    public record Options(int parallel, int threadsPerSolve, double timeLimitSeconds, List<Integer> only) {
        public Options {
            if (parallel < 1) {
                throw new IllegalArgumentException("parallel must be at least 1, got " + parallel);
            }
            if (threadsPerSolve < 0) {
                throw new IllegalArgumentException("threadsPerSolve must be >= 0, got " + threadsPerSolve);
            }
            only = only == null ? null : List.copyOf(only);
        }

        /** Parallel x threads per solve = the machine's cores (at least one thread each). */
        public static Options forCores(int parallel) {
            int cores = Runtime.getRuntime().availableProcessors();
            return new Options(parallel, Math.max(1, cores / parallel), Double.NaN, null);
        }
    }

    /** Hears of each finished scenario (from the worker threads: implementations must be thread-safe). */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        /**
         * A scenario is done.
         *
         * @param index    its position in the study
         * @param row      its row
         * @param instance its instance (the base with its overrides), null when they did not apply
         * @param result   its solve, whose plan (if any) passed the checker; null for a front, or when the
         *                 overrides did not apply
         * @param front    its front with the points' solves, null unless it asked for one
         */
        default void onScenarioDone(int index, ScenarioResult row, Instance instance, PlanResult result,
                                    ParetoFront.Result front) {
        }
    }

    /**
     * What a run gave.
     *
     * @param rows     the finished scenarios' rows in study order (resumed ones included)
     * @param fronts   scenario id to front, for scenarios that asked for one
     * @param resumed  rows taken from the journal rather than solved
     * @param stopped  true when cancelled before every scenario was done
     * @param seconds  wall time of this run
     */
    public record Outcome(List<ScenarioResult> rows, Map<String, FrontReport> fronts, int resumed, boolean stopped,
                          double seconds) {
        public Outcome {
            rows = List.copyOf(rows);
            fronts = Map.copyOf(fronts);
        }
    }

    private final Planner planner;

    public StudyRunner(Planner planner) {
        this.planner = Objects.requireNonNull(planner, "planner");
    }

    /**
     * Runs the study.
     *
     * @param journal      where finished scenarios are appended, or null
     * @param done         journal entries of an earlier run: scenarios with the same id and overrides, solved
     *                     from the same base instance, are not solved again
     * @param cancellation stops the study (the running solves end with no row)
     */
    public Outcome run(Study study, Options options, StudyJournal journal, List<StudyJournal.Entry> done,
                       Listener listener, Cancellation cancellation) {
        long start = System.nanoTime();
        Map<String, StudyJournal.Entry> previous = new HashMap<>();
        String base = done.isEmpty() && journal == null ? "" : study.digest();
        for (StudyJournal.Entry e : done) {
            if (e.base().isEmpty() || e.base().equals(base)) {
                previous.put(StudyJournal.fingerprint(e.result().scenario()), e);
            }
        }
        List<Integer> positions = options.only() != null ? options.only()
                : java.util.stream.IntStream.range(0, study.scenarios().size()).boxed().toList();
        Map<Integer, StudyJournal.Entry> finished = new java.util.concurrent.ConcurrentHashMap<>();
        List<Integer> toRun = new ArrayList<>();
        for (int i : positions) {
            StudyJournal.Entry e = previous.get(StudyJournal.fingerprint(study.scenarios().get(i)));
            if (e != null) {
                finished.put(i, new StudyJournal.Entry(i, e.result(), e.front(), base));
            } else {
                toRun.add(i);
            }
        }
        int resumed = finished.size();
        ExecutorService pool = Executors.newFixedThreadPool(options.parallel(), new java.util.concurrent.ThreadFactory() {
            private final AtomicInteger count = new AtomicInteger();

            @Override
            public Thread newThread(Runnable r) {
                Thread t = new Thread(r, "fabricplan-study-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            }
        });
        List<Future<?>> futures = new ArrayList<>();
        // each worker's last plan warm-starts its next scenario, where it is still a valid plan there
        Map<Thread, io.fabricplan.model.Plan> lastPlan = new java.util.concurrent.ConcurrentHashMap<>();
        try {
            for (int i : toRun) {
                futures.add(pool.submit(() -> {
                    if (cancellation.isCancelled()) {
                        return;
                    }
                    Solved solved = solve(study.instance(), study.scenarios().get(i), options, cancellation,
                            lastPlan.get(Thread.currentThread()));
                    if (solved != null && solved.result != null && solved.result.plan() != null) {
                        lastPlan.put(Thread.currentThread(), solved.result.plan());
                    }
                    if (solved == null || cancellation.isCancelled() && !solved.completed) {
                        return; // stopped by the cancellation: not this scenario's answer
                    }
                    StudyJournal.Entry entry = new StudyJournal.Entry(i, solved.row,
                            solved.front == null ? null : solved.front.report(), base);
                    if (journal != null) {
                        journal.append(entry);
                    }
                    finished.put(i, entry);
                    listener.onScenarioDone(i, solved.row, solved.instance, solved.result, solved.front);
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a study worker failed: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancellation.cancel();
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<ScenarioResult> rows = new ArrayList<>();
        Map<String, FrontReport> fronts = new LinkedHashMap<>();
        finished.values().stream().sorted(Comparator.comparingInt(StudyJournal.Entry::index)).forEach(e -> {
            rows.add(e.result());
            if (e.front() != null) {
                fronts.put(e.result().scenario().id(), e.front());
            }
        });
        boolean stopped = finished.size() < positions.size();
        return new Outcome(rows, fronts, resumed, stopped, (System.nanoTime() - start) / 1e9);
    }

    private record Solved(ScenarioResult row, Instance instance, PlanResult result, ParetoFront.Result front,
                          boolean completed) {
    }

    /** One scenario: overrides, solve (or front), check, figures; never throws. */
    private Solved solve(Instance base, Scenario scenario, Options options, Cancellation studyCancellation,
                         io.fabricplan.model.Plan neighbour) {
        long start = System.nanoTime();
        Instance instance = null;
        try {
            ScenarioInstances.Applied applied = ScenarioInstances.apply(base, scenario);
            if (!applied.problems().isEmpty()) {
                return new Solved(ScenarioResult.failed(scenario, "INVALID", "", seconds(start),
                        String.join("; ", applied.problems().stream().map(StudyRunner::oneLine).toList())),
                        null, null, null, true);
            }
            instance = applied.instance();
            Settings settings = instance.settings();
            double limit = Double.isNaN(options.timeLimitSeconds()) ? settings.timeLimitS()
                    : options.timeLimitSeconds();
            if (scenario.pareto()) {
                return front(scenario, instance, limit, options, studyCancellation, start);
            }
            SolveOptions solveOptions = SolveOptions.from(settings).withThreads(options.threadsPerSolve())
                    .withTimeLimitSeconds(limit).withWarmStart(neighbour);
            PlanResult result = planner.solve(instance, solveOptions, ProgressListener.NONE, studyCancellation);
            boolean completed = !studyCancellation.isCancelled();
            String objective = result.objective().name();
            if (!result.status().hasPlan()) {
                return new Solved(ScenarioResult.failed(scenario, result.status().name(), objective, seconds(start),
                        String.join("; ", result.diagnostics())), instance, result, null, completed);
            }
            Instance target = instance.withSettings(settings.withObjective(result.objective()));
            CheckReport check = new PlanChecker(target).check(result.plan());
            if (!check.passed()) {
                return new Solved(ScenarioResult.failed(scenario, FAILED, objective, seconds(start),
                        "the plan fails the independent checker: " + check.violations()), instance, null, null,
                        completed);
            }
            PlanFigures figures = Figures.of(instance, result.evaluation());
            double ruleOfThumb = ruleOfThumbTco(result);
            ScenarioResult row = new ScenarioResult(scenario, result.status().name(), objective,
                    result.objectiveValue(), result.bestBound(), result.relativeGap(), figures, ruleOfThumb,
                    ruleOfThumb - figures.tcoUsd(), seconds(start), "");
            return new Solved(row, instance, result, null, completed);
        } catch (RuntimeException | Error e) {
            String id = Integer.toHexString(System.identityHashCode(e));
            System.getLogger(StudyRunner.class.getName()).log(System.Logger.Level.ERROR,
                    "scenario " + scenario.id() + " failed (error " + id + ")", e);
            return new Solved(ScenarioResult.failed(scenario, FAILED, "", seconds(start), "internal error " + id
                    + ": " + e + ". Maybe report it with the study workbook; the other scenarios are unaffected."),
                    instance, null, null, true);
        }
    }

    /** A scenario that asked for its capex-power front: the row shows its least-TCO point. */
    private Solved front(Scenario scenario, Instance instance, double limit, Options options,
                         Cancellation cancellation, long start) {
        ParetoFront.Result result = new ParetoFront(planner).solve(instance,
                new ParetoFront.Options(ParetoFront.Total.CAPEX, ParetoFront.Total.POWER, limit,
                        options.threadsPerSolve(), instance.settings().seed(), instance.settings().solver()),
                ParetoFront.PointListener.NONE, cancellation);
        boolean completed = !cancellation.isCancelled();
        FrontReport report = result.report();
        if (report.points().isEmpty()) {
            return new Solved(ScenarioResult.failed(scenario, report.exact() ? "INFEASIBLE" : "NO_SOLUTION",
                    "PARETO", seconds(start), String.join("; ", result.diagnostics())), instance, null, result,
                    completed);
        }
        FrontPoint leastTco = report.points().stream()
                .min(Comparator.comparingDouble(p -> p.figures().tcoUsd())).orElseThrow();
        // the row shows the front's point of least TCO; the front itself goes to the results' front sheets
        ScenarioResult row = new ScenarioResult(scenario, FRONT, "PARETO", leastTco.figures().tcoUsd(), Double.NaN,
                Double.NaN, leastTco.figures(), Double.NaN, Double.NaN, seconds(start), "");
        return new Solved(row, instance, null, result, completed);
    }

    /** TCO of the rule of thumb where it is a valid plan, else of its repair; NaN when neither is. */
    private static double ruleOfThumbTco(PlanResult result) {
        Baseline baseline = result.baseline();
        if (baseline != null && baseline.feasible()) {
            return baseline.evaluation().tcoUsd();
        }
        Baseline repaired = result.repaired();
        return repaired != null && repaired.feasible() ? repaired.evaluation().tcoUsd() : Double.NaN;
    }

    private static String oneLine(InputProblem p) {
        return p.where() + ": " + p.message() + (p.hint() == null ? "" : " (Maybe " + p.hint() + ")");
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
