package io.fabricplan.jobs;

import static io.fabricplan.jobs.Jobs.ENGINE;
import static io.fabricplan.jobs.Jobs.TINY;
import static io.fabricplan.jobs.Jobs.checked;
import static io.fabricplan.jobs.Jobs.quick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.Progress;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.model.Instance;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory store: what a restarted service serves, what a killed one leaves, expiry, the lock, the format. */
class FileJobStoreTest {
    @TempDir
    Path dir;
    private final KeyedCodec codec = new KeyedCodec();

    /**
     * A service is killed (its directory copied as it stood) while one job solves and one waits: a service started
     * on that directory serves the finished job as it was, and marks the other two FAILED, interrupted by the
     * restart. The service that was not killed ends them CANCELLED instead, the solving one with its plan.
     */
    @Test
    void aRestartServesFinishedJobsAndFailsThoseItInterrupted() throws Exception {
        Path live = dir.resolve("live");
        Path killed = dir.resolve("killed");
        Instance slow = Jobs.slow();
        JobStatus doneBefore;
        PlanResult solved;
        try (PlanningService first = PlanningService.builder().planner(ENGINE).parallelism(1)
                .store(FileJobStore.open(live, codec)).build()) {
            solved = checked(TINY, first.submit("done-1", TINY, quick(TINY)).result(Duration.ofSeconds(60)));
            doneBefore = first.status("done-1");
            PlanningJob solving = first.submit("was-solving", slow, Jobs.slowOptions());
            first.submit("was-queued", TINY, quick(TINY));
            Jobs.awaitSearch(solving);
            copy(live, killed);
        }

        try (PlanningService second = PlanningService.builder().planner(ENGINE)
                .store(FileJobStore.open(killed, codec)).build()) {
            assertThat(second.jobs()).extracting(JobStatus::id).containsExactly("done-1", "was-solving", "was-queued");
            assertThat(second.status("done-1")).isEqualTo(doneBefore);
            assertThat(checked(TINY, second.result("done-1", Duration.ZERO))).isEqualTo(solved);
            assertThat(second.bestSoFar("done-1")).contains(solved);

            JobStatus interrupted = second.status("was-solving");
            assertThat(interrupted.state()).isEqualTo(JobState.FAILED);
            assertThat(interrupted.message()).isEqualTo("interrupted by a restart (it was SOLVING). Maybe submit it "
                    + "again.");
            assertThat(interrupted.errorId()).isNull();
            assertThat(interrupted.startedAt()).isNotNull();
            assertThat(interrupted.finishedAt()).isAfterOrEqualTo(interrupted.startedAt());
            assertThatThrownBy(() -> second.result("was-solving", Duration.ZERO))
                    .isInstanceOf(JobFailedException.class)
                    .hasMessage("job \"was-solving\" failed: " + interrupted.message());
            assertThat(second.status("was-queued").message()).isEqualTo("interrupted by a restart (it was QUEUED). "
                    + "Maybe submit it again.");
            assertThatThrownBy(() -> second.submit("done-1", TINY, quick(TINY)))
                    .isInstanceOf(JobRejectedException.class);
            assertThat(Files.readAllLines(killed.resolve("was-queued/input.txt")).get(0))
                    .isEqualTo("3 links, TCO, 30.0 s, 1 threads");
        }
        try (FileJobStore again = FileJobStore.open(killed, codec)) {
            assertThat(again.statuses()).extracting(JobStatus::state)
                    .as("the FAILED marks were stored").containsExactly(JobState.DONE, JobState.FAILED, JobState.FAILED);
        }

        try (PlanningService closedProperly = PlanningService.builder().planner(ENGINE)
                .store(FileJobStore.open(live, codec)).build()) {
            assertThat(closedProperly.jobs()).extracting(JobStatus::state)
                    .containsExactly(JobState.DONE, JobState.CANCELLED, JobState.CANCELLED);
            PlanResult cancelled = checked(slow, closedProperly.result("was-solving", Duration.ZERO));
            assertThat(closedProperly.status("was-solving").outcome()).isEqualTo(cancelled.status());
            assertThat(closedProperly.result("was-queued", Duration.ZERO).status()).isEqualTo(SolveStatus.NO_SOLUTION);
        }
    }

    /** An expired job's folder goes with it. */
    @Test
    void expiredJobsLeaveTheDirectory() throws Exception {
        MutableClock clock = new MutableClock();
        try (PlanningService service = PlanningService.builder().planner(ENGINE).clock(clock)
                .expireAfter(Duration.ofMinutes(5)).store(FileJobStore.open(dir, codec)).build()) {
            checked(TINY, service.submit("old", TINY, quick(TINY)).result(Duration.ofSeconds(60)));
            assertThat(dir.resolve("old/status.properties")).exists();
            assertThat(dir.resolve("old/result.txt")).exists();

            clock.advance(Duration.ofMinutes(5));

            assertThat(service.jobs()).isEmpty();
            assertThat(dir.resolve("old")).doesNotExist();
        }
    }

    @Test
    void oneStorePerDirectory() {
        try (FileJobStore store = FileJobStore.open(dir, codec)) {
            assertThatThrownBy(() -> FileJobStore.open(dir, codec)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("the job directory " + dir + " is in use by another service (it holds "
                            + dir.resolve(".lock") + "). Maybe stop that one first, or give this one another --data "
                            + "directory.");
            assertThat(store.directory()).isEqualTo(dir);
        }
        FileJobStore.open(dir, codec).close();
    }

    /** A folder without a readable status (a submit cut short, a hand edit) is skipped; the others are served. */
    @Test
    void foldersWithoutAReadableStatusAreSkipped() throws IOException {
        Files.createDirectories(dir.resolve("no-status"));
        Files.createDirectories(dir.resolve("garbled"));
        Files.writeString(dir.resolve("garbled/status.properties"), "version=1\nid=garbled\nstate=LOST\n");
        Files.createDirectories(dir.resolve("moved"));
        Files.write(dir.resolve("moved/status.properties"),
                FileJobStore.properties(JobStatus.queued("elsewhere", Instant.parse("2026-12-01T08:00:00Z"))));
        try (FileJobStore store = FileJobStore.open(dir, codec)) {
            JobStatus queued = JobStatus.queued("fine", Instant.parse("2026-12-01T09:00:00Z"));
            store.created(queued, TINY, quick(TINY));
            Files.writeString(dir.resolve("fine/status.properties123.tmp"), "torn");

            assertThat(store.statuses()).containsExactly(queued);
            assertThat(dir.resolve("fine/status.properties123.tmp")).doesNotExist();
        }
    }

    /** Every field survives the properties text: NaN, nulls, a message with newlines and non-ASCII. */
    @Test
    void statusesRoundTripThroughTheirFile() throws IOException {
        Instant at = Instant.parse("2026-12-01T09:00:00.123456Z");
        JobStatus solving = JobStatus.queued("q-1", at).started(at.plusSeconds(2))
                .progressed(new Progress(3.5, 140_000.25, 130_000, "solution found"), 3.5);
        JobStatus failed = solving.failed(at.plusSeconds(9), 7.25, "line one\nline two: 800 µs = 0.8 ms", "0a1b2c3d");
        for (JobStatus status : List.of(JobStatus.queued("q-1", at), solving, failed)) {
            Properties p = new Properties();
            p.load(new StringReader(new String(FileJobStore.properties(status), StandardCharsets.UTF_8)));
            assertThat(FileJobStore.status(p)).isEqualTo(status);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!f.getFileName().toString().equals(".lock")) {
                    Files.copy(f, target);
                }
            }
        }
    }
}
