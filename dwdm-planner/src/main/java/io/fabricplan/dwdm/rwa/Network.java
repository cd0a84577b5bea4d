package io.fabricplan.dwdm.rwa;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An optical network: nodes with their ids as in the input file, and undirected links, each of which is two
 * opposite fibers. Link {@code e} joins {@code linkU(e)} and {@code linkV(e)}; fiber {@code 2e} runs U to V and
 * fiber {@code 2e+1} runs V to U. Duplicate links and self-loops are dropped.
 */
public final class Network {
    private final List<String> nodeIds;
    private final Map<String, Integer> index = new HashMap<>();
    private final int[] linkU;
    private final int[] linkV;
    private final int[][] fiberOut; // node -> outgoing fibers
    private final Map<Long, Integer> fiberOf = new HashMap<>();

    /** Builds the network; {@code links} holds pairs of node indices. */
    public Network(List<String> nodeIds, List<int[]> links) {
        this.nodeIds = List.copyOf(nodeIds);
        for (int i = 0; i < nodeIds.size(); i++) {
            if (index.putIfAbsent(nodeIds.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate node id " + nodeIds.get(i));
            }
        }
        Set<Long> seen = new HashSet<>();
        List<int[]> kept = new ArrayList<>();
        for (int[] l : links) {
            int a = Math.min(l[0], l[1]);
            int b = Math.max(l[0], l[1]);
            if (a == b || !seen.add(key(a, b))) {
                continue;
            }
            kept.add(new int[] {l[0], l[1]});
        }
        linkU = new int[kept.size()];
        linkV = new int[kept.size()];
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < nodeIds.size(); i++) {
            out.add(new ArrayList<>());
        }
        for (int e = 0; e < kept.size(); e++) {
            linkU[e] = kept.get(e)[0];
            linkV[e] = kept.get(e)[1];
            out.get(linkU[e]).add(2 * e);
            out.get(linkV[e]).add(2 * e + 1);
            fiberOf.put(key(linkU[e], linkV[e]), 2 * e);
            fiberOf.put(key(linkV[e], linkU[e]), 2 * e + 1);
        }
        fiberOut = new int[nodeIds.size()][];
        for (int i = 0; i < nodeIds.size(); i++) {
            fiberOut[i] = out.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static long key(int a, int b) {
        return ((long) a << 32) | (b & 0xffffffffL);
    }

    public int nodeCount() {
        return nodeIds.size();
    }

    public int linkCount() {
        return linkU.length;
    }

    public int fiberCount() {
        return 2 * linkU.length;
    }

    public List<String> nodeIds() {
        return Collections.unmodifiableList(nodeIds);
    }

    public String nodeId(int node) {
        return nodeIds.get(node);
    }

    /** The index of a node id, or -1. */
    public int indexOf(String id) {
        return index.getOrDefault(id, -1);
    }

    public int linkU(int link) {
        return linkU[link];
    }

    public int linkV(int link) {
        return linkV[link];
    }

    public int fiberTail(int fiber) {
        return (fiber & 1) == 0 ? linkU[fiber >> 1] : linkV[fiber >> 1];
    }

    public int fiberHead(int fiber) {
        return (fiber & 1) == 0 ? linkV[fiber >> 1] : linkU[fiber >> 1];
    }

    /** The fibers leaving a node. */
    public int[] fibersOut(int node) {
        return fiberOut[node];
    }

    /** The fiber from {@code a} to {@code b}, or -1 when they are not adjacent. */
    public int fiber(int a, int b) {
        return fiberOf.getOrDefault(key(a, b), -1);
    }
}
