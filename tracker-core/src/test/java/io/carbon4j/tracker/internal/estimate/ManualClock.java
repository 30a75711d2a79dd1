package io.carbon4j.tracker.internal.estimate;

import io.carbon4j.tracker.TrackerClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to. */
final class ManualClock implements TrackerClock {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Instant wallOrigin = Instant.parse("2026-01-01T00:00:00Z");
    private final long nanosOrigin = nanos.get();

    void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public Instant wallTime() {
        return wallOrigin.plusNanos(nanos.get() - nanosOrigin);
    }
}
