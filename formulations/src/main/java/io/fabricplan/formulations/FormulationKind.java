package io.fabricplan.formulations;

/** Which mixed-integer model {@link OrToolsPlanner} builds and solves. */
public enum FormulationKind {
    /**
     * The default: devices with identical neighbourhoods are aggregated into twin classes and parallel structure
     * into link groups, so that the model grows with the number of distinct groups, not with cables. Places
     * switches.
     */
    AGGREGATED,
    /** One variable per Links row, option and end packagings: the exact reference model. Fixed racks only. */
    REFERENCE,
    /**
     * One binary per physical cable, option and end state, as a generic modeller would write it. For
     * benchmarks; above a size limit the solve ends with NO_SOLUTION and says why.
     */
    NAIVE_CABLE
}
