package io.carbon4j.tracker.spi;

import java.util.Objects;

/**
 * The answer of {@link PowerSourceProvider#probe(SourceContext)}: whether a source can be opened here, and why or
 * why not, in words a user can act on.
 *
 * @param isAvailable whether {@link PowerSourceProvider#open(SourceContext)} is expected to succeed
 * @param reason      what was found ("2 packages, 1 dram zone under /sys/class/powercap") or why nothing can be
 *                    measured ("/sys/class/powercap/intel-rapl:0/energy_uj is not readable ...")
 * @since 0.1.0
 */
public record Availability(boolean isAvailable, String reason) {

    /** Validates the reason. */
    public Availability {
        Objects.requireNonNull(reason, "reason");
    }

    /** Available, with a short description of what was found. */
    public static Availability available(String detail) {
        return new Availability(true, detail);
    }

    /** Unavailable, with the reason and, where known, the fix. */
    public static Availability unavailable(String reason) {
        return new Availability(false, reason);
    }
}
