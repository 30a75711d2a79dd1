package io.carbon4j.tracker.internal.estimate;

/** Memory figures in bytes, {@code -1} where unknown. A reusable, mutable holder; not thread-safe. */
final class MemoryFacts {

    /** Installed memory the OS sees (MemTotal). */
    long totalBytes = -1;
    /** Memory available to new work without swapping (MemAvailable). */
    long availableBytes = -1;
    /** This process's resident set. */
    long processResidentBytes = -1;

    /** total - available, or -1. */
    long usedBytes() {
        return totalBytes > 0 && availableBytes >= 0 && availableBytes <= totalBytes ? totalBytes - availableBytes : -1;
    }

    void clear() {
        totalBytes = -1;
        availableBytes = -1;
        processResidentBytes = -1;
    }
}
