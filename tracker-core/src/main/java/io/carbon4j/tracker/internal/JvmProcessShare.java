package io.carbon4j.tracker.internal;

import io.carbon4j.tracker.spi.Component;
import java.lang.management.ManagementFactory;

/**
 * Process shares from the JDK: CPU by share of capacity (this process's CPU time, GC and JIT threads included,
 * over interval × logical CPUs; the idle rest stays unattributed), RAM by the JVM's committed memory over the
 * machine's used memory. GPU is left to the GPU source's own per-process figures.
 */
final class JvmProcessShare implements ProcessShare {

    private final com.sun.management.OperatingSystemMXBean os;
    private final int cpus = Runtime.getRuntime().availableProcessors();
    private long lastCpuNanos = -1;

    JvmProcessShare() {
        java.lang.management.OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
        os = bean instanceof com.sun.management.OperatingSystemMXBean ? (com.sun.management.OperatingSystemMXBean) bean : null;
        if (os != null) {
            lastCpuNanos = os.getProcessCpuTime();
        }
    }

    @Override
    public void update(long intervalNanos, double[] shares) {
        if (os == null) {
            return;
        }
        long cpu = os.getProcessCpuTime();
        if (cpu >= 0 && lastCpuNanos >= 0 && intervalNanos > 0) {
            shares[Component.CPU.ordinal()] = Math.min(1.0, (cpu - lastCpuNanos) / ((double) intervalNanos * cpus));
        }
        lastCpuNanos = cpu;
        long total = os.getTotalMemorySize();
        long used = total - os.getFreeMemorySize();
        long committed = Runtime.getRuntime().totalMemory();
        if (used > 0) {
            shares[Component.RAM.ordinal()] = Math.min(1.0, committed / (double) used);
        }
        shares[Component.GPU.ordinal()] = 0;
    }

    @Override
    public String model() {
        return "share of capacity (process CPU time / (interval x " + cpus + " logical CPUs)); RAM by JVM committed memory / used memory";
    }
}
