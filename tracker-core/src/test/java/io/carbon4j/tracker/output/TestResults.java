package io.carbon4j.tracker.output;

import io.carbon4j.tracker.ChannelEnergy;
import io.carbon4j.tracker.ComponentEnergy;
import io.carbon4j.tracker.EmissionsResult;
import io.carbon4j.tracker.Provenance;
import io.carbon4j.tracker.RunEnvironment;
import io.carbon4j.tracker.SamplingStats;
import io.carbon4j.tracker.SourceReport;
import io.carbon4j.tracker.TrackingMode;
import io.carbon4j.tracker.intensity.CarbonIntensity;
import io.carbon4j.tracker.spi.Channel;
import io.carbon4j.tracker.spi.Component;
import io.carbon4j.tracker.spi.Measurement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/** Results built with {@link EmissionsResult#builder()} for writer tests. */
final class TestResults {

    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    private TestResults() {}

    static CarbonIntensity intensity() {
        return CarbonIntensity.builder(56)
                .year(2024)
                .dataset("Ember Yearly Electricity Data")
                .rowKey("FRA")
                .countryIsoCode("FRA")
                .countryName("France")
                .build();
    }

    static RunEnvironment environment() {
        return new RunEnvironment("Linux 6.8", "17.0.15", "0.1.0", "AMD EPYC 7B13", 64, 2, "2 x NVIDIA H200", 503.5);
    }

    /** A final run: CPU 3.6 MJ measured (1 kWh IT), RAM estimated 0.36 MJ, no GPU, PUE 1.5, 100 s. */
    static EmissionsResult.Builder run(String runId) {
        return EmissionsResult.builder()
                .runId(runId)
                .projectName("demo")
                .experimentId("exp-1")
                .time(START, START.plusSeconds(100), Duration.ofSeconds(100))
                .isFinal(true)
                .component(ComponentEnergy.of(Component.CPU, 3.6e6, 3.6e6, 36_000, Provenance.MEASURED,
                        "rapl (counter)", OptionalDouble.of(42.5)))
                .component(ComponentEnergy.of(Component.RAM, 3.6e5, 3.6e5, 3_600, Provenance.ESTIMATED,
                        "estimated (0.375 W/GiB)", OptionalDouble.empty()))
                .emissionsKg(0.0924)
                .carbonIntensity(intensity())
                .pue(1.5)
                .trackingMode(TrackingMode.MACHINE)
                .sources(List.of(
                        new SourceReport("rapl", SourceReport.Status.USED, "2 package zones", Set.of(Component.CPU)),
                        new SourceReport("nvml", SourceReport.Status.UNAVAILABLE, "libnvidia-ml.so.1 not found",
                                Set.of())))
                .channels(List.of(new ChannelEnergy("rapl",
                        new Channel("package-0", Component.CPU, Measurement.COUNTER, "RAPL package-0",
                                Map.of("socket", "0")),
                        3.6e6, 0, "")))
                .environment(environment())
                .sampling(new SamplingStats(101, Duration.ofSeconds(1), 0, Duration.ZERO));
    }

    static EmissionsResult task(String runId, String name, double cpuJoules) {
        return run(runId)
                .taskName(name)
                .component(ComponentEnergy.of(Component.CPU, cpuJoules, cpuJoules, cpuJoules / 10,
                        Provenance.MEASURED, "rapl (counter)", OptionalDouble.empty()))
                .time(START, START.plusSeconds(10), Duration.ofSeconds(10))
                .channels(List.of())
                .build();
    }
}
