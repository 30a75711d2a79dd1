package io.carbon4j.tracker.nvml.internal;

import com.sun.jna.Structure;

/** {@code nvmlMemory_t} (v1, 24 bytes): device memory in bytes, read as unsigned. */
@Structure.FieldOrder({"total", "free", "used"})
public final class NvmlMemory extends Structure {

    /** Total installed memory. */
    public long total;

    /** Unallocated memory. */
    public long free;

    /** Allocated memory. */
    public long used;

    /** An empty record in its own native memory. */
    public NvmlMemory() {
        super();
    }
}
