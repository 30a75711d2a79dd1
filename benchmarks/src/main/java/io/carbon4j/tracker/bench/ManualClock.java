package io.carbon4j.tracker.bench;

import io.carbon4j.tracker.TrackerClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to, for simulated runs of any length. */
public final class ManualClock implements TrackerClock {

    private static final Instant ORIGIN = Instant.parse("2026-01-01T00:00:00Z");
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public Instant wallTime() {
        return ORIGIN.plusNanos(nanos.get());
    }

    /** Moves the clock on by {@code d}. */
    public void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    /** Moves the clock on by {@code n} nanoseconds, without allocating. */
    public void advanceNanos(long n) {
        nanos.addAndGet(n);
    }
}
