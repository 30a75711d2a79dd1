package io.carbon4j.tracker.internal;

/**
 * Per-interval share of the machine's energy charged to this process, per component, in process tracking mode.
 * Called on the sampler thread once per sample.
 */
interface ProcessShare {

    /**
     * Updates the shares for the interval that ended now.
     *
     * @param intervalNanos the measured interval
     * @param shares        out: fraction 0..1 per component ordinal, or {@code NaN} when unknown
     */
    void update(long intervalNanos, double[] shares);

    /** Releases what the share keeps open ({@code /proc} files); called once when the tracker stops. */
    default void close() {}

    /** The attribution model, in words, for the results. */
    String model();
}
