package io.carbon4j.tracker.internal.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.carbon4j.tracker.spi.Component;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProcessAttributorTest {

    private static final long SECOND = 1_000_000_000L;
    private static final int CPU = Component.CPU.ordinal();
    private static final int RAM = Component.RAM.ordinal();
    private static final int GPU = Component.GPU.ordinal();

    /** Scripted process CPU time: each call takes the next value. */
    private static final class FakeProcessClock implements ProcessCpuClock {
        final Deque<Long> script = new ArrayDeque<>();

        FakeProcessClock then(long... nanos) {
            for (long n : nanos) {
                script.add(n);
            }
            return this;
        }

        @Override
        public long processCpuNanos() {
            Long n = script.poll();
            return n == null ? -1 : n;
        }
    }

    private static final class FakeMemory implements MemoryReader {
        long total = -1;
        long available = -1;
        long rss = -1;

        @Override
        public void read(MemoryFacts into) {
            into.totalBytes = total;
            into.availableBytes = available;
            into.processResidentBytes = rss;
        }

        @Override
        public String describe() {
            return "fake";
        }

        @Override
        public void close() {}
    }

    private final FakeMemory memory = new FakeMemory();
    private final double[] shares = new double[Component.values().length];

    private double[] update(ProcessAttributor a, long intervalNanos) {
        Arrays.fill(shares, Double.NaN);
        a.update(intervalNanos, shares);
        return shares;
    }

    @Test
    void capacity_twoOfFourCoresBusy_half() {
        FakeProcessClock process = new FakeProcessClock().then(0, 2 * SECOND);
        FakeCpuReader machine = new FakeCpuReader(4).then(0, 0).then(300, 400);
        ProcessAttributor a = new ProcessAttributor(CpuAttribution.CAPACITY, process, machine, memory);

        assertThat(update(a, SECOND)[CPU]).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void busy_twoOfThreeBusyCores_twoThirds() {
        // Machine 75 % busy on 4 CPUs over 1 s = 3 busy CPU-seconds; the process used 2 of them.
        FakeProcessClock process = new FakeProcessClock().then(0, 2 * SECOND);
        FakeCpuReader machine = new FakeCpuReader(4).then(0, 0).then(300, 400);
        ProcessAttributor a = new ProcessAttributor(CpuAttribution.BUSY, process, machine, memory);

        assertThat(update(a, SECOND)[CPU]).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void aloneOnIdleMachine_capacityLeavesIdleUnattributedBusyTakesAll() {
        // One of 8 cores busy, all of it this process.
        long busy = 100;
        long total = 800;
        ProcessAttributor capacity = new ProcessAttributor(CpuAttribution.CAPACITY,
                new FakeProcessClock().then(0, SECOND), new FakeCpuReader(8).then(0, 0).then(busy, total), memory);
        ProcessAttributor busyShare = new ProcessAttributor(CpuAttribution.BUSY,
                new FakeProcessClock().then(0, SECOND), new FakeCpuReader(8).then(0, 0).then(busy, total), memory);

        double machineJoules = 80;
        double c = update(capacity, SECOND)[CPU];
        double b = update(busyShare, SECOND)[CPU];

        assertThat(c).isCloseTo(0.125, within(1e-12));
        assertThat(b).isCloseTo(1.0, within(1e-12));
        assertThat(machineJoules * (1 - c)).as("unattributed idle remainder").isCloseTo(70, within(1e-9));
    }

    @ParameterizedTest
    @EnumSource(CpuAttribution.class)
    void sharesOverManyIntervals_conserveMachineEnergy(CpuAttribution model) {
        // Five 1 s intervals on 4 CPUs; the process uses 0.5, 4.4 (clamped), 1, 0 and 3 CPU-seconds.
        FakeProcessClock process = new FakeProcessClock().then(0, SECOND / 2, 49 * SECOND / 10, 59 * SECOND / 10,
                59 * SECOND / 10, 89 * SECOND / 10);
        FakeCpuReader machine = new FakeCpuReader(4).then(0, 0).then(100, 400).then(500, 800).then(700, 1200)
                .then(700, 1600).then(1100, 2000);
        ProcessAttributor a = new ProcessAttributor(model, process, machine, memory);
        double[] machineJoules = {40, 100, 60, 20, 100};

        double process_ = 0;
        double unattributed = 0;
        for (double e : machineJoules) {
            double share = update(a, SECOND)[CPU];
            assertThat(share).isBetween(0.0, 1.0);
            process_ += e * share;
            unattributed += e * (1 - share);
        }

        assertThat(process_ + unattributed).isCloseTo(320, within(1e-9));
        assertThat(unattributed).isGreaterThanOrEqualTo(0);
    }

    @Test
    void ram_residentOverUsed() {
        memory.total = 16L << 30;
        memory.available = 8L << 30;
        memory.rss = 2L << 30;
        ProcessAttributor a = new ProcessAttributor(CpuAttribution.CAPACITY, new FakeProcessClock().then(0, 0),
                new FakeCpuReader(4).then(0, 0).then(0, 400), memory);

        double[] s = update(a, SECOND);

        assertThat(s[RAM]).isCloseTo(0.25, within(1e-12));
        assertThat(s[GPU]).as("GPU left to the GPU source").isNaN();
    }

    @Test
    void unknowns_giveNan() {
        ProcessAttributor a = new ProcessAttributor(CpuAttribution.BUSY, new FakeProcessClock(),
                new FakeCpuReader(4), memory);

        double[] s = update(a, SECOND);

        assertThat(s[CPU]).isNaN();
        assertThat(s[RAM]).isNaN();
    }

    @Test
    void busy_machineReportsNoBusyTick_zeroWhenProcessIdle() {
        ProcessAttributor a = new ProcessAttributor(CpuAttribution.BUSY, new FakeProcessClock().then(5, 5),
                new FakeCpuReader(4).then(0, 0).then(0, 400), memory);

        assertThat(update(a, SECOND)[CPU]).isZero();
    }

    @Test
    void model_namesTheChosenModel() {
        ProcessAttributor capacity = new ProcessAttributor(CpuAttribution.CAPACITY, new FakeProcessClock(),
                new FakeCpuReader(16), memory);
        ProcessAttributor busy = new ProcessAttributor(CpuAttribution.BUSY, new FakeProcessClock(),
                new FakeCpuReader(16), memory);

        assertThat(capacity.model()).startsWith("CPU by share of capacity (process CPU time / (interval x 16 logical"
                + " CPUs)").contains("RAM by resident set / used memory");
        assertThat(busy.model()).startsWith("CPU by share of busy time");
    }

    @Test
    void parse_keys() {
        assertThat(CpuAttribution.parse(" Busy ")).contains(CpuAttribution.BUSY);
        assertThat(CpuAttribution.parse("capacity")).contains(CpuAttribution.CAPACITY);
        assertThat(CpuAttribution.parse("idle")).isEmpty();
    }
}
