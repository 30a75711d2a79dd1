package io.carbon4j.tracker.internal.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.carbon4j.tracker.spi.Component;
import io.carbon4j.tracker.spi.EnergySample;
import io.carbon4j.tracker.spi.Measurement;
import io.carbon4j.tracker.spi.PowerSource;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuModelSourceTest {

    private final ManualClock clock = new ManualClock();
    private final EnergySample sample = new EnergySample(1);

    private CpuModelSource source(FakeCpuReader reader) {
        CpuPowerPlan plan = new CpuPowerPlan(100, "estimated (test)", Map.of());
        return new CpuModelSource(plan, new LinearPowerModel(100, 0.2), reader, clock::nanoTime);
    }

    private double read(PowerSource s) {
        sample.clear();
        s.read(sample);
        return sample.joules(0);
    }

    @Test
    void read_scriptedLoad_integratesModelOverMeasuredIntervals() {
        FakeCpuReader reader = new FakeCpuReader(4)
                .then(0, 0) // at open
                .then(100, 200) // +2 s, load 0.5 -> 60 W -> 120 J
                .then(300, 400) // +1 s, load 1.0 -> 100 W -> 100 J
                .then(300, 600); // +2 s, load 0 -> 20 W -> 40 J
        CpuModelSource s = source(reader);

        clock.advance(Duration.ofSeconds(2));
        assertThat(read(s)).isCloseTo(120, within(1e-9));
        assertThat(sample.utilizationPercent(0)).isCloseTo(50, within(1e-9));
        clock.advance(Duration.ofSeconds(1));
        assertThat(read(s)).isCloseTo(220, within(1e-9));
        clock.advance(Duration.ofSeconds(2));
        assertThat(read(s)).isCloseTo(260, within(1e-9));
    }

    @Test
    void read_unreadableLoad_nanThenNextReadCoversTheGap() {
        FakeCpuReader reader = new FakeCpuReader(4).then(0, 0).thenUnreadable().then(400, 400);
        CpuModelSource s = source(reader);

        clock.advance(Duration.ofSeconds(1));
        assertThat(read(s)).isNaN();
        clock.advance(Duration.ofSeconds(1));
        // 2 s at full load since the last good read.
        assertThat(read(s)).isCloseTo(200, within(1e-9));
    }

    @Test
    void read_noTimePassed_addsNothingAndKeepsTickBaseline() {
        FakeCpuReader reader = new FakeCpuReader(4).then(0, 0).then(0, 100).then(100, 200);
        CpuModelSource s = source(reader);

        assertThat(read(s)).isZero();
        clock.advance(Duration.ofSeconds(1));
        // load since open: 100 busy of 200 -> 60 W for 1 s.
        assertThat(read(s)).isCloseTo(60, within(1e-9));
    }

    @Test
    void read_noTickElapsed_usesLastLoad() {
        FakeCpuReader reader = new FakeCpuReader(4).then(0, 0).then(100, 100).then(100, 100);
        CpuModelSource s = source(reader);

        clock.advance(Duration.ofSeconds(1));
        assertThat(read(s)).isCloseTo(100, within(1e-9));
        clock.advance(Duration.ofMillis(5));
        assertThat(read(s)).isCloseTo(100.5, within(1e-9));
    }

    @Test
    void close_twice_closesReaderOnceAndReadThrows() {
        FakeCpuReader reader = new FakeCpuReader(4).then(0, 0);
        CpuModelSource s = source(reader);

        s.close();
        s.close();

        assertThat(reader.closeCalls).isEqualTo(1);
        assertThatThrownBy(() -> s.read(sample)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void provider_openWithFakes_estimateChannelWithMatchedRow() throws Exception {
        TestContext context = new TestContext();
        FakeCpuReader reader = new FakeCpuReader(16).then(0, 0).then(0, 1600);
        CpuModelProvider provider = new CpuModelProvider(
                () -> new CpuFacts("Intel(R) Core(TM) i7-8700K CPU @ 3.70GHz", 1, 12, false), () -> reader,
                TdpTable::bundled);

        assertThat(provider.name()).isEqualTo("cpu-model");
        assertThat(provider.priority()).isEqualTo(-100);
        assertThat(provider.probe(context).isAvailable()).isTrue();
        try (PowerSource s = provider.open(context)) {
            assertThat(s.channels()).singleElement().satisfies(ch -> {
                assertThat(ch.component()).isEqualTo(Component.CPU);
                assertThat(ch.measurement()).isEqualTo(Measurement.ESTIMATE);
                assertThat(ch.description()).contains("exact match 'Intel Core i7-8700K', 95 W x 1 socket");
            });
            context.clock.advance(Duration.ofSeconds(10));
            // Idle machine: 95 W x 0.74 / 3.5 for 10 s.
            assertThat(read(s)).isCloseTo(95 * 0.74 / 3.5 * 10, within(1e-9));
        }
    }
}
