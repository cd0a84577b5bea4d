package io.fabricplan.model;

import java.util.List;
import java.util.Objects;

/**
 * A server, switch or other device.
 *
 * <p>A device with a {@code family} is a switch: its model is chosen among the family's models that
 * {@code packaging} admits, and its ports are the model's. A device without a family (servers) has its own
 * {@code ports} of {@code portGbps} and is always a pluggable end.
 *
 * @param id         device id
 * @param role       SERVER, LEAF, SPINE, CORE or OTHER
 * @param family     switch family, null for servers
 * @param packaging  switches: PLUGGABLE, CPO or AUTO
 * <p>A switch with no {@code rackId} and some {@code candidateRacks} is placed by the optimiser in one of them.
 *
 * @param id             device id
 * @param role           SERVER, LEAF, SPINE, CORE or OTHER
 * @param family         switch family, null for servers
 * @param packaging      switches: PLUGGABLE, CPO or AUTO
 * @param rackId         rack it stands in, null when the optimiser places it
 * @param ports          servers: NIC ports (ignored for switches)
 * @param portGbps       servers: rate of a NIC port (ignored for switches)
 * @param lpoCapable     servers: whether the NIC can drive linear pluggables
 * @param candidateRacks racks the optimiser may place it in when {@code rackId} is null; empty otherwise
 * @param installedModel switches: the model standing there today, kept at no capex or replaced (the new model is
 *                       bought and {@code switch_swap_usd} of labour added); null for a new position
 * @param platform       the platform the Compatibility sheet may name (e.g. a NIC, {@code CX7}); null when none
 */
public record Device(String id, Role role, String family, PackagingChoice packaging, String rackId, int ports,
                     double portGbps, boolean lpoCapable, List<String> candidateRacks, String installedModel,
                     String platform) {
    public Device {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        family = family == null || family.isBlank() ? null : family;
        packaging = packaging == null ? PackagingChoice.AUTO : packaging;
        rackId = rackId == null || rackId.isBlank() ? null : rackId;
        candidateRacks = candidateRacks == null ? List.of() : List.copyOf(candidateRacks);
        installedModel = installedModel == null || installedModel.isBlank() ? null : installedModel;
        platform = platform == null || platform.isBlank() ? null : platform;
    }

    /** A device without installed equipment or platform. */
    public Device(String id, Role role, String family, PackagingChoice packaging, String rackId, int ports,
                  double portGbps, boolean lpoCapable, List<String> candidateRacks) {
        this(id, role, family, packaging, rackId, ports, portGbps, lpoCapable, candidateRacks, null, null);
    }

    /** The same device with the given installed model (null: a new position). */
    public Device withInstalledModel(String value) {
        return new Device(id, role, family, packaging, rackId, ports, portGbps, lpoCapable, candidateRacks, value,
                platform);
    }

    /** The same device with the given platform (null: none). */
    public Device withPlatform(String value) {
        return new Device(id, role, family, packaging, rackId, ports, portGbps, lpoCapable, candidateRacks,
                installedModel, value);
    }

    /** A device standing in a given rack. */
    public Device(String id, Role role, String family, PackagingChoice packaging, String rackId, int ports,
                  double portGbps, boolean lpoCapable) {
        this(id, role, family, packaging, rackId, ports, portGbps, lpoCapable, List.of());
    }

    /** True when the optimiser chooses the rack among {@link #candidateRacks()}. */
    public boolean isPlaced() {
        return rackId == null && !candidateRacks.isEmpty();
    }

    /** The racks the device may stand in: its rack, or its candidates. */
    public List<String> possibleRacks() {
        return rackId != null ? List.of(rackId) : candidateRacks;
    }

    /** True when the device's model is chosen from a switch family. */
    public boolean isSwitch() {
        return family != null;
    }

    /** A server with the given NIC. */
    public static Device server(String id, String rackId, int ports, double portGbps, boolean lpoCapable) {
        return new Device(id, Role.SERVER, null, PackagingChoice.PLUGGABLE, rackId, ports, portGbps, lpoCapable);
    }

    /** A switch the optimiser places in one of the candidate racks. */
    public static Device placedSwitch(String id, Role role, String family, PackagingChoice packaging,
                                      List<String> candidateRacks) {
        return new Device(id, role, family, packaging, null, 0, 0, false, candidateRacks);
    }

    /** A switch of a family. */
    public static Device switchOf(String id, Role role, String family, PackagingChoice packaging, String rackId) {
        return new Device(id, role, family, packaging, rackId, 0, 0, false);
    }
}
