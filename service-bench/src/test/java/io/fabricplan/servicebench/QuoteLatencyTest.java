package io.fabricplan.servicebench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fabricplan.api.Progress;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.instances.Examples;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The harness's flags, its targets, its phase accounting, and a short real series checked end to end. */
class QuoteLatencyTest {
    private static final long MS = 1_000_000;

    @Test
    void defaultsAre200Runs50ForTheSuperpodAndBothThreadCounts() {
        QuoteLatency.Config c = QuoteLatency.Config.parse();
        assertThat(c.runsOf("tiny")).isEqualTo(200);
        assertThat(c.runsOf("superpod-4su")).isEqualTo(50);
        assertThat(c.threads()).containsExactly(1, 2);
        assertThat(c.instances()).containsExactly("tiny", "cpo-tight-rack", "pod-64", "pod-256", "superpod-4su");
        assertThat(c.phases()).isFalse();
        assertThat(c.warmupSeconds()).isEqualTo(2.0);
        assertThat(c.jvmWarmupSeconds()).isEqualTo(10.0);
    }

    @Test
    void flagsSetRunsThreadsAndInstances() {
        QuoteLatency.Config c = QuoteLatency.Config.parse("--runs", "7", "--superpod-runs", "3", "--warmup", "4",
                "--warmup-seconds", "0.5", "--jvm-warmup-seconds", "3",
                "--threads", "2", "--instances", "tiny,superpod-4su", "--phases", "--markdown", "out.md");
        assertThat(c.runsOf("tiny")).isEqualTo(7);
        assertThat(c.runsOf("superpod-4su")).isEqualTo(3);
        assertThat(c.warmupOf("tiny")).isEqualTo(4);
        assertThat(c.warmupOf("superpod-4su")).isEqualTo(1);
        assertThat(c.warmupSeconds()).isEqualTo(0.5);
        assertThat(c.jvmWarmupSeconds()).isEqualTo(3.0);
        assertThat(c.threads()).containsExactly(2);
        assertThat(c.instances()).containsExactly("tiny", "superpod-4su");
        assertThat(c.phases()).isTrue();
        assertThat(c.markdown()).hasToString("out.md");
    }

