package io.fabricplan.api;

/** Which model of the planning problem a planner solves. All are exact; they differ in size. */
public enum FormulationKind {
    /** The planner's choice: {@link #AGGREGATED}. */
    AUTO,
    /**
     * Devices with identical neighbourhoods aggregated into twin classes and parallel structure into link groups,
     * so that the model grows with the number of distinct groups, not with cables. Places switches.
     */
    AGGREGATED,
    /** One integer per Links row, option and end packagings: the reference model. Fixed racks only. */
    REFERENCE,
    /**
     * One binary per physical cable, option and end state, as a generic modeller would write it. For benchmarks;
     * above a size limit the solve ends with NO_SOLUTION and says why.
     */
    NAIVE_CABLE
}
