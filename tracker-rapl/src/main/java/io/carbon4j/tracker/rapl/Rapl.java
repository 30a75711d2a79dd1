package io.carbon4j.tracker.rapl;

import io.carbon4j.tracker.rapl.internal.RaplPowerSourceProvider;
import io.carbon4j.tracker.spi.PowerSourceProvider;

/**
 * Entry point for wiring the RAPL power source by hand.
 *
 * <p>The source reads the Linux powercap tree ({@code carbon4j.rapl.root}, default {@code /sys/class/powercap}):
 * every {@code package-N} zone (all sockets) as CPU energy and every {@code dram} zone as RAM energy, with
 * counter wrap-around handled exactly. With {@code tracker-rapl} on the class or module path the tracker discovers
 * it by itself; use {@link #provider()} when discovery is off:
 *
 * <pre>{@code
 * try (EmissionsTracker tracker = EmissionsTracker.builder()
 *         .discoverPowerSources(false)
 *         .addPowerSource(Rapl.provider())
 *         .start()) {
 *     work();
 * }
 * }</pre>
 *
 * <h2>Thread safety</h2>
 * Stateless; safe from any thread.
 *
 * @since 0.1.0
 */
public final class Rapl {

    /** The provider's name, as used in {@code carbon4j.sources}. */
    public static final String NAME = "rapl";

    /**
     * The source's own key, without the {@code carbon4j.} prefix: {@code true} reports the CPU from the
     * {@code psys} (whole platform) zone instead of the package and DRAM zones. Default {@code false}. Set it as the
     * system property {@code carbon4j.rapl.psys}, the environment variable {@code CARBON4J_RAPL_PSYS}, or with
     * {@code EmissionsTracker.Builder.property("rapl.psys", "true")}.
     */
    public static final String PSYS = "rapl.psys";

    private Rapl() {}

    /** A new RAPL provider, for {@code EmissionsTracker.Builder.addPowerSource(...)}. */
    public static PowerSourceProvider provider() {
        return new RaplPowerSourceProvider();
    }
}
