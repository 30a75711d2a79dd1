package io.carbon4j.tracker.internal.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuSamplerTest {

    /** Threads and their CPU times, changed by the test between samples. */
    private static final class FakeThreads implements ThreadCpuSampler.ThreadCpuReader {
        final Map<Long, Long> cpu = new HashMap<>();

        @Override
        public long[] liveThreadIds() {
            return cpu.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        }

        @Override
        public long threadCpuNanos(long id) {
            return cpu.getOrDefault(id, -1L);
        }
    }

    @Test
    void sample_threadsComeAndGo_deltasAndCoverage() {
        FakeThreads threads = new FakeThreads();
        threads.cpu.put(1L, 100L);
        threads.cpu.put(2L, 50L);
        ThreadCpuSampler sampler = new ThreadCpuSampler(threads);

        ThreadCpuSampler.Interval first = sampler.sample(-1);
        assertThat(first.threadNanos()).isEmpty();
        assertThat(first.coverage()).isNaN();

        // Thread 1 runs 300, thread 2 ends after running 100 more (invisible), thread 3 starts and runs 200.
        threads.cpu.put(1L, 400L);
        threads.cpu.remove(2L);
        threads.cpu.put(3L, 200L);
        ThreadCpuSampler.Interval second = sampler.sample(600);

        assertThat(second.threadNanos()).containsExactlyInAnyOrderEntriesOf(Map.of(1L, 300L, 3L, 200L));
        assertThat(second.coveredNanos()).isEqualTo(500);
        assertThat(second.coverage()).isCloseTo(500.0 / 600, within(1e-12));
        assertThat(second.shareOf(List.of(1L), 600)).isCloseTo(0.5, within(1e-12));
        assertThat(second.shareOf(List.of(3L), 600) + second.shareOf(List.of(1L), 600) + (1 - second.coverage()))
                .as("task shares + uncovered rest = process").isCloseTo(1.0, within(1e-12));
    }

    @Test
    void jvm_realThreads_nonNegativeDeltas() {
        ThreadCpuSampler sampler = ThreadCpuSampler.jvm();
        sampler.sample(-1);

        ThreadCpuSampler.Interval i = sampler.sample(-1);

        assertThat(i.threadNanos().values()).allSatisfy(v -> assertThat(v).isPositive());
    }
}
