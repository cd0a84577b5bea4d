package io.fabricplan.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.FormulationKind;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.Planner;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.check.CheckReport;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.instances.Examples;
import io.fabricplan.instances.FabricGenerator;
import io.fabricplan.instances.GeneratorOptions;
import io.fabricplan.model.Instance;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The tests' instances, options and checks: real solves by the OR-Tools planner, every plan checked. */
final class Jobs {
    /** The OR-Tools planner (stateless: shared by every test). */
    static final Planner ENGINE = Planner.create();
    /** README's tiny fabric: OPTIMAL at TCO 138,928.25 USD in a fraction of a second. */
    static final Instance TINY = Examples.tiny();
    static final double TINY_OPTIMUM = 138928.248;
    private static Instance slow;

    private Jobs() {
    }

    /** Quick options: 30 s, one thread, seed 1. */
    static SolveOptions quick(Instance instance) {
        return SolveOptions.from(instance.settings()).withTimeLimitSeconds(30).withThreads(1).withSeed(1);
    }

    /**
     * A generated 1,024-GPU fabric: with the per-cable model on one thread its search runs for seconds before
     * its first plan (while the repaired rule of thumb, a valid plan, is already known), so a cancel lands mid-solve.
     */
    static synchronized Instance slow() {
        if (slow == null) {
            slow = FabricGenerator.generate(GeneratorOptions.of(1024)).instance();
        }
        return slow;
    }

    /** The slow fabric's options: the per-cable model, one thread, two minutes. */
    static SolveOptions slowOptions() {
        return quick(slow()).withFormulation(FormulationKind.NAIVE_CABLE).withTimeLimitSeconds(120);
    }

    /** The result has a plan, and the independent checker passes it. */
    static PlanResult checked(Instance instance, PlanResult result) {
        assertThat(result.status().hasPlan()).as("a plan: %s %s", result.status(), result.diagnostics()).isTrue();
        Instance solved = instance.withSettings(instance.settings().withObjective(result.objective()));
        CheckReport check = new PlanChecker(solved).check(result.plan());
        assertThat(check.passed()).as("the checker on the plan: %s", check.violations()).isTrue();
        return result;
    }

    /** Waits (polling) until the condition holds; fails after the timeout. */
    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() < end).as("waited %s for %s", timeout, what).isTrue();
            Thread.sleep(10);
        }
    }

    /** Waits until the job's solve is in the engine's search (past validation, rule of thumb and build). */
    static void awaitSearch(PlanningJob job) throws InterruptedException {
        await(job.id() + " in its search", Duration.ofSeconds(90), () -> job.status().state() == JobState.SOLVING
                && job.status().message().startsWith("solving"));
    }
}
