package io.carbon4j.tracker.rapl.internal;

import io.carbon4j.tracker.rapl.internal.RaplZone.Kind;
import io.carbon4j.tracker.spi.PowerSourceException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the RAPL energy zones under a powercap root and decides which of them to count.
 *
 * <p>Zones are identified by their {@code name} file, never by their index: {@code intel-rapl:1} is
 * {@code package-1} on a two-socket server but {@code psys} on many laptops. The walk follows the real layout:
 * {@code /sys/class/powercap} holds symlinks ({@code intel-rapl:0}, {@code intel-rapl:0:0}, {@code intel-rapl},
 * {@code intel-rapl-mmio:0}) into {@code /sys/devices/virtual/powercap}, where subzones are nested in their
 * package. Each physical zone is taken once, by its real path. AMD Zen appears under the same {@code intel-rapl}
 * control type (Linux 5.11 and later).
 *
 * <p>Everything here runs at probe and open time, never on the sampling path, so it may allocate freely.
 */
final class PowercapReader {

    private static final Logger LOG = LoggerFactory.getLogger(PowercapReader.class);
    /** Root, control type, package, subzone, plus one level of slack; sysfs nests no deeper. */
    private static final int MAX_DEPTH = 4;
    private static final int TEXT_CAPACITY = 256;
    /** Reads of a group of candidate mirrors; one round with identical values is enough (see {@link #dropMirrors}). */
    private static final int MIRROR_ROUNDS = 3;
    static final String TROUBLESHOOTING = "docs/troubleshooting.md#rapl-permission";

    private final Path root;
    private final FileAccess files;

    PowercapReader(Path root, FileAccess files) {
        this.root = root;
        this.files = files;
    }

    /** The zones to count and what was left out, in words. */
    static final class Selection {
        final List<RaplZone> counted;
        /** Decisions that change the figures: duplicates and mirrors counted once, zones skipped. */
        final List<String> decisions;
        /** Zones left out by rule (core, uncore, psys or packages, unknown names). */
        final List<String> ignored;
        final String description;

        Selection(List<RaplZone> counted, List<String> decisions, List<String> ignored, String description) {
            this.counted = List.copyOf(counted);
            this.decisions = List.copyOf(decisions);
            this.ignored = List.copyOf(ignored);
            this.description = description;
        }

        /** Every note, decisions first. */
        List<String> notes() {
            List<String> all = new ArrayList<>(decisions);
            all.addAll(ignored);
            return all;
        }
    }

    /** Every energy zone under the root, each physical zone once, sorted by path. Never throws. */
    List<RaplZone> zones() {
        return zones(new ArrayList<>());
    }

    private List<RaplZone> zones(List<String> notes) {
        Map<Path, Found> byRealPath = new LinkedHashMap<>();
        if (Files.isDirectory(root)) {
            walk(root, 0, new HashSet<>(), byRealPath);
        }
        Map<String, Found> byDirName = new HashMap<>();
        for (Found f : byRealPath.values()) {
            byDirName.putIfAbsent(f.dirName, f);
        }
        List<RaplZone> zones = new ArrayList<>();
        for (Found f : byRealPath.values()) {
            Kind kind = f.name == null ? Kind.OTHER : RaplZone.kindOf(f.name);
            String name = f.name == null ? "?" : f.name;
            if (f.range <= 0) {
                if (kind != Kind.OTHER && kind != Kind.CORE && kind != Kind.UNCORE) {
                    notes.add("skipped " + name + " (" + f.dirName + "): max_energy_range_uj is missing or not a"
                            + " number, so counter wrap-around could not be handled");
                }
                continue;
            }
            String packageName = kind == Kind.PACKAGE ? name : parentPackage(f, byRealPath, byDirName);
            int[] sd = RaplZone.socketAndDie(packageName);
            zones.add(new RaplZone(f.dirName, name, kind, f.path, f.realPath, f.range, f.maxPowerWatts,
                    packageName, sd[0], sd[1]));
        }
        zones.sort(Comparator.comparing(z -> z.realPath().toString()));
        return zones;
    }

