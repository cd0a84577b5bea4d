package io.fabricplan.check;

import io.fabricplan.check.Violation.Kind;
import io.fabricplan.model.Device;
import io.fabricplan.model.DeviceAssignment;
import io.fabricplan.model.Instance;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Plan;
import io.fabricplan.model.PlanEvaluation;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Role;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checker fixture with leafP placed by the optimiser in rack A or in rack C (10, 5), which has 2 U free.
 * Placed in C, L1 to srv1 in B (10, 0) is 0 + 5 + 4 = 9 m and L3 to leafC in A is 10 + 5 + 4 = 19 m.
 */
class PlacementCheckTest {

    private static Instance placed(int freeUInC) {
        Instance base = CheckerFixture.instance();
        List<Rack> racks = new ArrayList<>(base.racks());
        racks.add(new Rack("C", "main", 10, 5, 5, 0, freeUInC));
        List<Device> devices = new ArrayList<>(base.devices());
        devices.set(0, Device.placedSwitch("leafP", Role.LEAF, "SW51T", PackagingChoice.PLUGGABLE, List.of("A", "C")));
        return new Instance(base.settings(), racks, base.switchModels(), devices, base.links(), base.optics());
    }

    private static Plan planWithLeafPIn(String rack) {
        List<DeviceAssignment> devices = new ArrayList<>(CheckerFixture.devices());
        devices.set(0, new DeviceAssignment("leafP", "sw51-p", rack));
        return new Plan(devices, CheckerFixture.links());
    }

    @Test
    void placedSwitchInACandidateRackPassesAndLengthsFollowIt() {
        CheckReport report = new PlanChecker(placed(2)).check(planWithLeafPIn("C"));

        assertThat(report.violations()).isEmpty();
        assertThat(report.evaluation().links()).extracting(PlanEvaluation.LinkRow::lengthM)
                .containsExactly(9.0, 14.0, 19.0);
        assertThat(report.evaluation().racks()).filteredOn(r -> r.rackId().equals("C")).singleElement()
                .satisfies(r -> assertThat(r.networkKw()).isGreaterThan(1.3));
    }

    @Test
    void placementOutsideTheCandidatesIsCaught() {
        // B is a server rack with no free rack units: both rules break.
        CheckReport report = new PlanChecker(placed(2)).check(planWithLeafPIn("B"));
        assertThat(report.violations()).extracting(Violation::kind)
                .containsExactly(Kind.WRONG_RACK, Kind.RACK_SPACE_EXCEEDED);
        assertThat(report.violations().get(0).message()).contains("not one of its candidate racks A, C");
    }

    @Test
    void unplacedSwitchIsCaught() {
        CheckReport report = new PlanChecker(placed(2)).check(planWithLeafPIn(null));
        assertThat(report.violations()).extracting(Violation::kind).contains(Kind.WRONG_RACK);
    }

    @Test
    void rackSpaceExceededIsCaught() {
        CheckReport report = new PlanChecker(placed(1)).check(planWithLeafPIn("C"));
        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(Kind.RACK_SPACE_EXCEEDED);
            assertThat(v.message()).isEqualTo("switches placed there take 2 U, the rack has 1 U free");
        });
    }
}
