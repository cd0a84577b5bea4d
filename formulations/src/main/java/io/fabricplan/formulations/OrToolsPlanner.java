package io.fabricplan.formulations;

import io.fabricplan.api.FormulationKind;
import io.fabricplan.api.Baseline;
import io.fabricplan.api.Cancellation;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.Planner;
import io.fabricplan.api.Progress;
import io.fabricplan.api.ProgressListener;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.api.SolveStatistics;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Plan;
import io.fabricplan.model.PlanEvaluation;
import io.fabricplan.model.PlanEvaluator;
import io.fabricplan.validate.InputProblem;
import io.fabricplan.validate.InstanceValidator;
import java.util.List;

/**
 * The OR-Tools planner: validates the instance, makes the greedy baseline, checks the simple infeasibility
 * bounds, builds {@link AggregatedFabricFormulation} (or the formulation asked for) into a {@link MipModel}, optionally writes it in LP format, and solves
 * it with CP-SAT (AUTO), SCIP, HiGHS or Choco, warm-started from the baseline when that is feasible (and falling back to
 * that baseline, as FEASIBLE, when the search is stopped before it finds any plan). The plan's figures
 * are recomputed by {@link PlanEvaluator}, so the objective reported is the evaluator's, never the solver's.
 *
 * <p>Holds no state: one instance may solve many instances from many threads at once. Never prints, never
 * throws for bad input (status INVALID), never throws for "no plan" (INFEASIBLE, NO_SOLUTION).
 */
public final class OrToolsPlanner implements Planner {
    /** Seconds past the time limit the repair of the rule of thumb may take. */
    static final double REPAIR_GRACE_SECONDS = 1.0;
    /** The repair stops this many checks' time before its deadline, to check its plan (with room for noise). */
    private static final double CHECK_MARGIN = 1.25;
    private final FormulationKind kind;

    /** The planner of the aggregated formulation. */
    public OrToolsPlanner() {
        this(FormulationKind.AGGREGATED);
    }

    /** A planner of the given formulation (the reference and naive ones serve cross-checks and benchmarks). */
    public OrToolsPlanner(FormulationKind kind) {
        this.kind = java.util.Objects.requireNonNull(kind, "kind");
    }

    /** The name the statistics report for this planner's formulation. */
    public String formulationName() {
        return name(kind);
    }

    private static String name(FormulationKind kind) {
        return switch (kind) {
            case AUTO, AGGREGATED -> AggregatedFabricFormulation.NAME;
            case REFERENCE -> FabricFormulation.NAME;
            case NAIVE_CABLE -> NaiveCableFormulation.NAME;
        };
    }

    /** The options' formulation when they name one, else this planner's. */
    private FormulationKind kindFor(SolveOptions options) {
        return options.formulation() == FormulationKind.AUTO ? kind : options.formulation();
    }

    private static Formulation build(FormulationKind kind, io.fabricplan.model.InstanceIndex index,
                                     SolveOptions options, Deadline deadline) {
        Instance instance = index.instance();
        return switch (kind) {
            case AUTO, AGGREGATED -> AggregatedFabricFormulation.build(index, options.interSite(),
                    InterSiteLayer.find().orElse(null), deadline, options.budgets().any());
            case REFERENCE -> FabricFormulation.build(instance);
            case NAIVE_CABLE -> NaiveCableFormulation.build(instance);
        };
    }

