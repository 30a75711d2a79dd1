package io.carbon4j.tracker.internal.estimate;

import io.carbon4j.tracker.spi.Channel;
import io.carbon4j.tracker.spi.EnergySample;
import io.carbon4j.tracker.spi.PowerSource;
import java.util.List;
import java.util.function.LongSupplier;

/** Channels of constant power, integrated over the measured monotonic time since open. Allocation-free per read. */
final class ConstantPowerSource implements PowerSource {

    private final List<Channel> channels;
    private final double[] watts;
    private final LongSupplier nanoTime;
    private final long origin;
    private boolean closed;

    ConstantPowerSource(List<Channel> channels, double[] watts, LongSupplier nanoTime) {
        if (channels.size() != watts.length) {
            throw new IllegalArgumentException("one power per channel");
        }
        this.channels = List.copyOf(channels);
        this.watts = watts.clone();
        this.nanoTime = nanoTime;
        this.origin = nanoTime.getAsLong();
    }

    @Override
    public List<Channel> channels() {
        return channels;
    }

    @Override
    public void read(EnergySample sample) {
        if (closed) {
            throw new IllegalStateException("source is closed");
        }
        // From the origin rather than summed per interval: no rounding drift over long runs.
        double seconds = Math.max(0, nanoTime.getAsLong() - origin) / 1e9;
        for (int i = 0; i < watts.length; i++) {
            sample.setJoules(i, watts[i] * seconds);
        }
    }

    /** A constant times the clock: never blocks. */
    @Override
    public boolean readsWithoutBlocking() {
        return true;
    }

    @Override
    public void close() {
        closed = true;
    }
}
