package io.carbon4j.tracker.internal.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.carbon4j.tracker.spi.Channel;
import io.carbon4j.tracker.spi.Component;
import io.carbon4j.tracker.spi.EnergySample;
import io.carbon4j.tracker.spi.Measurement;
import io.carbon4j.tracker.spi.PowerSource;
import io.carbon4j.tracker.spi.PowerSourceException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConstantProvidersTest {

    private final TestContext context = new TestContext();

    private static double[] read(PowerSource s) {
        EnergySample sample = new EnergySample(s.channels().size());
        s.read(sample);
        double[] out = new double[s.channels().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = sample.joules(i);
        }
        return out;
    }

    @Test
    void forced_notSet_unavailableWithReason() {
        ForcedPowerProvider p = new ForcedPowerProvider();

        assertThat(p.probe(context).isAvailable()).isFalse();
        assertThat(p.probe(context).reason()).contains("carbon4j.cpu.power", "carbon4j.ram.power");
        assertThatThrownBy(() -> p.open(context)).isInstanceOf(PowerSourceException.class);
    }

    @Test
    void forced_cpuPower_winsByPriorityAndIntegratesConstant() throws Exception {
        context.with("cpu.power", "65");
        ForcedPowerProvider p = new ForcedPowerProvider();

        assertThat(p.priority()).isGreaterThan(100);
        assertThat(p.probe(context).isAvailable()).isTrue();
        try (PowerSource s = p.open(context)) {
            assertThat(s.channels()).singleElement().satisfies(ch -> {
                assertThat(ch.component()).isEqualTo(Component.CPU);
                assertThat(ch.measurement()).isEqualTo(Measurement.ESTIMATE);
                assertThat(ch.description()).isEqualTo("forced by carbon4j.cpu.power (65 W)");
            });
            context.clock.advance(Duration.ofSeconds(10));
            assertThat(read(s)).containsExactly(650.0);
            context.clock.advance(Duration.ofMillis(500));
            assertThat(read(s)).containsExactly(682.5);
        }
    }

    @Test
    void forced_cpuAndRam_twoChannels() throws Exception {
        context.with("cpu.power", "40.5").with("ram.power", "10");
        try (PowerSource s = new ForcedPowerProvider().open(context)) {
            assertThat(s.channels()).extracting(Channel::component).containsExactly(Component.CPU, Component.RAM);
            assertThat(s.channels().get(1).description()).isEqualTo("forced by carbon4j.ram.power (10 W)");
            context.clock.advance(Duration.ofSeconds(2));
            assertThat(read(s)).containsExactly(81.0, 20.0);
        }
    }

    @Test
    void forced_invalidValue_unavailableNamingKeyValueAndForm() {
        context.with("ram.power", "ten");

        assertThat(new ForcedPowerProvider().probe(context).reason())
                .isEqualTo("Invalid value 'ten' for carbon4j.ram.power; expected a power in watts from 0 to 100000,"
                        + " such as 65");
    }

    @Test
    void ram_sixteenGib_perGibModel() throws Exception {
        RamModelProvider p = new RamModelProvider(() -> 16L << 30);

        assertThat(p.name()).isEqualTo("ram-model");
        assertThat(p.priority()).isEqualTo(-100);
        try (PowerSource s = p.open(context)) {
            Channel ch = s.channels().get(0);
            assertThat(ch.component()).isEqualTo(Component.RAM);
            assertThat(ch.measurement()).isEqualTo(Measurement.ESTIMATE);
            assertThat(ch.description())
                    .isEqualTo("estimated (0.392 W per GiB x 16.0 GiB installed = 6.272 W;"
                            + " Cloud Carbon Footprint memory coefficient)");
            context.clock.advance(Duration.ofSeconds(10));
            assertThat(read(s)[0]).isCloseTo(62.72, within(1e-9));
        }
    }

    @Test
    void ram_unknownMemory_openFails() {
        assertThatThrownBy(() -> new RamModelProvider(() -> -1).open(context))
                .isInstanceOf(PowerSourceException.class)
                .hasMessageContaining("installed memory");
    }

    @Test
    void constantSource_readAfterClose_throws() throws Exception {
        context.with("cpu.power", "1");
        PowerSource s = new ForcedPowerProvider().open(context);
        s.close();
        s.close();

        assertThatThrownBy(() -> read(s)).isInstanceOf(IllegalStateException.class);
    }
}
