package io.fabricplan.servicebench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Measured latencies of one series (nanoseconds), sorted, with the summary statistics a latency benchmark reports.
 * Percentiles are by nearest rank: the p-th percentile of n samples is the ceil(p n / 100)-th smallest, so it is
 * always one of the samples (p99 of 200 samples is the second largest, of 50 the largest).
 *
 * @param sortedNanos the samples in ascending order (a copy is kept)
 */
public record Latencies(long[] sortedNanos) {
    public Latencies {
        if (sortedNanos.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        sortedNanos = sortedNanos.clone();
        for (int i = 1; i < sortedNanos.length; i++) {
            if (sortedNanos[i] < sortedNanos[i - 1]) {
                throw new IllegalArgumentException("samples not sorted at " + i + "; use Latencies.of");
            }
        }
    }

    /** The samples in any order. */
    public static Latencies of(long... nanos) {
        long[] copy = nanos.clone();
        Arrays.sort(copy);
        return new Latencies(copy);
    }

    public int count() {
        return sortedNanos.length;
    }

    /** The p-th percentile (0 < p <= 100) by nearest rank, in nanoseconds. */
    public long percentileNanos(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        int rank = (int) Math.ceil(p / 100 * sortedNanos.length);
        return sortedNanos[Math.max(1, rank) - 1];
    }

    public double p50Ms() {
        return ms(percentileNanos(50));
    }

    public double p90Ms() {
        return ms(percentileNanos(90));
    }

    public double p99Ms() {
        return ms(percentileNanos(99));
    }

    public double minMs() {
        return ms(sortedNanos[0]);
    }

    public double maxMs() {
        return ms(sortedNanos[sortedNanos.length - 1]);
    }

    public double meanMs() {
        double sum = 0;
        for (long n : sortedNanos) {
            sum += n;
        }
        return sum / sortedNanos.length / 1e6;
    }

    /** p99 over p50: how heavy the tail is (1 = none). */
    public double tailRatio() {
        return (double) percentileNanos(99) / percentileNanos(50);
    }

    /** One line: n, p50, p90, p99, max, mean in milliseconds. */
    public String summary() {
        return String.format(Locale.ROOT, "n=%d p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms mean=%.2f ms",
                count(), p50Ms(), p90Ms(), p99Ms(), maxMs(), meanMs());
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Latencies l && Arrays.equals(sortedNanos, l.sortedNanos);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sortedNanos);
    }

    @Override
    public String toString() {
        return summary();
    }
}
