package io.carbon4j.tracker.rapl.internal;

import java.nio.file.Path;

/**
 * One powercap energy zone as found on disk.
 *
 * @param dirName          the zone's directory name, e.g. {@code intel-rapl:0:0} (an index, never its identity)
 * @param name             the content of its {@code name} file, e.g. {@code package-0}, {@code dram}
 * @param kind             what the name says the zone measures
 * @param path             the zone directory as reached from the root (what a user would {@code chmod})
 * @param realPath         the directory with every symlink resolved; one physical zone has one real path
 * @param maxEnergyRangeUj {@code max_energy_range_uj}: the counter wraps to 0 after this value
 * @param maxPowerWatts    the largest {@code constraint_*_max_power_uw} of the zone in watts, or {@code NaN}
 * @param packageName      the package the zone belongs to ({@code package-1} for a package and its dram), or
 *                         {@code null} for a top-level zone that is not a package (psys)
 * @param socket           the socket index from the package name, or -1 when unknown
 * @param die              the die index from a {@code package-N-die-D} name, or -1
 */
record RaplZone(
        String dirName,
        String name,
        Kind kind,
        Path path,
        Path realPath,
        long maxEnergyRangeUj,
        double maxPowerWatts,
        String packageName,
        int socket,
        int die) {

    /** The RAPL domains, by their {@code name} file. */
    enum Kind {
        /** {@code package-N} or {@code package-N-die-D}: the whole processor package of a socket (or die). */
        PACKAGE,
        /** {@code dram}: the memory plane of a socket. */
        DRAM,
        /** {@code psys}: the whole platform (SoC, memory, ...), Skylake clients and later. */
        PSYS,
        /** {@code core}: the cores, inside the package. */
        CORE,
        /** {@code uncore}: caches and integrated graphics, inside the package. */
        UNCORE,
        /** Anything else (an unknown or unreadable name). */
        OTHER
    }

    /** The counter file. */
    Path energyFile() {
        return path.resolve("energy_uj");
    }

    /** {@code package-0 (intel-rapl:0)}, for messages. */
    String describe() {
        return name + " (" + dirName + ")";
    }

    /** The kind named by a zone's {@code name} file. */
    static Kind kindOf(String name) {
        if (name.startsWith("package-")) {
            return Kind.PACKAGE;
        }
        switch (name) {
            case "dram":
                return Kind.DRAM;
            case "psys":
                return Kind.PSYS;
            case "core":
                return Kind.CORE;
            case "uncore":
                return Kind.UNCORE;
            default:
                return Kind.OTHER;
        }
    }

    /**
     * The socket and die of a package name: {@code package-1} is socket 1, die -1; {@code package-0-die-1} is
     * socket 0, die 1. Anything else gives {@code {-1, -1}}.
     */
    static int[] socketAndDie(String packageName) {
        int[] none = {-1, -1};
        if (packageName == null || !packageName.startsWith("package-")) {
            return none;
        }
        String rest = packageName.substring("package-".length());
        int dash = rest.indexOf("-die-");
        long socket = UnsignedDecimal.parse(dash < 0 ? rest : rest.substring(0, dash));
        long die = dash < 0 ? -1 : UnsignedDecimal.parse(rest.substring(dash + "-die-".length()));
        if (socket < 0 || socket > Integer.MAX_VALUE || (dash >= 0 && (die < 0 || die > Integer.MAX_VALUE))) {
            return none;
        }
        return new int[] {(int) socket, (int) die};
    }
}
