package io.fabricplan.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code Compatibility} sheet compiled for look-ups: which optic a pluggable end accepts and the coding it
 * costs there.
 *
 * <p><b>Rule.</b> An optic without rows is accepted by every pluggable end (as in workbooks without the sheet).
 * An optic with rows is accepted at a pluggable end only when a row names one of the end's platforms (its switch
 * model id, its switch family, its device's {@code platform}) with YES and no row naming one of them says NO
 * (NO wins). The coding cost at an accepting end is that of the most specific matching YES row: model, then
 * family, then the device's platform. CPO ends take no module and are not subject to the sheet. Immutable.
 */
public final class Qualification {
    /** No Compatibility rows: every optic is accepted everywhere, at no coding cost. */
    public static final Qualification NONE = new Qualification(List.of());

    /** Per optic id: per platform, the row. */
    private final Map<String, Map<String, CompatibilityRule>> rules = new HashMap<>();

    private Qualification(List<CompatibilityRule> rows) {
        for (CompatibilityRule r : rows) {
            rules.computeIfAbsent(r.opticId(), k -> new HashMap<>()).putIfAbsent(r.platform(), r);
        }
    }

    /** The compiled table of the rows (a repeated optic and platform: the first row counts). */
    public static Qualification of(List<CompatibilityRule> rows) {
        return rows.isEmpty() ? NONE : new Qualification(rows);
    }

    /** The platforms a YES row names for the optic, sorted; empty when it has no rows or none says YES. */
    public List<String> allowedPlatforms(String opticId) {
        return rules.getOrDefault(opticId, Map.of()).values().stream().filter(CompatibilityRule::allowed)
                .map(CompatibilityRule::platform).sorted().toList();
    }

    /** Whether the optic has rows, so that ends must be qualified for it. */
    public boolean restricts(String opticId) {
        return rules.containsKey(opticId);
    }

    /**
     * Whether an end of the given platforms accepts the optic; each platform may be null.
     *
     * @param modelId  the switch model at the end, null for a server
     * @param family   the switch family, null for a server
     * @param platform the device's platform, or null
     */
    public boolean allows(String opticId, String modelId, String family, String platform) {
        Map<String, CompatibilityRule> rows = rules.get(opticId);
        if (rows == null) {
            return true;
        }
        boolean yes = false;
        for (String key : new String[] {modelId, family, platform}) {
            CompatibilityRule r = key == null ? null : rows.get(key);
            if (r != null) {
                if (!r.allowed()) {
                    return false;
                }
                yes = true;
            }
        }
        return yes;
    }

    /** Coding per module of the optic at an accepting end: the most specific matching YES row's, else 0. */
    public double codingUsd(String opticId, String modelId, String family, String platform) {
        Map<String, CompatibilityRule> rows = rules.get(opticId);
        if (rows == null) {
            return 0;
        }
        for (String key : new String[] {modelId, family, platform}) {
            CompatibilityRule r = key == null ? null : rows.get(key);
            if (r != null && r.allowed()) {
                return r.codingUsd();
            }
        }
        return 0;
    }
}
