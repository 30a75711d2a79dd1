package io.carbon4j.tracker.internal;

import io.carbon4j.tracker.spi.Channel;
import io.carbon4j.tracker.spi.EnergySample;
import io.carbon4j.tracker.spi.PowerSource;
import java.util.List;

/**
 * An open source and the sampler's bookkeeping for it: the reusable sample buffer, the last good cumulative value
 * per channel, per-channel totals, and failure counts. Confined to the sampler thread, except the totals, which
 * are read under the accumulator's lock.
 */
final class SourceSlot {

    static final int MAX_CONSECUTIVE_FAILURES = 5;

    final String name;
    final PowerSource source;
    final List<Channel> channels;
    final EnergySample sample;
    /** Whether the channel's component was assigned to this source (the highest priority that reports it). */
    final boolean[] assigned;
    final int[] componentIndex;
    final double[] last;
    final boolean[] hasLast;
    final double[] lastProcess;
    final boolean[] hasLastProcess;
    final double[] channelTotals;
    final long[] missed;
    final String[] problems;
    int consecutiveFailures;
    /** Read on the sampler thread itself (the source declared that its reads never block); no reader thread. */
    final boolean inline;
    Throwable inlineError;
    SourceReader reader;
    boolean inFlight;
    boolean pendingCommit;
    boolean stalled;
    boolean disabled;
    String disabledReason = "";
    boolean closed;

    SourceSlot(String name, PowerSource source, List<Channel> channels, boolean[] assigned) {
        this.name = name;
        this.source = source;
        this.channels = List.copyOf(channels);
        int n = channels.size();
        this.sample = new EnergySample(n);
        boolean nonBlocking;
        try {
            nonBlocking = source.readsWithoutBlocking();
        } catch (RuntimeException | LinkageError e) {
            nonBlocking = false;
        }
        this.inline = nonBlocking;
        this.assigned = assigned.clone();
        this.componentIndex = new int[n];
        for (int i = 0; i < n; i++) {
            componentIndex[i] = channels.get(i).component().ordinal();
        }
        this.last = new double[n];
        this.hasLast = new boolean[n];
        this.lastProcess = new double[n];
        this.hasLastProcess = new boolean[n];
        this.channelTotals = new double[n];
        this.missed = new long[n];
        this.problems = new String[n];
    }

    void closeQuietly() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            source.close();
        } catch (RuntimeException | LinkageError e) {
            org.slf4j.LoggerFactory.getLogger(SourceSlot.class).warn("Power source {} failed to close", name, e);
        }
    }
}
