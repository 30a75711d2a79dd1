package io.carbon4j.tracker.rapl.internal;

import io.carbon4j.tracker.rapl.internal.RaplZone.Kind;
import io.carbon4j.tracker.spi.Channel;
import io.carbon4j.tracker.spi.Component;
import io.carbon4j.tracker.spi.EnergySample;
import io.carbon4j.tracker.spi.Measurement;
import io.carbon4j.tracker.spi.PowerSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cumulative energy of the chosen RAPL zones, one channel per zone, with wrap-around handled per zone.
 *
 * <h2>Wrap-around</h2>
 * A zone's {@code energy_uj} counts up to {@code max_energy_range_uj} and starts again from 0. When a reading is
 * below the previous one, the counter wrapped once: {@code delta = cur - prev + max_energy_range_uj}. (The kernel
 * derives the range from the 32-bit hardware counter as {@code 0xffffffff} energy units, so the true period is the
 * range plus one energy unit, 15 to 61 microjoules; sysfs does not expose the unit, and the loss, under 10^-9 of
 * each wrap, is far below the counter's own accuracy.) {@link #maxReadInterval()} makes the sampler read often
 * enough that no wrap is missed.
 *
 * <h2>Resets</h2>
 * A counter that goes backwards by more than a wrap can explain (a reset, a hot-plugged package) is not turned into
 * a huge number: if the wrapped delta implies more than {@link #PLAUSIBLE_FACTOR} times the zone's plausible
 * maximum power over the elapsed time, that interval counts 0 J, the reading becomes the new base, and the
 * channel's problem is logged once at WARN. The cumulative joules this source reports therefore never decrease.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: {@code read} and {@code close} run on the sampler thread, as the SPI guarantees.
 */
final class RaplPowerSource implements PowerSource {

    private static final Logger LOG = LoggerFactory.getLogger(RaplPowerSource.class);

    /**
     * The power assumed when a zone states no higher maximum: above any socket sold today (the largest server
     * parts are rated at 500 W) and far above any DRAM plane. It sets how often the counters are read and what
     * a wrap may plausibly explain.
     */
    static final double DEFAULT_MAX_POWER_WATTS = 1000.0;
    /** Read at least twice per wrap period at the plausible maximum power, so that a late sample still misses none. */
    static final double SAFETY_FACTOR = 2.0;
    /** A wrapped delta above this multiple of the plausible maximum energy for the elapsed time is a reset. */
    static final double PLAUSIBLE_FACTOR = 2.0;
    /** Allowance for the timing of counter updates (about every millisecond) against our timestamps. */
    private static final long TIMING_SLACK_NANOS = 10_000_000L;

    private final List<Channel> channels;
    private final CounterFile[] counters;
    private final long[] rangeUj;
    private final double[] maxWatts;
    private final long[] previousUj;
    private final long[] previousNanos;
    private final boolean[] hasPrevious;
    private final long[] totalUj;
    private final String[] problems;
    private final LongSupplier nanoTime;
    private final Duration maxReadInterval;
    private boolean closed;

    RaplPowerSource(List<RaplZone> zones, FileAccess files, LongSupplier nanoTime) {
        int n = zones.size();
        this.nanoTime = nanoTime;
        this.counters = new CounterFile[n];
        this.rangeUj = new long[n];
        this.maxWatts = new double[n];
        this.previousUj = new long[n];
        this.previousNanos = new long[n];
        this.hasPrevious = new boolean[n];
        this.totalUj = new long[n];
        this.problems = new String[n];
        List<Channel> list = new ArrayList<>(n);
        Set<String> ids = new HashSet<>();
        long shortestNanos = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            RaplZone z = zones.get(i);
            counters[i] = new CounterFile(z.energyFile(), files);
            rangeUj[i] = z.maxEnergyRangeUj();
            maxWatts[i] = plausibleMaxWatts(z);
            shortestNanos = Math.min(shortestNanos, safeIntervalNanos(rangeUj[i], maxWatts[i]));
            list.add(channel(z, ids));
        }
        this.channels = List.copyOf(list);
        this.maxReadInterval = n == 0 ? null : Duration.ofNanos(Math.max(1, shortestNanos));
        long now = nanoTime.getAsLong();
        for (int i = 0; i < n; i++) {
            long uj = counters[i].read();
            if (uj != UnsignedDecimal.INVALID && uj <= rangeUj[i]) {
                previousUj[i] = uj;
                previousNanos[i] = now;
                hasPrevious[i] = true;
            }
        }
    }

    /**
     * The highest power a zone can plausibly draw: the zone's largest {@code constraint_*_max_power_uw} if it is
     * above {@link #DEFAULT_MAX_POWER_WATTS}, else that default. A stated maximum only ever raises the assumption:
     * the constraints bound an average (PL1/PL2) that short bursts exceed, and some firmware states 0 or nothing.
     */
    static double plausibleMaxWatts(RaplZone zone) {
        double stated = zone.maxPowerWatts();
        return stated > DEFAULT_MAX_POWER_WATTS ? stated : DEFAULT_MAX_POWER_WATTS;
    }

    /**
     * The longest safe interval between reads of a counter: half its wrap period at the plausible maximum power,
     * {@code range_uj / (SAFETY_FACTOR * P_max * 10^6)} seconds. 262 143 328 850 uJ at 1000 W: 131.07 s.
     */
    static long safeIntervalNanos(long rangeUj, double maxWatts) {
        // uJ / W = us; times 1000 = ns.
        double nanos = rangeUj / (SAFETY_FACTOR * maxWatts) * 1000.0;
        return nanos >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) nanos;
    }

    private static Channel channel(RaplZone z, Set<String> ids) {
        String id;
        if (z.kind() == Kind.DRAM) {
            id = z.packageName() != null && z.packageName().startsWith("package-")
                    ? "dram-" + z.packageName().substring("package-".length())
                    : "dram-" + z.dirName();
        } else {
            id = z.name();
        }
        if (!ids.add(id)) {
            id = id + "@" + z.dirName();
            ids.add(id);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("zone", z.dirName());
        attributes.put("name", z.name());
        attributes.put("path", z.realPath().toString());
        attributes.put("max_energy_range_uj", Long.toString(z.maxEnergyRangeUj()));
        if (z.socket() >= 0) {
            attributes.put("socket", Integer.toString(z.socket()));
        }
        if (z.die() >= 0) {
            attributes.put("die", Integer.toString(z.die()));
        }
        Component component = z.kind() == Kind.DRAM ? Component.RAM : Component.CPU;
        String description = "RAPL " + (z.kind() == Kind.DRAM && z.packageName() != null
                ? z.packageName() + "/dram" : z.name()) + " (" + z.dirName() + ")";
        return new Channel(id, component, Measurement.COUNTER, description, attributes);
    }

    @Override
    public List<Channel> channels() {
        return channels;
    }

    @Override
    public Optional<Duration> maxReadInterval() {
        return Optional.ofNullable(maxReadInterval);
    }

    @Override
    public void read(EnergySample sample) {
        if (closed) {
            throw new IllegalStateException("The RAPL power source is closed");
        }
        long now = nanoTime.getAsLong();
        for (int i = 0; i < counters.length; i++) {
            long uj = counters[i].read();
            if (uj == UnsignedDecimal.INVALID) {
                sample.setJoules(i, Double.NaN);
                continue;
            }
            if (uj > rangeUj[i]) {
                outOfRange(i, uj);
                sample.setJoules(i, Double.NaN);
                continue;
            }
            if (hasPrevious[i]) {
                long delta = uj - previousUj[i];
                if (delta < 0) {
                    delta += rangeUj[i];
                    long elapsed = now - previousNanos[i];
                    if (delta > plausibleMicrojoules(i, elapsed)) {
                        reset(i, previousUj[i], uj, elapsed);
                        delta = 0;
                    }
                }
                totalUj[i] += delta;
            }
            previousUj[i] = uj;
            previousNanos[i] = now;
            hasPrevious[i] = true;
            sample.setJoules(i, totalUj[i] / 1e6);
        }
    }

    private double plausibleMicrojoules(int i, long elapsedNanos) {
        double micros = (Math.max(0, elapsedNanos) + TIMING_SLACK_NANOS) / 1000.0;
        return PLAUSIBLE_FACTOR * maxWatts[i] * micros;
    }

    private void reset(int i, long previous, long current, long elapsedNanos) {
        if (!shouldLog(i)) {
            return;
        }
        String problem = String.format(Locale.ROOT,
                "counter went from %d to %d uJ in %d ms: more than one wrap of %d uJ can explain at up to %.0f W"
                        + " (a reset or hot-plug); that interval counted as 0 J",
                previous, current, elapsedNanos / 1_000_000, rangeUj[i], maxWatts[i]);
        problem(i, problem);
    }

    private void outOfRange(int i, long value) {
        if (!shouldLog(i)) {
            return;
        }
        problem(i, "read " + value + " uJ, above max_energy_range_uj " + rangeUj[i] + "; reading ignored");
    }

    /** Whether a problem on channel {@code i} will be logged; spares building a message that nobody reads. */
    private boolean shouldLog(int i) {
        return problems[i] == null || LOG.isDebugEnabled();
    }

    private void problem(int i, String problem) {
        if (problems[i] == null) {
            problems[i] = problem;
            LOG.warn("RAPL channel {} ({}): {}", channels.get(i).id(), counters[i].path(), problem);
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("RAPL channel {} ({}): {}", channels.get(i).id(), counters[i].path(), problem);
        }
    }

    /** The first problem seen on a channel (a reset, an impossible value), or {@code null}. */
    String problem(int channel) {
        return problems[channel];
    }

    /** Idempotent; never throws. */
    /** Sysfs energy_uj reads are answered by the kernel from the MSRs without waiting on a device: never blocks. */
    @Override
    public boolean readsWithoutBlocking() {
        return true;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (CounterFile c : counters) {
            c.close();
        }
    }
}
