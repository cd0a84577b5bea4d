package io.fabricplan.dwdm.layer;

import io.fabricplan.model.Span;
import java.util.ArrayList;
import java.util.List;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.YenKShortestPath;
import org.jgrapht.graph.WeightedMultigraph;

/**
 * The k shortest loopless routes between two sites over the spans, by Yen's algorithm (J. Y. Yen, "Finding the K
 * shortest loopless paths in a network", Management Science 17(11), 1971) as JGraphT implements it: O(k n (m + n
 * log n)) for n sites and m spans. Parallel spans between the same sites are distinct routes.
 */
final class CandidateRoutes {
    private final WeightedMultigraph<String, Span> graph = new WeightedMultigraph<>(Span.class);
    private final YenKShortestPath<String, Span> yen;

    CandidateRoutes(List<Span> spans) {
        for (Span s : spans) {
            if (Double.isNaN(s.lengthKm()) || s.lengthKm() < 0 || s.aSite().equals(s.bSite()) || s.fiberPairs() < 1) {
                continue;
            }
            graph.addVertex(s.aSite());
            graph.addVertex(s.bSite());
            graph.addEdge(s.aSite(), s.bSite(), s);
            graph.setEdgeWeight(s, s.lengthKm());
        }
        yen = new YenKShortestPath<>(graph);
    }

    /** Up to k routes from {@code from} to {@code to}, shortest first; none when either site has no span. */
    List<Route> between(String from, String to, int k) {
        List<Route> routes = new ArrayList<>();
        if (!graph.containsVertex(from) || !graph.containsVertex(to) || from.equals(to)) {
            return routes;
        }
        for (GraphPath<String, Span> p : yen.getPaths(from, to, k)) {
            routes.add(new Route(from, to, p.getEdgeList(), p.getWeight()));
        }
        return routes;
    }
}
