package io.carbon4j.tracker.nvml.internal;

import io.carbon4j.tracker.TrackerClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link TrackerClock} that moves only when the test says so. */
final class ManualClock implements TrackerClock {

    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);

    void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public Instant wallTime() {
        return EPOCH.plusNanos(nanos.get());
    }
}
