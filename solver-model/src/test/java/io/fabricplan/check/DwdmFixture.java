package io.fabricplan.check;

import io.fabricplan.model.AmplifierPlacement;
import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.Device;
import io.fabricplan.model.DeviceAssignment;
import io.fabricplan.model.DwdmPlan;
import io.fabricplan.model.GreyRoute;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Lightpath;
import io.fabricplan.model.Link;
import io.fabricplan.model.LinkAssignment;
import io.fabricplan.model.MuxPlacement;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Plan;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Role;
import io.fabricplan.model.Settings;
import io.fabricplan.model.Site;
import io.fabricplan.model.Span;
import io.fabricplan.model.SpanHop;
import io.fabricplan.model.WdmEquipment;
import java.util.ArrayList;
import java.util.List;

import static io.fabricplan.model.Packaging.PLUGGABLE;

/**
 * Three buildings on a fiber ring, a pluggable 51.2T switch in each, and a valid DWDM plan worked out by hand.
 *
 * <pre>
 *                 A  (rack RA: swA)
 *     s-ca 4 km  /  \  s-ab 2 km          every span: 2 fiber pairs, 0.25 dB/km + 1 dB connectors
 *   (2 dB)      /    \  (1.5 dB)
 *             C ------ B
 *   (swC in RC)  s-bc 3 km (1.75 dB)  (swB in RB)
 *
 *   LAB swA-swB 2 x 800G: lightpaths zr800 on s-ab#0, channels 0 and 1
 *   LAC swA-swC 1 x 800G: lightpath  zr800 on s-ca#0 (C to A is walked backwards), channel 0
 *   LBC swB-swC 1 x 800G: grey lr4x2_800 (10 km) on s-bc#1 (3 km)
 *   MUX awg32-150 (32 ch @ 150 GHz, 6.0 dB) at both ends of s-ab#0 and s-ca#0; one edfa-high (gain 35 dB, NF 7 dB)
 *   on each of s-ab#0 and s-ca#0.
 * </pre>
 * OSNR (zr800 launches -10 dBm, needs 27 dB + 2 dB margin = 29 dB), one amplified section each:
 * LAB: MUX 6 + span 1.5 = 7.5 dB, OSNR = 58 - 10 - 7.5 - 7 = 33.5 dB (margin 4.5); LAC: 6 + 2 = 8 dB,
 * OSNR = 58 - 10 - 8 - 7 = 33 dB (margin 4). After the amplifier only the DEMUX's 6 dB (budget 11 dB).
 */
final class DwdmFixture {
    /** Switches 3 x 60000; zr800 2 ends x 7000 for 3 cables; lr4x2 2 x 2500; 4 MUX x 4000; 2 EDFA x 12000. */
    static final double CAPEX_USD = 180_000 + 3 * 14_000 + 5_000 + 16_000 + 24_000;
    /** Switches 3 x 1300; zr800 3 x 2 x 26; lr4x2 2 x 20; MUX 0 W; 2 EDFA x 40 W. */
    static final double POWER_W = 3_900 + 156 + 40 + 80;

    private DwdmFixture() {
    }

    /** A one-channel MUX on top of the default equipment, to overfill. */
    static final WdmEquipment TINY_MUX = WdmEquipment.mux("awg1-150", 1, 150, 6.0, 0, 500, "test");

    static Instance instance() {
        List<Rack> racks = List.of(new Rack("RA", "A", 0, 0, 10, 0, 10), new Rack("RB", "B", 0, 0, 10, 0, 10),
                new Rack("RC", "C", 0, 0, 10, 0, 10));
        List<Device> devices = List.of(
                Device.switchOf("swA", Role.SPINE, "SW51T", PackagingChoice.PLUGGABLE, "RA"),
                Device.switchOf("swB", Role.SPINE, "SW51T", PackagingChoice.PLUGGABLE, "RB"),
                Device.switchOf("swC", Role.SPINE, "SW51T", PackagingChoice.PLUGGABLE, "RC"));
        List<Link> links = List.of(new Link("LAB", "swA", "swB", 2, 800, null),
                new Link("LAC", "swA", "swC", 1, 800, null), new Link("LBC", "swB", "swC", 1, 800, null));
        List<WdmEquipment> wdm = new ArrayList<>(DefaultCatalog.wdmEquipment());
        wdm.add(TINY_MUX);
        return new Instance(Settings.defaults(), racks, DefaultCatalog.switchModels(), devices, links,
                DefaultCatalog.dwdmOptics()).withDwdm(
                List.of(new Site("A", "Building A"), new Site("B", null), new Site("C", null)),
                List.of(new Span("s-ab", "A", "B", 2, 2), new Span("s-bc", "B", "C", 3, 2),
                        new Span("s-ca", "C", "A", 4, 2)),
                wdm);
    }

    static List<LinkAssignment> links() {
        return List.of(new LinkAssignment("LAB", "zr800", PLUGGABLE, PLUGGABLE, 2),
                new LinkAssignment("LAC", "zr800", PLUGGABLE, PLUGGABLE, 1),
                new LinkAssignment("LBC", "lr4x2_800", PLUGGABLE, PLUGGABLE, 1));
    }

    static List<Lightpath> lightpaths() {
        return List.of(new Lightpath("LAB", 0, "zr800", List.of(new SpanHop("s-ab", 0)), 0),
                new Lightpath("LAB", 1, "zr800", List.of(new SpanHop("s-ab", 0)), 1),
                new Lightpath("LAC", 0, "zr800", List.of(new SpanHop("s-ca", 0)), 0));
    }

    static List<GreyRoute> greys() {
        return List.of(new GreyRoute("LBC", 0, "lr4x2_800", List.of(new SpanHop("s-bc", 1))));
    }

    static List<AmplifierPlacement> amplifiers() {
        return List.of(new AmplifierPlacement("s-ab", 0, "edfa-high", 1),
                new AmplifierPlacement("s-ca", 0, "edfa-high", 1));
    }

    static List<MuxPlacement> muxes() {
        return muxes("awg32-150");
    }

    static List<MuxPlacement> muxes(String abItem) {
        return List.of(new MuxPlacement("A", "s-ab", 0, abItem), new MuxPlacement("B", "s-ab", 0, abItem),
                new MuxPlacement("C", "s-ca", 0, "awg32-150"), new MuxPlacement("A", "s-ca", 0, "awg32-150"));
    }

    static DwdmPlan dwdm() {
        return new DwdmPlan(lightpaths(), greys(), amplifiers(), muxes());
    }

    static Plan plan() {
        return plan(dwdm());
    }

    static Plan plan(DwdmPlan dwdm) {
        return new Plan(List.of(new DeviceAssignment("swA", "sw51-p", "RA"),
                new DeviceAssignment("swB", "sw51-p", "RB"), new DeviceAssignment("swC", "sw51-p", "RC")),
                links(), null, dwdm);
    }
}
