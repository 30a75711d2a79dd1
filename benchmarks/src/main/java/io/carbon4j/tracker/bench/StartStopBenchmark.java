package io.carbon4j.tracker.bench;

import io.carbon4j.tracker.EmissionsResult;
import io.carbon4j.tracker.EmissionsTracker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Warm-JVM latency of {@code start()} (discovery, probing, opening, the table lookup, thread start, the first
 * sample, the outputs' start) and of {@code stop()} (final sample, closing the sources, joining the threads, building
 * the result, writing CSV and JSONL). Each invocation gets a fresh output directory. The shutdown hook is registered
 * and removed as in a normal run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StartStopBenchmark {

    /** The fake powercap tree, shared by a trial. */
    @State(Scope.Benchmark)
    public static class Machine {
        @Param({"rapl", "discover"})
        String variant;

        FakePowercapTree tree;

        @Setup
        public void setUp() {
            tree = new FakePowercapTree();
        }

        @TearDown
        public void tearDown() {
            tree.close();
        }

        EmissionsTracker.Builder builder(Path out) {
            return TrackerPresets.builder(variant, tree.root(), out);
        }
    }

    /** An empty output directory, and the tracker a start benchmark leaves to be stopped untimed. */
    @State(Scope.Thread)
    public static class ToStart {
        Path out;
        EmissionsTracker started;

        @Setup(Level.Invocation)
        public void setUp() throws IOException {
            out = Files.createTempDirectory("carbon4j-bench-out");
        }

        @TearDown(Level.Invocation)
        public void tearDown() {
            if (started != null) {
                started.close();
                started = null;
            }
            FakePowercapTree.deleteTree(out);
        }
    }

    /** A tracker started untimed, for the stop benchmark. */
    @State(Scope.Thread)
    public static class Running {
        Path out;
        EmissionsTracker tracker;

        @Setup(Level.Invocation)
        public void setUp(Machine machine) throws IOException {
            out = Files.createTempDirectory("carbon4j-bench-out");
            tracker = machine.builder(out).start();
        }

        @TearDown(Level.Invocation)
        public void tearDown() {
            tracker.close();
            FakePowercapTree.deleteTree(out);
        }
    }

    @Benchmark
    public EmissionsTracker start(Machine machine, ToStart s) {
        s.started = machine.builder(s.out).start();
        return s.started;
    }

    @Benchmark
    public EmissionsResult stopWithOutputs(Running r) {
        return r.tracker.stop();
    }

    @Benchmark
    public EmissionsResult startAndStop(Machine machine, ToStart s) {
        return machine.builder(s.out).start().stop();
    }
}
