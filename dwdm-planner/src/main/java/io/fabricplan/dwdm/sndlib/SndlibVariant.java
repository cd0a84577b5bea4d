package io.fabricplan.dwdm.sndlib;

/**
 * The attributes of an SNDlib model file, with the problem code A-B-C-D-E-F-G-H of the benchmark naming: demand
 * model, link model, capacity model, fixed charge, routing, admissible paths, hop limits, survivability.
 */
public record SndlibVariant(DemandModel demand, LinkModel link, CapacityModel capacity, boolean fixedCharge,
                            RoutingModel routing, PathModel paths, boolean hopLimits, Survivability survivability) {

    public enum DemandModel { DIRECTED, UNDIRECTED }

    public enum LinkModel { UNDIRECTED, BIDIRECTED, DIRECTED }

    /** L, M, E, S: linear, modular, explicit (at most one module), single modular (one module type). */
    public enum CapacityModel { LINEAR, MODULAR, EXPLICIT, SINGLE_MODULAR }

    public enum RoutingModel { CONTINUOUS, INTEGER, SINGLE_PATH }

    public enum PathModel { ALL_PATHS, EXPLICIT_LIST }

    public enum Survivability { NO_SURVIVABILITY, ONE_PLUS_ONE_PROTECTION, SHARED_PATH_PROTECTION,
        UNRESTRICTED_FLOW_RECONFIGURATION }

    /** The benchmark code, e.g. {@code D-B-M-N-C-A-N-N}. */
    public String code() {
        return String.join("-", demand.name().substring(0, 1), link.name().substring(0, 1),
                switch (capacity) {
                    case LINEAR -> "L";
                    case MODULAR -> "M";
                    case EXPLICIT -> "E";
                    case SINGLE_MODULAR -> "S";
                }, fixedCharge ? "Y" : "N", routing.name().substring(0, 1),
                paths == PathModel.ALL_PATHS ? "A" : "E", hopLimits ? "Y" : "N",
                switch (survivability) {
                    case NO_SURVIVABILITY -> "N";
                    case ONE_PLUS_ONE_PROTECTION -> "P";
                    case SHARED_PATH_PROTECTION -> "S";
                    case UNRESTRICTED_FLOW_RECONFIGURATION -> "U";
                });
    }

    /** Parses a code such as {@code D-B-M-N-C-A-N-N} (for tests and tools). */
    public static SndlibVariant of(String code) {
        String[] p = code.trim().split("-");
        if (p.length != 8) {
            throw new IllegalArgumentException("a problem code has eight letters A-B-C-D-E-F-G-H: " + code);
        }
        return new SndlibVariant(p[0].equals("U") ? DemandModel.UNDIRECTED : DemandModel.DIRECTED,
                switch (p[1]) {
                    case "U" -> LinkModel.UNDIRECTED;
                    case "B" -> LinkModel.BIDIRECTED;
                    default -> LinkModel.DIRECTED;
                },
                switch (p[2]) {
                    case "L" -> CapacityModel.LINEAR;
                    case "E" -> CapacityModel.EXPLICIT;
                    case "S" -> CapacityModel.SINGLE_MODULAR;
                    default -> CapacityModel.MODULAR;
                }, p[3].equals("Y"),
                switch (p[4]) {
                    case "I" -> RoutingModel.INTEGER;
                    case "S" -> RoutingModel.SINGLE_PATH;
                    default -> RoutingModel.CONTINUOUS;
                }, p[5].equals("E") ? PathModel.EXPLICIT_LIST : PathModel.ALL_PATHS, p[6].equals("Y"),
                switch (p[7]) {
                    case "P" -> Survivability.ONE_PLUS_ONE_PROTECTION;
                    case "S" -> Survivability.SHARED_PATH_PROTECTION;
                    case "U" -> Survivability.UNRESTRICTED_FLOW_RECONFIGURATION;
                    default -> Survivability.NO_SURVIVABILITY;
                });
    }
}
