package io.fabricplan.excel;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabricplan.model.Instance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporary files of a write: in a hidden folder beside the output, POI's included, gone after the write; a
 * folder that a killed process ({@code kill -9}, a real process) left is deleted by the next write to the same
 * output, and the folder of a writer still at work is not.
 */
class WriteFolderTest {
    @TempDir
    Path dir;

    private Process writer;

    @AfterEach
    void killWriter() throws InterruptedException {
        if (writer != null && writer.isAlive()) {
            writer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void streamedWriteLeavesNothingBesideTheOutputNorInTheSystemTemporaryFolder() throws IOException {
        Path out = dir.resolve("big.xlsx");
        Path systemTemp = Files.createDirectory(dir.resolve("system-temp"));
        Instance instance = SyntheticFabric.instance(600, 20); // 12,000 links: more than a workbook in memory

        // POI's own temporary folder for this JVM, made one the test sees, counting what POI makes there
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(systemTemp.toFile()) {
            @Override
            public java.io.File createTempFile(String prefix, String suffix) throws IOException {
                made.incrementAndGet();
                return super.createTempFile(prefix, suffix);
            }
        });
        try {
            InstanceWorkbookWriter.write(instance, out);
        } finally {
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
        }

        assertThat(InstanceWorkbookReader.read(out).instance()).isEqualTo(instance);
        assertThat(entries(dir)).containsExactlyInAnyOrder(out, systemTemp);
        assertThat(made).as("POI made no file in its usual folder").hasValue(0);
        assertThat(entries(systemTemp)).isEmpty();
    }

    @Test
    void writeKilledMidwayLeavesAFolderThatTheNextWriteToTheSameOutputDeletes() throws Exception {
        Path out = dir.resolve("plan.xlsx");
        Path systemTemp = Files.createDirectory(dir.resolve("system-temp"));
        writer = startWriter(out, systemTemp);
        Path folder = awaitPoiFileIn(out);

        writer.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no finally, no shutdown hook

        assertThat(out).doesNotExist();
        assertThat(folder).isDirectory();
        assertThat(names(folder)).contains(".lock").anyMatch(n -> n.startsWith("poi-sxssf-sheet"));
        assertThat(entries(systemTemp)).as("POI put nothing in the system's temporary folder").isEmpty();

        Instance instance = SyntheticFabric.instance(2, 2);
        InstanceWorkbookWriter.write(instance, out);
        assertThat(folder).as("kept while it may still be written").isDirectory();

        age(folder);
        InstanceWorkbookWriter.write(instance, out);

        assertThat(entries(dir)).containsExactlyInAnyOrder(out, systemTemp);
        assertThat(InstanceWorkbookReader.read(out).instance()).isEqualTo(instance);
    }

    @Test
    void folderOfAWriterStillAtWorkIsKeptByAnotherWriteToTheSameOutput() throws Exception {
        Path out = dir.resolve("plan.xlsx");
        writer = startWriter(out, Files.createDirectory(dir.resolve("system-temp")));
        Path folder = awaitPoiFileIn(out);
        age(folder);

        Instance instance = SyntheticFabric.instance(2, 2);
        InstanceWorkbookWriter.write(instance, out);

        assertThat(folder).as("its writer holds the lock").isDirectory();
        assertThat(writer.isAlive()).isTrue();
        assertThat(InstanceWorkbookReader.read(out).instance()).isEqualTo(instance);

        writer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        InstanceWorkbookWriter.write(instance, out);
        assertThat(folder).as("its writer is gone").doesNotExist();
    }

    @Test
    void onlyOurOwnNamesForThatOutputAreDeleted() throws IOException {
        Path out = dir.resolve("plan.xlsx");
        Path earlierVersionsTmp = Files.writeString(dir.resolve(".plan.xlsx.8812731.tmp"), "half a workbook");
        Path otherOutputsTmp = Files.createDirectory(dir.resolve(".other.xlsx.8812731.tmp"));
        Path notOurs = Files.writeString(dir.resolve(".plan.xlsx.backup.tmp"), "the user's");
        Path youngLeftover = Files.writeString(dir.resolve(".plan.xlsx.99.tmp"), "just now");
        Stream.of(earlierVersionsTmp, otherOutputsTmp, notOurs).forEach(WriteFolderTest::age);

        InstanceWorkbookWriter.write(SyntheticFabric.instance(2, 2), out);

        assertThat(entries(dir)).containsExactlyInAnyOrder(out, otherOutputsTmp, notOurs, youngLeftover);
    }

    private static Process startWriter(Path out, Path systemTemp) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx256m", "-Djava.io.tmpdir=" + systemTemp,
                "-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory",
                "-cp", classpath, SlowWorkbookWriterMain.class.getName(), out.toString())
                .redirectErrorStream(true).redirectOutput(out.resolveSibling("writer.log").toFile()).start();
    }

    /** The writer's folder, once POI has flushed rows into a file in it. */
    private Path awaitPoiFileIn(Path out) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            assertThat(writer.isAlive()).as("writer still running; log: %s", log()).isTrue();
            for (Path entry : entries(dir)) {
                String name = entry.getFileName().toString();
                if (name.startsWith("." + out.getFileName() + ".") && Files.isDirectory(entry)
                        && names(entry).stream().anyMatch(n -> n.startsWith("poi-sxssf-sheet"))
                        && Files.size(poiFile(entry)) > 0) {
                    return entry;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the writer made no folder in 90 s; log: " + log());
    }

    private String log() throws IOException {
        Path log = dir.resolve("writer.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static Path poiFile(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().startsWith("poi-sxssf-sheet")).findFirst()
                    .orElseThrow();
        }
    }

    /** Sets a file's clock two minutes back, as if it had been left that long ago. */
    private static void age(Path path) {
        try {
            Files.setLastModifiedTime(path, FileTime.from(Instant.now().minus(Duration.ofMinutes(2))));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<Path> entries(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> !p.getFileName().toString().equals("writer.log")).sorted().toList();
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

}
