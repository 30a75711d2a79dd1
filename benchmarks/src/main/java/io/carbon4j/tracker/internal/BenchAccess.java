package io.carbon4j.tracker.internal;

import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.spi.EnergySample;
import io.carbon4j.tracker.spi.PowerSource;

/**
 * The benchmarks' window on the engine's package-private seams. It lives in the engine's package on the class path
 * (the benchmarks are not a JPMS module), so the main code needs no extra hook.
 */
public final class BenchAccess {

    private BenchAccess() {}

    /** Cancels the tracker's periodic sampling and saving, so that only the benchmark drives samples. */
    public static void stopScheduling(EmissionsTracker tracker) {
        engine(tracker).stopSchedulingForTest();
    }

    /** One sample, as the sampler thread takes it: every source read on its reader thread, then committed. */
    public static void sampleOnce(EmissionsTracker tracker) {
        engine(tracker).sampleOnce();
    }

    /** The open source named {@code name}; call it only while the tracker's scheduling is stopped. */
    public static PowerSource source(EmissionsTracker tracker, String name) {
        return slot(tracker, name).source;
    }

    /** The reusable sample buffer of the source named {@code name}. */
    public static EnergySample sample(EmissionsTracker tracker, String name) {
        return slot(tracker, name).sample;
    }

    private static SourceSlot slot(EmissionsTracker tracker, String name) {
        for (SourceSlot slot : engine(tracker).sampler().slots()) {
            if (slot.name.equals(name)) {
                return slot;
            }
        }
        throw new IllegalStateException("the tracker has no open source named " + name + "; sources: "
                + tracker.snapshot().sources());
    }

    private static DefaultEmissionsTracker engine(EmissionsTracker tracker) {
        if (!(tracker instanceof DefaultEmissionsTracker)) {
            throw new IllegalStateException("not a running carbon4j tracker: " + tracker);
        }
        return (DefaultEmissionsTracker) tracker;
    }
}
