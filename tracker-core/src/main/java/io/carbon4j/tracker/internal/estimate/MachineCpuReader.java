package io.carbon4j.tracker.internal.estimate;

import java.nio.file.Files;
import java.nio.file.Path;

/** Machine-wide CPU time, the seam between the models and {@code /proc/stat} or OSHI. Not thread-safe. */
interface MachineCpuReader extends AutoCloseable {

    /** Fills {@code into} with the current cumulative ticks; returns false when they cannot be read. */
    boolean read(CpuTicks into);

    /** The machine's logical CPU count (all of them, not the JVM's container quota), at least 1. */
    int logicalCpus();

    /** What is read, for logs and method strings: {@code /proc/stat}, {@code OSHI}. */
    String describe();

    @Override
    void close();

    /** {@code /proc/stat} where it is readable (Linux), else OSHI, loaded only now. */
    static MachineCpuReader system() {
        Path stat = Path.of("/proc/stat");
        if (Files.isReadable(stat)) {
            ProcStatCpuReader r = new ProcStatCpuReader(stat);
            if (r.read(new CpuTicks())) {
                return r;
            }
            r.close();
        }
        return new OshiCpuReader();
    }
}
