package io.fabricplan.dwdm.sndlib;

import io.fabricplan.dwdm.sndlib.SndlibVariant.CapacityModel;
import io.fabricplan.dwdm.sndlib.SndlibVariant.DemandModel;
import io.fabricplan.dwdm.sndlib.SndlibVariant.LinkModel;
import io.fabricplan.dwdm.sndlib.SndlibVariant.PathModel;
import io.fabricplan.dwdm.sndlib.SndlibVariant.RoutingModel;
import io.fabricplan.dwdm.sndlib.SndlibVariant.Survivability;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an SNDlib model file: {@code KEY = VALUE} lines for the demand, link, link capacity, fixed charge,
 * routing, admissible path, hop limit, node, objective and survivability models. Only the values of the format
 * description are accepted; every error names file and line.
 */
public final class SndlibModelParser {
    private static final List<String> REQUIRED = List.of("DEMAND_MODEL", "LINK_MODEL", "LINK_CAPACITY_MODEL",
            "FIXED_CHARGE_MODEL", "ROUTING_MODEL", "ADMISSIBLE_PATH_MODEL", "HOP_LIMIT_MODEL",
            "SURVIVABILITY_MODEL");
    private static final Map<String, List<String>> VALUES = new LinkedHashMap<>();

    static {
        VALUES.put("DEMAND_MODEL", List.of("DIRECTED", "UNDIRECTED"));
        VALUES.put("LINK_MODEL", List.of("UNDIRECTED", "BIDIRECTED", "DIRECTED"));
        VALUES.put("LINK_CAPACITY_MODEL", List.of("LINEAR_LINK_CAPACITIES", "MODULAR_LINK_CAPACITIES",
                "EXPLICIT_LINK_CAPACITIES", "SINGLE_MODULAR_CAPACITIES"));
        VALUES.put("FIXED_CHARGE_MODEL", List.of("YES", "NO"));
        VALUES.put("ROUTING_MODEL", List.of("CONTINUOUS", "INTEGER", "SINGLE_PATH", "OSPF_SINGLE_PATH",
                "OSPF_EQUAL_SPLIT_PATH"));
        VALUES.put("ADMISSIBLE_PATH_MODEL", List.of("ALL_PATHS", "EXPLICIT_LIST"));
        VALUES.put("HOP_LIMIT_MODEL", List.of("INDIVIDUAL_HOP_LIMITS", "IGNORE_HOP_LIMITS"));
        VALUES.put("SURVIVABILITY_MODEL", List.of("NO_SURVIVABILITY", "ONE_PLUS_ONE_PROTECTION",
                "SHARED_PATH_PROTECTION", "UNRESTRICTED_FLOW_RECONFIGURATION"));
        VALUES.put("NODE_MODEL", List.of("NO_NODE_HARDWARE", "NODE_HARDWARE"));
        VALUES.put("OBJECTIVE_MODEL", List.of("MINIMIZE_TOTAL_COST"));
    }

    private SndlibModelParser() {
    }

    public static SndlibVariant parse(Path file) throws SndlibFormatException {
        try {
            return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SndlibFormatException(file + ": cannot read the model file (" + e.getMessage()
                    + "). Maybe check the path");
        }
    }

    public static SndlibVariant parse(String fileName, List<String> lines) throws SndlibFormatException {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int no = i + 1;
            if (line.startsWith("?")) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.contains("type:") && !lower.matches(".*type:\\s*model.*")) {
                    throw SndlibFormatException.at(fileName, no, "this is not an SNDlib model file",
                            "the arguments are NETWORK.txt then MODEL.txt");
                }
                continue;
            }
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw SndlibFormatException.at(fileName, no, "expected KEY = VALUE but found \"" + line + "\"",
                        "a model file holds lines such as LINK_MODEL = BIDIRECTED");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            List<String> allowed = VALUES.get(key);
            if (allowed == null) {
                throw SndlibFormatException.at(fileName, no, "unknown model attribute " + key,
                        "the attributes are " + String.join(", ", VALUES.keySet()));
            }
            if (!allowed.contains(value)) {
                throw SndlibFormatException.at(fileName, no, key + " has unknown value \"" + value + "\"",
                        "use one of " + String.join(", ", allowed));
            }
            if (values.put(key, value) != null) {
                throw SndlibFormatException.at(fileName, no, key + " is given twice", "keep one line");
            }
        }
        for (String key : REQUIRED) {
            if (!values.containsKey(key)) {
                throw SndlibFormatException.at(fileName, 0, "attribute " + key + " is missing",
                        "add a line " + key + " = " + VALUES.get(key).get(0));
            }
        }
        String routing = values.get("ROUTING_MODEL");
        if (routing.startsWith("OSPF")) {
            throw SndlibFormatException.at(fileName, 0, "ROUTING_MODEL = " + routing + " is not supported",
                    "use CONTINUOUS, INTEGER or SINGLE_PATH");
        }
        return new SndlibVariant(DemandModel.valueOf(values.get("DEMAND_MODEL")),
                LinkModel.valueOf(values.get("LINK_MODEL")),
                switch (values.get("LINK_CAPACITY_MODEL")) {
                    case "LINEAR_LINK_CAPACITIES" -> CapacityModel.LINEAR;
                    case "EXPLICIT_LINK_CAPACITIES" -> CapacityModel.EXPLICIT;
                    case "SINGLE_MODULAR_CAPACITIES" -> CapacityModel.SINGLE_MODULAR;
                    default -> CapacityModel.MODULAR;
                },
                values.get("FIXED_CHARGE_MODEL").equals("YES"), RoutingModel.valueOf(routing),
                PathModel.valueOf(values.get("ADMISSIBLE_PATH_MODEL")),
                values.get("HOP_LIMIT_MODEL").equals("INDIVIDUAL_HOP_LIMITS"),
                Survivability.valueOf(values.get("SURVIVABILITY_MODEL")));
    }
}
