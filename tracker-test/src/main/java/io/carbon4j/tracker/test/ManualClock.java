package io.carbon4j.tracker.test;

import io.carbon4j.tracker.TrackerClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link TrackerClock} that moves only when the test says so. It starts at {@link #START_NANOS} monotonic
 * nanoseconds and at the wall instant {@link #START_WALL_TIME}; both move together, by the same amounts.
 *
 * <p>Pass it to {@code EmissionsTracker.Builder.clock(...)} and to a {@link TestSourceContext}, then drive the
 * tracker with {@link #advance(Duration)}: no test needs to sleep or wait on real time.
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock();
 * try (EmissionsTracker tracker = builder.clock(clock).start()) {
 *     clock.advanceSeconds(2.5);
 * }
 * }</pre>
 *
 * <h2>Thread safety</h2>
 * Thread-safe: the tracker's sampler and reader threads read the clock while the test thread advances it.
 *
 * @since 0.1.0
 */
public final class ManualClock implements TrackerClock {

    /** The monotonic reading of a new clock; not zero, so that code that treats 0 as "unset" is caught. */
    public static final long START_NANOS = 1_000_000_000L;

    /** The wall time of a new clock. */
    public static final Instant START_WALL_TIME = Instant.parse("2026-01-01T00:00:00Z");

    private final AtomicLong nanos = new AtomicLong(START_NANOS);

    /** A clock at {@link #START_NANOS} and {@link #START_WALL_TIME}. */
    public ManualClock() {
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public Instant wallTime() {
        return START_WALL_TIME.plusNanos(nanos.get() - START_NANOS);
    }

    /**
     * Moves both readings forward.
     *
     * @param duration how far; zero or positive, since a monotonic clock never goes back
     * @return this clock
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public ManualClock advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a monotonic clock cannot go back; duration was " + duration);
        }
        nanos.addAndGet(duration.toNanos());
        return this;
    }

    /**
     * Moves both readings forward by {@code seconds}, rounded to the nearest nanosecond.
     *
     * @param seconds how far; finite, zero or positive
     * @return this clock
     * @throws IllegalArgumentException if {@code seconds} is negative, NaN or infinite
     */
    public ManualClock advanceSeconds(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("seconds must be finite and >= 0; was " + seconds);
        }
        nanos.addAndGet(Math.round(seconds * 1e9));
        return this;
    }
}
