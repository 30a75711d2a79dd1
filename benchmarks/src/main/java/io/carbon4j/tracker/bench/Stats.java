package io.carbon4j.tracker.bench;

import java.util.Arrays;
import java.util.Locale;

/** Order statistics of a small sample. */
final class Stats {

    private Stats() {}

    /** The {@code q}-quantile (0..1) by the nearest-rank method. */
    static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** "min / median / p90 / max" with one decimal. */
    static String summary(double[] values) {
        return String.format(Locale.ROOT, "min %.1f / median %.1f / p90 %.1f / max %.1f", quantile(values, 0),
                quantile(values, 0.5), quantile(values, 0.9), quantile(values, 1));
    }
}
