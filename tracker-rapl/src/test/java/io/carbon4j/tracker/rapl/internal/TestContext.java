package io.carbon4j.tracker.rapl.internal;

import io.carbon4j.tracker.TrackingMode;
import io.carbon4j.tracker.spi.SourceContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A source context over a fake powercap root, a manual clock and explicit properties. */
final class TestContext implements SourceContext {

    private final Path root;
    private final ManualClock clock;
    private final Map<String, String> properties = new HashMap<>();

    TestContext(Path root, ManualClock clock) {
        this.root = root;
        this.clock = clock;
    }

    TestContext with(String key, String value) {
        properties.put(key, value);
        return this;
    }

    @Override
    public Path raplRoot() {
        return root;
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
