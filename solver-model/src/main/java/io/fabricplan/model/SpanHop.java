package io.fabricplan.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One span of a route and the fiber pair used on it.
 *
 * @param spanId    span id
 * @param fiberPair 0-based index of the span's fiber pairs ({@code 0..fiber_pairs-1})
 */
public record SpanHop(String spanId, int fiberPair) {
    public SpanHop {
        Objects.requireNonNull(spanId, "spanId");
    }

    /** {@code s1#0} */
    @Override
    public String toString() {
        return spanId + "#" + fiberPair;
    }

    /** A route as the plan workbook writes it: {@code s1#0>s2#1}. */
    public static String format(List<SpanHop> route) {
        return route.stream().map(SpanHop::toString).collect(Collectors.joining(">"));
    }

    /**
     * Parses {@code s1#0>s2#1} (blanks around the separators allowed; a hop without {@code #n} takes pair 0).
     *
     * @throws IllegalArgumentException when a hop is empty or its pair is not a whole number
     */
    public static List<SpanHop> parse(String route) {
        List<SpanHop> hops = new ArrayList<>();
        if (route == null || route.isBlank()) {
            return hops;
        }
        for (String part : route.split(">", -1)) {
            String hop = part.strip();
            int hash = hop.lastIndexOf('#');
            String span = (hash < 0 ? hop : hop.substring(0, hash)).strip();
            if (span.isEmpty()) {
                throw new IllegalArgumentException("empty hop in route \"" + route + "\"");
            }
            int pair = 0;
            if (hash >= 0) {
                try {
                    pair = Integer.parseInt(hop.substring(hash + 1).strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("fiber pair of \"" + hop + "\" is not a whole number");
                }
            }
            hops.add(new SpanHop(span, pair));
        }
        return hops;
    }
}
