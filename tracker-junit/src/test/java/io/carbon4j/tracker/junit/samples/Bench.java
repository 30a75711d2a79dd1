package io.carbon4j.tracker.junit.samples;

import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.TrackerClock;
import io.carbon4j.tracker.junit.TrackerCustomizer;
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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test bench shared by the sample classes and the tests that run them: a manual clock that the sample tests
 * advance, and a CPU source that draws a constant {@link #WATTS} over that clock, so that a test that advances the
 * clock by {@code s} seconds used exactly {@code WATTS * s} joules.
 */
public final class Bench {

    public static final double WATTS = 10.0;
    public static final double GRAMS_PER_KWH = 500.0;
    /** The configuration parameter that enables the sample classes (set only by the engine test kit). */
    public static final String ENABLED = "carbon4j.junit.samples";

    public static final Clock CLOCK = new Clock();

    private Bench() {}

    /** Moves the clock forward by {@code seconds}. */
    public static void work(double seconds) {
        CLOCK.nanos.addAndGet(Math.round(seconds * 1e9));
    }

    /** A clock that moves only when a sample test says so. */
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

    /** Registers the fake source and clock; samples only at start and stop, so boundaries are interpolated exactly. */
    public static final class Config implements TrackerCustomizer {
        @Override
        public void customize(EmissionsTracker.Builder builder) {
            builder.discoverPowerSources(false)
                    .addPowerSource(new ConstantPower())
                    .clock(CLOCK)
                    .samplingInterval(Duration.ofHours(1))
                    .carbonIntensity(GRAMS_PER_KWH)
                    .registerShutdownHook(false)
                    .outputFormats("none");
        }
    }

    /** Keeps the sample classes out of normal test runs: they run only under the engine test kit. */
    public static final class OnlyInTestKit implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(ENABLED).filter("true"::equals).isPresent()
                    ? ConditionEvaluationResult.enabled("run by the engine test kit")
                    : ConditionEvaluationResult.disabled("a sample for EnergyExtensionTest, run only by it");
        }
    }

    /** A CPU counter: {@link #WATTS} integrated over {@link #CLOCK}. */
    static final class ConstantPower implements PowerSourceProvider, PowerSource {
        private long origin;

        @Override
        public String name() {
            return "bench";
        }

        @Override
        public Availability probe(SourceContext context) {
            return Availability.available("test bench");
        }

        @Override
        public PowerSource open(SourceContext context) {
            origin = CLOCK.nanoTime();
            return this;
        }

        @Override
        public List<Channel> channels() {
            return List.of(Channel.of("cpu-0", Component.CPU, Measurement.COUNTER, "bench cpu"));
        }

        @Override
        public void read(EnergySample sample) {
            sample.setJoules(0, WATTS * (CLOCK.nanoTime() - origin) / 1e9);
        }

        @Override
        public void close() {}
    }
}
