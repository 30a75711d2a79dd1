package io.carbon4j.tracker.spi;

import io.carbon4j.tracker.intensity.CarbonIntensity;
import java.time.Instant;

/**
 * Supplies the carbon intensity of the electricity drawn, possibly varying in time (a live grid API).
 *
 * <p>The sampler asks once per sample and multiplies the energy of that interval by the answer, so a time-varying
 * intensity is accounted correctly. Implementations must answer fast (cache live values; never block the sampler
 * on the network) and never throw: on failure return the last good value.
 *
 * <h2>Thread safety</h2>
 * Called from the sampler thread and, at start, from the starting thread; implementations must be thread-safe.
 *
 * @since 0.1.0
 */
public interface CarbonIntensityProvider {

    /** The intensity that applies to energy drawn at {@code time}. */
    CarbonIntensity intensityAt(Instant time);

    /** A provider that always answers {@code intensity}: the offline tables and forced values. */
    static CarbonIntensityProvider fixed(CarbonIntensity intensity) {
        java.util.Objects.requireNonNull(intensity, "intensity");
        return time -> intensity;
    }
}
