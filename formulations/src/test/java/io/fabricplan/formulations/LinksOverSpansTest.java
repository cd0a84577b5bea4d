package io.fabricplan.formulations;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Link;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Role;
import io.fabricplan.model.Settings;
import io.fabricplan.model.Site;
import io.fabricplan.model.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two buildings joined by one 5 km span; leaf la in A1 (site A), lb in B1 (site B), four 800G links between them.
 * <pre>
 *   [A1: la] ====== s1, 5 km, 2 fiber pairs ====== [B1: lb]
 * </pre>
 */
class LinksOverSpansTest {

    private static Instance campus(Double lengthM) {
        Instance base = new Instance(Settings.defaults(), List.of(new Rack("A1", "A", 0, 0, 20, 0, 10),
                new Rack("B1", "B", 0, 0, 20, 0, 10)), DefaultCatalog.switchModels(),
                List.of(Device.switchOf("la", Role.LEAF, "SW51T", PackagingChoice.AUTO, "A1"),
                        Device.switchOf("lb", Role.LEAF, "SW51T", PackagingChoice.AUTO, "B1")),
                List.of(new Link("ab", "la", "lb", 4, 800, lengthM)), DefaultCatalog.dwdmOptics());
        return base.withDwdm(List.of(new Site("A", "a"), new Site("B", "b")), List.of(new Span("s1", "A", "B", 5, 2)),
                DefaultCatalog.wdmEquipment());
    }

    @Test
    void linkOverSpansWithoutTheDwdmLayerOnTheClassPathIsInvalidNotInfeasible() {
        Instance instance = campus(null);
        PlanResult result = new OrToolsPlanner().solve(instance, SolveOptions.from(instance.settings()));

        assertThat(result.status()).isEqualTo(SolveStatus.INVALID);
        assertThat(result.diagnostics()).singleElement().satisfies(d -> assertThat(d)
                .contains("link \"ab\" joins sites A and B over the Spans sheet", "no inter-site layer",
                        "Maybe add the io.fabricplan:dwdm-planner dependency"));
    }

    /** With its own 5,000 m route the link is point to point: FR/LR reach it; both leaves' ports carry it. */
    @Test
    void linkWithItsOwnLengthIsPlannedPointToPoint() {
        Instance instance = campus(5_000.0);
        PlanResult result = new OrToolsPlanner().solve(instance, SolveOptions.from(instance.settings()));

        assertThat(result.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(new PlanChecker(instance).check(result.plan()).violations()).isEmpty();
        assertThat(result.plan().links()).allSatisfy(a -> assertThat(a.opticId()).isIn("lr4x2_800", "zr800"));
    }
}
