package io.carbon4j.tracker.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.carbon4j.tracker.junit.samples.Bench;
import io.carbon4j.tracker.junit.samples.BrokenCustomizerSample;
import io.carbon4j.tracker.junit.samples.ClassLevelSample;
import io.carbon4j.tracker.junit.samples.MethodLevelSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

class EnergyExtensionTest {

    private static final double KG_PER_JOULE = Bench.GRAMS_PER_KWH / 1000.0 / 3.6e6;

    @TempDir
    Path dir;

    @Test
    void classAnnotation_eachTest_oneRowWithItsExactEnergy() throws IOException {
        Path report = dir.resolve("nested/dir/report.csv");

        EngineExecutionResults results = run(ClassLevelSample.class, report);

        results.testEvents().assertStatistics(s -> s.started(5).succeeded(4).failed(1).skipped(1));
        List<Map<String, String>> rows = read(report);
        assertThat(rows).extracting(r -> r.get("test_method")).containsExactly(
                "oneSecond", "twoSeconds", "failsAfterThreeSeconds", "skipped", "parameterised", "parameterised");
        assertThat(rows).extracting(r -> r.get("status"))
                .containsExactly("passed", "passed", "failed", "skipped", "passed", "passed");
        double[] seconds = {1, 2, 3, Double.NaN, 0.5, 1.5};
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            assertThat(row.get("test_class")).isEqualTo(ClassLevelSample.class.getName());
            assertThat(row.get("project_name")).isEqualTo("sample-project");
            if (Double.isNaN(seconds[i])) {
                assertThat(row.get("energy_joules")).isEmpty();
                assertThat(row.get("duration_s")).isEmpty();
                continue;
            }
            double joules = Bench.WATTS * seconds[i];
            assertThat(Double.parseDouble(row.get("duration_s"))).isCloseTo(seconds[i], within(1e-9));
            assertThat(Double.parseDouble(row.get("energy_joules"))).isCloseTo(joules, within(1e-9));
            assertThat(Double.parseDouble(row.get("cpu_joules"))).isCloseTo(joules, within(1e-9));
            assertThat(Double.parseDouble(row.get("gpu_joules"))).isZero();
            assertThat(Double.parseDouble(row.get("emissions_kg"))).isCloseTo(joules * KG_PER_JOULE, within(1e-15));
            assertThat(row.get("provenance")).isEqualTo("cpu:measured;gpu:not_measured;ram:not_measured");
        }
        assertThat(rows.get(4).get("display_name")).isEqualTo("works 0.5, s");
        assertThat(rows).extracting(r -> r.get("run_id")).containsOnly(rows.get(0).get("run_id"));
    }

    @Test
    void displayNameWithComma_row_isQuoted() throws IOException {
        Path report = dir.resolve("report.csv");

        run(ClassLevelSample.class, report);

        assertThat(Files.readAllLines(report)).anySatisfy(line -> assertThat(line).contains(",\"works 1.5, s\","));
    }

    @Test
    void methodAnnotation_onlyThatMethod_isReported() throws IOException {
        Path report = dir.resolve("report.csv");

        EngineExecutionResults results = run(MethodLevelSample.class, report);

        results.testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        List<Map<String, String>> rows = read(report);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("test_method")).isEqualTo("measured");
        assertThat(Double.parseDouble(rows.get(0).get("energy_joules"))).isCloseTo(4 * Bench.WATTS, within(1e-9));
        assertThat(rows.get(0).get("project_name")).isEqualTo("MethodLevelSample");
    }

    @Test
    void twoClasses_sameReport_appendsWithOneHeader() throws IOException {
        Path report = dir.resolve("report.csv");

        run(MethodLevelSample.class, report);
        run(ClassLevelSample.class, report);

        List<String> lines = Files.readAllLines(report);
        assertThat(lines.get(0)).isEqualTo(ClassRun.HEADER);
        assertThat(lines).filteredOn(ClassRun.HEADER::equals).hasSize(1);
        assertThat(read(report)).hasSize(7);
    }

    @Test
    void customizerWithoutNoArgConstructor_class_failsNamingTheCustomizer() {
        Path report = dir.resolve("report.csv");

        EngineExecutionResults results = run(BrokenCustomizerSample.class, report);

        results.containerEvents().assertStatistics(s -> s.failed(1));
        assertThat(results.containerEvents().failed().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow())
                .map(r -> r.getThrowable().orElseThrow().getMessage()))
                .singleElement().asString()
                .contains(BrokenCustomizerSample.NeedsArgument.class.getName())
                .contains("no-argument constructor");
        assertThat(report).doesNotExist();
    }

    @Test
    void samples_withoutTestKitParameter_areDisabled() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(ClassLevelSample.class))
                .configurationParameter(EnergyExtension.REPORT_PARAMETER, dir.resolve("report.csv").toString())
                .execute();

        results.containerEvents().assertStatistics(s -> s.skipped(1));
        assertThat(dir.resolve("report.csv")).doesNotExist();
    }

    private static EngineExecutionResults run(Class<?> sample, Path report) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(sample))
                .configurationParameter(Bench.ENABLED, "true")
                .configurationParameter(EnergyExtension.REPORT_PARAMETER, report.toString())
                .execute();
    }

    /** Reads the report; the sample display names need RFC 4180 quoting, so parse it properly. */
    private static List<Map<String, String>> read(Path report) throws IOException {
        List<String> lines = Files.readAllLines(report);
        List<String> header = parse(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = parse(line);
            assertThat(cells).hasSameSizeAs(header);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> parse(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
