package io.carbon4j.tracker.internal.estimate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Machine CPU ticks from OSHI ({@code CentralProcessor.getSystemCpuLoadTicks()}, milliseconds), for systems without
 * {@code /proc/stat}. OSHI is initialised on first use only, because its start-up is slow.
 */
final class OshiCpuReader implements MachineCpuReader {

    private static final Logger LOG = LoggerFactory.getLogger(OshiCpuReader.class);
    private oshi.hardware.CentralProcessor processor;
    private boolean failed;

    private oshi.hardware.CentralProcessor processor() {
        if (processor == null && !failed) {
            try {
                processor = new oshi.SystemInfo().getHardware().getProcessor();
            } catch (RuntimeException | LinkageError e) {
                failed = true;
                LOG.debug("OSHI could not be initialised; no machine CPU load", e);
            }
        }
        return processor;
    }

    @Override
    public boolean read(CpuTicks into) {
        oshi.hardware.CentralProcessor p = processor();
        if (p == null) {
            return false;
        }
        try {
            long[] t = p.getSystemCpuLoadTicks();
            if (t == null || t.length < 8) {
                return false;
            }
            // USER NICE SYSTEM IDLE IOWAIT IRQ SOFTIRQ STEAL
            long busy = t[0] + t[1] + t[2] + t[5] + t[6];
            into.set(busy, busy + t[3] + t[4] + t[7]);
            return true;
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("OSHI CPU ticks failed", e);
            return false;
        }
    }

    @Override
    public int logicalCpus() {
        oshi.hardware.CentralProcessor p = processor();
        int n = 0;
        try {
            n = p == null ? 0 : p.getLogicalProcessorCount();
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("OSHI logical CPU count failed", e);
        }
        return n > 0 ? n : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    @Override
    public String describe() {
        return "OSHI";
    }

    @Override
    public void close() {
        processor = null;
    }
}
