package io.carbon4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.carbon4j.examples.CustomSourceExample.Phase;
import io.carbon4j.tracker.EmissionsResult;
import io.carbon4j.tracker.Provenance;
import io.carbon4j.tracker.SourceReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomSourceExampleTest {

    private final Bench bench = new Bench(100.0);

    @TempDir
    Path dir;

    @Test
    void run_plugRegisteredInCode_gpuIntegratedPerTaskAndMarkdownWritten() throws Exception {
        Path markdown = dir.resolve("out/emissions.md");
        ByteArrayOutputStream text = new ByteArrayOutputStream();

        EmissionsResult r = CustomSourceExample.run(
                bench.builder().addPowerSource(new SmartPlugProvider(() -> 30.0)),
                markdown,
                List.of(new Phase("sort", () -> bench.work(1)), new Phase("matrix-multiply", () -> bench.work(2))),
                new PrintStream(text, true, StandardCharsets.UTF_8));

        EmissionsResult sort = r.tasks("sort").get(0);
        assertThat(sort.cpu().energyJoules()).isCloseTo(100.0, within(1e-9));
        assertThat(sort.gpu().energyJoules()).isCloseTo(30.0, within(1e-9));
        assertThat(r.tasks("matrix-multiply").get(0).energyJoules()).isCloseTo(260.0, within(1e-9));
        assertThat(r.gpu().provenance()).isEqualTo(Provenance.MEASURED);
        assertThat(r.gpu().method()).contains("smartplug").contains("integrated power");
        assertThat(Files.readString(markdown))
                .contains("| sort | 1.000 | 130.0 | 3.611e-05 | 0.01444 |")
                .contains("| matrix-multiply | 2.000 | 260.0 |")
                .contains("| **total** | 3.000 | 390.0 |");
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("| sort | 1.000 | 130.0 |");
    }

    @Test
    void run_plugFromConfiguredFile_readThroughSourceContext() throws Exception {
        Path watts = Files.writeString(dir.resolve("plug-watts"), "42.5\n");

        EmissionsResult r = CustomSourceExample.run(
                bench.builder(Map.of(SmartPlugProvider.FILE_KEY, watts.toString()))
                        .addPowerSource(new SmartPlugProvider()),
                dir.resolve("emissions.md"),
                List.of(new Phase("work", () -> bench.work(2))),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(r.gpu().energyJoules()).isCloseTo(85.0, within(1e-9));
    }

    @Test
    void run_noPlugConfigured_plugSkippedWithReasonAndOthersMeasure() throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();

        EmissionsResult r = CustomSourceExample.run(
                bench.builder().addPowerSource(new SmartPlugProvider()),
                dir.resolve("emissions.md"),
                List.of(new Phase("work", () -> bench.work(1))),
                new PrintStream(text, true, StandardCharsets.UTF_8));

        assertThat(r.sources()).filteredOn(s -> s.name().equals("smartplug")).singleElement()
                .satisfies(s -> assertThat(s.status()).isNotEqualTo(SourceReport.Status.USED))
                .satisfies(s -> assertThat(s.reason()).contains("carbon4j.smartplug.file"));
        assertThat(r.cpu().energyJoules()).isCloseTo(100.0, within(1e-9));
        assertThat(r.gpu().provenance()).isEqualTo(Provenance.NOT_MEASURED);
    }
}
