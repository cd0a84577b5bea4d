package io.fabricplan.servicebench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabricplan.instances.FabricGenerator;
import io.fabricplan.instances.GeneratorOptions;
import io.fabricplan.json.InstanceJson;
import io.fabricplan.model.Instance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A soak of the service (issue 12): one {@code fabricplan serve --parallel 2 --queue 16 --expire-after 60 --max-body
 * 8m} process and, for MINUTES, client threads at the concurrency limit each taking the next request kind of a
 * fixed {@link Mix}: quotes (tiny, pod-64, superpod-4su), jobs (pod-64 submitted, polled, plan fetched), jobs
 * cancelled (a 1,024-GPU fabric on the per-cable model, deleted after 3 s for its best plan so far), bad input (an
 * instance with a link's gbps a string: 400), oversized bodies (9 MiB: 413) and a full job queue (1,024-GPU jobs
 * submitted until the service answers 429, then all deleted). A 429 of a job submission is intended (the queue is
 * full); every other answer but the kind's own is unexpected. Every plan answered is spooled and checked after the
 * run. The server's heap after a full GC and RSS at the start, every minute, at the end, and once the finished jobs
 * have expired.
 *
 * <pre>
 * SoakBench [--minutes 10] [--clients 6] [--root .] [--work DIR] [--markdown FILE]
 * </pre>
 */
public final class SoakBench {
    static final List<String> SERVE_FLAGS = List.of("--parallel", "2", "--queue", "16", "--expire-after", "60",
            "--max-body", "8m");
    static final int EXPIRE_SECONDS = 60;
    static final String BIG = "gpu-1024";
    static final String CANCEL_QUERY = "?formulation=NAIVE_CABLE&threads=1&time_limit_seconds=30";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The request kinds, their weights in the mix and what they expect. */
    enum Kind {
        QUOTE_TINY(24, "200"), QUOTE_POD(16, "200"), QUOTE_SUPERPOD(8, "200"),
        JOB(8, "202, polled, plan 200 (429 intended)"), JOB_CANCELLED(2, "202, DELETE after 3 s 200 (429 intended)"),
        BAD_INPUT(8, "400"), OVERSIZED(2, "413"), FULL_QUEUE(1, "202s until a 429, DELETE each 200");

        final int weight;
        final String expected;

        Kind(int weight, String expected) {
            this.weight = weight;
            this.expected = expected;
        }

        static Map<Kind, Integer> weights() {
            Map<Kind, Integer> m = new EnumMap<>(Kind.class);
            for (Kind k : values()) {
                m.put(k, k.weight);
            }
            return m;
        }
    }

    /** What one request of a kind came to: as expected or not (then why), intended 429s, its time. */
    record Outcome(boolean expected, String unexpected, int intended429, long nanos) {
    }

    /** The tally of one kind. */
    static final class Tally {
        final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        final Map<String, Integer> unexpected = Collections.synchronizedMap(new TreeMap<>());
        int count;
        int expected;
        int intended429;

        synchronized void add(Outcome o) {
            count++;
            nanos.add(o.nanos());
            intended429 += o.intended429();
            if (o.expected()) {
                expected++;
            } else {
                unexpected.merge(o.unexpected(), 1, Integer::sum);
            }
        }
    }

    private final Map<String, byte[]> bodies = new LinkedHashMap<>();
    private final PlanSpool spool;

    private SoakBench(Map<String, Instance> instances, PlanSpool spool) {
        instances.forEach((k, v) -> bodies.put(k, InstanceJson.toJson(v).getBytes(StandardCharsets.UTF_8)));
        bodies.put("bad", badInput(InstanceJson.toJson(instances.get("tiny"))));
        byte[] big = new byte[9 << 20];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        bodies.put("oversized", big);
        this.spool = spool;
    }

