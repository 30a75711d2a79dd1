package io.carbon4j.tracker.internal.estimate;

import io.carbon4j.tracker.internal.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the CPU model needs to know of the machine.
 *
 * @param modelName   the CPU model name, empty if unknown
 * @param sockets     physical packages, at least 1
 * @param logicalCpus logical CPUs of the machine (not the JVM's container quota), at least 1
 * @param virtualised whether the CPU reports a hypervisor (so the TDP of a whole socket is not this machine's)
 */
record CpuFacts(String modelName, int sockets, int logicalCpus, boolean virtualised) {

    private static final Logger LOG = LoggerFactory.getLogger(CpuFacts.class);
    private static volatile CpuFacts system;

    CpuFacts {
        Objects.requireNonNull(modelName, "modelName");
        sockets = Math.max(1, sockets);
        logicalCpus = Math.max(1, logicalCpus);
    }

    /** This machine's facts, read once per JVM: {@code /proc/cpuinfo} on Linux, OSHI elsewhere. */
    static CpuFacts system() {
        CpuFacts f = system;
        if (f == null) {
            f = read();
            system = f;
        }
        return f;
    }

    private static CpuFacts read() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try {
                CpuFacts f = fromCpuinfo(Files.readString(cpuinfo, StandardCharsets.UTF_8));
                if (f.logicalCpus() > 0) {
                    return f.modelName().isEmpty() ? new CpuFacts(Environment.cpuModel(), f.sockets(),
                            f.logicalCpus(), f.virtualised()) : f;
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("/proc/cpuinfo could not be read; asking OSHI", e);
            }
        }
        int sockets = 1;
        int logical = Runtime.getRuntime().availableProcessors();
        try {
            oshi.hardware.CentralProcessor p = new oshi.SystemInfo().getHardware().getProcessor();
            sockets = p.getPhysicalPackageCount();
            logical = p.getLogicalProcessorCount();
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("OSHI could not count CPU packages; assuming 1", e);
        }
        return new CpuFacts(Environment.cpuModel(), sockets, logical, false);
    }

    /** Parses the text of {@code /proc/cpuinfo}. */
    static CpuFacts fromCpuinfo(String text) {
        Set<String> packages = new HashSet<>();
        int processors = 0;
        boolean hypervisor = false;
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (key.equals("processor")) {
                processors++;
            } else if (key.equals("physical id")) {
                packages.add(value);
            } else if (key.equals("flags") && !hypervisor) {
                hypervisor = (" " + value + " ").contains(" hypervisor ");
            }
        }
        return new CpuFacts(Environment.cpuModelFromCpuinfo(text), packages.size(), processors, hypervisor);
    }
}
