package io.carbon4j.tracker.internal.estimate;

import java.nio.file.Path;

/**
 * {@code MemTotal} and {@code MemAvailable} from {@code /proc/meminfo}, {@code VmRSS} from {@code /proc/self/status}
 * (in kB, so no page-size assumption as {@code statm} would need). Allocation-free after construction.
 */
final class ProcMemoryReader implements MemoryReader {

    private final ProcFile meminfo;
    private final ProcFile status;

    ProcMemoryReader(Path meminfo, Path status) {
        this.meminfo = new ProcFile(meminfo, 8192);
        this.status = new ProcFile(status, 8192);
    }

    @Override
    public void read(MemoryFacts into) {
        into.clear();
        if (meminfo.refresh()) {
            into.totalBytes = kib(meminfo.valueAfter("MemTotal:"));
            into.availableBytes = kib(meminfo.valueAfter("MemAvailable:"));
        }
        if (status.refresh()) {
            into.processResidentBytes = kib(status.valueAfter("VmRSS:"));
        }
    }

    private static long kib(long v) {
        return v < 0 ? -1 : v * 1024;
    }

    @Override
    public String describe() {
        return "/proc/meminfo, /proc/self/status";
    }

    @Override
    public void close() {
        meminfo.close();
        status.close();
    }
}
