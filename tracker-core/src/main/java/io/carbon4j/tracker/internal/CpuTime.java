package io.carbon4j.tracker.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** CPU time of this process and of the current thread, in nanoseconds; -1 when unavailable. A seam for tests. */
interface CpuTime {

    long processCpuNanos();

    long currentThreadCpuNanos();

    /** The JDK's view: the process CPU time (GC and JIT threads included) and the thread CPU clock. */
    static CpuTime jvm() {
        io.carbon4j.tracker.internal.estimate.ProcessCpuClock process =
                io.carbon4j.tracker.internal.estimate.ProcessCpuClock.jvm();
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
                return process.processCpuNanos();
            }

            @Override
            public long currentThreadCpuNanos() {
                return perThread ? threads.getCurrentThreadCpuTime() : -1;
            }
        };
    }
}
