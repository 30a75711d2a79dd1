package io.carbon4j.tracker.internal.estimate;

import java.nio.file.Files;
import java.nio.file.Path;

/** Machine and process memory, the seam between the models and {@code /proc} or OSHI. Not thread-safe. */
interface MemoryReader extends AutoCloseable {

    /** Fills {@code into}; fields that cannot be read stay {@code -1}. */
    void read(MemoryFacts into);

    /** What is read, for method strings. */
    String describe();

    @Override
    void close();

    /** {@code /proc/meminfo} and {@code /proc/self/status} where readable (Linux), else OSHI, loaded only now. */
    static MemoryReader system() {
        Path meminfo = Path.of("/proc/meminfo");
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(meminfo) && Files.isReadable(status)) {
            return new ProcMemoryReader(meminfo, status);
        }
        return new OshiMemoryReader();
    }
}
