package io.fabricplan.api;

/** Service interface through which {@link Planner#create()} finds an implementation. */
public interface PlannerProvider {
    Planner create();
}
