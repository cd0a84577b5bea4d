package io.fabricplan.api;

import io.fabricplan.model.Instance;
import java.util.ServiceLoader;

/**
 * Plans a fabric: for every link an interconnect, for every switch a model, minimising the objective under the
 * rate, reach, port and rack-power rules. Implementations hold no mutable state: one planner may serve many
 * threads at once. They never print, never exit, and report bad input as {@link SolveStatus#INVALID}.
 *
 * <pre>{@code
 * Planner planner = Planner.create();
 * PlanResult result = planner.solve(instance, SolveOptions.from(instance.settings()));
 * }</pre>
 */
public interface Planner {

    /** Solves with no progress reports and no way to cancel. */
    default PlanResult solve(Instance instance, SolveOptions options) {
        return solve(instance, options, ProgressListener.NONE, new Cancellation());
    }

    /** Solves, reporting progress to the listener; raising the cancellation stops it with the best plan so far. */
    PlanResult solve(Instance instance, SolveOptions options, ProgressListener listener, Cancellation cancellation);

    /**
     * The planner found on the class path (module {@code formulations} provides the OR-Tools one).
     *
     * @throws IllegalStateException when no implementation is on the class path
     */
    static Planner create() {
        return ServiceLoader.load(PlannerProvider.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no fabricplan Planner on the class path. "
                        + "Maybe add the io.fabricplan:formulations dependency?"))
                .create();
    }
}
