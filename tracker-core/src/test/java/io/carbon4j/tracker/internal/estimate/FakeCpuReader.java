package io.carbon4j.tracker.internal.estimate;

import java.util.ArrayDeque;
import java.util.Deque;

/** Scripted machine CPU ticks: each read takes the next (busy, total) pair; an empty script means unreadable. */
final class FakeCpuReader implements MachineCpuReader {

    private final Deque<long[]> script = new ArrayDeque<>();
    private final int cpus;
    int closeCalls;

    FakeCpuReader(int cpus) {
        this.cpus = cpus;
    }

    FakeCpuReader then(long busy, long total) {
        script.add(new long[] {busy, total});
        return this;
    }

    /** The next read fails. */
    FakeCpuReader thenUnreadable() {
        script.add(new long[0]);
        return this;
    }

    @Override
    public boolean read(CpuTicks into) {
        long[] next = script.poll();
        if (next == null || next.length == 0) {
            return false;
        }
        into.set(next[0], next[1]);
        return true;
    }

    @Override
    public int logicalCpus() {
        return cpus;
    }

    @Override
    public String describe() {
        return "fake";
    }

    @Override
    public void close() {
        closeCalls++;
    }
}
