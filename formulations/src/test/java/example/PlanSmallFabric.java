package example;

import io.fabricplan.api.Cancellation;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.Planner;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.check.CheckReport;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Link;
import io.fabricplan.model.LinkAssignment;
import io.fabricplan.model.Objective;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Role;
import io.fabricplan.model.Settings;
import io.fabricplan.model.SolverKind;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Plans a leaf, a spine and two servers through the Java API, then checks the plan independently. */
public final class PlanSmallFabric {
    private PlanSmallFabric() {
    }

    public static void main(String[] args) {
        plan(smallFabric(), System.out);
    }

    /** README's tiny example: leaf1 in R1, s1 and s2 in R2 3 m away, spine1 in R3 26 m away; all 800G. */
    static Instance smallFabric() {
        List<Rack> racks = List.of(                       // id, site, x m, y m, budget kW, base load kW, free U
                new Rack("R1", "main", 0, 0, 10, 0, 20),
                new Rack("R2", "main", 3, 0, 30, 20, 0),
                new Rack("R3", "main", 26, 0, 10, 0, 20));
        List<Device> devices = List.of(                   // AUTO: the optimiser picks a pluggable or CPO model
                Device.switchOf("leaf1", Role.LEAF, "SW51T", PackagingChoice.AUTO, "R1"),
                Device.switchOf("spine1", Role.SPINE, "SW51T", PackagingChoice.AUTO, "R3"),
                Device.server("s1", "R2", 1, 800, false),  // one 800G NIC port, not LPO-capable
                Device.server("s2", "R2", 1, 800, false));
        List<Link> links = List.of(                       // id, a, b, count, Gb/s each, length m (null: from racks)
                new Link("s1-leaf1", "s1", "leaf1", 1, 800, null),
                new Link("s2-leaf1", "s2", "leaf1", 1, 800, null),
                new Link("leaf1-spine1", "leaf1", "spine1", 2, 800, null));
        return new Instance(Settings.defaults(), racks, DefaultCatalog.switchModels(), devices, links,
                DefaultCatalog.optics());
    }

    /** Solves, prints the plan and its check; without a plan, prints why. */
    static void plan(Instance instance, PrintStream out) {
        Planner planner = Planner.create();               // the OR-Tools planner, found via ServiceLoader
        Cancellation cancel = new Cancellation();         // cancel.cancel() from any thread stops the search
        SolveOptions options = SolveOptions.from(instance.settings()).withObjective(Objective.TCO)
                .withTimeLimitSeconds(30).withSolver(SolverKind.CP_SAT).withThreads(2).withSeed(1);
        PlanResult result = planner.solve(instance, options, progress -> System.err.printf(Locale.ROOT,
                "%.1f s: best %.2f, bound %.2f%n", progress.elapsedSeconds(), progress.bestObjective(),
                progress.bound()), cancel);
        if (!result.status().hasPlan()) {                 // INFEASIBLE, NO_SOLUTION or INVALID: plan() is null
            out.println(result.status() + ": " + String.join("; ", result.diagnostics()));
            return;
        }
        out.printf(Locale.ROOT, "%s %s %.2f: capex %.2f USD, %.1f W%n", result.status(), result.objective(),
                result.objectiveValue(), result.evaluation().capexUsd(), result.evaluation().powerW());
        for (LinkAssignment link : result.plan().links()) {
            out.println(link.linkId() + ": " + link.count() + " x " + link.opticId());
        }
        CheckReport check = new PlanChecker(instance).check(result.plan());   // independent of the solver
        out.println(check.passed() ? "check passed" : "check failed: " + check.violations());
    }
}
