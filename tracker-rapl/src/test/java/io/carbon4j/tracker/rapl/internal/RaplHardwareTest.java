package io.carbon4j.tracker.rapl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbon4j.tracker.spi.EnergySample;
import io.carbon4j.tracker.spi.PowerSource;
import io.carbon4j.tracker.test.TestSourceContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Reads the machine's real powercap tree; invariants only. Run with {@code -Phardware}. */
@Tag("hardware")
@EnabledOnOs(OS.LINUX)
@EnabledIf("powercapReadable")
class RaplHardwareTest {

    private static final Path POWERCAP = Path.of("/sys/class/powercap");

    static boolean powercapReadable() {
        return Files.isReadable(POWERCAP.resolve("intel-rapl:0/energy_uj"));
    }

    @Test
    void read_realCounters_findsZonesAndNeverDecreases() throws Exception {
        RaplPowerSourceProvider provider = new RaplPowerSourceProvider();
        TestSourceContext context = TestSourceContext.create().withRaplRoot(POWERCAP);
        assertThat(provider.probe(context).isAvailable()).isTrue();

        try (PowerSource source = provider.open(context)) {
            assertThat(source.channels()).isNotEmpty();
            assertThat(source.maxReadInterval()).isPresent();
            EnergySample sample = new EnergySample(source.channels().size());
            double[] last = new double[source.channels().size()];
            for (int round = 0; round < 50; round++) {
                sample.clear();
                source.read(sample);
                for (int i = 0; i < last.length; i++) {
                    assertThat(sample.joules(i)).isNotNaN().isGreaterThanOrEqualTo(last[i]);
                    last[i] = sample.joules(i);
                }
            }
        }
    }
}
