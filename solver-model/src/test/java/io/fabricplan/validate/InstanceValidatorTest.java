package io.fabricplan.validate;

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
 * <pre>
 *   R1 (0,0) main         R2 (600,0) main        X1 (0,0) other site
 *   leaf (CPO)  -- 604 m --  srv                  far
 * </pre>
 */
class InstanceValidatorTest {

    private static Instance with(List<Rack> racks, List<Device> devices, List<Link> links) {
        return new Instance(Settings.defaults(), racks, DefaultCatalog.switchModels(), devices, links,
                DefaultCatalog.optics());
    }

    private static final List<Rack> RACKS = List.of(new Rack("R1", "main", 0, 0, 10, 0, 10),
            new Rack("R2", "main", 600, 0, 10, 0, 10), new Rack("X1", "other", 0, 0, 10, 0, 10));

    @Test
    void validInstanceHasNoProblems() {
        Instance ok = with(RACKS, List.of(Device.switchOf("leaf", Role.LEAF, "SW51T", PackagingChoice.AUTO, "R1"),
                Device.server("srv", "R2", 1, 800, false)), List.of(new Link("l1", "srv", "leaf", 1, 800, null)));
        assertThat(new InstanceValidator().validate(ok)).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnceNamingRecordAndField() {
        Instance bad = with(RACKS, List.of(
                        Device.switchOf("leaf", Role.LEAF, "SW77T", PackagingChoice.AUTO, "R1"),
                        Device.server("srv", "R9", 1, 800, false),
                        Device.server("srv", "R2", 1, 800, false)),
                List.of(new Link("l1", "srv", "laef", 0, -800, null)));

        List<String> problems = new InstanceValidator().validate(bad).stream().map(InputProblem::describe).toList();

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "Devices[leaf].family: unknown switch family \"SW77T\""));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("Devices[srv].rack_id: unknown rack \"R9\""));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains(
                "duplicate device_id \"srv\", first at Devices[srv].device_id"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("unknown device \"laef\"")
                .contains("did you mean \"leaf\""));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("count must be a positive whole number, got 0"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("gbps must be a positive number, got -800"));
    }

    @Test
    void linkTooLongForEveryOptionSaysSo() {
        Instance far = with(RACKS, List.of(Device.server("a", "R1", 1, 1600, false),
                Device.server("b", "R2", 1, 1600, false)), List.of(new Link("l1", "a", "b", 1, 1600, 2500.0)));
        assertThat(new InstanceValidator().validate(far)).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("no interconnect can serve link \"l1\": it is 2500 m long, too long for every 1600 Gb/s "
                        + "option (longest reach 2000 m, fr4x2_1600)"));
    }

    @Test
    void cpoEndWithoutMatchingPmdSaysWhy() {
        // 604 m: only FR/LR/ZR reach; a CPO port speaks DR only.
        Instance cpo = with(RACKS, List.of(Device.switchOf("leaf", Role.LEAF, "SW51T", PackagingChoice.CPO, "R1"),
                Device.server("srv", "R2", 1, 800, false)), List.of(new Link("l1", "srv", "leaf", 1, 800, null)));
        assertThat(new InstanceValidator().validate(cpo)).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("CPO end at leaf takes only TRANSCEIVER with pmd DR")
                    .contains("fr4x2_800 (TRANSCEIVER FR)");
            assertThat(p.hint()).contains("AUTO");
        });
    }

    @Test
    void linkBetweenSitesNeedsALength() {
        Instance sites = with(RACKS, List.of(Device.server("a", "R1", 1, 400, false),
                Device.server("b", "X1", 1, 400, false)), List.of(new Link("l1", "a", "b", 1, 400, null)));
        assertThat(new InstanceValidator().validate(sites)).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("Links[l1].length_m");
            assertThat(p.message()).contains("joins site \"main\" to site \"other\"");
        });
    }

    @Test
    void serverNeedsPortsAndSwitchRoleNeedsFamily() {
        Instance bad = with(RACKS, List.of(new Device("sp", Role.SPINE, null, PackagingChoice.AUTO, "R1", 0, 0, false),
                new Device("srv", Role.SERVER, null, PackagingChoice.PLUGGABLE, "R1", 0, 400, false)), List.of());
        assertThat(new InstanceValidator().validate(bad)).extracting(InputProblem::where)
                .containsExactly("Devices[sp].family", "Devices[srv].ports");
    }

    private static Instance withSettings(Settings settings, List<io.fabricplan.model.Optic> optics, int count) {
        return new Instance(settings, RACKS, DefaultCatalog.switchModels(),
                List.of(Device.switchOf("leaf", Role.LEAF, "SW51T", PackagingChoice.AUTO, "R1"),
                        Device.server("srv", "R2", 1, 800, false)),
                List.of(new Link("l1", "srv", "leaf", count, 800, null)), optics);
    }

    @Test
    void settingsBeyondAnySaneRangeAreReportedWithAHint() {
        Settings d = Settings.defaults();
        Settings absurd = new Settings(d.objective(), 50, 12, 1e308, 1e9, 1e12, 2, d.solver(), 100_000, d.seed(),
                5_000, d.interRackSlackM());

        List<String> problems = new InstanceValidator().validate(withSettings(absurd, DefaultCatalog.optics(), 1))
                .stream().map(InputProblem::describe).toList();

        assertThat(problems).containsExactlyInAnyOrder(
                "Settings[energy_usd_per_kwh].value: energy_usd_per_kwh must be at most 10, got 50\n"
                        + "  Maybe give USD per kWh, typically 0.05 to 0.30.",
                "Settings[pue].value: pue must be at most 10, got 12\n"
                        + "  Maybe PUE is at least 1.0, typically 1.1 to 1.6.",
                "Settings[years].value: years must be at most 100, got 1.0e308\n"
                        + "  Maybe give the TCO horizon in years, e.g. 5.",
                "Settings[usd_per_watt].value: usd_per_watt must be at most 100000, got 1000000000\n"
                        + "  Maybe give the USD one watt is worth to the WEIGHTED objective, e.g. 10.",
                "Settings[time_limit_s].value: time_limit_s must be at most 31536000, got 1000000000000\n"
                        + "  Maybe give seconds, e.g. 60.",
                "Settings[relative_gap].value: relative_gap must be at most 1, got 2\n"
                        + "  Maybe give a fraction, e.g. 0.001.",
                "Settings[threads].value: threads must be at most 1024, got 100000\n"
                        + "  Maybe give 0 for all cores, or the number of threads.",
                "Settings[intra_rack_m].value: intra_rack_m must be at most 1000, got 5000\n"
                        + "  Maybe give the cable length inside a rack in metres, e.g. 1.5.");
    }

    @Test
    void figuresWithinRangeWhosePlanCouldOverflowTheSolverAreReportedAtTheLargestLink() {
        Settings d = Settings.defaults();
        Settings dear = new Settings(d.objective(), 10, 10, 100, 0, 60, d.relativeGap(), d.solver(), 0, 0, 1.5, 4);
        List<io.fabricplan.model.Optic> gold = List.of(new io.fabricplan.model.Optic("gold",
                io.fabricplan.model.OpticKind.AOC, 800, 1000, null, io.fabricplan.model.Media.MMF, 10_000, 1e9, 0,
                false, null));

        assertThat(new InstanceValidator().validate(withSettings(dear, gold, 10))).isEmpty();
        assertThat(new InstanceValidator().validate(withSettings(dear, gold, 1_000_000))).singleElement()
                .satisfies(p -> {
                    assertThat(p.where()).isEqualTo("Links[l1].count");
                    assertThat(p.message()).isEqualTo("a plan's objective could reach 3.8e15 USD, beyond the 1.0e15 "
                            + "the solvers compute exactly (link \"l1\" alone up to 3.8e15 for its 1000000 cables)");
                    assertThat(p.hint()).contains("check the units of cost_usd and power_w");
                });
    }
}
