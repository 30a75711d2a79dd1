package io.carbon4j.tracker.nvml.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.carbon4j.tracker.TrackingMode;
import io.carbon4j.tracker.spi.Availability;
import io.carbon4j.tracker.spi.Channel;
import io.carbon4j.tracker.spi.Component;
import io.carbon4j.tracker.spi.EnergySample;
import io.carbon4j.tracker.spi.Measurement;
import io.carbon4j.tracker.spi.PowerSource;
import io.carbon4j.tracker.spi.PowerSourceException;
import io.carbon4j.tracker.test.ManualClock;
import io.carbon4j.tracker.test.TestSourceContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Logic of the source and provider against the Java fake {@link FakeNvmlLibrary}. */
class NvmlPowerSourceTest {

    private final FakeNvmlLibrary lib = new FakeNvmlLibrary();
    private final Map<String, String> env = new HashMap<>();
    private final ManualClock clock = new ManualClock();
    private TestSourceContext context = TestSourceContext.create().withClock(clock);
    private FakeNvmlLibrary.Device gpu0;
    private FakeNvmlLibrary.Device gpu1;

    @BeforeEach
    void twoGpus() {
        gpu0 = lib.add("NVIDIA H200", "GPU-aaaaaaaa-1111-2222-3333-444444444444");
        gpu1 = lib.add("NVIDIA H200", "GPU-bbbbbbbb-1111-2222-3333-444444444444");
        gpu0.energyMj = 1_000_000;
        gpu1.energyMj = 5_000_000;
    }

    private NvmlPowerSourceProvider provider() {
        return new NvmlPowerSourceProvider(configured -> new LibraryLoader.LoadedLibrary(lib, "fake"), env::get);
    }

    private PowerSource open() {
        return provider().open(context);
    }

    private static EnergySample read(PowerSource source) {
        EnergySample sample = new EnergySample(source.channels().size());
        source.read(sample);
        return sample;
    }

    @Test
    void read_twoCounterGpus_reportsJoulesSinceOpen() {
        try (PowerSource source = open()) {
            gpu0.energyMj += 1_500;
            gpu1.energyMj += 250_000;

            EnergySample sample = read(source);

            assertThat(sample.joules(0)).isEqualTo(1.5);
            assertThat(sample.joules(1)).isEqualTo(250.0);
        }
    }

    @Test
    void channels_twoGpus_carryIndexUuidNameAndModel() {
        try (PowerSource source = open()) {
            Channel first = source.channels().get(0);

            assertThat(source.channels()).extracting(Channel::id).containsExactly("gpu-0", "gpu-1");
            assertThat(first.component()).isEqualTo(Component.GPU);
            assertThat(first.measurement()).isEqualTo(Measurement.COUNTER);
            assertThat(first.description()).isEqualTo("NVIDIA H200 (GPU-aaaaaaaa-1111-2222-3333-444444444444)");
            assertThat(first.attributes())
                    .containsEntry("index", "0")
                    .containsEntry("uuid", "GPU-aaaaaaaa-1111-2222-3333-444444444444")
                    .containsEntry("name", "NVIDIA H200")
                    .containsEntry("model", "NVIDIA H200")
                    .containsEntry("memory_total_bytes", Long.toString(80L << 30));
        }
    }

    @Test
    void open_counterNotSupported_integratesPowerOverContextClock() {
        gpu1.energyResult = NvmlReturn.NOT_SUPPORTED.code();
        gpu1.powerMw = 200_000;
        try (PowerSource source = open()) {
            assertThat(source.channels().get(1).measurement()).isEqualTo(Measurement.INTEGRATED_POWER);
            clock.advanceSeconds(1);
            gpu1.powerMw = 300_000;

            EnergySample sample = read(source);

            assertThat(sample.joules(1)).isCloseTo(250.0, within(1e-9)); // trapezoid (200 W + 300 W) / 2 x 1 s
        }
    }

