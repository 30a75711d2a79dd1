package io.carbon4j.tracker.nvml.internal;

import io.carbon4j.tracker.spi.PowerSourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One NVML session: a successful {@code nvmlInit_v2} and the single {@code nvmlShutdown} that releases it.
 *
 * <p>NVML reference-counts initialisation, so a tracker that inits once per open source and shuts down once on close
 * neither tears down another component's session nor leaks its own. Device handles belong to a session and are
 * never used after {@link #close()}. A failed init takes no reference and therefore gets no shutdown.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe; confined to the thread that opens and then the sampler thread that reads and closes.
 */
final class Nvml implements AutoCloseable {

    static final String NOT_FOUND_HELP = "see docs/troubleshooting.md#nvml-not-found";

    private static final Logger LOG = LoggerFactory.getLogger(Nvml.class);

    private final NvmlLibrary library;
    private boolean open = true;

    private Nvml(NvmlLibrary library) {
        this.library = library;
    }

    /**
     * Initialises NVML through {@code library}.
     *
     * @throws PowerSourceException naming the return code (e.g. {@code DRIVER_NOT_LOADED}) when init fails
     */
    static Nvml init(NvmlLibrary library) throws PowerSourceException {
        int rc = library.nvmlInit_v2();
        if (rc != NvmlReturn.SUCCESS.code()) {
            throw new PowerSourceException("nvmlInit_v2 failed with " + describe(library, rc) + hint(rc) + "; "
                    + NOT_FOUND_HELP);
        }
        return new Nvml(library);
    }

    NvmlLibrary library() {
        return library;
    }

    boolean isOpen() {
        return open;
    }

    /** {@code NAME (code: nvmlErrorString)}, for messages; never throws. */
    String describe(int code) {
        return describe(library, code);
    }

    static String describe(NvmlLibrary library, int code) {
        String text;
        try {
            text = library.nvmlErrorString(code);
        } catch (RuntimeException | LinkageError e) {
            text = null;
        }
        NvmlReturn r = NvmlReturn.of(code);
        return r.name() + " (" + code + (text == null || text.isEmpty() ? "" : ": " + text) + ")";
    }

    private static String hint(int code) {
        switch (NvmlReturn.of(code)) {
            case DRIVER_NOT_LOADED:
                return "; the NVIDIA kernel driver is not loaded (check nvidia-smi)";
            case NO_PERMISSION:
                return "; this user may not access /dev/nvidia*";
            case LIB_RM_VERSION_MISMATCH:
                return "; libnvidia-ml and the kernel driver are of different versions (reboot or reload the driver)";
            default:
                return "";
        }
    }

    /** Releases this session's reference. Idempotent; never throws. */
    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        try {
            int rc = library.nvmlShutdown();
            if (rc != NvmlReturn.SUCCESS.code()) {
                LOG.debug("nvmlShutdown returned {}", describe(rc));
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("nvmlShutdown failed", e);
        }
    }
}
