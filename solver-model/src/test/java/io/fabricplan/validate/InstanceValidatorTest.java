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
}
