package io.carbon4j.tracker.internal.estimate;

import java.nio.file.Path;

/**
 * Reads the aggregate {@code cpu} line of {@code /proc/stat}: user nice system idle iowait irq softirq steal
 * (guest and guest_nice are already counted in user and nice). Allocation-free after construction.
 */
final class ProcStatCpuReader implements MachineCpuReader {

    private final ProcFile file;
    private final long[] fields = new long[8];
    private final int cpus;

    ProcStatCpuReader(Path stat) {
        // The first line is short; the cpuN lines (for the CPU count) come before the long intr line: 64 kB holds
        // them for a thousand CPUs.
        ProcFile whole = new ProcFile(stat, 64 * 1024);
        int n = whole.refresh() ? whole.countLinesWithNumberedPrefix("cpu") : 0;
        whole.close();
        this.cpus = Math.max(1, n > 0 ? n : Runtime.getRuntime().availableProcessors());
        this.file = new ProcFile(stat, 512);
    }

    @Override
    public boolean read(CpuTicks into) {
        if (!file.refresh()) {
            return false;
        }
        int n = file.numbersAtStart("cpu ", fields);
        if (n < 4) {
            return false;
        }
        long user = fields[0];
        long nice = fields[1];
        long system = fields[2];
        long idle = fields[3];
        long iowait = n > 4 ? fields[4] : 0;
        long irq = n > 5 ? fields[5] : 0;
        long softirq = n > 6 ? fields[6] : 0;
        long steal = n > 7 ? fields[7] : 0;
        long busy = user + nice + system + irq + softirq;
        into.set(busy, busy + idle + iowait + steal);
        return true;
    }

    @Override
    public int logicalCpus() {
        return cpus;
    }

    @Override
    public String describe() {
        return "/proc/stat";
    }

    @Override
    public void close() {
        file.close();
    }
}
