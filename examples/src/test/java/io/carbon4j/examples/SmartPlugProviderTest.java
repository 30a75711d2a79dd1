package io.carbon4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.carbon4j.tracker.TrackingMode;
import io.carbon4j.tracker.spi.EnergySample;
import io.carbon4j.tracker.spi.PowerSource;
import io.carbon4j.tracker.spi.SourceContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmartPlugProviderTest {

    @TempDir
    Path dir;

    /** A source context with a settable clock and a fixed property map. */
    private static final class Context implements SourceContext {
        long nanos;
        final Map<String, String> properties;

        Context(Map<String, String> properties) {
            this.properties = properties;
        }

        @Override
        public Path raplRoot() {
            return Path.of("/nonexistent");
        }

        @Override
        public Optional<Path> nvmlLibrary() {
            return Optional.empty();
        }

        @Override
        public TrackingMode trackingMode() {
            return TrackingMode.MACHINE;
        }

        @Override
        public Duration samplingInterval() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Optional<String> property(String key) {
            return Optional.ofNullable(properties.get(key));
        }

        @Override
        public long nanoTime() {
            return nanos;
        }

        @Override
        public long processId() {
            return 1;
        }
    }

    @Test
    void read_changingPower_trapezoidOverMeasuredInterval() {
        double[] watts = {10.0};
        Context context = new Context(Map.of());
        PowerSource source = new SmartPlugProvider(() -> watts[0]).open(context);
        EnergySample sample = new EnergySample(1);

        source.read(sample);
        double first = sample.joules(0);
        context.nanos = 1_000_000_000L;
        watts[0] = 30.0;
        source.read(sample);
        double second = sample.joules(0);
        context.nanos = 1_500_000_000L;
        source.read(sample);

        assertThat(first).isZero();
        assertThat(second).isCloseTo(20.0, within(1e-12));
        assertThat(sample.joules(0)).isCloseTo(35.0, within(1e-12));
    }

    @Test
    void read_plugFails_reportsNaNThenResumes() {
        boolean[] fail = {false};
        Context context = new Context(Map.of());
        PowerSource source = new SmartPlugProvider(() -> {
            if (fail[0]) {
                throw new IOException("plug offline");
            }
            return 10.0;
        }).open(context);
        EnergySample sample = new EnergySample(1);

        source.read(sample);
        fail[0] = true;
        context.nanos = 1_000_000_000L;
        sample.clear();
        source.read(sample);
        double missing = sample.joules(0);
        fail[0] = false;
        context.nanos = 2_000_000_000L;
        sample.clear();
        source.read(sample);

        assertThat(missing).isNaN();
        assertThat(sample.joules(0)).isCloseTo(20.0, within(1e-12));
    }

    @Test
    void read_fileWithGarbage_reportsNaN() throws IOException {
        Path file = Files.writeString(dir.resolve("watts"), "n/a");
        Context context = new Context(Map.of(SmartPlugProvider.FILE_KEY, file.toString()));
        SmartPlugProvider provider = new SmartPlugProvider();
        EnergySample sample = new EnergySample(1);

        provider.open(context).read(sample);

        assertThat(provider.probe(context).isAvailable()).isTrue();
        assertThat(sample.joules(0)).isNaN();
    }

    @Test
    void probe_noFileConfigured_unavailableSayingWhatToSet() {
        assertThat(new SmartPlugProvider().probe(new Context(Map.of())))
                .satisfies(a -> assertThat(a.isAvailable()).isFalse())
                .satisfies(a -> assertThat(a.reason()).contains("carbon4j.smartplug.file"));
    }

    @Test
    void probe_missingFile_unavailableNamingIt() {
        Path missing = dir.resolve("missing");

        assertThat(new SmartPlugProvider().probe(new Context(Map.of(SmartPlugProvider.FILE_KEY, missing.toString()))))
                .satisfies(a -> assertThat(a.isAvailable()).isFalse())
                .satisfies(a -> assertThat(a.reason()).contains(missing.toString()));
    }
}
