package io.carbon4j.tracker.spi;

/**
 * The hardware components whose energy carbon4j accounts for separately.
 *
 * <p>The split follows CodeCarbon's CSV columns ({@code cpu_energy}, {@code gpu_energy}, {@code ram_energy}), so
 * that results stay comparable with existing tooling.
 *
 * @since 0.1.0
 */
public enum Component {
    /** Processor packages (all sockets): RAPL {@code package-N} zones or a CPU power model. */
    CPU,
    /** Discrete accelerators, one channel per device. */
    GPU,
    /** Memory: RAPL {@code dram} zones or a memory power model. */
    RAM;

    /** The lower-case name used in configuration, logs and JSON ({@code cpu}, {@code gpu}, {@code ram}). */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
