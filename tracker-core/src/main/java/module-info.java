/**
 * carbon4j core: the EmissionsTracker API, the power-source SPI, carbon-intensity tables and outputs.
 */
module io.carbon4j.tracker.core {
    requires transitive org.slf4j;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.github.oshi;
    requires java.management;
    requires jdk.management;

    exports io.carbon4j.tracker;
    exports io.carbon4j.tracker.spi;
    exports io.carbon4j.tracker.intensity;
    exports io.carbon4j.tracker.output;

    uses io.carbon4j.tracker.spi.PowerSourceProvider;

    provides io.carbon4j.tracker.spi.PowerSourceProvider with
            io.carbon4j.tracker.internal.estimate.ForcedPowerProvider,
            io.carbon4j.tracker.internal.estimate.CpuModelProvider,
            io.carbon4j.tracker.internal.estimate.RamModelProvider;
}
