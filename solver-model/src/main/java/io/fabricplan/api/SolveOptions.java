package io.fabricplan.api;

import io.fabricplan.model.Objective;
import io.fabricplan.model.Settings;
import io.fabricplan.model.SolverKind;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The parameters of one solve.
 *
 * @param objective        what to minimise
 * @param timeLimitSeconds wall-clock limit of the optimisation
 * @param relativeGap      stop when (objective - bound) / objective is at most this
 * @param threads          solver threads, 0 = all cores
 * @param seed             random seed
 * @param solver           engine
 * @param exportModel      where to write the model in LP format before solving, or null
 * @param formulation      which model to solve (AUTO unless benchmarking or cross-checking)
 * @param interSite        media allowed for cables between sites over the spans (ANY unless comparing designs)
 * @param lpBound          whether the model's LP relaxation is solved beside the search, for a bound that does not
 *                         depend on the search's luck (and, when its optimum is integral, the plan itself); true
 *                         unless an engine is to be measured or cross-checked alone
 * @param budgets          upper limits on the plan's capex, power and TCO ({@link Budgets#NONE}: none)
 * @param warmStart        a plan to start from (e.g. a neighbouring scenario's), or null: used as the search's hint
 *                         when it is a valid plan of this instance within the budgets and better than the repaired
 *                         rule of thumb; ignored otherwise
 */
public record SolveOptions(Objective objective, double timeLimitSeconds, double relativeGap, int threads, long seed,
                           SolverKind solver, Path exportModel, FormulationKind formulation, InterSiteMedia interSite,
                           boolean lpBound, Budgets budgets, io.fabricplan.model.Plan warmStart) {
    public SolveOptions {
        budgets = budgets == null ? Budgets.NONE : budgets;
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(solver, "solver");
        formulation = formulation == null ? FormulationKind.AUTO : formulation;
        interSite = interSite == null ? InterSiteMedia.ANY : interSite;
        if (!(timeLimitSeconds > 0)) {
            throw new IllegalArgumentException("timeLimitSeconds must be positive, got " + timeLimitSeconds);
        }
        if (!(relativeGap >= 0)) {
            throw new IllegalArgumentException("relativeGap must be >= 0, got " + relativeGap);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        }
    }

    /** Options without budgets. */
    public SolveOptions(Objective objective, double timeLimitSeconds, double relativeGap, int threads, long seed,
                        SolverKind solver, Path exportModel, FormulationKind formulation, InterSiteMedia interSite,
                        boolean lpBound) {
        this(objective, timeLimitSeconds, relativeGap, threads, seed, solver, exportModel, formulation, interSite,
                lpBound, Budgets.NONE, null);
    }

    public SolveOptions(Objective objective, double timeLimitSeconds, double relativeGap, int threads, long seed,
                        SolverKind solver, Path exportModel) {
        this(objective, timeLimitSeconds, relativeGap, threads, seed, solver, exportModel, FormulationKind.AUTO,
                InterSiteMedia.ANY, true);
    }

    public SolveOptions(Objective objective, double timeLimitSeconds, double relativeGap, int threads, long seed,
                        SolverKind solver, Path exportModel, FormulationKind formulation) {
        this(objective, timeLimitSeconds, relativeGap, threads, seed, solver, exportModel, formulation,
                InterSiteMedia.ANY, true);
    }

    /** The options an instance's Settings sheet asks for. */
    public static SolveOptions from(Settings settings) {
        return new SolveOptions(settings.objective(), settings.timeLimitS(), settings.relativeGap(),
                settings.threads(), settings.seed(), settings.solver(), null);
    }

    public SolveOptions withObjective(Objective value) {
        return new SolveOptions(value, timeLimitSeconds, relativeGap, threads, seed, solver, exportModel, formulation,
                interSite, lpBound, budgets, warmStart);
    }

    public SolveOptions withTimeLimitSeconds(double value) {
        return new SolveOptions(objective, value, relativeGap, threads, seed, solver, exportModel, formulation,
                interSite, lpBound, budgets, warmStart);
    }

    public SolveOptions withRelativeGap(double value) {
        return new SolveOptions(objective, timeLimitSeconds, value, threads, seed, solver, exportModel, formulation,
                interSite, lpBound, budgets, warmStart);
    }

    public SolveOptions withThreads(int value) {
        return new SolveOptions(objective, timeLimitSeconds, relativeGap, value, seed, solver, exportModel,
                formulation, interSite, lpBound, budgets, warmStart);
    }

    public SolveOptions withSeed(long value) {
        return new SolveOptions(objective, timeLimitSeconds, relativeGap, threads, value, solver, exportModel,
                formulation, interSite, lpBound, budgets, warmStart);
    }

    public SolveOptions withSolver(SolverKind value) {
        return new SolveOptions(objective, timeLimitSeconds, relativeGap, threads, seed, value, exportModel,
                formulation, interSite, lpBound, budgets, warmStart);
    }

    public SolveOptions withExportModel(Path value) {
        return new SolveOptions(objective, timeLimitSeconds, relativeGap, threads, seed, solver, value, formulation,
                interSite, lpBound, budgets, warmStart);
    }

    public SolveOptions withFormulation(FormulationKind value) {
        return new SolveOptions(objective, timeLimitSeconds, relativeGap, threads, seed, solver, exportModel, value,
                interSite, lpBound, budgets, warmStart);
    }

    public SolveOptions withInterSite(InterSiteMedia value) {
        return new SolveOptions(objective, timeLimitSeconds, relativeGap, threads, seed, solver, exportModel,
                formulation, value, lpBound, budgets, warmStart);
    }

    public SolveOptions withLpBound(boolean value) {
        return new SolveOptions(objective, timeLimitSeconds, relativeGap, threads, seed, solver, exportModel,
                formulation, interSite, value, budgets, warmStart);
    }

    /** The same options with budgets on the plan's capex, power or TCO (constraints of the solve). */
    public SolveOptions withBudgets(Budgets value) {
        return new SolveOptions(objective, timeLimitSeconds, relativeGap, threads, seed, solver, exportModel,
                formulation, interSite, lpBound, value, warmStart);
    }

    /** The same options starting from a plan (see {@code warmStart}); null for none. */
    public SolveOptions withWarmStart(io.fabricplan.model.Plan value) {
        return new SolveOptions(objective, timeLimitSeconds, relativeGap, threads, seed, solver, exportModel,
                formulation, interSite, lpBound, budgets, value);
    }
}
