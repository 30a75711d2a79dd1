package io.carbon4j.tracker.internal;

import io.carbon4j.tracker.ChannelEnergy;
import io.carbon4j.tracker.ComponentEnergy;
import io.carbon4j.tracker.EmissionsResult;
import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.NoPowerSourceException;
import io.carbon4j.tracker.Provenance;
import io.carbon4j.tracker.RunEnvironment;
import io.carbon4j.tracker.SamplingStats;
import io.carbon4j.tracker.SourceReport;
import io.carbon4j.tracker.TaskScope;
import io.carbon4j.tracker.TrackerClock;
import io.carbon4j.tracker.TrackerException;
import io.carbon4j.tracker.TrackingMode;
import io.carbon4j.tracker.intensity.CarbonIntensity;
import io.carbon4j.tracker.intensity.CarbonIntensityTable;
import io.carbon4j.tracker.output.OutputWriter;
import io.carbon4j.tracker.spi.CarbonIntensityProvider;
import io.carbon4j.tracker.spi.Channel;
import io.carbon4j.tracker.spi.Component;
import io.carbon4j.tracker.spi.Measurement;
import io.carbon4j.tracker.spi.PowerSourceProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running tracker: one sampler thread, the sources, the outputs, the shutdown hook. */
public final class DefaultEmissionsTracker implements EmissionsTracker {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultEmissionsTracker.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    static final String TROUBLESHOOTING = "docs/troubleshooting.md";

    private final TrackerSettings settings;
    private final TrackerClock clock;
    private final String runId = newRunId();
    private final Sampler sampler;
    private final List<SourceReport> reports;
    private final Map<String, java.util.Set<Component>> declared;
    private final List<OutputWriter> outputs;
    private final Object outputLock = new Object();
    private final ScheduledThreadPoolExecutor executor;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final String processModel;
    private volatile ScheduledFuture<?> sampling;
    private volatile ScheduledFuture<?> saving;
    private volatile Thread shutdownHook;
    private volatile EmissionsResult finalResult;
    private final Object stopLock = new Object();
    private final ThreadFactory threadFactory;

    /** The CPU-time seam for process mode; tests set it before starting a tracker (null: the JVM's). */
    static volatile CpuTime cpuTimeOverride;

