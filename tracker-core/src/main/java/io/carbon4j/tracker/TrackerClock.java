package io.carbon4j.tracker;

import java.time.Instant;

/**
 * The time seam of a tracker: a monotonic clock for all energy arithmetic and a wall clock for timestamps in
 * outputs only. Tests substitute a manual clock so that they never sleep.
 *
 * <h2>Thread safety</h2>
 * Implementations must be thread-safe.
 *
 * @since 0.1.0
 */
public interface TrackerClock {

    /** The system clock: {@link System#nanoTime()} and {@link Instant#now()}. */
    TrackerClock SYSTEM = new TrackerClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Instant wallTime() {
            return Instant.now();
        }
    };

    /** Monotonic nanoseconds from an arbitrary origin. */
    long nanoTime();

    /** The current wall-clock time. */
    Instant wallTime();
}
