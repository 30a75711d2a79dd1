package io.carbon4j.tracker.nvml.internal;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds and loads {@code libnvidia-ml}. The seam lets tests hand the provider a Java fake or the compiled fake
 * library, and keeps every JNA type out of the provider's own fields and signatures.
 */
@FunctionalInterface
interface LibraryLoader {

    /**
     * Loads the library from {@code configured} ({@code carbon4j.nvml.library}: a file, or a directory holding one
     * of the usual names) or else from the system's names.
     *
     * @throws NvmlLoadException with a reason a user can act on when nothing can be loaded
     */
    LoadedLibrary load(Optional<Path> configured) throws NvmlLoadException;

    /** A loaded library and where it came from, for messages. */
    record LoadedLibrary(NvmlLibrary library, String origin) {}

    /** Nothing could be loaded; the message is the reason. */
    final class NvmlLoadException extends Exception {

        private static final long serialVersionUID = 1L;

        NvmlLoadException(String message) {
            super(message);
        }
    }
}
