package io.carbon4j.tracker.internal;

import io.carbon4j.tracker.TaskScope;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One task: its two boundaries (monotonic times) and, once a sample has been taken at or after each, the
 * interpolated cumulative state at that boundary. States are written and read under the sampler's lock.
 */
final class TaskRecord implements TaskScope {

    final String name;
    final long startNanos;
    final Instant startWall;
    private final Sampler sampler;
    private final AtomicBoolean open = new AtomicBoolean(true);
    volatile long endNanos;
    double[] startState;
    double[] endState;
    /**
     * Process mode: the opening thread, its and the process's CPU time at open, and the CPU time each used until
     * close (-1 when unknown or closed on another thread). The thread's field is written before the volatile
     * process field, which readers check first.
     */
    Thread thread;
    long startThreadCpu = -1;
    long startProcessCpu = -1;
    long threadCpuNanos = -1;
    volatile long processCpuNanos = -1;

    TaskRecord(String name, long startNanos, Instant startWall, Sampler sampler) {
        this.name = name;
        this.startNanos = startNanos;
        this.startWall = startWall;
        this.sampler = sampler;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            try {
                sampler.endTask(this);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(TaskRecord.class).error("Could not close task {}", name, e);
            }
        }
    }

    @Override
    public String toString() {
        return "Task[" + name + (isOpen() ? ", open]" : "]");
    }
}
