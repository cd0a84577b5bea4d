package io.fabricplan.check;

import io.fabricplan.check.Violation.Kind;
import io.fabricplan.model.AmplifierPlacement;
import io.fabricplan.model.DwdmEvaluator;
import io.fabricplan.model.DwdmPlan;
import io.fabricplan.model.GreyRoute;
import io.fabricplan.model.InstanceIndex;
import io.fabricplan.model.Lightpath;
import io.fabricplan.model.MuxPlacement;
import io.fabricplan.model.PlanEvaluation;
import io.fabricplan.model.SpanHop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The DWDM rules over {@link DwdmFixture}'s ring: a valid plan, then one hand-made break per rule. */
class DwdmCheckerTest {

    @Test
    void validRingPlanPassesWithFiguresWorkedOutByHand() {
        CheckReport report = new PlanChecker(DwdmFixture.instance()).check(DwdmFixture.plan());

        assertThat(report.violations()).isEmpty();
        PlanEvaluation e = report.evaluation();
        assertThat(e.capexUsd()).isCloseTo(DwdmFixture.CAPEX_USD, within(1e-6));
        assertThat(e.powerW()).isCloseTo(DwdmFixture.POWER_W, within(1e-9));
        assertThat(e.bom()).filteredOn(b -> b.itemId().equals("awg32-150")).singleElement()
                .satisfies(b -> assertThat(b.kind()).isEqualTo("MUX"))
                .satisfies(b -> assertThat(b.quantity()).isEqualTo(4.0));
        assertThat(e.bom()).filteredOn(b -> b.itemId().equals("edfa-high")).singleElement()
                .satisfies(b -> assertThat(b.totalCostUsd()).isEqualTo(24_000.0));
        // Site equipment draws no rack power: RA carries swA and three zr800 ends only.
        assertThat(e.racks().get(0).networkKw()).isCloseTo((1300 + 3 * 26) / 1000.0, within(1e-12));
    }

