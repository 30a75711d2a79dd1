package io.carbon4j.tracker.internal;

import io.carbon4j.tracker.spi.Availability;
import io.carbon4j.tracker.spi.Channel;
import io.carbon4j.tracker.spi.Component;
import io.carbon4j.tracker.spi.EnergySample;
import io.carbon4j.tracker.spi.Measurement;
import io.carbon4j.tracker.spi.PowerSource;
import io.carbon4j.tracker.spi.PowerSourceProvider;
import io.carbon4j.tracker.spi.SourceContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A scriptable power source: each channel draws a set power, integrated exactly over the tracker's clock, unless
 * the test sets a raw cumulative value or a failure.
 */
final class FakeSource implements PowerSource, PowerSourceProvider {

    final String name;
    final int priority;
    final List<Channel> channels = new ArrayList<>();
    final List<Double> watts = new ArrayList<>();
    double[] joules;
    double[] base;
    Double[] override;
    double[] processShare;
    SourceContext context;
    long lastNanos;
    int reads;
    int closes;
    RuntimeException failWith;
    Availability availability = Availability.available("fake");
    Duration maxReadInterval;
    Runnable onRead;
    boolean nonBlocking;
    Thread lastReader;

    FakeSource(String name, int priority) {
        this.name = name;
        this.priority = priority;
    }

    static FakeSource cpu(String name, double watts) {
        return new FakeSource(name, 0).channel("cpu-0", Component.CPU, Measurement.COUNTER, watts);
    }

    FakeSource channel(String id, Component component, Measurement measurement, double w) {
        channels.add(Channel.of(id, component, measurement, name + " " + id));
        watts.add(w);
        return this;
    }

    void setWatts(int channel, double w) {
        rebase();
        watts.set(channel, w);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int priority() {
        return priority;
    }

    @Override
    public Availability probe(SourceContext ctx) {
        return availability;
    }

    @Override
    public PowerSource open(SourceContext ctx) {
        this.context = ctx;
        joules = new double[channels.size()];
        base = new double[channels.size()];
        override = new Double[channels.size()];
        lastNanos = ctx.nanoTime();
        return this;
    }

    @Override
    public List<Channel> channels() {
        return channels;
    }

    /**
     * Cumulative energy as base + power × time since the last power change, computed afresh on every read (not
     * accumulated step by step), so the reported counter is as exact as a hardware counter.
     */
    private void integrate() {
        if (context == null) {
            return;
        }
        long now = context.nanoTime();
        for (int i = 0; i < joules.length; i++) {
            joules[i] = base[i] + watts.get(i) * (now - lastNanos) / 1e9;
        }
    }

    private void rebase() {
        integrate();
        if (context != null) {
            System.arraycopy(joules, 0, base, 0, joules.length);
            lastNanos = context.nanoTime();
        }
    }

    @Override
    public void read(EnergySample sample) {
        reads++;
        lastReader = Thread.currentThread();
        if (onRead != null) {
            onRead.run();
        }
        if (failWith != null) {
            throw failWith;
        }
        integrate();
        for (int i = 0; i < joules.length; i++) {
            sample.setJoules(i, override[i] != null ? override[i] : joules[i]);
            if (processShare != null) {
                sample.setProcessJoules(i, joules[i] * processShare[i]);
            }
        }
    }

    @Override
    public boolean readsWithoutBlocking() {
        return nonBlocking;
    }

    @Override
    public Optional<Duration> maxReadInterval() {
        return Optional.ofNullable(maxReadInterval);
    }

    @Override
    public void close() {
        closes++;
    }
}