    /**
     * Solves within the time limit, counted from this call: validation, the rule of thumb and its repair, the
     * bounds, the model's build (checked between its steps), loading it into the engine and the search all come
     * out of it; when the time runs out before the search has a plan, the repaired rule of thumb is returned
     * (FEASIBLE) where it is a valid plan.
     */
    @Override
    public PlanResult solve(Instance instance, SolveOptions options, ProgressListener listener,
                            Cancellation cancellation) {
        long start = System.nanoTime();
        Deadline deadline = Deadline.of(start, options.timeLimitSeconds(), cancellation);
        phase(listener, start, "validating");
        List<InputProblem> problems = new InstanceValidator().validate(instance);
        if (!problems.isEmpty()) {
            return noPlan(SolveStatus.INVALID, options, null, problems.stream().map(InputProblem::describe).toList(),
                    "-", start, 0, 0, 0);
        }
        List<String> unsupported = linksOverSpans(instance, kindFor(options));
        if (!unsupported.isEmpty()) {
            return noPlan(SolveStatus.INVALID, options, null, unsupported, "-", start, 0, 0, 0);
        }
        Instance target = instance.withSettings(instance.settings().withObjective(options.objective()));
        phase(listener, start, "rule of thumb");
        io.fabricplan.model.InstanceIndex index = new io.fabricplan.model.InstanceIndex(target);
        Plan ruleOfThumb = GreedyPlanner.unchecked(target, index);
        long checkStart = System.nanoTime();
        Baseline baseline = ruleOfThumb == null ? null : GreedyPlanner.checked(index, ruleOfThumb);
        // what a check of a whole plan costs here (a second at 131,072 GPUs): the repair ends with one
        double checkS = seconds(checkStart);
        // the repair may run a second past the limit (within the 2 s a solve may overrun), so that a very short
        // limit can still end with a valid plan; it stops early enough to check what it made
        Deadline repairDeadline = Deadline.of(start, options.timeLimitSeconds() + REPAIR_GRACE_SECONDS
                - CHECK_MARGIN * checkS, cancellation);
        if (repairDeadline.reached()) {
            Baseline valid = baseline != null && baseline.feasible() && withinBudgets(baseline, options) ? baseline
                    : null;
            return fallback(target, options, baseline, null, valid, cancellation, start);
        }
        // one index of the instance serves every phase (the bounds, the repair, the build, the evaluation)
        InfeasibilityDiagnosis diagnosis = new InfeasibilityDiagnosis(index, options.interSite());
        // the bounds take about as long as a check (a second at 131,072 GPUs). With a second thread, and a check
        // slow enough to be worth a thread (SolveTuning), they run beside the repair; else on this thread, skipped
        // when less time is left than a check (a search that cannot start could not use them). Either way an
        // infeasible instance out of time ends without a plan, not its proof.
        boolean beside = SolveTuning.boundsBeside(options.threads(), checkS);
        java.util.concurrent.CompletableFuture<List<String>> boundsBeside = null;
        List<String> proven = List.of();
        if (beside) {
            phase(listener, start, "bounds");
            boundsBeside = java.util.concurrent.CompletableFuture.supplyAsync(diagnosis::provenReasons,
                    DaemonThread.named("fabricplan-bounds"));
        } else if (deadline.remainingSeconds() > checkS) {
            phase(listener, start, "bounds");
            proven = diagnosis.provenReasons();
        }
        Baseline repaired = null;
        if (proven.isEmpty()) {
            phase(listener, start, "repairing the rule of thumb");
            repaired = new RuleOfThumbRepair().repair(index, baseline, repairDeadline);
        }
        if (boundsBeside != null) {
            proven = await(boundsBeside, deadline);
            if (proven == null) {
                // still running at the deadline: its result no longer matters, and explanations need their own
                diagnosis = new InfeasibilityDiagnosis(index, options.interSite());
                proven = List.of();
            }
        }
        if (!proven.isEmpty()) {
            return noPlan(SolveStatus.INFEASIBLE, options, baseline, proven, "bounds", start, 0, 0, 0);
        }
        Baseline warmStart = repaired != null && repaired.feasible() && withinBudgets(repaired, options) ? repaired
                : null;
        if (options.warmStart() != null) {
            // a neighbouring scenario's plan: kept where it is still a valid plan here and better than the repair
            Baseline given = GreedyPlanner.checked(index, options.warmStart());
            if (given.feasible() && withinBudgets(given, options) && (warmStart == null
                    || given.evaluation().objectiveValue() < warmStart.evaluation().objectiveValue())) {
                warmStart = given;
            }
        }

        phase(listener, start, "building the model");
        Formulation formulation;
        try {
            formulation = build(kindFor(options), index, options, deadline);
        } catch (UnsupportedInstanceException e) {
            return noPlan(SolveStatus.NO_SOLUTION, options, baseline, List.of(e.getMessage()), "-", start,
                    seconds(start), 0, 0).withRepaired(repaired);
        } catch (Deadline.Reached e) {
            return fallback(target, options, baseline, repaired, warmStart, cancellation, start);
        }
        MipModel model = formulation.model();
        model.addBudgetRows(options.budgets(), target.settings().energyUsdPerWatt());
        if (warmStart != null) {
            formulation.hint(warmStart.plan());
        }
        double buildS = seconds(start);
        if (options.exportModel() != null) {
            LpFormat.write(model, options.exportModel());
        }
        listener.onProgress(new Progress(seconds(start), Double.NaN, Double.NaN, "solving " + formulation.name()
                + " (" + model.numVariables() + " variables, " + model.numRows() + " rows)"));

        MipBackend backend = MipBackends.create(options.solver());
        // kept back for what follows the search: decoding the plan and evaluating it (about one check's time: a
        // second at 131,072 GPUs) and the layer's channel assignment
        double remaining = Math.max(0.01, deadline.remainingSeconds() - formulation.decodeReserveSeconds() - checkS);
        List<String> backendNotes = new java.util.ArrayList<>(backend.notes());
        // the LP relaxation beside the search needs GLOP (native); Choco, chosen to run without natives, has its own
        boolean lpBeside = options.lpBound() && !(backend instanceof ChocoBackend)
                && MipBackends.nativesProblem().isEmpty();
        LpBoundedSearch.Outcome searched;
        try {
            searched = LpBoundedSearch.solve(model, backend,
                    new MipBackend.Parameters(remaining, options.relativeGap(), options.threads(), options.seed()),
                    (elapsed, objective, bound) -> listener.onProgress(new Progress(seconds(start), objective, bound,
                            "solution found")),
                    cancellation, lpBeside);
        } catch (UnsupportedInstanceException e) {
            // the engine cannot represent this model (Choco's int range): no search, but the baseline may stand
            backendNotes.add(e.getMessage());
            searched = new LpBoundedSearch.Outcome(new MipBackend.Result(SolveStatus.NO_SOLUTION, null, Double.NaN,
                    Double.NaN, 0, 0, backend.name()), LpBoundedSearch.SOURCE_SEARCH,
                    LpRelaxation.Outcome.unknown(0));
        }
        MipBackend.Result r = searched.result();

        if (r.status() == SolveStatus.NO_SOLUTION && warmStart != null) {
            // the search ran out of time (or was cancelled) before reaching even its hint: the repaired rule of
            // thumb is the best plan known, so return it rather than nothing
            r = new MipBackend.Result(SolveStatus.FEASIBLE, null, Double.NaN, r.bound(), 0, r.solveS(),
                    r.solver() + " (" + baselineName(warmStart, baseline, repaired) + ")");
        }
        if (!r.status().hasPlan()) {
            List<String> diagnostics = new java.util.ArrayList<>();
            if (r.status() == SolveStatus.INFEASIBLE && options.budgets().any()) {
                diagnostics.add("no plan keeps within the budgets (" + options.budgets().describe() + ")");
            }
            diagnostics.addAll(r.status() == SolveStatus.INFEASIBLE
                    ? explain(formulation, diagnosis) : List.of(noPlanReason(options, cancellation)));
            diagnostics.addAll(backendNotes);
            SolveStatistics stats = new SolveStatistics(formulation.name(), r.solver(), r.status(), Double.NaN,
                    Double.NaN, Double.NaN, 0, buildS, seconds(start), model.numVariables(), model.numRows(),
                    formulation.groupCount());
            return new PlanResult(r.status(), options.objective(), null, null, Double.NaN, Double.NaN, Double.NaN,
                    baseline, stats, diagnostics, repaired);
        }
        Plan plan = r.values() == null ? warmStart.plan()
                : formulation.decode(r.values(), Math.max(0, deadline.remainingSeconds()));
        PlanEvaluation evaluation = new PlanEvaluator(index).evaluate(plan);
        double objective = evaluation.objectiveValue();
        // a bound above a feasible plan's value is solver round-off, not information
        double bound = Double.isNaN(r.bound()) ? Double.NaN : Math.min(r.bound(), objective);
        SolveStatus status = r.status(); // a proof of optimality stands even if a cancel arrived after it
        if (status == SolveStatus.OPTIMAL && !Double.isNaN(r.objective())
                && objective > r.objective() + 1e-6 * Math.max(1, Math.abs(r.objective()))) {
            // decoding had to add to the model's solution (a relaxed layer's channels): proven no longer
            status = SolveStatus.FEASIBLE;
        }
        double gap = PlanResult.gap(objective, bound);
        listener.onProgress(new Progress(seconds(start), objective, bound, status.name().toLowerCase()));
        SolveStatistics stats = new SolveStatistics(formulation.name(), r.solver(), status, objective, bound, gap,
                r.timeToBestS() + buildS, buildS, seconds(start), model.numVariables(), model.numRows(),
                formulation.groupCount(), Double.isNaN(bound) ? "-" : searched.boundSource());
        List<String> notes = new java.util.ArrayList<>(backendNotes);
        if (formulation instanceof AggregatedFabricFormulation f) {
            notes.addAll(f.interSiteNotes());
        }
        return new PlanResult(status, options.objective(), plan, evaluation, objective, bound, gap, baseline, stats,
                notes, repaired);
    }

