package io.fabricplan.api;

/**
 * Which model of the planning problem to solve. All are exact; they differ in size.
 */
public enum FormulationKind {
    /** The planner's choice: today {@link #AGGREGATED}. */
    AUTO,
    /** Identical structure aggregated: one integer per group of interchangeable links, sized by groups. */
    AGGREGATED,
    /** One integer per Links row, option and end packagings (the reference model). */
    PER_LINK,
    /**
     * What a planner writes in a generic modeller: one binary per physical cable and option. For benchmarks:
     * it grows with cables and is slow at scale.
     */
    PER_CABLE
}
