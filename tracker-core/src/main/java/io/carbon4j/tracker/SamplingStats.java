package io.carbon4j.tracker;

import java.time.Duration;
import java.util.Objects;

/**
 * How the sampler did: how many samples it took, at which interval, and the gaps it saw (a suspended machine, a
 * paused VM), when the time between two samples exceeded twice the interval.
 *
 * @param samples  samples taken, including the first and the final one
 * @param interval the interval the sampler ran at (shorter than the user's when a counter wraps fast)
 * @param gaps     number of gaps
 * @param gapTime  total time inside gaps
 * @since 0.1.0
 */
public record SamplingStats(long samples, Duration interval, long gaps, Duration gapTime) {

    /** Validates the fields. */
    public SamplingStats {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(gapTime, "gapTime");
    }
}
