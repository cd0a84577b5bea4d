package io.fabricplan.formulations;

import static io.fabricplan.formulations.Fabrics.assertCheckedPlan;
import static io.fabricplan.formulations.Fabrics.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.model.Instance;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.SolverKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * What a planner expects of an optimiser when the rules change: relaxing one (a rack's budget, its free rack
 * units, a switch's packaging request, a placed switch's candidate racks, a server's NIC ports or LPO support)
 * never raises the optimum nor loses the plan, and listing the same fabric's rows in another order changes neither
 * the status nor the optimum (nor where an invalid one's problems are). CP-SAT with the default LP bound, as the
 * product solves.
 */
class RelaxationProperties {

    private final OrToolsPlanner planner = new OrToolsPlanner();

    /** One relaxation of a fabric at the spec {@code pick} names; the fabric itself when it has no such spec. */
    enum Relaxation {
        LOOSER_RACK_BUDGET((f, pick) -> withRack(f, pick, r -> new RandomFabrics.RackSpec(r.xSlot(), r.y(), false,
                r.headroom100W(), r.freeU()))),
        MORE_FREE_RACK_UNITS((f, pick) -> withRack(f, pick, r -> new RandomFabrics.RackSpec(r.xSlot(), r.y(),
                r.tight(), r.headroom100W(), r.freeU() + 4))),
        SWITCH_PACKAGING_LEFT_TO_THE_OPTIMISER((f, pick) -> withSwitch(f, pick, s -> new RandomFabrics.SwitchSpec(
                s.family(), PackagingChoice.AUTO, s.placed(), s.rack(), s.candidateMask(), s.copies()))),
        ONE_MORE_CANDIDATE_RACK((f, pick) -> withSwitch(f, pick, s -> {
            List<String> now = RandomFabrics.candidates(s, f.racks().size());
            int mask = 0;
            for (String r : now) {
                mask |= 1 << Integer.parseInt(r.substring(1));
            }
            int added = mask | 1 << (pick % f.racks().size());
            return new RandomFabrics.SwitchSpec(s.family(), s.packaging(), s.placed(), s.rack(), added, s.copies());
        })),
        MORE_NIC_PORTS((f, pick) -> withServer(f, pick, s -> new RandomFabrics.ServerSpec(s.rack(), s.ports() * 2,
                s.gbps(), s.lpo(), s.copies()))),
        LPO_CAPABLE_NIC((f, pick) -> withServer(f, pick, s -> new RandomFabrics.ServerSpec(s.rack(), s.ports(),
                s.gbps(), true, s.copies())));

        private final BiFunction<RandomFabrics.Fabric, Integer, RandomFabrics.Fabric> relax;

        Relaxation(BiFunction<RandomFabrics.Fabric, Integer, RandomFabrics.Fabric> relax) {
            this.relax = relax;
        }

        RandomFabrics.Fabric apply(RandomFabrics.Fabric fabric, int pick) {
            return relax.apply(fabric, pick);
        }
    }

    @Provide
    Arbitrary<RandomFabrics.Fabric> fabrics() {
        return RandomFabrics.fabrics();
    }

    @Property(tries = 80, seed = "20260612")
    void relaxingARuleNeverRaisesTheOptimum(@ForAll("fabrics") RandomFabrics.Fabric fabric,
                                            @ForAll Relaxation relaxation, @ForAll @IntRange(max = 999) int pick) {
        RandomFabrics.Fabric relaxed = relaxation.apply(fabric, pick);
        PlanResult before = solve(fabric.instance());
        PlanResult after = solve(relaxed.instance());
        Statistics.label("before -> after").collect(before.status() + " -> " + after.status());

        if (before.status() == SolveStatus.OPTIMAL) {
            assertThat(after.status()).as("%s of%s%ngives%s", relaxation, fabric, relaxed)
                    .isEqualTo(SolveStatus.OPTIMAL);
            assertThat(after.objectiveValue()).as("%s of%s", relaxation, fabric)
                    .isLessThanOrEqualTo(before.objectiveValue() + within(before.objectiveValue()).value);
        }
        for (PlanResult r : List.of(before, after)) {
            assertThat(r.status()).isIn(SolveStatus.OPTIMAL, SolveStatus.INFEASIBLE, SolveStatus.INVALID);
        }
        if (after.status() == SolveStatus.INVALID) {
            assertThat(before.status()).as("%s made%s%ninvalid: %s", relaxation, fabric, after.diagnostics())
                    .isEqualTo(SolveStatus.INVALID);
        }
    }

    @Property(tries = 60, seed = "20260613")
    void rowOrderChangesNothing(@ForAll("fabrics") RandomFabrics.Fabric fabric) {
        Instance instance = fabric.instance();
        PlanResult given = solve(instance);
        PlanResult reversed = solve(reversed(instance));
        Statistics.label("status").collect(given.status());

        assertThat(reversed.status()).isEqualTo(given.status());
        if (given.status().hasPlan()) {
            assertThat(reversed.objectiveValue()).isCloseTo(given.objectiveValue(), within(given.objectiveValue()));
        } else if (given.status() == SolveStatus.INVALID) {
            // the same problems at the same places (their texts list options in sheet order)
            assertThat(places(reversed.diagnostics())).containsExactlyInAnyOrderElementsOf(places(given.diagnostics()));
        }
    }

    private PlanResult solve(Instance instance) {
        PlanResult r = planner.solve(instance, Fabrics.options(instance.settings().objective(), SolverKind.CP_SAT));
        if (r.status().hasPlan()) {
            assertCheckedPlan(instance, r);
        }
        return r;
    }

    private static List<String> places(List<String> diagnostics) {
        return diagnostics.stream().map(d -> d.substring(0, d.indexOf(": "))).toList();
    }

    /** The same fabric with the rows of every sheet in reverse order. */
    static Instance reversed(Instance instance) {
        return new Instance(instance.settings(), reverse(instance.racks()), reverse(instance.switchModels()),
                reverse(instance.devices()), reverse(instance.links()), reverse(instance.optics()));
    }

    private static <T> List<T> reverse(List<T> list) {
        List<T> out = new ArrayList<>(list);
        Collections.reverse(out);
        return out;
    }

    private static RandomFabrics.Fabric withRack(RandomFabrics.Fabric f, int pick,
                                                 java.util.function.UnaryOperator<RandomFabrics.RackSpec> change) {
        List<RandomFabrics.RackSpec> racks = new ArrayList<>(f.racks());
        int i = pick % racks.size();
        racks.set(i, change.apply(racks.get(i)));
        return new RandomFabrics.Fabric(f.objective(), f.usdPerWatt(), racks, f.switches(), f.servers(), f.links());
    }

    private static RandomFabrics.Fabric withSwitch(RandomFabrics.Fabric f, int pick,
                                                   java.util.function.UnaryOperator<RandomFabrics.SwitchSpec> change) {
        if (f.switches().isEmpty()) {
            return f;
        }
        List<RandomFabrics.SwitchSpec> switches = new ArrayList<>(f.switches());
        int i = pick % switches.size();
        switches.set(i, change.apply(switches.get(i)));
        return new RandomFabrics.Fabric(f.objective(), f.usdPerWatt(), f.racks(), switches, f.servers(), f.links());
    }

    private static RandomFabrics.Fabric withServer(RandomFabrics.Fabric f, int pick,
                                                   java.util.function.UnaryOperator<RandomFabrics.ServerSpec> change) {
        List<RandomFabrics.ServerSpec> servers = new ArrayList<>(f.servers());
        int i = pick % servers.size();
        servers.set(i, change.apply(servers.get(i)));
        return new RandomFabrics.Fabric(f.objective(), f.usdPerWatt(), f.racks(), f.switches(), servers, f.links());
    }
}
