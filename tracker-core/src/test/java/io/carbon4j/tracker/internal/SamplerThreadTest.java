package io.carbon4j.tracker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbon4j.tracker.ConfigSource;
import io.carbon4j.tracker.EmissionsResult;
import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.TrackerClock;
import io.carbon4j.tracker.output.OutputWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Tests that use the real sampler thread; they wait on latches, never on sleeps. */
class SamplerThreadTest {

    @Test
    @Timeout(20)
    void realThread_samplesPeriodicallyAndSavesRunningTotals() throws InterruptedException {
        FakeSource cpu = FakeSource.cpu("fake", 100);
        CountDownLatch reads = new CountDownLatch(5);
        cpu.onRead = reads::countDown;
        CountDownLatch saved = new CountDownLatch(2);
        List<EmissionsResult> written = new CopyOnWriteArrayList<>();
        OutputWriter memory = new OutputWriter() {
            @Override
            public String name() {
                return "memory";
            }

            @Override
            public void write(EmissionsResult result) {
                written.add(result);
                saved.countDown();
            }
        };
        EmissionsTracker tracker = EmissionsTracker.builder(ConfigSource.empty())
                .discoverPowerSources(false)
                .addPowerSource(cpu)
                .samplingInterval(Duration.ofMillis(10))
                .saveInterval(Duration.ofMillis(30))
                .carbonIntensity(100)
                .outputFormats("none")
                .addOutput(memory)
                .registerShutdownHook(false)
                .start();

        assertThat(reads.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(saved.await(10, TimeUnit.SECONDS)).isTrue();
        EmissionsResult r = tracker.stop();

        assertThat(written.get(0).isFinal()).isFalse();
        assertThat(written.get(written.size() - 1)).isSameAs(written.stream().filter(EmissionsResult::isFinal).findFirst().orElseThrow());
        assertThat(r.sampling().samples()).isGreaterThanOrEqualTo(5);
        // 100 W for the measured duration, read through the real clock: exact up to the source's own timing.
        double seconds = r.duration().toNanos() / 1e9;
        assertThat(r.cpu().energyJoules()).isBetween(100 * seconds * 0.9, 100 * seconds * 1.1 + 1);
        assertThat(tracker.isRunning()).isFalse();
    }

    @Test
    @Timeout(20)
    void close_sourceReadHangsForever_returnsWithinStopTimeoutAndKeepsEnergy() throws InterruptedException {
        ManualClock clock = new ManualClock();
        FakeSource cpu = FakeSource.cpu("hangs", 10);
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        DefaultEmissionsTracker tracker = manual(clock, Duration.ofMillis(200), cpu);
        clock.advanceSeconds(5);
        tracker.sampleOnce();
        cpu.onRead = () -> {
            blocked.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException("interrupted while hanging", e);
            }
        };
        clock.advanceSeconds(5);

        long t0 = System.nanoTime();
        tracker.close();
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        EmissionsResult r = tracker.stop();

        assertThat(blocked.await(1, TimeUnit.SECONDS)).isTrue();
        assertThat(tookMs).isLessThan(5_000);
        assertThat(r.cpu().energyJoules()).isEqualTo(50.0);
        assertThat(r.isFinal()).isTrue();
        never.countDown();
    }

    @Test
    void noop_tracker_doesNothingAndCostsNothing() {
        EmissionsTracker noop = EmissionsTracker.noop();
        var task = noop.task("x");
        task.close();

        assertThat(noop.task("y")).isSameAs(task);
        assertThat(noop.isRunning()).isFalse();
        assertThat(noop.stop().energyJoules()).isZero();
        assertThat(noop.stop().tasks()).isEmpty();
        noop.close();
        assertThat(TrackerClock.SYSTEM.nanoTime()).isPositive();
    }

    @Test
    @Timeout(20)
    void sampleOnce_oneSourceBlocks_othersKeepTheirCadenceAndNothingIsLost() throws InterruptedException {
        ManualClock clock = new ManualClock();
        FakeSource slow = new FakeSource("slow", 0).channel("gpu-0", io.carbon4j.tracker.spi.Component.GPU,
                io.carbon4j.tracker.spi.Measurement.COUNTER, 100);
        FakeSource fast = FakeSource.cpu("fast", 10);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        DefaultEmissionsTracker tracker = manual(clock, Duration.ofMillis(50), slow, fast);
        slow.onRead = () -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        clock.advanceSeconds(1);
        tracker.sampleOnce();
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        clock.advanceSeconds(1);
        tracker.sampleOnce();
        EmissionsResult during = tracker.snapshot();
        slow.onRead = null;
        release.countDown();
        clock.advanceSeconds(1);
        EmissionsResult r = tracker.stop();

        assertThat(during.cpu().energyJoules()).isEqualTo(20.0);
        assertThat(during.gpu().energyJoules()).isZero();
        assertThat(fast.reads).isEqualTo(4);
        assertThat(r.cpu().energyJoules()).isEqualTo(30.0);
        assertThat(r.gpu().energyJoules()).isEqualTo(300.0);
    }

    /** A started tracker driven by {@code clock} and explicit samples: the scheduled sampler never fires (1 h). */
    private static DefaultEmissionsTracker manual(ManualClock clock, Duration stopTimeout, FakeSource... sources) {
        EmissionsTracker.Builder b = EmissionsTracker.builder(ConfigSource.empty())
                .discoverPowerSources(false)
                .clock(clock)
                .samplingInterval(Duration.ofHours(1))
                .stopTimeout(stopTimeout)
                .carbonIntensity(100)
                .outputFormats("none")
                .registerShutdownHook(false);
        for (FakeSource s : sources) {
            b.addPowerSource(s);
        }
        return (DefaultEmissionsTracker) b.start();
    }
}
