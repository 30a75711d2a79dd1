package io.carbon4j.tracker.nvml.internal;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.TrackingMode;
import io.carbon4j.tracker.bench.FakeNvmlLib;
import io.carbon4j.tracker.internal.BenchAccess;
import io.carbon4j.tracker.spi.EnergySample;
import io.carbon4j.tracker.spi.PowerSource;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The NVML path against the compiled fake {@code libnvidia-ml}, from the bare JNA call up to a whole sample:
 * <ol>
 *   <li>{@code bareEnergyCall}: {@code nvmlDeviceGetTotalEnergyConsumption} per GPU through the same JNA interface
 *       mapping the source uses;</li>
 *   <li>{@code bareEnergyAndUtilization}: that and {@code nvmlDeviceGetUtilizationRates}, the two calls the source
 *       makes per GPU and sample;</li>
 *   <li>{@code sourceRead}: {@code NvmlPowerSource.read};</li>
 *   <li>{@code trackerSample}: one sample of a started tracker with only the NVML source;
 *       {@code trackerSampleProcessMode} adds the per-process attribution calls.</li>
 * </ol>
 * The fake answers in nanoseconds, so this isolates the Java and JNA side; a real driver call costs more.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NvmlReadBenchmark {

    @Param({"1", "4"})
    int gpus;

    private NvmlLibrary library;
    private Pointer[] handles;
    private final LongByReference energy = new LongByReference();
    private final NvmlUtilization utilization = new NvmlUtilization();
    private EmissionsTracker tracker;
    private EmissionsTracker processTracker;
    private PowerSource source;
    private EnergySample sample;

    @Setup
    public void setUp() {
        FakeNvmlLib.script(gpus);
        library = Native.load(FakeNvmlLib.path().toString(), NvmlLibrary.class);
        check(library.nvmlInit_v2(), "nvmlInit_v2");
        handles = new Pointer[gpus];
        PointerByReference handle = new PointerByReference();
        for (int i = 0; i < gpus; i++) {
            check(library.nvmlDeviceGetHandleByIndex_v2(i, handle), "nvmlDeviceGetHandleByIndex_v2");
            handles[i] = handle.getValue();
        }
        tracker = start(TrackingMode.MACHINE);
        processTracker = start(TrackingMode.PROCESS);
        source = BenchAccess.source(tracker, "nvml");
        sample = BenchAccess.sample(tracker, "nvml");
    }

    private static EmissionsTracker start(TrackingMode mode) {
        return io.carbon4j.tracker.bench.TrackerPresets.nvml(mode);
    }

    private static void check(int rc, String call) {
        if (rc != 0) {
            throw new IllegalStateException(call + " returned " + rc);
        }
    }

    @TearDown
    public void tearDown() {
        tracker.close();
        processTracker.close();
        library.nvmlShutdown();
    }

    @Benchmark
    public long bareEnergyCall() {
        long sum = 0;
        for (Pointer h : handles) {
            library.nvmlDeviceGetTotalEnergyConsumption(h, energy);
            sum += energy.getValue();
        }
        return sum;
    }

    @Benchmark
    public long bareEnergyAndUtilization() {
        long sum = 0;
        for (Pointer h : handles) {
            library.nvmlDeviceGetTotalEnergyConsumption(h, energy);
            library.nvmlDeviceGetUtilizationRates(h, utilization);
            sum += energy.getValue() + utilization.gpu;
        }
        return sum;
    }

    @Benchmark
    public double sourceRead() {
        sample.clear();
        source.read(sample);
        return sample.joules(0);
    }

    @Benchmark
    public void trackerSample() {
        BenchAccess.sampleOnce(tracker);
    }

    @Benchmark
    public void trackerSampleProcessMode() {
        BenchAccess.sampleOnce(processTracker);
    }
}
