package io.carbon4j.tracker.spi;

import io.carbon4j.tracker.TrackingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What a provider may know of the tracker that opens it: the resolved settings it needs and a monotonic clock.
 * Sources see nothing else of the core.
 *
 * <h2>Thread safety</h2>
 * Immutable; safe from any thread.
 *
 * @since 0.1.0
 */
public interface SourceContext {

    /** The powercap root, {@code carbon4j.rapl.root} (default {@code /sys/class/powercap}). */
    Path raplRoot();

    /** The NVML library file or directory, {@code carbon4j.nvml.library}, when set. */
    Optional<Path> nvmlLibrary();

    /** Whether energy is charged to the whole machine or to this process. */
    TrackingMode trackingMode();

    /** The user's sampling interval. */
    Duration samplingInterval();

    /**
     * The raw value of any {@code carbon4j.*} key (without the prefix, e.g. {@code rapl.psys}), resolved with the
     * same precedence as the tracker's own settings: builder, system property, environment.
     */
    Optional<String> property(String key);

    /** Monotonic nanoseconds, the same clock the sampler uses; use it to timestamp integrated power readings. */
    long nanoTime();

    /** This process's id. */
    long processId();
}
