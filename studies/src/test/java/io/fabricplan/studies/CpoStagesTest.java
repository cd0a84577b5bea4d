package io.fabricplan.studies;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.instances.Examples;
import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Role;
import io.fabricplan.study.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpoStagesTest {
    private static final Instance SUPERPOD = Examples.superpod4su();

    @Test
    void stagesSetPackagingByRole() {
        assertThat(packagings(CpoStages.stage(SUPERPOD, 1), Role.SPINE)).containsOnly(PackagingChoice.PLUGGABLE);
        assertThat(packagings(CpoStages.stage(SUPERPOD, 2), Role.LEAF)).containsOnly(PackagingChoice.AUTO);
        Instance stage3 = CpoStages.stage(SUPERPOD, 3);
        assertThat(packagings(stage3, Role.SPINE)).containsOnly(PackagingChoice.CPO);
        assertThat(packagings(stage3, Role.LEAF)).containsOnly(PackagingChoice.PLUGGABLE);
        assertThat(packagings(stage3, Role.SERVER)).containsOnly(PackagingChoice.PLUGGABLE);
        assertThat(stage3.links()).isEqualTo(SUPERPOD.links());
    }

    @Test
    void stageScenariosAreOverridesOfTheRolesPresentAndApplyToTheSameInstances() {
        List<Scenario> stages = CpoStages.scenarios(SUPERPOD, List.of());
        assertThat(stages).extracting(Scenario::id).containsExactlyElementsOf(CpoStages.NAMES);
        assertThat(stages.get(2).overrides()).extracting(o -> o.target().header() + "=" + o.text())
                .containsExactly("Devices[role=LEAF].packaging=PLUGGABLE", "Devices[role=SPINE].packaging=CPO");
        for (int stage = 1; stage <= 3; stage++) {
            ScenarioInstances.Applied applied = ScenarioInstances.apply(SUPERPOD, stages.get(stage - 1));
            assertThat(applied.problems()).isEmpty();
            assertThat(applied.instance().devices()).isEqualTo(CpoStages.stage(SUPERPOD, stage).devices());
        }
    }

    @Test
    void stagesCrossTheScenariosGiven() {
        List<Scenario> rows = List.of(new Scenario("cheap", "cheap energy", List.of()),
                new Scenario("dear", "", List.of()));
        assertThat(CpoStages.scenarios(SUPERPOD, rows)).extracting(Scenario::id).containsExactly(
                "cheap/stage-1-pluggable", "cheap/stage-2-hybrid", "cheap/stage-3-cpo-spine",
                "dear/stage-1-pluggable", "dear/stage-2-hybrid", "dear/stage-3-cpo-spine");
    }

    @Test
    void headroomIsMeasuredAgainstTheRealBudgets() {
        Instance real = CpoStages.stage(Examples.cpoTightRack(), 1);
        Instance lifted = CpoStages.lifted(real, 1_000);
        assertThat(lifted.racks().get(0).powerBudgetKw()).isEqualTo(real.racks().get(0).powerBudgetKw() + 1_000);
        var result = io.fabricplan.api.Planner.create().solve(lifted,
                io.fabricplan.api.SolveOptions.from(lifted.settings()).withTimeLimitSeconds(20).withThreads(1));
        assertThat(result.status().hasPlan()).isTrue();
        assertThat(new io.fabricplan.check.PlanChecker(lifted).check(result.plan()).passed()).isTrue();
        CpoStages.Headroom headroom = CpoStages.headroom(real, result.plan());
        double onLifted = result.evaluation().racks().stream()
                .mapToDouble(r -> r.powerBudgetKw() - r.totalKw()).min().orElseThrow();
        assertThat(headroom.leastKw()).isCloseTo(onLifted - 1_000, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(headroom.worstOverKw()).isEqualTo(Math.max(0, -headroom.leastKw()));
    }

    private static List<PackagingChoice> packagings(Instance instance, Role role) {
        return instance.devices().stream().filter(d -> d.role() == role).map(Device::packaging).toList();
    }
}
