package io.fabricplan.api;

/** Outcome of a solve. "No solution" is a status, never an exception. */
public enum SolveStatus {
    /** A plan proven optimal within the relative gap. */
    OPTIMAL,
    /** A plan, not proven optimal (time limit, cancellation). */
    FEASIBLE,
    /** Proven: no plan meets every rule. */
    INFEASIBLE,
    /** No plan found within the limits, and no proof that none exists. */
    NO_SOLUTION,
    /** The instance breaks the input rules; see {@link PlanResult#diagnostics()}. */
    INVALID;

    public boolean hasPlan() {
        return this == OPTIMAL || this == FEASIBLE;
    }
}
