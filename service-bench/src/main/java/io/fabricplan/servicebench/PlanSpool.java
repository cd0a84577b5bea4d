package io.fabricplan.servicebench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabricplan.check.CheckReport;
import io.fabricplan.check.PlanChecker;
import io.fabricplan.json.JsonLimits;
import io.fabricplan.json.PlanJson;
import io.fabricplan.model.Instance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Plans the service answered, spooled to files while the load runs (a write, nothing parsed in the timed loop)
 * and checked afterwards: each read by {@link PlanJson#read} and passed through the independent {@link
 * PlanChecker} against the instance it was asked for (with the objective the request solved for: the instance's
 * own), its status counted. A file is named {@code KEY-N.json}; KEY names the instance.
 */
final class PlanSpool {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path dir;
    private final AtomicLong next = new AtomicLong();

    PlanSpool(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    /** Keeps one answer's body, a plan of the instance {@code key}. */
    void add(String key, byte[] body) {
        try {
            Files.write(dir.resolve(key + "-" + next.incrementAndGet() + ".json"), body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool a plan: " + e.getMessage(), e);
        }
    }

    /**
     * What checking the spooled plans found.
     *
     * @param checked    plans read and checked
     * @param failed     plans the checker did not pass (or whose stated figures it disputed)
     * @param violations violations of all of them
     * @param unreadable bodies that were no plan JSON, or a plan-bearing status without links
     * @param statuses   plans by status
     */
    record Checked(long checked, long failed, long violations, long unreadable, Map<String, Long> statuses) {
        static final Checked NONE = new Checked(0, 0, 0, 0, Map.of());

        boolean allPassed() {
            return failed == 0 && violations == 0 && unreadable == 0;
        }

        boolean allOptimal() {
            return statuses.keySet().stream().allMatch("OPTIMAL"::equals);
        }

        Checked plus(Checked o) {
            Map<String, Long> s = new TreeMap<>(statuses);
            o.statuses.forEach((k, v) -> s.merge(k, v, Long::sum));
            return new Checked(checked + o.checked, failed + o.failed, violations + o.violations,
                    unreadable + o.unreadable, s);
        }

        String statusCell() {
            List<String> parts = new ArrayList<>();
            statuses.forEach((k, v) -> parts.add(k + " x" + v));
            return parts.isEmpty() ? "-" : String.join(", ", parts);
        }

        /** "N checked, V violations" and what failed. */
        String cell() {
            return checked + " checked, " + violations + " violations" + (failed == 0 ? "" : ", **" + failed
                    + " failed**") + (unreadable == 0 ? "" : ", **" + unreadable + " unreadable**");
        }
    }

    /**
     * Checks every spooled plan whose key is in {@code instances} (deleting each file once checked); a status
     * without a plan (NO_SOLUTION, a job cancelled while queued) is counted, not checked.
     */
    Checked checkAll(Map<String, Instance> instances) throws IOException {
        Map<String, PlanChecker> checkers = new ConcurrentHashMap<>();
        long checked = 0;
        long failed = 0;
        long violations = 0;
        long unreadable = 0;
        Map<String, Long> statuses = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> all = Files.list(dir)) {
            files = all.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            String key = name.substring(0, name.lastIndexOf('-'));
            Instance instance = instances.get(key);
            if (instance == null) {
                throw new IllegalArgumentException("no instance for spooled plan " + name);
            }
            String status;
            try (InputStream in = Files.newInputStream(file)) {
                JsonNode tree = MAPPER.readTree(in);
                status = tree.path("status").asText("(none)");
            } catch (IOException e) {
                unreadable++;
                statuses.merge("(not JSON)", 1L, Long::sum);
                continue;
            }
            statuses.merge(status, 1L, Long::sum);
            if (!status.equals("OPTIMAL") && !status.equals("FEASIBLE")) {
                Files.delete(file);
                continue;
            }
            PlanJson.ReadResult read;
            try (InputStream in = Files.newInputStream(file)) {
                read = PlanJson.read(in, JsonLimits.DEFAULTS);
            }
            if (!read.ok()) {
                unreadable++;
                continue;
            }
            PlanChecker checker = checkers.computeIfAbsent(key, k -> new PlanChecker(instance.withSettings(
                    instance.settings().withObjective(instance.settings().objective()))));
            CheckReport report = checker.check(read.plan(), read.stated());
            checked++;
            violations += report.violations().size();
            if (!report.passed()) {
                failed++;
            }
            Files.delete(file);
        }
        return new Checked(checked, failed, violations, unreadable, statuses);
    }
}
