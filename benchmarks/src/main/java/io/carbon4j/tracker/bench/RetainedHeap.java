package io.carbon4j.tracker.bench;

import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.TrackingMode;
import io.carbon4j.tracker.internal.BenchAccess;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Locale;

/**
 * Retained heap against run length: a tracker on the fake powercap tree, driven by a manual clock (100 ms per
 * sample) for {@code first} and then {@code second} samples in total; after each, a full GC and the used heap. A
 * tracker whose memory does not grow with the run keeps the two figures within noise (a few kB).
 *
 * <p>Usage: {@code RetainedHeap [first] [second] [machine|process]} (default 100000 1000000 machine).
 */
public final class RetainedHeap {

    private RetainedHeap() {}

    public static void main(String[] args) {
        long first = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        long second = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        TrackingMode mode = args.length > 2 ? TrackingMode.valueOf(args[2].toUpperCase(Locale.ROOT))
                : TrackingMode.MACHINE;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ManualClock clock = new ManualClock();
        try (FakePowercapTree tree = new FakePowercapTree()) {
            EmissionsTracker tracker = TrackerPresets.builder("rapl", tree.root(), null)
                    .trackingMode(mode)
                    .registerShutdownHook(false)
                    .clock(clock)
                    .samplingInterval(Duration.ofMillis(100))
                    .start();
            BenchAccess.stopScheduling(tracker);
            long taken = 1;
            taken = drive(tracker, clock, 10_000, taken);
            long base = usedAfterGc(memory);
            taken = drive(tracker, clock, first, taken);
            long atFirst = usedAfterGc(memory);
            long t0 = System.nanoTime();
            taken = drive(tracker, clock, second, taken);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long atSecond = usedAfterGc(memory);
            long samples = tracker.snapshot().sampling().samples();
            tracker.stop();
            System.out.printf(Locale.ROOT, "retained heap, %s mode (used heap after full GC)%n",
                    mode.name().toLowerCase(Locale.ROOT));
            System.out.printf(Locale.ROOT, "  after %,d samples:   %,d bytes%n", 10_000, base);
            System.out.printf(Locale.ROOT, "  after %,d samples:  %,d bytes (%+,d)%n", first, atFirst, atFirst - base);
            System.out.printf(Locale.ROOT, "  after %,d samples: %,d bytes (%+,d against %,d samples)%n", second,
                    atSecond, atSecond - atFirst, first);
            System.out.printf(Locale.ROOT, "  tracker counted %,d samples (%.1f simulated hours); the last %,d took"
                    + " %.1f s of real time%n", samples, samples * 0.1 / 3600, second - first, seconds);
        }
    }

    private static long drive(EmissionsTracker tracker, ManualClock clock, long upTo, long taken) {
        for (long i = taken; i < upTo; i++) {
            clock.advanceNanos(100_000_000L);
            BenchAccess.sampleOnce(tracker);
        }
        return Math.max(taken, upTo);
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
