package io.fabricplan.model;

import java.util.Objects;

/**
 * A rack on the floor.
 *
 * @param id            rack id
 * @param siteId        site (building or hall); racks of one site are connected by floor distance
 * @param xM            x coordinate of the rack in metres
 * @param yM            y coordinate of the rack in metres
 * @param powerBudgetKw most the rack may draw
 * @param baseLoadKw    what already draws power there (servers, fans, everything not planned here)
 * @param freeU         free rack units for switches
 */
public record Rack(String id, String siteId, double xM, double yM, double powerBudgetKw, double baseLoadKw,
                   int freeU) {
    public static final String DEFAULT_SITE = "main";

    public Rack {
        Objects.requireNonNull(id, "id");
        siteId = siteId == null || siteId.isBlank() ? DEFAULT_SITE : siteId;
    }
}
