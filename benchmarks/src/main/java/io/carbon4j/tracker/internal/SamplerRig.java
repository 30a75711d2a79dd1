package io.carbon4j.tracker.internal;

import io.carbon4j.tracker.TrackerClock;
import io.carbon4j.tracker.intensity.CarbonIntensity;
import io.carbon4j.tracker.spi.CarbonIntensityProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine's {@link Sampler} over {@code n} counting sources, built directly: the tracker's selector gives each
 * component to one source only, so four sources of one kind cannot be had through the builder. Reader threads are
 * named as the tracker names them ({@code emissions-tracker-<project>-<id>-reader-<n>}).
 */
public final class SamplerRig implements AutoCloseable {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final Sampler sampler;

    /** Starts a sampler over {@code sources} counting sources, each on its own reader thread. */
    public SamplerRig(int sources, TrackerClock clock) {
        this(sources, false, clock);
    }

    /**
     * Starts a sampler over {@code sources} counting sources (0 is allowed) and takes its first sample.
     *
     * @param inline true: the sources declare non-blocking reads and are read on the sampler thread; false: each
     *               has its own reader thread
     */
    public SamplerRig(int sources, boolean inline, TrackerClock clock) {
        List<SourceSlot> slots = new ArrayList<>();
        for (int i = 0; i < sources; i++) {
            CountingSource source = new CountingSource("fake-" + i, inline);
            slots.add(new SourceSlot("fake-" + i, source, source.channels(), new boolean[] {true}));
        }
        CarbonIntensity intensity = CarbonIntensity.forced(100);
        sampler = new Sampler(slots, clock, CarbonIntensityProvider.fixed(intensity), intensity, true, 1.0, null,
                Duration.ofSeconds(1), Duration.ofSeconds(5), null);
        String prefix = "emissions-tracker-rig-" + IDS.incrementAndGet();
        AtomicInteger readers = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, prefix + "-reader-" + readers.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        sampler.start(factory);
    }

    /** One sample: every source read on its own reader thread, then committed under the lock. */
    public void sampleOnce() {
        sampler.sampleOnce();
    }

    /** The number of samples taken, the first included. */
    public long samples() {
        return sampler.totals().samples;
    }

    @Override
    public void close() {
        sampler.finalSample();
        sampler.closeSources(System.nanoTime() + 5_000_000_000L);
        sampler.finish();
    }
}
