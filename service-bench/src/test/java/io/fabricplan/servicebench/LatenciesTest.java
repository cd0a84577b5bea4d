package io.fabricplan.servicebench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Percentiles by nearest rank, the summary figures, and the markdown table built from them. */
class LatenciesTest {
    private static final long MS = 1_000_000;

    @Test
    void percentilesAreNearestRankSamplesOfTheSortedSeries() {
        // 1..100 ms shuffled: the p-th percentile is p ms exactly
        long[] nanos = LongStream.rangeClosed(1, 100).map(i -> ((i * 37) % 100 + 1) * MS).toArray();
        Latencies l = Latencies.of(nanos);
        assertThat(l.count()).isEqualTo(100);
        assertThat(l.p50Ms()).isEqualTo(50.0);
        assertThat(l.p90Ms()).isEqualTo(90.0);
        assertThat(l.p99Ms()).isEqualTo(99.0);
        assertThat(l.minMs()).isEqualTo(1.0);
        assertThat(l.maxMs()).isEqualTo(100.0);
        assertThat(l.meanMs()).isCloseTo(50.5, within(1e-9));
        assertThat(l.tailRatio()).isCloseTo(99.0 / 50, within(1e-12));
    }

    @Test
    void smallSeriesTakeTheSampleAtTheRankRoundedUp() {
        Latencies l = Latencies.of(3 * MS, 1 * MS, 2 * MS);
        assertThat(l.p50Ms()).isEqualTo(2.0); // ceil(1.5) = 2nd
        assertThat(l.p90Ms()).isEqualTo(3.0);
        assertThat(l.p99Ms()).isEqualTo(3.0);
        assertThat(l.percentileNanos(1)).isEqualTo(MS);
        assertThat(Latencies.of(7 * MS).p99Ms()).isEqualTo(7.0);
        // 50 samples: p99 is the largest, 200 samples: the second largest
        assertThat(Latencies.of(LongStream.rangeClosed(1, 50).toArray()).percentileNanos(99)).isEqualTo(50);
        assertThat(Latencies.of(LongStream.rangeClosed(1, 200).toArray()).percentileNanos(99)).isEqualTo(198);
    }

    @Test
    void refusesNoSamplesUnsortedSamplesAndPercentilesOutOfRange() {
        assertThatThrownBy(Latencies::of).hasMessageContaining("no samples");
        assertThatThrownBy(() -> new Latencies(new long[] {2, 1})).hasMessageContaining("not sorted");
        assertThatThrownBy(() -> Latencies.of(1).percentileNanos(0)).hasMessageContaining("(0, 100]");
        assertThatThrownBy(() -> Latencies.of(1).percentileNanos(101)).hasMessageContaining("(0, 100]");
    }

    @Test
    void keepsItsOwnCopyOfTheSamples() {
        long[] nanos = {1, 2, 3};
        Latencies l = new Latencies(nanos);
        nanos[2] = 99;
        assertThat(l.maxMs()).isEqualTo(3e-6);
        assertThat(l).isEqualTo(Latencies.of(3, 1, 2));
    }

    @Test
    void summaryLineGivesEveryFigureInMilliseconds() {
        assertThat(Latencies.of(MS, 2 * MS, 4 * MS).summary())
                .isEqualTo("n=3 p50=2.00 ms p90=4.00 ms p99=4.00 ms max=4.00 ms mean=2.33 ms");
    }

    @Test
    void tableHasTheLabelsTheFiguresAndTheTrailingCells() {
        String md = new LatencyTable(List.of("instance", "threads"), List.of("status"))
                .add(List.of("tiny", "1"), Latencies.of(MS, 2 * MS, 150 * MS), List.of("OPTIMAL x3"))
                .add(List.of("a|b", "2"), Latencies.of(5 * MS), List.of("-"))
                .markdown();
        assertThat(md).isEqualTo("""
                | instance | threads | runs | p50 ms | p90 ms | p99 ms | max ms | mean ms | p99/p50 | status |
                |---|---|---|---|---|---|---|---|---|---|
                | tiny | 1 | 3 | 2.00 | 150.0 | 150.0 | 150.0 | 51.00 | 75.0x | OPTIMAL x3 |
                | a\\|b | 2 | 1 | 5.00 | 5.00 | 5.00 | 5.00 | 5.00 | 1.0x | - |
                """);
    }

    @Test
    void tableRefusesRowsOfTheWrongWidth() {
        LatencyTable table = new LatencyTable(List.of("instance"), List.of());
        assertThatThrownBy(() -> table.add(List.of("a", "b"), Latencies.of(1), List.of()))
                .hasMessageContaining("expected 1 labels");
    }
}
