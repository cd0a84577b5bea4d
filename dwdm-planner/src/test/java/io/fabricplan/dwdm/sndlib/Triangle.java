package io.fabricplan.dwdm.sndlib;

import java.util.List;

/**
 * A triangle A, B, C for hand-computed optima. Links {@code AB (A B)}, {@code BC (B C)}, {@code AC (A C)}; AC offers
 * modules (10 at cost 10, 20 at cost 18), AB and BC offer (10 at cost 4, 20 at cost 7). Going around (A-B-C) costs
 * 0.7 per unit with 20-modules, going direct 0.9.
 */
final class Triangle {
    private Triangle() {
    }

    /** The network text with the given demand lines and optional ADMISSIBLE_PATHS body. */
    static List<String> network(String demands, String paths) {
        String text = """
                ?SNDlib native format; type: network; version: 1.0
                # a triangle
                META (
                  origin = hand made (for tests)
                )
                NODES (
                  A ( 0 0 )
                  B ( 1 1 )
                  C ( 2 0 )
                )
                LINKS (
                  AB ( A B ) 0 0 0 0 ( 10 4 20 7 )
                  BC ( B C ) 0 0 0 0 ( 10 4 20 7 )
                  AC ( A C ) 0 0 0 0 ( 10 10 20 18 ) ()
                )
                DEMANDS (
                %s
                )
                """.formatted(demands);
        if (paths != null) {
            text += "ADMISSIBLE_PATHS (\n" + paths + "\n)\n";
        }
        return text.lines().toList();
    }

    static SndlibNetwork parse(String demands, String paths) throws SndlibFormatException {
        return SndlibNetworkParser.parse("triangle", "triangle.txt", network(demands, paths));
    }

    /** Model file lines for a problem code such as {@code D-B-M-N-C-A-N-N}. */
    static List<String> model(String code) {
        SndlibVariant v = SndlibVariant.of(code);
        return List.of("?SNDlib native format; type: model; version: 1.0",
                "DEMAND_MODEL = " + v.demand(),
                "LINK_MODEL = " + v.link(),
                "LINK_CAPACITY_MODEL = " + switch (v.capacity()) {
                    case LINEAR -> "LINEAR_LINK_CAPACITIES";
                    case MODULAR -> "MODULAR_LINK_CAPACITIES";
                    case EXPLICIT -> "EXPLICIT_LINK_CAPACITIES";
                    case SINGLE_MODULAR -> "SINGLE_MODULAR_CAPACITIES";
                },
                "FIXED_CHARGE_MODEL = " + (v.fixedCharge() ? "YES" : "NO"),
                "ROUTING_MODEL = " + v.routing(),
                "ADMISSIBLE_PATH_MODEL = " + v.paths(),
                "HOP_LIMIT_MODEL = " + (v.hopLimits() ? "INDIVIDUAL_HOP_LIMITS" : "IGNORE_HOP_LIMITS"),
                "NODE_MODEL = NO_NODE_HARDWARE",
                "OBJECTIVE_MODEL = MINIMIZE_TOTAL_COST",
                "SURVIVABILITY_MODEL = " + v.survivability());
    }
}
