package io.fabricplan.formulations;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.Baseline;
import io.fabricplan.api.Cancellation;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.ProgressListener;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.check.Violation;
import io.fabricplan.model.Device;
import io.fabricplan.model.DeviceAssignment;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Link;
import io.fabricplan.model.LinkAssignment;
import io.fabricplan.model.Objective;
import io.fabricplan.model.Packaging;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Role;
import io.fabricplan.model.SolverKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule of thumb repaired to meet rack budgets: CPO, lower-power options, placed switches moved. */
class RuleOfThumbRepairTest {

    private static Baseline ruleOfThumb(Instance instance) {
        return new GreedyPlanner().plan(instance);
    }

    private static Baseline checkedRepair(Instance instance) {
        Baseline repaired = new RuleOfThumbRepair().repair(instance, ruleOfThumb(instance));
        assertThat(repaired.violations()).isEmpty();
        assertThat(new PlanChecker(instance).check(repaired.plan()).passed()).isTrue();
        return repaired;
    }

    /**
     * N1 leaves 1,450 W for leaf1 (see {@code ConstraintFamilyContractTest.cpoChosenWhenRackBudgetBinds}): the
     * pluggable leaf with 16 AOCs draws 1,508 W; the repair turns it CPO, the servers take DR8 modules, which is
     * also the optimum (90,960 USD).
     */
    @Test
    void cpoChosenWhenRackBudgetBinds() {
        Instance instance = ConstraintFamilyContractTest.leafAndServer(1.45);
        assertThat(ruleOfThumb(instance).violations()).extracting(Violation::kind)
                .containsExactly(Violation.Kind.RACK_POWER_EXCEEDED);

        Baseline repaired = checkedRepair(instance);

        assertThat(repaired.plan().devices()).contains(new DeviceAssignment("leaf1", "sw51-cpo", "N1"));
        assertThat(repaired.plan().links()).containsExactly(
                new LinkAssignment("l1", "dr8_800", Packaging.CPO, Packaging.PLUGGABLE, 16));
        assertThat(repaired.evaluation().objectiveValue()).isCloseTo(90960, Fabrics.within(90960));
    }

    /** No time left: the rule of thumb comes back as it is, its check not repeated (a second at 131,072 GPUs). */
    @Test
    void noTimeLeftReturnsTheRuleOfThumbItself() {
        Instance instance = ConstraintFamilyContractTest.leafAndServer(1.45);
        Baseline ruleOfThumb = ruleOfThumb(instance);
        Cancellation cancelled = new Cancellation();
        cancelled.cancel();

        assertThat(new RuleOfThumbRepair().repair(instance, ruleOfThumb, Deadline.of(System.nanoTime(), 0,
                new Cancellation()))).isSameAs(ruleOfThumb);
        assertThat(new RuleOfThumbRepair().repair(instance, ruleOfThumb, Deadline.of(System.nanoTime(), 60,
                cancelled))).isSameAs(ruleOfThumb);
        Baseline repaired = new RuleOfThumbRepair().repair(instance, ruleOfThumb, Deadline.of(System.nanoTime(), 60,
                new Cancellation()));
        assertThat(repaired.violations()).isEmpty();
        assertThat(new PlanChecker(instance).check(repaired.plan()).passed()).isTrue();
    }

    @Test
    void validRuleOfThumbIsLeftAsItIs() {
        Instance instance = ConstraintFamilyContractTest.leafAndServer(2.0);
        Baseline greedy = ruleOfThumb(instance);

        assertThat(new RuleOfThumbRepair().repair(instance, greedy)).isSameAs(greedy);
    }

