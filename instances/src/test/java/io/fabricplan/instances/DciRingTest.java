package io.fabricplan.instances;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.Planner;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.check.CheckReport;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.model.Instance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The metro ring of {@link Examples#dciRing()}: eight sites, 112 400G cables, the load model of the DWDM layer. */
class DciRingTest {

    @Test
    void eightSitesSolveToOptimalityWithLoadsAndAssignedChannelsAndBeatTheRuleOfThumb() {
        Instance instance = Examples.dciRing();

        PlanResult result = Planner.create().solve(instance, SolveOptions.from(instance.settings())
                .withTimeLimitSeconds(60));

        assertThat(result.status()).isEqualTo(SolveStatus.OPTIMAL);
        CheckReport report = new PlanChecker(instance).check(result.plan());
        assertThat(report.violations()).isEmpty();
        assertThat(result.objectiveValue()).isCloseTo(1_225_199.28, within(1e-3));
        assertThat(result.plan().dwdm().greyRoutes().size() + result.plan().dwdm().lightpaths().size())
                .isEqualTo(112);
        assertThat(result.plan().dwdm().lightpaths()).isNotEmpty();
        // first fit placed every lightpath on the model's DWDM pairs: no note, the optimum stands
        assertThat(result.diagnostics()).isEmpty();
        // the rule of thumb (grey on the shortest route while fiber lasts, then DWDM, spans fitted for margin) is
        // a valid plan the checker accepts, and the optimum saves 6 % against it
        assertThat(result.baseline()).isNotNull();
        assertThat(result.baseline().violations()).isEmpty();
        assertThat(result.baseline().evaluation().objectiveValue()).isCloseTo(1_305_401.42, within(1e-2));
    }
}
