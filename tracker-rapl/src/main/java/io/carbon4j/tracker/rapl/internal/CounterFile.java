package io.carbon4j.tracker.rapl.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code energy_uj} file, kept open and re-read from offset 0 on every {@link #read()}.
 *
 * <p>This is the hot path: a steady-state read allocates nothing. The channel and a small direct buffer are kept,
 * sysfs is read with {@code pread} at position 0 (sysfs regenerates an attribute's text for a read at offset 0;
 * reading on from the previous position would return end-of-file), and the digits are parsed from the bytes.
 * Failures are answered with {@link UnsignedDecimal#INVALID}, never thrown. An I/O error closes the channel, and a
 * later read reopens it: the file may have been replaced (a hot-plugged zone, a bind-mounted copy); text that is not
 * a number is read again at the next sample, and after a few such reads in a row the file is reopened at once. Consecutive failures back off (reopen at the next read, then after 1, 2,
 * 4 ... 64 skipped reads), so a vanished or broken zone costs no exception and no allocation on every sample.
 *
 * <p>Not thread-safe; confined to the sampler thread like the source that owns it.
 */
final class CounterFile implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CounterFile.class);
    /** Twenty digits of a long plus whitespace fit; a longer file is not a counter. */
    private static final int CAPACITY = 32;
    private static final int MAX_BACKOFF = 64;

    private final Path path;
    private final FileAccess files;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(CAPACITY);
    private SeekableByteChannel channel;
    private FileChannel fileChannel;
    private int backoff;
    private int invalidReads;
    /** Consecutive unparsable reads after which the channel is reopened (without back-off). */
    private static final int REOPEN_AFTER_INVALID = 4;
    private int skip;
    private boolean closed;

    CounterFile(Path path, FileAccess files) {
        this.path = path;
        this.files = files;
    }

    Path path() {
        return path;
    }

    /** The counter's value in microjoules, or {@link UnsignedDecimal#INVALID} when it cannot be read or parsed. */
    long read() {
        if (closed) {
            return UnsignedDecimal.INVALID;
        }
        if (channel == null && !reopen()) {
            return UnsignedDecimal.INVALID;
        }
        buffer.clear();
        try {
            long position = 0;
            while (buffer.hasRemaining()) {
                int n = fileChannel != null ? fileChannel.read(buffer, position) : readAt(position);
                if (n <= 0) {
                    break;
                }
                position += n;
                // Sysfs hands out the whole value with its newline in one read; stop there and save the second
                // system call that would only confirm end-of-file.
                if (buffer.get(buffer.position() - 1) == '\n') {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("Reading {} failed; reopening it on the next read", path, e);
            }
            failed();
            return UnsignedDecimal.INVALID;
        }
        long value = buffer.hasRemaining()
                ? UnsignedDecimal.parse(buffer, 0, buffer.position())
                : UnsignedDecimal.INVALID;
        if (value != UnsignedDecimal.INVALID) {
            backoff = 0;
            invalidReads = 0;
        } else if (++invalidReads >= REOPEN_AFTER_INVALID) {
            // The file may have been replaced and this channel still reads the old one: reopen at the next read.
            invalidReads = 0;
            closeChannel();
        }
        // Unparsable content from a file that could be read (empty, garbage) costs no back-off: the next sample
        // reads it again. Skipping reads here could let the counter wrap unseen.
        return value;
    }

    private void failed() {
        closeChannel();
        skip = backoff;
        backoff = Math.min(MAX_BACKOFF, backoff == 0 ? 1 : backoff * 2);
    }

    private int readAt(long position) throws IOException {
        channel.position(position);
        return channel.read(buffer);
    }

    private boolean reopen() {
        if (skip > 0) {
            skip--;
            return false;
        }
        try {
            channel = files.open(path);
            fileChannel = channel instanceof FileChannel ? (FileChannel) channel : null;
            return true;
        } catch (IOException | RuntimeException e) {
            failed();
            if (LOG.isDebugEnabled()) {
                LOG.debug("Opening {} failed; retrying after {} reads", path, skip, e);
            }
            return false;
        }
    }

    private void closeChannel() {
        SeekableByteChannel c = channel;
        channel = null;
        fileChannel = null;
        if (c != null) {
            try {
                c.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("Closing {} failed", path, e);
            }
        }
    }

    /** Idempotent; never throws. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeChannel();
        }
    }
}
