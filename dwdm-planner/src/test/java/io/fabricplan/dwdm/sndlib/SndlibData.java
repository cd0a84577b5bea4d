package io.fabricplan.dwdm.sndlib;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The shared SNDlib benchmark folder, or a skipped test when it is absent. */
final class SndlibData {
    private SndlibData() {
    }

    static Path dir() {
        for (String p : new String[] {"../../shared/benchmarks/sndlib", "../shared/benchmarks/sndlib"}) {
            Path d = Path.of(p);
            if (Files.isDirectory(d)) {
                return d;
            }
        }
        Assumptions.abort("skipped: ../shared/benchmarks/sndlib (SNDlib files) is not present");
        return null;
    }
}
