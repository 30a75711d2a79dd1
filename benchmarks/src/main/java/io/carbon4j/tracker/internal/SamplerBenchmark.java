package io.carbon4j.tracker.internal;

import io.carbon4j.tracker.TrackerClock;
import io.carbon4j.tracker.spi.EnergySample;
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
 * The engine's own cost per sample: {@link Sampler#sampleOnce()} over 0, 1 and 4 sources that cost nothing to read,
 * each on its own reader thread or (inline) on the sampler thread, against reading the same sources directly on the
 * calling thread. The difference is the hand-off to each source's reader thread (unpark, park), if any, and the
 * accounting under the lock.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SamplerBenchmark {

    @Param({"0", "1", "4"})
    int sources;

    /** Whether the sources are read on the sampler thread (non-blocking sources) or on their reader threads. */
    @Param({"false", "true"})
    boolean inline;

    private SamplerRig rig;
    private CountingSource[] direct;
    private EnergySample[] samples;

    @Setup
    public void setUp() {
        rig = new SamplerRig(sources, inline, TrackerClock.SYSTEM);
        direct = new CountingSource[sources];
        samples = new EnergySample[sources];
        for (int i = 0; i < sources; i++) {
            direct[i] = new CountingSource("direct-" + i, inline);
            samples[i] = new EnergySample(1);
        }
    }

    @TearDown
    public void tearDown() {
        rig.close();
    }

    /** One sample of the engine: hand-offs, reads on the reader threads, commit. */
    @Benchmark
    public void sampleOnce() {
        rig.sampleOnce();
    }

    /** The same reads on the calling thread, without the engine. */
    @Benchmark
    public double directReads() {
        double sum = 0;
        for (int i = 0; i < direct.length; i++) {
            samples[i].clear();
            direct[i].read(samples[i]);
            sum += samples[i].joules(0);
        }
        return sum;
    }
}
