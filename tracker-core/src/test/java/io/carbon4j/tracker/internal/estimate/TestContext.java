package io.carbon4j.tracker.internal.estimate;

import io.carbon4j.tracker.TrackingMode;
import io.carbon4j.tracker.spi.SourceContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A source context over a manual clock and a map of properties. */
final class TestContext implements SourceContext {

    final ManualClock clock = new ManualClock();
    final Map<String, String> properties = new HashMap<>();

    TestContext with(String key, String value) {
        properties.put(key, value);
        return this;
    }

    @Override
    public Path raplRoot() {
        return Path.of("/nonexistent");
    }

    @Override
    public Optional<Path> nvmlLibrary() {
        return Optional.empty();
    }

    @Override
    public TrackingMode trackingMode() {
        return TrackingMode.MACHINE;
    }

    @Override
    public Duration samplingInterval() {
        return Duration.ofSeconds(1);
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
        return 1;
    }
}
