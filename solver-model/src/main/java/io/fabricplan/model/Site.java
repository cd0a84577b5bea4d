package io.fabricplan.model;

import java.util.Objects;

/**
 * A site (building or campus) that racks stand in and fiber spans join. Racks name their site in
 * {@code site_id}; the default site {@link Rack#DEFAULT_SITE} needs no row.
 *
 * @param id   site id
 * @param name readable name, or null
 */
public record Site(String id, String name) {
    public Site {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? null : name;
    }
}
