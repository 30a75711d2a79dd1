package io.carbon4j.tracker.internal.estimate;

import java.util.Locale;
import java.util.Optional;

/** How a process's share of the machine's CPU energy is computed. docs/attribution.md has the reasoning. */
public enum CpuAttribution {

    /**
     * Share of capacity (Scaphandre, Kepler): process CPU time / (interval x logical CPUs). Idle time and other
     * processes stay unattributed, so attributed + unattributed = machine. The default.
     */
    CAPACITY("capacity", "share of capacity"),

    /**
     * Share of busy time (JoularJX, PowerJoular, experiment-impact-tracker): process CPU time / all busy CPU time.
     * The idle floor is charged to whoever ran.
     */
    BUSY("busy", "share of busy time");

    /** The configuration key that selects the model. */
    public static final String KEY = "attribution.model";

    private final String key;
    private final String words;

    CpuAttribution(String key, String words) {
        this.key = key;
        this.words = words;
    }

    /** The configuration word: {@code capacity} or {@code busy}. */
    public String key() {
        return key;
    }

    /** The model's name in the results. */
    public String words() {
        return words;
    }

    /** The model named by {@code value} (case-insensitive), if any. */
    public static Optional<CpuAttribution> parse(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (CpuAttribution a : values()) {
            if (a.key.equals(v)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * The process's share of the interval's CPU energy, in [0, 1], or {@code NaN} when it cannot be known.
     *
     * @param processCpuNanos CPU time the process used in the interval
     * @param intervalNanos   the interval
     * @param logicalCpus     the machine's logical CPUs
     * @param machineLoad     the machine's busy fraction over the interval (only {@link #BUSY} needs it)
     */
    public double share(long processCpuNanos, long intervalNanos, int logicalCpus, double machineLoad) {
        if (processCpuNanos < 0 || intervalNanos <= 0 || logicalCpus <= 0) {
            return Double.NaN;
        }
        double capacity = (double) intervalNanos * logicalCpus;
        if (this == CAPACITY) {
            return Math.min(1.0, processCpuNanos / capacity);
        }
        if (!(machineLoad >= 0)) {
            return Double.NaN;
        }
        double busy = machineLoad * capacity;
        if (busy <= 0) {
            // The kernel counted no busy tick: the process's own time (10 ms steps) is then noise around zero.
            return processCpuNanos == 0 ? 0 : 1;
        }
        return Math.min(1.0, processCpuNanos / busy);
    }
}
