package io.fabricplan.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Sites joined by spans (spans of unreadable or negative length are left out). Answers whether, and how short, a
 * path between two sites is; the optimiser will route over the same graph.
 */
public final class SiteGraph {
    private final Map<String, List<Span>> spansAt = new HashMap<>();

    public SiteGraph(List<Span> spans) {
        for (Span s : spans) {
            if (Double.isNaN(s.lengthKm()) || s.lengthKm() < 0 || s.aSite().equals(s.bSite())) {
                continue;
            }
            spansAt.computeIfAbsent(s.aSite(), k -> new ArrayList<>()).add(s);
            spansAt.computeIfAbsent(s.bSite(), k -> new ArrayList<>()).add(s);
        }
    }

    /** Spans with the site at one end. */
    public List<Span> spansAt(String siteId) {
        return spansAt.getOrDefault(siteId, List.of());
    }

    /** Whether some chain of spans joins the sites (a site reaches itself). */
    public boolean connected(String from, String to) {
        return !Double.isNaN(shortestKm(from, to));
    }

    /** Length of the shortest chain of spans between the sites in km; NaN when there is none. */
    public double shortestKm(String from, String to) {
        if (from.equals(to)) {
            return 0;
        }
        Map<String, Double> best = new HashMap<>();
        PriorityQueue<Map.Entry<String, Double>> queue = new PriorityQueue<>(Map.Entry.comparingByValue());
        best.put(from, 0.0);
        queue.add(Map.entry(from, 0.0));
        while (!queue.isEmpty()) {
            Map.Entry<String, Double> e = queue.poll();
            if (e.getValue() > best.get(e.getKey())) {
                continue;
            }
            if (e.getKey().equals(to)) {
                return e.getValue();
            }
            for (Span s : spansAt(e.getKey())) {
                String next = s.other(e.getKey());
                double d = e.getValue() + s.lengthKm();
                if (d < best.getOrDefault(next, Double.POSITIVE_INFINITY)) {
                    best.put(next, d);
                    queue.add(Map.entry(next, d));
                }
            }
        }
        return Double.NaN;
    }

    /** Sites reachable from a site, itself included. */
    public List<String> reachable(String from) {
        List<String> seen = new ArrayList<>(List.of(from));
        Deque<String> todo = new ArrayDeque<>(seen);
        while (!todo.isEmpty()) {
            for (Span s : spansAt(todo.pop())) {
                for (String end : List.of(s.aSite(), s.bSite())) {
                    if (!seen.contains(end)) {
                        seen.add(end);
                        todo.add(end);
                    }
                }
            }
        }
        return seen;
    }
}
