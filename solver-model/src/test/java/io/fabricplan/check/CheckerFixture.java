package io.fabricplan.check;

import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.Device;
import io.fabricplan.model.DeviceAssignment;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Link;
import io.fabricplan.model.LinkAssignment;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Plan;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Role;
import io.fabricplan.model.Settings;
import java.util.List;

import static io.fabricplan.model.Packaging.CPO;
import static io.fabricplan.model.Packaging.PLUGGABLE;

/**
 * A small fabric and a valid plan for it, with figures worked out by hand.
 *
 * <pre>
 *   rack A (0,0), 5 kW                       rack B (10,0), 50 kW, base 40 kW
 *   +-----------------+     L1: 2 x 800G, 14 m     +-------------------------+
 *   | leafP (sw51-p)  |----------------------------| srv1 (2 x 800G)         |
 *   |   || L3: 4 x 800G, 1.5 m                     |                         |
 *   | leafC (sw51-cpo)|----------------------------| srv2 (1 x 800G, LPO)    |
 *   +-----------------+     L2: 1 x 800G, 14 m     +-------------------------+
 * </pre>
 * Plan: L1 two aoc800; L2 one lpo_800 (pluggable at srv2, CPO at leafC); L3 four dr8_800 (pluggable at leafP,
 * CPO at leafC).
 */
final class CheckerFixture {
    /** 60000 + 70000 + 2 x 1100 + (800 + 14 x 2) + 4 x (1250 + 1.5 x 2). */
    static final double CAPEX_USD = 138_040;
    /** 1300 + 1300 + 2 x 26 + (8.5 + 5.5) + 4 x (17 + 5.5). */
    static final double POWER_W = 2_756;

    private CheckerFixture() {
    }

    static Instance instance() {
        return instance(5.0, 2);
    }

    static Instance instance(double rackABudgetKw, int srv1Ports) {
        List<Rack> racks = List.of(new Rack("A", "main", 0, 0, rackABudgetKw, 0, 10),
                new Rack("B", "main", 10, 0, 50, 40, 0));
        List<Device> devices = List.of(
                Device.switchOf("leafP", Role.LEAF, "SW51T", PackagingChoice.PLUGGABLE, "A"),
                Device.switchOf("leafC", Role.LEAF, "SW51T", PackagingChoice.CPO, "A"),
                Device.server("srv1", "B", srv1Ports, 800, false),
                Device.server("srv2", "B", 1, 800, true));
        List<Link> links = List.of(new Link("L1", "srv1", "leafP", 2, 800, null),
                new Link("L2", "srv2", "leafC", 1, 800, null),
                new Link("L3", "leafP", "leafC", 4, 800, null));
        return new Instance(Settings.defaults(), racks, DefaultCatalog.switchModels(), devices, links,
                DefaultCatalog.optics());
    }

    static List<DeviceAssignment> devices() {
        return List.of(new DeviceAssignment("leafP", "sw51-p", "A"), new DeviceAssignment("leafC", "sw51-cpo", "A"),
                new DeviceAssignment("srv1", null, "B"), new DeviceAssignment("srv2", null, "B"));
    }

    static List<LinkAssignment> links() {
        return List.of(new LinkAssignment("L1", "aoc800", PLUGGABLE, PLUGGABLE, 2),
                new LinkAssignment("L2", "lpo_800", PLUGGABLE, CPO, 1),
                new LinkAssignment("L3", "dr8_800", PLUGGABLE, CPO, 4));
    }

    static Plan plan() {
        return new Plan(devices(), links());
    }
}
