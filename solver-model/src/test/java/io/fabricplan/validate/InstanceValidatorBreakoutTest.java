package io.fabricplan.validate;

import io.fabricplan.model.CompatibilityRule;
import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Link;
import io.fabricplan.model.Optic;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Role;
import io.fabricplan.model.Settings;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Optics.breakout and pairs_with: the Optics rows, the links' usability with a module at each end and with
 * breakout modules and cables, and the warnings.
 *
 * <pre>
 *   R1 (0,0): leaf (SW51T, PLUGGABLE, 800G ports), s1, s2   -- 24 m --   R2 (20,0): srv (400G NIC, platform CX7)
 * </pre>
 */
class InstanceValidatorBreakoutTest {
    private static final List<Rack> RACKS = List.of(new Rack("R1", "main", 0, 0, 10, 0, 10),
            new Rack("R2", "main", 20, 0, 10, 0, 10));
    private static final Device LEAF = Device.switchOf("leaf", Role.LEAF, "SW51T", PackagingChoice.PLUGGABLE, "R1");
    private static final Device SRV = Device.server("srv", "R2", 2, 400, false).withPlatform("CX7");

    private static Optic optic(String id) {
        return DefaultCatalog.opticsWithBreakouts().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
    }

    private static Instance with(List<Device> devices, List<Link> links, List<Optic> optics,
                                 CompatibilityRule... rows) {
        return new Instance(Settings.defaults(), RACKS, DefaultCatalog.switchModels(), devices, links, optics)
                .withCompatibility(List.of(rows));
    }

    /** leaf to srv at 400 Gb/s, 24 m. */
    private static Instance leafToSrv(List<Optic> optics, CompatibilityRule... rows) {
        return with(List.of(LEAF, SRV), List.of(new Link("l1", "srv", "leaf", 2, 400, null)), optics, rows);
    }

    private static List<InputProblem> problems(Instance instance) {
        return new InstanceValidator().validate(instance);
    }

    @Test
    void breakoutBelowOneBeyondTheBoundOnACoherentModuleOrSplittingUnevenlyIsNamedAtItsCell() {
        Instance bad = leafToSrv(List.of(optic("sr4_400"), optic("sr4_400").withBreakout(0, List.of()),
                optic("twin_sr4_800").withBreakout(3, List.of()), optic("dr4_400").withBreakout(65, List.of()),
                optic("zr800").withBreakout(2, List.of())));

        assertThat(problems(bad)).extracting(InputProblem::where, InputProblem::message).containsExactly(
                tuple("Optics[sr4_400].optic_id", "duplicate optic_id \"sr4_400\", first at Optics[sr4_400].optic_id"),
                tuple("Optics[sr4_400].breakout", "breakout must be 1 or more, got 0"),
                tuple("Optics[twin_sr4_800].breakout", "gbps 800 does not split into 3 links of a whole rate "
                        + "(266.6667 Gb/s each), which no link's gbps can match"),
                tuple("Optics[dr4_400].breakout", "breakout must be at most 64, got 65"),
                tuple("Optics[zr800].breakout", "coherent optic \"zr800\" has breakout 2; a coherent module serves "
                        + "one link (one DWDM channel)"));
        assertThat(problems(bad)).extracting(InputProblem::hint).containsExactly(
                "give every row its own id.",
                "give the links one unit serves, a whole number, 1 or more (2 for a twin-port module or a cable "
                        + "that breaks out into 2), or leave the cell blank for 1.",
                "give a breakout that divides gbps (e.g. 2 or 4), or correct gbps.",
                "give the links one unit serves, a whole number, 1 or more (2 for a twin-port module or a cable "
                        + "that breaks out into 2), or leave the cell blank for 1.",
                "set breakout to 1 or leave the cell blank; a twin-port grey module is a TRANSCEIVER.");
    }

