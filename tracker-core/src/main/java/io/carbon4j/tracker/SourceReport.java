package io.carbon4j.tracker;

import io.carbon4j.tracker.spi.Component;
import java.util.Objects;
import java.util.Set;

/**
 * What happened to one power-source provider: used (and for which components), or skipped with the reason.
 *
 * @param name       the provider's name ({@code rapl}, {@code nvml}, ...)
 * @param status     what happened
 * @param reason     the probe's description when used; why not when skipped, unavailable, failed or disabled
 * @param components the components this source was used for (empty unless used)
 * @since 0.1.0
 */
public record SourceReport(String name, Status status, String reason, Set<Component> components) {

    /** What happened to a provider. */
    public enum Status {
        /** Opened and used for at least one component. */
        USED,
        /** Probe said unavailable (no hardware, no permission, no driver). */
        UNAVAILABLE,
        /** Not selected, or every component it reports is covered by a higher-priority source. */
        SKIPPED,
        /** Failed to load, probe or open. */
        FAILED,
        /** Used, then disabled during the run after repeated failures; its energy so far is kept. */
        DISABLED;

        /** The lower-case word used in outputs. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Validates and copies. */
    public SourceReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        components = Set.copyOf(components);
    }

    @Override
    public String toString() {
        return name + " " + status.key() + (components.isEmpty() ? "" : " " + components) + ": " + reason;
    }
}
