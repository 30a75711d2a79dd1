package io.carbon4j.tracker.junit.samples;

import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.junit.MeasureEnergy;
import io.carbon4j.tracker.junit.TrackerCustomizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Run by EnergyExtensionTest: a customizer without a no-argument constructor fails the class clearly. */
@ExtendWith(Bench.OnlyInTestKit.class)
@MeasureEnergy(config = BrokenCustomizerSample.NeedsArgument.class)
public class BrokenCustomizerSample {

    @Test
    void neverRuns() {}

    /** Has no no-argument constructor. */
    public static final class NeedsArgument implements TrackerCustomizer {
        public NeedsArgument(String unused) {}

        @Override
        public void customize(EmissionsTracker.Builder builder) {}
    }
}
