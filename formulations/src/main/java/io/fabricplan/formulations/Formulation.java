package io.fabricplan.formulations;

import io.fabricplan.model.Plan;

/**
 * A mixed-integer model of a fabric instance, built once: the {@link MipModel} to solve, a warm start from a plan,
 * and the plan a solution stands for. Implementations: {@link AggregatedFabricFormulation} (what the planner
 * solves), {@link FabricFormulation} (the per-link reference) and {@link NaiveCableFormulation} (per cable, for
 * benchmarks).
 */
interface Formulation {

    /** The name reported in the statistics. */
    String name();

    MipModel model();

    /** How many link groups the model decides on: aggregated groups, Links rows or cables. */
    int groupCount();

    /** Sets the model's hint to the plan; false, leaving no hint, when the plan is outside the model. */
    boolean hint(Plan plan);

    /** The plan of a solution (values in model variable order). */
    Plan decode(double[] values);

    /**
     * The plan of a solution, the work after the solve (e.g. assigning channels) kept within {@code secondsLeft}
     * where it can be.
     */
    default Plan decode(double[] values, double secondsLeft) {
        return decode(values);
    }

    /** Seconds to keep back from the search for {@link #decode(double[], double)}; 0 when decoding is instant. */
    default double decodeReserveSeconds() {
        return 0;
    }
}
