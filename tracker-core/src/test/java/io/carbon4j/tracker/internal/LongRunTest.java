package io.carbon4j.tracker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.carbon4j.tracker.ConfigSource;
import io.carbon4j.tracker.EmissionsResult;
import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.TaskScope;
import io.carbon4j.tracker.spi.Component;
import io.carbon4j.tracker.spi.Measurement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Load and endurance: a simulated day of sampling, many trackers, many tasks. */
class LongRunTest {

    @Test
    @Timeout(120)
    void day_tenSamplesPerSecond_exactTotalsAndNoRetention() {
        ManualClock clock = new ManualClock();
        FakeSource source = FakeSource.cpu("fake", 123.456).channel("dram-0", Component.RAM, Measurement.COUNTER, 7.89);
        DefaultEmissionsTracker tracker = (DefaultEmissionsTracker) EmissionsTracker.builder(ConfigSource.empty())
                .discoverPowerSources(false)
                .addPowerSource(source)
                .clock(clock)
                .samplingInterval(Duration.ofMillis(100))
                .saveInterval(Duration.ofHours(24))
                .carbonIntensity(437.5)
                .outputFormats("none")
                .registerShutdownHook(false)
                .start();
        // The scheduled sampler runs in real time every 100 ms; it is cancelled here so that only the simulated
        // samples below count (the manual clock does not move with it anyway).
        tracker.stopSchedulingForTest();
        Runtime rt = Runtime.getRuntime();
        int samples = 24 * 3600 * 10;
        long usedAtHour1 = 0;
        for (int i = 1; i <= samples; i++) {
            clock.advance(Duration.ofMillis(100));
            tracker.sampleOnce();
            if (i == 36_000) {
                System.gc();
                usedAtHour1 = rt.totalMemory() - rt.freeMemory();
            }
        }
        System.gc();
        long usedAtEnd = rt.totalMemory() - rt.freeMemory();
        EmissionsResult r = tracker.stop();

        assertThat(r.duration()).isEqualTo(Duration.ofHours(24));
        assertThat(r.sampling().samples()).isEqualTo(samples + 2L);
        assertThat(r.cpu().energyJoules()).isCloseTo(123.456 * 86_400, within(1e-6));
        assertThat(r.ram().energyJoules()).isCloseTo(7.89 * 86_400, within(1e-6));
        double kwh = (123.456 + 7.89) * 86_400 / 3.6e6;
        assertThat(r.emissionsKg()).isCloseTo(kwh * 0.4375, within(1e-9));
        // No per-sample retention: 23 more hours of samples add well under a megabyte.
        assertThat(usedAtEnd - usedAtHour1).isLessThan(8L * 1024 * 1024);
    }

    @Test
    @Timeout(60)
    void fiftyTrackers_thousandsOfTasksFromManyThreads_consistentTotals() throws InterruptedException {
        ManualClock clock = new ManualClock();
        List<DefaultEmissionsTracker> trackers = new ArrayList<>();
        for (int k = 0; k < 50; k++) {
            trackers.add((DefaultEmissionsTracker) EmissionsTracker.builder(ConfigSource.empty())
                    .discoverPowerSources(false)
                    .addPowerSource(FakeSource.cpu("fake", 10 + k))
                    .clock(clock)
                    .samplingInterval(Duration.ofHours(1))
                    .carbonIntensity(100)
                    .outputFormats("none")
                    .registerShutdownHook(false)
                    .start());
        }
        int threads = 8;
        int tasksPerThread = 500;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread w = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < tasksPerThread; i++) {
                    DefaultEmissionsTracker tr = trackers.get((id * tasksPerThread + i) % trackers.size());
                    try (TaskScope s = tr.task("w" + id)) {
                        if (i % 50 == 0) {
                            tr.snapshot();
                        }
                    }
                }
            });
            workers.add(w);
            w.start();
        }
        go.countDown();
        // Sample every tracker while the workers run, with the clock moving.
        for (int step = 0; step < 20; step++) {
            clock.advanceSeconds(1);
            for (DefaultEmissionsTracker tr : trackers) {
                tr.sampleOnce();
            }
        }
        for (Thread w : workers) {
            w.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(w.isAlive()).isFalse();
        }
        clock.advanceSeconds(1);
        int total = 0;
        for (int k = 0; k < trackers.size(); k++) {
            EmissionsResult r = trackers.get(k).stop();
            assertThat(r.cpu().energyJoules()).isCloseTo((10 + k) * 21.0, within(1e-9));
            assertThat(r.tasks()).allMatch(EmissionsResult::isComplete);
            double sum = r.tasks().stream().mapToDouble(t -> t.cpu().energyJoules()).sum();
            // Tasks never overlap within a worker; across workers they may, so their sum is bounded by
            // the run's energy times the number of workers.
            assertThat(sum).isBetween(0.0, r.cpu().energyJoules() * threads + 1e-9);
            total += r.tasks().size();
        }
        assertThat(total).isEqualTo(threads * tasksPerThread);
    }
}
