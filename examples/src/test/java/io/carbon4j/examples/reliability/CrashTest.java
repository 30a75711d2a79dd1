package io.carbon4j.examples.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM dies under a running tracker: SIGKILL, SIGTERM, System.exit. Each case runs {@link CrashChild} in a child
 * JVM and waits on its stdout (never on a clock) before killing it.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class CrashTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void sigkill_midRun_filesHoldTheLastPeriodicSaveAndAreValid() throws Exception {
        Process child = start("hang");
        awaitLine(child, "SAVED");
        awaitLine(child, "SAVED");
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        JsonNode run = onlyRun();
        assertThat(run.get("final").asBoolean()).isFalse();
        assertThat(run.get("duration").asDouble()).isPositive();
        assertThat(run.get("energy_joules").asDouble()).isPositive();
        assertCsvHasOneRow("crash-hang");
        assertNoTemporaryFiles();
    }

    @Test
    @Timeout(60)
    void sigterm_midRun_shutdownHookWritesTheFinalRow() throws Exception {
        Process child = start("hang");
        awaitLine(child, "SAVED");
        child.destroy();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        JsonNode run = onlyRun();
        assertThat(run.get("final").asBoolean()).isTrue();
        // 50 W for the measured duration.
        assertThat(run.get("energy_joules").asDouble()).isCloseTo(50 * run.get("duration").asDouble(),
                org.assertj.core.api.Assertions.within(0.5));
        assertCsvHasOneRow("crash-hang");
    }

    @Test
    @Timeout(60)
    void systemExit_fromUserCode_shutdownHookWritesTheFinalRow() throws Exception {
        Process child = start("exit");
        List<String> lines = drain(child);
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(child.exitValue()).isZero();
        assertThat(lines).contains("FINAL");
        assertThat(onlyRun().get("final").asBoolean()).isTrue();
        assertCsvHasOneRow("crash-exit");
    }

    @Test
    @Timeout(60)
    void outputs_haveOrdinaryPermissions() throws Exception {
        Process child = start("exit");
        drain(child);
        child.waitFor(30, TimeUnit.SECONDS);
        Set<PosixFilePermission> ordinary = Files.getPosixFilePermissions(Files.createFile(dir.resolve("reference")));

        assertThat(Files.getPosixFilePermissions(dir.resolve("emissions.csv"))).isEqualTo(ordinary);
        assertThat(Files.getPosixFilePermissions(dir.resolve("emissions.jsonl"))).isEqualTo(ordinary);
    }

    @Test
    @Timeout(60)
    void outputs_containNoHostUserOrHomeDirectory() throws Exception {
        Process child = start("exit");
        drain(child);
        child.waitFor(30, TimeUnit.SECONDS);
        String host = java.net.InetAddress.getLocalHost().getHostName();
        String home = System.getProperty("user.home");
        String user = System.getProperty("user.name");

        for (String file : List.of("emissions.csv", "emissions.jsonl")) {
            String text = Files.readString(dir.resolve(file));
            assertThat(text).doesNotContain(home + "/").doesNotContain("\"" + user + "\"");
            if (host.length() >= 4) {
                assertThat(text).doesNotContain(host);
            }
        }
    }

    private Process start(String mode) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), mode, dir.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        awaitLine(p, "STARTED");
        return p;
    }

    private static void awaitLine(Process p, String wanted) throws IOException {
        BufferedReader r = reader(p);
        String line;
        while ((line = r.readLine()) != null) {
            if (line.equals(wanted)) {
                return;
            }
        }
        throw new AssertionError("child ended before printing " + wanted);
    }

    private static List<String> drain(Process p) throws IOException {
        List<String> lines = new ArrayList<>();
        BufferedReader r = reader(p);
        String line;
        while ((line = r.readLine()) != null) {
            lines.add(line);
        }
        return lines;
    }

    private static final java.util.Map<Process, BufferedReader> READERS = new java.util.concurrent.ConcurrentHashMap<>();

    private static BufferedReader reader(Process p) {
        return READERS.computeIfAbsent(p, k -> new BufferedReader(new InputStreamReader(k.getInputStream(), StandardCharsets.UTF_8)));
    }

    private JsonNode onlyRun() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("emissions.jsonl"));
        assertThat(lines).hasSize(1);
        return new ObjectMapper().readTree(lines.get(0));
    }

    private void assertCsvHasOneRow(String project) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("emissions.csv"));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("timestamp,project_name,run_id,");
        assertThat(lines.get(1).split(",", -1)).hasSize(38);
        assertThat(lines.get(1).split(",", -1)[1]).isEqualTo(project);
    }

    private void assertNoTemporaryFiles() throws IOException {
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
