package io.fabricplan.servicebench;

import io.fabricplan.json.InstanceJson;
import io.fabricplan.model.Instance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Quote latency over HTTP (issue 12): {@code fabricplan serve --port 0 --parallel 2 --threads 1 --queue 64} started
 * as a process of its own; per instance and number of clients, each client posts the instance JSON to {@code
 * /v1/quote?deadline_ms=20000} back to back, first for a warm-up, then for the measured seconds. Every 200
 * answer's plan is spooled and, after the series, read and passed through the independent checker. Before the
 * first series and after each, the server's heap after a full GC and its RSS.
 *
 * <pre>
 * HttpQuoteBench [--seconds 60] [--warmup 10] [--clients 1,8,32] [--instances tiny,pod-64,superpod-4su]
 *                [--root .] [--work DIR] [--inprocess-runs 200] [--markdown FILE]
 * </pre>
 *
 * The in-process p50 each 1-client p50 is compared with comes from a fresh {@link QuoteLatency} run at 1 thread
 * in this JVM before the server starts. Exit code 0 when every quote was a 200 and every plan passed the checker,
 * 1 otherwise, 2 for bad flags.
 */
public final class HttpQuoteBench {
    static final int DEADLINE_MS = 20_000;
    /** The 1-client p50 over HTTP at most this much above the in-process p50. */
    static final double OVERHEAD_MS = 10;
    /** Throughput at 8 clients at least this many times that at 1. */
    static final double SCALING = 1.7;
    static final List<String> SERVE_FLAGS = List.of("--parallel", "2", "--threads", "1", "--queue", "64");

