package io.carbon4j.tracker.internal.estimate;

import java.util.Locale;

/** How well the CPU model name matched a row of the TDP table. */
public enum MatchQuality {
    /** The name and the row have the same tokens after normalisation. */
    EXACT,
    /** The model-number tokens agree (every token with a digit, both ways); other words may differ. */
    TOKEN,
    /** No row has the model number, but the vendor or family is known (e.g. "AMD EPYC"); per-thread figure used. */
    FAMILY,
    /** Nothing recognised; per-thread figure used. */
    NONE;

    /** Lower-case word for outputs. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