    @Test
    void pairsWithProblemsAreEachNamedAtTheNamingRowsPairsWithCell() {
        Optic twin = optic("twin_sr4_800").withBreakout(2,
                List.of("sr4_40", "dac400", "dr4_400", "sr8_800", "twin_sr4_800", "sr4_400"));
        Optic cable = optic("dac800").withBreakout(1, List.of("sr8_800"));
        Instance bad = leafToSrv(List.of(optic("sr4_400"), optic("dr4_400"), optic("sr8_800"), optic("dac400"),
                twin, cable));

        assertThat(problems(bad)).extracting(InputProblem::describe).containsExactly(
                "Optics[twin_sr4_800].pairs_with: pairs_with names unknown optic \"sr4_40\"\n"
                        + "  Maybe add it to the Optics sheet or correct the id (did you mean \"sr4_400\"?).",
                "Optics[twin_sr4_800].pairs_with: pairs_with names \"dac400\", a cable assembly (DAC); an assembly "
                        + "has itself at both ends and pairs with no other optic\n"
                        + "  Maybe name modules (TRANSCEIVER, COHERENT) only, or remove \"dac400\" from pairs_with.",
                "Optics[twin_sr4_800].pairs_with: pairs_with names \"dr4_400\" (SMF), but twin_sr4_800 is MMF; the "
                        + "modules at a link's two ends share its fiber\n"
                        + "  Maybe name MMF modules only, or remove \"dr4_400\" from pairs_with.",
                "Optics[twin_sr4_800].pairs_with: pairs_with names \"sr8_800\", whose links run at 800 Gb/s, but "
                        + "twin_sr4_800's run at 400 Gb/s (800 Gb/s, breakout 2); the modules at a link's two ends "
                        + "run at its rate\n"
                        + "  Maybe name modules of 400 Gb/s per link (gbps / breakout) only, remove \"sr8_800\" from "
                        + "pairs_with, or correct breakout.",
                "Optics[dac800].pairs_with: DAC \"dac800\" names \"sr8_800\" in pairs_with; a cable assembly has "
                        + "itself at both ends and pairs with no other optic\n"
                        + "  Maybe clear pairs_with: only modules (TRANSCEIVER, COHERENT) face other modules.");
    }

    @Test
    void linkThatOnlyATwinPortModuleFacingASinglePortOneCanServeIsValid() {
        // sr4_400 is qualified on the NIC only, the twin-port module on the switch only: the link needs both.
        Instance paired = leafToSrv(List.of(optic("sr4_400"), optic("twin_sr4_800")),
                new CompatibilityRule("sr4_400", "CX7", true, 0), new CompatibilityRule("twin_sr4_800", "SW51T", true, 0));

        assertThat(problems(paired)).isEmpty();
        assertThat(InstanceValidator.warnings(paired)).isEmpty();
    }

