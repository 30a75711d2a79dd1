package io.carbon4j.tracker.internal.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.carbon4j.tracker.ComponentEnergy;
import io.carbon4j.tracker.ConfigSource;
import io.carbon4j.tracker.EmissionsResult;
import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.Provenance;
import io.carbon4j.tracker.TrackerConfigurationException;
import io.carbon4j.tracker.TrackingMode;
import io.carbon4j.tracker.internal.Environment;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The estimators through the real tracker on this machine, with an empty powercap root: nothing is measured. */
class EstimatorEndToEndTest {

    @TempDir
    Path emptyRapl;

    private final ManualClock clock = new ManualClock();

    private EmissionsTracker.Builder builder() {
        return EmissionsTracker.builder(ConfigSource.empty())
                .outputFormats("none")
                .registerShutdownHook(false)
                .carbonIntensity(100)
                .clock(clock)
                .raplRoot(emptyRapl);
    }

    @Test
    void start_noMeasurement_cpuAndRamEstimatedWithMethod() {
        EmissionsTracker tracker = builder().start();
        clock.advance(Duration.ofSeconds(10));
        EmissionsResult r = tracker.stop();

        ComponentEnergy cpu = r.cpu();
        CpuFacts facts = CpuFacts.system();
        CpuPowerPlan plan = CpuPowerPlan.of(facts, TdpTable.bundled().match(facts.modelName()));
        assertThat(cpu.provenance()).isEqualTo(Provenance.ESTIMATED);
        assertThat(cpu.method()).isEqualTo(plan.description());
        TdpMatch match = TdpTable.bundled().match(Environment.cpuModel());
        assertThat(cpu.method()).contains(match.hasTdp() ? "match '" + match.row() + "'"
                : match.quality() == MatchQuality.FAMILY ? "family match '" + match.row() + "'"
                : "not in the TDP table");
        // Between the idle floor and full load of the model, over the 10 s the clock moved.
        assertThat(cpu.energyJoules()).isBetween(plan.maxWatts() * CpuPowerPlan.IDLE_FRACTION * 10 - 1e-9,
                plan.maxWatts() * 10 + 1e-9);
        assertThat(r.ram().provenance()).isEqualTo(Provenance.ESTIMATED);
        assertThat(r.ram().method()).contains("W per GiB");
        assertThat(r.ram().energyJoules()).isPositive();
        assertThat(r.sources()).anySatisfy(s -> assertThat(s.name()).isEqualTo("cpu-model"));
    }

    @Test
    void start_cpuPowerForced_exactEnergyAndForcedMethod() {
        EmissionsTracker tracker = builder().property("cpu.power", "65").property("ram.power", "10").start();
        clock.advance(Duration.ofSeconds(10));
        EmissionsResult r = tracker.stop();

        assertThat(r.cpu().provenance()).isEqualTo(Provenance.ESTIMATED);
        assertThat(r.cpu().method()).isEqualTo("forced by carbon4j.cpu.power (65 W)");
        assertThat(r.cpu().energyJoules()).isCloseTo(650, within(1e-9));
        assertThat(r.ram().method()).isEqualTo("forced by carbon4j.ram.power (10 W)");
        assertThat(r.ram().energyJoules()).isCloseTo(100, within(1e-9));
    }

    @Test
    void start_processMode_capacityByDefaultAndSharesConserveEnergy() {
        EmissionsTracker tracker = builder().trackingMode(TrackingMode.PROCESS).property("cpu.power", "65").start();
        clock.advance(Duration.ofSeconds(10));
        EmissionsResult r = tracker.stop();

        ComponentEnergy cpu = r.cpu();
        assertThat(cpu.method()).startsWith("forced by carbon4j.cpu.power (65 W); process share: CPU by share of"
                + " capacity");
        assertThat(cpu.machineEnergyJoules()).isCloseTo(650, within(1e-9));
        assertThat(cpu.energyJoules()).isBetween(0.0, 650.0);
        assertThat(cpu.energyJoules() + cpu.unattributedJoules()).isCloseTo(cpu.machineEnergyJoules(), within(1e-9));
        assertThat(r.ram().energyJoules()).isLessThanOrEqualTo(r.ram().machineEnergyJoules());
    }

    @Test
    void start_processModeBusy_namedInMethod() {
        EmissionsTracker tracker = builder().trackingMode(TrackingMode.PROCESS).property("attribution.model", "busy")
                .start();
        clock.advance(Duration.ofSeconds(1));
        EmissionsResult r = tracker.stop();

        assertThat(r.cpu().method()).contains("; process share: CPU by share of busy time");
    }

    @Test
    void start_unknownAttributionModel_failsNamingKeyValueAndForm() {
        assertThatThrownBy(() -> builder().trackingMode(TrackingMode.PROCESS)
                        .property("attribution.model", "idle").start())
                .isInstanceOf(TrackerConfigurationException.class)
                .hasMessage("Invalid value 'idle' for carbon4j.attribution.model (from builder); expected one of"
                        + " capacity, busy");
    }
}
