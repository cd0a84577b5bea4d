package io.fabricplan.servicebench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Closed-loop load: N client threads, each sending its requests back to back until the time is up (a request
 * under way then is finished and counted). What each answered is tallied: 200s timed, other answers counted by
 * status (or by the exception of a failed exchange).
 */
final class LoadRun {
    /**
     * The tally of a run.
     *
     * @param okNanos   times of the 200 answers
     * @param others    every other answer by status or failure, with its count
     * @param seconds   from the start to the end of the last request
     */
    record Result(long[] okNanos, Map<String, Long> others, double seconds) {
        long ok() {
            return okNanos.length;
        }

        long errors() {
            return others.values().stream().mapToLong(Long::longValue).sum();
        }

        double perSecond() {
            return ok() / seconds;
        }

        String errorCell() {
            if (others.isEmpty()) {
                return "0";
            }
            List<String> parts = new ArrayList<>();
            others.forEach((k, v) -> parts.add(k + " x" + v));
            return "**" + errors() + "** (" + String.join(", ", parts) + ")";
        }
    }

    private LoadRun() {
    }

    /**
     * Runs {@code clients.size()} threads for {@code seconds}, each calling {@code request} with its client back to
     * back; {@code onOk} gets every 200 answer (e.g. to spool its plan; not timed).
     */
    static Result run(List<Client> clients, double seconds, Function<Client, Client.Answer> request,
                      java.util.function.Consumer<Client.Answer> onOk) throws InterruptedException {
        ConcurrentLinkedQueue<Long> ok = new ConcurrentLinkedQueue<>();
        Map<String, AtomicLong> others = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        AtomicLong last = new AtomicLong(start);
        List<Thread> threads = new ArrayList<>();
        for (Client c : clients) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    Client.Answer a = request.apply(c);
                    if (a.status() == 200) {
                        ok.add(a.nanos());
                        onOk.accept(a);
                    } else {
                        others.computeIfAbsent(a.outcome(), k -> new AtomicLong()).incrementAndGet();
                    }
                }
                last.accumulateAndGet(System.nanoTime(), Math::max);
            }, "load-client");
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        Map<String, Long> o = new TreeMap<>();
        others.forEach((k, v) -> o.put(k, v.get()));
        return new Result(ok.stream().mapToLong(Long::longValue).toArray(), o, (last.get() - start) / 1e9);
    }
}
