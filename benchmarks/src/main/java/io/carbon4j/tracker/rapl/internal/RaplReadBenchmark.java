package io.carbon4j.tracker.rapl.internal;

import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.TrackingMode;
import io.carbon4j.tracker.bench.FakePowercapTree;
import io.carbon4j.tracker.bench.TrackerPresets;
import io.carbon4j.tracker.internal.BenchAccess;
import io.carbon4j.tracker.spi.EnergySample;
import io.carbon4j.tracker.spi.PowerSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The RAPL path on a fake powercap tree (two packages and two DRAM zones: four {@code energy_uj} files per sample),
 * from the bare cost of reading those files up to a whole sample of the tracker:
 * <ol>
 *   <li>{@code bareReadString}: {@code Files.readString} and {@code Long.parseLong} of each file, the obvious way;</li>
 *   <li>{@code bareFileChannel}: a kept-open {@code FileChannel} read at position 0 into a direct buffer and parsed
 *       by hand, the least a reader can do;</li>
 *   <li>{@code counterFiles}: the source's {@code CounterFile} reads;</li>
 *   <li>{@code sourceRead}: {@code RaplPowerSource.read}, with its wrap and reset bookkeeping;</li>
 *   <li>{@code trackerSample}: one sample of a started tracker: hand-off to the reader thread, the source's read,
 *       the commit; {@code trackerSampleProcessMode} adds the process share (it reads {@code /proc}).</li>
 * </ol>
 * Files on a regular file system stand in for sysfs: the file reads here cost less than real sysfs reads (whose
 * {@code energy_uj} handler reads an MSR), so the engine's share is overstated, not understated.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RaplReadBenchmark {

    private FakePowercapTree tree;
    private List<Path> files;
    private FileChannel[] channels;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(32);
    private CounterFile[] counters;
    private EmissionsTracker tracker;
    private EmissionsTracker processTracker;
    private PowerSource source;
    private EnergySample sample;

    @Setup
    public void setUp() throws IOException {
        tree = new FakePowercapTree();
        files = tree.countedFiles();
        channels = new FileChannel[files.size()];
        counters = new CounterFile[files.size()];
        for (int i = 0; i < files.size(); i++) {
            channels[i] = FileChannel.open(files.get(i), StandardOpenOption.READ);
            counters[i] = new CounterFile(files.get(i), FileAccess.files());
        }
        tracker = start(TrackingMode.MACHINE);
        processTracker = start(TrackingMode.PROCESS);
        source = BenchAccess.source(tracker, "rapl");
        sample = BenchAccess.sample(tracker, "rapl");
        if (source.channels().size() != files.size()) {
            throw new IllegalStateException("expected " + files.size() + " RAPL channels, got " + source.channels());
        }
    }

    private EmissionsTracker start(TrackingMode mode) {
        EmissionsTracker t = TrackerPresets.builder("rapl", tree.root(), null)
                .trackingMode(mode)
                .registerShutdownHook(false)
                .samplingInterval(Duration.ofHours(1))
                .start();
        BenchAccess.stopScheduling(t);
        return t;
    }

    @TearDown
    public void tearDown() throws IOException {
        tracker.close();
        processTracker.close();
        for (int i = 0; i < channels.length; i++) {
            channels[i].close();
            counters[i].close();
        }
        tree.close();
    }

    @Benchmark
    public long bareReadString() throws IOException {
        long sum = 0;
        for (int i = 0; i < files.size(); i++) {
            sum += Long.parseLong(Files.readString(files.get(i)).strip());
        }
        return sum;
    }

    @Benchmark
    public long bareFileChannel() throws IOException {
        long sum = 0;
        for (FileChannel channel : channels) {
            buffer.clear();
            int n = channel.read(buffer, 0);
            long value = 0;
            for (int j = 0; j < n; j++) {
                int d = buffer.get(j) - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                value = value * 10 + d;
            }
            sum += value;
        }
        return sum;
    }

    @Benchmark
    public long counterFiles() {
        long sum = 0;
        for (CounterFile counter : counters) {
            sum += counter.read();
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
