package io.fabricplan.instances;

import java.util.Locale;

/**
 * The sizes of a generated fabric, as {@link FabricGenerator} built it.
 *
 * @param tiers         2 or 3
 * @param radix         switch ports at the NIC rate: {@code ports x port_gbps / nic_gbps}
 * @param downPorts     leaf ports towards servers: {@code radix x o / (o + 1)}; also the nodes of a scalable unit
 * @param upPorts       leaf ports towards spines: {@code radix / (o + 1)}
 * @param gpus          GPUs built (the request rounded up to whole scalable units)
 * @param nodes         servers
 * @param scalableUnits scalable units: {@code downPorts} nodes on {@code gpus_per_node} rail leaves
 * @param pods          3 tiers: pods (2-tier blocks of leaves and spines); 2 tiers: 1
 * @param leaves        leaf switches
 * @param spines        spine switches
 * @param cores         core switches (0 with 2 tiers)
 * @param serverRacks   racks of servers
 * @param networkRacks  racks of switches (middle-of-row, spine and core racks)
 * @param linkRows      rows of the Links sheet
 * @param cables        links counted with their {@code count}: one cable each
 */
public record FabricSizing(int tiers, int radix, int downPorts, int upPorts, long gpus, int nodes, int scalableUnits,
                           int pods, int leaves, int spines, int cores, int serverRacks, int networkRacks,
                           int linkRows, long cables) {

    /** Switches of all tiers. */
    public int switches() {
        return leaves + spines + cores;
    }

    /** One line: GPUs, nodes, racks, switches per tier, link rows and cables. */
    public String summary() {
        return String.format(Locale.ROOT, "%,d GPUs, %,d nodes, %,d racks (%,d server, %,d network), %d tiers: "
                        + "%,d leaves, %,d spines, %,d cores; %,d link rows, %,d cables", gpus, nodes,
                serverRacks + networkRacks, serverRacks, networkRacks, tiers, leaves, spines, cores, linkRows, cables);
    }
}