    /** The instance JSON with its first link's gbps a string: a 400 naming /links/0/gbps. */
    static byte[] badInput(String instanceJson) {
        String bad = instanceJson.replaceFirst("\"gbps\"\\s*:\\s*[0-9.]+", "\"gbps\": \"fast\"");
        if (bad.equals(instanceJson)) {
            throw new IllegalStateException("the instance JSON has no gbps to spoil");
        }
        return bad.getBytes(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        BenchFlags flags = BenchFlags.parse("SoakBench", args, "--minutes", "--clients", "--root", "--work",
                "--markdown");
        int minutes = flags.whole("--minutes", 10);
        int clients = flags.whole("--clients", 6);
        Path root = flags.path("--root", Path.of("."));
        Path work = flags.path("--work", null);
        Path markdown = flags.path("--markdown", null);
        work = work != null ? Files.createDirectories(work) : Files.createTempDirectory("soak-");
        Map<String, Instance> instances = new LinkedHashMap<>();
        instances.put("tiny", QuoteLatency.INSTANCES.get("tiny").get());
        instances.put("pod-64", QuoteLatency.INSTANCES.get("pod-64").get());
        instances.put(QuoteLatency.SUPERPOD, QuoteLatency.INSTANCES.get(QuoteLatency.SUPERPOD).get());
        instances.put(BIG, FabricGenerator.generate(GeneratorOptions.of(1024)).instance());
        SoakBench bench = new SoakBench(instances, new PlanSpool(work.resolve("plans")));
        System.out.printf(Locale.ROOT, "soak: %d min, %d clients, %s links rows in the 1,024-GPU fabric (%,d bytes "
                + "of JSON), load %s%n", minutes, clients, instances.get(BIG).links().size(),
                bench.bodies.get(BIG).length, QuoteLatency.loadAverage());

        Map<Kind, Tally> tallies = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            tallies.put(k, new Tally());
        }
        List<String[]> memory = new ArrayList<>();
        String command;
        String loadBefore = QuoteLatency.loadAverage();
        try (ServerProcess server = ServerProcess.start(root, SERVE_FLAGS, work.resolve("log"))) {
            command = server.commandLine();
            System.out.println(server.banner() + " (pid " + server.pid() + ")");
            memory.add(sample("start", server));
            Mix<Kind> mix = Mix.of(Kind.weights());
            long start = System.nanoTime();
            long end = start + minutes * 60_000_000_000L;
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Client client = new Client(server.base());
                Thread t = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        Kind k = mix.next();
                        tallies.get(k).add(bench.run(k, client));
                    }
                }, "soak-client-" + i);
                threads.add(t);
                t.start();
            }
            for (int minute = 1; minute <= minutes; minute++) {
                long at = start + minute * 60_000_000_000L;
                while (System.nanoTime() < at) {
                    Thread.sleep(Math.max(1, Math.min(1000, (at - System.nanoTime()) / 1_000_000)));
                }
                if (minute < minutes) {
                    memory.add(sample("minute " + minute, server));
                    progress(tallies);
                }
            }
            for (Thread t : threads) {
                t.join();
            }
            memory.add(sample("end (load stopped)", server));
            Thread.sleep((EXPIRE_SECONDS + 5) * 1000L);
            memory.add(sample("end + " + (EXPIRE_SECONDS + 5) + " s (finished jobs expired)", server));
            if (!server.alive()) {
                System.out.println("the server is gone");
            }
        }
        progress(tallies);
        System.out.println("checking the spooled plans, load " + QuoteLatency.loadAverage());
        PlanSpool.Checked checked = bench.spool.checkAll(instances);
        System.out.println(checked.cell() + "; " + checked.statusCell());
        String md = markdown(minutes, clients, command, loadBefore, tallies, memory, checked);
        System.out.println();
        System.out.print(md);
        if (markdown != null) {
            Files.writeString(markdown, md);
        }
        boolean clean = tallies.values().stream().allMatch(t -> t.unexpected.isEmpty()) && checked.allPassed();
        System.exit(clean ? 0 : 1);
    }

    private static String[] sample(String when, ServerProcess server) {
        ServerMemory m = ServerMemory.of(server.pid());
        System.out.println(when + ": server " + m);
        return new String[] {when, m.heapCell(), m.rssCell(), m.load()};
    }

    private static void progress(Map<Kind, Tally> tallies) {
        StringBuilder b = new StringBuilder("  ");
        tallies.forEach((k, t) -> {
            synchronized (t) {
                b.append(k).append(' ').append(t.count).append(t.unexpected.isEmpty() ? "" : " " + t.unexpected)
                        .append("; ");
            }
        });
        System.out.println(b);
    }

    /** One request of a kind (several exchanges for jobs), timed from its first byte sent to its last read. */
    Outcome run(Kind kind, Client c) {
        long t0 = System.nanoTime();
        return switch (kind) {
            case QUOTE_TINY -> quote(c, "tiny", t0);
            case QUOTE_POD -> quote(c, "pod-64", t0);
            case QUOTE_SUPERPOD -> quote(c, QuoteLatency.SUPERPOD, t0);
            case JOB -> job(c, t0);
            case JOB_CANCELLED -> cancelled(c, t0);
            case BAD_INPUT -> expect(c.post(badRoute(), bodies.get("bad"), Client.JSON), 400, t0);
            case OVERSIZED -> expect(c.post("/v1/quote", bodies.get("oversized"), Client.JSON), 413, t0);
            case FULL_QUEUE -> fullQueue(c, t0);
        };
    }

    private int badCount;

    private synchronized String badRoute() {
        return badCount++ % 2 == 0 ? "/v1/quote" : "/v1/jobs";
    }

    private Outcome quote(Client c, String key, long t0) {
        Client.Answer a = c.post("/v1/quote?deadline_ms=20000", bodies.get(key), Client.JSON);
        if (a.status() == 200) {
            spool.add(key, a.body());
        }
        return expect(a, 200, t0);
    }

    private static Outcome expect(Client.Answer a, int status, long t0) {
        return new Outcome(a.status() == status, a.outcome(), 0, System.nanoTime() - t0);
    }

    private Outcome job(Client c, long t0) {
        Client.Answer submitted = c.post("/v1/jobs", bodies.get("pod-64"), Client.JSON);
        if (submitted.status() == 429) {
            return new Outcome(true, null, 1, System.nanoTime() - t0);
        }
        if (submitted.status() != 202 || submitted.location() == null) {
            return new Outcome(false, "submit " + submitted.outcome(), 0, System.nanoTime() - t0);
        }
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (true) {
            Client.Answer s = c.get(submitted.location());
            if (s.status() != 200) {
                return new Outcome(false, "poll " + s.outcome(), 0, System.nanoTime() - t0);
            }
            String state = state(s);
            if (state.equals("DONE")) {
                break;
            }
            if (!state.equals("QUEUED") && !state.equals("SOLVING")) {
                return new Outcome(false, "job " + state, 0, System.nanoTime() - t0);
            }
            if (System.nanoTime() > deadline) {
                return new Outcome(false, "job not done in 180 s", 0, System.nanoTime() - t0);
            }
            sleep(50);
        }
        Client.Answer plan = c.get(submitted.location() + "/plan");
        if (plan.status() == 200) {
            spool.add("pod-64", plan.body());
        }
        return new Outcome(plan.status() == 200, "plan " + plan.outcome(), 0, System.nanoTime() - t0);
    }

    private Outcome cancelled(Client c, long t0) {
        Client.Answer submitted = c.post("/v1/jobs" + CANCEL_QUERY, bodies.get(BIG), Client.JSON);
        if (submitted.status() == 429) {
            return new Outcome(true, null, 1, System.nanoTime() - t0);
        }
        if (submitted.status() != 202 || submitted.location() == null) {
            return new Outcome(false, "submit " + submitted.outcome(), 0, System.nanoTime() - t0);
        }
        sleep(3000);
        Client.Answer deleted = c.delete(submitted.location());
        if (deleted.status() == 200) {
            spool.add(BIG, deleted.body());
        }
        return new Outcome(deleted.status() == 200, "delete " + deleted.outcome(), 0, System.nanoTime() - t0);
    }

    /** Submits 1,024-GPU jobs until a 429 (at most 40), then deletes every one accepted. */
    private Outcome fullQueue(Client c, long t0) {
        List<String> accepted = new ArrayList<>();
        String wrong = null;
        int refused = 0;
        for (int i = 0; i < 40 && refused == 0 && wrong == null; i++) {
            Client.Answer a = c.post("/v1/jobs" + CANCEL_QUERY, bodies.get(BIG), Client.JSON);
            if (a.status() == 202 && a.location() != null) {
                accepted.add(a.location());
            } else if (a.status() == 429) {
                refused++;
            } else {
                wrong = "submit " + a.outcome();
            }
        }
        if (refused == 0 && wrong == null) {
            wrong = "no 429 after 40 submissions";
        }
        for (String job : accepted) {
            Client.Answer d = c.delete(job);
            if (d.status() == 200) {
                spool.add(BIG, d.body());
            } else if (wrong == null) {
                wrong = "delete " + d.outcome();
            }
        }
        return new Outcome(wrong == null, wrong, refused, System.nanoTime() - t0);
    }

    private static String state(Client.Answer a) {
        try {
            JsonNode n = MAPPER.readTree(a.body());
            return n.path("state").asText("(none)");
        } catch (IOException e) {
            return "(not JSON)";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String markdown(int minutes, int clients, String command, String loadBefore, Map<Kind, Tally> tallies,
                           List<String[]> memory, PlanSpool.Checked checked) {
        LatencyTable table = new LatencyTable(List.of("kind", "weight", "expected answer"),
                List.of("as expected", "intended 429s", "unexpected"));
        int unexpected = 0;
        for (var e : tallies.entrySet()) {
            Tally t = e.getValue();
            if (t.count == 0) {
                continue;
            }
            long[] nanos = t.nanos.stream().mapToLong(Long::longValue).toArray();
            int wrong = t.count - t.expected;
            unexpected += wrong;
            List<String> parts = new ArrayList<>();
            t.unexpected.forEach((k, v) -> parts.add(k + " x" + v));
            table.add(List.of(e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                            String.valueOf(e.getKey().weight), e.getKey().expected), Latencies.of(nanos),
                    List.of(t.expected + " of " + t.count, String.valueOf(t.intended429),
                            wrong == 0 ? "0" : "**" + wrong + "** (" + String.join(", ", parts) + ")"));
        }
        StringBuilder md = new StringBuilder();
        md.append("Server: `").append(command).append("`, ").append(clients).append(" client threads for ")
                .append(minutes).append(" min (load average ").append(loadBefore).append(" at the start).\n\n");
        md.append(table.markdown()).append('\n');
        md.append("Latency is per request of the kind: a job from its submission to its plan read, a cancelled job "
                + "including its 3 s wait, a full queue from the first submission to the last delete.\n\n");
        md.append("| server memory | heap after full GC | RSS | load |\n|---|---|---|---|\n");
        for (String[] m : memory) {
            md.append("| ").append(String.join(" | ", m)).append(" |\n");
        }
        md.append('\n');
        md.append("Targets:\n\n");
        md.append("- no answer but the intended ones: ").append(unexpected).append(" unexpected: ")
                .append(HttpQuoteBench.met(unexpected == 0)).append('\n');
        md.append("- every plan served checked: ").append(checked.cell()).append(" (").append(checked.statusCell())
                .append("; NO_SOLUTION is a job cancelled before it had a plan): ")
                .append(HttpQuoteBench.met(checked.allPassed())).append('\n');
        md.append("- heap after full GC flat: ").append(memory.stream().map(m -> m[1]).toList())
                .append(" (start, every minute, end, after expiry; judge by the numbers)\n");
        return md.toString();
    }
}
