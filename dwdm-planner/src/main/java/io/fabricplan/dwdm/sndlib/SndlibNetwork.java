package io.fabricplan.dwdm.sndlib;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An SNDlib network (native format): nodes, links with pre-installed capacity and installable modules, demands and
 * optional admissible paths. Links and demands keep their file order; indices below are positions in these lists.
 *
 * @param name   the network name (file name without extension)
 * @param nodes  node identifiers
 * @param links  the links
 * @param demands the demands
 * @param paths  admissible paths by demand id (empty when the file has no ADMISSIBLE_PATHS section)
 */
public record SndlibNetwork(String name, List<String> nodes, List<Link> links, List<Demand> demands,
                            Map<String, List<Path>> paths) {

    /** An installable module: capacity (infinite for UNLIMITED) and cost per module. */
    public record Module(double capacity, double cost) {
    }

    /**
     * A link between two nodes; direction semantics come from the link model.
     *
     * @param preCapacity pre-installed capacity, always present, at constant cost {@code preCost}
     * @param routingCost cost per unit of flow (routing unit 1)
     * @param setupCost   fixed charge for using the link (only with FIXED_CHARGE_MODEL = YES)
     */
    public record Link(String id, String source, String target, double preCapacity, double preCost,
                       double routingCost, double setupCost, List<Module> modules) {
    }

    /**
     * A demand: {@code routingUnit * value} flow units from source to target.
     *
     * @param maxPathLength hop limit, -1 for UNLIMITED
     */
    public record Demand(String id, String source, String target, double routingUnit, double value,
                         int maxPathLength) {
        /** The flow to route in base units (routing unit 1). */
        public double volume() {
            return routingUnit * value;
        }
    }

    /** An admissible path: link ids in order from the demand's source. */
    public record Path(String id, List<String> links) {
    }

    public SndlibNetwork {
        nodes = List.copyOf(nodes);
        links = List.copyOf(links);
        demands = List.copyOf(demands);
        paths = Map.copyOf(paths);
    }

    /** Node id to index. */
    public Map<String, Integer> nodeIndex() {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            m.put(nodes.get(i), i);
        }
        return m;
    }

    /** Link id to index. */
    public Map<String, Integer> linkIndex() {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < links.size(); i++) {
            m.put(links.get(i).id(), i);
        }
        return m;
    }

    /** Sum of all demand volumes in base units. */
    public double totalVolume() {
        return demands.stream().mapToDouble(Demand::volume).sum();
    }
}
