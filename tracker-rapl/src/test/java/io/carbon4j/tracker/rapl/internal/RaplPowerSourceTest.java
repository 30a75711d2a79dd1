package io.carbon4j.tracker.rapl.internal;

import static io.carbon4j.tracker.rapl.internal.FakePowercap.XEON_RANGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.carbon4j.tracker.spi.Channel;
import io.carbon4j.tracker.spi.Component;
import io.carbon4j.tracker.spi.EnergySample;
import io.carbon4j.tracker.spi.Measurement;
import io.carbon4j.tracker.spi.PowerSource;
import io.carbon4j.tracker.test.ManualClock;
import io.carbon4j.tracker.test.TestSourceContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class RaplPowerSourceTest {

    private static final Logger LOG = LoggerFactory.getLogger(RaplPowerSourceTest.class);

    @TempDir
    Path root;

    private final ManualClock clock = new ManualClock();

    private RaplPowerSource open() throws Exception {
        return (RaplPowerSource) new RaplPowerSourceProvider().open(TestSourceContext.create().withRaplRoot(root).withClock(clock));
    }

    private static double[] read(PowerSource source) {
        EnergySample sample = new EnergySample(source.channels().size());
        source.read(sample);
        double[] j = new double[sample.channelCount()];
        for (int i = 0; i < j.length; i++) {
            j[i] = sample.joules(i);
        }
        return j;
    }

    @Test
    void channels_twoSockets_describeEachZone() throws Exception {
        new FakePowercap(root).twoSockets();

        try (RaplPowerSource source = open()) {
            assertThat(source.channels()).extracting(Channel::id, Channel::component, Channel::measurement)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("package-0", Component.CPU, Measurement.COUNTER),
                            org.assertj.core.groups.Tuple.tuple("package-1", Component.CPU, Measurement.COUNTER),
                            org.assertj.core.groups.Tuple.tuple("dram-0", Component.RAM, Measurement.COUNTER),
                            org.assertj.core.groups.Tuple.tuple("dram-1", Component.RAM, Measurement.COUNTER));
            Channel p1 = source.channels().get(1);
            assertThat(p1.attributes()).containsEntry("socket", "1").containsEntry("zone", "intel-rapl:1")
                    .containsEntry("name", "package-1").containsEntry("max_energy_range_uj", Long.toString(XEON_RANGE))
                    .containsEntry("path", root.resolve("intel-rapl:1").toRealPath().toString());
            assertThat(p1.description()).isEqualTo("RAPL package-1 (intel-rapl:1)");
        }
    }

    @Test
    void read_twoSockets_reportsCumulativeJoulesPerZone() throws Exception {
        FakePowercap fake = new FakePowercap(root).twoSockets();
        try (RaplPowerSource source = open()) {
            fake.energy("intel-rapl:0", 1_000_000L + 150_000_000L);
            fake.energy("intel-rapl:1", 2_000_000L + 120_000_000L);
            fake.energy("intel-rapl:0/intel-rapl:0:1", 70_000L + 20_000_000L);
            fake.energy("intel-rapl:1/intel-rapl:1:1", 140_000L + 10_000_000L);
            clock.advance(Duration.ofSeconds(1));

            assertThat(read(source)).containsExactly(150.0, 120.0, 20.0, 10.0);
        }
    }

    @Test
    void read_counterWrapped_addsTheRange() throws Exception {
        FakePowercap fake = new FakePowercap(root);
        fake.zone("intel-rapl:0", "package-0", XEON_RANGE - 100, XEON_RANGE);
        try (RaplPowerSource source = open()) {
            fake.energy("intel-rapl:0", 50);
            clock.advance(Duration.ofSeconds(1));

            assertThat(read(source)).containsExactly(150e-6);
            assertThat(source.problem(0)).isNull();
        }
    }

    /**
     * A live counter at a known power with a small range, so that it wraps many times: every read sees at most one
     * wrap, as the source's safe interval guarantees. The fake models the hardware: a 16-bit counter of 61.035 uJ
     * units (2^-14 J), whose sysfs range is 0xffff units, so the true period is the range plus one unit, and each
     * sysfs value is truncated to whole units.
     */
    @Test
    void read_severalWrapsAtKnownPower_isWithinOneThousandth() throws Exception {
        double unitUj = 1e6 / 16384;
        long units = 1L << 16;
        long rangeUj = (long) ((units - 1) * unitUj);
        double watts = 157.3;
        long stepNanos = 1_500_000L;
        int reads = 2000;
        FakePowercap fake = new FakePowercap(root);
        fake.zone("intel-rapl:0", "package-0", 0, rangeUj);
        double trueUj = 0;

        try (RaplPowerSource source = open()) {
            assertThat(source.maxReadInterval()).hasValueSatisfying(d -> assertThat(d.toNanos())
                    .isGreaterThan(stepNanos));
            int wraps = 0;
            long lastRaw = 0;
            double reported = 0;
            for (int i = 0; i < reads; i++) {
                trueUj += watts * stepNanos / 1000.0;
                long raw = ((long) (trueUj / unitUj)) % units;
                if (raw < lastRaw) {
                    wraps++;
                }
                lastRaw = raw;
                fake.energy("intel-rapl:0", (long) (raw * unitUj));
                clock.advance(Duration.ofNanos(stepNanos));
                double now = read(source)[0];
                assertThat(now).isGreaterThanOrEqualTo(reported);
                reported = now;
            }
            double expected = trueUj / 1e6;
            double relativeError = Math.abs(reported - expected) / expected;
            LOG.info("wrap accuracy: {} wraps, reported {} J, true {} J, relative error {}",
                    wraps, reported, expected, relativeError);
            assertThat(wraps).isGreaterThanOrEqualTo(50);
            assertThat(reported).isCloseTo(expected, within(expected * 1e-3));
            assertThat(source.problem(0)).isNull();
        }
    }

    @Test
    void read_counterReset_countsNothingForThatIntervalAndRecordsAProblem() throws Exception {
        FakePowercap fake = new FakePowercap(root);
        fake.zone("intel-rapl:0", "package-0", 100_000_000_000L, XEON_RANGE);
        try (RaplPowerSource source = open()) {
            fake.energy("intel-rapl:0", 100_100_000_000L);
            clock.advance(Duration.ofSeconds(1));
            assertThat(read(source)).containsExactly(100_000.0 / 1000);

            // Reset to near zero: a "wrap" would mean 162 kJ in one second.
            fake.energy("intel-rapl:0", 5_000_000L);
            clock.advance(Duration.ofSeconds(1));
            assertThat(read(source)).containsExactly(100.0);
            assertThat(source.problem(0)).contains("reset or hot-plug").contains("100100000000 to 5000000 uJ");

            fake.energy("intel-rapl:0", 45_000_000L);
            clock.advance(Duration.ofSeconds(1));
            assertThat(read(source)).containsExactly(140.0);
        }
    }

    @Test
    void read_valueAboveRange_isNaNWithAProblem() throws Exception {
        FakePowercap fake = new FakePowercap(root);
        fake.zone("intel-rapl:0", "package-0", 1_000_000L, 10_000_000L);
        try (RaplPowerSource source = open()) {
            fake.energy("intel-rapl:0", 10_000_001L);

            assertThat(read(source)[0]).isNaN();
            assertThat(source.problem(0)).contains("above max_energy_range_uj 10000000");
        }
    }

    @Test
    void read_garbageEmptyAndMissingFiles_areNaNThenRecover() throws Exception {
        FakePowercap fake = new FakePowercap(root).oneSocket();
        try (RaplPowerSource source = open()) {
            fake.energy("intel-rapl:0", 3_000_000L);
            fake.text("intel-rapl:0/intel-rapl:0:2/energy_uj", "12ab\n");
            assertThat(read(source)).containsExactly(2.0, Double.NaN);

            fake.text("intel-rapl:0/energy_uj", "");
            fake.text("intel-rapl:0/intel-rapl:0:2/energy_uj", "   \n");
            assertThat(read(source)).containsExactly(Double.NaN, Double.NaN);

            fake.text("intel-rapl:0/energy_uj", "99999999999999999999999\n");
            fake.delete("intel-rapl:0/intel-rapl:0:2/energy_uj");
            assertThat(read(source)).containsExactly(Double.NaN, Double.NaN);

            fake.energy("intel-rapl:0", 4_000_000L);
            fake.energy("intel-rapl:0/intel-rapl:0:2", 1_200_000L);
            // The deleted file is a new file now: the source reopens it, after its back-off.
            double[] last = null;
            for (int i = 0; i < 4; i++) {
                last = read(source);
            }
            assertThat(last).containsExactly(3.0, 1.0);
            assertThat(source.problem(0)).isNull();
        }
    }

    @Test
    void maxReadInterval_typicalXeonRange_is131Seconds() throws Exception {
        new FakePowercap(root).zone("intel-rapl:0", "package-0", 1L, XEON_RANGE);

        try (RaplPowerSource source = open()) {
            Optional<Duration> interval = source.maxReadInterval();
            LOG.info("safe read interval for {} uJ: {}", XEON_RANGE, interval.orElseThrow());
            assertThat(interval).hasValue(Duration.ofNanos(131_071_664_425L));
        }
    }

    @Test
    void maxReadInterval_smallestRangeAndHighestStatedPower_win() throws Exception {
        FakePowercap fake = new FakePowercap(root).oneSocket();
        fake.text("intel-rapl:0/constraint_0_max_power_uw", "2000000000\n");

        try (RaplPowerSource source = open()) {
            // dram: 65 712 999 613 uJ at 1000 W -> 32.86 s; package: 262 143 328 850 uJ at 2000 W -> 65.5 s.
            assertThat(source.maxReadInterval()).hasValue(Duration.ofNanos(32_856_499_806L));
        }
    }

    @Test
    void safeIntervalNanos_statedPowerBelowDefault_keepsTheDefault() {
        RaplZone zone = new RaplZone("intel-rapl:0", "package-0", RaplZone.Kind.PACKAGE, root, root, XEON_RANGE,
                150.0, "package-0", 0, -1);

        assertThat(RaplPowerSource.plausibleMaxWatts(zone)).isEqualTo(1000.0);
        assertThat(RaplPowerSource.safeIntervalNanos(XEON_RANGE, 1000.0)).isEqualTo(131_071_664_425L);
    }

    @Test
    void close_twice_isIdempotentAndReadAfterCloseThrows() throws Exception {
        new FakePowercap(root).oneSocket();
        RaplPowerSource source = open();

        source.close();
        source.close();

        assertThatThrownBy(() -> read(source)).isInstanceOf(IllegalStateException.class);
    }
}
