package io.fabricplan.servicebench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Reading jcmd's GC.heap_info, /proc/PID/status and the service's banner line. */
class ServerMemoryTest {
    @Test
    void g1HeapInfoGivesTheHeapLineNotMetaspace() {
        String g1 = """
                12345:
                 garbage-first heap   total 262144K, used 23456K [0x0000000080000000, 0x0000000100000000)
                  region size 1024K, 3 young (3072K), 0 survivors (0K)
                 Metaspace       used 41234K, committed 41856K, reserved 1114112K
                  class space    used 5012K, committed 5312K, reserved 1048576K
                """;
        assertThat(ServerMemory.heapUsedKb(g1)).isEqualTo(23456);
    }

    @Test
    void generationalHeapInfoSumsTheGenerations() {
        String serial = """
                 def new generation   total 9216K, used 1500K [0x00000000fe000000, 0x00000000fea00000)
                  eden space 8192K,  18% used [0x00000000fe000000, 0x00000000fe177000)
                 tenured generation   total 20480K, used 2000K [0x00000000fea00000, 0x0000000100000000)
                 Metaspace       used 3000K, committed 3100K, reserved 1056768K
                """;
        assertThat(ServerMemory.heapUsedKb(serial)).isEqualTo(3500);
        assertThatThrownBy(() -> ServerMemory.heapUsedKb("12345:\nCould not attach\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rssIsVmRssInKib() {
        String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  300000 kB\nVmRSS:\t  212345 kB\nThreads:\t40\n";
        assertThat(ServerMemory.rssKb(status)).isEqualTo(212345);
        assertThat(ServerMemory.mib(212345)).isEqualTo("207 MiB");
    }

    @Test
    void theBannerGivesTheAddress() {
        assertThat(ServerProcess.addressIn("fabricplan serving on http://127.0.0.1:43473 (2 solves at a time, 1 "
                + "thread(s) each, jobs in memory); Ctrl-C stops it")).isEqualTo(URI.create("http://127.0.0.1:43473"));
        assertThatThrownBy(() -> ServerProcess.addressIn("fabricplan: building the CLI"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
