package io.carbon4j.tracker.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations as users write them: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, {@code 250us},
 * {@code 1.5s}, or ISO-8601 ({@code PT10S}). A bare number is rejected: its unit would be a guess.
 */
final class DurationParser {

    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,12}(?:\\.\\d{1,9})?)\\s*(ns|us|µs|ms|s|m|h|d)");

    private DurationParser() {}

    /** The parsed duration, or {@code null} when {@code text} is not a duration. */
    static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(t);
        if (m.matches()) {
            java.math.BigDecimal amount = new java.math.BigDecimal(m.group(1));
            long nanosPerUnit;
            switch (m.group(2)) {
                case "ns":
                    nanosPerUnit = 1L;
                    break;
                case "us":
                case "µs":
                    nanosPerUnit = 1_000L;
                    break;
                case "ms":
                    nanosPerUnit = 1_000_000L;
                    break;
                case "s":
                    nanosPerUnit = 1_000_000_000L;
                    break;
                case "m":
                    nanosPerUnit = 60_000_000_000L;
                    break;
                case "h":
                    nanosPerUnit = 3_600_000_000_000L;
                    break;
                default:
                    nanosPerUnit = 86_400_000_000_000L;
                    break;
            }
            java.math.BigDecimal nanos = amount.multiply(java.math.BigDecimal.valueOf(nanosPerUnit));
            if (nanos.compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                return null;
            }
            return Duration.ofNanos(nanos.longValue());
        }
        if (t.startsWith("pt") || t.startsWith("p")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /** Formats a duration the way the parser reads it back: {@code 1s}, {@code 500ms}, {@code 250us}. */
    static String format(Duration d) {
        long nanos = d.toNanos();
        if (nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + "s";
        }
        if (nanos % 1_000_000L == 0) {
            return nanos / 1_000_000L + "ms";
        }
        if (nanos % 1_000L == 0) {
            return nanos / 1_000L + "us";
        }
        return nanos + "ns";
    }
}
