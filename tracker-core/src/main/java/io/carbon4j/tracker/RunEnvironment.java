package io.carbon4j.tracker;

import java.util.Objects;

/**
 * Facts about the machine and runtime written with every result: the CSV's {@code os}, {@code cpu_model},
 * {@code cpu_count}, {@code gpu_count}, {@code gpu_model}, {@code ram_total_size} columns. No host or user names
 * are collected.
 *
 * @param os              operating system name and version
 * @param javaVersion     the Java runtime version (written in CodeCarbon's {@code python_version} column)
 * @param carbon4jVersion this library's version
 * @param cpuModel        the CPU model name, or empty when unknown
 * @param cpuCount        logical processors
 * @param gpuCount        GPUs measured
 * @param gpuModel        "N x Name", or empty
 * @param ramTotalGib     physical memory in GiB
 * @since 0.1.0
 */
public record RunEnvironment(
        String os,
        String javaVersion,
        String carbon4jVersion,
        String cpuModel,
        int cpuCount,
        int gpuCount,
        String gpuModel,
        double ramTotalGib) {

    /** Validates the fields. */
    public RunEnvironment {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(javaVersion, "javaVersion");
        Objects.requireNonNull(carbon4jVersion, "carbon4jVersion");
        Objects.requireNonNull(cpuModel, "cpuModel");
        Objects.requireNonNull(gpuModel, "gpuModel");
    }
}
