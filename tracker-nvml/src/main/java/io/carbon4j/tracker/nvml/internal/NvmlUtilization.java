package io.carbon4j.tracker.nvml.internal;

import com.sun.jna.Structure;

/**
 * {@code nvmlUtilization_t}: percent of time over the last sample period (1/6 s to 1 s) during which a kernel ran
 * ({@code gpu}) and device memory was read or written ({@code memory}). One instance per source is reused.
 */
@Structure.FieldOrder({"gpu", "memory"})
public final class NvmlUtilization extends Structure {

    /** Unsigned percent. */
    public int gpu;

    /** Unsigned percent. */
    public int memory;

    /** An empty record in its own native memory. */
    public NvmlUtilization() {
        super();
    }
}
