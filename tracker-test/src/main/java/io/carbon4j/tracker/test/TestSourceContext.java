package io.carbon4j.tracker.test;

import io.carbon4j.tracker.TrackerClock;
import io.carbon4j.tracker.TrackingMode;
import io.carbon4j.tracker.spi.SourceContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link SourceContext} for opening a provider in a test, without a tracker. Start from {@link #create()} and
 * change what the test is about with the {@code with...} methods, each of which returns a new context.
 *
 * <p>Defaults, those of a tracker where it has one: powercap root {@code /sys/class/powercap}, no NVML library,
 * {@link TrackingMode#MACHINE}, a one-second sampling interval, no properties, a new {@link ManualClock} and process
 * id {@link #DEFAULT_PROCESS_ID}.
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock();
 * SourceContext context = TestSourceContext.create()
 *         .withRaplRoot(tempDir)
 *         .withProperty("rapl.psys", "true")
 *         .withClock(clock);
 * PowerSource source = provider.open(context);
 * clock.advanceSeconds(1);
 * }</pre>
 *
 * <h2>Thread safety</h2>
 * Immutable, as {@link SourceContext} requires; safe from any thread. The clock it holds is shared, not copied.
 *
 * @since 0.1.0
 */
public final class TestSourceContext implements SourceContext {

    /** The process id of a new context; an arbitrary value that is not this JVM's. */
    public static final long DEFAULT_PROCESS_ID = 4242;

    private final Path raplRoot;
    private final Optional<Path> nvmlLibrary;
    private final TrackingMode trackingMode;
    private final Duration samplingInterval;
    private final Map<String, String> properties;
    private final TrackerClock clock;
    private final long processId;

    private TestSourceContext(Path raplRoot, Optional<Path> nvmlLibrary, TrackingMode trackingMode,
            Duration samplingInterval, Map<String, String> properties, TrackerClock clock, long processId) {
        this.raplRoot = raplRoot;
        this.nvmlLibrary = nvmlLibrary;
        this.trackingMode = trackingMode;
        this.samplingInterval = samplingInterval;
        this.properties = properties;
        this.clock = clock;
        this.processId = processId;
    }

    /** A context with the defaults listed in the class description. */
    public static TestSourceContext create() {
        return new TestSourceContext(Path.of("/sys/class/powercap"), Optional.empty(), TrackingMode.MACHINE,
                Duration.ofSeconds(1), Map.of(), new ManualClock(), DEFAULT_PROCESS_ID);
    }

    /** This context with another powercap root, such as a fake tree in a temporary directory. */
    public TestSourceContext withRaplRoot(Path root) {
        return new TestSourceContext(Objects.requireNonNull(root, "root"), nvmlLibrary, trackingMode,
                samplingInterval, properties, clock, processId);
    }

    /** This context with an NVML library file or directory; {@code null} for none. */
    public TestSourceContext withNvmlLibrary(Path library) {
        return new TestSourceContext(raplRoot, Optional.ofNullable(library), trackingMode, samplingInterval,
                properties, clock, processId);
    }

    /** This context with another tracking mode. */
    public TestSourceContext withTrackingMode(TrackingMode mode) {
        return new TestSourceContext(raplRoot, nvmlLibrary, Objects.requireNonNull(mode, "mode"), samplingInterval,
                properties, clock, processId);
    }

    /**
     * This context with another sampling interval.
     *
     * @throws IllegalArgumentException if {@code interval} is zero or negative, which no tracker accepts
     */
    public TestSourceContext withSamplingInterval(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("sampling interval must be positive; was " + interval);
        }
        return new TestSourceContext(raplRoot, nvmlLibrary, trackingMode, interval, properties, clock, processId);
    }

    /**
     * This context with one more property.
     *
     * @param key   a {@code carbon4j.*} key without the prefix, e.g. {@code rapl.psys}
     * @param value its raw value
     */
    public TestSourceContext withProperty(String key, String value) {
        Map<String, String> more = new HashMap<>(properties);
        more.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return withProperties(more);
    }

    /** This context with exactly these properties (keys without the {@code carbon4j.} prefix), copied. */
    public TestSourceContext withProperties(Map<String, String> all) {
        return new TestSourceContext(raplRoot, nvmlLibrary, trackingMode, samplingInterval, Map.copyOf(all), clock,
                processId);
    }

    /** This context reading time from {@code newClock}, typically a {@link ManualClock} the test advances. */
    public TestSourceContext withClock(TrackerClock newClock) {
        return new TestSourceContext(raplRoot, nvmlLibrary, trackingMode, samplingInterval, properties,
                Objects.requireNonNull(newClock, "clock"), processId);
    }

    /** This context with another process id. */
    public TestSourceContext withProcessId(long pid) {
        return new TestSourceContext(raplRoot, nvmlLibrary, trackingMode, samplingInterval, properties, clock, pid);
    }

    /** The clock behind {@link #nanoTime()}. */
    public TrackerClock clock() {
        return clock;
    }

    @Override
    public Path raplRoot() {
        return raplRoot;
    }

    @Override
    public Optional<Path> nvmlLibrary() {
        return nvmlLibrary;
    }

    @Override
    public TrackingMode trackingMode() {
        return trackingMode;
    }

    @Override
    public Duration samplingInterval() {
        return samplingInterval;
    }

    @Override
    public Optional<String> property(String key) {
        return Optional.ofNullable(properties.get(key));
    }

    @Override
    public long nanoTime() {
        return clock.nanoTime();
    }

    @Override
    public long processId() {
        return processId;
    }
}
