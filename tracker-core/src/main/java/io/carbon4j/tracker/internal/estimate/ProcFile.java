package io.carbon4j.tracker.internal.estimate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A {@code /proc} file read into a reusable buffer and parsed in place, without building strings. The file stays
 * open and is re-read from offset 0, so a refresh allocates nothing; {@link #close()} releases the descriptor (the
 * owning reader, and through it the tracker at stop, closes it). Not thread-safe.
 */
final class ProcFile implements AutoCloseable {

    private final Path path;
    private final byte[] buffer;
    private final ByteBuffer view;
    private FileChannel channel;
    private int length;

    ProcFile(Path path, int capacity) {
        this.path = path;
        this.buffer = new byte[capacity];
        this.view = ByteBuffer.wrap(buffer);
    }

    /** Re-reads the file (up to the buffer's capacity); returns false when it cannot be read. */
    boolean refresh() {
        length = 0;
        try {
            if (channel == null) {
                channel = FileChannel.open(path, StandardOpenOption.READ);
            }
            // procfs regenerates a file's text for a read at offset 0, so the open channel is read from there
            // each time: no descriptor, buffer or file object is created per read.
            view.clear();
            int n = 0;
            while (view.hasRemaining()) {
                int r = channel.read(view, n);
                if (r <= 0) {
                    break;
                }
                n += r;
            }
            length = n;
            return n > 0;
        } catch (IOException | RuntimeException e) {
            closeChannel();
            return false;
        }
    }

    private void closeChannel() {
        FileChannel c = channel;
        channel = null;
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // nothing to do: the descriptor is gone either way
            }
        }
    }

    /**
     * The first number after the line that starts with {@code key} (e.g. {@code "MemTotal:"}), or -1.
     */
    long valueAfter(String key) {
        int i = 0;
        while (i < length) {
            if (startsWith(i, key)) {
                return number(i + key.length());
            }
            while (i < length && buffer[i] != '\n') {
                i++;
            }
            i++;
        }
        return -1;
    }

    /**
     * Parses up to {@code out.length} whitespace-separated numbers after {@code key} at the start of the file.
     *
     * @return how many numbers were parsed, or -1 when the file does not start with {@code key}
     */
    int numbersAtStart(String key, long[] out) {
        if (!startsWith(0, key)) {
            return -1;
        }
        int pos = key.length();
        int count = 0;
        while (count < out.length) {
            while (pos < length && buffer[pos] == ' ') {
                pos++;
            }
            if (pos >= length || buffer[pos] < '0' || buffer[pos] > '9') {
                break;
            }
            long v = 0;
            while (pos < length && buffer[pos] >= '0' && buffer[pos] <= '9') {
                v = v * 10 + (buffer[pos] - '0');
                pos++;
            }
            out[count++] = v;
        }
        return count;
    }

    /** Counts lines starting with {@code prefix} followed by a digit (e.g. {@code cpu0}, {@code cpu1}). */
    int countLinesWithNumberedPrefix(String prefix) {
        int count = 0;
        int i = 0;
        while (i < length) {
            if (startsWith(i, prefix) && i + prefix.length() < length) {
                byte c = buffer[i + prefix.length()];
                if (c >= '0' && c <= '9') {
                    count++;
                }
            }
            while (i < length && buffer[i] != '\n') {
                i++;
            }
            i++;
        }
        return count;
    }

    private long number(int from) {
        int pos = from;
        while (pos < length && (buffer[pos] == ' ' || buffer[pos] == '\t')) {
            pos++;
        }
        if (pos >= length || buffer[pos] < '0' || buffer[pos] > '9') {
            return -1;
        }
        long v = 0;
        while (pos < length && buffer[pos] >= '0' && buffer[pos] <= '9') {
            v = v * 10 + (buffer[pos] - '0');
            pos++;
        }
        return v;
    }

    private boolean startsWith(int at, String key) {
        if (at + key.length() > length) {
            return false;
        }
        for (int k = 0; k < key.length(); k++) {
            if (buffer[at + k] != key.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        length = 0;
        closeChannel();
    }
}
