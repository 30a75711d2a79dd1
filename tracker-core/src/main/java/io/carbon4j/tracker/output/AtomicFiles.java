package io.carbon4j.tracker.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crash-safe file replacement: the new content goes to a temporary file in the target's directory, is forced to
 * disk, and is renamed over the target, so a reader sees the old file or the new one, never half of one, and a
 * crash while writing leaves the old file untouched.
 *
 * <p>Read-modify-write cycles on a shared file (two trackers, or two processes such as the ranks of a distributed
 * job, writing one {@code emissions.csv}) are serialised by {@link #locked}: a lock per path inside this JVM, and a
 * {@link FileLock} on a {@code .<name>.lock} file next to the target across processes.
 */
final class AtomicFiles {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);
    private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    /** Writes a file's whole new content. */
    interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** Work done while holding a file's lock. */
    interface Locked<T> {
        T run() throws IOException;
    }

    private AtomicFiles() {}

    /**
     * Replaces {@code target} with what {@code content} writes, atomically. Creates the directory if missing.
     *
     * @throws IOException when the directory cannot be created or written, the disk is full, or {@code content}
     *     fails; {@code target} is then unchanged and no temporary file is left behind
     */
    static void replace(Path target, Content content) throws IOException {
        Path dir = directoryOf(target);
        Files.createDirectories(dir);
        // Not Files.createTempFile: it creates the file owner-only (0600), and the rename would carry that onto
        // the output. A new file opened with CREATE_NEW gets the ordinary permissions of the user's umask.
        Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + ".tmp");
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
                    Writer w = new BufferedWriter(
                            new OutputStreamWriter(Channels.newOutputStream(ch), StandardCharsets.UTF_8))) {
                content.writeTo(w);
                w.flush();
                // One fsync per save (once a minute by default, and at stop) is cheap next to losing the file.
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                LOG.debug("Atomic rename not supported in {}; replacing {} non-atomically", dir, target);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    LOG.debug("Could not delete temporary file {}", tmp, e);
                }
            }
        }
    }

    /**
     * Runs {@code work} holding {@code target}'s lock, in this JVM and, where the file system supports it, across
     * processes. Creates the directory if missing.
     */
    static <T> T locked(Path target, Locked<T> work) throws IOException {
        Path key = target.toAbsolutePath().normalize();
        ReentrantLock jvmLock = LOCKS.computeIfAbsent(key, k -> new ReentrantLock());
        jvmLock.lock();
        try {
            Path dir = directoryOf(key);
            Files.createDirectories(dir);
            Path lockFile = dir.resolve("." + key.getFileName() + ".lock");
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = null;
                try {
                    lock = ch.lock();
                } catch (IOException | UnsupportedOperationException | OverlappingFileLockException e) {
                    // Some network file systems refuse locks; the JVM-wide lock still holds.
                    LOG.debug("No file lock on {}; writing without a cross-process lock", lockFile, e);
                }
                try {
                    return work.run();
                } finally {
                    if (lock != null) {
                        lock.release();
                    }
                }
            }
        } finally {
            jvmLock.unlock();
        }
    }

    private static Path directoryOf(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null) {
            throw new IllegalArgumentException("no directory for " + target);
        }
        return dir;
    }
}
