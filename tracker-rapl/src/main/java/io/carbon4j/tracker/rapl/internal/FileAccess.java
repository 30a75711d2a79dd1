package io.carbon4j.tracker.rapl.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opens powercap files for reading. The one seam between the source and the file system: tests substitute it to
 * simulate {@link java.nio.file.AccessDeniedException}, because CI runs as root and root reads a {@code 0400} file
 * anyway, so a {@code chmod} test would pass for the wrong reason.
 */
@FunctionalInterface
interface FileAccess {

    /** Opens {@code path} for reading; the caller closes the channel. */
    SeekableByteChannel open(Path path) throws IOException;

    /** The real file system. */
    static FileAccess files() {
        return path -> FileChannel.open(path, StandardOpenOption.READ);
    }
}
