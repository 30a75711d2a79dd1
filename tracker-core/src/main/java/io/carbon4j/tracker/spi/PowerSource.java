package io.carbon4j.tracker.spi;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An open source of energy readings: RAPL counters, NVML devices, a model.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Cumulative energy only.</b> {@link #read(EnergySample)} fills the cumulative joules of each channel.
 *       The core computes per-interval energy from the deltas and the measured monotonic time, so jitter in the
 *       sampling cadence never loses energy. A source that can only read power integrates it with
 *       {@link PowerIntegrator} over the measured interval.</li>
 *   <li><b>Wrap-around</b> of hardware counters is the source's job: the values it reports never wrap. A source
 *       whose counters wrap must read at least every {@link #maxReadInterval()}; the sampler honours it.</li>
 *   <li><b>Never throw from {@code read}</b> for a channel that cannot be read: set it to {@code NaN}. An exception
 *       is survived (the sampler isolates every source) but counts as a failure of the whole source, and a source
 *       that fails repeatedly is disabled.</li>
 *   <li><b>A counter never goes backwards.</b> If the hardware counter is reset, report it as it is: the core
 *       detects the decrease, reports it once and rebases instead of counting a negative or huge delta.</li>
 * </ul>
 *
 * <h2>Thread safety</h2>
 * {@code read} and {@code close} always run on one thread: the source's own reader thread (so that a source that
 * blocks delays only itself), or the sampler thread for a source that {@linkplain #readsWithoutBlocking() never
 * blocks}; {@code open} runs on the thread that called {@code start()}, with a happens-before
 * edge to the first read. Implementations need not be thread-safe.
 *
 * @since 0.1.0
 */
public interface PowerSource extends AutoCloseable {

    /** The channels of this source, fixed at open; their order is the index order of {@link EnergySample}. */
    List<Channel> channels();

    /** The components this source reports, derived from {@link #channels()}. */
    default Set<Component> components() {
        Set<Component> set = EnumSet.noneOf(Component.class);
        for (Channel channel : channels()) {
            set.add(channel.component());
        }
        return set;
    }

    /**
     * Fills {@code sample} with the cumulative joules of every channel ({@code NaN} where unreadable).
     *
     * @param sample a buffer with {@code channels().size()} channels, cleared to {@code NaN} before the call
     */
    void read(EnergySample sample);

    /**
     * The longest interval between two reads that still loses nothing (counter wrap-around), if there is such a
     * limit. The sampler reads at least this often even when the user's sampling interval is longer.
     */
    default Optional<Duration> maxReadInterval() {
        return Optional.empty();
    }

    /**
     * Whether {@link #read(EnergySample)} is guaranteed not to block: it reads files that the kernel answers from
     * memory (RAPL's sysfs counters) or computes a model. Such a source is read on the sampler thread itself,
     * which saves two thread wake-ups per sample; any other source gets its own reader thread, so that if it
     * blocks (a stuck driver call, a hung mount) it delays only itself. Default {@code false}: promise this only
     * when it holds.
     */
    default boolean readsWithoutBlocking() {
        return false;
    }

    /** Releases native handles and files. Idempotent; never throws. */
    @Override
    void close();
}
