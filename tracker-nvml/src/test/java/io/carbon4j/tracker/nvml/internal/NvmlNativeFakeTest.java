package io.carbon4j.tracker.nvml.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.carbon4j.tracker.TrackingMode;
import io.carbon4j.tracker.spi.Availability;
import io.carbon4j.tracker.spi.Channel;
import io.carbon4j.tracker.spi.EnergySample;
import io.carbon4j.tracker.spi.Measurement;
import io.carbon4j.tracker.spi.PowerSource;
import io.carbon4j.tracker.spi.PowerSourceException;
import io.carbon4j.tracker.test.ManualClock;
import io.carbon4j.tracker.test.TestSourceContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The binding through real native calls: JNA, the C ABI and the provider's loader, against the compiled fake
 * {@code libnvidia-ml} (src/test/c/fake_nvml.c) whose scripted power is the truth.
 */
class NvmlNativeFakeTest {

    private final FakeNvml fake = FakeNvml.load();
    private final Map<String, String> env = new HashMap<>();
    private final ManualClock clock = new ManualClock();
    private TestSourceContext context = TestSourceContext.create().withClock(clock);

    @BeforeEach
    void twoGpus() {
        context = context.withNvmlLibrary(FakeNvml.path());
        fake.fake_nvml_set_device(0, "NVIDIA H100 80GB HBM3", "GPU-1d2e3f40-aaaa-bbbb-cccc-000000000000");
        fake.fake_nvml_set_device(1, "NVIDIA H100 80GB HBM3", "GPU-5a6b7c80-aaaa-bbbb-cccc-000000000001");
        fake.fake_nvml_set_device_count(2);
        // Power that swings, so that sampling has something to miss; counters far from zero, like a long-up driver.
        fake.fake_nvml_set_power(0, 250_000, 100_000, 7_000);
        fake.fake_nvml_set_power(1, 120_000, 60_000, 3_300);
        fake.fake_nvml_set_energy_offset_mj(0, 1.2e9);
        fake.fake_nvml_set_energy_offset_mj(1, 7.5e8);
        fake.fake_nvml_set_memory(0, 80L << 30, 1L << 30);
    }

    private NvmlPowerSourceProvider provider() {
        return new NvmlPowerSourceProvider(null, env::get);
    }

    /** Reads every {@code stepMillis} for {@code seconds}, moving the fake's time and the tracker's clock alike. */
    private double[] run(PowerSource source, double stepMillis, double seconds) {
        EnergySample sample = new EnergySample(source.channels().size());
        int steps = (int) Math.round(seconds * 1000 / stepMillis);
        for (int s = 0; s < steps; s++) {
            fake.fake_nvml_advance_ms(stepMillis);
            clock.advance(Duration.ofNanos(Math.round(stepMillis * 1_000_000)));
            sample.clear();
            source.read(sample);
        }
        return new double[] {sample.joules(0), sample.joules(1)};
    }

    private static void report(String what, double measured, double truth) {
        System.out.printf(Locale.ROOT, "%s: measured %.3f J, truth %.3f J, error %+.4f %%%n", what, measured, truth,
                (measured - truth) / truth * 100);
    }

    @Test
    void read_counterMode_matchesScriptedEnergyWithinOnePercent() {
        double[] start = {fake.fake_nvml_true_energy_mj(0), fake.fake_nvml_true_energy_mj(1)};
        try (PowerSource source = provider().open(context)) {
            assertThat(source.channels()).extracting(Channel::measurement)
                    .containsOnly(Measurement.COUNTER);

            double[] joules = run(source, 1_000, 600);

            for (int g = 0; g < 2; g++) {
                double truth = (fake.fake_nvml_true_energy_mj(g) - start[g]) / 1000;
                report("counter gpu-" + g + " 600 s", joules[g], truth);
                assertThat(joules[g]).isCloseTo(truth, within(truth * 0.01)).isCloseTo(truth, within(0.002));
            }
        }
    }