    @Test
    void linkWhoseTwinPortModuleHasNoPartnerSaysWhichPortsAndPairingAreMissing() {
        Instance unpaired = leafToSrv(List.of(optic("sr4_400"), optic("twin_sr4_800").withBreakout(2, List.of())),
                new CompatibilityRule("sr4_400", "CX7", true, 0), new CompatibilityRule("twin_sr4_800", "SW51T", true, 0));

        assertThat(problems(unpaired)).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("Links[l1].link_id");
            assertThat(p.message()).isEqualTo("no interconnect can serve link \"l1\": sr4_400 is qualified on no "
                    + "platform of leaf (model sw51-p, family SW51T) in the Compatibility sheet; twin_sr4_800 plugs "
                    + "into ports of 800 Gb/s (2 links of 400 Gb/s on one); srv's run at 400 Gb/s, and no module of "
                    + "400 Gb/s that reaches pairs with it (pairs_with) to face it there; srv is not LPO-capable; "
                    + "options of 400 Gb/s that reach 24 m: sr4_400 (TRANSCEIVER SR), twin_sr4_800 (TRANSCEIVER SR, "
                    + "breakout 2)");
            assertThat(p.hint()).isEqualTo("add a Compatibility row (sr4_400, SW51T, YES) if sr4_400 is qualified "
                    + "there.");
        });
    }

    @Test
    void pairRefusedByTheCompatibilitySheetNamesTheRefusedModuleAtItsEnd() {
        // the pair twin_sr4_800 (leaf) / sr4_400 (srv) fits but for a NO row of sr4_400 on the NIC
        Instance refused = leafToSrv(List.of(optic("sr4_400"), optic("twin_sr4_800")),
                new CompatibilityRule("sr4_400", "CX7", false, 0), new CompatibilityRule("twin_sr4_800", "SW51T", true, 0));

        assertThat(problems(refused)).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("no interconnect can serve link \"l1\": sr4_400 is qualified on no "
                    + "platform of srv (platform CX7: NO) nor of leaf (model sw51-p, family SW51T) in the "
                    + "Compatibility sheet; twin_sr4_800 plugs into ports of 800 Gb/s");
            assertThat(p.message()).contains("srv's run at 400 Gb/s, and the modules it pairs with (sr4_400) cannot "
                    + "serve srv");
            assertThat(p.hint()).isEqualTo("set the Compatibility row (sr4_400, CX7, NO) to YES and add a "
                    + "Compatibility row (sr4_400, SW51T, YES) if sr4_400 is qualified there.");
        });
    }

    @Test
    void breakoutCableNeedsAPortOfItsRateAtOneEnd() {
        Device s1 = Device.server("s1", "R1", 2, 400, false);
        Device s2 = Device.server("s2", "R1", 2, 400, false);
        List<Optic> cable = List.of(optic("dac800_2x400"));

        assertThat(problems(with(List.of(LEAF, s1), List.of(new Link("l1", "s1", "leaf", 2, 400, null)), cable)))
                .isEmpty();
        assertThat(problems(with(List.of(s1, s2), List.of(new Link("l1", "s1", "s2", 1, 400, null)), cable)))
                .singleElement().satisfies(p -> {
                    assertThat(p.message()).isEqualTo("no interconnect can serve link \"l1\": dac800_2x400 is a "
                            + "breakout cable whose 800 Gb/s end needs such a port at s1 or s2; their ports run at 400 "
                            + "and 400 Gb/s; s1 is not LPO-capable; s2 is not LPO-capable; options of 400 Gb/s that "
                            + "reach 1.5 m: dac800_2x400 (DAC, breakout 2)");
                    assertThat(p.hint()).isEqualTo("add a 400 Gb/s option that fits the devices' ports to Optics, or "
                            + "give the devices faster ports (port_gbps of SwitchModels, Devices).");
                });
    }

    @Test
    void twinPortModuleBetweenSlowerPortsIsRefusedAtBothEnds() {
        Device s1 = Device.server("s1", "R1", 2, 400, false);
        Device s2 = Device.server("s2", "R2", 2, 400, false);

        assertThat(problems(with(List.of(s1, s2), List.of(new Link("l1", "s1", "s2", 1, 400, null)),
                List.of(optic("twin_dr4_800").withBreakout(2, List.of()))))).singleElement().satisfies(p -> {
                    assertThat(p.message()).startsWith("no interconnect can serve link \"l1\": twin_dr4_800 plugs into "
                            + "ports of 800 Gb/s (2 links of 400 Gb/s on one); s1's and s2's run at 400 and 400 Gb/s; ");
                    assertThat(p.hint()).isEqualTo("add a 400 Gb/s option that fits the devices' ports to Optics (a "
                            + "single-port module, or one that twin_dr4_800 pairs with in pairs_with), or give the "
                            + "devices faster ports (port_gbps of SwitchModels, Devices).");
                });
    }

    @Test
    void twinPortModuleFacingACpoSwitchIsNotToldToPair() {
        // a CPO end takes no module, so no pair can join it: only the NIC's port rate is named
        Device cpo = Device.switchOf("leaf", Role.LEAF, "SW51T", PackagingChoice.CPO, "R1");

        assertThat(problems(with(List.of(cpo, SRV), List.of(new Link("l1", "srv", "leaf", 2, 400, null)),
                List.of(optic("twin_dr4_800").withBreakout(2, List.of()))))).singleElement().satisfies(p -> assertThat(
                p.message()).isEqualTo("no interconnect can serve link \"l1\": twin_dr4_800 plugs into ports of 800 "
                + "Gb/s (2 links of 400 Gb/s on one); srv's run at 400 Gb/s; srv is not LPO-capable; CPO end at leaf "
                + "takes only TRANSCEIVER with pmd DR; options of 400 Gb/s that reach 24 m: twin_dr4_800 (TRANSCEIVER "
                + "DR, breakout 2)"));
    }

    @Test
    void breakoutOpticsNoLinkCanUseForTheirPortsAreWarned() {
        Device s1 = Device.server("s1", "R1", 2, 400, false);
        Device s800 = Device.server("s800", "R2", 1, 800, false);
        Instance instance = with(List.of(LEAF, s1, s800), List.of(new Link("l1", "s1", "leaf", 2, 400, null),
                        new Link("l2", "s800", "leaf", 1, 800, null)),
                List.of(optic("sr4_400"), optic("dr4_800"), optic("twin_dr4_1600"), optic("dac800_2x400"),
                        optic("twin_sr4_800").withBreakout(2, List.of("twin_sr4_800"))));

        assertThat(problems(instance)).isEmpty();
        assertThat(InstanceValidator.warnings(instance)).containsExactly(
                "Optics: twin_sr4_800 names itself in pairs_with, which changes nothing: a module always faces its "
                        + "own kind. Maybe remove it from pairs_with.",
                "Optics: no link can use twin_dr4_1600 (2 links of 800 Gb/s on one 1600 Gb/s port): the devices at "
                        + "the ends of the links of its rate and reach have ports of at most 800 Gb/s. Maybe give "
                        + "them ports of 1600 Gb/s (port_gbps of SwitchModels, Devices), or remove it from Optics.",
                "Optics: no link can use twin_sr4_800 (2 links of 400 Gb/s on one 800 Gb/s port): the links of its "
                        + "rate and reach have ports of 800 Gb/s at one end only, and no module it pairs with "
                        + "(pairs_with) serves the other. Maybe name in pairs_with a single-port module of 400 Gb/s "
                        + "that may face it, or remove it from Optics.");
    }

    @Test
    void breakoutCableWithoutAPortForItsWideEndIsWarned() {
        Device s1 = Device.server("s1", "R1", 2, 400, false);
        Device s2 = Device.server("s2", "R1", 2, 400, false);
        Instance instance = with(List.of(s1, s2), List.of(new Link("l1", "s1", "s2", 1, 400, null)),
                List.of(optic("dac400"), optic("dac800_2x400")));

        assertThat(problems(instance)).isEmpty();
        assertThat(InstanceValidator.warnings(instance)).containsExactly("Optics: no link can use dac800_2x400 (a "
                + "breakout cable of one 800 Gb/s end and 2 of 400 Gb/s): the devices at the ends of the links of its "
                + "rate and reach have ports of at most 400 Gb/s, too slow for its wide end. Maybe give them ports of "
                + "800 Gb/s (port_gbps of SwitchModels, Devices), or remove it from Optics.");
    }

    @Test
    void compatibilityWarningCountsAModuleFacingItsPartner() {
        // twin_sr4_800 fits only at the leaf, facing sr4_400 at the NIC; its rows qualify it on the NIC only
        Instance instance = leafToSrv(List.of(optic("sr4_400"), optic("twin_sr4_800")),
                new CompatibilityRule("twin_sr4_800", "CX7", true, 0));

        assertThat(problems(instance)).isEmpty();
        assertThat(InstanceValidator.warnings(instance)).containsExactly("Compatibility: no link can use twin_sr4_800 "
                + "any more: its rows qualify it only on CX7, and no link of its rate and reach has both ends "
                + "qualified. Maybe add a YES row for the platform of the switches or NICs it should serve.");
        assertThat(InstanceValidator.warnings(leafToSrv(List.of(optic("sr4_400"), optic("twin_sr4_800")),
                new CompatibilityRule("twin_sr4_800", "SW51T", true, 0)))).isEmpty();
    }

    @Test
    void defaultCatalogueWithBreakoutsValidatesAndWarnsOnlyWhatNoPortFits() {
        Device leaf = Device.switchOf("leaf", Role.LEAF, "SW51T", PackagingChoice.AUTO, "R1");
        Device s400 = Device.server("s400", "R2", 2, 400, false);
        Device s800 = Device.server("s800", "R1", 1, 800, false);
        Instance instance = with(List.of(leaf, s400, s800), List.of(new Link("l1", "s400", "leaf", 2, 400, null),
                new Link("l2", "s800", "leaf", 1, 800, null)), DefaultCatalog.opticsWithBreakouts());

        assertThat(problems(instance)).isEmpty();
        assertThat(InstanceValidator.warnings(instance)).singleElement().satisfies(w -> assertThat(w)
                .startsWith("Optics: no link can use twin_dr4_1600 (2 links of 800 Gb/s on one 1600 Gb/s port)"));
    }
}
