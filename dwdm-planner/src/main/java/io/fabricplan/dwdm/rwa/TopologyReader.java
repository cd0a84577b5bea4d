package io.fabricplan.dwdm.rwa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads topologies in three formats, chosen by content: networkx node-link JSON ({@code nodes} with {@code id},
 * {@code links} with {@code source}/{@code target}), min-RWA JSON ({@code graph.nodeNum}, {@code graph.edges},
 * {@code traffics} with {@code src}/{@code dst}, whose requests are kept), and plain edge lists ({@code NODES}
 * header then one node per line, id first; {@code EDGES} header then {@code u v [length_km ...]}; {@code #}
 * comments). Node ids are kept as written. Every problem is an {@link RwaInputException} naming file and
 * line or field.
 */
public final class TopologyReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TopologyReader() {
    }

    /** A network and the requests the file carries (empty unless it is a min-RWA file). */
    public record Topology(Network network, List<Request> requests) {
        public boolean hasRequests() {
            return !requests.isEmpty();
        }
    }

    public static Topology read(Path file) {
        String text = readText(file);
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            JsonNode root = parseJson(file, text);
            if (root.has("graph") && root.get("graph").has("nodeNum")) {
                return readMinRwa(file, root);
            }
            if (root.has("nodes") && root.has("links")) {
                return new Topology(readNodeLink(file, root), List.of());
            }
            throw new RwaInputException(file + ": JSON is neither networkx node-link (\"nodes\" and \"links\") "
                    + "nor min-RWA (\"graph\" with \"nodeNum\" and \"edges\")");
        }
        return new Topology(readEdgeList(file, text), List.of());
    }

    /**
     * Reads requests: a JSON list of {@code {"src": id, "dst": id}} or a min-RWA file (its traffics). Ids must
     * name nodes of the network.
     */
    public static List<Request> readRequests(Path file, Network network) {
        JsonNode root = parseJson(file, readText(file));
        JsonNode list;
        String where;
        if (root.isArray()) {
            list = root;
            where = "";
        } else if (root.has("traffics") && root.get("traffics").isArray()) {
            list = root.get("traffics");
            where = "traffics";
        } else {
            throw new RwaInputException(file + ": expected a JSON list of {\"src\", \"dst\"} or a min-RWA file "
                    + "with \"traffics\"");
        }
        return requests(file, list, where, network);
    }

    private static List<Request> requests(Path file, JsonNode list, String where, Network network) {
        List<Request> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String field = where + "[" + i + "]";
            JsonNode t = list.get(i);
            int s = node(file, t, field, "src", network);
            int d = node(file, t, field, "dst", network);
            if (s == d) {
                throw new RwaInputException(file + ": " + field + ": src and dst are the same node \""
                        + network.nodeId(s) + "\"");
            }
            out.add(new Request(s, d));
        }
        if (out.isEmpty()) {
            throw new RwaInputException(file + ": " + (where.isEmpty() ? "the list" : where) + " holds no requests");
        }
        return out;
    }

    private static int node(Path file, JsonNode obj, String field, String key, Network network) {
        if (obj == null || !obj.isObject() || !obj.has(key) || !obj.get(key).isValueNode()
                || obj.get(key).isNull()) {
            throw new RwaInputException(file + ": " + field + "." + key + " is missing");
        }
        String id = obj.get(key).asText();
        int idx = network.indexOf(id);
        if (idx < 0) {
            throw new RwaInputException(file + ": " + field + "." + key + ": unknown node \"" + id + "\"");
        }
        return idx;
    }

    private static Topology readMinRwa(Path file, JsonNode root) {
        JsonNode graph = root.get("graph");
        JsonNode nn = graph.get("nodeNum");
        if (!nn.canConvertToInt() || !nn.isIntegralNumber() || nn.asInt() < 2) {
            throw new RwaInputException(file + ": graph.nodeNum must be an integer of at least 2, got " + nn);
        }
        int n = nn.asInt();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(String.valueOf(i));
        }
        JsonNode edges = graph.get("edges");
        if (edges == null || !edges.isArray()) {
            throw new RwaInputException(file + ": graph.edges is missing or not a list");
        }
        Map<String, Integer> index = indexOf(ids);
        List<int[]> links = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            links.add(link(file, edges.get(i), "graph.edges[" + i + "]", index));
        }
        Network network = new Network(ids, links);
        List<Request> reqs = root.has("traffics") && root.get("traffics").isArray()
                && root.get("traffics").size() > 0 ? requests(file, root.get("traffics"), "traffics", network)
                : List.of();
        return new Topology(network, reqs);
    }

    private static Network readNodeLink(Path file, JsonNode root) {
        JsonNode nodes = root.get("nodes");
        JsonNode linksNode = root.get("links");
        if (!nodes.isArray() || !linksNode.isArray()) {
            throw new RwaInputException(file + ": \"nodes\" and \"links\" must be lists");
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode id = nodes.get(i).get("id");
            if (id == null || !id.isValueNode() || id.isNull()) {
                throw new RwaInputException(file + ": nodes[" + i + "].id is missing");
            }
            if (ids.contains(id.asText())) {
                throw new RwaInputException(file + ": nodes[" + i + "].id: duplicate node id \"" + id.asText()
                        + "\"");
            }
            ids.add(id.asText());
        }
        Map<String, Integer> index = indexOf(ids);
        List<int[]> links = new ArrayList<>();
        for (int i = 0; i < linksNode.size(); i++) {
            JsonNode l = linksNode.get(i);
            links.add(link(file, l, "links[" + i + "]", index));
            JsonNode dist = l.get("distance");
            if (dist != null && !dist.isNull() && (!dist.isNumber() || dist.asDouble() < 0)) {
                throw new RwaInputException(file + ": links[" + i + "].distance must be a non-negative number, got "
                        + dist);
            }
        }
        return new Network(ids, links);
    }

    private static int[] link(Path file, JsonNode l, String field, Map<String, Integer> index) {
        int[] uv = new int[2];
        String[] keys = {"source", "target"};
        for (int k = 0; k < 2; k++) {
            JsonNode v = l == null ? null : l.get(keys[k]);
            if (v == null || !v.isValueNode() || v.isNull()) {
                throw new RwaInputException(file + ": " + field + "." + keys[k] + " is missing");
            }
            Integer idx = index.get(v.asText());
            if (idx == null) {
                throw new RwaInputException(file + ": " + field + "." + keys[k] + ": unknown node \"" + v.asText()
                        + "\"");
            }
            uv[k] = idx;
        }
        return uv;
    }

    private static Network readEdgeList(Path file, String text) {
        List<String> ids = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        List<int[]> links = new ArrayList<>();
        String section = null;
        String[] lines = text.split("\r?\n", -1);
        for (int ln = 0; ln < lines.length; ln++) {
            String line = lines[ln].strip();
            String where = file + ":" + (ln + 1) + ": ";
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] tok = line.split("\\s+");
            if (tok[0].equals("NODES") || tok[0].equals("EDGES")) {
                section = tok[0];
                continue;
            }
            if (section == null) {
                throw new RwaInputException(where + "expected a NODES or EDGES header, got \"" + line + "\"");
            }
            if (section.equals("NODES")) {
                if (index.putIfAbsent(tok[0], ids.size()) != null) {
                    throw new RwaInputException(where + "duplicate node id \"" + tok[0] + "\"");
                }
                ids.add(tok[0]);
            } else {
                if (tok.length < 2) {
                    throw new RwaInputException(where + "an edge needs two node ids (u v [length_km]), got \""
                            + line + "\"");
                }
                int[] uv = new int[2];
                for (int k = 0; k < 2; k++) {
                    Integer idx = index.get(tok[k]);
                    if (idx == null) {
                        throw new RwaInputException(where + "unknown node \"" + tok[k] + "\" (not in NODES)");
                    }
                    uv[k] = idx;
                }
                if (tok.length >= 3) {
                    try {
                        double len = Double.parseDouble(tok[2]);
                        if (!(len >= 0)) {
                            throw new NumberFormatException();
                        }
                    } catch (NumberFormatException e) {
                        throw new RwaInputException(where + "length_km must be a non-negative number, got \""
                                + tok[2] + "\"");
                    }
                }
                links.add(uv);
            }
        }
        if (ids.size() < 2) {
            throw new RwaInputException(file + ": no NODES section with at least two nodes");
        }
        if (links.isEmpty()) {
            throw new RwaInputException(file + ": no EDGES");
        }
        return new Network(ids, links);
    }

    private static Map<String, Integer> indexOf(List<String> ids) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            m.put(ids.get(i), i);
        }
        return m;
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new RwaInputException(file + ": no such file");
        } catch (IOException e) {
            throw new RwaInputException(file + ": cannot read: " + e.getMessage());
        }
    }

    private static JsonNode parseJson(Path file, String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new RwaInputException(file + (loc == null ? "" : ":" + loc.getLineNr()) + ": invalid JSON: "
                    + e.getOriginalMessage());
        }
    }
}
