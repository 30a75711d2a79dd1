package io.carbon4j.tracker.bench;

import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.TrackingMode;
import io.carbon4j.tracker.internal.BenchAccess;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Whole-process overhead of a running tracker. For each sampling interval, a fixed CPU-bound workload (a fixed
 * number of iterations, sized in a calibration run to last about the given time) runs without a tracker, with one,
 * and without one again, in this JVM; the ratios of process CPU time and wall time (with / mean of the two without)
 * are printed, and the CPU time of the tracker's own threads ({@code emissions-tracker-*}, the sampler and the
 * reader threads) from ThreadMXBean over the tracked run, as a percentage of one core. The thread figure excludes
 * the start (threads are read just after {@code start()} returns and just before {@code stop()}).
 *
 * <p>For scale, three "floors" run beside the tracked run, at the same rate, and their CPU time per tick is printed:
 * a thread that only wakes up ({@code LockSupport.parkNanos}), the least any periodic sampler thread can cost on
 * the machine at hand (in a virtual machine with costly timer and scheduler exits it is large); an empty task on a
 * {@code ScheduledThreadPoolExecutor}, the least the tracker's design (an executor, as the style guide asks) can
 * cost; and a thread that wakes up and reads the same counter files the bare way (kept-open {@code FileChannel}s
 * read at position 0), the least a hand-written RAPL sampler can cost.
 *
 * <p>The tracker reads the RAPL source on a fake powercap tree (four files per sample) and writes CSV and JSONL at
 * the default save interval (60 s) into a temporary directory.
 *
 * <p>The sampler's code runs only once per interval, so in a run of minutes it stays interpreted (C1 compiles a
 * method after a few hundred calls, C2 after thousands): that is the cost a real run pays, and what is measured by
 * default. With {@code prewarm}, a throwaway tracker first takes 20 000 samples in a tight loop, so that the
 * measured tracker runs compiled code, and an executor ticks every 100 us for 3 s, so that the executor's own
 * (JDK) code is compiled too, as it is in an application that uses executors: the cost of a long run.
 *
 * <p>With {@code nosave}, the outputs are written only at stop (save interval one hour), so that a run of 60 s or more
 * measures sampling alone; by default the periodic save (CSV and JSONL every 60 s) is in it.
 *
 * <p>Usage: {@code Overhead [seconds at 100 ms] [seconds at 1 s] [machine|process] [prewarm] [nosave]} (default 30
 * 60 machine; 0 seconds skips that interval).
 */
public final class Overhead {

    private static volatile long sink;
    private static Duration saveInterval = Duration.ofSeconds(60);

    private Overhead() {}