    @ParameterizedTest(name = "every {0} ms")
    @CsvSource({"100", "1000"})
    void read_powerPollingMode_matchesScriptedEnergyWithinOnePercent(double stepMillis) {
        fake.fake_nvml_set_energy_result(0, FakeNvml.NOT_SUPPORTED);
        fake.fake_nvml_set_energy_result(1, FakeNvml.NOT_SUPPORTED);
        double[] start = {fake.fake_nvml_true_energy_mj(0), fake.fake_nvml_true_energy_mj(1)};
        try (PowerSource source = provider().open(context)) {
            assertThat(source.channels()).extracting(Channel::measurement)
                    .containsOnly(Measurement.INTEGRATED_POWER);

            double[] joules = run(source, stepMillis, 600);

            for (int g = 0; g < 2; g++) {
                double truth = (fake.fake_nvml_true_energy_mj(g) - start[g]) / 1000;
                report("power polling gpu-" + g + " every " + stepMillis + " ms, 600 s", joules[g], truth);
                assertThat(joules[g]).isCloseTo(truth, within(truth * 0.01));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"9, DRIVER_NOT_LOADED", "4, NO_PERMISSION", "18, LIB_RM_VERSION_MISMATCH", "999, UNKNOWN"})
    void open_initFails_throwsNamingCodeAndTakesNoReference(int code, String name) {
        fake.fake_nvml_set_init_result(code);

        assertThatThrownBy(() -> provider().open(context))
                .isInstanceOf(PowerSourceException.class)
                .hasMessageContaining(name)
                .hasMessageContaining("nvml-not-found");
        assertThat(fake.fake_nvml_init_calls()).isEqualTo(1);
        assertThat(fake.fake_nvml_shutdown_calls()).isZero();
        assertThat(fake.fake_nvml_ref_count()).isZero();
    }

    @Test
    void probe_driverNotLoaded_isUnavailableNamingCode() {
        fake.fake_nvml_set_init_result(FakeNvml.DRIVER_NOT_LOADED);

        Availability a = provider().probe(context);

        assertThat(a.isAvailable()).isFalse();
        assertThat(a.reason()).contains("DRIVER_NOT_LOADED (9: Driver Not Loaded)");
    }

    @Test
    void probeOpenClose_balanceInitAndShutdown() {
        Availability a = provider().probe(context);
        PowerSource source = provider().open(context);
        int referencesWhileOpen = fake.fake_nvml_ref_count();

        source.close();
        source.close();

        assertThat(a.isAvailable()).isTrue();
        assertThat(a.reason()).contains("2 GPUs: 0 NVIDIA H100 80GB HBM3, 1 NVIDIA H100 80GB HBM3");
        assertThat(referencesWhileOpen).isEqualTo(1);
        assertThat(fake.fake_nvml_init_calls()).isEqualTo(2);
        assertThat(fake.fake_nvml_shutdown_calls()).isEqualTo(2);
        assertThat(fake.fake_nvml_ref_count()).isZero();
    }

    @Test
    void read_afterClose_usesNoHandle() {
        PowerSource source = provider().open(context);
        run(source, 100, 1);
        source.close();

        assertThatThrownBy(() -> source.read(new EnergySample(2))).isInstanceOf(IllegalStateException.class);
        assertThat(fake.fake_nvml_calls_while_uninitialized()).isZero();
    }

    @Test
    void read_gpuLostMidRun_isNanWhileTheOtherContinues() {
        try (PowerSource source = provider().open(context)) {
            double[] before = run(source, 100, 5);
            fake.fake_nvml_set_lost(0, 1);
            int callsBefore = fake.fake_nvml_device_calls();
            double[] after = run(source, 100, 5);
            int callsPerRead = (fake.fake_nvml_device_calls() - callsBefore) / 50;

            assertThat(before[0]).isPositive();
            assertThat(after[0]).isNaN();
            assertThat(after[1]).isGreaterThan(before[1]);
            // the lost GPU is no longer called: only the other GPU's energy and utilisation remain
            assertThat(callsPerRead).isEqualTo(2);
        }
    }

    @Test
    void read_utilization_comesThroughTheStruct() {
        fake.fake_nvml_set_utilization(1, 93, 40);
        try (PowerSource source = provider().open(context)) {
            EnergySample sample = new EnergySample(2);
            source.read(sample);

            assertThat(sample.utilizationPercent(0)).isZero();
            assertThat(sample.utilizationPercent(1)).isEqualTo(93.0);
            assertThat(source.channels().get(0).attributes()).containsEntry("memory_total_bytes",
                    Long.toString(80L << 30));
        }
    }

    @Test
    void read_processMode_chargesSmShareOnSharedGpuAndNothingElsewhere() {
        context = context.withTrackingMode(TrackingMode.PROCESS);
        fake.fake_nvml_set_processes(0, 2, new int[] {4242, 5000});
        fake.fake_nvml_set_processes(1, 1, new int[] {5000});
        fake.fake_nvml_add_process_sample(0, 4242, 50, 99); // history before open: not charged
        try (PowerSource source = provider().open(context)) {
            fake.fake_nvml_add_process_sample(0, 4242, 100, 60);
            fake.fake_nvml_add_process_sample(0, 5000, 101, 20);
            fake.fake_nvml_add_process_sample(1, 5000, 102, 80);
            EnergySample sample = new EnergySample(2);
            fake.fake_nvml_advance_ms(1_000);
            clock.advanceSeconds(1);

            source.read(sample);

            assertThat(sample.processJoules(0)).isCloseTo(sample.joules(0) * 0.75, within(1e-9));
            assertThat(sample.processJoules(0)).isPositive();
            assertThat(sample.processJoules(1)).isZero();
        }
    }

    @Test
    void read_processListGrowsBetweenSizingAndFetch_stillFindsThisProcess() {
        context = context.withTrackingMode(TrackingMode.PROCESS);
        int[] pids = new int[20];
        for (int i = 0; i < pids.length; i++) {
            pids[i] = 6000 + i;
        }
        pids[19] = 4242;
        fake.fake_nvml_set_processes(0, pids.length, pids);
        fake.fake_nvml_set_process_size_races(0, 2);
        try (PowerSource source = provider().open(context)) {
            fake.fake_nvml_add_process_sample(0, 4242, 100, 50);
            fake.fake_nvml_add_process_sample(0, 6000, 100, 50);
            fake.fake_nvml_advance_ms(1_000);
            clock.advanceSeconds(1);
            EnergySample sample = new EnergySample(2);

            source.read(sample);

            assertThat(sample.processJoules(0)).isCloseTo(sample.joules(0) / 2, within(1e-9));
        }
    }

    @Test
    void open_cudaVisibleDevicesMig_measuresTheParentGpu() {
        fake.fake_nvml_add_mig(1, "MIG-0f0e0d0c-1111-2222-3333-444444444444");
        env.put("CUDA_VISIBLE_DEVICES", "MIG-0f0e0d0c-1111-2222-3333-444444444444");

        try (PowerSource source = provider().open(context)) {
            assertThat(source.channels()).extracting(Channel::id).containsExactly("gpu-1");
        }
    }

    @Test
    void open_cudaVisibleDevicesReordered_keepsCudaOrderAndNvmlIds() {
        env.put("CUDA_VISIBLE_DEVICES", "GPU-5a6b,0");

        try (PowerSource source = provider().open(context)) {
            assertThat(source.channels()).extracting(Channel::id).containsExactly("gpu-1", "gpu-0");
        }
    }

    @Test
    void probe_libraryDirectory_findsSoname(@TempDir Path dir) throws IOException {
        // A link, not a copy: the dynamic loader maps the same file once, so the fake's scripted state is shared.
        Files.createSymbolicLink(dir.resolve("libnvidia-ml.so.1"), FakeNvml.path().toAbsolutePath());
        context = context.withNvmlLibrary(dir);

        Availability a = provider().probe(context);

        assertThat(a.isAvailable()).isTrue();
        assertThat(a.reason()).contains("2 GPUs").contains("libnvidia-ml.so.1");
    }

    @Test
    void probe_emptyLibraryDirectory_isUnavailableWithNamesAndLink(@TempDir Path dir) {
        context = context.withNvmlLibrary(dir);

        Availability a = provider().probe(context);

        assertThat(a.isAvailable()).isFalse();
        assertThat(a.reason()).contains(dir.toString()).contains("libnvidia-ml.so.1").contains("#nvml-not-found");
    }

    @Test
    void probe_notALibrary_isUnavailableWithoutThrowing(@TempDir Path dir) throws IOException {
        Path bogus = Files.writeString(dir.resolve("libnvidia-ml.so.1"), "not an ELF file");
        context = context.withNvmlLibrary(bogus);

        Availability a = provider().probe(context);

        assertThat(a.isAvailable()).isFalse();
        assertThat(a.reason()).contains("could not be loaded").contains("#nvml-not-found");
    }
}
