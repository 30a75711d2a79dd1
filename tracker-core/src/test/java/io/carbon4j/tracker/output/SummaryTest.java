package io.carbon4j.tracker.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbon4j.tracker.EmissionsResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void format_runWithTask_showsTotalsProvenanceSourcesAndIntensity() {
        EmissionsResult run = TestResults.run("r1")
                .tasks(List.of(TestResults.task("r1", "train", 5000)))
                .build();

        String s = Summary.format(run);

        assertThat(s).startsWith("carbon4j run r1 (project demo, experiment exp-1), final\n");
        assertThat(s).contains("  duration        100.000 s\n");
        assertThat(s).contains("  energy          1.650000 kWh (5940000.0 J, PUE 1.50 included)\n");
        assertThat(s).contains("  emissions       0.092400 kg CO2eq\n");
        assertThat(s).contains("  mean power      59400.0 W\n");
        assertThat(s).containsPattern("  cpu +3600000\\.0 J \\(1\\.000000 kWh\\) +measured +rapl \\(counter\\)");
        assertThat(s).containsPattern("  ram .* estimated +estimated \\(0\\.375 W/GiB\\)");
        assertThat(s).containsPattern("  gpu +- +not_measured");
        assertThat(s).contains("  task 'train'\n    duration        10.000 s\n");
        assertThat(s).contains("    rapl used for cpu: 2 package zones\n");
        assertThat(s).contains("    nvml unavailable: libnvidia-ml.so.1 not found\n");
        assertThat(s).contains("  place           France (FRA)\n");
        assertThat(s).contains("  intensity       56.0 gCO2eq/kWh (FRA, Ember Yearly Electricity Data 2024)\n");
        assertThat(s).doesNotContain("output errors");
    }

    @Test
    void format_outputErrors_areListed() {
        String s = Summary.format(TestResults.run("r1").outputErrors(List.of("csv: disk full")).build());
        assertThat(s).contains("  output errors\n    csv: disk full\n");
    }
}
