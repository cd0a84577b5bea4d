package io.fabricplan.model;

import java.util.List;
import java.util.Objects;

/**
 * One cable of a link carried as a DWDM channel: a COHERENT optic at each end, the same channel on every hop
 * (no wavelength conversion).
 *
 * @param linkId     link id
 * @param cableIndex which of the link's parallel cables, {@code 0..count-1}
 * @param opticId    the COHERENT optic at both ends
 * @param route      spans from the link's a-site to its b-site, with the fiber pair used on each
 * @param channel    0-based channel of the grid: frequency {@code grid_start_thz + channel x spacing}, the spacing
 *                   being the MUXes' (see {@link OpticalRules#channelFrequencyThz}); a MUX of C channels passes
 *                   channels {@code 0..C-1}
 */
public record Lightpath(String linkId, int cableIndex, String opticId, List<SpanHop> route, int channel) {
    public Lightpath {
        Objects.requireNonNull(linkId, "linkId");
        Objects.requireNonNull(opticId, "opticId");
        route = route == null ? List.of() : List.copyOf(route);
    }
}
