package io.carbon4j.tracker.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** CPU time of this process and of the current thread, in nanoseconds; -1 when unavailable. A seam for tests. */
interface CpuTime {

    long processCpuNanos();

    long currentThreadCpuNanos();

    /** The JDK's view: the process CPU time (GC and JIT threads included) and the thread CPU clock. */
    static CpuTime jvm() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        com.sun.management.OperatingSystemMXBean sunOs =
                os instanceof com.sun.management.OperatingSystemMXBean ? (com.sun.management.OperatingSystemMXBean) os : null;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean threadCpu = threads.isCurrentThreadCpuTimeSupported();
        if (threadCpu && !threads.isThreadCpuTimeEnabled()) {
            try {
                threads.setThreadCpuTimeEnabled(true);
            } catch (UnsupportedOperationException | SecurityException e) {
                threadCpu = false;
            }
        }
        boolean perThread = threadCpu;
        return new CpuTime() {
            @Override
            public long processCpuNanos() {
                return sunOs == null ? -1 : sunOs.getProcessCpuTime();
            }

            @Override
            public long currentThreadCpuNanos() {
                return perThread ? threads.getCurrentThreadCpuTime() : -1;
            }
        };
    }
}
