/**
 * carbon4j RAPL: CPU package and DRAM energy from the Linux powercap tree.
 */
module io.carbon4j.tracker.rapl {
    requires io.carbon4j.tracker.core;
}
