package io.fabricplan.check;

/**
 * One broken rule of a plan.
 *
 * @param kind    which rule
 * @param subject the id the rule is about (link, device, rack ...); for a figure the plan states, the place it
 *                stands (a plan workbook's cell, e.g. {@code LinkPlan!J4})
 * @param message what is wrong, with the figures
 */
public record Violation(Kind kind, String subject, String message) {

    /** The rules the checker verifies. */
    public enum Kind {
        UNKNOWN_DEVICE,
        DUPLICATE_DEVICE_ASSIGNMENT,
        MISSING_MODEL,
        WRONG_FAMILY,
        PACKAGING_NOT_ALLOWED,
        WRONG_RACK,
        RACK_SPACE_EXCEEDED,
        UNKNOWN_LINK,
        UNKNOWN_OPTIC,
        BAD_COUNT,
        LINK_COUNT_MISMATCH,
        END_PACKAGING_MISMATCH,
        RATE_MISMATCH,
        REACH_EXCEEDED,
        /** An end that does not take the optic: CPO PMD, LPO host, or not qualified (Compatibility sheet). */
        END_INCOMPATIBLE,
        /** Two different modules at a link's ends that do not pair ({@code Optics.pairs_with}), or not both pluggable. */
        PAIRING_NOT_ALLOWED,
        /** More units of an optic or switch model bought than its {@code max_buy}, stock used first. */
        SUPPLY_EXCEEDED,
        PORTS_EXCEEDED,
        RACK_POWER_EXCEEDED,
        /** A total of the Summary (objective_value, capex_usd, power_w, tco_usd) that the choices do not give. */
        REPORTED_TOTAL_MISMATCH,
        /**
         * A figure the plan states (LinkPlan, DevicePlan, RackPower, BOM, the DWDM sheets, the Summary's status and
         * gap) that its decisions do not give, or text where a number belongs.
         */
        STATED_FIGURE_MISMATCH,
        /** A row of stated figures missing (a rack, span, BOM item or server without its row), or a whole sheet. */
        STATED_ROW_MISSING,
        /** A row of stated figures for something the plan does not have, blank, or listed again. */
        STATED_ROW_EXTRA,
        /** DWDM: a route that is not a chain of spans from the link's a-site to its b-site. */
        ROUTE_DISCONTINUOUS,
        /** DWDM: a span's routes use a fiber pair beyond its {@code fiber_pairs}. */
        FIBER_PAIRS_EXCEEDED,
        /** DWDM: a fiber pair carrying a grey cable carries anything else too. */
        FIBER_PAIR_CONFLICT,
        /** DWDM: two lightpaths on the same channel of the same span fiber pair. */
        CHANNEL_CONFLICT,
        /** DWDM: a channel outside the grid ({@code 0..max_channels-1}). */
        CHANNEL_OUT_OF_GRID,
        /** DWDM: a DWDM fiber pair without its MUX/DEMUX at a span end. */
        MUX_MISSING,
        /** DWDM: more channels on a fiber pair than its MUX has. */
        MUX_CAPACITY_EXCEEDED,
        /** DWDM: an optic wider than its MUXes' spacing, or MUXes of different spacings on one route. */
        SPACING_MISMATCH,
        /** DWDM: a lightpath's OSNR below the optic's required OSNR plus the margin. */
        OSNR_BELOW_REQUIRED,
        /** DWDM: a section's loss beyond its amplifier's gain, or the receiver's loss beyond the optic's budget. */
        LOSS_BUDGET_EXCEEDED,
        /** DWDM: a lightpath's optic is not COHERENT with OSNR data. */
        NOT_COHERENT,
        /** DWDM: a MUX or amplifier placement naming an unknown span, site, item or fiber pair. */
        BAD_PLACEMENT,
        /** DWDM: a cable index outside the link's count, or a route for a link within one site. */
        BAD_CABLE,
        /** DWDM: a cable routed twice. */
        CABLE_ROUTED_TWICE,
        /** DWDM: a cable of a link between sites that is neither a lightpath nor a grey route. */
        CABLE_NOT_ROUTED,
        /** DWDM: the optics of a link's routed cables disagree with its link assignments. */
        ROUTE_OPTIC_MISMATCH
    }

    @Override
    public String toString() {
        return kind + " " + subject + ": " + message;
    }
}
