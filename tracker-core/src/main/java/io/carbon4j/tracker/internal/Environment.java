package io.carbon4j.tracker.internal;

import io.carbon4j.tracker.RunEnvironment;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Machine facts, gathered once per JVM and cheaply: /proc/cpuinfo on Linux, OSHI elsewhere (loaded only then), and
 * the JDK's operating-system bean for memory. No host or user names.
 */
public final class Environment {

    private static volatile Machine machine;

    private Environment() {}

    /** The facts that do not depend on the run; the GPU fields are filled from the sources. */
    static RunEnvironment of(int gpuCount, String gpuModel) {
        Machine m = machine();
        return new RunEnvironment(m.os, m.java, m.version, m.cpuModel, m.cpus, gpuCount, gpuModel, m.ramGib);
    }

    /** The CPU model name ({@code /proc/cpuinfo} on Linux, OSHI elsewhere), read once per JVM; empty if unknown. */
    public static String cpuModel() {
        return machine().cpuModel;
    }

    /** Installed memory in bytes (MemTotal on Linux, the JDK's figure elsewhere), or -1; read once per JVM. */
    public static long installedMemoryBytes() {
        return machine().ramBytes;
    }

    static String version() {
        return machine().version;
    }

    private static Machine machine() {
        Machine m = machine;
        if (m == null) {
            synchronized (Environment.class) {
                m = machine;
                if (m == null) {
                    m = new Machine();
                    machine = m;
                }
            }
        }
        return m;
    }

    /** The model name in the text of {@code /proc/cpuinfo}, or empty. */
    public static String cpuModelFromCpuinfo(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String key = line.substring(0, colon).strip();
                if (key.equals("model name") || key.equals("Model") || key.equals("Hardware")) {
                    String v = line.substring(colon + 1).strip();
                    if (!v.isEmpty()) {
                        return v;
                    }
                }
            }
        }
        return "";
    }

    private static final class Machine {
        final String os = System.getProperty("os.name", "") + " " + System.getProperty("os.version", "");
        final String java = "Java " + System.getProperty("java.version", "");
        final String version = readVersion();
        final int cpus = Runtime.getRuntime().availableProcessors();
        final String cpuModel = readCpuModel();
        final long ramBytes = readRamBytes();
        final double ramGib = ramBytes > 0 ? ramBytes / (1024.0 * 1024 * 1024) : 0;

        private static String readVersion() {
            Properties p = new Properties();
            try (var in = Environment.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                return "unknown";
            }
            return p.getProperty("version", "unknown");
        }

        private static String readCpuModel() {
            Path cpuinfo = Path.of("/proc/cpuinfo");
            if (Files.isReadable(cpuinfo)) {
                try {
                    String model = cpuModelFromCpuinfo(Files.readString(cpuinfo, StandardCharsets.UTF_8));
                    if (!model.isEmpty()) {
                        return model;
                    }
                } catch (IOException | RuntimeException e) {
                    // fall through to OSHI
                }
            }
            try {
                return new oshi.SystemInfo().getHardware().getProcessor().getProcessorIdentifier().getName().strip();
            } catch (RuntimeException | LinkageError e) {
                return "";
            }
        }

        private static long readRamBytes() {
            // /proc/meminfo first: it costs a file read, while the management beans cost tens of milliseconds
            // of class loading on a cold JVM, on the tracker's start path.
            Path meminfo = Path.of("/proc/meminfo");
            if (Files.isReadable(meminfo)) {
                try {
                    for (String line : Files.readAllLines(meminfo, StandardCharsets.UTF_8)) {
                        if (line.startsWith("MemTotal:")) {
                            String kb = line.substring("MemTotal:".length()).replace("kB", "").strip();
                            return Long.parseLong(kb) * 1024;
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // fall through
                }
            }
            try {
                var os = ManagementFactory.getOperatingSystemMXBean();
                if (os instanceof com.sun.management.OperatingSystemMXBean) {
                    return ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize();
                }
            } catch (RuntimeException | LinkageError e) {
                // unknown
            }
            return -1;
        }
    }
}