    @Test
    void read_utilization_isReportedPerGpu() {
        gpu0.utilization = 87;
        gpu1.utilizationResult = NvmlReturn.NOT_SUPPORTED.code();
        try (PowerSource source = open()) {
            EnergySample sample = read(source);

            assertThat(sample.utilizationPercent(0)).isEqualTo(87.0);
            assertThat(sample.utilizationPercent(1)).isNaN();
            assertThat(sample.joules(1)).isZero();
        }
    }

    @Test
    void open_driverNotLoaded_throwsNamingCodeAndNeverShutsDown() {
        lib.initResult = NvmlReturn.DRIVER_NOT_LOADED.code();

        assertThatThrownBy(this::open)
                .isInstanceOf(PowerSourceException.class)
                .hasMessageContaining("DRIVER_NOT_LOADED")
                .hasMessageContaining("fake error 9")
                .hasMessageContaining("troubleshooting.md#nvml-not-found");
        assertThat(lib.initCalls).isEqualTo(1);
        assertThat(lib.shutdownCalls).isZero();
    }

    @Test
    void probe_driverNotLoaded_isUnavailableWithReason() {
        lib.initResult = NvmlReturn.DRIVER_NOT_LOADED.code();

        Availability a = provider().probe(context);

        assertThat(a.isAvailable()).isFalse();
        assertThat(a.reason()).contains("DRIVER_NOT_LOADED").contains("#nvml-not-found");
        assertThat(lib.shutdownCalls).isZero();
    }

    @Test
    void probe_libraryMissing_isUnavailableWithLoaderReason() {
        NvmlPowerSourceProvider provider = new NvmlPowerSourceProvider(configured -> {
            throw new LibraryLoader.NvmlLoadException("libnvidia-ml not found; see docs/troubleshooting.md#nvml-not-found");
        }, env::get);

        Availability a = provider.probe(context);

        assertThat(a.isAvailable()).isFalse();
        assertThat(a.reason()).contains("libnvidia-ml not found").contains("#nvml-not-found");
    }

    @Test
    void probe_twoGpus_isAvailableAndBalancesInitAndShutdown() {
        Availability a = provider().probe(context);

        assertThat(a.isAvailable()).isTrue();
        assertThat(a.reason()).contains("2 GPUs").contains("NVIDIA H200").contains("fake");
        assertThat(lib.initCalls).isEqualTo(1);
        assertThat(lib.shutdownCalls).isEqualTo(1);
    }

    @Test
    void close_twice_shutsDownOnce() {
        PowerSource source = open();

        source.close();
        source.close();

        assertThat(lib.initCalls).isEqualTo(1);
        assertThat(lib.shutdownCalls).isEqualTo(1);
        assertThat(lib.references).isZero();
    }

    @Test
    void read_afterClose_throwsWithoutTouchingHandles() {
        PowerSource source = open();
        source.close();

        assertThatThrownBy(() -> read(source)).isInstanceOf(IllegalStateException.class);
        assertThat(lib.callsWhileUninitialized).isZero();
    }

    @Test
    void read_gpuLostMidRun_isNanAndNeverCalledAgainWhileOthersContinue() {
        try (PowerSource source = open()) {
            gpu0.lost = true;
            gpu1.energyMj += 10_000;
            EnergySample first = read(source);
            gpu0.lost = false; // a lost board is not called again even if it would answer
            gpu0.energyMj += 99_000;
            gpu1.energyMj += 10_000;

            EnergySample second = read(source);

            assertThat(first.joules(0)).isNaN();
            assertThat(second.joules(0)).isNaN();
            assertThat(first.joules(1)).isEqualTo(10.0);
            assertThat(second.joules(1)).isEqualTo(20.0);
            assertThat(((NvmlPowerSource) source).isLost(0)).isTrue();
        }
    }

    @Test
    void read_transientError_isNanForThatReadOnly() {
        try (PowerSource source = open()) {
            gpu0.error = NvmlReturn.TIMEOUT.code();
            gpu0.energyMj += 2_000;
            EnergySample failed = read(source);
            gpu0.error = 0;

            EnergySample recovered = read(source);

            assertThat(failed.joules(0)).isNaN();
            assertThat(recovered.joules(0)).isEqualTo(2.0);
        }
    }

