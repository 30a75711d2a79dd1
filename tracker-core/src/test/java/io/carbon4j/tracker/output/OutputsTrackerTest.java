package io.carbon4j.tracker.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carbon4j.tracker.ConfigSource;
import io.carbon4j.tracker.EmissionsResult;
import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.TaskScope;
import io.carbon4j.tracker.TrackerClock;
import io.carbon4j.tracker.spi.Availability;
import io.carbon4j.tracker.spi.Channel;
import io.carbon4j.tracker.spi.Component;
import io.carbon4j.tracker.spi.EnergySample;
import io.carbon4j.tracker.spi.Measurement;
import io.carbon4j.tracker.spi.PowerSource;
import io.carbon4j.tracker.spi.PowerSourceProvider;
import io.carbon4j.tracker.spi.SourceContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in writers behind a real tracker, driven by a manual clock and a scripted source. */
class OutputsTrackerTest {

    @TempDir
    Path dir;

    @Test
    void stop_withBuiltInOutputs_writesOneRowOneLineAndTaskFile() throws IOException {
        AtomicLong nanos = new AtomicLong();
        AtomicLong joules = new AtomicLong();
        TrackerClock clock = new TrackerClock() {
            @Override
            public long nanoTime() {
                return nanos.get();
            }

            @Override
            public Instant wallTime() {
                return Instant.parse("2026-03-01T10:00:00Z").plusNanos(nanos.get());
            }
        };
        EmissionsTracker tracker = EmissionsTracker.builder(ConfigSource.empty())
                .projectName("e2e")
                .experimentId("../exp")
                .country("fr")
                .pue(1.2)
                .outputDir(dir.resolve("out"))
                .samplingInterval(Duration.ofHours(1))
                .saveInterval(Duration.ofHours(1))
                .registerShutdownHook(false)
                .discoverPowerSources(false)
                .addPowerSource(new ScriptedProvider(joules))
                .clock(clock)
                .start();
        joules.set(100);
        nanos.set(Duration.ofSeconds(10).toNanos());
        tracker.flush();
        tracker.flush();
        try (TaskScope task = tracker.task("train")) {
            joules.set(200);
            nanos.set(Duration.ofSeconds(20).toNanos());
        }
        EmissionsResult result = tracker.stop();

        assertThat(result.outputErrors()).isEmpty();
        List<String> csv = Files.readAllLines(dir.resolve("out/emissions.csv"));
        assertThat(csv).hasSize(2);
        List<CsvText.Record> rows = CsvText.records(Files.readString(dir.resolve("out/emissions.csv")));
        assertThat(rows.get(1).fields()).hasSize(38);
        assertThat(rows.get(1).fields().get(CsvColumns.RUN.indexOf("country_iso_code"))).isEqualTo("FRA");
        assertThat(rows.get(1).fields().get(CsvColumns.RUN.indexOf("run_id"))).isEqualTo(result.runId());

        List<String> jsonl = Files.readAllLines(dir.resolve("out/emissions.jsonl"));
        assertThat(jsonl).hasSize(1);
        JsonNode j = new ObjectMapper().readTree(jsonl.get(0));
        assertThat(j.get("final").asBoolean()).isTrue();
        assertThat(j.get("intensity").get("row_key").asText()).isEqualTo("FR");

        try (var files = Files.list(dir.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .contains("emissions__._exp_" + result.runId() + ".csv")
                    .noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    private static final class ScriptedProvider implements PowerSourceProvider {
        private final AtomicLong joules;

        ScriptedProvider(AtomicLong joules) {
            this.joules = joules;
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public Availability probe(SourceContext context) {
            return Availability.available("scripted test source");
        }

        @Override
        public PowerSource open(SourceContext context) {
            return new PowerSource() {
                @Override
                public List<Channel> channels() {
                    return List.of(Channel.of("package-0", Component.CPU, Measurement.COUNTER, "scripted package"));
                }

                @Override
                public void read(EnergySample sample) {
                    sample.setJoules(0, joules.get());
                }

                @Override
                public void close() {}
            };
        }
    }
}