    @Test
    void badFlagsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> QuoteLatency.Config.parse("--runs", "0")).hasMessageContaining("--runs");
        assertThatThrownBy(() -> QuoteLatency.Config.parse("--instances", "huge")).hasMessageContaining("huge");
        assertThatThrownBy(() -> QuoteLatency.Config.parse("--bogus", "1")).hasMessageContaining("--bogus");
        assertThatThrownBy(() -> QuoteLatency.Config.parse("--runs")).hasMessageContaining("needs a value");
    }

    @Test
    void targetsAreP50BySizeAndTheTailAgainstP50() {
        QuoteLatency.Series small = series("pod-256", 264, Latencies.of(10 * MS, 20 * MS, 29 * MS));
        assertThat(small.p50TargetMs()).isEqualTo(25.0);
        assertThat(small.p50Met()).isTrue();
        assertThat(small.tailMet()).isTrue(); // 29 / 20 < 3
        QuoteLatency.Series slow = series("tiny", 3, Latencies.of(30 * MS, 30 * MS, 100 * MS));
        assertThat(slow.p50Met()).isFalse();
        assertThat(slow.tailMet()).isFalse();
        QuoteLatency.Series superpod = series("superpod-4su", 1536, Latencies.of(59 * MS));
        assertThat(superpod.p50TargetMs()).isEqualTo(60.0);
        assertThat(superpod.p50Met()).isTrue();
        assertThat(series("large", 5000, Latencies.of(MS)).p50TargetMs()).isNaN();

        String md = QuoteLatency.markdown(List.of(small, slow));
        assertThat(md).contains("| pod-256 | 264 | 1 | 3 | 20.00 |").contains("< 25 ms: met")
                .contains("| tiny | 3 | 1 | 3 | 30.00 |").contains("< 25 ms: **missed**")
                .contains("Missed: tiny at 1 thread: p50 30.00 ms, target < 25 ms; tiny at 1 thread: p99 100.00 ms "
                        + "is 3.3x p50, target < 3x.");
        assertThat(QuoteLatency.markdown(List.of(small))).endsWith("Every target met.\n");
    }

    @Test
    void aRunThatIsNotOptimalOrFailsTheCheckerIsAMiss() {
        QuoteLatency.Series feasible = new QuoteLatency.Series("tiny", 3, 1, Latencies.of(MS),
                Map.of(SolveStatus.FEASIBLE, 1), 0, 0, 1.0, "0 0 0", Map.of());
        assertThat(feasible.allOptimalAndChecked()).isFalse();
        assertThat(QuoteLatency.markdown(List.of(feasible))).contains("not every run OPTIMAL");
        QuoteLatency.Series unchecked = new QuoteLatency.Series("tiny", 3, 1, Latencies.of(MS),
                Map.of(SolveStatus.OPTIMAL, 1), 1, 0, 1.0, "0 0 0", Map.of());
        assertThat(unchecked.allOptimalAndChecked()).isFalse();
    }

    @Test
    void phasesLastFromTheirReportToTheNextAndTheLastToTheEnd() {
        QuoteLatency.PhaseRecorder r = new QuoteLatency.PhaseRecorder();
        for (int i = 0; i < 2; i++) {
            var listener = r.start();
            listener.onProgress(new Progress(0.001, Double.NaN, Double.NaN, "validating"));
            listener.onProgress(new Progress(0.003, Double.NaN, Double.NaN, "solving X (9 variables, 8 rows)"));
            listener.onProgress(new Progress(0.004, 1, 1, "optimal"));
            r.end(5 * MS);
        }
        Map<String, Double> means = r.meansMs();
        assertThat(means.keySet()).containsExactly("(before the first report)", "validating", "solving X", "optimal");
        assertThat(means.get("validating")).isCloseTo(2.0, within(1e-9));
        assertThat(means.get("solving X")).isCloseTo(1.0, within(1e-9));
        assertThat(means.get("optimal")).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aShortSeriesOfTinyIsOptimalCheckedAndAtItsKnownObjective() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        QuoteLatency bench = new QuoteLatency(QuoteLatency.Config.parse("--runs", "3", "--warmup", "1",
                "--warmup-seconds", "0", "--jvm-warmup-seconds", "0",
                "--threads", "1,2", "--instances", "tiny", "--phases"),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<QuoteLatency.Series> all = bench.run();
        assertThat(all).hasSize(2);
        for (QuoteLatency.Series s : all) {
            assertThat(s.allOptimalAndChecked()).as(s.statusCell()).isTrue();
            assertThat(s.statuses()).containsExactly(Map.entry(SolveStatus.OPTIMAL, 3));
            assertThat(s.rows()).isEqualTo(Examples.tiny().links().size());
            // the tiny example's optimum, as the README's solve --json shows it
            assertThat(s.objective()).isCloseTo(138928.248, within(1e-6));
            assertThat(s.latencies().count()).isEqualTo(3);
            assertThat(s.phaseMeansMs()).containsKeys("validating", "building the model");
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("tiny").contains("checker passed");
    }

    @Test
    void generatedPodsHaveTheRowsTheBenchmarkSays() {
        assertThat(QuoteLatency.INSTANCES.get("pod-64").get().links()).hasSize(66);
        assertThat(QuoteLatency.INSTANCES.get("pod-256").get().links()).hasSize(264);
    }

    private static QuoteLatency.Series series(String name, int rows, Latencies l) {
        return new QuoteLatency.Series(name, rows, 1, l, Map.of(SolveStatus.OPTIMAL, l.count()), 0, 0, 1.0, "0 0 0",
                Map.of());
    }
}
