package io.fabricplan.servicebench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A markdown table of latency series: the caller's label columns (instance, threads, ...), then runs, p50, p90,
 * p99, max, mean (milliseconds: two decimals, one from 100 ms) and p99/p50, then the caller's trailing
 * columns (status, target met, ...).
 */
public final class LatencyTable {
    private final List<String> labelHeaders;
    private final List<String> trailingHeaders;
    private final List<String> rows = new ArrayList<>();

    public LatencyTable(List<String> labelHeaders, List<String> trailingHeaders) {
        this.labelHeaders = List.copyOf(labelHeaders);
        this.trailingHeaders = List.copyOf(trailingHeaders);
    }

    /** Adds a row; labels and trailing cells must match the headers in number. */
    public LatencyTable add(List<String> labels, Latencies latencies, List<String> trailing) {
        if (labels.size() != labelHeaders.size() || trailing.size() != trailingHeaders.size()) {
            throw new IllegalArgumentException("expected " + labelHeaders.size() + " labels and "
                    + trailingHeaders.size() + " trailing cells, got " + labels.size() + " and " + trailing.size());
        }
        List<String> cells = new ArrayList<>(labels);
        cells.add(String.valueOf(latencies.count()));
        cells.add(ms(latencies.p50Ms()));
        cells.add(ms(latencies.p90Ms()));
        cells.add(ms(latencies.p99Ms()));
        cells.add(ms(latencies.maxMs()));
        cells.add(ms(latencies.meanMs()));
        cells.add(String.format(Locale.ROOT, "%.1fx", latencies.tailRatio()));
        cells.addAll(trailing);
        rows.add(line(cells));
        return this;
    }

    /** The header, the separator and every row, each line ending in a newline. */
    public String markdown() {
        List<String> headers = new ArrayList<>(labelHeaders);
        headers.addAll(List.of("runs", "p50 ms", "p90 ms", "p99 ms", "max ms", "mean ms", "p99/p50"));
        headers.addAll(trailingHeaders);
        StringBuilder out = new StringBuilder(line(headers)).append('\n');
        out.append("|").append("---|".repeat(headers.size())).append('\n');
        rows.forEach(r -> out.append(r).append('\n'));
        return out.toString();
    }

    /** Milliseconds with two decimals (one from 100 ms). */
    static String ms(double ms) {
        return String.format(Locale.ROOT, ms >= 100 ? "%.1f" : "%.2f", ms);
    }

    private static String line(List<String> cells) {
        return "| " + String.join(" | ", cells.stream().map(c -> c.replace("|", "\\|")).toList()) + " |";
    }
}
