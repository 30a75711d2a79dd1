package io.carbon4j.tracker.junit.samples;

import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.junit.TrackerCustomizer;
import io.carbon4j.tracker.spi.Component;
import io.carbon4j.tracker.test.FakePowerSource;
import io.carbon4j.tracker.test.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test bench shared by the sample classes and the tests that run them: the test kit's manual clock, which the
 * sample tests advance, and its fake CPU source drawing a constant {@link #WATTS} over that clock, so that a test
 * that advances the clock by {@code s} seconds used exactly {@code WATTS * s} joules.
 */
public final class Bench {

    public static final double WATTS = 10.0;
    public static final double GRAMS_PER_KWH = 500.0;
    /** The configuration parameter that enables the sample classes (set only by the engine test kit). */
    public static final String ENABLED = "carbon4j.junit.samples";

    public static final ManualClock CLOCK = new ManualClock();

    private Bench() {}

    /** Moves the clock forward by {@code seconds}. */
    public static void work(double seconds) {
        CLOCK.advanceSeconds(seconds);
    }

    /** Registers the fake source and clock; samples only at start and stop, so boundaries are interpolated exactly. */
    public static final class Config implements TrackerCustomizer {
        @Override
        public void customize(EmissionsTracker.Builder builder) {
            builder.discoverPowerSources(false)
                    .addPowerSource(new FakePowerSource("bench").channel("cpu-0", Component.CPU, WATTS))
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
}
