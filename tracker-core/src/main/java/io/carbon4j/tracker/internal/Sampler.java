package io.carbon4j.tracker.internal;

import io.carbon4j.tracker.TrackerClock;
import io.carbon4j.tracker.intensity.CarbonIntensity;
import io.carbon4j.tracker.spi.CarbonIntensityProvider;
import io.carbon4j.tracker.spi.Component;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every source once per sample, turns counter deltas into per-component energy, converts it to emissions
 * with the intensity at that time, and resolves task boundaries by interpolating the cumulative state between the
 * two samples around each boundary.
 *
 * <p>Only the sampler thread calls {@link #sampleOnce()}; sources are read outside the lock and the accounting
 * is committed under it, so {@link #totals()} from any thread sees a consistent state. Steady-state sampling
 * allocates nothing: sample buffers and scratch arrays are reused.
 */
final class Sampler {

    private static final Logger LOG = LoggerFactory.getLogger(Sampler.class);
    private static final int COMPONENTS = Component.values().length;
    /** State layout: tracked energy per component, machine energy per component, emissions (kg). */
    static final int TRACKED = 0;
    static final int MACHINE = COMPONENTS;
    static final int EMISSIONS = 2 * COMPONENTS;
    static final int STATE = 2 * COMPONENTS + 1;
    private static final double JOULES_PER_KWH = 3.6e6;

    private final Object lock = new Object();
    private final List<SourceSlot> slots;
    private final TrackerClock clock;
    private final CarbonIntensityProvider intensityProvider;
    private final boolean constantIntensity;
    private final double pue;
    private final ProcessShare processShare;
    private final CpuTime cpuTime;
    private final long periodNanos;
    private final long readBudgetNanos;
    private final long startupBudgetNanos;
    private final WarnOnce warnings = new WarnOnce(LOG);
    private final ConcurrentLinkedQueue<PendingBoundary> pending = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<TaskRecord> tasks = new ConcurrentLinkedQueue<>();

    // Guarded by lock.
    private final double[] state = new double[STATE];
    private final double[] compensation = new double[STATE];
    private final double[] utilSum = new double[COMPONENTS];
    private final long[] utilCount = new long[COMPONENTS];
    private long samples;
    private long gaps;
    private long gapNanos;
    private long startNanos;
    private long lastNanos;
    private Instant startWall;
    private volatile CarbonIntensity intensity;
    private boolean finished;

    // Sampler-thread scratch.
    private final double[] before = new double[STATE];
    private final double[] machineDelta = new double[COMPONENTS];
    private final double[] processDelta = new double[COMPONENTS];
    private final boolean[] hasProcess = new boolean[COMPONENTS];
    private final double[] shares = new double[COMPONENTS];

    Sampler(
            List<SourceSlot> slots,
            TrackerClock clock,
            CarbonIntensityProvider intensityProvider,
            CarbonIntensity initialIntensity,
            boolean constantIntensity,
            double pue,
            ProcessShare processShare,
            Duration period,
            Duration stopTimeout,
            CpuTime cpuTime) {
        this.slots = List.copyOf(slots);
        this.clock = clock;
        this.intensityProvider = intensityProvider;
        this.intensity = initialIntensity;
        this.constantIntensity = constantIntensity;
        this.pue = pue;
        this.processShare = processShare;
        this.cpuTime = cpuTime;
        this.periodNanos = period.toNanos();
        this.readBudgetNanos = Math.min(stopTimeout.toNanos(), Math.max(1_000_000L, periodNanos / 2));
        this.startupBudgetNanos = stopTimeout.toNanos();
    }

    /** Whether tasks are charged by their thread's CPU time (process mode). */
    boolean chargesTasksByThread() {
        return cpuTime != null;
    }

    /** The sampling period actually used. */
    Duration period() {
        return Duration.ofNanos(periodNanos);
    }

    List<SourceSlot> slots() {
        return slots;
    }

    /** Takes the first sample: starts the readers, sets every counter's baseline and the run's start. */
    void start(java.util.concurrent.ThreadFactory readerThreads) {
        for (SourceSlot slot : slots) {
            if (!slot.inline) {
                slot.reader = new SourceReader(slot, readerThreads);
                slot.reader.start();
            }
        }
        readAll(startupBudgetNanos);
        long now = clock.nanoTime();
        Instant wall = clock.wallTime();
        for (SourceSlot slot : slots) {
            if (slot.pendingCommit) {
                slot.pendingCommit = false;
                if (!failed(slot)) {
                    commitBaseline(slot);
                }
            }
        }
        synchronized (lock) {
            startNanos = now;
            lastNanos = now;
            startWall = wall;
            samples = 1;
        }
    }

    /** One sample. Never throws: every source is isolated, and the accounting cannot fail. */
    void sampleOnce() {
        readAll(readBudgetNanos);
        long now = clock.nanoTime();
        commit(now);
    }

    /**
     * The final sample: commits any late answer first (so that the fresh read below is not skipped for it), then
     * reads every source once more, waiting up to the stop budget for slow ones.
     */
    void finalSample() {
        boolean late = false;
        for (SourceSlot slot : slots) {
            if (slot.inFlight && slot.reader != null && slot.reader.idle()) {
                slot.inFlight = false;
                slot.pendingCommit = true;
                late = true;
            }
        }
        if (late) {
            commit(clock.nanoTime());
        }
        readAll(startupBudgetNanos);
        commit(clock.nanoTime());
    }

    /**
     * Asks every source's reader for a read and waits up to {@code budgetNanos} of real time. A source that has not
     * answered in time is left in flight: the others are committed now, and its reading is committed at the first
     * sample after it returns (its counter is cumulative, so nothing is lost).
     */
    private void readAll(long budgetNanos) {
        for (int s = 0; s < slots.size(); s++) {
            SourceSlot slot = slots.get(s);
            if (slot.disabled || slot.pendingCommit) {
                continue;
            }
            if (slot.inline) {
                // A source that promises not to block is read right here: no hand-off, no thread wake-ups.
                slot.sample.clear();
                try {
                    slot.source.read(slot.sample);
                    slot.inlineError = null;
                } catch (RuntimeException | LinkageError e) {
                    slot.inlineError = e;
                }
                slot.pendingCommit = true;
                continue;
            }
            if (slot.inFlight) {
                if (slot.reader.idle()) {
                    slot.inFlight = false;
                    slot.pendingCommit = true;
                } else if (!slot.stalled) {
                    slot.stalled = true;
                    warnings.warn("stall:" + slot.name, "Power source {} has not answered for longer than the"
                            + " sampling interval; the other sources go on without it and its energy is counted"
                            + " when it answers", slot.name);
                }
                continue;
            }
            slot.sample.clear();
            slot.inFlight = true;
            slot.reader.requestRead();
        }
        long deadline = System.nanoTime() + budgetNanos;
        for (int s = 0; s < slots.size(); s++) {
            SourceSlot slot = slots.get(s);
            if (slot.inFlight && slot.reader.awaitIdle(deadline)) {
                slot.inFlight = false;
                slot.pendingCommit = true;
                slot.stalled = false;
            }
        }
    }

    /** Handles the outcome of a completed read; true when it failed. Sampler thread only. */
    private boolean failed(SourceSlot slot) {
        Throwable e = slot.reader != null ? slot.reader.error() : slot.inlineError;
        if (e == null) {
            slot.consecutiveFailures = 0;
            return false;
        }
        slot.consecutiveFailures++;
        warnings.warn("read:" + slot.name, "Power source {} failed to read ({}); its energy so far is kept",
                slot.name, SourceSelector.describe(e));
        LOG.debug("Read failure of {}", slot.name, e);
        if (slot.consecutiveFailures >= SourceSlot.MAX_CONSECUTIVE_FAILURES) {
            slot.disabled = true;
            slot.disabledReason = "disabled after " + slot.consecutiveFailures
                    + " consecutive read failures, last: " + SourceSelector.describe(e);
            LOG.warn("Power source {} {}; its energy up to the failure is kept", slot.name, slot.disabledReason);
        }
        return true;
    }

    /**
     * Closes every source on its own reader thread, waiting until {@code deadlineNanos} (System.nanoTime). A source
     * whose read hangs is left open (its thread is a daemon) and reported.
     */
    void closeSources(long deadlineNanos) {
        if (processShare != null) {
            try {
                processShare.close();
            } catch (RuntimeException | LinkageError e) {
                LOG.debug("Closing the process share failed", e);
            }
        }
        for (SourceSlot slot : slots) {
            if (slot.reader == null) {
                slot.closeQuietly();
            } else if (!slot.reader.requestClose()) {
                markHung(slot);
            }
        }
        for (SourceSlot slot : slots) {
            if (slot.reader != null && !slot.reader.isClosed() && !slot.reader.awaitIdle(deadlineNanos)) {
                markHung(slot);
            }
        }
    }

    private void markHung(SourceSlot slot) {
        synchronized (lock) {
            if (!slot.disabled || slot.disabledReason.isEmpty()) {
                slot.disabled = true;
                slot.disabledReason = "its read did not return (hung); energy up to its last answer is kept";
            }
        }
        warnings.warn("hung:" + slot.name, "Power source {} hangs in read; it is abandoned and not closed", slot.name);
    }

    private void commitBaseline(SourceSlot slot) {
        for (int i = 0; i < slot.channels.size(); i++) {
            double v = slot.sample.joules(i);
            if (isValid(v)) {
                slot.last[i] = v;
                slot.hasLast[i] = true;
            }
            double p = slot.sample.processJoules(i);
            if (isValid(p)) {
                slot.lastProcess[i] = p;
                slot.hasLastProcess[i] = true;
            }
        }
    }

    private void commit(long now) {
        java.util.Arrays.fill(machineDelta, 0);
        java.util.Arrays.fill(processDelta, 0);
        java.util.Arrays.fill(hasProcess, false);
        synchronized (lock) {
            if (finished) {
                return;
            }
            for (int s = 0; s < slots.size(); s++) {
                SourceSlot slot = slots.get(s);
                if (slot.pendingCommit) {
                    slot.pendingCommit = false;
                    if (!failed(slot)) {
                        accumulate(slot);
                    }
                }
            }
            long dt = now - lastNanos;
            if (dt < 0) {
                dt = 0;
            }
            if (processShare != null) {
                java.util.Arrays.fill(shares, Double.NaN);
                try {
                    processShare.update(dt, shares);
                } catch (RuntimeException | LinkageError e) {
                    warnings.warn("share", "Process attribution failed ({}); charging the whole machine's energy",
                            SourceSelector.describe(e));
                    java.util.Arrays.fill(shares, Double.NaN);
                }
            }
            System.arraycopy(state, 0, before, 0, STATE);
            double trackedJoules = 0;
            for (int c = 0; c < COMPONENTS; c++) {
                double machine = machineDelta[c];
                double tracked = machine;
                if (processShare != null) {
                    if (hasProcess[c]) {
                        tracked = Math.min(processDelta[c], machine);
                    } else if (shares[c] >= 0) {
                        tracked = machine * Math.min(1.0, shares[c]);
                    }
                }
                add(MACHINE + c, machine);
                add(TRACKED + c, tracked);
                trackedJoules += tracked;
            }
            CarbonIntensity ci = intensity;
            if (!constantIntensity) {
                ci = currentIntensity(startWall.plusNanos(now - startNanos), ci);
                intensity = ci;
            }
            add(EMISSIONS, trackedJoules * pue / JOULES_PER_KWH * ci.kgPerKwh());

            if (samples > 0 && dt > 2 * periodNanos) {
                gaps++;
                gapNanos += dt - periodNanos;
                if (warnings.warn("gap", "Sampling gap of {} ms (interval {} ms): the machine or JVM was paused;"
                        + " counters keep the energy, but per-task boundaries inside the gap are interpolated",
                        dt / 1_000_000, periodNanos / 1_000_000)) {
                    LOG.debug("gap detected");
                }
            }
            resolveBoundaries(lastNanos, now);
            lastNanos = now;
            samples++;
        }
    }

    private CarbonIntensity currentIntensity(Instant wall, CarbonIntensity fallback) {
        try {
            CarbonIntensity ci = intensityProvider.intensityAt(wall);
            return ci == null ? fallback : ci;
        } catch (RuntimeException | LinkageError e) {
            warnings.warn("intensity", "Carbon-intensity provider failed ({}); using the last value {}",
                    SourceSelector.describe(e), fallback.describe());
            return fallback;
        }
    }

    private void accumulate(SourceSlot slot) {
        for (int i = 0; i < slot.channels.size(); i++) {
            double v = slot.sample.joules(i);
            int c = slot.componentIndex[i];
            if (!isValid(v)) {
                slot.missed[i]++;
                if (slot.problems[i] == null) {
                    slot.problems[i] = "no value read (unreadable or device lost); energy so far kept";
                    warnings.warn("nan:" + slot.name + ":" + slot.channels.get(i).id(),
                            "Channel {} of power source {} returned no value (unreadable or device lost);"
                                    + " its energy so far is kept", slot.channels.get(i).id(), slot.name);
                }
                continue;
            }
            if (!slot.hasLast[i]) {
                slot.last[i] = v;
                slot.hasLast[i] = true;
            } else {
                double d = v - slot.last[i];
                slot.last[i] = v;
                if (d < 0) {
                    String problem = String.format(java.util.Locale.ROOT,
                            "counter went backwards by %.3f J (reset or hot-plug); rebased, nothing counted", -d);
                    if (slot.problems[i] == null) {
                        slot.problems[i] = problem;
                    }
                    warnings.warn("back:" + slot.name + ":" + slot.channels.get(i).id(), "Channel {} of power source {}: {}",
                            slot.channels.get(i).id(), slot.name, problem);
                } else {
                    slot.channelTotals[i] += d;
                    if (slot.assigned[i]) {
                        machineDelta[c] += d;
                    }
                }
            }
            if (slot.assigned[i]) {
                double p = slot.sample.processJoules(i);
                if (isValid(p)) {
                    if (slot.hasLastProcess[i]) {
                        double pd = p - slot.lastProcess[i];
                        if (pd > 0) {
                            processDelta[c] += pd;
                        }
                    }
                    slot.lastProcess[i] = p;
                    slot.hasLastProcess[i] = true;
                    hasProcess[c] = true;
                }
                double u = slot.sample.utilizationPercent(i);
                if (u >= 0 && u <= 100) {
                    utilSum[c] += u;
                    utilCount[c]++;
                }
            }
        }
    }

    private static boolean isValid(double v) {
        return v >= 0 && !Double.isInfinite(v);
    }

    /** Neumaier-compensated addition: a day of 100 ms samples loses no precision. */
    private void add(int i, double x) {
        double sum = state[i];
        double t = sum + x;
        if (Math.abs(sum) >= Math.abs(x)) {
            compensation[i] += (sum - t) + x;
        } else {
            compensation[i] += (x - t) + sum;
        }
        state[i] = t;
    }

    private double value(int i) {
        return state[i] + compensation[i];
    }

    private void resolveBoundaries(long prevNanos, long now) {
        if (pending.isEmpty()) {
            // Most samples have no task boundary: skip the iterator, which escape analysis does not always remove
            // (it showed up as garbage per sample in process mode).
            return;
        }
        for (Iterator<PendingBoundary> it = pending.iterator(); it.hasNext(); ) {
            PendingBoundary b = it.next();
            if (b.nanos > now) {
                continue;
            }
            double[] v = new double[STATE];
            double frac = (b.nanos <= prevNanos || now == prevNanos) ? 0 : (double) (b.nanos - prevNanos) / (now - prevNanos);
            for (int i = 0; i < STATE; i++) {
                double prevValue = before[i];
                double cur = state[i];
                v[i] = prevValue + (cur - prevValue) * frac;
            }
            if (b.end) {
                b.task.endState = v;
            } else {
                b.task.startState = v;
            }
            it.remove();
        }
    }

    /** Opens a task; a boundary resolved at the next sample. */
    TaskRecord openTask(String name) {
        long now = clock.nanoTime();
        TaskRecord t = new TaskRecord(name, now, clock.wallTime(), this);
        if (cpuTime != null) {
            t.thread = Thread.currentThread();
            t.startThreadCpu = cpuTime.currentThreadCpuNanos();
            t.startProcessCpu = cpuTime.processCpuNanos();
        }
        synchronized (lock) {
            if (finished) {
                t.startState = currentState();
                t.endState = t.startState;
                t.endNanos = now;
                return t;
            }
        }
        tasks.add(t);
        pending.add(new PendingBoundary(t, false, now));
        return t;
    }

    void endTask(TaskRecord t) {
        long now = clock.nanoTime();
        if (cpuTime != null && t.thread == Thread.currentThread() && t.startThreadCpu >= 0 && t.startProcessCpu >= 0) {
            long threadCpu = cpuTime.currentThreadCpuNanos();
            long processCpu = cpuTime.processCpuNanos();
            if (threadCpu >= 0 && processCpu >= 0) {
                t.threadCpuNanos = threadCpu - t.startThreadCpu;
                t.processCpuNanos = processCpu - t.startProcessCpu;
            }
        }
        t.endNanos = now;
        synchronized (lock) {
            if (finished) {
                double[] s = currentState();
                if (t.startState == null) {
                    t.startState = s;
                }
                t.endState = s;
                return;
            }
        }
        pending.add(new PendingBoundary(t, true, now));
    }

    /** Stops accounting: resolves every pending boundary at the final state. Call after the final sample. */
    void finish() {
        synchronized (lock) {
            finished = true;
            double[] s = currentState();
            for (PendingBoundary b : pending) {
                if (b.end) {
                    b.task.endState = s;
                } else {
                    b.task.startState = s;
                }
            }
            pending.clear();
            for (TaskRecord t : tasks) {
                if (t.isOpen()) {
                    t.endNanos = lastNanos;
                    t.endState = s;
                }
            }
        }
    }

    private double[] currentState() {
        double[] s = new double[STATE];
        for (int i = 0; i < STATE; i++) {
            s[i] = value(i);
        }
        return s;
    }

    /** A consistent copy of everything a result needs. */
    Totals totals() {
        synchronized (lock) {
            Totals t = new Totals();
            t.state = currentState();
            t.startNanos = startNanos;
            t.lastNanos = lastNanos;
            t.startWall = startWall;
            t.samples = samples;
            t.gaps = gaps;
            t.gapNanos = gapNanos;
            t.intensity = intensity;
            t.utilization = new double[COMPONENTS];
            for (int c = 0; c < COMPONENTS; c++) {
                t.utilization[c] = utilCount[c] == 0 ? Double.NaN : utilSum[c] / utilCount[c];
            }
            t.channelTotals = new ArrayList<>();
            t.missed = new ArrayList<>();
            t.problems = new ArrayList<>();
            t.disabled = new ArrayList<>();
            for (SourceSlot slot : slots) {
                t.channelTotals.add(slot.channelTotals.clone());
                t.missed.add(slot.missed.clone());
                t.problems.add(slot.problems.clone());
                t.disabled.add(slot.disabled ? slot.disabledReason : null);
            }
            t.tasks = new ArrayList<>();
            for (TaskRecord task : tasks) {
                TaskTotals tt = new TaskTotals();
                tt.task = task;
                tt.start = task.startState;
                tt.end = task.endState;
                tt.open = task.isOpen();
                tt.endNanos = task.isOpen() ? lastNanos : task.endNanos;
                t.tasks.add(tt);
            }
            return t;
        }
    }

    /** A copy of the accounting state. */
    static final class Totals {
        double[] state;
        long startNanos;
        long lastNanos;
        Instant startWall;
        long samples;
        long gaps;
        long gapNanos;
        CarbonIntensity intensity;
        double[] utilization;
        List<double[]> channelTotals;
        List<long[]> missed;
        List<String[]> problems;
        List<String> disabled;
        List<TaskTotals> tasks;
    }

    /** A task's resolved states (either may be null while unresolved). */
    static final class TaskTotals {
        TaskRecord task;
        double[] start;
        double[] end;
        boolean open;
        long endNanos;
    }

    private static final class PendingBoundary {
        final TaskRecord task;
        final boolean end;
        final long nanos;

        PendingBoundary(TaskRecord task, boolean end, long nanos) {
            this.task = task;
            this.end = end;
            this.nanos = nanos;
        }
    }
}
