package io.fabricplan.excel;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.poi.util.TempFile;
import org.apache.poi.util.TempFileCreationStrategy;

/**
 * The hidden folder a workbook is written in before it is moved into place: {@code .OUT.xlsx.<n>.tmp} beside the
 * output {@code OUT.xlsx}. It holds the workbook being written, POI's temporary files of that write (the sheets
 * SXSSF streams, instead of {@code poi-sxssf-*} files in the system's temporary folder) and a lock file that the
 * writing process holds.
 *
 * <p>It is deleted when the write ends, whichever way. A folder left behind by a process that was killed is
 * deleted by the next write to the same output: only a folder (or a file, as earlier versions wrote) of exactly
 * that name, untouched for {@link #STALE_AFTER}, whose lock no process holds any more. The lock is what tells a
 * writer that is gone from one that is still at work (two solves writing the same output at once): the operating
 * system releases it when its process ends, even by {@code kill -9}.
 */
final class WriteFolder implements AutoCloseable {
    /**
     * A folder younger than this is never taken for stale: it covers the moment between its creation and its
     * lock, and clocks of network file systems that differ a little.
     */
    static final Duration STALE_AFTER = Duration.ofMinutes(1);

    private static final String LOCK = ".lock";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Folders this JVM writes in now: never probed, as closing a channel on a locked file may drop its lock. */
    private static final Set<Path> ACTIVE = ConcurrentHashMap.newKeySet();

    private final Path folder;
    private final FileChannel lockChannel;

    private WriteFolder(Path folder, FileChannel lockChannel) {
        this.folder = folder;
        this.lockChannel = lockChannel;
    }

    /** Creates and locks a new folder for writing {@code target} (an absolute, normalised path). */
    static WriteFolder create(Path target) throws IOException {
        Path dir = target.getParent();
        Path folder;
        while (true) {
            long n = RANDOM.nextLong() & Long.MAX_VALUE;
            folder = dir.resolve(prefix(target) + n + ".tmp");
            try {
                Files.createDirectory(folder);
                break;
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                // another write drew the same number: draw again
            }
        }
        ACTIVE.add(folder);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                channel.tryLock();
            } catch (IOException noLocksHere) {
                // a file system without locks (some network shares): later writes cannot tell this folder is
                // stale, so they leave it; the write itself goes on
            }
            return new WriteFolder(folder, channel);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            deleteTree(folder);
            ACTIVE.remove(folder);
            throw e;
        }
    }

    /** The file the workbook is written to before it is moved into place. */
    Path workbook() {
        return folder.resolve("workbook");
    }

    /** Something done with POI's temporary files in this folder (on this thread only). */
    @FunctionalInterface
    interface Action {
        void run() throws IOException;
    }

    /** Runs {@code action} with POI's temporary files (SXSSF's sheets) created in this folder. */
    void withPoiTempFiles(Action action) throws IOException {
        TempFileCreationStrategy here = new TempFileCreationStrategy() {
            @Override
            public File createTempFile(String prefix, String suffix) throws IOException {
                return Files.createTempFile(folder, prefix, suffix).toFile();
            }

            @Override
            public File createTempDirectory(String prefix) throws IOException {
                return Files.createTempDirectory(folder, prefix).toFile();
            }
        };
        try {
            TempFile.withStrategy(here, () -> {
                try {
                    action.run();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Deletes the folder and all in it, then releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            lockChannel.close(); // releases the lock; closed first, as some systems delete no open file
            deleteTree(folder);
        } finally {
            ACTIVE.remove(folder);
        }
    }

    /**
     * Deletes what writes to {@code target} left behind when their process was killed; never fails the write that
     * calls it (a folder it cannot delete stays for a later write).
     */
    static void deleteStale(Path target) {
        Path dir = target.getParent();
        Pattern ours = Pattern.compile(Pattern.quote(prefix(target)) + "\\d+\\.tmp");
        Instant before = Instant.now().minus(STALE_AFTER);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir,
                p -> ours.matcher(p.getFileName().toString()).matches())) {
            for (Path entry : entries) {
                if (!ACTIVE.contains(entry) && untouchedSince(entry, before) && !locked(entry)) {
                    deleteTree(entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a leftover stays until a later write can delete it
        }
    }

    /** {@code .OUT.xlsx.}: the start of every temporary name of a write to {@code OUT.xlsx}. */
    private static String prefix(Path target) {
        return "." + target.getFileName() + ".";
    }

    private static boolean untouchedSince(Path entry, Instant before) throws IOException {
        FileTime modified = Files.getLastModifiedTime(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        return modified.toInstant().isBefore(before);
    }

    /** Whether a live process holds the folder's lock; a file (earlier versions' temporary workbook) has none. */
    private static boolean locked(Path entry) {
        if (!Files.isDirectory(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Path lockFile = entry.resolve(LOCK);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (NoSuchFileException e) {
            return false; // killed before it locked, a minute ago or more
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return true; // cannot tell: leave it
        }
    }

    /** Deletes a file, or a folder and everything in it; links are deleted, never followed. */
    private static void deleteTree(Path root) throws IOException {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException gone) {
            // another cleaner was first
        }
    }
}
