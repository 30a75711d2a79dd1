package io.carbon4j.tracker.internal.estimate;

import java.lang.management.ManagementFactory;

/** This process's cumulative CPU time, the seam between attribution and the JDK. */
@FunctionalInterface
public interface ProcessCpuClock {

    /** CPU time of all the process's threads (GC and JIT included) in nanoseconds, or -1 when unsupported. */
    long processCpuNanos();

    /**
     * The JDK's {@code com.sun.management.OperatingSystemMXBean.getProcessCpuTime()} (on Linux one {@code times()}
     * call, so 10 ms steps), or a clock that always answers -1 where the JDK lacks it.
     */
    public static ProcessCpuClock jvm() {
        java.lang.management.OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
        if (bean instanceof com.sun.management.OperatingSystemMXBean) {
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) bean;
            return os::getProcessCpuTime;
        }
        return () -> -1;
    }
}