    @Test
    void read_counterReset_reportsDecreaseForTheCoreToRebase() {
        try (PowerSource source = open()) {
            gpu0.energyMj += 50_000;
            EnergySample before = read(source);
            gpu0.energyMj = 300;

            EnergySample after = read(source);
            gpu0.energyMj += 1_000;
            EnergySample later = read(source);

            assertThat(before.joules(0)).isEqualTo(50.0);
            assertThat(after.joules(0)).isLessThan(before.joules(0));
            assertThat(later.joules(0)).isEqualTo(after.joules(0) + 1.0);
        }
    }

    @Test
    void open_noGpuReadable_throwsAndShutsDown() {
        gpu0.energyResult = NvmlReturn.NOT_SUPPORTED.code();
        gpu0.powerResult = NvmlReturn.NOT_SUPPORTED.code();
        gpu1.lost = true;

        assertThatThrownBy(this::open)
                .isInstanceOf(PowerSourceException.class)
                .hasMessageContaining("NOT_SUPPORTED")
                .hasMessageContaining("GPU_IS_LOST");
        assertThat(lib.shutdownCalls).isEqualTo(lib.initCalls);
    }

    @Test
    void open_cudaVisibleDevicesEmpty_throwsAndShutsDown() {
        env.put("CUDA_VISIBLE_DEVICES", "");

        assertThatThrownBy(this::open).isInstanceOf(PowerSourceException.class)
                .hasMessageContaining("CUDA_VISIBLE_DEVICES=''");
        assertThat(lib.shutdownCalls).isEqualTo(1);
    }

    @Test
    void open_cudaVisibleDevicesByUuidPrefix_selectsThatGpu() {
        env.put("CUDA_VISIBLE_DEVICES", "GPU-bbbb");
        try (PowerSource source = open()) {
            assertThat(source.channels()).extracting(Channel::id).containsExactly("gpu-1");
        }
    }

    @Test
    void read_processModeOnlyProcessWithoutSamples_isChargedWholeGpu() {
        context = context.withTrackingMode(TrackingMode.PROCESS);
        gpu0.pids = new int[] {4242};
        try (PowerSource source = open()) {
            gpu0.energyMj += 10_000;
            gpu1.energyMj += 10_000;

            EnergySample sample = read(source);

            assertThat(sample.processJoules(0)).isEqualTo(10.0);
            assertThat(sample.processJoules(1)).isZero();
        }
    }

    @Test
    void read_processModeSharedGpu_chargesSmUtilisationShare() {
        context = context.withTrackingMode(TrackingMode.PROCESS);
        gpu0.pids = new int[] {4242, 777};
        gpu0.samples.add(new long[] {4242, 10, 99}); // before open: history, not charged
        try (PowerSource source = open()) {
            gpu0.samples.add(new long[] {4242, 20, 30});
            gpu0.samples.add(new long[] {777, 21, 90});
            gpu0.energyMj += 100_000;
            EnergySample first = read(source);
            gpu0.energyMj += 100_000; // no new samples: idle, split equally between the two

            EnergySample second = read(source);

            assertThat(first.processJoules(0)).isCloseTo(25.0, within(1e-9));
            assertThat(second.processJoules(0)).isCloseTo(75.0, within(1e-9));
        }
    }

    @Test
    void read_processListingDenied_leavesProcessJoulesUnset() {
        context = context.withTrackingMode(TrackingMode.PROCESS);
        gpu0.processResult = NvmlReturn.NO_PERMISSION.code();
        try (PowerSource source = open()) {
            gpu0.energyMj += 1_000;

            EnergySample sample = read(source);

            assertThat(sample.joules(0)).isEqualTo(1.0);
            assertThat(sample.processJoules(0)).isNaN();
        }
    }

    @Test
    void read_machineMode_leavesProcessJoulesUnset() {
        gpu0.pids = new int[] {4242};
        try (PowerSource source = open()) {
            assertThat(read(source).processJoules(0)).isNaN();
        }
    }

    @Test
    void provider_nameAndPriority_areNvmlAnd100() {
        assertThat(provider().name()).isEqualTo("nvml");
        assertThat(provider().priority()).isEqualTo(100);
    }
}
