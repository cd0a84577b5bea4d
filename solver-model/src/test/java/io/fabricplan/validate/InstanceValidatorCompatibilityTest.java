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
import io.fabricplan.model.Site;
import io.fabricplan.model.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workbook v2 Compatibility rows.
 *
 * <pre>
 *   R1 (0,0): leaf (SW51T, AUTO) -- 1.5 m -- srv (platform CX7)
 * </pre>
 * and, for the links' usability, the same two devices 604 m apart (leaf in R1, srv in R2 at (600,0)), where
 * only fr4x2_800 and lr4x2_800 reach once zr800 is left out of the Optics.
 */
class InstanceValidatorCompatibilityTest {
    private static final List<Rack> RACKS = List.of(new Rack("R1", "main", 0, 0, 10, 0, 10));

    private static Instance with(List<CompatibilityRule> rows) {
        return new Instance(Settings.defaults(), RACKS, DefaultCatalog.switchModels(),
                List.of(Device.switchOf("leaf", Role.LEAF, "SW51T", PackagingChoice.AUTO, "R1"),
                        Device.server("srv", "R1", 1, 800, false).withPlatform("CX7")),
                List.of(new Link("l1", "srv", "leaf", 1, 800, null)), DefaultCatalog.optics())
                .withCompatibility(rows);
    }

    private static List<InputProblem> problems(Instance instance) {
        return new InstanceValidator().validate(instance);
    }

    @Test
    void rowsOnModelsFamiliesAndDevicePlatformsGiveNoProblems() {
        assertThat(problems(with(List.of(new CompatibilityRule("dr8_800", "sw51-p", true, 0),
                new CompatibilityRule("dr8_800", "SW102T", false, 0),
                new CompatibilityRule("dr8_800", "CX7", true, 35))))).isEmpty();
    }

    @Test
    void compatibilityRowOfUnknownOpticIsNamedWithSuggestion() {
        assertThat(problems(with(List.of(new CompatibilityRule("dr8-800", "CX7", true, 0))))).singleElement()
                .satisfies(p -> {
                    assertThat(p.where()).isEqualTo("Compatibility[dr8-800].optic_id");
                    assertThat(p.message()).isEqualTo("unknown optic \"dr8-800\"");
                    assertThat(p.hint()).isEqualTo("add it to the Optics sheet or correct the id "
                            + "(did you mean \"dr8_800\"?).");
                });
    }

