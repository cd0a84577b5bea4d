package io.fabricplan.model;

/** The packaging a planner asks for on a switch; AUTO lets the optimiser pick among the family's models. */
public enum PackagingChoice {
    PLUGGABLE, CPO, AUTO;

    /** Whether a model of the given packaging may be chosen under this request. */
    public boolean admits(Packaging packaging) {
        return this == AUTO || name().equals(packaging.name());
    }
}
