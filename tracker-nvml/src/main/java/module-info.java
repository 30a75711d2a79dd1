/**
 * carbon4j NVML: NVIDIA GPU energy through NVML, bound with JNA.
 */
module io.carbon4j.tracker.nvml {
    requires io.carbon4j.tracker.core;
    requires com.sun.jna;
}
