package io.carbon4j.tracker.nvml.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.carbon4j.tracker.ConfigSource;
import io.carbon4j.tracker.EmissionsResult;
import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.SourceReport;
import io.carbon4j.tracker.test.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole tracker with the NVML source on the compiled fake library. */
class NvmlTrackerEndToEndTest {

    private final FakeNvml fake = FakeNvml.load();
    private final ManualClock clock = new ManualClock();

    private EmissionsTracker.Builder builder(Path library) {
        return EmissionsTracker.builder(ConfigSource.empty())
                .discoverPowerSources(false)
                .addPowerSource(new NvmlPowerSourceProvider(null, Map.<String, String>of()::get))
                .nvmlLibrary(library)
                .sources("nvml")
                .outputFormats("none")
                .registerShutdownHook(false)
                .carbonIntensity(100)
                .samplingInterval(Duration.ofHours(1))
                .clock(clock);
    }

    @Test
    void stop_twoGpusAtKnownPower_reportsTheirEnergyAndModel() {
        fake.fake_nvml_set_device(0, "NVIDIA A100-SXM4-40GB", "GPU-aaaa0000-0000-0000-0000-000000000000");
        fake.fake_nvml_set_device(1, "NVIDIA A100-SXM4-40GB", "GPU-bbbb0000-0000-0000-0000-000000000000");
        fake.fake_nvml_set_device_count(2);
        fake.fake_nvml_set_power(0, 300_000, 0, 0);
        fake.fake_nvml_set_power(1, 150_000, 0, 0);
        fake.fake_nvml_set_energy_result(1, FakeNvml.NOT_SUPPORTED); // one counter, one power-polled GPU
        double truth = (300 + 150) * 120.0;

        EmissionsTracker tracker = builder(FakeNvml.path()).start();
        fake.fake_nvml_advance_ms(120_000);
        clock.advance(Duration.ofSeconds(120));
        EmissionsResult result = tracker.stop();

        System.out.printf(Locale.ROOT, "end-to-end: gpu %.3f J, truth %.3f J, error %+.4f %%%n",
                result.gpu().energyJoules(), truth, (result.gpu().energyJoules() - truth) / truth * 100);
        assertThat(result.gpu().energyJoules()).isCloseTo(truth, within(truth * 0.01));
        assertThat(result.environment().gpuModel()).isEqualTo("2 x NVIDIA A100-SXM4-40GB");
        assertThat(result.environment().gpuCount()).isEqualTo(2);
        assertThat(result.sources()).filteredOn(r -> r.name().equals("nvml"))
                .extracting(SourceReport::status).containsExactly(SourceReport.Status.USED);
        assertThat(fake.fake_nvml_ref_count()).isZero();
        assertThat(fake.fake_nvml_init_calls()).isEqualTo(fake.fake_nvml_shutdown_calls());
    }

    @Test
    void stop_noLibraryInDirectory_runsAndReportsNvmlUnavailable(@TempDir Path empty) {
        EmissionsTracker tracker = builder(empty).start();
        clock.advance(Duration.ofSeconds(10));
        EmissionsResult result = tracker.stop();

        assertThat(result.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(result.sources()).filteredOn(r -> r.name().equals("nvml")).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(SourceReport.Status.UNAVAILABLE);
            assertThat(r.reason()).contains(empty.toString()).contains("#nvml-not-found");
        });
    }

    @Test
    void start_discovery_findsTheNvmlProvider(@TempDir Path empty) {
        // ServiceLoader through the core (which declares `uses`); the empty directory keeps it from any real GPU.
        EmissionsTracker tracker = EmissionsTracker.builder(ConfigSource.empty())
                .nvmlLibrary(empty)
                .sources("nvml")
                .outputFormats("none")
                .registerShutdownHook(false)
                .carbonIntensity(100)
                .clock(clock)
                .start();
        EmissionsResult result = tracker.stop();

        assertThat(result.sources()).extracting(SourceReport::name).contains("nvml");
    }
}
