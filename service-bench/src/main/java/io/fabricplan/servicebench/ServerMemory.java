package io.fabricplan.servicebench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory of a server process: its heap in use right after a full GC ({@code jcmd PID GC.run}, then {@code
 * jcmd PID GC.heap_info}: what the service keeps, not what it has not collected yet) and its resident set size
 * ({@code VmRSS} of {@code /proc/PID/status}: what the machine pays, heap, metaspace and native solver memory).
 *
 * @param heapUsedKb heap in use after the full GC in KiB, -1 when jcmd failed
 * @param rssKb      resident set in KiB, -1 when unknown
 * @param load       the 1, 5 and 15 minute load averages when taken
 */
record ServerMemory(long heapUsedKb, long rssKb, String load) {
    private static final Pattern USED = Pattern.compile("\\bused (\\d+)K");
    private static final Pattern RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB");

    /** Collects the process's garbage (a full GC) and measures. */
    static ServerMemory of(long pid) {
        long heap = -1;
        try {
            jcmd(pid, "GC.run");
            heap = heapUsedKb(jcmd(pid, "GC.heap_info"));
        } catch (IOException | RuntimeException e) {
            System.err.println("jcmd " + pid + ": " + e.getMessage());
        }
        long rss = -1;
        try {
            rss = rssKb(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return new ServerMemory(heap, rss, QuoteLatency.loadAverage());
    }

    private static String jcmd(long pid, String command) throws IOException {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(command + " failed: " + new String(out, StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /**
     * The heap in use of {@code GC.heap_info}: the sum of the {@code used NK} of the heap's lines (G1 has one,
     * {@code garbage-first heap total 262144K, used 23456K}; the serial and parallel collectors one per
     * generation), those before the Metaspace line.
     */
    static long heapUsedKb(String heapInfo) {
        long sum = 0;
        boolean found = false;
        for (String line : heapInfo.split("\\R")) {
            if (line.strip().startsWith("Metaspace")) {
                break;
            }
            Matcher m = USED.matcher(line);
            if (m.find()) {
                sum += Long.parseLong(m.group(1));
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no heap figures in GC.heap_info: " + heapInfo.strip());
        }
        return sum;
    }

    /** {@code VmRSS} of a {@code /proc/PID/status} text, in KiB. */
    static long rssKb(String procStatus) {
        Matcher m = RSS.matcher(procStatus);
        if (!m.find()) {
            throw new IllegalArgumentException("no VmRSS line");
        }
        return Long.parseLong(m.group(1));
    }

    String heapCell() {
        return heapUsedKb < 0 ? "?" : mib(heapUsedKb);
    }

    String rssCell() {
        return rssKb < 0 ? "?" : mib(rssKb);
    }

    static String mib(long kb) {
        return String.format(Locale.ROOT, "%.0f MiB", kb / 1024.0);
    }

    @Override
    public String toString() {
        return "heap after full GC " + heapCell() + ", RSS " + rssCell() + ", load " + load;
    }
}
