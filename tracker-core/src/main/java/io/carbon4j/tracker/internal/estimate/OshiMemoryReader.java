package io.carbon4j.tracker.internal.estimate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Memory figures from OSHI, for systems without {@code /proc}. OSHI is initialised on first use only. */
final class OshiMemoryReader implements MemoryReader {

    private static final Logger LOG = LoggerFactory.getLogger(OshiMemoryReader.class);
    private oshi.SystemInfo system;
    private oshi.software.os.OSProcess process;
    private boolean failed;

    @Override
    public void read(MemoryFacts into) {
        into.clear();
        if (failed) {
            return;
        }
        try {
            if (system == null) {
                system = new oshi.SystemInfo();
                process = system.getOperatingSystem().getCurrentProcess();
            }
            oshi.hardware.GlobalMemory memory = system.getHardware().getMemory();
            into.totalBytes = memory.getTotal();
            into.availableBytes = memory.getAvailable();
            if (process != null && process.updateAttributes()) {
                into.processResidentBytes = process.getResidentSetSize();
            }
        } catch (RuntimeException | LinkageError e) {
            failed = true;
            LOG.debug("OSHI memory figures failed; none from now on", e);
        }
    }

    @Override
    public String describe() {
        return "OSHI";
    }

    @Override
    public void close() {
        system = null;
        process = null;
    }
}
