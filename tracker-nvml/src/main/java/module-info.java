/**
 * carbon4j NVML: NVIDIA GPU energy through NVML, bound with JNA.
 *
 * <p>The provider and its JNA binding live in a non-exported package; JNA reads the mapped structures reflectively,
 * hence the qualified {@code opens}.
 */
module io.carbon4j.tracker.nvml {
    requires io.carbon4j.tracker.core;
    requires com.sun.jna;
    requires org.slf4j;

    opens io.carbon4j.tracker.nvml.internal to
            com.sun.jna;

    provides io.carbon4j.tracker.spi.PowerSourceProvider with
            io.carbon4j.tracker.nvml.internal.NvmlPowerSourceProvider;
}
