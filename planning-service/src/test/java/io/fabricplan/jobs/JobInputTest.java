package io.fabricplan.jobs;

import static io.fabricplan.jobs.Jobs.ENGINE;
import static io.fabricplan.jobs.Jobs.TINY;
import static io.fabricplan.jobs.Jobs.TINY_OPTIMUM;
import static io.fabricplan.jobs.Jobs.checked;
import static io.fabricplan.jobs.Jobs.quick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.model.Instance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job's input, for rendering its plan: held by a job of this run, read back from the store after a restart. */
class JobInputTest {
    @TempDir
    Path dir;
    private final KeyedCodec codec = new KeyedCodec();

    /** Four threads asked for, one allowed: the options kept are the ones solved with. */
    private static SolveOptions asked() {
        return quick(TINY).withThreads(4);
    }

    @Test
    void aJobOfThisRunHoldsItsInputAfterItEnded() throws Exception {
        try (PlanningService service = PlanningService.builder().planner(ENGINE).threadsPerSolve(1).build()) {
            PlanningJob job = service.submit("held", TINY, asked());
            PlanResult result = checked(TINY, job.result(Duration.ofSeconds(60)));

            assertThat(result.objectiveValue()).isCloseTo(TINY_OPTIMUM, within(0.01));
            assertThat(job.instance()).isSameAs(TINY);
            assertThat(job.options()).isEqualTo(asked().withThreads(1));
            assertThat(job.input()).contains(new StoredInput(TINY, asked().withThreads(1)));
            assertThat(service.job("held").instance()).isSameAs(TINY);
        }
    }

    @Test
    void theMemoryOnlyStoreKeepsNoInput() {
        JobStore store = JobStore.memoryOnly();
        store.created(JobStatus.queued("m-1", Instant.parse("2026-12-01T09:00:00Z")), TINY, asked());

        assertThat(store.input("m-1")).isEmpty();
    }

    @Test
    void theFileStoreReadsAnInputBackAsItWasSolved() throws Exception {
        try (PlanningService first = PlanningService.builder().planner(ENGINE).threadsPerSolve(1)
                .store(FileJobStore.open(dir, codec)).build()) {
            checked(TINY, first.submit("kept", TINY, asked()).result(Duration.ofSeconds(60)));
        }

        try (FileJobStore store = FileJobStore.open(dir, codec)) {
            assertThat(store.input("kept")).contains(new StoredInput(TINY, asked().withThreads(1)));
            assertThat(store.input("never-submitted")).isEmpty();
        }
    }

    @Test
    void aRestartedServiceRendersFromTheStoredInput() throws Exception {
        PlanResult solved;
        try (PlanningService first = PlanningService.builder().planner(ENGINE).threadsPerSolve(1)
                .store(FileJobStore.open(dir, codec)).build()) {
            solved = checked(TINY, first.submit("kept", TINY, asked()).result(Duration.ofSeconds(60)));
        }

        try (PlanningService second = PlanningService.builder().planner(ENGINE)
                .store(FileJobStore.open(dir, codec)).build()) {
            PlanningJob restored = second.job("kept");
            Instance instance = restored.instance();

            assertThat(instance).isEqualTo(TINY);
            assertThat(restored.options()).isEqualTo(asked().withThreads(1));
            assertThat(checked(instance, restored.result(Duration.ZERO))).isEqualTo(solved);
        }
    }

    @Test
    void aRestoredJobWhoseInputFileIsGoneSaysSo() throws Exception {
        try (PlanningService first = PlanningService.builder().planner(ENGINE).threadsPerSolve(1)
                .store(FileJobStore.open(dir, codec)).build()) {
            checked(TINY, first.submit("gone", TINY, asked()).result(Duration.ofSeconds(60)));
        }
        Files.delete(dir.resolve("gone/input.txt"));

        try (PlanningService second = PlanningService.builder().planner(ENGINE)
                .store(FileJobStore.open(dir, codec)).build()) {
            PlanningJob restored = second.job("gone");

            assertThat(restored.input()).isEmpty();
            assertThatThrownBy(restored::instance).isInstanceOf(IllegalStateException.class)
                    .hasMessage("job \"gone\" was taken over from the store after a restart, and its stored input "
                            + "is missing. Maybe its files were removed by hand; submit it again.");
            assertThatThrownBy(restored::options).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aCodecThatDoesNotReadInputsSaysWhatToImplement() {
        JobCodec writeOnly = new JobCodec() {
            @Override
            public byte[] writeInput(Instance instance, SolveOptions options) {
                return new byte[0];
            }

            @Override
            public byte[] writeResult(PlanResult result) {
                return new byte[0];
            }

            @Override
            public PlanResult readResult(byte[] bytes) {
                throw new UnsupportedOperationException();
            }
        };
        try (FileJobStore store = FileJobStore.open(dir, writeOnly)) {
            store.created(JobStatus.queued("w-1", Instant.parse("2026-12-01T09:00:00Z")), TINY, asked());

            assertThatThrownBy(() -> store.input("w-1")).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessage("the job codec " + writeOnly.getClass().getName() + " does not read inputs back. "
                            + "Maybe implement JobCodec.readInput (io-json's JobJson.readInput reads what "
                            + "JobJson.writeInput wrote), so that a restarted service can render its finished jobs' "
                            + "plans.");
        }
    }
}
