package io.carbon4j.tracker.nvml.internal;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real {@link LibraryLoader}: JNA {@code Native.load} of a configured path or of the driver's usual names.
 *
 * <p>This class is the only place that touches {@code com.sun.jna.Native}; the provider reaches it inside a catch of
 * {@link LinkageError}, so a missing JNA jar or a missing driver surfaces as "unavailable" instead of breaking
 * provider discovery.
 */
final class NvmlLoader implements LibraryLoader {

    /** Names looked for in a configured directory, in order. */
    static final List<String> FILE_NAMES = List.of("libnvidia-ml.so.1", "libnvidia-ml.so", "nvml.dll");

    private static final Logger LOG = LoggerFactory.getLogger(NvmlLoader.class);

    private final Function<String, String> environment;

    NvmlLoader(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public LoadedLibrary load(Optional<Path> configured) throws NvmlLoadException {
        if (configured.isPresent()) {
            Path path = configured.get();
            Path file = resolveConfigured(path);
            try {
                return new LoadedLibrary(Native.load(file.toAbsolutePath().toString(), NvmlLibrary.class),
                        file.toString());
            } catch (UnsatisfiedLinkError e) {
                LOG.debug("Loading {} failed", file, e);
                throw new NvmlLoadException("carbon4j.nvml.library " + file + " could not be loaded as libnvidia-ml ("
                        + firstLine(e) + "); " + Nvml.NOT_FOUND_HELP);
            }
        }
        List<String> tried = new ArrayList<>();
        String lastError = "";
        for (String name : systemNames()) {
            try {
                return new LoadedLibrary(Native.load(name, NvmlLibrary.class), name);
            } catch (UnsatisfiedLinkError e) {
                LOG.debug("Loading {} failed", name, e);
                tried.add(name);
                lastError = firstLine(e);
            }
        }
        throw new NvmlLoadException("libnvidia-ml not found (tried " + String.join(", ", tried) + ": " + lastError
                + "); install the NVIDIA driver, or set carbon4j.nvml.library to the library file or its directory; "
                + Nvml.NOT_FOUND_HELP);
    }

    /** A configured directory is searched for the usual file names; a file is used as it is. */
    static Path resolveConfigured(Path path) throws NvmlLoadException {
        if (Files.isDirectory(path)) {
            for (String name : FILE_NAMES) {
                Path candidate = path.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
            throw new NvmlLoadException("carbon4j.nvml.library is the directory " + path + ", which holds none of "
                    + String.join(", ", FILE_NAMES) + "; " + Nvml.NOT_FOUND_HELP);
        }
        if (!Files.isRegularFile(path)) {
            throw new NvmlLoadException("carbon4j.nvml.library " + path + " does not exist; expected the "
                    + "libnvidia-ml library file or the directory holding it; " + Nvml.NOT_FOUND_HELP);
        }
        return path;
    }

    /**
     * Windows: DCH drivers put {@code nvml.dll} in System32, older ones in NVSMI (the order nvidia-ml-py uses).
     * Linux: the versioned soname first, since the unversioned {@code .so} ships only with development packages.
     */
    List<String> systemNames() {
        List<String> names = new ArrayList<>();
        if (Platform.isWindows()) {
            String windir = environment.apply("WINDIR");
            if (windir != null && !windir.isBlank()) {
                names.add(windir + "\\System32\\nvml.dll");
            }
            String programs = environment.apply("ProgramW6432");
            if (programs != null && !programs.isBlank()) {
                names.add(programs + "\\NVIDIA Corporation\\NVSMI\\nvml.dll");
            }
            names.add("nvml");
        } else {
            names.add("libnvidia-ml.so.1");
            names.add("nvidia-ml");
        }
        return names;
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
