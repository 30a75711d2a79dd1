/**
 * carbon4j RAPL: CPU package and DRAM energy from the Linux powercap tree, in pure Java.
 *
 * <p>The provider is found by {@link java.util.ServiceLoader}; {@link io.carbon4j.tracker.rapl.Rapl} offers it
 * for wiring by hand.
 */
module io.carbon4j.tracker.rapl {
    requires io.carbon4j.tracker.core;

    exports io.carbon4j.tracker.rapl;

    provides io.carbon4j.tracker.spi.PowerSourceProvider with
            io.carbon4j.tracker.rapl.internal.RaplPowerSourceProvider;
}
