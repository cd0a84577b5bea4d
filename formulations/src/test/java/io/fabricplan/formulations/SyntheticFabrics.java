package io.fabricplan.formulations;

import io.fabricplan.model.DefaultCatalog;
import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Link;
import io.fabricplan.model.Objective;
import io.fabricplan.model.PackagingChoice;
import io.fabricplan.model.Rack;
import io.fabricplan.model.Role;
import io.fabricplan.model.Settings;
import java.util.ArrayList;
import java.util.List;

/**
 * Rail-optimised GPU fabrics of the default catalog, for size tests and local timing.
 * <pre>
 *   server: 8 x 800G NICs, 4 servers per rack; a scalable unit (SU) = 64 servers in 16 racks of a row
 *   leaves: 8 rail leaves per SU, AUTO SW102T (64 down, 64 up), all in the SU's network rack at the row end;
 *           NIC i of every server of the SU goes to rail leaf i
 *   2 tiers: 128-port AUTO spines, two per spine rack; the leaves of SU s go to the spines of half s mod 2
 *           (one cable to each of 64 spines), so the 8 leaves of an SU are twins
 *   3 tiers: pods of 8 SUs; leaf to each of the pod's 64 spines (one cable); spine j of a pod to the 16 cores
 *           of core group j, 4 Links rows of one cable each; cores of a group share a rack
 * </pre>
 * Leaf racks leave {@code leafHeadroomKw} above their base load, so that budgets bind when it is small.
 */
final class SyntheticFabrics {
    static final int SERVERS_PER_RACK = 4;
    static final int SERVERS_PER_SU = 64;
    static final int RAILS = 8;

    private SyntheticFabrics() {
    }

    static Instance railOptimised(int gpus, int tiers, double leafHeadroomKw, Objective objective) {
        int servers = gpus / RAILS;
        int sus = Math.max(1, servers / SERVERS_PER_SU);
        int serversPerSu = Math.min(SERVERS_PER_SU, servers);
        List<Rack> racks = new ArrayList<>();
        List<Device> devices = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        int[] linkId = {0};
        for (int s = 0; s < sus; s++) {
            double y = 3.0 * s;
            String leafRack = "L" + s;
            int serverRacks = serversPerSu / SERVERS_PER_RACK;
            racks.add(new Rack(leafRack, null, 0.6 * serverRacks, y, 40 + leafHeadroomKw, 40, 42));
            for (int i = 0; i < RAILS; i++) {
                devices.add(Device.switchOf("leaf" + s + "_" + i, Role.LEAF, "SW102T", PackagingChoice.AUTO,
                        leafRack));
            }
            for (int r = 0; r < serverRacks; r++) {
                String rack = "S" + s + "_" + r;
                racks.add(new Rack(rack, null, 0.6 * r, y, 50, 40, 0));
                for (int k = 0; k < SERVERS_PER_RACK; k++) {
                    String server = "srv" + s + "_" + r + "_" + k;
                    devices.add(Device.server(server, rack, RAILS, 800, k % 2 == 0));
                    for (int i = 0; i < RAILS; i++) {
                        links.add(new Link("l" + linkId[0]++, server, "leaf" + s + "_" + i, 1, 800, null));
                    }
                }
            }
        }
        int leaves = sus * RAILS;
        int up = serversPerSu; // as many up as down
        if (tiers == 2) {
            int spines = Math.max(1, leaves * up / 128);
            int halves = spines >= 2 * up ? 2 : 1;
            for (int j = 0; j < spines; j++) {
                String rack = "P" + (j / 2);
                if (j % 2 == 0) {
                    racks.add(new Rack(rack, null, 2.0 * (j / 2), -12, 60, 40, 42));
                }
                devices.add(Device.switchOf("spine" + j, Role.SPINE, "SW102T", PackagingChoice.AUTO, rack));
            }
            int perHalf = spines / halves;
            int cablesPerSpine = Math.max(1, up / perHalf);
            for (int s = 0; s < sus; s++) {
                int half = s % halves;
                for (int i = 0; i < RAILS; i++) {
                    for (int j = half * perHalf; j < (half + 1) * perHalf; j++) {
                        links.add(new Link("l" + linkId[0]++, "leaf" + s + "_" + i, "spine" + j, cablesPerSpine, 800,
                                null));
                    }
                }
            }
        } else {
            int pods = Math.max(1, sus / 8);
            int spinesPerPod = Math.min(64, (sus / pods) * RAILS);
            for (int p = 0; p < pods; p++) {
                for (int j = 0; j < spinesPerPod; j++) {
                    String rack = "P" + p + "_" + (j / 4);
                    if (j % 4 == 0) {
                        racks.add(new Rack(rack, null, 20.0 * p + 2.0 * (j / 4), -12, 60, 40, 42));
                    }
                    devices.add(Device.switchOf("spine" + p + "_" + j, Role.SPINE, "SW102T", PackagingChoice.AUTO,
                            rack));
                }
                for (int s = p * 8; s < Math.min(sus, (p + 1) * 8); s++) {
                    for (int i = 0; i < RAILS; i++) {
                        for (int j = 0; j < spinesPerPod; j++) {
                            links.add(new Link("l" + linkId[0]++, "leaf" + s + "_" + i, "spine" + p + "_" + j,
                                    up / spinesPerPod, 800, null));
                        }
                    }
                }
            }
            int coresPerGroup = 16;
            int perCable = Math.max(1, up / coresPerGroup);
            for (int j = 0; j < spinesPerPod; j++) {
                String rack = "C" + j;
                racks.add(new Rack(rack, null, 3.0 * j, -40, 130, 40, 42));
                for (int c = 0; c < coresPerGroup; c++) {
                    String core = "core" + j + "_" + c;
                    devices.add(Device.switchOf(core, Role.CORE, "SW102T", PackagingChoice.AUTO, rack));
                    for (int p = 0; p < pods; p++) {
                        for (int k = 0; k < perCable; k++) {
                            links.add(new Link("l" + linkId[0]++, "spine" + p + "_" + j, core, 1, 800, null));
                        }
                    }
                }
            }
        }
        return new Instance(Settings.defaults().withObjective(objective), racks, DefaultCatalog.switchModels(),
                devices, links, DefaultCatalog.optics());
    }

    /** Total physical cables of an instance. */
    static long cables(Instance instance) {
        return instance.links().stream().mapToLong(Link::count).sum();
    }
}
