package io.fabricplan.study;

import java.util.List;
import java.util.Objects;

/**
 * One row of a study: the instance with its overrides applied in order.
 *
 * @param id          unique in the study
 * @param description free text, may be empty
 * @param overrides   what the scenario changes; empty for the instance as it is
 * @param pareto      whether the scenario asks for its capex-power front rather than one plan
 * @param cell        where the scenario was defined (e.g. {@code Scenarios!A7}), for messages
 */
public record Scenario(String id, String description, List<OverrideValue> overrides, boolean pareto, String cell) {
    public Scenario {
        Objects.requireNonNull(id, "id");
        description = description == null ? "" : description;
        overrides = List.copyOf(overrides);
        cell = cell == null ? "" : cell;
    }

    public Scenario(String id, String description, List<OverrideValue> overrides) {
        this(id, description, overrides, false, "");
    }
}
