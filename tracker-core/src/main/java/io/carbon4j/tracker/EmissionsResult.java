package io.carbon4j.tracker;

import io.carbon4j.tracker.intensity.CarbonIntensity;
import io.carbon4j.tracker.spi.Component;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The energy and emissions of a run or of one task: a final result from {@code stop()}, or running totals from
 * {@code snapshot()}.
 *
 * <h2>Units</h2>
 * Energies are in joules with kWh accessors; emissions in kg CO2-equivalent; power in watts. Component energies
 * are IT energy before PUE; {@link #energyJoules()} and {@link #emissionsKg()} include PUE:
 * {@code emissions = Σ over samples (IT energy × PUE × intensity at that time)}.
 *
 * <h2>Provenance</h2>
 * Every component says whether it was {@linkplain Provenance#MEASURED measured} or
 * {@linkplain Provenance#ESTIMATED estimated} and by which method; the carbon intensity says which table, row and
 * year it came from, or that it was forced.
 *
 * <h2>Tasks</h2>
 * A task's result has the same fields as a run's, with {@link #taskName()} set and no nested tasks. Task
 * boundaries are resolved between two samples by linear interpolation of the cumulative counters, so a task's
 * resolution is the sampling interval's; {@link #isComplete()} is false for a task still open or whose closing
 * sample has not yet been taken.
 *
 * <h2>Thread safety</h2>
 * Immutable.
 *
 * @since 0.1.0
 */
public final class EmissionsResult {

    private static final double JOULES_PER_KWH = 3.6e6;

    private final String runId;
    private final String projectName;
    private final String experimentId;
    private final Optional<String> taskName;
    private final Instant startTime;
    private final Instant endTime;
    private final Duration duration;
    private final boolean isFinal;
    private final boolean complete;
    private final Map<Component, ComponentEnergy> components;
    private final double emissionsKg;
    private final CarbonIntensity carbonIntensity;
    private final double pue;
    private final TrackingMode trackingMode;
    private final List<SourceReport> sources;
    private final List<ChannelEnergy> channels;
    private final List<EmissionsResult> tasks;
    private final RunEnvironment environment;
    private final SamplingStats sampling;
    private final List<String> outputErrors;
    private final OptionalDouble threadCpuShare;

    private EmissionsResult(Builder b) {
        this.runId = Objects.requireNonNull(b.runId, "runId");
        this.projectName = Objects.requireNonNull(b.projectName, "projectName");
        this.experimentId = Objects.requireNonNull(b.experimentId, "experimentId");
        this.taskName = Optional.ofNullable(b.taskName);
        this.startTime = Objects.requireNonNull(b.startTime, "startTime");
        this.endTime = Objects.requireNonNull(b.endTime, "endTime");
        this.duration = Objects.requireNonNull(b.duration, "duration");
        this.isFinal = b.isFinal;
        this.complete = b.complete;
        Map<Component, ComponentEnergy> map = new EnumMap<>(Component.class);
        for (Component c : Component.values()) {
            map.put(c, b.components.getOrDefault(c, ComponentEnergy.notMeasured(c, "no source")));
        }
        this.components = java.util.Collections.unmodifiableMap(map);
        this.emissionsKg = b.emissionsKg;
        this.carbonIntensity = Objects.requireNonNull(b.carbonIntensity, "carbonIntensity");
        this.pue = b.pue;
        this.trackingMode = Objects.requireNonNull(b.trackingMode, "trackingMode");
        this.sources = List.copyOf(b.sources);
        this.channels = List.copyOf(b.channels);
        this.tasks = List.copyOf(b.tasks);
        this.environment = Objects.requireNonNull(b.environment, "environment");
        this.sampling = Objects.requireNonNull(b.sampling, "sampling");
        this.outputErrors = List.copyOf(b.outputErrors);
        this.threadCpuShare = b.threadCpuShare;
    }

    /** A builder, for the tracker and for tests of custom output writers. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this result's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.runId = runId;
        b.projectName = projectName;
        b.experimentId = experimentId;
        b.taskName = taskName.orElse(null);
        b.startTime = startTime;
        b.endTime = endTime;
        b.duration = duration;
        b.isFinal = isFinal;
        b.complete = complete;
        b.components.putAll(components);
        b.emissionsKg = emissionsKg;
        b.carbonIntensity = carbonIntensity;
        b.pue = pue;
        b.trackingMode = trackingMode;
        b.sources.addAll(sources);
        b.channels.addAll(channels);
        b.tasks.addAll(tasks);
        b.environment = environment;
        b.sampling = sampling;
        b.outputErrors.addAll(outputErrors);
        b.threadCpuShare = threadCpuShare;
        return b;
    }

    /** The run's identifier (a random UUID), shared by its tasks. */
    public String runId() {
        return runId;
    }

    /** {@code project.name}. */
    public String projectName() {
        return projectName;
    }

    /** {@code experiment.id}. */
    public String experimentId() {
        return experimentId;
    }

    /** The task's name, for a task result; empty for a run. */
    public Optional<String> taskName() {
        return taskName;
    }

    /** Wall-clock time of the start. */
    public Instant startTime() {
        return startTime;
    }

    /** Wall-clock time of the end (of the last sample, for running totals). */
    public Instant endTime() {
        return endTime;
    }

    /** Measured duration (monotonic clock). */
    public Duration duration() {
        return duration;
    }

    /** Whether this is the final result of a stopped run (as opposed to running totals). */
    public boolean isFinal() {
        return isFinal;
    }

    /** For a task: whether both its boundaries have been resolved by a sample. Always true for a final run. */
    public boolean isComplete() {
        return complete;
    }

    /** The energy of {@code component}; never null (a component nothing measured is {@link Provenance#NOT_MEASURED}). */
    public ComponentEnergy component(Component component) {
        return components.get(component);
    }

    /** CPU energy. */
    public ComponentEnergy cpu() {
        return components.get(Component.CPU);
    }

    /** GPU energy. */
    public ComponentEnergy gpu() {
        return components.get(Component.GPU);
    }

    /** RAM energy. */
    public ComponentEnergy ram() {
        return components.get(Component.RAM);
    }

    /** IT energy of all components, before PUE, in joules. */
    public double itEnergyJoules() {
        double sum = 0;
        for (ComponentEnergy e : components.values()) {
            sum += e.energyJoules();
        }
        return sum;
    }

    /** Total energy including PUE, in joules. */
    public double energyJoules() {
        return itEnergyJoules() * pue;
    }

    /** Total energy including PUE, in kWh. */
    public double energyKwh() {
        return energyJoules() / JOULES_PER_KWH;
    }

    /** Mean total power including PUE, in watts. */
    public double meanPowerWatts() {
        double s = seconds();
        return s > 0 ? energyJoules() / s : 0;
    }

    /** Emissions in kg CO2-equivalent (energy of each interval × PUE × the intensity at that time). */
    public double emissionsKg() {
        return emissionsKg;
    }

    /** Emissions per second of duration, kg CO2eq/s (CodeCarbon's {@code emissions_rate}). */
    public double emissionsRateKgPerSecond() {
        double s = seconds();
        return s > 0 ? emissionsKg / s : 0;
    }

    /** The carbon intensity used and where it came from (the latest, for a time-varying provider). */
    public CarbonIntensity carbonIntensity() {
        return carbonIntensity;
    }

    /** The effective mean intensity over the run, gCO2eq/kWh: emissions ÷ energy; the table value when no energy. */
    public double effectiveIntensityGramsPerKwh() {
        double kwh = energyKwh();
        return kwh > 0 ? emissionsKg * 1000.0 / kwh : carbonIntensity.gramsPerKwh();
    }

    /** Power usage effectiveness applied. */
    public double pue() {
        return pue;
    }

    /** Machine or process. */
    public TrackingMode trackingMode() {
        return trackingMode;
    }

    /** Every provider considered, used or not, with the reason. */
    public List<SourceReport> sources() {
        return sources;
    }

    /** Per-channel energy (per socket, per DRAM zone, per GPU) of the run; empty for tasks. */
    public List<ChannelEnergy> channels() {
        return channels;
    }

    /** The run's tasks in the order they were opened; empty for a task. */
    public List<EmissionsResult> tasks() {
        return tasks;
    }

    /** The tasks named {@code name}, in opening order. */
    public List<EmissionsResult> tasks(String name) {
        List<EmissionsResult> found = new ArrayList<>();
        for (EmissionsResult t : tasks) {
            if (t.taskName.isPresent() && t.taskName.get().equals(name)) {
                found.add(t);
            }
        }
        return found;
    }

    /** Machine and runtime facts. */
    public RunEnvironment environment() {
        return environment;
    }

    /** Sampler statistics (samples, gaps). */
    public SamplingStats sampling() {
        return sampling;
    }

    /** Outputs that failed while writing this result, one message each. */
    public List<String> outputErrors() {
        return outputErrors;
    }

    /**
     * For a task in process mode: the share of the process's CPU time over the task's interval that the task's
     * thread used, which is the share of the CPU energy the task is charged (its coverage of the process's CPU
     * activity). Empty for runs, in machine mode, and for tasks closed on another thread than the one that opened
     * them.
     */
    public OptionalDouble threadCpuShare() {
        return threadCpuShare;
    }

    private double seconds() {
        return duration.toNanos() / 1e9;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "EmissionsResult[%s%s, %.3f s, %.6f kWh, %.6f kgCO2eq, cpu=%s, gpu=%s, ram=%s, intensity=%s]",
                projectName,
                taskName.map(t -> "/" + t).orElse(""),
                seconds(),
                energyKwh(),
                emissionsKg,
                cpu().provenance().key(),
                gpu().provenance().key(),
                ram().provenance().key(),
                carbonIntensity.describe());
    }

    /**
     * Builds an {@link EmissionsResult}.
     *
     * <h2>Thread safety</h2>
     * Not thread-safe.
     */
    public static final class Builder {
        private String runId;
        private String projectName;
        private String experimentId;
        private String taskName;
        private Instant startTime;
        private Instant endTime;
        private Duration duration;
        private boolean isFinal;
        private boolean complete = true;
        private final Map<Component, ComponentEnergy> components = new EnumMap<>(Component.class);
        private double emissionsKg;
        private CarbonIntensity carbonIntensity;
        private double pue = 1.0;
        private TrackingMode trackingMode = TrackingMode.MACHINE;
        private final List<SourceReport> sources = new ArrayList<>();
        private final List<ChannelEnergy> channels = new ArrayList<>();
        private final List<EmissionsResult> tasks = new ArrayList<>();
        private RunEnvironment environment;
        private SamplingStats sampling;
        private final List<String> outputErrors = new ArrayList<>();
        private OptionalDouble threadCpuShare = OptionalDouble.empty();

        Builder() {}

        /** The task's thread share of process CPU time (process mode). */
        public Builder threadCpuShare(double share) {
            threadCpuShare = OptionalDouble.of(share);
            return this;
        }

        /** Run id. */
        public Builder runId(String value) {
            runId = value;
            return this;
        }

        /** Project name. */
        public Builder projectName(String value) {
            projectName = value;
            return this;
        }

        /** Experiment id. */
        public Builder experimentId(String value) {
            experimentId = value;
            return this;
        }

        /** Task name, or null for a run. */
        public Builder taskName(String value) {
            taskName = value;
            return this;
        }

        /** Start and end wall times and the measured duration. */
        public Builder time(Instant start, Instant end, Duration measured) {
            startTime = start;
            endTime = end;
            duration = measured;
            return this;
        }

        /** Whether final. */
        public Builder isFinal(boolean value) {
            isFinal = value;
            return this;
        }

        /** Whether complete (tasks). */
        public Builder complete(boolean value) {
            complete = value;
            return this;
        }

        /** Sets one component's energy. */
        public Builder component(ComponentEnergy energy) {
            components.put(energy.component(), energy);
            return this;
        }

        /** Emissions in kg. */
        public Builder emissionsKg(double value) {
            emissionsKg = value;
            return this;
        }

        /** Intensity used. */
        public Builder carbonIntensity(CarbonIntensity value) {
            carbonIntensity = value;
            return this;
        }

        /** PUE. */
        public Builder pue(double value) {
            pue = value;
            return this;
        }

        /** Tracking mode. */
        public Builder trackingMode(TrackingMode value) {
            trackingMode = value;
            return this;
        }

        /** Source reports. */
        public Builder sources(List<SourceReport> value) {
            sources.clear();
            sources.addAll(value);
            return this;
        }

        /** Channel energies. */
        public Builder channels(List<ChannelEnergy> value) {
            channels.clear();
            channels.addAll(value);
            return this;
        }

        /** Task results. */
        public Builder tasks(List<EmissionsResult> value) {
            tasks.clear();
            tasks.addAll(value);
            return this;
        }

        /** Environment facts. */
        public Builder environment(RunEnvironment value) {
            environment = value;
            return this;
        }

        /** Sampler statistics. */
        public Builder sampling(SamplingStats value) {
            sampling = value;
            return this;
        }

        /** Output errors. */
        public Builder outputErrors(List<String> value) {
            outputErrors.clear();
            outputErrors.addAll(value);
            return this;
        }

        /** Builds the result. */
        public EmissionsResult build() {
            return new EmissionsResult(this);
        }
    }
}
