package io.fabricplan.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fabricplan.check.Violation.Kind;
import io.fabricplan.model.Device;
import io.fabricplan.model.DeviceAssignment;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Link;
import io.fabricplan.model.LinkAssignment;
import io.fabricplan.model.Media;
import io.fabricplan.model.Optic;
import io.fabricplan.model.OpticKind;
import io.fabricplan.model.Packaging;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Plan;
import io.fabricplan.model.PlanEvaluation;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Role;
import io.fabricplan.model.Settings;
import io.fabricplan.model.SwitchModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Twin-port modules, pairings and breakout cables as the checker recomputes them, on hand-edited plans.
 *
 * <pre>
 *   leaf (p: PLUGGABLE, 2 ports of 800G, 1,000 W, 10,000 USD)
 *    |  |  |        l1..l3: 400G, one each, in rack R1
 *   s1 s2 s3        servers, one 400G port each
 * </pre>
 * Optics (no fiber cost): {@code dr4} 400G DR, 9 W, 700 USD; {@code twin} 800G twin-port DR, breakout 2, 16 W,
 * 1,000 USD, pairs with dr4; {@code fr4} 400G FR, 12 W, 750 USD (pairs with nothing); {@code bdac} 800G to
 * 2x400G DAC, breakout 2, 1 W, 150 USD.
 */
class BreakoutCheckTest {
    static final Optic DR4 = new Optic("dr4", OpticKind.TRANSCEIVER, 400, 500, "DR", Media.SMF, 9, 700, 0, false, "");
    static final Optic TWIN = new Optic("twin", OpticKind.TRANSCEIVER, 800, 500, "DR", Media.SMF, 16, 1000, 0, false,
            "").withBreakout(2, List.of("dr4"));
    static final Optic FR4 = new Optic("fr4", OpticKind.TRANSCEIVER, 400, 2000, "FR", Media.SMF, 12, 750, 0, false,
            "");
    static final Optic BDAC = new Optic("bdac", OpticKind.DAC, 800, 3, null, Media.COPPER, 1, 150, 0, false, "")
            .withBreakout(2, List.of());
    static final SwitchModel P = new SwitchModel("p", "F", Packaging.PLUGGABLE, 2, 800, 1000, 0, null, 10_000, 1,
            false, "");

