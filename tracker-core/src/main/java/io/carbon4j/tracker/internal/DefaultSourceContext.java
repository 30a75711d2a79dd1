package io.carbon4j.tracker.internal;

import io.carbon4j.tracker.TrackerClock;
import io.carbon4j.tracker.TrackingMode;
import io.carbon4j.tracker.spi.SourceContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The settings and clock a source may see. */
final class DefaultSourceContext implements SourceContext {

    private final TrackerSettings settings;
    private final TrackerClock clock;

    DefaultSourceContext(TrackerSettings settings, TrackerClock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Path raplRoot() {
        return settings.raplRoot;
    }

    @Override
    public Optional<Path> nvmlLibrary() {
        return settings.nvmlLibrary;
    }

    @Override
    public TrackingMode trackingMode() {
        return settings.trackingMode;
    }

    @Override
    public Duration samplingInterval() {
        return settings.samplingInterval;
    }

    @Override
    public Optional<String> property(String key) {
        return settings.property(key);
    }

    @Override
    public long nanoTime() {
        return clock.nanoTime();
    }

    @Override
    public long processId() {
        return ProcessHandle.current().pid();
    }
}
