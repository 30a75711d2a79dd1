package io.carbon4j.tracker.bench;

import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.TrackerClock;
import io.carbon4j.tracker.TrackingMode;
import io.carbon4j.tracker.internal.BenchAccess;
import io.carbon4j.tracker.internal.SamplerRig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bytes allocated per sample in steady state, counted per thread with HotSpot's per-thread allocation counters: the
 * thread that takes the samples (the sampler's role) and every {@code emissions-tracker-*} reader thread, which
 * JMH's {@code -prof gc} may not see. Each case takes 20 000 samples to warm up, then counts over {@code n} more.
 *
 * <p>Usage: {@code AllocationCheck [samples] [case filter]} (default 50 000, every case). Cases that need the fake
 * NVML library are skipped with a note when it cannot be found or built. With a filter, only the cases whose name
 * contains it run (to record one case with JFR and find the allocation sites).
 */
public final class AllocationCheck {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocationCheck() {}

    private static String filter = "";

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        filter = args.length > 1 ? args[1] : "";
        System.out.printf(Locale.ROOT, "allocation per sample over %d samples (after 20000 warm-up samples)%n", n);
        try (SamplerRig rig = new SamplerRig(1, TrackerClock.SYSTEM)) {
            report("engine, 1 counting source", rig::sampleOnce, n);
        }
        try (SamplerRig rig = new SamplerRig(4, TrackerClock.SYSTEM)) {
            report("engine, 4 counting sources", rig::sampleOnce, n);
        }
        try (SamplerRig rig = new SamplerRig(4, true, TrackerClock.SYSTEM)) {
            report("engine, 4 counting sources, inline", rig::sampleOnce, n);
        }
        try (FakePowercapTree tree = new FakePowercapTree()) {
            for (TrackingMode mode : TrackingMode.values()) {
                EmissionsTracker t = TrackerPresets.builder("rapl", tree.root(), null)
                        .trackingMode(mode)
                        .registerShutdownHook(false)
                        .samplingInterval(Duration.ofHours(1))
                        .start();
                BenchAccess.stopScheduling(t);
                report("tracker, RAPL fake tree, " + mode.name().toLowerCase(Locale.ROOT) + " mode",
                        () -> BenchAccess.sampleOnce(t), n);
                t.close();
            }
        }
        try {
            FakeNvmlLib.script(1);
        } catch (RuntimeException | LinkageError e) {
            System.out.println("  NVML cases skipped: " + e.getMessage());
            return;
        }
        for (TrackingMode mode : TrackingMode.values()) {
            EmissionsTracker t = TrackerPresets.nvml(mode);
            report("tracker, NVML fake (1 GPU), " + mode.name().toLowerCase(Locale.ROOT) + " mode",
                    () -> BenchAccess.sampleOnce(t), n);
            t.close();
        }
    }

    private static void report(String name, Runnable sample, int n) {
        if (!name.contains(filter)) {
            return;
        }
        for (int i = 0; i < 20_000; i++) {
            sample.run();
        }
        List<Long> readers = trackerThreads();
        long self = Thread.currentThread().getId();
        long[] before = allocated(self, readers);
        for (int i = 0; i < n; i++) {
            sample.run();
        }
        long[] after = allocated(self, readers);
        long readerBytes = 0;
        for (int i = 1; i < before.length; i++) {
            readerBytes += after[i] - before[i];
        }
        System.out.printf(Locale.ROOT, "  %-44s sampling thread %8.2f B/sample, %d reader thread(s) %8.2f B/sample%n",
                name, (after[0] - before[0]) / (double) n, readers.size(), readerBytes / (double) n);
    }

    private static List<Long> trackerThreads() {
        List<Long> ids = new ArrayList<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("emissions-tracker-")
                    && info.getThreadName().contains("-reader-")) {
                ids.add(info.getThreadId());
            }
        }
        return ids;
    }

    private static long[] allocated(long self, List<Long> readers) {
        long[] ids = new long[readers.size() + 1];
        ids[0] = self;
        for (int i = 0; i < readers.size(); i++) {
            ids[i + 1] = readers.get(i);
        }
        // The current thread's counter first, so that the array below is not counted against the sample.
        long mine = THREADS.getCurrentThreadAllocatedBytes();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        bytes[0] = mine;
        return bytes;
    }
}