    @Test
    void lightpathFiguresFollowTheOsnrFormula() {
        DwdmEvaluator ev = new DwdmEvaluator(new InstanceIndex(DwdmFixture.instance()), DwdmFixture.plan());

        DwdmEvaluator.LightpathFigures lab1 = ev.figures(DwdmFixture.lightpaths().get(1));
        DwdmEvaluator.LightpathFigures lac = ev.figures(DwdmFixture.lightpaths().get(2));

        assertThat(lab1.osnrDb()).isCloseTo(33.5, within(1e-9));
        assertThat(lab1.requiredOsnrDb()).isEqualTo(29.0);
        assertThat(lab1.marginDb()).isCloseTo(4.5, within(1e-9));
        assertThat(lab1.frequencyThz()).isCloseTo(191.45, within(1e-9));
        assertThat(lab1.budget().receiverLossDb()).isEqualTo(6.0);
        assertThat(lac.osnrDb()).isCloseTo(33.0, within(1e-9));
        assertThat(lac.routeLengthM()).isEqualTo(4000.0);
        assertThat(ev.spanRows()).extracting(DwdmEvaluator.SpanRow::spanId, DwdmEvaluator.SpanRow::fiberPairsUsed,
                        DwdmEvaluator.SpanRow::dwdmFiberPairs, DwdmEvaluator.SpanRow::channelsUsed,
                        DwdmEvaluator.SpanRow::amplifiers)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("s-ab", 1, 1, 2, 1),
                        org.assertj.core.groups.Tuple.tuple("s-bc", 1, 0, 0, 0),
                        org.assertj.core.groups.Tuple.tuple("s-ca", 1, 1, 1, 1));
    }

    @Test
    void sameChannelOnTheSameFiberPairIsCaught() {
        List<Lightpath> lps = new ArrayList<>(DwdmFixture.lightpaths());
        lps.set(1, new Lightpath("LAB", 1, "zr800", List.of(new SpanHop("s-ab", 0)), 0));

        assertSingle(withLightpaths(lps), Kind.CHANNEL_CONFLICT, "s-ab#0", "channel 0 is used by LAB[0] and LAB[1]");
    }

    @Test
    void routeThatDoesNotLeaveTheLinksSiteIsCaught() {
        List<Lightpath> lps = new ArrayList<>(DwdmFixture.lightpaths());
        lps.set(2, new Lightpath("LAC", 0, "zr800", List.of(new SpanHop("s-bc", 0)), 0));

        assertSingle(withLightpaths(lps), Kind.ROUTE_DISCONTINUOUS, "LAC[0]",
                "span s-bc (B-C) does not start at site \"A\"");
    }

    @Test
    void fiberPairBeyondTheSpansPairsIsCaught() {
        DwdmPlan d = DwdmFixture.dwdm();
        DwdmPlan broken = new DwdmPlan(d.lightpaths(),
                List.of(new GreyRoute("LBC", 0, "lr4x2_800", List.of(new SpanHop("s-bc", 2)))), d.amplifiers(),
                d.muxes());

        assertSingle(broken, Kind.FIBER_PAIRS_EXCEEDED, "s-bc", "the span has 2 (#0..#1)");
    }

    @Test
    void greyCableOnADwdmFiberPairIsCaught() {
        DwdmPlan d = DwdmFixture.dwdm();
        DwdmPlan broken = new DwdmPlan(d.lightpaths(),
                List.of(new GreyRoute("LBC", 0, "lr4x2_800", List.of(new SpanHop("s-ab", 0),
                        new SpanHop("s-ca", 1)))), d.amplifiers(), d.muxes());

        // B -> A -> C is 6 km, still within lr4x2's 10 km; the pair s-ab#0 is the DWDM system's.
        assertSingle(broken, Kind.FIBER_PAIR_CONFLICT, "s-ab#0", "shares the fiber pair with 2 lightpath(s)");
    }

    @Test
    void muxOverCapacityIsCaught() {
        DwdmPlan d = DwdmFixture.dwdm();
        DwdmPlan broken = new DwdmPlan(d.lightpaths(), d.greyRoutes(), d.amplifiers(),
                DwdmFixture.muxes(DwdmFixture.TINY_MUX.id()));

        List<Violation> v = new PlanChecker(DwdmFixture.instance()).check(DwdmFixture.plan(broken)).violations();
        assertThat(v).anySatisfy(x -> {
            assertThat(x.kind()).isEqualTo(Kind.MUX_CAPACITY_EXCEEDED);
            assertThat(x.subject()).isEqualTo("s-ab#0");
            assertThat(x.message()).contains("2 lightpaths on the fiber pair, its MUX has 1");
        });
        // and a 1-channel MUX passes channel 0 only: the lightpath on channel 1 is off it
        assertThat(v).filteredOn(x -> x.kind() == Kind.CHANNEL_OUT_OF_GRID).isNotEmpty()
                .allSatisfy(x -> assertThat(x.message()).contains("is off the MUX's 1 channels"));
    }

    /**
     * LAC over A-B-C instead: section 1 MUX 6 + 1.5 = 7.5 dB (33.5 dB); section 2 DEMUX 6 + MUX 6 + 1.75 = 13.75
     * dB (58 - 10 - 13.75 - 7 = 27.25 dB); 1/(10^-3.35 + 10^-2.725) gives 26.326 dB below 29.
     */
    @Test
    void osnrBelowRequiredPlusMarginIsCaught() {
        DwdmPlan d = DwdmFixture.dwdm();
        List<Lightpath> lps = new ArrayList<>(d.lightpaths());
        lps.set(2, new Lightpath("LAC", 0, "zr800", List.of(new SpanHop("s-ab", 0), new SpanHop("s-bc", 0)), 2));
        List<MuxPlacement> muxes = new ArrayList<>(d.muxes());
        muxes.add(new MuxPlacement("B", "s-bc", 0, "awg32-150"));
        muxes.add(new MuxPlacement("C", "s-bc", 0, "awg32-150"));
        List<AmplifierPlacement> amps = new ArrayList<>(d.amplifiers());
        amps.add(new AmplifierPlacement("s-bc", 0, "edfa-high", 1));

        assertSingle(new DwdmPlan(lps, d.greyRoutes(), amps, muxes), Kind.OSNR_BELOW_REQUIRED, "LAC[0]",
                "OSNR 26.326 dB over s-ab#0>s-bc#0, zr800 needs 27 + margin 2 = 29 dB");
    }

    /** Without its amplifier LAC loses MUX 6 + 2 + DEMUX 6 = 14 dB unamplified; zr800 tolerates 11. */
    @Test
    void unamplifiedLossBeyondTheOpticsBudgetIsCaught() {
        DwdmPlan d = DwdmFixture.dwdm();
        DwdmPlan broken = new DwdmPlan(d.lightpaths(), d.greyRoutes(), List.of(d.amplifiers().get(0)), d.muxes());

        assertSingle(broken, Kind.LOSS_BUDGET_EXCEEDED, "LAC[0]",
                "the receiver sees 14 dB of loss after the last amplifier (none on the route), zr800 tolerates 11 dB");
    }

    @Test
    void dwdmFiberPairWithoutItsMuxIsCaught() {
        DwdmPlan d = DwdmFixture.dwdm();
        DwdmPlan broken = new DwdmPlan(d.lightpaths(), d.greyRoutes(), d.amplifiers(), d.muxes().subList(0, 3));

        assertSingle(broken, Kind.MUX_MISSING, "LAC[0]", "no MUX at site \"A\" for s-ca#0");
    }

    @Test
    void cableThatIsNeitherLightpathNorGreyRouteIsCaught() {
        DwdmPlan d = DwdmFixture.dwdm();

        assertSingle(new DwdmPlan(d.lightpaths(), List.of(), d.amplifiers(), d.muxes()), Kind.CABLE_NOT_ROUTED,
                "LBC", "cable(s) 0 of 1 are neither a lightpath nor a grey route");
    }

    @Test
    void greyRouteLongerThanTheOpticsReachIsCaught() {
        DwdmPlan d = DwdmFixture.dwdm();
        DwdmPlan broken = new DwdmPlan(d.lightpaths(), List.of(new GreyRoute("LBC", 0, "lr4x2_800",
                List.of(new SpanHop("s-ab", 1), new SpanHop("s-ca", 1), new SpanHop("s-bc", 1),
                        new SpanHop("s-ab", 1)))), d.amplifiers(), d.muxes());

        List<Violation> v = new PlanChecker(DwdmFixture.instance()).check(DwdmFixture.plan(broken)).violations();

        // B-A-C-B-A ends at A, not C: a discontinuous route is reported, not its reach.
        assertThat(v).extracting(Violation::kind).contains(Kind.ROUTE_DISCONTINUOUS)
                .doesNotContain(Kind.REACH_EXCEEDED);
    }

    @Test
    void routedOpticsMustAgreeWithTheLinkAssignments() {
        DwdmPlan d = DwdmFixture.dwdm();
        DwdmPlan broken = new DwdmPlan(d.lightpaths(),
                List.of(new GreyRoute("LBC", 0, "fr4x2_800", List.of(new SpanHop("s-bc", 1)))), d.amplifiers(),
                d.muxes());

        List<Violation> v = new PlanChecker(DwdmFixture.instance()).check(DwdmFixture.plan(broken)).violations();

        assertThat(v).extracting(Violation::kind)
                .containsExactlyInAnyOrder(Kind.REACH_EXCEEDED, Kind.ROUTE_OPTIC_MISMATCH);
        assertThat(v).filteredOn(x -> x.kind() == Kind.REACH_EXCEEDED).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("fr4x2_800 reaches 2000 m, the route s-bc#1 is 3000 m"));
    }

    @Test
    void planWithoutDwdmPartOverSpansReportsEveryLinkBetweenSites() {
        List<Violation> v = new PlanChecker(DwdmFixture.instance()).check(DwdmFixture.plan(DwdmPlan.EMPTY))
                .violations();

        assertThat(v).extracting(Violation::kind).containsOnly(Kind.CABLE_NOT_ROUTED);
        assertThat(v).extracting(Violation::subject).containsExactly("LAB", "LAC", "LBC");
    }

    /** LBC given length_m 2500 runs its own cable (lr4x2_800 reaches 10 km): no route needed. */
    @Test
    void linkBetweenSitesWithItsOwnLengthNeedsNoRoute() {
        io.fabricplan.model.Instance base = DwdmFixture.instance();
        List<io.fabricplan.model.Link> links = new ArrayList<>(base.links());
        links.set(2, new io.fabricplan.model.Link("LBC", "swB", "swC", 1, 800, 2500.0));
        io.fabricplan.model.Instance instance = new io.fabricplan.model.Instance(base.settings(), base.racks(),
                base.switchModels(), base.devices(), links, base.optics(), base.sites(), base.spans(),
                base.wdmEquipment());
        DwdmPlan d = DwdmFixture.dwdm();

        CheckReport report = new PlanChecker(instance).check(DwdmFixture.plan(new DwdmPlan(d.lightpaths(), List.of(),
                d.amplifiers(), d.muxes())));

        assertThat(report.violations()).isEmpty();
    }

    private static DwdmPlan withLightpaths(List<Lightpath> lps) {
        DwdmPlan d = DwdmFixture.dwdm();
        return new DwdmPlan(lps, d.greyRoutes(), d.amplifiers(), d.muxes());
    }

    private static void assertSingle(DwdmPlan dwdm, Kind kind, String subject, String messagePart) {
        List<Violation> v = new PlanChecker(DwdmFixture.instance()).check(DwdmFixture.plan(dwdm)).violations();
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(kind);
            assertThat(x.subject()).isEqualTo(subject);
            assertThat(x.message()).contains(messagePart);
        });
    }
}
