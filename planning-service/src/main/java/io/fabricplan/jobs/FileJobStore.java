package io.fabricplan.jobs;

import io.fabricplan.api.PlanResult;
import io.fabricplan.api.SolveOptions;
import io.fabricplan.api.SolveStatus;
import io.fabricplan.model.Instance;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Jobs in a directory ({@code --data DIR}), one folder per job: {@code input.EXT} (the codec's bytes of the
 * instance and options), {@code status.properties} (the last {@link JobStatus}, {@link Properties} text) and, once
 * it ended with one, {@code result.EXT}. Every file is written whole to a temporary file, forced to disk and moved
 * over the old one, so a crash leaves the previous version or the new one, never a torn file; the result is written
 * before the status that says DONE.
 *
 * <p>One process at a time: {@link #open} locks {@code DIR/.lock} until {@link #close}.
 */
public final class FileJobStore implements JobStore {
    /** Format of the status files. */
    static final int VERSION = 1;
    private static final String STATUS = "status.properties";
    private static final System.Logger LOG = System.getLogger(FileJobStore.class.getName());

    private final Path dir;
    private final JobCodec codec;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private FileJobStore(Path dir, JobCodec codec, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.codec = codec;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens (creating it if needed) the directory and locks it.
     *
     * @throws IllegalStateException when another store (this process or another) holds the directory
     * @throws UncheckedIOException  when it cannot be created or locked
     */
    public static FileJobStore open(Path dir, JobCodec codec) {
        Objects.requireNonNull(codec, "codec");
        Path lockFile = dir.resolve(".lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw held(dir, null);
            }
            return new FileJobStore(dir, codec, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw held(dir, e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot open the job directory " + dir + ": " + e.getMessage()
                    + ". Maybe it is not writable; give another --data directory.", e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static IllegalStateException held(Path dir, Exception cause) {
        return new IllegalStateException("the job directory " + dir + " is in use by another service (it holds "
                + dir.resolve(".lock") + "). Maybe stop that one first, or give this one another --data directory.",
                cause);
    }

    /** The directory. */
    public Path directory() {
        return dir;
    }

    @Override
    public void created(JobStatus status, Instance instance, SolveOptions options) {
        Path folder = folder(status.id());
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder + ": " + e.getMessage()
                    + ". Maybe the disk is full or the directory not writable.", e);
        }
        write(inputFile(status.id()), codec.writeInput(instance, options));
        updated(status);
    }

    @Override
    public void updated(JobStatus status) {
        write(folder(status.id()).resolve(STATUS), properties(status));
    }

    @Override
    public void finished(JobStatus status, PlanResult result) {
        write(resultFile(status.id()), codec.writeResult(result));
        updated(status);
    }

    @Override
    public List<JobStatus> statuses() {
        List<JobStatus> out = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path folder : folders) {
                removeLeftovers(folder);
                JobStatus status = read(folder);
                if (status != null) {
                    out.add(status);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the job directory " + dir + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(JobStatus::submittedAt).thenComparing(JobStatus::id));
        return out;
    }

    @Override
    public Optional<PlanResult> result(String jobId) {
        Path file = resultFile(jobId);
        try {
            return Optional.of(codec.readResult(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A job's input, read back through the codec's {@link JobCodec#readInput}; empty when the job has no stored input
     * (unknown, or expired).
     *
     * @throws UnsupportedOperationException when the codec does not read inputs back
     * @throws UncheckedIOException          when the file cannot be read
     */
    @Override
    public Optional<StoredInput> input(String jobId) {
        Path file = inputFile(jobId);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return Optional.of(codec.readInput(bytes));
    }

    @Override
    public void delete(String jobId) {
        Path folder = folder(jobId);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder + ": " + e.getMessage(), e);
        }
        try {
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Releases the directory's lock. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot release the lock of " + dir, e);
        } finally {
            closeQuietly(lockChannel);
        }
    }

    private Path folder(String jobId) {
        return dir.resolve(PlanningService.requireValidId(jobId));
    }

    private Path inputFile(String jobId) {
        return folder(jobId).resolve("input." + codec.fileExtension());
    }

    private Path resultFile(String jobId) {
        return folder(jobId).resolve("result." + codec.fileExtension());
    }

    /** Temporary files of writes a crash interrupted (their targets hold the previous version). */
    private static void removeLeftovers(Path folder) throws IOException {
        try (DirectoryStream<Path> tmps = Files.newDirectoryStream(folder, "*.tmp")) {
            for (Path tmp : tmps) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** A job folder's status; null (and a warning) for a folder without a readable one, e.g. a crashed submit's. */
    private static JobStatus read(Path folder) {
        Path file = folder.resolve(STATUS);
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            JobStatus status = status(p);
            if (!folder.getFileName().toString().equals(status.id())) {
                throw new IllegalArgumentException("it names job " + status.id());
            }
            return status;
        } catch (NoSuchFileException e) {
            LOG.log(System.Logger.Level.WARNING, "skipping " + folder + ": no " + STATUS
                    + " (a submit interrupted before it was accepted)");
            return null;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "skipping " + folder + ": unreadable " + STATUS + ": " + e);
            return null;
        }
    }

    static byte[] properties(JobStatus s) {
        Properties p = new Properties();
        p.setProperty("version", Integer.toString(VERSION));
        p.setProperty("id", s.id());
        p.setProperty("state", s.state().name());
        p.setProperty("submittedAt", s.submittedAt().toString());
        put(p, "startedAt", s.startedAt());
        put(p, "finishedAt", s.finishedAt());
        p.setProperty("elapsedSeconds", Double.toString(s.elapsedSeconds()));
        p.setProperty("bestObjective", Double.toString(s.bestObjective()));
        p.setProperty("bound", Double.toString(s.bound()));
        p.setProperty("gap", Double.toString(s.gap()));
        put(p, "outcome", s.outcome());
        p.setProperty("message", s.message());
        put(p, "errorId", s.errorId());
        StringWriter out = new StringWriter();
        try {
            p.store(out, "fabricplan job status");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static JobStatus status(Properties p) {
        String version = p.getProperty("version");
        if (!Integer.toString(VERSION).equals(version)) {
            throw new IllegalArgumentException("status format version " + version + ", this build reads "
                    + VERSION);
        }
        String outcome = p.getProperty("outcome");
        return new JobStatus(required(p, "id"), JobState.valueOf(required(p, "state")),
                Instant.parse(required(p, "submittedAt")), instant(p, "startedAt"), instant(p, "finishedAt"),
                Double.parseDouble(required(p, "elapsedSeconds")), Double.parseDouble(required(p, "bestObjective")),
                Double.parseDouble(required(p, "bound")), Double.parseDouble(required(p, "gap")),
                outcome == null ? null : SolveStatus.valueOf(outcome), p.getProperty("message", ""),
                p.getProperty("errorId"));
    }

    private static void put(Properties p, String key, Object value) {
        if (value != null) {
            p.setProperty(key, value.toString());
        }
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("no " + key);
        }
        return v;
    }

    private static Instant instant(Properties p, String key) {
        String v = p.getProperty(key);
        return v == null ? null : Instant.parse(v);
    }

    /** Writes the whole file beside the target, forces it to disk and moves it over the target. */
    private static void write(Path target, byte[] bytes) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write's failure is what matters
                }
            }
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage()
                    + ". Maybe the disk is full or the directory not writable.", e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing held that matters
            }
        }
    }
}
