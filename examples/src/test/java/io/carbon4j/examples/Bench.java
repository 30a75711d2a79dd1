package io.carbon4j.examples;

import io.carbon4j.tracker.ConfigSource;
import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.spi.Component;
import io.carbon4j.tracker.test.FakePowerSource;
import io.carbon4j.tracker.test.ManualClock;
import java.time.Duration;
import java.util.Map;

/**
 * The examples' test bench: the test kit's manual clock, which the (decorated) workload advances, and its fake CPU
 * counter drawing a constant power over it. The tracker samples only at start and stop (a one-hour interval), and
 * task boundaries are interpolated linearly between samples, which is exact for constant power: a phase that
 * advances the clock by {@code s} seconds used exactly {@code watts * s} joules.
 */
public final class Bench {

    /** The forced carbon intensity, gCO2eq/kWh. */
    public static final double GRAMS_PER_KWH = 400.0;

    /** kgCO2eq per joule at {@link #GRAMS_PER_KWH}. */
    public static final double KG_PER_JOULE = GRAMS_PER_KWH / 1000.0 / 3.6e6;

    public final ManualClock clock = new ManualClock();
    private final double cpuWatts;

    /** A bench whose CPU draws {@code cpuWatts}. */
    public Bench(double cpuWatts) {
        this.cpuWatts = cpuWatts;
    }

    /** Moves the clock forward by {@code seconds}: the "work" of a fake phase. */
    public void work(double seconds) {
        clock.advanceSeconds(seconds);
    }

    /** A builder with the fake CPU source, the manual clock, a forced intensity, and no files or hooks. */
    public EmissionsTracker.Builder builder() {
        return builder(ConfigSource.empty());
    }

    /** The same, reading unset keys from {@code config}. */
    public EmissionsTracker.Builder builder(ConfigSource config) {
        return EmissionsTracker.builder(config)
                .discoverPowerSources(false)
                .addPowerSource(new FakePowerSource("bench-cpu").channel("cpu-0", Component.CPU, cpuWatts)
                        .priority(100))
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
}
