package io.carbon4j.tracker.spi;

/**
 * How the energy of a {@link Channel} is obtained. Every figure carbon4j reports carries one of these, so a reader
 * always knows whether a number was measured or estimated.
 *
 * @since 0.1.0
 */
public enum Measurement {
    /** A hardware cumulative energy counter (RAPL {@code energy_uj}, NVML total energy). Exact. */
    COUNTER,
    /** Instantaneous power readings integrated over the measured monotonic interval. Measured, but sampled. */
    INTEGRATED_POWER,
    /** A model (TDP and load, a per-GiB constant). Not measured. */
    ESTIMATE;

    /** {@code true} for readings of the hardware, {@code false} for models. */
    public boolean isMeasured() {
        return this != ESTIMATE;
    }

    /** The lower-case word used in outputs: {@code counter}, {@code integrated_power}, {@code estimate}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
