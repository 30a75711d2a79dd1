package io.carbon4j.tracker.test;

import io.carbon4j.tracker.spi.Availability;
import io.carbon4j.tracker.spi.Channel;
import io.carbon4j.tracker.spi.Component;
import io.carbon4j.tracker.spi.EnergySample;
import io.carbon4j.tracker.spi.Measurement;
import io.carbon4j.tracker.spi.PowerSource;
import io.carbon4j.tracker.spi.PowerSourceException;
import io.carbon4j.tracker.spi.PowerSourceProvider;
import io.carbon4j.tracker.spi.SourceContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A power source, and its own provider, whose channels draw set powers over the context's clock. The cumulative
 * energy of a channel is exactly {@code base + watts * elapsed}, where {@code elapsed} is the time since the source
 * was opened or the channel's power last changed ({@link #setWatts(String, double)} folds the energy so far into
 * {@code base}). With a {@link ManualClock}, a test that advances the clock by {@code s} seconds knows that each
 * channel used exactly {@code watts * s} joules.
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock();
 * FakePowerSource cpu = FakePowerSource.cpu(100.0);
 * try (EmissionsTracker tracker = EmissionsTracker.builder(ConfigSource.empty())
 *         .discoverPowerSources(false)
 *         .addPowerSource(cpu)
 *         .clock(clock)
 *         .start()) {
 *     clock.advanceSeconds(3);     // 300 J of CPU energy
 * }
 * }</pre>
 *
 * <p>Faults a test can inject: {@link #setUnreadable(String, boolean)} reports a channel as {@code NaN};
 * {@link #failReads(boolean)} makes {@link #read(EnergySample)} throw; {@link #failOpen(String)} makes
 * {@link #open(SourceContext)} throw. {@link #openCount()}, {@link #readCount()} and {@link #closeCount()} count
 * the calls.
 *
 * <p>Opening the source again (a second tracker) starts every channel from zero joules.
 *
 * <h2>Thread safety</h2>
 * Thread-safe: the tracker reads the source on its own thread while the test changes powers and faults.
 *
 * @since 0.1.0
 */
public final class FakePowerSource implements PowerSourceProvider, PowerSource {

    private final String name;
    private int priority;
    private List<Channel> channels = List.of();
    private double[] watts = new double[0];
    private boolean[] unreadable = new boolean[0];
    private double[] baseJoules = new double[0];
    private long[] sinceNanos = new long[0];

    private SourceContext context;
    private boolean closed;
    private boolean failReads;
    private String openFailure;
    private int openCount;
    private int readCount;
    private int closeCount;

    /**
     * A source without channels yet; add them with {@link #channel(String, Component, double)}.
     *
     * @param name the provider's configuration name, e.g. {@code fake}
     */
    public FakePowerSource(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** A source named {@code fake} with one CPU channel, {@code cpu-0}, drawing {@code watts}. */
    public static FakePowerSource cpu(double watts) {
        return new FakePowerSource("fake").channel("cpu-0", Component.CPU, watts);
    }

    /**
     * Adds a channel, measured as a {@linkplain Measurement#COUNTER counter}.
     *
     * @param id        the channel id, unique within this source
     * @param component what the channel's energy is charged to
     * @param power     its power in watts, finite and not negative
     * @return this source
     * @throws IllegalStateException    once the source has been opened: channels are fixed at open
     * @throws IllegalArgumentException for a duplicate id or an invalid power
     */
    public synchronized FakePowerSource channel(String id, Component component, double power) {
        if (context != null) {
            throw new IllegalStateException("channels are fixed at open; add '" + id + "' before opening");
        }
        checkWatts(id, power);
        if (channels.stream().anyMatch(c -> c.id().equals(id))) {
            throw new IllegalArgumentException("duplicate channel id '" + id + "'");
        }
        List<Channel> more = new ArrayList<>(channels);
        more.add(Channel.of(id, component, Measurement.COUNTER, "fake " + component + " " + id));
        channels = List.copyOf(more);
        int n = channels.size();
        watts = Arrays.copyOf(watts, n);
        watts[n - 1] = power;
        unreadable = Arrays.copyOf(unreadable, n);
        baseJoules = Arrays.copyOf(baseJoules, n);
        sinceNanos = Arrays.copyOf(sinceNanos, n);
        return this;
    }

    /**
     * Sets the provider's priority (default 0); 100 beats the built-in estimators and ties with RAPL and NVML.
     *
     * @return this source
     */
    public synchronized FakePowerSource priority(int newPriority) {
        this.priority = newPriority;
        return this;
    }

    /**
     * Changes a channel's power from now on; the energy drawn so far at the old power is kept.
     *
     * @throws IllegalArgumentException for an unknown channel or an invalid power
     */
    public synchronized void setWatts(String id, double power) {
        int i = index(id);
        checkWatts(id, power);
        if (context != null) {
            long now = context.nanoTime();
            baseJoules[i] = joulesAt(i, now);
            sinceNanos[i] = now;
        }
        watts[i] = power;
    }

    /** Reports channel {@code id} as {@code NaN} (unreadable) until called again with {@code false}. */
    public synchronized void setUnreadable(String id, boolean isUnreadable) {
        unreadable[index(id)] = isUnreadable;
    }

    /** Makes every {@link #read(EnergySample)} throw an {@link IllegalStateException} until called with false. */
    public synchronized void failReads(boolean fail) {
        this.failReads = fail;
    }

    /**
     * Makes {@link #probe(SourceContext)} answer unavailable and {@link #open(SourceContext)} throw, with
     * {@code reason}; {@code null} clears it.
     */
    public synchronized void failOpen(String reason) {
        this.openFailure = reason;
    }

    /**
     * The cumulative joules a read would report for channel {@code id} now (ignoring injected faults), for tests
     * that compare the tracker's figures with the truth.
     *
     * @throws IllegalStateException before the source is opened
     */
    public synchronized double joules(String id) {
        int i = index(id);
        if (context == null) {
            throw new IllegalStateException("not opened yet");
        }
        return joulesAt(i, context.nanoTime());
    }

    /** How many times {@link #open(SourceContext)} succeeded. */
    public synchronized int openCount() {
        return openCount;
    }

    /** How many times {@link #read(EnergySample)} was called, including failed reads. */
    public synchronized int readCount() {
        return readCount;
    }

    /** How many times {@link #close()} was called, including repeated calls. */
    public synchronized int closeCount() {
        return closeCount;
    }

    /** Whether the source is closed (and not reopened since). */
    public synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized int priority() {
        return priority;
    }

    @Override
    public synchronized Availability probe(SourceContext probeContext) {
        return openFailure == null
                ? Availability.available(name + ": " + channels.size() + " fake channel(s)")
                : Availability.unavailable(openFailure);
    }

    /**
     * Starts every channel at zero joules, timed by {@code openContext}'s clock, and returns this object.
     *
     * @throws PowerSourceException with the reason given to {@link #failOpen(String)}
     */
    @Override
    public synchronized PowerSource open(SourceContext openContext) throws PowerSourceException {
        Objects.requireNonNull(openContext, "context");
        if (openFailure != null) {
            throw new PowerSourceException(openFailure);
        }
        long now = openContext.nanoTime();
        context = openContext;
        Arrays.fill(baseJoules, 0.0);
        Arrays.fill(sinceNanos, now);
        closed = false;
        openCount++;
        return this;
    }

    @Override
    public synchronized List<Channel> channels() {
        return channels;
    }

    /**
     * Sets every channel: its exact energy, or {@code NaN} where made unreadable.
     *
     * @throws IllegalStateException when reads are made to fail, before open and after close
     */
    @Override
    public synchronized void read(EnergySample sample) {
        readCount++;
        if (context == null || closed) {
            throw new IllegalStateException("fake source '" + name + "' is not open");
        }
        if (failReads) {
            throw new IllegalStateException("injected read failure of fake source '" + name + "'");
        }
        long now = context.nanoTime();
        for (int i = 0; i < watts.length; i++) {
            sample.setJoules(i, unreadable[i] ? Double.NaN : joulesAt(i, now));
        }
    }

    @Override
    public synchronized void close() {
        closeCount++;
        closed = true;
    }

    private double joulesAt(int i, long now) {
        return baseJoules[i] + watts[i] * (now - sinceNanos[i]) / 1e9;
    }

    private int index(String id) {
        for (int i = 0; i < channels.size(); i++) {
            if (channels.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no channel '" + id + "' in fake source '" + name + "'");
    }

    private static void checkWatts(String id, double power) {
        if (!(power >= 0) || Double.isInfinite(power)) {
            throw new IllegalArgumentException("power of channel '" + id + "' must be finite and >= 0 W; was " + power);
        }
    }
}