    /**
     * The package a subzone belongs to: its real parent directory in the devices tree or, when the tree was copied
     * flat (a container with a copied {@code /sys/class/powercap}), the zone whose directory name is this one's
     * minus its last {@code :M}.
     */
    private static String parentPackage(Found f, Map<Path, Found> byRealPath, Map<String, Found> byDirName) {
        Found parent = byRealPath.get(f.realPath.getParent());
        if (parent == null) {
            int colon = f.dirName.lastIndexOf(':');
            if (colon > 0 && f.dirName.indexOf(':') < colon) {
                parent = byDirName.get(f.dirName.substring(0, colon));
            }
        }
        if (parent != null && parent.name != null && RaplZone.kindOf(parent.name) == Kind.PACKAGE) {
            return parent.name;
        }
        return null;
    }

    private void walk(Path dir, int depth, Set<Path> visited, Map<Path, Found> found) {
        if (depth > MAX_DEPTH) {
            return;
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                children.add(p);
            }
        } catch (IOException | DirectoryIteratorException | SecurityException e) {
            LOG.debug("Cannot list {}", dir, e);
            return;
        }
        children.sort(Comparator.comparing(p -> p.getFileName().toString()));
        for (Path child : children) {
            String fileName = child.getFileName().toString();
            // Below the root only zone directories (their names carry ':') are entered: every sysfs zone also holds
            // 'device', 'power' and 'subsystem' links, and 'subsystem' points back at the class directory.
            if (depth > 0 && fileName.indexOf(':') < 0) {
                continue;
            }
            if (!Files.isDirectory(child)) {
                continue;
            }
            Path real;
            try {
                real = child.toRealPath();
            } catch (IOException | SecurityException e) {
                LOG.debug("Cannot resolve {}", child, e);
                continue;
            }
            if (!visited.add(real)) {
                continue;
            }
            if (Files.exists(child.resolve("energy_uj"))) {
                found.put(real, read(child, real, fileName));
            }
            walk(child, depth + 1, visited, found);
        }
    }

    private Found read(Path dir, Path real, String dirName) {
        Found f = new Found();
        f.dirName = dirName;
        f.path = dir;
        f.realPath = real;
        String name = readText(dir.resolve("name"));
        f.name = name == null || name.isBlank() ? null : name.strip();
        String range = readText(dir.resolve("max_energy_range_uj"));
        f.range = range == null ? UnsignedDecimal.INVALID : UnsignedDecimal.parse(range);
        f.maxPowerWatts = Double.NaN;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "constraint_*_max_power_uw")) {
            for (Path p : stream) {
                String text = readText(p);
                long uw = text == null ? UnsignedDecimal.INVALID : UnsignedDecimal.parse(text);
                if (uw > 0 && !(uw / 1e6 <= f.maxPowerWatts)) {
                    f.maxPowerWatts = uw / 1e6;
                }
            }
        } catch (IOException | DirectoryIteratorException | SecurityException e) {
            LOG.debug("Cannot list the constraints of {}", dir, e);
        }
        return f;
    }

    /** A small sysfs file as text, or {@code null} when it cannot be read. */
    String readText(Path file) {
        try (SeekableByteChannel ch = files.open(file)) {
            ByteBuffer buf = ByteBuffer.allocate(TEXT_CAPACITY);
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // keep reading: a regular file (tests, copied trees) may answer in pieces
            }
            return new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Cannot read {}", file, e);
            return null;
        }
    }

    /**
     * Chooses the zones to count.
     *
     * @param psys count the {@code psys} zone instead of the packages and DRAM
     * @throws PowerSourceException when nothing can be counted, with the reason and the fix
     */
    Selection select(boolean psys) throws PowerSourceException {
        List<String> notes = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<RaplZone> zones = zones(notes);
        if (zones.isEmpty()) {
            throw new PowerSourceException(Files.isDirectory(root)
                    ? "No RAPL zone under " + root + " (no powercap RAPL driver: a VM, a CPU without RAPL, or the"
                            + " intel_rapl_msr module not loaded)"
                    : "The powercap root " + root + " does not exist (not Linux, or /sys/class/powercap not mounted"
                            + " into this container; set carbon4j.rapl.root)");
        }
        List<RaplZone> unique = dropSameZone(zones, notes);
        Set<Kind> wanted = psys ? EnumSet.of(Kind.PSYS) : EnumSet.of(Kind.PACKAGE, Kind.DRAM);
        List<RaplZone> counted = new ArrayList<>();
        Set<String> inside = new TreeSet<>();
        for (RaplZone z : unique) {
            if (wanted.contains(z.kind())) {
                counted.add(z);
            } else if (z.kind() == Kind.CORE || z.kind() == Kind.UNCORE) {
                inside.add(z.name());
            } else if (z.kind() == Kind.PSYS) {
                ignored.add("psys (whole platform) not added; set carbon4j.rapl.psys=true to report it as the CPU"
                        + " instead of the packages");
            } else if (z.kind() == Kind.PACKAGE || z.kind() == Kind.DRAM) {
                ignored.add(z.name() + " not added: carbon4j.rapl.psys=true reports the whole platform from psys");
            } else {
                ignored.add("unknown zone " + z.describe() + " ignored");
            }
        }
        if (!inside.isEmpty()) {
            ignored.add(String.join(", ", inside) + " ignored (inside the package)");
        }
        if (counted.stream().noneMatch(z -> z.kind() == (psys ? Kind.PSYS : Kind.PACKAGE))) {
            throw new PowerSourceException((psys
                    ? "carbon4j.rapl.psys is true but there is no psys zone under " + root
                    : "No RAPL package zone under " + root) + " (found: " + names(zones) + ")");
        }
        for (RaplZone z : counted) {
            checkReadable(z.energyFile());
        }
        counted = dropMirrors(counted, notes);
        counted.sort(Comparator.comparing((RaplZone z) -> z.kind().ordinal())
                .thenComparingInt(RaplZone::socket)
                .thenComparingInt(RaplZone::die)
                .thenComparing(z -> z.realPath().toString()));
        List<String> all = new ArrayList<>(notes);
        all.addAll(ignored);
        return new Selection(counted, notes, ignored, describe(counted, all));
    }

    /**
     * Keeps one zone per physical domain. The same domain can appear under two directories: the MSR interface
     * ({@code intel-rapl:0}, name {@code package-0}) and the MMIO one ({@code intel-rapl-mmio:0}, name
     * {@code package-0}) on newer Intel clients, or two zones with one name on some AMD kernels. A package is
     * identified by its name, a subzone by its package and name (every socket has a zone named {@code dram}).
     * Between two, the {@code intel-rapl} (MSR) zone is kept: it exists on every RAPL machine, Intel and AMD,
     * with its subzones next to it, so the same machine family always reads the same counter. (CodeCarbon keeps
     * the MMIO one; both read the same package energy.)
     */
    private static List<RaplZone> dropSameZone(List<RaplZone> zones, List<String> notes) {
        Map<String, RaplZone> byKey = new LinkedHashMap<>();
        for (RaplZone z : zones) {
            String key;
            if (z.kind() == Kind.PACKAGE || z.kind() == Kind.PSYS) {
                key = z.name();
            } else if (z.packageName() != null) {
                key = z.packageName() + "/" + z.name();
            } else {
                key = z.realPath().toString();
            }
            RaplZone kept = byKey.get(key);
            if (kept == null) {
                byKey.put(key, z);
                continue;
            }
            RaplZone winner = isMsr(z) && !isMsr(kept) ? z : kept;
            RaplZone loser = winner == z ? kept : z;
            byKey.put(key, winner);
            notes.add(loser.describe() + " is the same domain as " + winner.describe() + "; counted once");
        }
        return new ArrayList<>(byKey.values());
    }

    private static boolean isMsr(RaplZone z) {
        return z.dirName().startsWith("intel-rapl:");
    }

    /**
     * Drops per-die mirrors. Zen 1/2 Threadripper and EPYC expose {@code package-0-die-0}, {@code package-0-die-1}
     * ... that all read the one counter of their socket: summing them multiplies the socket's energy by the die
     * count (CodeCarbon #1274: 137 W reported for a true 68 W). Intel multi-die parts use the same names for dies
     * that really have their own counters. The two cases differ in the readings: mirrors show identical values,
     * while independent cumulative counters, hundreds of millions of microjoules since boot, practically never do.
     * So zones of one kind, socket and range whose counters read the same value in one of
     * {@value #MIRROR_ROUNDS} back-to-back rounds are one counter, counted once. Several rounds because a
     * counter can tick (about every millisecond) between two reads of one round; no waiting, so open stays fast.
     */
    private List<RaplZone> dropMirrors(List<RaplZone> counted, List<String> notes) {
        Map<String, List<RaplZone>> groups = new LinkedHashMap<>();
        for (RaplZone z : counted) {
            if (z.socket() >= 0) {
                groups.computeIfAbsent(z.kind() + "/" + z.socket() + "/" + z.maxEnergyRangeUj(), k -> new ArrayList<>())
                        .add(z);
            }
        }
        Set<RaplZone> mirrors = new HashSet<>();
        for (List<RaplZone> group : groups.values()) {
            if (group.size() < 2) {
                continue;
            }
            group.sort(Comparator.comparingInt(RaplZone::die).thenComparing(z -> z.realPath().toString()));
            Map<RaplZone, RaplZone> mirrorOf = new LinkedHashMap<>();
            for (int round = 0; round < MIRROR_ROUNDS; round++) {
                long[] values = new long[group.size()];
                for (int i = 0; i < values.length; i++) {
                    String text = readText(group.get(i).energyFile());
                    values[i] = text == null ? UnsignedDecimal.INVALID : UnsignedDecimal.parse(text);
                }
                for (int i = 1; i < values.length; i++) {
                    for (int j = 0; j < i; j++) {
                        if (values[i] != UnsignedDecimal.INVALID && values[i] == values[j]
                                && !mirrorOf.containsKey(group.get(j))) {
                            mirrorOf.putIfAbsent(group.get(i), group.get(j));
                            break;
                        }
                    }
                }
            }
            for (Map.Entry<RaplZone, RaplZone> e : mirrorOf.entrySet()) {
                mirrors.add(e.getKey());
                notes.add(e.getKey().describe() + " mirrors " + e.getValue().describe()
                        + " (identical readings: one socket counter seen per die); counted once");
            }
        }
        List<RaplZone> kept = new ArrayList<>();
        for (RaplZone z : counted) {
            if (!mirrors.contains(z)) {
                kept.add(z);
            }
        }
        return kept;
    }

    private void checkReadable(Path energyFile) throws PowerSourceException {
        try (SeekableByteChannel ch = files.open(energyFile)) {
            ch.read(ByteBuffer.allocate(TEXT_CAPACITY));
        } catch (AccessDeniedException e) {
            throw new PowerSourceException(permissionMessage(energyFile), e);
        } catch (IOException | RuntimeException e) {
            throw new PowerSourceException("Cannot read the RAPL counter " + energyFile + ": " + e, e);
        }
    }

    /** The reason and the fix for an unreadable counter; the same words as docs/troubleshooting.md. */
    String permissionMessage(Path energyFile) {
        return "RAPL counter " + energyFile + " is not readable by this user: since Linux 5.10 (and in older"
                + " stable and distribution kernels patched for CVE-2020-8694, the PLATYPUS power side channel)"
                + " energy_uj is readable by root only. Fix: grant read access to a group with a udev rule (lasts"
                + " across reboots), or until the next reboot run 'sudo chmod a+r " + root
                + "/intel-rapl*:*/energy_uj'. See " + TROUBLESHOOTING;
    }

    private String describe(List<RaplZone> counted, List<String> notes) {
        Map<Kind, List<String>> byKind = new LinkedHashMap<>();
        for (RaplZone z : counted) {
            byKind.computeIfAbsent(z.kind(), k -> new ArrayList<>())
                    .add(z.kind() == Kind.DRAM && z.packageName() != null ? z.packageName() + "/dram" : z.name());
        }
        StringJoiner parts = new StringJoiner(", ");
        for (Map.Entry<Kind, List<String>> e : byKind.entrySet()) {
            int n = e.getValue().size();
            String what = e.getKey() == Kind.PACKAGE ? (n == 1 ? "package" : "packages")
                    : e.getKey() == Kind.DRAM ? (n == 1 ? "dram zone" : "dram zones")
                    : "psys zone (whole platform, reported as CPU)";
            parts.add(n + " " + what + " (" + String.join(", ", e.getValue()) + ")");
        }
        String text = parts + " under " + root;
        return notes.isEmpty() ? text : text + "; " + String.join("; ", notes);
    }

    private static String names(List<RaplZone> zones) {
        StringJoiner j = new StringJoiner(", ");
        for (RaplZone z : zones) {
            j.add(z.describe());
        }
        return j.toString();
    }

    /** A zone directory as read, before its parent is known. */
    private static final class Found {
        String dirName;
        Path path;
        Path realPath;
        String name;
        long range;
        double maxPowerWatts;
    }
}
