package io.carbon4j.tracker.internal;

import io.carbon4j.tracker.TrackerClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when the test says so. */
final class ManualClock implements TrackerClock {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Instant origin = Instant.parse("2026-11-29T10:00:00Z");

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public Instant wallTime() {
        return origin.plusNanos(nanos.get());
    }

    void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    void advanceSeconds(double seconds) {
        nanos.addAndGet(Math.round(seconds * 1e9));
    }
}
