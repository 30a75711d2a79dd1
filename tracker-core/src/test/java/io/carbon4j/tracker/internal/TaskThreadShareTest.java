package io.carbon4j.tracker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.carbon4j.tracker.ConfigSource;
import io.carbon4j.tracker.EmissionsResult;
import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.TaskScope;
import io.carbon4j.tracker.TrackingMode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskThreadShareTest {

    /** CPU times set by the test: per thread, and for the whole process. */
    static final class FakeCpuTime implements CpuTime {
        final AtomicLong process = new AtomicLong();
        final Map<Thread, Long> threads = new ConcurrentHashMap<>();

        @Override
        public long processCpuNanos() {
            return process.get();
        }

        @Override
        public long currentThreadCpuNanos() {
            return threads.getOrDefault(Thread.currentThread(), 0L);
        }
    }

    @AfterEach
    void reset() {
        DefaultEmissionsTracker.cpuTimeOverride = null;
    }

    @Test
    void processMode_overlappingTasksOnTwoThreads_eachChargedItsThreadShare() throws Exception {
        FakeCpuTime cpu = new FakeCpuTime();
        DefaultEmissionsTracker.cpuTimeOverride = cpu;
        ManualClock clock = new ManualClock();
        FakeSource source = FakeSource.cpu("fake", 100);
        source.processShare = new double[] {0.5};
        DefaultEmissionsTracker tracker = (DefaultEmissionsTracker) EmissionsTracker.builder(ConfigSource.empty())
                .discoverPowerSources(false)
                .addPowerSource(source)
                .clock(clock)
                .trackingMode(TrackingMode.PROCESS)
                .samplingInterval(Duration.ofHours(1))
                .carbonIntensity(200)
                .outputFormats("none")
                .registerShutdownHook(false)
                .start();
        CountDownLatch opened = new CountDownLatch(2);
        CountDownLatch work = new CountDownLatch(1);
        Thread a = worker(tracker, "a", opened, work);
        Thread b = worker(tracker, "b", opened, work);
        assertThat(opened.await(5, TimeUnit.SECONDS)).isTrue();
        clock.advanceSeconds(10);
        cpu.threads.put(a, 3_000_000_000L);
        cpu.threads.put(b, 1_000_000_000L);
        cpu.process.set(5_000_000_000L);
        work.countDown();
        a.join();
        b.join();
        EmissionsResult r = tracker.stop();

        EmissionsResult ta = r.tasks("a").get(0);
        EmissionsResult tb = r.tasks("b").get(0);
        assertThat(r.cpu().energyJoules()).isCloseTo(500.0, within(1e-9));
        assertThat(ta.threadCpuShare()).hasValue(0.6);
        assertThat(tb.threadCpuShare()).hasValue(0.2);
        assertThat(ta.cpu().energyJoules()).isCloseTo(300.0, within(1e-9));
        assertThat(tb.cpu().energyJoules()).isCloseTo(100.0, within(1e-9));
        assertThat(ta.cpu().machineEnergyJoules()).isCloseTo(1000.0, within(1e-9));
        assertThat(ta.emissionsKg()).isCloseTo(300.0 / 3.6e6 * 0.2, within(1e-15));
        assertThat(ta.cpu().method()).contains("thread's share of process CPU time (60.0%)");
        assertThat(r.threadCpuShare()).isEmpty();
    }

    /** Opens a task, waits for the test to set the CPU times, and closes it, all on one thread. */
    private static Thread worker(EmissionsTracker tracker, String name, CountDownLatch opened, CountDownLatch work) {
        Thread t = new Thread(() -> {
            try (TaskScope scope = tracker.task(name)) {
                opened.countDown();
                work.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        return t;
    }

    @Test
    void machineMode_tasksHaveNoThreadShare() {
        ManualClock clock = new ManualClock();
        DefaultEmissionsTracker tracker = (DefaultEmissionsTracker) EmissionsTracker.builder(ConfigSource.empty())
                .discoverPowerSources(false)
                .addPowerSource(FakeSource.cpu("fake", 100))
                .clock(clock)
                .samplingInterval(Duration.ofHours(1))
                .carbonIntensity(200)
                .outputFormats("none")
                .registerShutdownHook(false)
                .start();
        try (TaskScope t = tracker.task("t")) {
            clock.advanceSeconds(1);
        }
        EmissionsResult r = tracker.stop();
        assertThat(r.tasks().get(0).threadCpuShare()).isEmpty();
        assertThat(r.tasks().get(0).cpu().energyJoules()).isCloseTo(100.0, within(1e-9));
    }
}