    /**
     * Two pluggable-only leaves the optimiser places, NEAR listed first; NEAR has room for both (4 U) but power
     * for one (1,300 W + 8 x 10 W of AEC ends = 1,380 W each, 1.5 kW of headroom); FAR (60 m away) has plenty.
     * <pre>
     *   S (0,0): [s1, s2]    NEAR (3,0): 4 U, 1.5 kW    FAR (60,0): 42 U, 20 kW
     *   leaf i: 4 x 800G to each server; S-NEAR 7 m (aec800), S-FAR 64 m (aoc800)
     * </pre>
     * The rule of thumb puts both in NEAR (2.76 kW); the repair moves one to FAR.
     */
    @Test
    void placedSwitchMovesToARackWithHeadroom() {
        List<Rack> racks = List.of(new Rack("S", null, 0, 0, 50, 10, 0), new Rack("NEAR", null, 3, 0, 41.5, 40, 4),
                new Rack("FAR", null, 60, 0, 60, 40, 42));
        List<Device> devices = List.of(Device.server("s1", "S", 16, 800, false),
                Device.server("s2", "S", 16, 800, false),
                Device.placedSwitch("leaf1", Role.LEAF, "SW51T", PackagingChoice.PLUGGABLE, List.of("NEAR", "FAR")),
                Device.placedSwitch("leaf2", Role.LEAF, "SW51T", PackagingChoice.PLUGGABLE, List.of("NEAR", "FAR")));
        List<Link> links = List.of(new Link("a1", "leaf1", "s1", 4, 800, null),
                new Link("b1", "s2", "leaf1", 4, 800, null), new Link("a2", "leaf2", "s1", 4, 800, null),
                new Link("b2", "s2", "leaf2", 4, 800, null));
        Instance base = Fabrics.builder().catalog().build(Objective.COST);
        Instance instance = new Instance(base.settings(), racks, base.switchModels(), devices, links, base.optics());
        assertThat(leafRacks(ruleOfThumb(instance))).containsExactly("NEAR", "NEAR");

        Baseline repaired = checkedRepair(instance);

        assertThat(leafRacks(repaired)).containsExactlyInAnyOrder("NEAR", "FAR");
    }

    private static List<String> leafRacks(Baseline plan) {
        return plan.plan().devices().stream().filter(d -> d.deviceId().startsWith("leaf"))
                .map(DeviceAssignment::rackId).toList();
    }

    /** A fabric whose leaf racks the rule of thumb overloads: repaired, valid, and no better than the optimum. */
    @Test
    void repairedLeafSpineFabricIsValidAndNotBelowTheOptimum() {
        Instance instance = Fabrics.leafSpine(4, 10, 1.5, 11);
        assertThat(ruleOfThumb(instance).feasible()).isFalse();

        Baseline repaired = checkedRepair(instance);
        PlanResult optimum = Fabrics.assertCheckedPlan(instance, new OrToolsPlanner().solve(instance,
                Fabrics.options(Objective.TCO, SolverKind.CP_SAT)));

        assertThat(optimum.repaired().evaluation().objectiveValue())
                .isCloseTo(repaired.evaluation().objectiveValue(), Fabrics.within(optimum.objectiveValue()));
        assertThat(repaired.evaluation().objectiveValue()).isGreaterThanOrEqualTo(optimum.objectiveValue()
                * (1 - 1e-9));
        assertThat(repaired.evaluation().objectiveValue()).isLessThan(ruleOfThumb(instance).evaluation()
                .objectiveValue() * 1.05);
    }

    /**
     * A limit too short to build the model still ends with a valid plan: the repair gets its second, the build is
     * skipped, and the repaired rule of thumb is returned (FEASIBLE, no bound).
     */
    @Test
    void limitTooShortForTheModelReturnsTheRepairedRuleOfThumb() {
        Instance instance = ConstraintFamilyContractTest.leafAndServer(1.45);

        PlanResult r = new OrToolsPlanner().solve(instance, Fabrics.options(Objective.COST, SolverKind.CP_SAT)
                .withTimeLimitSeconds(1e-6), ProgressListener.NONE, new Cancellation());

        Fabrics.assertCheckedPlan(instance, r);
        assertThat(r.status()).isEqualTo(SolveStatus.FEASIBLE);
        assertThat(r.bestBound()).isNaN();
        assertThat(r.statistics().solver()).isEqualTo("rule of thumb, repaired");
        assertThat(r.objectiveValue()).isCloseTo(90960, Fabrics.within(90960));
        assertThat(r.baseline().feasible()).isFalse();
    }
}
