package io.fabricplan.dwdm.rwa;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The shared benchmark files, beside the project; tests using them skip when they are absent. */
final class Shared {
    private Shared() {
    }

    static Path benchmarks() {
        for (String p : new String[] {"../../shared/benchmarks", "../shared/benchmarks"}) {
            Path d = Path.of(p);
            if (Files.isDirectory(d.resolve("rwa"))) {
                return d;
            }
        }
        Assumptions.abort("../shared/benchmarks is absent: skipping the test on shared benchmark files");
        return null;
    }

    static Path file(String relative) {
        Path f = benchmarks().resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(f), f + " is absent");
        return f;
    }
}