    /** Whether a valid plan's totals keep within the options' budgets. */
    private static boolean withinBudgets(Baseline plan, SolveOptions options) {
        PlanEvaluation e = plan.evaluation();
        return options.budgets().admits(e.capexUsd(), e.powerW(), e.tcoUsd());
    }

    /** The bounds' reasons, waiting for them until the deadline at most; null when they are not done by then. */
    private static List<String> await(java.util.concurrent.CompletableFuture<List<String>> bounds, Deadline deadline) {
        try {
            return bounds.get(Math.max(1, Math.round(deadline.remainingSeconds() * 1000)),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the bounds failed: " + e.getCause(), e.getCause());
        }
    }

    /** Says which phase the solve is in, for the progress line (no objective yet). */
    private static void phase(ProgressListener listener, long start, String what) {
        listener.onProgress(new Progress(seconds(start), Double.NaN, Double.NaN, what));
    }

    private static String noPlanReason(SolveOptions options, Cancellation cancellation) {
        return cancellation.isCancelled() ? "cancelled before a plan was found"
                : "no plan found within " + options.timeLimitSeconds() + " s";
    }

    private static String baselineName(Baseline warmStart, Baseline baseline, Baseline repaired) {
        return warmStart == baseline ? "greedy baseline" : warmStart == repaired ? "rule of thumb, repaired"
                : "the warm start given";
    }

    /**
     * The time ran out (or the solve was cancelled) before the model was built: the repaired rule of thumb when it
     * is a valid plan (FEASIBLE, no bound), else no plan.
     */
    private PlanResult fallback(Instance target, SolveOptions options, Baseline baseline, Baseline repaired,
                                Baseline warmStart, Cancellation cancellation, long start) {
        String model = name(kindFor(options));
        if (warmStart == null) {
            String why = cancellation.isCancelled() ? noPlanReason(options, cancellation)
                    : noPlanReason(options, cancellation) + " (the time ran out before the model was complete)";
            return noPlan(SolveStatus.NO_SOLUTION, options, baseline, List.of(why), "-", start, seconds(start), 0, 0)
                    .withRepaired(repaired);
        }
        PlanEvaluation evaluation = warmStart.evaluation();
        double objective = evaluation.objectiveValue();
        SolveStatistics stats = new SolveStatistics(model, baselineName(warmStart, baseline, repaired), SolveStatus.FEASIBLE,
                objective, Double.NaN, Double.NaN, seconds(start), seconds(start), seconds(start), 0, 0, 0, "-");
        return new PlanResult(SolveStatus.FEASIBLE, options.objective(), warmStart.plan(), evaluation, objective,
                Double.NaN, Double.NaN, baseline, stats, List.of("the time ran out before the model was complete: the "
                + baselineName(warmStart, baseline, repaired) + " is returned, without a bound"), repaired);
    }

    /**
     * Links between sites that the Spans sheet is to carry (no length_m of their own) that this build cannot plan:
     * only the aggregated formulation routes over spans, and only with the inter-site layer of module
     * {@code dwdm-planner} on the class path. Says so rather than call the instance infeasible.
     */
    static List<String> linksOverSpans(Instance instance, FormulationKind kind) {
        if (!instance.hasSpans()) {
            return List.of();
        }
        boolean aggregated = kind == FormulationKind.AUTO || kind == FormulationKind.AGGREGATED;
        boolean layer = InterSiteLayer.find().isPresent();
        if (aggregated && layer) {
            return List.of();
        }
        io.fabricplan.model.InstanceIndex index = new io.fabricplan.model.InstanceIndex(instance);
        List<String> out = new java.util.ArrayList<>();
        for (io.fabricplan.model.Link l : instance.links()) {
            if (l.lengthM() != null) {
                continue;
            }
            java.util.Set<String> sites = new java.util.TreeSet<>();
            for (String deviceId : List.of(l.aDevice(), l.bDevice())) {
                for (String rackId : index.device(deviceId).possibleRacks()) {
                    sites.add(index.rack(rackId).siteId());
                }
            }
            if (sites.size() > 1) {
                out.add(new InputProblem("Links[" + l.id() + "]", "link \"" + l.id() + "\" joins sites "
                        + String.join(" and ", sites) + " over the Spans sheet; "
                        + (aggregated ? "no inter-site layer (module dwdm-planner) is on the class path"
                        : "the " + name(kind) + " does not route links over spans"),
                        aggregated ? "add the io.fabricplan:dwdm-planner dependency, or give the link a length_m."
                                : "solve with the aggregated formulation (the default), or give the link a "
                                + "length_m.").describe());
            }
        }
        return out;
    }

    /** The layer's unservable site pairs first (they are the likelier cause), then the fabric's bounds. */
    private static List<String> explain(Formulation formulation, InfeasibilityDiagnosis diagnosis) {
        List<String> out = new java.util.ArrayList<>();
        if (formulation instanceof AggregatedFabricFormulation f) {
            out.addAll(f.interSiteUnservable());
            out.addAll(diagnosis.explain(f.interSiteGreyOnly()));
        } else {
            out.addAll(diagnosis.explain());
        }
        return out;
    }

    private PlanResult noPlan(SolveStatus status, SolveOptions options, Baseline baseline,
                                     List<String> diagnostics, String solver, long start, double buildS,
                                     int variables, int rows) {
        SolveStatistics stats = new SolveStatistics(name(kindFor(options)), solver, status, Double.NaN, Double.NaN,
                Double.NaN, 0, buildS, seconds(start), variables, rows);
        return new PlanResult(status, options.objective(), null, null, Double.NaN, Double.NaN, Double.NaN, baseline,
                stats, diagnostics);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
