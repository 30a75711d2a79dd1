package io.carbon4j.tracker.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbon4j.tracker.spi.Component;
import io.carbon4j.tracker.spi.EnergySample;
import io.carbon4j.tracker.spi.PowerSource;
import io.carbon4j.tracker.spi.PowerSourceException;
import org.junit.jupiter.api.Test;

class FakePowerSourceTest {

    private final ManualClock clock = new ManualClock();
    private final TestSourceContext context = TestSourceContext.create().withClock(clock);

    private static EnergySample read(PowerSource source) {
        EnergySample sample = new EnergySample(source.channels().size());
        source.read(sample);
        return sample;
    }

    @Test
    void read_constantPower_isWattsTimesElapsedSinceOpen() {
        clock.advanceSeconds(10); // before open: not counted
        PowerSource source = FakePowerSource.cpu(40.0).open(context);
        clock.advanceSeconds(2.5);

        assertThat(read(source).joules(0)).isEqualTo(100.0);
    }

    @Test
    void setWatts_midRun_keepsEnergyAtTheOldPower() {
        FakePowerSource fake = new FakePowerSource("fake")
                .channel("cpu-0", Component.CPU, 10.0)
                .channel("gpu-0", Component.GPU, 300.0);
        PowerSource source = fake.open(context);
        clock.advanceSeconds(2);
        fake.setWatts("cpu-0", 50.0);
        clock.advanceSeconds(1);

        EnergySample sample = read(source);

        assertThat(sample.joules(0)).isEqualTo(70.0);
        assertThat(sample.joules(1)).isEqualTo(900.0);
        assertThat(fake.joules("cpu-0")).isEqualTo(70.0);
    }

    @Test
    void setUnreadable_channel_isNaNThenResumesWithoutLosingEnergy() {
        FakePowerSource fake = FakePowerSource.cpu(10.0);
        PowerSource source = fake.open(context);
        fake.setUnreadable("cpu-0", true);
        clock.advanceSeconds(1);
        double missing = read(source).joules(0);
        fake.setUnreadable("cpu-0", false);
        clock.advanceSeconds(1);

        assertThat(missing).isNaN();
        assertThat(read(source).joules(0)).isEqualTo(20.0);
    }

    @Test
    void failReads_read_throwsAndIsCounted() {
        FakePowerSource fake = FakePowerSource.cpu(10.0);
        PowerSource source = fake.open(context);
        fake.failReads(true);

        assertThatThrownBy(() -> read(source)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("injected");
        fake.failReads(false);
        read(source);
        assertThat(fake.readCount()).isEqualTo(2);
    }

    @Test
    void failOpen_probeAndOpen_reportTheReason() {
        FakePowerSource fake = FakePowerSource.cpu(10.0);
        fake.failOpen("no such device");

        assertThat(fake.probe(context).isAvailable()).isFalse();
        assertThat(fake.probe(context).reason()).isEqualTo("no such device");
        assertThatThrownBy(() -> fake.open(context)).isInstanceOf(PowerSourceException.class)
                .hasMessage("no such device");
        assertThat(fake.openCount()).isZero();
    }

    @Test
    void close_twice_countsBothAndReadAfterCloseThrows() {
        FakePowerSource fake = FakePowerSource.cpu(10.0);
        PowerSource source = fake.open(context);

        source.close();
        source.close();

        assertThat(fake.closeCount()).isEqualTo(2);
        assertThat(fake.isClosed()).isTrue();
        assertThatThrownBy(() -> read(source)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void open_again_startsFromZero() {
        FakePowerSource fake = FakePowerSource.cpu(10.0);
        fake.open(context).close();
        clock.advanceSeconds(5);

        PowerSource again = fake.open(context);
        clock.advanceSeconds(1);

        assertThat(read(again).joules(0)).isEqualTo(10.0);
        assertThat(fake.openCount()).isEqualTo(2);
    }

    @Test
    void channel_afterOpenOrDuplicateOrNegative_isRejected() {
        FakePowerSource fake = FakePowerSource.cpu(10.0);

        assertThatThrownBy(() -> fake.channel("cpu-0", Component.CPU, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> fake.channel("cpu-1", Component.CPU, -1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cpu-1");
        fake.open(context);
        assertThatThrownBy(() -> fake.channel("cpu-1", Component.CPU, 1.0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("fixed at open");
    }
}
