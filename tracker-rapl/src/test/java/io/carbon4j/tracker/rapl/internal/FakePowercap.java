package io.carbon4j.tracker.rapl.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds powercap trees in a temporary directory, in the kernel's layouts. Values are written in place (truncate and
 * write the same file), as sysfs changes a value under an open file descriptor; a write-and-rename would leave the
 * source reading the old file.
 */
final class FakePowercap {

    /** The range of a real Xeon package counter: 0xffffffff units of 61.035 uJ. */
    static final long XEON_RANGE = 262_143_328_850L;
    /** The range of a real DRAM counter. */
    static final long DRAM_RANGE = 65_712_999_613L;

    final Path root;

    FakePowercap(Path root) {
        this.root = root;
    }

    /** A zone directory {@code rel} (nested with '/') with its name, counter and range. */
    Path zone(String rel, String name, long energyUj, long rangeUj) {
        Path dir = root.resolve(rel);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("name"), name + "\n");
            Files.writeString(dir.resolve("energy_uj"), energyUj + "\n");
            Files.writeString(dir.resolve("max_energy_range_uj"), rangeUj + "\n");
            Files.writeString(dir.resolve("enabled"), "1\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** Sets a zone's counter. */
    void energy(String rel, long energyUj) {
        text(rel + "/energy_uj", energyUj + "\n");
    }

    /** Writes any file in place. */
    void text(String rel, String content) {
        try {
            Files.writeString(root.resolve(rel), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String rel) {
        try {
            Files.delete(root.resolve(rel));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A single-socket Intel server: package-0 with core, uncore and dram subzones, nested as in /sys/devices. */
    FakePowercap oneSocket() {
        zone("intel-rapl:0", "package-0", 1_000_000L, XEON_RANGE);
        zone("intel-rapl:0/intel-rapl:0:0", "core", 500_000L, XEON_RANGE);
        zone("intel-rapl:0/intel-rapl:0:1", "uncore", 100_000L, XEON_RANGE);
        zone("intel-rapl:0/intel-rapl:0:2", "dram", 200_000L, DRAM_RANGE);
        return this;
    }

    /** A two-socket server: package-0 and package-1, each with core and dram. */
    FakePowercap twoSockets() {
        for (int s = 0; s < 2; s++) {
            zone("intel-rapl:" + s, "package-" + s, 1_000_000L * (s + 1), XEON_RANGE);
            zone("intel-rapl:" + s + "/intel-rapl:" + s + ":0", "core", 300_000L, XEON_RANGE);
            zone("intel-rapl:" + s + "/intel-rapl:" + s + ":1", "dram", 70_000L * (s + 1), DRAM_RANGE);
        }
        return this;
    }
}
