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
 * @param hallCables    cables between halls (0 with one hall)
 * @param spans         fiber spans joining the halls ({@code --hall-spans}), else 0
 * @param spanKm        length of every span in km, or 0
 * @param fiberPairs    fiber pairs of every span, or 0
 */
public record FabricSizing(int tiers, int radix, int downPorts, int upPorts, long gpus, int nodes, int scalableUnits,
                           int pods, int leaves, int spines, int cores, int serverRacks, int networkRacks,
                           int linkRows, long cables, long hallCables, int spans, double spanKm,
                           int fiberPairs) {

    /** Switches of all tiers. */
    public int switches() {
        return leaves + spines + cores;
    }

    /** One line: GPUs, nodes, racks, switches per tier, link rows and cables (and the spans between halls). */
    public String summary() {
        String line = String.format(Locale.ROOT, "%,d GPUs, %,d nodes, %,d racks (%,d server, %,d network), %d tiers: "
                        + "%,d leaves, %,d spines, %,d cores; %,d link rows, %,d cables", gpus, nodes,
                serverRacks + networkRacks, serverRacks, networkRacks, tiers, leaves, spines, cores, linkRows, cables);
        if (spans == 0) {
            return line;
        }
        return line + String.format(Locale.ROOT, "; %,d of them between halls over %s of %s km with %,d fiber "
                        + "pairs each", hallCables, spans == 1 ? "1 span" : "a ring of " + spans + " spans",
                java.math.BigDecimal.valueOf(spanKm).stripTrailingZeros().toPlainString(), fiberPairs);
    }
}
