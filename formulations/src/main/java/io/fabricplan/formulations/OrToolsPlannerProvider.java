package io.fabricplan.formulations;

import io.fabricplan.api.Planner;
import io.fabricplan.api.PlannerProvider;

/** Makes {@link OrToolsPlanner} the planner {@link Planner#create()} finds. */
public final class OrToolsPlannerProvider implements PlannerProvider {
    @Override
    public Planner create() {
        return new OrToolsPlanner();
    }
}
