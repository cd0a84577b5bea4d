package io.fabricplan.studies;

import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Plan;
import io.fabricplan.model.PlanEvaluation;
import io.fabricplan.model.PlanEvaluator;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Role;
import io.fabricplan.study.OverrideValue;
import io.fabricplan.study.OverrideTarget;
import io.fabricplan.study.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The industry's path to co-packaged optics as three scenarios of any instance: 1 every switch pluggable; 2
 * hybrid, every switch AUTO (the optimiser chooses per switch); 3 spines and cores CPO, leaves (and other switches)
 * pluggable. Each stage is a set of {@code Devices[role=R].packaging} overrides, so a study shows it like any
 * other scenario (with each plan's least rack headroom); {@link #lifted} and {@link #headroom} serve a comparison
 * that must give every stage a plan (the benchmark's table) and measure it against the real rack budgets.
 */
public final class CpoStages {
    /** Scenario ids of the stages, in order. */
    public static final List<String> NAMES = List.of("stage-1-pluggable", "stage-2-hybrid", "stage-3-cpo-spine");

    /** What each stage means, for descriptions. */
    public static final List<String> DESCRIPTIONS = List.of("all pluggable", "hybrid: the optimiser's choice",
            "CPO at spine and above, pluggable leaves");

    private CpoStages() {
    }

    /**
     * The stages as scenarios of the instance, or crossed with the given scenarios ({@code row/stage-n-...}, the
     * stage's overrides after the row's) when there are any.
     */
    public static List<Scenario> scenarios(Instance instance, List<Scenario> rows) {
        List<Scenario> out = new ArrayList<>();
        List<Scenario> bases = rows.isEmpty() ? List.of(new Scenario("", "", List.of())) : rows;
        for (Scenario base : bases) {
            for (int stage = 1; stage <= 3; stage++) {
                List<OverrideValue> overrides = new ArrayList<>(base.overrides());
                overrides.addAll(overrides(instance, stage));
                String id = base.id().isEmpty() ? NAMES.get(stage - 1) : base.id() + "/" + NAMES.get(stage - 1);
                String description = (base.description().isEmpty() ? "" : base.description() + "; ")
                        + DESCRIPTIONS.get(stage - 1);
                out.add(new Scenario(id, description, overrides, base.pareto(), base.cell()));
            }
        }
        return out;
    }

    /** The packaging overrides of a stage (1, 2 or 3), one per switch role the instance has. */
    static List<OverrideValue> overrides(Instance instance, int stage) {
        Set<Role> roles = new TreeSet<>();
        for (Device d : instance.devices()) {
            if (d.isSwitch()) {
                roles.add(d.role());
            }
        }
        List<OverrideValue> out = new ArrayList<>();
        for (Role role : roles) {
            OverrideTarget target = new OverrideTarget("Devices", "packaging", null, "role", role.name(), false);
            out.add(OverrideValue.of(target, choice(role, stage).name(), "--stages"));
        }
        return out;
    }

    private static PackagingChoice choice(Role role, int stage) {
        return switch (stage) {
            case 1 -> PackagingChoice.PLUGGABLE;
            case 2 -> PackagingChoice.AUTO;
            case 3 -> role == Role.SPINE || role == Role.CORE ? PackagingChoice.CPO : PackagingChoice.PLUGGABLE;
            default -> throw new IllegalArgumentException("stages are 1, 2 and 3, got " + stage);
        };
    }

    /** The instance at a stage (1, 2 or 3): its switches' packaging set as the stage says, all else kept. */
    public static Instance stage(Instance instance, int stage) {
        List<Device> devices = instance.devices().stream().map(d -> !d.isSwitch() ? d
                : new Device(d.id(), d.role(), d.family(), choice(d.role(), stage), d.rackId(), d.ports(),
                d.portGbps(), d.lpoCapable(), d.candidateRacks(), d.installedModel(), d.platform())).toList();
        return instance.withDevices(devices);
    }

    /** The instance with every rack's budget raised by {@code kw}, so that a stage that does not fit has a plan. */
    public static Instance lifted(Instance instance, double kw) {
        List<Rack> racks = instance.racks().stream().map(r -> new Rack(r.id(), r.siteId(), r.xM(), r.yM(),
                r.powerBudgetKw() + kw, r.baseLoadKw(), r.freeU())).toList();
        return instance.withRacks(racks);
    }

    /**
     * Rack power of a plan against the real budgets.
     *
     * @param leastKw     the least headroom over the racks (negative: a rack is over its budget)
     * @param racksOver   racks over their budget
     * @param worstOverKw how far the worst rack is over (0 when none is)
     */
    public record Headroom(double leastKw, long racksOver, double worstOverKw) {
    }

    /** The plan's rack power measured against the real instance's budgets. */
    public static Headroom headroom(Instance real, Plan plan) {
        List<PlanEvaluation.RackRow> racks = new PlanEvaluator(real).evaluate(plan).racks();
        double least = racks.stream().mapToDouble(r -> r.powerBudgetKw() - r.totalKw()).min().orElse(Double.NaN);
        long over = racks.stream().filter(r -> r.totalKw() > r.powerBudgetKw() + 1e-9).count();
        return new Headroom(least, over, Math.max(0, -least));
    }
}
