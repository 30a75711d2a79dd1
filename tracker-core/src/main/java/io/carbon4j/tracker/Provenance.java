package io.carbon4j.tracker;

import java.util.Locale;

/**
 * Whether a reported figure was measured, estimated, or not obtained at all.
 *
 * @since 0.1.0
 */
public enum Provenance {
    /** Read from hardware counters or integrated from measured power. */
    MEASURED,
    /** Computed from a model (TDP and load, a memory model, a forced constant). */
    ESTIMATED,
    /** Nothing could measure or estimate it; the figure is zero and must not be read as "zero energy". */
    NOT_MEASURED;

    /** The lower-case word used in outputs ({@code measured}, {@code estimated}, {@code not_measured}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