    @Test
    void platformThatMatchesNoModelFamilyOrDevicePlatformIsNamedWithSuggestion() {
        assertThat(problems(with(List.of(new CompatibilityRule("dr8_800", "SW51", true, 0),
                new CompatibilityRule("dr8_800", "CX-7", true, 0)))))
                .extracting(InputProblem::where, InputProblem::message, InputProblem::hint).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Compatibility[dr8_800].platform",
                                "platform \"SW51\" matches no switch model, switch family or device platform",
                                "correct it (did you mean \"SW51T\"?), or give the devices of that platform in "
                                        + "the Devices column platform."),
                        org.assertj.core.groups.Tuple.tuple("Compatibility[dr8_800].platform",
                                "platform \"CX-7\" matches no switch model, switch family or device platform",
                                "correct it (did you mean \"CX7\"?), or give the devices of that platform in "
                                        + "the Devices column platform."));
    }

    @Test
    void negativeCodingIsReported() {
        assertThat(problems(with(List.of(new CompatibilityRule("dr8_800", "CX7", true, -20))))).singleElement()
                .satisfies(p -> {
                    assertThat(p.where()).isEqualTo("Compatibility[dr8_800].coding_usd");
                    assertThat(p.message()).isEqualTo("coding_usd must be 0 or more, got -20");
                    assertThat(p.hint()).isNull();
                });
    }

    @Test
    void sameOpticAndPlatformTwiceNamesBothRows() {
        List<CompatibilityRule> rows = List.of(new CompatibilityRule("dr8_800", "CX7", true, 0),
                new CompatibilityRule("dr8_800", "sw51-p", true, 0), new CompatibilityRule("dr8_800", "CX7", false, 0));

        assertThat(problems(with(rows))).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("Compatibility[dr8_800].platform");
            assertThat(p.message()).isEqualTo("optic \"dr8_800\" on platform \"CX7\" is given twice: at "
                    + "Compatibility[#1].platform and at Compatibility[#3].platform");
            assertThat(p.hint()).isEqualTo("keep one row per optic and platform (the first one counts).");
        });
    }

    @Test
    void sameOpticAndPlatformTwiceIsLocatedByTheReadersCells() {
        CellLocator cells = (sheet, index, id, column) -> sheet + "!" + column + (index + 2);
        List<CompatibilityRule> rows = List.of(new CompatibilityRule("dr8_800", "CX7", true, 0),
                new CompatibilityRule("dr8_800", "CX7", true, 10));

        assertThat(new InstanceValidator(cells).validate(with(rows))).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("Compatibility!platform3");
            assertThat(p.message()).isEqualTo("optic \"dr8_800\" on platform \"CX7\" is given twice: at "
                    + "Compatibility!platform2 and at Compatibility!platform3");
        });
    }

    @Test
    void yesRowWithCodingOnAPlatformOnlyCpoModelsHaveIsHarmless() {
        assertThat(problems(with(List.of(new CompatibilityRule("dr8_800", "sw51-cpo", true, 80))))).isEmpty();
    }

    private static final List<Rack> TWO_RACKS = List.of(new Rack("R1", "main", 0, 0, 10, 0, 10),
            new Rack("R2", "main", 600, 0, 10, 0, 10));

    private static Instance apart(String srvPlatform, List<CompatibilityRule> rows) {
        List<Optic> optics = DefaultCatalog.optics().stream().filter(o -> !o.id().equals("zr800")).toList();
        return new Instance(Settings.defaults(), TWO_RACKS, DefaultCatalog.switchModels(),
                List.of(Device.switchOf("leaf", Role.LEAF, "SW51T", PackagingChoice.AUTO, "R1"),
                        Device.server("srv", "R2", 1, 800, false).withPlatform(srvPlatform)),
                List.of(new Link("l1", "srv", "leaf", 1, 800, null)), optics).withCompatibility(rows);
    }

    @Test
    void linkThatOnlyUnqualifiedOpticsCouldServeNamesTheRefusingPlatforms() {
        Instance refused = apart("CX7", List.of(new CompatibilityRule("fr4x2_800", "CX7", true, 0),
                new CompatibilityRule("lr4x2_800", "SW51T", false, 0)));

        assertThat(problems(refused)).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("Links[l1].link_id");
            assertThat(p.message()).isEqualTo("no interconnect can serve link \"l1\": fr4x2_800 is qualified on no "
                    + "platform of leaf (model sw51-p, family SW51T) in the Compatibility sheet; lr4x2_800 is "
                    + "qualified on no platform of srv (platform CX7) nor of leaf (model sw51-p, family SW51T: NO) in "
                    + "the Compatibility sheet; srv is not LPO-capable; options of 800 Gb/s that reach 604 m: "
                    + "fr4x2_800 (TRANSCEIVER FR), lr4x2_800 (TRANSCEIVER LR)");
            assertThat(p.hint()).isEqualTo("add a Compatibility row (fr4x2_800, SW51T, YES) if fr4x2_800 is "
                    + "qualified there.");
        });
    }

    @Test
    void refusingNoRowIsNamedInTheHint() {
        Instance refused = apart("CX7", List.of(new CompatibilityRule("fr4x2_800", "CX7", false, 0),
                new CompatibilityRule("fr4x2_800", "SW51T", true, 0),
                new CompatibilityRule("lr4x2_800", "CX7", false, 0),
                new CompatibilityRule("lr4x2_800", "sw51-p", true, 0)));

        assertThat(problems(refused)).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("no interconnect can serve link \"l1\": fr4x2_800, lr4x2_800 are "
                    + "qualified on no platform of srv (platform CX7: NO) in the Compatibility sheet; ");
            assertThat(p.hint()).isEqualTo("set the Compatibility row (fr4x2_800, CX7, NO) to YES if fr4x2_800 is "
                    + "qualified there.");
        });
    }

    @Test
    void serverWithoutPlatformIsAskedForOne() {
        Instance refused = apart(null, List.of(new CompatibilityRule("fr4x2_800", "SW51T", true, 0),
                new CompatibilityRule("lr4x2_800", "SW51T", true, 0)));

        assertThat(problems(refused)).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("no interconnect can serve link \"l1\": fr4x2_800, lr4x2_800 are "
                    + "qualified on no platform of srv (no platform given) in the Compatibility sheet; ");
            assertThat(p.hint()).isEqualTo("give srv its platform in the Devices column platform and add a "
                    + "Compatibility row (fr4x2_800, that platform, YES) if fr4x2_800 is qualified there.");
        });
    }

    /**
     * An optic that no link can use any more because of its rows does not refuse the instance while its links
     * have another option (lr4x2_800 here): it is a warning the readers print, naming the optic and where it is
     * qualified.
     */
    @Test
    void opticNoLinkCanUseAnyMoreIsAWarningWhileItsLinksHaveAnotherOption() {
        Instance narrowed = apart("CX7", List.of(new CompatibilityRule("fr4x2_800", "CX7", true, 0)));

        assertThat(problems(narrowed)).isEmpty();
        assertThat(InstanceValidator.warnings(narrowed)).containsExactly("Compatibility: no link can use fr4x2_800 "
                + "any more: its rows qualify it only on CX7, and no link of its rate and reach has both ends qualified. "
                + "Maybe add a YES row for the platform of the switches or NICs it should serve.");
        assertThat(InstanceValidator.warnings(apart("CX7", List.of()))).isEmpty();
    }

    @Test
    void cpoEndsAreNotSubjectToTheSheet() {
        // 20 m: dr8_800 reaches; the CPO leaf speaks DR and takes no module, the server's CX7 qualifies dr8_800
        Instance cpo = new Instance(Settings.defaults(), TWO_RACKS, DefaultCatalog.switchModels(),
                List.of(Device.switchOf("leaf", Role.LEAF, "SW51T", PackagingChoice.CPO, "R1"),
                        Device.server("srv", "R1", 1, 800, false).withPlatform("CX7")),
                List.of(new Link("l1", "srv", "leaf", 1, 800, 20.0)), DefaultCatalog.optics())
                .withCompatibility(List.of(new CompatibilityRule("dr8_800", "CX7", true, 0),
                        new CompatibilityRule("dr8_800", "SW51T", false, 0)));

        assertThat(problems(cpo)).isEmpty();
    }

    @Test
    void coherentOptionKeptFromDwdmByTheSheetIsNamedOnTheLinkOverSpans() {
        // sites A and B 200 km apart: beyond every reach, only a DWDM channel (zr800) carries 800 Gb/s
        Instance far = new Instance(Settings.defaults(), List.of(new Rack("RA", "A", 0, 0, 10, 0, 4),
                new Rack("RB", "B", 0, 0, 10, 0, 4)), DefaultCatalog.switchModels(),
                List.of(Device.server("sa", "RA", 1, 800, false), Device.server("sb", "RB", 1, 800, false)),
                List.of(new Link("lab", "sa", "sb", 1, 800, null)), DefaultCatalog.dwdmOptics())
                .withDwdm(List.of(new Site("A", null), new Site("B", null)),
                        List.of(new Span("s-ab", "A", "B", 200, 4)), DefaultCatalog.wdmEquipment());

        assertThat(problems(far)).isEmpty();
        assertThat(problems(far.withCompatibility(List.of(new CompatibilityRule("zr800", "SW51T", true, 0)))))
                .singleElement().satisfies(p -> {
                    assertThat(p.where()).isEqualTo("Links[lab].link_id");
                    assertThat(p.message()).isEqualTo("no interconnect can serve link \"lab\": zr800 is qualified "
                            + "on no platform of sa (no platform given) nor of sb (no platform given) in the "
                            + "Compatibility sheet; sa is not LPO-capable; sb is not LPO-capable; options of 800 "
                            + "Gb/s that reach 200000 m: zr800 (COHERENT ZR, over DWDM)");
                    assertThat(p.hint()).startsWith("give sa its platform in the Devices column platform and add a "
                            + "Compatibility row (zr800, that platform, YES) and give sb its platform");
                });
    }
}