    public static void main(String[] args) throws Exception {
        int seconds100 = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int seconds1s = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        TrackingMode mode = args.length > 2 ? TrackingMode.valueOf(args[2].toUpperCase(Locale.ROOT))
                : TrackingMode.MACHINE;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<String> flags = args.length > 3 ? List.of(args).subList(3, args.length) : List.of();
        boolean prewarm = flags.contains("prewarm");
        saveInterval = flags.contains("nosave") ? Duration.ofHours(1) : Duration.ofSeconds(60);
        System.out.printf(Locale.ROOT, "overhead: %d CPUs, load average %.2f, tracking mode %s, outputs saved every %s%n",
                Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage(), mode, saveInterval);
        // Warm up the workload and the tracker once, so that neither measured run pays for compilation.
        long perSecond = calibrate();
        try (FakePowercapTree tree = new FakePowercapTree()) {
            if (prewarm) {
                EmissionsTracker warm = TrackerPresets.builder("rapl", tree.root(), null)
                        .trackingMode(mode)
                        .registerShutdownHook(false)
                        .samplingInterval(Duration.ofHours(1))
                        .start();
                BenchAccess.stopScheduling(warm);
                for (int i = 0; i < 20_000; i++) {
                    BenchAccess.sampleOnce(warm);
                }
                warm.stop();
                // The executor's own code (queue, future, locks) is JDK code that an application using executors
                // has compiled already; here it would otherwise stay interpreted.
                ScheduledThreadPoolExecutor ticks = new ScheduledThreadPoolExecutor(1);
                ticks.scheduleAtFixedRate(() -> { }, 100, 100, TimeUnit.MICROSECONDS);
                Thread.sleep(3_000);
                ticks.shutdownNow();
                System.out.println("prewarmed: 20000 samples taken in a loop and 3 s of 100 us executor ticks before"
                        + " measuring (compiled code, as in a long run)");
            }
            Path out = Files.createTempDirectory("carbon4j-bench-out");
            try {
                measure(tree, out, Duration.ofMillis(100), 2, perSecond * 2, mode, threads, os, true);
                if (seconds100 > 0) {
                    measure(tree, out, Duration.ofMillis(100), seconds100, perSecond * seconds100, mode, threads, os,
                            false);
                }
                if (seconds1s > 0) {
                    measure(tree, out, Duration.ofSeconds(1), seconds1s, perSecond * seconds1s, mode, threads, os, false);
                }
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
            TrackingMode mode, ThreadMXBean threads, com.sun.management.OperatingSystemMXBean os, boolean warmUp)
            throws IOException {
        long[] before = run(iterations, os);
        EmissionsTracker tracker = TrackerPresets.builder("rapl", tree.root(), out)
                .samplingInterval(interval)
                .saveInterval(saveInterval)
                .trackingMode(mode)
                .start();
        long intervalNanos = interval.toNanos();
        Ticker wake = new Ticker("floor-wake-up", intervalNanos, () -> { });
        BareReads bare = new BareReads(tree.countedFiles());
        Ticker reads = new Ticker("floor-bare-reads", intervalNanos, bare::readAll);
        Ticker executor = Ticker.onExecutor("floor-executor", intervalNanos);
        Map<String, Long> startCpu = trackerThreadCpu(threads);
        long[] floorsStart = {wake.cpu(threads), executor.cpu(threads), reads.cpu(threads)};
        long ticksStart = wake.ticks.get();
        long t0 = System.nanoTime();
        long[] tracked = run(iterations, os);
        long elapsed = System.nanoTime() - t0;
        Map<String, Long> endCpu = trackerThreadCpu(threads);
        long[] floors = {wake.cpu(threads) - floorsStart[0], executor.cpu(threads) - floorsStart[1],
            reads.cpu(threads) - floorsStart[2]};
        long ticks = Math.max(1, wake.ticks.get() - ticksStart);
        wake.stop();
        reads.stop();
        executor.stop();
        bare.close();
        long samples = tracker.snapshot().sampling().samples();
        tracker.stop();
        long[] after = run(iterations, os);
        if (warmUp) {
            return;
        }
        long samplerNanos = 0;
        long readerNanos = 0;
        for (Map.Entry<String, Long> e : endCpu.entrySet()) {
            long d = e.getValue() - startCpu.getOrDefault(e.getKey(), 0L);
            if (e.getKey().contains("-reader-")) {
                readerNanos += d;
            } else {
                samplerNanos += d;
            }
        }
        long threadNanos = samplerNanos + readerNanos;
        // Samples taken during the measured part: one per interval (the first sample, at start, is not in it).
        double perSample = (double) Math.max(1, Math.round(elapsed / (double) intervalNanos));
        double baseCpu = (before[0] + after[0]) / 2.0;
        double baseWall = (before[1] + after[1]) / 2.0;
        System.out.printf(Locale.ROOT, "interval %d ms, %d s of workload, %d samples in all, %d tracker threads%n",
                interval.toMillis(), seconds, samples, endCpu.size());
        System.out.printf(Locale.ROOT, "  tracker threads' CPU: %.3f ms = %.4f %% of one core; per sample %.1f us"
                + " (sampler thread %.1f us, reader thread(s) %.1f us)%n", threadNanos / 1e6,
                100.0 * threadNanos / elapsed, threadNanos / 1e3 / perSample, samplerNanos / 1e3 / perSample,
                readerNanos / 1e3 / perSample);
        System.out.printf(Locale.ROOT, "  floors at the same rate, per tick: bare wake-up %.1f us, empty executor task %.1f us,"
                + " wake-up + bare reads of the same %d files %.1f us (= %.4f %% of one core)%n", floors[0] / 1e3 / ticks,
                floors[1] / 1e3 / ticks, tree.countedFiles().size(), floors[2] / 1e3 / ticks,
                100.0 * floors[2] / elapsed);
        System.out.printf(Locale.ROOT, "  tracker / (wake-up + bare reads): %.2f%n", (double) threadNanos / floors[2]);
        System.out.printf(Locale.ROOT, "  process CPU  without %.3f s / %.3f s, with %.3f s: ratio %.4f%n",
                before[0] / 1e9, after[0] / 1e9, tracked[0] / 1e9, tracked[0] / baseCpu);
        System.out.printf(Locale.ROOT, "  wall time    without %.3f s / %.3f s, with %.3f s: ratio %.4f%n",
                before[1] / 1e9, after[1] / 1e9, tracked[1] / 1e9, tracked[1] / baseWall);
    }

    /** A thread (or executor task) that runs {@code work} once per interval and counts its ticks. */
    private static final class Ticker {
        final AtomicLong ticks = new AtomicLong();
        private final Thread thread;
        private final ScheduledThreadPoolExecutor executor;
        private volatile long threadId;
        private volatile boolean stopped;

        private Ticker(String name, long intervalNanos, Runnable work) {
            executor = null;
            thread = new Thread(() -> {
                while (!stopped) {
                    LockSupport.parkNanos(intervalNanos);
                    work.run();
                    ticks.incrementAndGet();
                }
            }, name);
            thread.setDaemon(true);
            thread.start();
            threadId = thread.getId();
        }

        private Ticker(String name, long intervalNanos) {
            thread = null;
            executor = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                threadId = t.getId();
                return t;
            });
            executor.prestartAllCoreThreads();
            executor.scheduleAtFixedRate(ticks::incrementAndGet, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
        }

        static Ticker onExecutor(String name, long intervalNanos) {
            return new Ticker(name, intervalNanos);
        }

        long cpu(ThreadMXBean threads) {
            return threads.getThreadCpuTime(threadId);
        }

        void stop() {
            try {
                if (thread != null) {
                    // Not an interrupt: it would close the bare reader's interruptible channels under it.
                    stopped = true;
                    LockSupport.unpark(thread);
                    thread.join(5_000);
                } else {
                    executor.shutdownNow();
                    executor.awaitTermination(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The least a sampler can do to read the counters: kept-open channels read at position 0, parsed by hand. */
    private static final class BareReads implements AutoCloseable {
        private final FileChannel[] channels;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(32);

        BareReads(List<Path> files) throws IOException {
            channels = new FileChannel[files.size()];
            for (int i = 0; i < channels.length; i++) {
                channels[i] = FileChannel.open(files.get(i), StandardOpenOption.READ);
            }
        }

        void readAll() {
            long sum = 0;
            try {
                for (FileChannel c : channels) {
                    buffer.clear();
                    int n = c.read(buffer, 0);
                    long v = 0;
                    for (int j = 0; j < n && buffer.get(j) >= '0' && buffer.get(j) <= '9'; j++) {
                        v = v * 10 + buffer.get(j) - '0';
                    }
                    sum += v;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sink += sum;
        }

        @Override
        public void close() throws IOException {
            for (FileChannel c : channels) {
                c.close();
            }
        }
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

    /** CPU nanoseconds of every live thread named {@code emissions-tracker-*}, by thread name. */
    static Map<String, Long> trackerThreadCpu(ThreadMXBean threads) {
        Map<String, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("emissions-tracker-")
                    && !info.getThreadName().startsWith("emissions-tracker-shutdown")) {
                long t = threads.getThreadCpuTime(info.getThreadId());
                if (t >= 0) {
                    cpu.put(info.getThreadName(), t);
                }
            }
        }
        return cpu;
    }
}
