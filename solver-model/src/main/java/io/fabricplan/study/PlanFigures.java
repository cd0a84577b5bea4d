package io.fabricplan.study;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What distinguishes one plan from another in a study's row or a front's point: totals, the least rack headroom,
 * CPO switches by role and cables by optic kind.
 *
 * @param capexUsd           capex of the plan
 * @param powerW             network power of the plan
 * @param tcoUsd             capex plus energy over the years (PUE included)
 * @param networkKw          network power in kW
 * @param leastHeadroomKw    the least of (budget - total) over the racks; negative when a rack is over its budget
 * @param cpoSwitchesByRole  role name to CPO switches of that role (e.g. SPINE=32)
 * @param cablesByKind       optic kind to cables of that kind (e.g. DR=2048, DAC=512)
 */
public record PlanFigures(double capexUsd, double powerW, double tcoUsd, double networkKw, double leastHeadroomKw,
                          Map<String, Integer> cpoSwitchesByRole, Map<String, Long> cablesByKind) {
    public PlanFigures {
        cpoSwitchesByRole = java.util.Collections.unmodifiableMap(new TreeMap<>(
                Objects.requireNonNull(cpoSwitchesByRole, "cpoSwitchesByRole")));
        cablesByKind = java.util.Collections.unmodifiableMap(new TreeMap<>(
                Objects.requireNonNull(cablesByKind, "cablesByKind")));
    }

    /** CPO switches of all roles. */
    public int cpoSwitches() {
        return cpoSwitchesByRole.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** e.g. "SPINE 32, LEAF 0"; "none" when no switch is CPO. */
    public String describeCpo() {
        if (cpoSwitches() == 0) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        cpoSwitchesByRole.forEach((role, n) -> {
            if (n > 0) {
                sb.append(sb.isEmpty() ? "" : ", ").append(role).append(' ').append(n);
            }
        });
        return sb.toString();
    }

    /** e.g. "DAC 512, DR 2048". */
    public String describeCables() {
        StringBuilder sb = new StringBuilder();
        cablesByKind.forEach((kind, n) -> sb.append(sb.isEmpty() ? "" : ", ").append(kind).append(' ').append(n));
        return sb.isEmpty() ? "none" : sb.toString();
    }
}
