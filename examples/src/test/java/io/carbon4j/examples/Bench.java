package io.carbon4j.examples;

import io.carbon4j.tracker.ConfigSource;
import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.TrackerClock;
import io.carbon4j.tracker.spi.Availability;
import io.carbon4j.tracker.spi.Channel;
import io.carbon4j.tracker.spi.Component;
import io.carbon4j.tracker.spi.EnergySample;
import io.carbon4j.tracker.spi.Measurement;
import io.carbon4j.tracker.spi.PowerSource;
import io.carbon4j.tracker.spi.PowerSourceProvider;
import io.carbon4j.tracker.spi.SourceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The examples' test bench: a manual clock that the (decorated) workload advances, and a CPU counter that draws a
 * constant power over it. The tracker samples only at start and stop (a one-hour interval), and task boundaries
 * are interpolated linearly between samples, which is exact for constant power: a phase that advances the clock
 * by {@code s} seconds used exactly {@code watts * s} joules.
 */
public final class Bench {

    /** The forced carbon intensity, gCO2eq/kWh. */
    public static final double GRAMS_PER_KWH = 400.0;

    /** kgCO2eq per joule at {@link #GRAMS_PER_KWH}. */
    public static final double KG_PER_JOULE = GRAMS_PER_KWH / 1000.0 / 3.6e6;

    public final Clock clock = new Clock();
    private final double cpuWatts;

    /** A bench whose CPU draws {@code cpuWatts}. */
    public Bench(double cpuWatts) {
        this.cpuWatts = cpuWatts;
    }

    /** Moves the clock forward by {@code seconds}: the "work" of a fake phase. */
    public void work(double seconds) {
        clock.nanos.addAndGet(Math.round(seconds * 1e9));
    }

    /** A builder with the fake CPU source, the manual clock, a forced intensity, and no files or hooks. */
    public EmissionsTracker.Builder builder() {
        return builder(ConfigSource.empty());
    }

    /** The same, reading unset keys from {@code config}. */
    public EmissionsTracker.Builder builder(ConfigSource config) {
        return EmissionsTracker.builder(config)
                .discoverPowerSources(false)
                .addPowerSource(new ConstantPower(clock, cpuWatts))
                .clock(clock)
                .samplingInterval(Duration.ofHours(1))
                .carbonIntensity(GRAMS_PER_KWH)
                .registerShutdownHook(false)
                .outputFormats("none");
    }

    /** A bench builder with extra keys. */
    public EmissionsTracker.Builder builder(Map<String, String> config) {
        return builder(ConfigSource.of(config));
    }

    /** A clock that moves only when the test says so. */
    public static final class Clock implements TrackerClock {
        private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
        private final Instant origin = Instant.parse("2026-11-29T10:00:00Z");

        @Override
        public long nanoTime() {
            return nanos.get();
        }

        @Override
        public Instant wallTime() {
            return origin.plusNanos(nanos.get());
        }
    }

    /** A CPU counter: constant watts integrated over the clock. */
    static final class ConstantPower implements PowerSourceProvider, PowerSource {
        private final Clock clock;
        private final double watts;
        private long origin;

        ConstantPower(Clock clock, double watts) {
            this.clock = clock;
            this.watts = watts;
        }

        @Override
        public String name() {
            return "bench-cpu";
        }

        @Override
        public int priority() {
            return 100;
        }

        @Override
        public Availability probe(SourceContext context) {
            return Availability.available("test bench");
        }

        @Override
        public PowerSource open(SourceContext context) {
            origin = clock.nanoTime();
            return this;
        }

        @Override
        public List<Channel> channels() {
            return List.of(Channel.of("cpu-0", Component.CPU, Measurement.COUNTER, "bench cpu"));
        }

        @Override
        public void read(EnergySample sample) {
            sample.setJoules(0, watts * (clock.nanoTime() - origin) / 1e9);
        }

        @Override
        public void close() {}
    }
}
