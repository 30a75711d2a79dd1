package io.carbon4j.tracker;

import io.carbon4j.tracker.spi.Component;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The energy of one component (CPU, GPU or RAM) over a run or a task, with how it was obtained.
 *
 * <p>Energies are IT energy as drawn by the component, before PUE. In {@link TrackingMode#PROCESS process} mode
 * {@link #energyJoules()} is this process's share, {@link #machineEnergyJoules()} the whole machine's, and
 * {@link #unattributedJoules()} the difference; in machine mode the first two are equal.
 *
 * <h2>Thread safety</h2>
 * Immutable.
 *
 * @since 0.1.0
 */
public final class ComponentEnergy {

    private static final double JOULES_PER_KWH = 3.6e6;

    private final Component component;
    private final double energyJoules;
    private final double machineEnergyJoules;
    private final double meanPowerWatts;
    private final Provenance provenance;
    private final String method;
    private final OptionalDouble utilizationPercent;

    ComponentEnergy(
            Component component,
            double energyJoules,
            double machineEnergyJoules,
            double meanPowerWatts,
            Provenance provenance,
            String method,
            OptionalDouble utilizationPercent) {
        this.component = Objects.requireNonNull(component, "component");
        this.energyJoules = energyJoules;
        this.machineEnergyJoules = machineEnergyJoules;
        this.meanPowerWatts = meanPowerWatts;
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.method = Objects.requireNonNull(method, "method");
        this.utilizationPercent = Objects.requireNonNull(utilizationPercent, "utilizationPercent");
    }

    /** Creates a value; used by the tracker and by tests of writers. */
    public static ComponentEnergy of(
            Component component,
            double energyJoules,
            double machineEnergyJoules,
            double meanPowerWatts,
            Provenance provenance,
            String method,
            OptionalDouble utilizationPercent) {
        return new ComponentEnergy(
                component, energyJoules, machineEnergyJoules, meanPowerWatts, provenance, method, utilizationPercent);
    }

    /** A component nothing measured. */
    public static ComponentEnergy notMeasured(Component component, String why) {
        return new ComponentEnergy(component, 0, 0, 0, Provenance.NOT_MEASURED, why, OptionalDouble.empty());
    }

    /** The component. */
    public Component component() {
        return component;
    }

    /** Energy charged to the tracked scope (machine or process), in joules, before PUE. */
    public double energyJoules() {
        return energyJoules;
    }

    /** The same in kWh. */
    public double energyKwh() {
        return energyJoules / JOULES_PER_KWH;
    }

    /** The whole machine's energy for this component, in joules. */
    public double machineEnergyJoules() {
        return machineEnergyJoules;
    }

    /** Machine energy not charged to this process (zero in machine mode), in joules. */
    public double unattributedJoules() {
        return Math.max(0, machineEnergyJoules - energyJoules);
    }

    /** Mean power of the tracked scope over the duration, in watts (energy ÷ duration). */
    public double meanPowerWatts() {
        return meanPowerWatts;
    }

    /** Whether the figure was measured, estimated, or not obtained. */
    public Provenance provenance() {
        return provenance;
    }

    /** {@code true} when {@link #provenance()} is {@link Provenance#MEASURED}. */
    public boolean isMeasured() {
        return provenance == Provenance.MEASURED;
    }

    /**
     * How the figure was obtained, in words: {@code rapl (counter, 2 channels)},
     * {@code estimated (TDP model, matched 'AMD EPYC 7B13', 240 W)}, or why nothing was measured.
     */
    public String method() {
        return method;
    }

    /** Mean utilisation of the component in percent, when a source reports it. */
    public OptionalDouble utilizationPercent() {
        return utilizationPercent;
    }

    @Override
    public String toString() {
        return String.format(
                java.util.Locale.ROOT,
                "%s %.3f J (%s, %s)",
                component.key(),
                energyJoules,
                provenance.key(),
                method);
    }
}
