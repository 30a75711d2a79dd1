package io.carbon4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.carbon4j.tracker.spi.EnergySample;
import io.carbon4j.tracker.spi.PowerSource;
import io.carbon4j.tracker.spi.SourceContext;
import io.carbon4j.tracker.test.ManualClock;
import io.carbon4j.tracker.test.TestSourceContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmartPlugProviderTest {

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock();

    private TestSourceContext context(Map<String, String> properties) {
        return TestSourceContext.create().withRaplRoot(Path.of("/nonexistent")).withProperties(properties)
                .withClock(clock);
    }

    @Test
    void read_changingPower_trapezoidOverMeasuredInterval() {
        double[] watts = {10.0};
        SourceContext context = context(Map.of());
        PowerSource source = new SmartPlugProvider(() -> watts[0]).open(context);
        EnergySample sample = new EnergySample(1);

        source.read(sample);
        double first = sample.joules(0);
        clock.advanceSeconds(1);
        watts[0] = 30.0;
        source.read(sample);
        double second = sample.joules(0);
        clock.advanceSeconds(0.5);
        source.read(sample);

        assertThat(first).isZero();
        assertThat(second).isCloseTo(20.0, within(1e-12));
        assertThat(sample.joules(0)).isCloseTo(35.0, within(1e-12));
    }

    @Test
    void read_plugFails_reportsNaNThenResumes() {
        boolean[] fail = {false};
        SourceContext context = context(Map.of());
        PowerSource source = new SmartPlugProvider(() -> {
            if (fail[0]) {
                throw new IOException("plug offline");
            }
            return 10.0;
        }).open(context);
        EnergySample sample = new EnergySample(1);

        source.read(sample);
        fail[0] = true;
        clock.advanceSeconds(1);
        sample.clear();
        source.read(sample);
        double missing = sample.joules(0);
        fail[0] = false;
        clock.advanceSeconds(1);
        sample.clear();
        source.read(sample);

        assertThat(missing).isNaN();
        assertThat(sample.joules(0)).isCloseTo(20.0, within(1e-12));
    }

    @Test
    void read_fileWithGarbage_reportsNaN() throws IOException {
        Path file = Files.writeString(dir.resolve("watts"), "n/a");
        SourceContext context = context(Map.of(SmartPlugProvider.FILE_KEY, file.toString()));
        SmartPlugProvider provider = new SmartPlugProvider();
        EnergySample sample = new EnergySample(1);

        provider.open(context).read(sample);

        assertThat(provider.probe(context).isAvailable()).isTrue();
        assertThat(sample.joules(0)).isNaN();
    }

    @Test
    void probe_noFileConfigured_unavailableSayingWhatToSet() {
        assertThat(new SmartPlugProvider().probe(context(Map.of())))
                .satisfies(a -> assertThat(a.isAvailable()).isFalse())
                .satisfies(a -> assertThat(a.reason()).contains("carbon4j.smartplug.file"));
    }

    @Test
    void probe_missingFile_unavailableNamingIt() {
        Path missing = dir.resolve("missing");

        assertThat(new SmartPlugProvider().probe(context(Map.of(SmartPlugProvider.FILE_KEY, missing.toString()))))
                .satisfies(a -> assertThat(a.isAvailable()).isFalse())
                .satisfies(a -> assertThat(a.reason()).contains(missing.toString()));
    }
}
