package io.carbon4j.tracker.bench;

import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.TrackingMode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Whole-process overhead of a running tracker. For each sampling interval, a fixed CPU-bound workload (a fixed
 * number of iterations, sized in a calibration run to last about the given time) runs without a tracker, with one,
 * and without one again, in this JVM; the ratios of process CPU time and wall time (with / mean of the two without)
 * are printed, and the CPU time of the tracker's own threads ({@code emissions-tracker-*}, the sampler and the
 * reader threads) from ThreadMXBean over the tracked run, as a percentage of one core. The thread figure excludes
 * the start (threads are read just after {@code start()} returns and just before {@code stop()}).
 *
 * <p>The tracker reads the RAPL source on a fake powercap tree (four files per sample) and writes CSV and JSONL at
 * the default save interval (60 s) into a temporary directory.
 *
 * <p>Usage: {@code Overhead [seconds at 100 ms] [seconds at 1 s] [machine|process]} (default 30 60 machine).
 */
public final class Overhead {

    private static volatile long sink;

    private Overhead() {}

    public static void main(String[] args) throws Exception {
        int seconds100 = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int seconds1s = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        TrackingMode mode = args.length > 2 ? TrackingMode.valueOf(args[2].toUpperCase(Locale.ROOT))
                : TrackingMode.MACHINE;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "overhead: %d CPUs, load average %.2f, tracking mode %s%n",
                Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage(), mode);
        // Warm up the workload and the tracker once, so that neither measured run pays for compilation.
        long perSecond = calibrate();
        try (FakePowercapTree tree = new FakePowercapTree()) {
            Path out = Files.createTempDirectory("carbon4j-bench-out");
            try {
                measure(tree, out, Duration.ofMillis(100), 2, perSecond * 2, mode, threads, os, true);
                measure(tree, out, Duration.ofMillis(100), seconds100, perSecond * seconds100, mode, threads, os, false);
                measure(tree, out, Duration.ofSeconds(1), seconds1s, perSecond * seconds1s, mode, threads, os, false);
            } finally {
                FakePowercapTree.deleteTree(out);
            }
        }
    }

    private static long calibrate() {
        long chunk = 1_000_000;
        long done = 0;
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 2_000_000_000L) {
            sink += work(chunk);
            done += chunk;
        }
        return done * 1_000_000_000L / (System.nanoTime() - t0);
    }

    /** A CPU-bound loop that allocates nothing: xorshift steps folded into a checksum. */
    static long work(long iterations) {
        long x = 0x9E3779B97F4A7C15L;
        long acc = 0;
        for (long i = 0; i < iterations; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            acc += x & 0xFFFF;
        }
        return acc;
    }

    private static void measure(FakePowercapTree tree, Path out, Duration interval, int seconds, long iterations,
            TrackingMode mode, ThreadMXBean threads, com.sun.management.OperatingSystemMXBean os, boolean warmUp) {
        long[] before = run(iterations, os);
        EmissionsTracker tracker = TrackerPresets.builder("rapl", tree.root(), out)
                .samplingInterval(interval)
                .trackingMode(mode)
                .start();
        Map<Long, Long> startCpu = trackerThreadCpu(threads);
        long t0 = System.nanoTime();
        long[] tracked = run(iterations, os);
        Map<Long, Long> endCpu = trackerThreadCpu(threads);
        long elapsed = System.nanoTime() - t0;
        long samples = tracker.snapshot().sampling().samples();
        tracker.stop();
        long[] after = run(iterations, os);
        if (warmUp) {
            return;
        }
        long threadNanos = 0;
        for (Map.Entry<Long, Long> e : endCpu.entrySet()) {
            threadNanos += e.getValue() - startCpu.getOrDefault(e.getKey(), 0L);
        }
        double baseCpu = (before[0] + after[0]) / 2.0;
        double baseWall = (before[1] + after[1]) / 2.0;
        System.out.printf(Locale.ROOT, "interval %s, %d s, %d samples, %d tracker threads%n", interval, seconds,
                samples, endCpu.size());
        System.out.printf(Locale.ROOT, "  tracker threads' CPU: %.3f ms = %.4f %% of one core (%.1f us per sample)%n",
                threadNanos / 1e6, 100.0 * threadNanos / elapsed, threadNanos / 1e3 / Math.max(1, samples - 1));
        System.out.printf(Locale.ROOT, "  process CPU  without %.3f s / %.3f s, with %.3f s: ratio %.4f%n",
                before[0] / 1e9, after[0] / 1e9, tracked[0] / 1e9, tracked[0] / baseCpu);
        System.out.printf(Locale.ROOT, "  wall time    without %.3f s / %.3f s, with %.3f s: ratio %.4f%n",
                before[1] / 1e9, after[1] / 1e9, tracked[1] / 1e9, tracked[1] / baseWall);
    }

    /** Runs the workload; returns {process CPU nanos, wall nanos}. */
    private static long[] run(long iterations, com.sun.management.OperatingSystemMXBean os) {
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        long chunk = 1_000_000;
        for (long done = 0; done < iterations; done += chunk) {
            sink += work(chunk);
        }
        return new long[] {os.getProcessCpuTime() - cpu0, System.nanoTime() - t0};
    }

    /** CPU nanoseconds of every live thread named {@code emissions-tracker-*}, by thread id. */
    static Map<Long, Long> trackerThreadCpu(ThreadMXBean threads) {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("emissions-tracker-")
                    && !info.getThreadName().startsWith("emissions-tracker-shutdown")) {
                long t = threads.getThreadCpuTime(info.getThreadId());
                if (t >= 0) {
                    cpu.put(info.getThreadId(), t);
                }
            }
        }
        return cpu;
    }
}
