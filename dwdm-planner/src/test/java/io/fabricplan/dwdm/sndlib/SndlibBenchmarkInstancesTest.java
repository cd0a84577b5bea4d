package io.fabricplan.dwdm.sndlib;

import io.fabricplan.api.SolveStatus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Real SNDlib instances that solve in seconds (skipped without ../shared/benchmarks). */
class SndlibBenchmarkInstancesTest {

    @Test
    void abileneDirectedBidirectedModularIsSolvedAndPassesTheChecker() throws Exception {
        Path dir = SndlibData.dir().resolve("abilene");
        SndlibNetwork net = SndlibNetworkParser.parse(dir.resolve("abilene.txt"));
        SndlibVariant v = SndlibModelParser.parse(dir.resolve("models/D-B-M-N-C-A-N-N.txt"));
        SndlibResult r = SndlibSolver.solve(net, v, SndlibOptions.of(40));
        assertThat(r.status().hasPlan()).isTrue();
        SndlibChecker.Report report = SndlibChecker.check(net, v, r, true);
        assertThat(report.violations()).isEmpty();
        assertThat(r.bound()).isLessThanOrEqualTo(r.objective() + 1e-6);
        if (r.status() == SolveStatus.OPTIMAL) {
            assertThat(r.objective()).isEqualTo(114606.0); // proven by this solver in ~3 s
        }
    }
}
