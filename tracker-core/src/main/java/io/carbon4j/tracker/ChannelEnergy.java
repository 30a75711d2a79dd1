package io.carbon4j.tracker;

import io.carbon4j.tracker.spi.Channel;
import java.util.Objects;

/**
 * The energy of one channel of one source over a run: a socket, a DRAM zone, a GPU.
 *
 * @param source       the provider name
 * @param channel      the channel as the source described it
 * @param energyJoules energy read over the run, in joules (machine-wide)
 * @param missedReads  reads where the channel had no value (unreadable, device lost)
 * @param problem      the first problem seen on this channel (a counter reset, a lost device), or empty
 * @since 0.1.0
 */
public record ChannelEnergy(String source, Channel channel, double energyJoules, long missedReads, String problem) {

    /** Validates the fields. */
    public ChannelEnergy {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(problem, "problem");
    }
}
