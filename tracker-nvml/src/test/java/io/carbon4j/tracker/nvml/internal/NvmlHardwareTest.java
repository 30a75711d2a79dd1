package io.carbon4j.tracker.nvml.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbon4j.tracker.TrackerClock;
import io.carbon4j.tracker.spi.EnergySample;
import io.carbon4j.tracker.spi.PowerSource;
import io.carbon4j.tracker.test.TestSourceContext;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Invariants on a real NVIDIA GPU; run with {@code -Phardware} on a machine with the driver. */
@Tag("hardware")
class NvmlHardwareTest {

    @Test
    void read_realGpus_energyNeverDecreases() {
        // Real hardware advances on real time: the context reads the system clock.
        TestSourceContext context = TestSourceContext.create().withClock(TrackerClock.SYSTEM);
        NvmlPowerSourceProvider provider = new NvmlPowerSourceProvider();
        assertThat(provider.probe(context).isAvailable()).as(provider.probe(context).reason()).isTrue();

        try (PowerSource source = provider.open(context)) {
            int n = source.channels().size();
            assertThat(n).isPositive();
            EnergySample previous = new EnergySample(n);
            source.read(previous);
            for (int r = 0; r < 5; r++) {
                // Real hardware advances on real time; this test is excluded from the default build.
                LockSupport.parkNanos(200_000_000L);
                EnergySample next = new EnergySample(n);
                source.read(next);
                for (int i = 0; i < n; i++) {
                    assertThat(next.joules(i)).as(source.channels().get(i).id())
                            .isGreaterThanOrEqualTo(previous.joules(i));
                }
                previous = next;
            }
        }
    }
}
