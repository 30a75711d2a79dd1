package io.carbon4j.tracker.rapl.internal;

import static io.carbon4j.tracker.rapl.internal.FakePowercap.XEON_RANGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.carbon4j.tracker.ChannelEnergy;
import io.carbon4j.tracker.ConfigSource;
import io.carbon4j.tracker.EmissionsResult;
import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.Provenance;
import io.carbon4j.tracker.SourceReport;
import io.carbon4j.tracker.test.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider found by ServiceLoader and driven by the real tracker over a fake powercap tree. */
class RaplEndToEndTest {

    @TempDir
    Path root;

    private final ManualClock clock = new ManualClock();

    private EmissionsTracker.Builder builder() {
        return EmissionsTracker.builder(ConfigSource.empty())
                .raplRoot(root)
                .outputFormats("none")
                .registerShutdownHook(false)
                .carbonIntensity(100)
                .clock(clock)
                // Far beyond the test's run time, so the only samples are the first and the final one and the
                // sampler thread never reads while the test writes the fake counters.
                .samplingInterval(Duration.ofHours(1))
                .discoverPowerSources(true);
    }

    @Test
    void stop_twoSocketsWithAWrap_reportsMeasuredCpuAndRamPerChannel() {
        FakePowercap fake = new FakePowercap(root).twoSockets();
        fake.energy("intel-rapl:1", XEON_RANGE - 200_000_000L);
        EmissionsTracker tracker = builder().start();

        fake.energy("intel-rapl:0", 1_000_000L + 1_500_000_000L);
        fake.energy("intel-rapl:1", 1_000_000_000L);
        fake.energy("intel-rapl:0/intel-rapl:0:1", 70_000L + 100_000_000L);
        fake.energy("intel-rapl:1/intel-rapl:1:1", 140_000L + 80_000_000L);
        clock.advance(Duration.ofSeconds(10));
        EmissionsResult result = tracker.stop();

        assertThat(result.cpu().energyJoules()).isCloseTo(1500 + 1200, within(1e-6));
        assertThat(result.cpu().provenance()).isEqualTo(Provenance.MEASURED);
        assertThat(result.ram().energyJoules()).isCloseTo(180, within(1e-6));
        assertThat(result.ram().provenance()).isEqualTo(Provenance.MEASURED);
        Map<String, Double> perChannel = result.channels().stream()
                .collect(Collectors.toMap(c -> c.channel().id(), ChannelEnergy::energyJoules));
        assertThat(perChannel).containsOnlyKeys("package-0", "package-1", "dram-0", "dram-1");
        assertThat(perChannel.get("package-0")).isCloseTo(1500, within(1e-6));
        assertThat(perChannel.get("package-1")).isCloseTo(1200, within(1e-6));
        assertThat(perChannel.get("dram-0")).isCloseTo(100, within(1e-6));
        assertThat(perChannel.get("dram-1")).isCloseTo(80, within(1e-6));
        assertThat(result.channels()).allSatisfy(c -> assertThat(c.source()).isEqualTo("rapl"));
        // 2880 J = 0.0008 kWh at 100 g/kWh
        assertThat(result.emissionsKg()).isCloseTo(0.0008 * 0.1, within(1e-12));
        assertThat(result.sources()).filteredOn(r -> r.name().equals("rapl"))
                .singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(SourceReport.Status.USED));
    }

    @Test
    void stop_energyDenied_skipsRaplWithThePermissionReason() {
        new FakePowercap(root).oneSocket();
        // Discovery finds the real provider; the denial is simulated by registering the seam-backed one first, under
        // the same name, which wins over the discovered one.
        EmissionsTracker tracker = builder()
                .addPowerSource(new RaplPowerSourceProvider(path -> {
                    if (path.endsWith("energy_uj")) {
                        throw new java.nio.file.AccessDeniedException(path.toString());
                    }
                    return java.nio.channels.FileChannel.open(path);
                }))
                .start();

        EmissionsResult result = tracker.stop();

        assertThat(result.cpu().provenance()).isNotEqualTo(Provenance.MEASURED);
        assertThat(result.sources()).filteredOn(r -> r.name().equals("rapl"))
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("rapl-permission"));
    }
}
