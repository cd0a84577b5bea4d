package io.fabricplan.model;

import java.util.List;
import java.util.Objects;

/**
 * One cable of a link between sites on dedicated fiber: one fiber pair of every span of its route, spliced or
 * patched through intermediate sites. Its optic must reach the route length (sum of the spans' lengths).
 *
 * @param linkId     link id
 * @param cableIndex which of the link's parallel cables, {@code 0..count-1}
 * @param opticId    the optic at both ends
 * @param route      spans from the link's a-site to its b-site, with the fiber pair taken on each
 */
public record GreyRoute(String linkId, int cableIndex, String opticId, List<SpanHop> route) {
    public GreyRoute {
        Objects.requireNonNull(linkId, "linkId");
        Objects.requireNonNull(opticId, "opticId");
        route = route == null ? List.of() : List.copyOf(route);
    }
}
