package io.fabricplan.servicebench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchFlagsTest {
    @Test
    void readsKnownFlagsAndDefaultsTheOthers() {
        BenchFlags flags = BenchFlags.parse("Bench", new String[] {"--clients", "8", "--work", "/tmp/w"},
                "--clients", "--work", "--seconds");

        assertThat(flags.whole("--clients", 6)).isEqualTo(8);
        assertThat(flags.whole("--seconds", 60)).isEqualTo(60);
        assertThat(flags.path("--work", null)).isEqualTo(Path.of("/tmp/w"));
    }

    @Test
    void refusesAnUnknownFlagAndAFlagWithoutValueNamingTheProgram() {
        assertThatThrownBy(() -> BenchFlags.parse("Soak", new String[] {"--minute", "3"}, "--minutes"))
                .hasMessage("Soak: unknown flag --minute (known: --minutes)");
        assertThatThrownBy(() -> BenchFlags.parse("Soak", new String[] {"--minutes"}, "--minutes"))
                .hasMessage("Soak: no value for --minutes (known: --minutes)");
    }
}
