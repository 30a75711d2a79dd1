package io.carbon4j.tracker.internal.estimate;

/**
 * Cumulative machine-wide CPU time in an arbitrary unit (jiffies from {@code /proc/stat}, milliseconds from OSHI):
 * busy time and total time over all logical CPUs. Only ratios of deltas are used, so the unit never matters.
 * A reusable, mutable holder; not thread-safe.
 */
final class CpuTicks {

    /** user + nice + system + irq + softirq (guest time is already inside user and nice). */
    long busy;
    /** busy + idle + iowait + steal. */
    long total;

    void set(long busy, long total) {
        this.busy = busy;
        this.total = total;
    }

    /** The busy fraction between {@code earlier} and this reading, or {@code NaN} when no time passed. */
    double loadSince(CpuTicks earlier) {
        long dt = total - earlier.total;
        long db = busy - earlier.busy;
        if (dt <= 0 || db < 0) {
            return Double.NaN;
        }
        return Math.min(1.0, (double) db / dt);
    }

    void copyFrom(CpuTicks other) {
        busy = other.busy;
        total = other.total;
    }
}
