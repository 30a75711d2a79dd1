package io.carbon4j.tracker.internal.estimate;

import java.util.Objects;

/**
 * The result of matching a CPU model name against the TDP table.
 *
 * @param quality    how the name matched
 * @param row        the matched row's name, or the recognised family words for {@link MatchQuality#FAMILY}, or
 *                   empty
 * @param tdpWatts   the row's TDP in watts, {@code NaN} for {@link MatchQuality#FAMILY} and {@link MatchQuality#NONE}
 * @param candidates how many rows tied for the best match (more than 1 means the first was taken)
 */
public record TdpMatch(MatchQuality quality, String row, double tdpWatts, int candidates) {

    /** Validates. */
    public TdpMatch {
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(row, "row");
    }

    /** Whether a table row (and so a TDP) was found. */
    public boolean hasTdp() {
        return quality == MatchQuality.EXACT || quality == MatchQuality.TOKEN;
    }

    static TdpMatch none() {
        return new TdpMatch(MatchQuality.NONE, "", Double.NaN, 0);
    }
}
