package io.fabricplan.validate;

import io.fabricplan.model.CompatibilityRule;
import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Link;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Role;
import io.fabricplan.model.Settings;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workbook v2 Compatibility rows.
 *
 * <pre>
 *   R1 (0,0): leaf (SW51T, AUTO) -- 1.5 m -- srv (platform CX7)
 * </pre>
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
}
