package io.carbon4j.tracker.spi;

/**
 * Turns instantaneous power readings into cumulative energy per channel, over the measured monotonic interval
 * between readings (trapezoidal rule), for sources that can only read power.
 *
 * <p>The first reading of a channel sets its origin and adds no energy. A {@code NaN} or negative reading is
 * skipped: the next valid reading integrates from the last valid one, using the mean of the two powers. The
 * cumulative value therefore never decreases.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe; confined to the sampler thread like the source that owns it.
 *
 * @since 0.1.0
 */
public final class PowerIntegrator {

    private final double[] joules;
    private final double[] lastWatts;
    private final long[] lastNanos;
    private final boolean[] started;

    /** Creates an integrator for {@code channels} channels, each at zero joules. */
    public PowerIntegrator(int channels) {
        joules = new double[channels];
        lastWatts = new double[channels];
        lastNanos = new long[channels];
        started = new boolean[channels];
    }

    /**
     * Records a power reading of {@code channel} taken at {@code nanoTime} and returns its cumulative joules.
     *
     * @param watts    the power, or {@code NaN} if it could not be read
     * @param nanoTime the monotonic time of the reading ({@link SourceContext#nanoTime()})
     */
    public double update(int channel, double watts, long nanoTime) {
        if (!(watts >= 0) || Double.isInfinite(watts)) {
            return joules[channel];
        }
        if (started[channel]) {
            long dt = nanoTime - lastNanos[channel];
            if (dt > 0) {
                joules[channel] += (lastWatts[channel] + watts) * 0.5 * dt / 1e9;
            }
        }
        started[channel] = true;
        lastWatts[channel] = watts;
        lastNanos[channel] = nanoTime;
        return joules[channel];
    }

    /** The cumulative joules of {@code channel} so far. */
    public double joules(int channel) {
        return joules[channel];
    }
}
