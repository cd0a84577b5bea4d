package io.fabricplan.dwdm.layer;

import io.fabricplan.api.InterSiteMedia;
import io.fabricplan.api.PlanResult;
import io.fabricplan.api.Planner;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.check.CheckReport;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.Device;
import io.fabricplan.model.DwdmPlan;
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
 * Two buildings joined by one 5 km span of two fiber pairs; leaf la in A1 (site A), lb in B1 (site B), four 800G
 * links between them, default catalog.
 * <pre>
 *   [A1: la] ====== s1, 5 km (2.25 dB), 2 fiber pairs ====== [B1: lb]
 * </pre>
 * Grey lr4x2_800 (10 km) costs 5,000 USD a cable but takes a pair each; zr800 costs 14,000 a cable and shares a
 * pair through two awg32-150 (6 dB each: 14.25 dB unamplified, over its 11 dB, so one amplifier: the section
 * is 8.25 dB, OSNR 58 - 10 - 8.25 - NF; edfa-high (NF 7) gives 32.75 dB, medium (NF 10) 29.75, low (NF 11)
 * 28.75 - under 27 + 2). Two pairs for four cables: one grey, three lightpaths on one DWDM pair.
 */
class DwdmLayerTest {

    static Instance twoBuildings(int fiberPairs) {
        Instance base = new Instance(Settings.defaults(), List.of(new Rack("A1", "A", 0, 0, 20, 0, 10),
                new Rack("B1", "B", 0, 0, 20, 0, 10)), DefaultCatalog.switchModels(),
                List.of(Device.switchOf("la", Role.LEAF, "SW51T", PackagingChoice.AUTO, "A1"),
                        Device.switchOf("lb", Role.LEAF, "SW51T", PackagingChoice.AUTO, "B1")),
                List.of(new Link("ab", "la", "lb", 4, 800, null)), DefaultCatalog.dwdmOptics());
        return base.withDwdm(List.of(new Site("A", "a"), new Site("B", "b")),
                List.of(new Span("s1", "A", "B", 5, fiberPairs)), DefaultCatalog.wdmEquipment());
    }

    private static PlanResult solve(Instance instance, InterSiteMedia media) {
        return Planner.create().solve(instance, SolveOptions.from(instance.settings()).withInterSite(media));
    }

    private static void assertChecked(Instance instance, PlanResult result) {
        CheckReport report = new PlanChecker(instance).check(result.plan());
        assertThat(report.violations()).isEmpty();
        assertThat(report.evaluation().objectiveValue()).isCloseTo(result.objectiveValue(),
                org.assertj.core.data.Offset.offset(1e-6 * Math.abs(result.objectiveValue())));
    }

    @Test
    void scarceFiberSplitsCablesBetweenGreyAndOneDwdmPair() {
        Instance instance = twoBuildings(2);
        PlanResult result = solve(instance, InterSiteMedia.ANY);

        assertThat(result.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertChecked(instance, result);
        DwdmPlan dwdm = result.plan().dwdm();
        assertThat(dwdm.greyRoutes()).hasSize(1);
        assertThat(dwdm.lightpaths()).hasSize(3);
        assertThat(dwdm.lightpaths()).extracting(lp -> lp.channel()).doesNotHaveDuplicates();
        assertThat(dwdm.muxes()).hasSize(2).allSatisfy(m -> assertThat(m.itemId()).isEqualTo("awg32-150"));
        assertThat(dwdm.amplifiers()).singleElement().satisfies(a -> {
            assertThat(a.count()).isEqualTo(1);
            assertThat(a.itemId()).isIn("edfa-high", "edfa-medium");
        });
    }

    @Test
    void ampleFiberKeepsEveryCableGrey() {
        Instance instance = twoBuildings(8);
        PlanResult result = solve(instance, InterSiteMedia.ANY);

        assertThat(result.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertChecked(instance, result);
        assertThat(result.plan().dwdm().greyRoutes()).hasSize(4);
        assertThat(result.plan().dwdm().lightpaths()).isEmpty();
        assertThat(result.plan().dwdm().muxes()).isEmpty();
    }

    @Test
    void greyOnlyCannotFitFourCablesInTwoFiberPairs() {
        Instance instance = twoBuildings(2);
        PlanResult result = solve(instance, InterSiteMedia.GREY);

        assertThat(result.status()).isEqualTo(SolveStatus.INFEASIBLE);
        assertThat(result.diagnostics()).singleElement().satisfies(d -> assertThat(d).contains(
                "sites A | B: 4 cable(s) between them cross span(s) s1 with 2 fiber pair(s)",
                "2 cable(s) too many", "Maybe allow DWDM channels"));
    }

    @Test
    void dwdmOnlyPutsAllFourCablesOnChannels() {
        Instance instance = twoBuildings(2);
        PlanResult result = solve(instance, InterSiteMedia.DWDM);

        assertThat(result.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertChecked(instance, result);
        assertThat(result.plan().dwdm().lightpaths()).hasSize(4);
        assertThat(result.objectiveValue()).isGreaterThan(solve(instance, InterSiteMedia.ANY).objectiveValue());
    }

    /**
     * The spine may stand in A2 (site A, next to the leaf) or B1 (site B). With room in A2 it goes there and the
     * links stay inside A (30 m apart, no spans); with A2 full it goes to B1 and its links cross the span.
     */
    @Test
    void placementDecidesWhetherLinksCrossTheSpans() {
        for (int freeUInA2 : new int[] {10, 0}) {
            Instance base = new Instance(Settings.defaults(), List.of(new Rack("A1", "A", 0, 0, 20, 0, 10),
                    new Rack("A2", "A", 26, 0, 20, 0, freeUInA2), new Rack("B1", "B", 0, 0, 20, 0, 10)),
                    DefaultCatalog.switchModels(),
                    List.of(Device.switchOf("la", Role.LEAF, "SW51T", PackagingChoice.PLUGGABLE, "A1"),
                            Device.placedSwitch("sp", Role.SPINE, "SW51T", PackagingChoice.PLUGGABLE,
                                    List.of("A2", "B1"))),
                    List.of(new Link("la-sp", "la", "sp", 4, 800, null)), DefaultCatalog.dwdmOptics());
            Instance instance = base.withDwdm(List.of(new Site("A", "a"), new Site("B", "b")),
                    List.of(new Span("s1", "A", "B", 5, 2)), DefaultCatalog.wdmEquipment());

            PlanResult result = solve(instance, InterSiteMedia.ANY);

            assertThat(result.status()).as("free_u %d", freeUInA2).isEqualTo(SolveStatus.OPTIMAL);
            assertChecked(instance, result);
            String rack = result.plan().devices().stream().filter(d -> d.deviceId().equals("sp")).findFirst()
                    .orElseThrow().rackId();
            if (freeUInA2 > 0) {
                assertThat(rack).isEqualTo("A2");
                assertThat(result.plan().dwdm().isEmpty()).isTrue();
            } else {
                assertThat(rack).isEqualTo("B1");
                assertThat(result.plan().dwdm().greyRoutes().size() + result.plan().dwdm().lightpaths().size())
                        .isEqualTo(4);
            }
        }
    }
}
