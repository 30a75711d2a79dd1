package io.carbon4j.tracker.nvml.internal;

import io.carbon4j.tracker.TrackingMode;
import io.carbon4j.tracker.spi.SourceContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A {@link SourceContext} whose clock, mode, PID and library path the test sets. */
final class TestContext implements SourceContext {

    long nanos = 1_000_000_000L;
    TrackingMode mode = TrackingMode.MACHINE;
    long pid = 4242;
    Path library;

    TestContext advanceMillis(double millis) {
        nanos += Math.round(millis * 1_000_000);
        return this;
    }

    @Override
    public Path raplRoot() {
        return Path.of("/sys/class/powercap");
    }

    @Override
    public Optional<Path> nvmlLibrary() {
        return Optional.ofNullable(library);
    }

    @Override
    public TrackingMode trackingMode() {
        return mode;
    }

    @Override
    public Duration samplingInterval() {
        return Duration.ofSeconds(1);
    }

    @Override
    public Optional<String> property(String key) {
        return Optional.empty();
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public long processId() {
        return pid;
    }
}
