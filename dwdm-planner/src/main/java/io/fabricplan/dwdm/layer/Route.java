package io.fabricplan.dwdm.layer;

import io.fabricplan.model.Span;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A candidate route between two sites: spans in order from {@code from} to {@code to}.
 *
 * @param from     start site (the lower id of the pair)
 * @param to       end site
 * @param spans    spans in order
 * @param lengthKm sum of their lengths
 */
record Route(String from, String to, List<Span> spans, double lengthKm) {
    Route {
        spans = List.copyOf(spans);
    }

    /** {@code s1>s2}, for names. */
    String label() {
        return spans.stream().map(Span::id).collect(Collectors.joining(">"));
    }

    boolean crosses(Span span) {
        return spans.contains(span);
    }
}
