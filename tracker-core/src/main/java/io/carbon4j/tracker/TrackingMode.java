package io.carbon4j.tracker;

import java.util.Locale;

/**
 * Whose energy a tracker reports.
 *
 * @since 0.1.0
 */
public enum TrackingMode {
    /** The whole machine's energy, as the counters read it. The default. */
    MACHINE,
    /** This process's share of the machine's energy; the rest is reported as unattributed. */
    PROCESS;

    /** The lower-case configuration value ({@code machine}, {@code process}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
