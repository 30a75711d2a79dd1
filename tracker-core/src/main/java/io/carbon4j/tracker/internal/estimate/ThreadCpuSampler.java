package io.carbon4j.tracker.internal.estimate;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Per-thread CPU time within the JVM, per sampling interval, with a coverage figure: the building block for
 * splitting the process's energy between tasks that run on different threads (JoularJX's thread level; the coverage
 * idea from Joular Code - Java).
 *
 * <p>Each {@link #sample(long)} reads every live thread's CPU time ({@code ThreadMXBean.getThreadCpuTime}) and returns
 * what each used since the previous sample. A thread first seen now is charged its whole CPU time (it started within
 * the interval, or this is the first sample, which only sets the baseline). A thread that ended between two samples
 * is invisible: its CPU time is in the process's total but in no thread's delta, so
 * {@linkplain Interval#coverage() coverage} = sum of thread deltas / process CPU delta falls below 1 and the rest
 * stays unattributed rather than being spread over the survivors.
 *
 * <p>Not wired into the sampler yet: docs/attribution.md describes the integration.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe; call {@link #sample} from one thread (the sampler's).
 */
public final class ThreadCpuSampler {

    /** The seam over {@link ThreadMXBean}. */
    interface ThreadCpuReader {
        /** Ids of the live threads. */
        long[] liveThreadIds();

        /** CPU time of thread {@code id} in nanoseconds, or -1 if it has ended or is unsupported. */
        long threadCpuNanos(long id);
    }

    private final ThreadCpuReader reader;
    private Map<Long, Long> last = new HashMap<>();
    private boolean started;

    ThreadCpuSampler(ThreadCpuReader reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /**
     * A sampler over this JVM's {@link ThreadMXBean}, or empty-handed where thread CPU time is unsupported (every
     * interval then has coverage 0).
     */
    public static ThreadCpuSampler jvm() {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        boolean supported = false;
        try {
            supported = bean.isThreadCpuTimeSupported();
            if (supported && !bean.isThreadCpuTimeEnabled()) {
                bean.setThreadCpuTimeEnabled(true);
            }
        } catch (UnsupportedOperationException | SecurityException e) {
            supported = false;
        }
        if (!supported) {
            return new ThreadCpuSampler(new ThreadCpuReader() {
                @Override
                public long[] liveThreadIds() {
                    return new long[0];
                }

                @Override
                public long threadCpuNanos(long id) {
                    return -1;
                }
            });
        }
        return new ThreadCpuSampler(new ThreadCpuReader() {
            @Override
            public long[] liveThreadIds() {
                return bean.getAllThreadIds();
            }

            @Override
            public long threadCpuNanos(long id) {
                return bean.getThreadCpuTime(id);
            }
        });
    }

    /**
     * Reads every live thread and returns the interval since the previous call.
     *
     * @param processCpuDeltaNanos the process's CPU time over the same interval (for the coverage), or -1 if unknown
     */
    public Interval sample(long processCpuDeltaNanos) {
        Map<Long, Long> now = new HashMap<>();
        Map<Long, Long> deltas = new HashMap<>();
        long covered = 0;
        for (long id : reader.liveThreadIds()) {
            long cpu = reader.threadCpuNanos(id);
            if (cpu < 0) {
                continue;
            }
            now.put(id, cpu);
            if (!started) {
                continue;
            }
            Long before = last.get(id);
            long d = before == null ? cpu : cpu - before;
            if (d > 0) {
                deltas.put(id, d);
                covered += d;
            }
        }
        last = now;
        boolean first = !started;
        started = true;
        double coverage = first || processCpuDeltaNanos <= 0 ? Double.NaN
                : Math.min(1.0, covered / (double) processCpuDeltaNanos);
        return new Interval(deltas, covered, coverage);
    }

    /** One interval's per-thread CPU time. Immutable. */
    public static final class Interval {
        private final Map<Long, Long> threadNanos;
        private final long coveredNanos;
        private final double coverage;

        Interval(Map<Long, Long> threadNanos, long coveredNanos, double coverage) {
            this.threadNanos = Map.copyOf(threadNanos);
            this.coveredNanos = coveredNanos;
            this.coverage = coverage;
        }

        /** CPU nanoseconds per thread id, for threads that ran in the interval. */
        public Map<Long, Long> threadNanos() {
            return threadNanos;
        }

        /** The sum over threads seen. */
        public long coveredNanos() {
            return coveredNanos;
        }

        /** Covered / process CPU time in [0, 1]; {@code NaN} on the first sample or when the process time is unknown. */
        public double coverage() {
            return coverage;
        }

        /** The CPU nanoseconds of the given threads in this interval. */
        public long nanosOf(Collection<Long> threadIds) {
            long sum = 0;
            for (Long id : threadIds) {
                sum += threadNanos.getOrDefault(id, 0L);
            }
            return sum;
        }

        /**
         * The share of the process's interval energy due to {@code threadIds}: their CPU time / the process's CPU
         * time, so that tasks' shares plus the uncovered rest sum to the process.
         */
        public double shareOf(Collection<Long> threadIds, long processCpuDeltaNanos) {
            if (processCpuDeltaNanos <= 0) {
                return Double.NaN;
            }
            return Math.min(1.0, nanosOf(threadIds) / (double) processCpuDeltaNanos);
        }
    }
}
