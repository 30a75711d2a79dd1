package io.carbon4j.tracker.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carbon4j.tracker.EmissionsResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlOutputWriterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonlOutputWriter writer() {
        return new JsonlOutputWriter(dir, ZoneOffset.UTC);
    }

    @Test
    void write_run_isOneValidJsonLineWithCsvAndCarbon4jFields() throws IOException {
        writer().write(TestResults.run("r1").projectName("a \"b\"\nc").build());

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(1);
        JsonNode j = lines.get(0);
        assertThat(j.fieldNames().next()).isEqualTo("run_id");
        assertThat(j.get("run_id").asText()).isEqualTo("r1");
        assertThat(j.get("project_name").asText()).isEqualTo("a \"b\"\nc");
        for (String column : CsvColumns.RUN) {
            assertThat(j.has(column)).as(column).isTrue();
        }
        assertThat(j.get("cpu_energy").asDouble()).isEqualTo(1.5);
        assertThat(j.get("gpu_energy").isNull()).isTrue();
        assertThat(j.get("country_iso_code").asText()).isEqualTo("FRA");
        assertThat(j.get("java_version").asText()).isEqualTo("17.0.15");
        assertThat(j.get("energy_joules").asDouble()).isEqualTo((3.6e6 + 3.6e5) * 1.5);
        assertThat(j.get("emissions_kg").asDouble()).isEqualTo(0.0924);
        assertThat(j.get("tracking_mode").asText()).isEqualTo("machine");
        assertThat(j.get("unattributed_energy_joules").asDouble()).isZero();

        JsonNode cpu = j.get("components").get("cpu");
        assertThat(cpu.get("provenance").asText()).isEqualTo("measured");
        assertThat(cpu.get("method").asText()).isEqualTo("rapl (counter)");
        assertThat(cpu.get("utilization_percent").asDouble()).isEqualTo(42.5);
        assertThat(j.get("components").get("ram").get("provenance").asText()).isEqualTo("estimated");
        assertThat(j.get("components").get("gpu").get("provenance").asText()).isEqualTo("not_measured");

        JsonNode intensity = j.get("intensity");
        assertThat(intensity.get("grams_per_kwh").asDouble()).isEqualTo(56);
        assertThat(intensity.get("dataset").asText()).isEqualTo("Ember Yearly Electricity Data");
        assertThat(intensity.get("row_key").asText()).isEqualTo("FRA");
        assertThat(intensity.get("year").asInt()).isEqualTo(2024);
        assertThat(intensity.get("fallback_path").asText()).isEmpty();
        assertThat(intensity.get("forced").asBoolean()).isFalse();

        assertThat(j.get("sources")).hasSize(2);
        assertThat(j.get("sources").get(0).get("status").asText()).isEqualTo("used");
        assertThat(j.get("sources").get(0).get("components").get(0).asText()).isEqualTo("cpu");
        assertThat(j.get("sources").get(1).get("reason").asText()).contains("libnvidia-ml");

        JsonNode ch = j.get("channels").get(0);
        assertThat(ch.get("id").asText()).isEqualTo("package-0");
        assertThat(ch.get("measurement").asText()).isEqualTo("counter");
        assertThat(ch.get("attributes").get("socket").asText()).isEqualTo("0");
        assertThat(ch.get("energy_joules").asDouble()).isEqualTo(3.6e6);

        assertThat(j.get("sampling").get("samples").asLong()).isEqualTo(101);
        assertThat(j.get("output_errors")).isEmpty();
        assertThat(j.get("tasks")).isEmpty();
    }

    @Test
    void write_periodicSaves_replaceTheRunsLine() throws IOException {
        JsonlOutputWriter other = writer();
        other.write(TestResults.run("earlier").build());
        JsonlOutputWriter w = writer();
        w.write(TestResults.run("r1").isFinal(false).emissionsKg(0.01).build());
        w.write(TestResults.run("r1").isFinal(false).emissionsKg(0.02).build());
        w.write(TestResults.run("r1").emissionsKg(0.03).build());

        List<JsonNode> lines = lines();
        assertThat(lines).extracting(n -> n.get("run_id").asText()).containsExactly("earlier", "r1");
        assertThat(lines.get(1).get("emissions_kg").asDouble()).isEqualTo(0.03);
        assertThat(lines.get(1).get("final").asBoolean()).isTrue();
    }

    @Test
    void write_tasks_areNestedWithTheSameFields() throws IOException {
        EmissionsResult run = TestResults.run("r1")
                .tasks(List.of(TestResults.task("r1", "train", 5000)))
                .build();
        writer().write(run);

        JsonNode task = lines().get(0).get("tasks").get(0);
        assertThat(task.get("task_name").asText()).isEqualTo("train");
        assertThat(task.get("run_id").asText()).isEqualTo("r1");
        assertThat(task.get("components").get("cpu").get("energy_joules").asDouble()).isEqualTo(5000);
        assertThat(task.get("cpu_energy").asDouble()).isEqualTo(5000 * 1.5 / 3.6e6);
        assertThat(task.get("gpu_count").asInt()).isEqualTo(2);
    }

    @Test
    void write_foreignAndDamagedLines_areKept() throws IOException {
        Files.writeString(dir.resolve("emissions.jsonl"), "{\"note\":\"hand-written\"}\n{\"run_id\":\"cut\",\"emi");
        writer().write(TestResults.run("r1").build());
        List<String> raw = Files.readAllLines(dir.resolve("emissions.jsonl"));
        assertThat(raw).hasSize(3);
        assertThat(raw.get(0)).isEqualTo("{\"note\":\"hand-written\"}");
        assertThat(raw.get(1)).isEqualTo("{\"run_id\":\"cut\",\"emi");
        assertThat(MAPPER.readTree(raw.get(2)).get("run_id").asText()).isEqualTo("r1");
    }

    @Test
    void write_directoryIsARegularFile_throwsIOException() throws IOException {
        Path notADir = Files.writeString(dir.resolve("out"), "x");
        JsonlOutputWriter w = new JsonlOutputWriter(notADir, ZoneOffset.UTC);
        assertThatThrownBy(() -> w.write(TestResults.run("r1").build())).isInstanceOf(IOException.class);
    }

    @Test
    void line_nanValues_becomeNull() throws IOException {
        EmissionsResult r = TestResults.run("r1").emissionsKg(Double.NaN).build();
        JsonNode j = MAPPER.readTree(JsonlOutputWriter.line(r, ZoneOffset.UTC));
        assertThat(j.get("emissions_kg").isNull()).isTrue();
        assertThat(j.get("emissions").isNull()).isTrue();
    }

    private List<JsonNode> lines() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve("emissions.jsonl"))) {
            out.add(MAPPER.readTree(l));
        }
        return out;
    }
}