    static Instance instance() {
        List<Device> devices = new ArrayList<>(List.of(Device.switchOf("leaf", Role.LEAF, "F", PackagingChoice.AUTO,
                "R1")));
        List<Link> links = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            devices.add(Device.server("s" + i, "R1", 1, 400, false));
            links.add(new Link("l" + i, "leaf", "s" + i, 1, 400, null));
        }
        return new Instance(Settings.defaults(), List.of(new Rack("R1", null, 0, 0, 50, 10, 40)), List.of(P),
                devices, links, List.of(DR4, TWIN, FR4, BDAC));
    }

    static Plan plan(LinkAssignment... links) {
        return new Plan(List.of(new DeviceAssignment("leaf", "p", "R1"), new DeviceAssignment("s1", null, "R1"),
                new DeviceAssignment("s2", null, "R1"), new DeviceAssignment("s3", null, "R1")), List.of(links));
    }

    static LinkAssignment link(String id, String leafOptic, String serverOptic) {
        return new LinkAssignment(id, leafOptic, Packaging.PLUGGABLE, Packaging.PLUGGABLE, 1, serverOptic);
    }

    private static double bom(CheckReport report, String itemId) {
        return report.evaluation().bom().stream().filter(b -> b.itemId().equals(itemId))
                .mapToDouble(PlanEvaluation.BomRow::quantity).sum();
    }

    /**
     * l1, l2 on one twin, l3 dr4 at both ends: one twin (1,000) and four dr4 (2,800) with the switch: 13,800 USD;
     * leaf ports 1 + 0.5; power 1,000 + 16 + 4 x 9 = 1,052 W. Each twin link row holds half the twin.
     */
    @Test
    void twinPortModuleIsCountedOncePerTwoLinks() {
        CheckReport report = new PlanChecker(instance()).check(plan(link("l1", "twin", "dr4"),
                link("l2", "twin", "dr4"), link("l3", "dr4", "dr4")));

        assertThat(report.violations()).isEmpty();
        assertThat(report.notes()).isEmpty();
        assertThat(report.evaluation().capexUsd()).isCloseTo(13_800, within(1e-6));
        assertThat(report.evaluation().powerW()).isCloseTo(1_052, within(1e-6));
        assertThat(bom(report, "twin")).isEqualTo(1);
        assertThat(bom(report, "dr4")).isEqualTo(4);
        assertThat(report.evaluation().links().get(0).costUsd()).isCloseTo(500 + 700, within(1e-6));
        assertThat(report.evaluation().devices().get(0).portsUsed()).isCloseTo(1.5, within(1e-9));
    }

    /**
     * A twin for l1 alone is bought and powered whole (1,000 USD, 16 W) and noted with its idle port; the three
     * links on twins one each take three ports of two: PORTS_EXCEEDED.
     */
    @Test
    void twinPortModuleForOneLinkIsNotedAndTakesAWholePort() {
        CheckReport alone = new PlanChecker(instance()).check(plan(link("l1", "twin", "dr4"),
                link("l2", "dr4", "dr4"), link("l3", "dr4", "dr4")));
        CheckReport pair = new PlanChecker(instance()).check(plan(link("l1", "twin", "dr4"),
                link("l2", "twin", "dr4"), link("l3", "twin", "dr4")));

        assertThat(alone.violations()).isEmpty();
        assertThat(alone.notes()).singleElement().asString()
                .contains("twin at leaf: 1 link on 1 unit of 2 ports, 1 port idle");
        assertThat(alone.evaluation().capexUsd()).isCloseTo(10_000 + 1_000 + 5 * 700, within(1e-6));
        assertThat(pair.violations()).isEmpty();
        assertThat(pair.evaluation().devices().get(0).portsUsed()).isCloseTo(2.0, within(1e-9));

        Instance onePort = instance().withSwitchModels(List.of(new SwitchModel("p", "F", Packaging.PLUGGABLE, 1, 800, 1000,
                0, null, 10_000, 1, false, "")));
        CheckReport tight = new PlanChecker(onePort).check(plan(link("l1", "twin", "dr4"),
                link("l2", "dr4", "dr4"), link("l3", "dr4", "dr4")));
        assertThat(tight.violations()).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(Kind.PORTS_EXCEEDED);
            assertThat(v.message()).contains("uses 2 ports of 1");
        });
    }

    /**
     * fr4 names no pairing: facing dr4 is refused, as is a twin at a server's 400G port (which would also take two
     * of its one port).
     */
    @Test
    void modulesThatDoNotPairAndTwinsOnNarrowPortsAreFlagged() {
        CheckReport report = new PlanChecker(instance()).check(plan(link("l1", "fr4", "dr4"),
                link("l2", "dr4", "twin"), link("l3", "dr4", "dr4")));

        assertThat(report.violations()).extracting(Violation::kind)
                .containsExactlyInAnyOrder(Kind.PAIRING_NOT_ALLOWED, Kind.END_INCOMPATIBLE, Kind.PORTS_EXCEEDED);
        assertThat(report.violations()).anySatisfy(v -> assertThat(v.message())
                .isEqualTo("fr4 at leaf may not face dr4 at s1: neither names the other in pairs_with"));
        assertThat(report.violations()).anySatisfy(v -> assertThat(v.message())
                .contains("twin at s2: a 2-port module plugs into a 800 Gb/s port, the device's ports run at 400"));
    }

    /**
     * Breakout DACs: the wide end at the leaf (800G ports), three links take two cables (300 USD, 2 W, all at the
     * leaf), one leg idle; the rate of a breakout optic is per link.
     */
    @Test
    void breakoutCablesAreCountedAtTheirWideEnd() {
        CheckReport report = new PlanChecker(instance()).check(plan(link("l1", "bdac", null),
                link("l2", "bdac", null), link("l3", "bdac", null)));

        assertThat(report.violations()).isEmpty();
        assertThat(report.evaluation().capexUsd()).isCloseTo(10_300, within(1e-6));
        assertThat(report.evaluation().powerW()).isCloseTo(1_002, within(1e-6));
        assertThat(report.evaluation().pooled()).singleElement()
                .satisfies(p -> assertThat(List.of(p.deviceId(), p.units(), p.idlePorts()))
                        .containsExactly("leaf", 2L, 1L));
        assertThat(report.notes()).singleElement().asString().startsWith("bdac at leaf: 3 links on 2 units");
    }
}
