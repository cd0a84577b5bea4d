package io.fabricplan.dwdm.rwa;

import java.util.ArrayList;
import java.util.List;

/** A network and the lightpath requests to route and colour on it. */
public record RwaProblem(Network network, List<Request> requests) {
    public RwaProblem {
        requests = List.copyOf(requests);
        for (int i = 0; i < requests.size(); i++) {
            Request r = requests.get(i);
            if (r.src() < 0 || r.dst() < 0 || r.src() >= network.nodeCount() || r.dst() >= network.nodeCount()) {
                throw new RwaInputException("request " + i + ": node index out of range");
            }
            if (r.src() == r.dst()) {
                throw new RwaInputException("request " + i + ": source and destination are the same node \""
                        + network.nodeId(r.src()) + "\"");
            }
        }
    }

    /** One request per ordered pair of distinct nodes. */
    public static RwaProblem allToAll(Network network) {
        List<Request> list = new ArrayList<>();
        for (int s = 0; s < network.nodeCount(); s++) {
            for (int d = 0; d < network.nodeCount(); d++) {
                if (s != d) {
                    list.add(new Request(s, d));
                }
            }
        }
        return new RwaProblem(network, list);
    }
}
