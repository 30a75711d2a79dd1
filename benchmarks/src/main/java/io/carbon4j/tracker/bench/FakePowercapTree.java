package io.carbon4j.tracker.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A powercap tree in a temporary directory, in the kernel's nested layout: two packages, each with a {@code core}
 * and a {@code dram} subzone. The RAPL source counts four of these files per sample (both packages and both DRAM
 * zones; {@code core} lies inside its package).
 */
public final class FakePowercapTree implements AutoCloseable {

    /** The range of a real Xeon package counter. */
    static final long PACKAGE_RANGE = 262_143_328_850L;
    /** The range of a real DRAM counter. */
    static final long DRAM_RANGE = 65_712_999_613L;

    private final Path root;
    private final List<Path> counted = new ArrayList<>();

    /** Builds the tree under a new temporary directory. */
    public FakePowercapTree() {
        try {
            root = Files.createTempDirectory("carbon4j-bench-powercap");
            for (int s = 0; s < 2; s++) {
                String pkg = "intel-rapl:" + s;
                counted.add(zone(pkg, "package-" + s, 123_456_789L * (s + 1), PACKAGE_RANGE));
                zone(pkg + "/intel-rapl:" + s + ":0", "core", 55_555_555L, PACKAGE_RANGE);
                counted.add(zone(pkg + "/intel-rapl:" + s + ":1", "dram", 7_777_777L * (s + 1), DRAM_RANGE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path zone(String rel, String name, long energyUj, long rangeUj) throws IOException {
        Path dir = root.resolve(rel);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("name"), name + "\n");
        Files.writeString(dir.resolve("energy_uj"), energyUj + "\n");
        Files.writeString(dir.resolve("max_energy_range_uj"), rangeUj + "\n");
        Files.writeString(dir.resolve("enabled"), "1\n");
        return dir.resolve("energy_uj");
    }

    /** The directory to pass as {@code carbon4j.rapl.root}. */
    public Path root() {
        return root;
    }

    /** The {@code energy_uj} files the RAPL source reads on every sample. */
    public List<Path> countedFiles() {
        return List.copyOf(counted);
    }

    @Override
    public void close() {
        deleteTree(root);
    }

    /** Deletes a directory tree, quietly. */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // A leftover in the temporary directory does not change any figure.
                }
            });
        } catch (IOException e) {
            // As above.
        }
    }
}
