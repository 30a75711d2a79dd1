package io.carbon4j.tracker.spi;

import java.util.Arrays;

/**
 * A reusable buffer that a {@link PowerSource} fills on each {@link PowerSource#read(EnergySample)}: the
 * cumulative energy of every channel, in joules, since an arbitrary origin fixed at open.
 *
 * <p>The sampler allocates one sample per source when the source is opened and reuses it for every read, so that
 * steady-state sampling allocates nothing. A source must set every channel on every read: a channel it could not
 * read is set to {@link Double#NaN} (never {@code -1}, never a stale value); the accumulator skips it, counts the
 * miss and resumes from the last good value when the channel comes back.
 *
 * <p>Optional per-channel values:
 * <ul>
 *   <li>{@linkplain #setProcessJoules(int, double) process joules}: the cumulative part of the channel's energy
 *       that the source itself attributes to this process (the NVML source does so from per-process SM
 *       utilisation). Left at {@code NaN} when the source does not attribute.</li>
 *   <li>{@linkplain #setUtilizationPercent(int, double) utilisation}: the device's current utilisation in percent,
 *       for the CSV's utilisation columns.</li>
 * </ul>
 *
 * <h2>Thread safety</h2>
 * Not thread-safe. It is confined to the sampler thread, like the source that fills it.
 *
 * @since 0.1.0
 */
public final class EnergySample {

    private final double[] joules;
    private final double[] processJoules;
    private final double[] utilization;

    /** Creates a sample for {@code channels} channels, every value {@code NaN}. */
    public EnergySample(int channels) {
        if (channels < 0) {
            throw new IllegalArgumentException("channels must be >= 0: " + channels);
        }
        joules = new double[channels];
        processJoules = new double[channels];
        utilization = new double[channels];
        clear();
    }

    /** The number of channels. */
    public int channelCount() {
        return joules.length;
    }

    /** Resets every value to {@code NaN}; the sampler calls it before each read. */
    public void clear() {
        Arrays.fill(joules, Double.NaN);
        Arrays.fill(processJoules, Double.NaN);
        Arrays.fill(utilization, Double.NaN);
    }

    /** Sets the cumulative energy of {@code channel} in joules, or {@code NaN} when it could not be read. */
    public void setJoules(int channel, double cumulativeJoules) {
        joules[channel] = cumulativeJoules;
    }

    /** The cumulative energy of {@code channel} in joules, or {@code NaN}. */
    public double joules(int channel) {
        return joules[channel];
    }

    /** Sets the cumulative energy of {@code channel} that the source attributes to this process. */
    public void setProcessJoules(int channel, double cumulativeJoules) {
        processJoules[channel] = cumulativeJoules;
    }

    /** The cumulative process-attributed energy of {@code channel}, or {@code NaN} when not attributed. */
    public double processJoules(int channel) {
        return processJoules[channel];
    }

    /** Sets the current utilisation of {@code channel} in percent (0..100). */
    public void setUtilizationPercent(int channel, double percent) {
        utilization[channel] = percent;
    }

    /** The current utilisation of {@code channel} in percent, or {@code NaN}. */
    public double utilizationPercent(int channel) {
        return utilization[channel];
    }
}
