package io.carbon4j.tracker.internal.estimate;

import io.carbon4j.tracker.spi.Component;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The share of each component's energy charged to this process in process tracking mode, once per sample.
 *
 * <ul>
 *   <li>CPU: {@link CpuAttribution#CAPACITY} or {@link CpuAttribution#BUSY}, from the JVM's CPU time (GC and JIT
 *       threads included) and the machine's busy time.</li>
 *   <li>RAM: resident set / used memory (total - available).</li>
 *   <li>GPU: left unknown ({@code NaN}); the core then uses the GPU source's own per-process energy where it
 *       reports one, and the whole device otherwise.</li>
 * </ul>
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: construct it anywhere, then call {@link #update} from the sampler thread only.
 */
public final class ProcessAttributor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessAttributor.class);

    private final CpuAttribution model;
    private final ProcessCpuClock processClock;
    private final MachineCpuReader machine;
    private final MemoryReader memory;
    private final int logicalCpus;
    private final CpuTicks lastTicks = new CpuTicks();
    private final CpuTicks ticks = new CpuTicks();
    private final MemoryFacts memoryFacts = new MemoryFacts();
    private boolean hasTicks;
    private long lastProcessNanos;
    private boolean closed;

    /** An attributor reading this JVM and machine: {@code /proc} on Linux, OSHI elsewhere. */
    public static ProcessAttributor system(CpuAttribution model) {
        return new ProcessAttributor(model, ProcessCpuClock.jvm(), MachineCpuReader.system(), MemoryReader.system());
    }

    ProcessAttributor(CpuAttribution model, ProcessCpuClock processClock, MachineCpuReader machine,
            MemoryReader memory) {
        this.model = Objects.requireNonNull(model, "model");
        this.processClock = Objects.requireNonNull(processClock, "processClock");
        this.machine = Objects.requireNonNull(machine, "machine");
        this.memory = Objects.requireNonNull(memory, "memory");
        this.logicalCpus = machine.logicalCpus();
        this.lastProcessNanos = processClock.processCpuNanos();
        this.hasTicks = machine.read(lastTicks);
    }

    /** The CPU model in use. */
    public CpuAttribution cpuModel() {
        return model;
    }

    /**
     * Fills the shares of the interval that ended now.
     *
     * @param intervalNanos the measured interval
     * @param shares        out, indexed by {@link Component#ordinal()}: a fraction in [0, 1], or {@code NaN} when
     *                      unknown (the core then charges the whole machine's energy)
     */
    public void update(long intervalNanos, double[] shares) {
        shares[Component.CPU.ordinal()] = cpuShare(intervalNanos);
        shares[Component.RAM.ordinal()] = ramShare();
        shares[Component.GPU.ordinal()] = Double.NaN;
    }

    private double cpuShare(long intervalNanos) {
        long cpu = processClock.processCpuNanos();
        double load = Double.NaN;
        if (machine.read(ticks)) {
            if (hasTicks) {
                load = ticks.loadSince(lastTicks);
            }
            lastTicks.copyFrom(ticks);
            hasTicks = true;
        }
        double share = Double.NaN;
        if (cpu >= 0 && lastProcessNanos >= 0 && cpu >= lastProcessNanos) {
            share = model.share(cpu - lastProcessNanos, intervalNanos, logicalCpus, load);
        }
        lastProcessNanos = cpu;
        return share;
    }

    private double ramShare() {
        memory.read(memoryFacts);
        long used = memoryFacts.usedBytes();
        long rss = memoryFacts.processResidentBytes;
        if (used <= 0 || rss < 0) {
            return Double.NaN;
        }
        return Math.min(1.0, (double) rss / used);
    }

    /** The attribution in words, appended to each component's method in the results. */
    public String model() {
        String cpu = model == CpuAttribution.CAPACITY
                ? "CPU by share of capacity (process CPU time / (interval x " + logicalCpus
                        + " logical CPUs); idle time and other processes unattributed)"
                : "CPU by share of busy time (process CPU time / machine busy CPU time from " + machine.describe()
                        + "; the idle floor charged to running processes)";
        return cpu + "; RAM by resident set / used memory; GPU by the GPU source's per-process energy where it"
                + " reports one, else the whole device";
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                machine.close();
                memory.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing the attribution readers failed", e);
            }
        }
    }
}
