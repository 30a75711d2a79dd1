package io.carbon4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end, in a child JVM, against the fake libnvidia-ml in real-time mode (built by tracker-nvml's
 * test build from src/test/c/fake_nvml.c; see its FAKE_NVML_DEVICES): two GPUs at known power, one read through
 * the energy counter and one by power polling, and a GPU lost mid-run.
 */
@EnabledOnOs(OS.LINUX)
class DemoNvmlAccuracyTest {

    private static final Path FAKE = Path.of("..", "tracker-nvml", "target", "fake-nvml", "libnvidia-ml.so.1");

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void demo_twoFakeGpus_counterAndPolling_withinOnePercent() throws Exception {
        JsonNode run = runDemo("300,150:power");

        double seconds = run.get("duration").asDouble();
        assertThat(gpu(run, "gpu-0").get("measurement").asText()).isEqualTo("counter");
        assertThat(gpu(run, "gpu-1").get("measurement").asText()).isEqualTo("integrated_power");
        assertThat(gpu(run, "gpu-0").get("energy_joules").asDouble()).isCloseTo(300 * seconds, within(3.0 * seconds));
        assertThat(gpu(run, "gpu-1").get("energy_joules").asDouble()).isCloseTo(150 * seconds, within(1.5 * seconds));
        assertThat(run.get("gpu_count").asInt()).isEqualTo(2);
    }

    @Test
    @Timeout(120)
    void demo_gpuLostMidRun_runGoesOnAndItsEnergySoFarIsKept() throws Exception {
        JsonNode run = runDemo("300,150:lost=1500");

        double seconds = run.get("duration").asDouble();
        assertThat(seconds).isGreaterThan(2.5);
        assertThat(gpu(run, "gpu-0").get("energy_joules").asDouble()).isCloseTo(300 * seconds, within(3.0 * seconds));
        double lostGpu = gpu(run, "gpu-1").get("energy_joules").asDouble();
        // Measured until its last good read before it was lost at 1.5 s after NVML's first init.
        assertThat(lostGpu).isPositive().isLessThanOrEqualTo(150 * 1.5);
        assertThat(gpu(run, "gpu-1").get("missed_reads").asLong()).isPositive();
    }

    private JsonNode runDemo(String devices) throws Exception {
        org.assertj.core.api.Assumptions.assumeThat(Files.exists(FAKE))
                .as("fake libnvidia-ml built by tracker-nvml (needs gcc)").isTrue();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dcarbon4j.nvml.library=" + FAKE.toAbsolutePath(), "-Dcarbon4j.sources=nvml",
                "-Dcarbon4j.carbon.intensity=100", Demo.class.getName(), "--seconds", "3", "--threads", "1",
                "--output-dir", dir.toString());
        pb.environment().put("FAKE_NVML_DEVICES", devices);
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("demo.log").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(100, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("demo.log"))).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("emissions.jsonl"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1);
        return new ObjectMapper().readTree(lines.get(0));
    }

    private static JsonNode gpu(JsonNode run, String id) throws IOException {
        for (JsonNode ch : run.get("channels")) {
            if (ch.get("id").asText().equals(id)) {
                return ch;
            }
        }
        throw new AssertionError("no channel " + id + " in " + run.get("channels"));
    }
}
