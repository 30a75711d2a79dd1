package io.carbon4j.tracker.internal.estimate;

import io.carbon4j.tracker.spi.Channel;
import io.carbon4j.tracker.spi.Component;
import io.carbon4j.tracker.spi.EnergySample;
import io.carbon4j.tracker.spi.Measurement;
import io.carbon4j.tracker.spi.PowerSource;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One {@code cpu} channel: the modelled power of the machine's mean CPU load over each interval, times the
 * measured interval (rectangle rule). The load is measured over exactly the interval it is applied to, so with the
 * linear model this is the exact integral of the model; {@link io.carbon4j.tracker.spi.PowerIntegrator}'s
 * trapezoid would instead smear each interval's load over its neighbour.
 *
 * <p>When the load cannot be read the channel reports {@code NaN} and keeps its baseline, so the next good read
 * covers the gap with the load over the whole gap. Allocation-free per read.
 */
final class CpuModelSource implements PowerSource {

    private final List<Channel> channels;
    private final LinearPowerModel model;
    private final MachineCpuReader reader;
    private final LongSupplier nanoTime;
    private final CpuTicks last = new CpuTicks();
    private final CpuTicks current = new CpuTicks();
    private boolean hasLast;
    private long lastNanos;
    private double lastLoad;
    private double joules;
    private boolean closed;

    CpuModelSource(CpuPowerPlan plan, LinearPowerModel model, MachineCpuReader reader, LongSupplier nanoTime) {
        this.channels = List.of(new Channel("cpu", Component.CPU, Measurement.ESTIMATE, plan.description(),
                plan.attributes()));
        this.model = model;
        this.reader = reader;
        this.nanoTime = nanoTime;
        this.lastNanos = nanoTime.getAsLong();
        this.hasLast = reader.read(last);
    }

    @Override
    public List<Channel> channels() {
        return channels;
    }

    @Override
    public void read(EnergySample sample) {
        if (closed) {
            throw new IllegalStateException("cpu-model source is closed");
        }
        long now = nanoTime.getAsLong();
        if (!reader.read(current)) {
            sample.setJoules(0, Double.NaN);
            return;
        }
        if (!hasLast) {
            last.copyFrom(current);
            hasLast = true;
            lastNanos = now;
            sample.setJoules(0, joules);
            return;
        }
        long dt = now - lastNanos;
        if (dt > 0) {
            double load = current.loadSince(last);
            if (Double.isNaN(load)) {
                // No tick elapsed yet (reads faster than the kernel's 10 ms tick): keep the tick baseline and
                // charge this slice at the last known load.
                load = lastLoad;
            } else {
                last.copyFrom(current);
                lastLoad = load;
            }
            joules += model.watts(load) * (dt / 1e9);
            lastNanos = now;
        }
        sample.setJoules(0, joules);
        sample.setUtilizationPercent(0, lastLoad * 100);
    }

    /** Reads /proc/stat (answered from kernel memory) or OSHI's counters and computes a model: never blocks. */
    @Override
    public boolean readsWithoutBlocking() {
        return true;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            reader.close();
        }
    }
}
