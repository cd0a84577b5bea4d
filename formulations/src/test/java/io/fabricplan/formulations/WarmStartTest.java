package io.fabricplan.formulations;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Objective;
import io.fabricplan.model.Plan;
import io.fabricplan.model.SolverKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plan given to start from (a neighbouring scenario's) helps where it is valid and is ignored where it is not. */
class WarmStartTest {
    private static final Instance FABRIC = Fabrics.leafSpine(6, 4, 30, 7);

    @Test
    void validWarmStartKeepsTheOptimum() {
        PlanResult first = Fabrics.assertCheckedPlan(FABRIC, new OrToolsPlanner().solve(FABRIC,
                Fabrics.options(Objective.TCO, SolverKind.CP_SAT)));
        PlanResult again = Fabrics.assertCheckedPlan(FABRIC, new OrToolsPlanner().solve(FABRIC,
                Fabrics.options(Objective.TCO, SolverKind.CP_SAT).withWarmStart(first.plan())));
        assertThat(again.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(again.objectiveValue()).isCloseTo(first.objectiveValue(), Fabrics.within(first.objectiveValue()));
    }

    @Test
    void warmStartOfAnotherInstanceIsIgnored() {
        Instance other = Fabrics.leafSpine(3, 2, 30, 1);
        Plan foreign = Fabrics.assertCheckedPlan(other, new OrToolsPlanner().solve(other,
                Fabrics.options(Objective.TCO, SolverKind.CP_SAT))).plan();
        PlanResult plain = Fabrics.assertCheckedPlan(FABRIC, new OrToolsPlanner().solve(FABRIC,
                Fabrics.options(Objective.TCO, SolverKind.CP_SAT)));
        PlanResult given = Fabrics.assertCheckedPlan(FABRIC, new OrToolsPlanner().solve(FABRIC,
                Fabrics.options(Objective.TCO, SolverKind.CP_SAT).withWarmStart(foreign)));
        assertThat(given.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(given.objectiveValue()).isCloseTo(plain.objectiveValue(), Fabrics.within(plain.objectiveValue()));
        PlanResult empty = Fabrics.assertCheckedPlan(FABRIC, new OrToolsPlanner().solve(FABRIC,
                Fabrics.options(Objective.TCO, SolverKind.CP_SAT).withWarmStart(new Plan(List.of(), List.of()))));
        assertThat(empty.objectiveValue()).isCloseTo(plain.objectiveValue(), Fabrics.within(plain.objectiveValue()));
    }
}