    record Config(int seconds, int warmup, List<Integer> clients, List<String> instances, Path root, Path work,
                  int inprocessRuns, Path markdown) {
        static Config parse(String... args) {
            int seconds = 60;
            int warmup = 10;
            List<Integer> clients = List.of(1, 8, 32);
            List<String> instances = List.of("tiny", "pod-64", QuoteLatency.SUPERPOD);
            Path root = Path.of(".");
            Path work = null;
            int inprocessRuns = 200;
            Path markdown = null;
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value (or is unknown)");
                }
                String v = args[i + 1];
                switch (args[i]) {
                    case "--seconds" -> seconds = Integer.parseInt(v);
                    case "--warmup" -> warmup = Integer.parseInt(v);
                    case "--clients" -> clients = Arrays.stream(v.split(",")).map(s -> Integer.parseInt(s.trim()))
                            .toList();
                    case "--instances" -> instances = Arrays.stream(v.split(",")).map(String::trim).toList();
                    case "--root" -> root = Path.of(v);
                    case "--work" -> work = Path.of(v);
                    case "--inprocess-runs" -> inprocessRuns = Integer.parseInt(v);
                    case "--markdown" -> markdown = Path.of(v);
                    default -> throw new IllegalArgumentException("unknown flag " + args[i]);
                }
            }
            for (String name : instances) {
                if (!QuoteLatency.INSTANCES.containsKey(name)) {
                    throw new IllegalArgumentException("unknown instance " + name + "; known: "
                            + QuoteLatency.INSTANCES.keySet());
                }
            }
            if (seconds < 1 || warmup < 0 || clients.stream().anyMatch(c -> c < 1)) {
                throw new IllegalArgumentException("--seconds and --clients must be at least 1, --warmup 0 or more");
            }
            return new Config(seconds, warmup, clients, instances, root, work, inprocessRuns, markdown);
        }
    }

    /** One measured series: an instance at a number of clients. */
    record Series(String instance, int rows, int clients, LoadRun.Result load, PlanSpool.Checked checked,
                  ServerMemory before, ServerMemory after) {
        Latencies latencies() {
            return load.ok() == 0 ? Latencies.of(0) : Latencies.of(load.okNanos());
        }

        boolean clean() {
            return load.errors() == 0 && load.ok() > 0 && checked.allPassed() && checked.checked() == load.ok();
        }
    }

    public static void main(String[] args) throws Exception {
        Config config;
        try {
            config = Config.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("HttpQuoteBench: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path work = config.work() != null ? Files.createDirectories(config.work())
                : Files.createTempDirectory("httpbench-");
        Map<String, Instance> instances = new LinkedHashMap<>();
        config.instances().forEach(n -> instances.put(n, QuoteLatency.INSTANCES.get(n).get()));

        // in-process p50 at 1 thread, before the server runs
        System.out.println("in-process reference (QuoteLatency, 1 thread), load " + QuoteLatency.loadAverage());
        QuoteLatency.Config ref = QuoteLatency.Config.parse("--runs", Integer.toString(config.inprocessRuns()),
                "--superpod-runs", Integer.toString(Math.max(10, config.inprocessRuns() / 4)), "--threads", "1",
                "--instances", String.join(",", config.instances()));
        Map<String, Double> inprocessP50 = new LinkedHashMap<>();
        for (QuoteLatency.Series s : new QuoteLatency(ref, System.out).run()) {
            inprocessP50.put(s.instance(), s.latencies().p50Ms());
        }

        List<Series> all = new ArrayList<>();
        String command;
        String loadBefore = QuoteLatency.loadAverage();
        try (ServerProcess server = ServerProcess.start(config.root(), SERVE_FLAGS, work.resolve("log"))) {
            command = server.commandLine();
            System.out.println(server.banner() + " (pid " + server.pid() + ")");
            ServerMemory memory = ServerMemory.of(server.pid());
            System.out.println("server at start: " + memory);
            for (var e : instances.entrySet()) {
                byte[] body = InstanceJson.toJson(e.getValue()).getBytes(StandardCharsets.UTF_8);
                for (int n : config.clients()) {
                    List<Client> clients = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        clients.add(new Client(server.base()));
                    }
                    String path = "/v1/quote?deadline_ms=" + DEADLINE_MS;
                    LoadRun.run(clients, config.warmup(), c -> c.post(path, body, Client.JSON), a -> { });
                    PlanSpool spool = new PlanSpool(work.resolve(e.getKey() + "-" + n));
                    LoadRun.Result r = LoadRun.run(clients, config.seconds(), c -> c.post(path, body, Client.JSON),
                            a -> spool.add(e.getKey(), a.body()));
                    PlanSpool.Checked checked = spool.checkAll(Map.of(e.getKey(), e.getValue()));
                    ServerMemory after = ServerMemory.of(server.pid());
                    Series s = new Series(e.getKey(), e.getValue().links().size(), n, r, checked, memory, after);
                    memory = after;
                    all.add(s);
                    System.out.printf(Locale.ROOT, "%-13s clients %2d: %.1f quotes/s, %s; errors %s; %s; %s; "
                                    + "server %s%n", s.instance(), n, r.perSecond(), s.latencies().summary(),
                            r.errorCell(), checked.cell(), checked.statusCell(), after);
                }
            }
        }
        String md = markdown(all, inprocessP50, command, loadBefore);
        System.out.println();
        System.out.print(md);
        if (config.markdown() != null) {
            Files.writeString(config.markdown(), md);
        }
        System.exit(all.stream().allMatch(Series::clean) ? 0 : 1);
    }

    /** The latency table, the memory table and every target, met or missed. */
    static String markdown(List<Series> all, Map<String, Double> inprocessP50, String command, String loadBefore) {
        LatencyTable table = new LatencyTable(List.of("instance", "links rows", "clients"),
                List.of("quotes/s", "errors", "plans checked", "status", "load after"));
        StringBuilder memory = new StringBuilder("| instance | clients | heap after full GC, before -> after | RSS "
                + "before -> after |\n|---|---|---|---|\n");
        List<String> targets = new ArrayList<>();
        for (Series s : all) {
            table.add(List.of(s.instance(), String.valueOf(s.rows()), String.valueOf(s.clients())), s.latencies(),
                    List.of(String.format(Locale.ROOT, "%.1f", s.load().perSecond()), s.load().errorCell(),
                            s.checked().cell(), s.checked().statusCell(), s.after().load()));
            memory.append("| ").append(s.instance()).append(" | ").append(s.clients()).append(" | ")
                    .append(s.before().heapCell()).append(" -> ").append(s.after().heapCell()).append(" | ")
                    .append(s.before().rssCell()).append(" -> ").append(s.after().rssCell()).append(" |\n");
        }
        long errors = all.stream().mapToLong(s -> s.load().errors()).sum();
        long quotes = all.stream().mapToLong(s -> s.load().ok()).sum();
        PlanSpool.Checked checked = all.stream().map(Series::checked).reduce(PlanSpool.Checked.NONE,
                PlanSpool.Checked::plus);
        targets.add(String.format(Locale.ROOT, "errors (any answer but 200): %d of %d requests, target 0: %s",
                errors, errors + quotes, met(errors == 0)));
        targets.add(String.format(Locale.ROOT, "plans through the checker: %d of %d, %d violations, target every "
                        + "plan and 0: %s", checked.checked(), quotes, checked.violations(),
                met(checked.checked() == quotes && checked.allPassed())));
        targets.add("statuses: " + checked.statusCell() + ", all OPTIMAL expected: " + met(checked.allOptimal()));
        for (String instance : all.stream().map(Series::instance).distinct().toList()) {
            Series one = find(all, instance, 1);
            Series eight = find(all, instance, 8);
            Double ref = inprocessP50.get(instance);
            if (one != null && ref != null) {
                double p50 = one.latencies().p50Ms();
                targets.add(String.format(Locale.ROOT, "%s: 1-client p50 %.2f ms vs in-process p50 %.2f ms at 1 "
                                + "thread, %+.2f ms, target within %.0f ms: %s", instance, p50, ref, p50 - ref,
                        OVERHEAD_MS, met(p50 - ref <= OVERHEAD_MS)));
            }
            if (one != null && eight != null) {
                double ratio = eight.load().perSecond() / one.load().perSecond();
                targets.add(String.format(Locale.ROOT, "%s: throughput at 8 clients %.1f/s is %.2fx that at 1 "
                                + "(%.1f/s), target >= %.1fx: %s", instance, eight.load().perSecond(), ratio,
                        one.load().perSecond(), SCALING, met(ratio >= SCALING)));
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("Server: `").append(command).append("` (load average ").append(loadBefore)
                .append(" when it started).\n\n");
        md.append(table.markdown()).append('\n');
        md.append("Server memory (heap in use right after a full GC by `jcmd PID GC.run`; RSS from "
                + "`/proc/PID/status`), before and after each series:\n\n").append(memory).append('\n');
        md.append("Targets:\n\n");
        targets.forEach(t -> md.append("- ").append(t).append('\n'));
        return md.toString();
    }

    private static Series find(List<Series> all, String instance, int clients) {
        return all.stream().filter(s -> s.instance().equals(instance) && s.clients() == clients).findFirst()
                .orElse(null);
    }

    static String met(boolean met) {
        return met ? "met" : "**missed**";
    }
}