    private DefaultEmissionsTracker(
            TrackerSettings settings,
            TrackerClock clock,
            SourceSelector.Selection selection,
            CarbonIntensityProvider intensityProvider,
            CarbonIntensity initialIntensity,
            boolean constantIntensity,
            List<OutputWriter> outputs) {
        this.settings = settings;
        this.clock = clock;
        this.reports = selection.reports;
        this.declared = selection.declared;
        this.outputs = outputs;
        Duration period = settings.samplingInterval;
        for (SourceSlot slot : selection.slots) {
            try {
                var max = slot.source.maxReadInterval();
                if (max.isPresent() && max.get().compareTo(period) < 0 && !max.get().isNegative() && !max.get().isZero()) {
                    LOG.debug("Sampling every {} instead of {} so that {} misses no counter wrap", max.get(), period, slot.name);
                    period = max.get();
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.debug("maxReadInterval of {} failed", slot.name, e);
            }
        }
        ProcessShare share = settings.trackingMode == TrackingMode.PROCESS ? new JvmProcessShare(settings) : null;
        this.processModel = share == null ? "" : share.model();
        this.sampler = new Sampler(selection.slots, clock, intensityProvider, initialIntensity, constantIntensity,
                settings.pue, share, period, settings.stopTimeout, share == null ? null : cpuTimeOverride != null ? cpuTimeOverride : CpuTime.jvm());
        String project = settings.projectName.replaceAll("[^A-Za-z0-9._-]", "_");
        this.threadFactory = threads("emissions-tracker-" + project + "-" + THREADS.incrementAndGet());
        this.executor = new ScheduledThreadPoolExecutor(1, threadFactory);
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    /**
     * A random (version 4) UUID for the run. Not {@link UUID#randomUUID()}: its SecureRandom seeding cost about
     * 16 ms on a cold start, and a run id needs uniqueness, not unpredictability.
     */
    static String newRunId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger readers = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, r instanceof SourceReader ? name + "-reader-" + readers.incrementAndGet() : name);
            t.setDaemon(true);
            t.setContextClassLoader(null);
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("Uncaught exception in {}", th.getName(), e));
            return t;
        };
    }

    /** Builds, opens and starts a tracker; see {@link EmissionsTracker.Builder#start()}. */
    public static EmissionsTracker start(
            TrackerSettings settings,
            List<PowerSourceProvider> providers,
            boolean discover,
            ClassLoader loader,
            List<OutputWriter> extraOutputs,
            CarbonIntensityProvider customIntensity,
            TrackerClock clock) {
        Objects.requireNonNull(clock, "clock");
        CarbonIntensity intensity;
        CarbonIntensityProvider provider;
        boolean constant;
        if (settings.carbonIntensity.isPresent()) {
            intensity = CarbonIntensityTable.bundled().forced(settings.carbonIntensity.getAsDouble(), settings.location);
            provider = CarbonIntensityProvider.fixed(intensity);
            constant = true;
        } else if (customIntensity != null) {
            provider = customIntensity;
            intensity = customIntensity.intensityAt(clock.wallTime());
            Objects.requireNonNull(intensity, "carbon-intensity provider returned null");
            constant = false;
        } else {
            intensity = CarbonIntensityTable.bundled().lookup(settings.location);
            provider = CarbonIntensityProvider.fixed(intensity);
            constant = true;
        }
        List<OutputWriter> outputs = new ArrayList<>(OutputFactory.create(settings));
        outputs.addAll(extraOutputs);

        ClassLoader cl = loader != null ? loader : PowerSourceProvider.class.getClassLoader();
        SourceSelector.Selection selection =
                SourceSelector.select(settings, providers, discover, cl, new DefaultSourceContext(settings, clock));
        if (!measuresSomething(selection.slots)) {
            StringBuilder why = new StringBuilder();
            for (SourceReport r : selection.reports) {
                why.append("\n  ").append(r);
            }
            if (selection.reports.isEmpty()) {
                why.append("\n  no power-source provider on the class path (add tracker-rapl or tracker-nvml)");
            }
            if (settings.requirePowerSource) {
                for (SourceSlot slot : selection.slots) {
                    slot.closeQuietly();
                }
                throw new NoPowerSourceException("No power source measures energy here and"
                        + " carbon4j.require.power.source is true:" + why + "\nSee " + TROUBLESHOOTING
                        + "#no-power-source");
            }
            LOG.warn("No power source measures energy here; carbon4j reports {}:{}\nSee {}#no-power-source",
                    selection.slots.isEmpty() ? "duration and carbon intensity but no energy"
                            : "estimated energy (models, not measurements)", why, TROUBLESHOOTING);
        }
        DefaultEmissionsTracker tracker = new DefaultEmissionsTracker(
                settings, clock, selection, provider, intensity, constant, outputs);
        tracker.begin();
        return tracker;
    }

    private static boolean measuresSomething(List<SourceSlot> slots) {
        for (SourceSlot slot : slots) {
            for (int i = 0; i < slot.channels.size(); i++) {
                if (slot.assigned[i] && slot.channels.get(i).measurement().isMeasured()) {
                    return true;
                }
            }
        }
        return false;
    }

    private void begin() {
        try {
            executor.submit(() -> sampler.start(threadFactory))
                    .get(2 * settings.stopTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Interrupted while taking the first sample");
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("The first sample failed or timed out; the sampler goes on", e);
        }
        long period = sampler.period().toNanos();
        sampling = executor.scheduleAtFixedRate(this::sampleSafely, period, period, TimeUnit.NANOSECONDS);
        if (!outputs.isEmpty()) {
            long save = settings.saveInterval.toNanos();
            saving = executor.scheduleAtFixedRate(this::saveSafely, save, save, TimeUnit.NANOSECONDS);
        }
        EmissionsResult initial = buildResult(false, List.of());
        synchronized (outputLock) {
            for (OutputWriter w : outputs) {
                try {
                    w.start(initial);
                } catch (Exception | LinkageError e) {
                    LOG.warn("Output {} failed to start; the run goes on", safeName(w), e);
                }
            }
        }
        if (settings.shutdownHook) {
            Thread hook = new Thread(this::onShutdown, "emissions-tracker-shutdown-" + runId.substring(0, 8));
            try {
                Runtime.getRuntime().addShutdownHook(hook);
                shutdownHook = hook;
            } catch (IllegalStateException e) {
                LOG.debug("JVM already shutting down; no shutdown hook", e);
            }
        }
    }

    /** Package-private for tests: one sample on the calling thread. */
    void sampleOnce() {
        sampler.sampleOnce();
    }

    Sampler sampler() {
        return sampler;
    }

    /** Tests that drive {@link #sampleOnce()} themselves cancel the periodic tasks first. */
    void stopSchedulingForTest() {
        cancel(sampling);
        cancel(saving);
    }

    private void sampleSafely() {
        try {
            sampler.sampleOnce();
        } catch (Throwable t) {
            LOG.error("Sampler failed; it keeps running", t);
        }
    }

    private void saveSafely() {
        try {
            writeAll(buildResult(false, List.of()), false);
        } catch (Throwable t) {
            LOG.error("Periodic save failed; it keeps running", t);
        }
    }

    private void onShutdown() {
        shutdownHook = null;
        LOG.debug("JVM shutdown: stopping tracker {}", runId);
        close();
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public TaskScope task(String name) {
        Objects.requireNonNull(name, "name");
        try {
            return sampler.openTask(name);
        } catch (RuntimeException e) {
            LOG.error("Could not open task {}", name, e);
            return EmissionsTracker.noop().task(name);
        }
    }

    @Override
    public EmissionsResult snapshot() {
        EmissionsResult f = finalResult;
        return f != null ? f : buildResult(false, List.of());
    }

    @Override
    public EmissionsResult flush() {
        EmissionsResult f = finalResult;
        if (f != null) {
            return f;
        }
        EmissionsResult r = buildResult(false, List.of());
        List<String> errors = writeAll(r, false);
        return errors.isEmpty() ? r : r.toBuilder().outputErrors(errors).build();
    }

    @Override
    public boolean isRunning() {
        return !stopping.get();
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (Throwable t) {
            LOG.warn("Stopping tracker {} failed", runId, t);
        }
    }

    @Override
    public EmissionsResult stop() {
        if (!stopping.compareAndSet(false, true)) {
            synchronized (stopLock) {
                while (finalResult == null) {
                    try {
                        stopLock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return snapshot();
                    }
                }
                return finalResult;
            }
        }
        boolean interrupted = false;
        EmissionsResult result;
        try {
            cancel(sampling);
            cancel(saving);
            long closeDeadline = System.nanoTime() + 2 * settings.stopTimeout.toNanos();
            Future<?> last = executor.submit(() -> {
                try {
                    sampler.finalSample();
                } finally {
                    sampler.closeSources(closeDeadline);
                }
            });
            // An interrupt does not cut the final sample short: it is bounded by the stop timeout anyway, and
            // the flag is restored before returning so the caller still sees it.
            long deadline = closeDeadline + 100_000_000L;
            while (true) {
                try {
                    last.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (TimeoutException e) {
                    LOG.warn("The final sample did not finish within {} (a power source hangs); keeping what was"
                            + " measured up to the last sample", settings.stopTimeout);
                    break;
                } catch (ExecutionException e) {
                    LOG.error("The final sample failed; keeping what was measured", e.getCause());
                    break;
                }
            }
            executor.shutdown();
            try {
                if (!executor.awaitTermination(100, TimeUnit.MILLISECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                interrupted = true;
                executor.shutdownNow();
            }
            sampler.finish();
            result = buildResult(true, List.of());
            List<String> errors = writeAll(result, true);
            synchronized (outputLock) {
                for (OutputWriter w : outputs) {
                    try {
                        w.close();
                    } catch (Exception | LinkageError e) {
                        LOG.warn("Output {} failed to close", safeName(w), e);
                        errors.add(safeName(w) + ": close failed: " + SourceSelector.describe(e));
                    }
                }
            }
            if (!errors.isEmpty()) {
                result = result.toBuilder().outputErrors(errors).build();
            }
        } catch (RuntimeException | Error e) {
            LOG.error("Stopping tracker {} failed; returning what was measured", runId, e);
            sampler.finish();
            result = buildResult(true, List.of("stop failed: " + SourceSelector.describe(e)));
        } finally {
            removeShutdownHook();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (stopLock) {
            finalResult = result;
            stopLock.notifyAll();
        }
        if (settings.failOnOutputError && !result.outputErrors().isEmpty()) {
            throw new TrackerException("carbon4j outputs failed (carbon4j.fail.on.output.error is true): "
                    + String.join("; ", result.outputErrors()));
        }
        return result;
    }

    private static void cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }

    private void removeShutdownHook() {
        Thread hook = shutdownHook;
        shutdownHook = null;
        if (hook != null && hook != Thread.currentThread()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is shutting down; the hook is running or will find the tracker stopped.
            }
        }
    }

    private List<String> writeAll(EmissionsResult result, boolean isFinal) {
        List<String> errors = new ArrayList<>();
        synchronized (outputLock) {
            for (OutputWriter w : outputs) {
                try {
                    w.write(result);
                } catch (Exception | LinkageError e) {
                    String name = safeName(w);
                    errors.add(name + ": " + SourceSelector.describe(e));
                    LOG.warn("Output {} failed to write {}; the run goes on", name, isFinal ? "the final result" : "running totals", e);
                }
            }
        }
        return errors;
    }

    private static String safeName(OutputWriter w) {
        try {
            return w.name();
        } catch (RuntimeException e) {
            return w.getClass().getName();
        }
    }

    EmissionsResult buildResult(boolean isFinal, List<String> errors) {
        Sampler.Totals t = sampler.totals();
        List<SourceSlot> slots = sampler.slots();

        List<SourceReport> sourceReports = new ArrayList<>();
        for (SourceReport r : reports) {
            int idx = indexOf(slots, r.name());
            String disabled = idx >= 0 && r.status() == SourceReport.Status.USED ? t.disabled.get(idx) : null;
            sourceReports.add(disabled == null ? r : new SourceReport(r.name(), SourceReport.Status.DISABLED, disabled, r.components()));
        }

        List<ChannelEnergy> channels = new ArrayList<>();
        Map<Component, List<String>> methods = new LinkedHashMap<>();
        Map<Component, Provenance> provenance = new LinkedHashMap<>();
        int gpuCount = 0;
        Map<String, Integer> gpuModels = new LinkedHashMap<>();
        for (int s = 0; s < slots.size(); s++) {
            SourceSlot slot = slots.get(s);
            for (int i = 0; i < slot.channels.size(); i++) {
                Channel ch = slot.channels.get(i);
                String problem = t.problems.get(s)[i];
                channels.add(new ChannelEnergy(slot.name, ch, t.channelTotals.get(s)[i], t.missed.get(s)[i],
                        problem == null ? "" : problem));
                if (!slot.assigned[i]) {
                    continue;
                }
                Component c = ch.component();
                if (c == Component.GPU) {
                    gpuCount++;
                    gpuModels.merge(ch.attributes().getOrDefault("model", ch.description()), 1, Integer::sum);
                }
                Provenance p = ch.measurement() == Measurement.ESTIMATE ? Provenance.ESTIMATED : Provenance.MEASURED;
                provenance.merge(c, p, (a, b) -> a == Provenance.ESTIMATED || b == Provenance.ESTIMATED ? Provenance.ESTIMATED : a);
                String m = ch.measurement() == Measurement.ESTIMATE
                        ? ch.description()
                        : slot.name + " (" + ch.measurement().key().replace('_', ' ') + ")";
                List<String> list = methods.computeIfAbsent(c, k -> new ArrayList<>());
                if (!list.contains(m)) {
                    list.add(m);
                }
            }
        }
        StringBuilder gpuModel = new StringBuilder();
        for (Map.Entry<String, Integer> e : gpuModels.entrySet()) {
            if (gpuModel.length() > 0) {
                gpuModel.append(", ");
            }
            gpuModel.append(e.getValue()).append(" x ").append(e.getKey());
        }

        RunEnvironment environment = Environment.of(gpuCount, gpuModel.toString());
        Duration duration = Duration.ofNanos(Math.max(0, t.lastNanos - t.startNanos));
        Instant start = t.startWall != null ? t.startWall : clock.wallTime();
        Instant end = start.plus(duration);
        EmissionsResult.Builder b = EmissionsResult.builder()
                .runId(runId)
                .projectName(settings.projectName)
                .experimentId(settings.experimentId)
                .time(start, end, duration)
                .isFinal(isFinal)
                .complete(true)
                .carbonIntensity(t.intensity)
                .pue(settings.pue)
                .trackingMode(settings.trackingMode)
                .sources(sourceReports)
                .channels(channels)
                .environment(environment)
                .sampling(new SamplingStats(t.samples, sampler.period(), t.gaps, Duration.ofNanos(t.gapNanos)))
                .outputErrors(errors)
                .emissionsKg(t.state[Sampler.EMISSIONS]);
        double seconds = duration.toNanos() / 1e9;
        for (Component c : Component.values()) {
            b.component(component(c, t.state, seconds, methods, provenance,
                    Double.isNaN(t.utilization[c.ordinal()]) ? OptionalDouble.empty() : OptionalDouble.of(t.utilization[c.ordinal()])));
        }
        List<EmissionsResult> tasks = new ArrayList<>();
        for (Sampler.TaskTotals tt : t.tasks) {
            tasks.add(taskResult(tt, t, environment, methods, provenance, sourceReports, isFinal));
        }
        b.tasks(tasks);
        return b.build();
    }

    private EmissionsResult taskResult(
            Sampler.TaskTotals tt,
            Sampler.Totals t,
            RunEnvironment environment,
            Map<Component, List<String>> methods,
            Map<Component, Provenance> provenance,
            List<SourceReport> sourceReports,
            boolean isFinal) {
        double[] start = tt.start;
        double[] end = tt.end != null ? tt.end : (tt.open && start != null ? t.state : null);
        boolean complete = tt.start != null && tt.end != null && !tt.open;
        long endNanos = tt.open ? Math.max(t.lastNanos, tt.task.startNanos) : tt.endNanos;
        Duration duration = Duration.ofNanos(Math.max(0, endNanos - tt.task.startNanos));
        double seconds = duration.toNanos() / 1e9;
        EmissionsResult.Builder b = EmissionsResult.builder()
                .runId(runId)
                .projectName(settings.projectName)
                .experimentId(settings.experimentId)
                .taskName(tt.task.name)
                .time(tt.task.startWall, tt.task.startWall.plus(duration), duration)
                .isFinal(isFinal)
                .complete(complete)
                .carbonIntensity(t.intensity)
                .pue(settings.pue)
                .trackingMode(settings.trackingMode)
                .sources(sourceReports)
                .environment(environment)
                .sampling(new SamplingStats(0, sampler.period(), 0, Duration.ZERO));
        double[] delta = new double[Sampler.STATE];
        if (start != null && end != null) {
            for (int i = 0; i < Sampler.STATE; i++) {
                delta[i] = Math.max(0, end[i] - start[i]);
            }
        }
        double emissions = delta[Sampler.EMISSIONS];
        String threadNote = "";
        long processCpu = tt.task.processCpuNanos;
        long threadCpu = tt.task.threadCpuNanos;
        if (sampler.chargesTasksByThread() && complete && processCpu >= 0 && threadCpu >= 0) {
            // Process mode: a task is charged its thread's share of the process's CPU time over its interval,
            // so tasks running at the same time on different threads are not each charged the whole process.
            double share = processCpu > 0 ? Math.min(1.0, (double) threadCpu / processCpu) : (threadCpu > 0 ? 1.0 : 0.0);
            int cpu = Sampler.TRACKED + Component.CPU.ordinal();
            double tracked = 0;
            for (Component c : Component.values()) {
                tracked += delta[Sampler.TRACKED + c.ordinal()];
            }
            double removed = delta[cpu] * (1 - share);
            if (tracked > 0) {
                emissions = emissions * (tracked - removed) / tracked;
            }
            delta[cpu] -= removed;
            b.threadCpuShare(share);
            threadNote = String.format(java.util.Locale.ROOT,
                    "; task charged its thread's share of process CPU time (%.1f%%)", share * 100);
        }
        b.emissionsKg(emissions);
        for (Component c : Component.values()) {
            ComponentEnergy e = component(c, delta, seconds, methods, provenance, OptionalDouble.empty());
            if (c == Component.CPU && !threadNote.isEmpty() && e.provenance() != Provenance.NOT_MEASURED) {
                e = ComponentEnergy.of(c, e.energyJoules(), e.machineEnergyJoules(), e.meanPowerWatts(),
                        e.provenance(), e.method() + threadNote, e.utilizationPercent());
            }
            b.component(e);
        }
        return b.build();
    }

    private ComponentEnergy component(
            Component c,
            double[] state,
            double seconds,
            Map<Component, List<String>> methods,
            Map<Component, Provenance> provenance,
            OptionalDouble utilization) {
        Provenance p = provenance.get(c);
        if (p == null) {
            return ComponentEnergy.notMeasured(c, notMeasuredReason(c));
        }
        double tracked = state[Sampler.TRACKED + c.ordinal()];
        double machine = state[Sampler.MACHINE + c.ordinal()];
        String method = String.join(", ", methods.get(c));
        if (settings.trackingMode == TrackingMode.PROCESS) {
            method = method + "; process share: " + processModel;
        }
        return ComponentEnergy.of(c, tracked, machine, seconds > 0 ? tracked / seconds : 0, p, method, utilization);
    }

    private String notMeasuredReason(Component c) {
        // Name the providers that could have measured this component; all of them when none said so.
        List<String> relevant = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (SourceReport r : reports) {
            if (r.status() != SourceReport.Status.USED) {
                String line = r.name() + " " + r.status().key() + ": " + r.reason();
                all.add(line);
                if (declared.getOrDefault(r.name(), java.util.Set.of()).contains(c)) {
                    relevant.add(line);
                }
            }
        }
        List<String> why = relevant.isEmpty() ? all : relevant;
        return "not measured: no source for " + c.key() + (why.isEmpty() ? "" : " (" + String.join("; ", why) + ")");
    }

    private static int indexOf(List<SourceSlot> slots, String name) {
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).name.equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "EmissionsTracker[" + settings.projectName + ", run " + runId + (isRunning() ? ", running]" : ", stopped]");
    }
}
