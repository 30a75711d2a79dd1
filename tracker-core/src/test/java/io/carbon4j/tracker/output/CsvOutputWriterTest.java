package io.carbon4j.tracker.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.carbon4j.tracker.EmissionsResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvOutputWriterTest {

    /** CodeCarbon's emissions.csv header (codecarbon.md §2.1), written out independently of the code under test. */
    private static final String CODECARBON_HEADER = "timestamp,project_name,run_id,experiment_id,duration,emissions,"
            + "emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,"
            + "water_consumed,country_name,country_iso_code,region,cloud_provider,cloud_region,os,python_version,"
            + "codecarbon_version,cpu_count,cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,"
            + "tracking_mode,cpu_utilization_percent,gpu_utilization_percent,ram_utilization_percent,ram_used_gb,"
            + "on_cloud,pue,wue";

    private static final String TASK_HEADER = "task_name,timestamp,project_name,run_id,duration,emissions,"
            + "emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,"
            + "water_consumed,country_name,country_iso_code,region,cloud_provider,cloud_region,os,python_version,"
            + "codecarbon_version,cpu_count,cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,"
            + "tracking_mode,cpu_utilization_percent,gpu_utilization_percent,ram_utilization_percent,ram_used_gb,"
            + "on_cloud";

    @TempDir
    Path dir;

    private CsvOutputWriter writer(boolean update) {
        return new CsvOutputWriter(dir, update, ZoneOffset.ofHours(1));
    }

    @Test
    void write_newFile_hasCodeCarbonHeaderAnd38Columns() throws IOException {
        writer(false).write(TestResults.run("r1").build());

        List<String> lines = Files.readAllLines(dir.resolve("emissions.csv"));
        assertThat(lines.get(0)).isEqualTo(CODECARBON_HEADER);
        assertThat(lines.get(0).split(",")).hasSize(38);
        assertThat(rows()).hasSize(2);
        assertThat(rows().get(1).fields()).hasSize(38);
    }

    @Test
    void write_values_useCodeCarbonUnits() throws IOException {
        writer(false).write(TestResults.run("r1").build());

        List<String> row = rows().get(1).fields();
        assertThat(value(row, "timestamp")).isEqualTo("2026-03-01T11:01:40");
        assertThat(value(row, "run_id")).isEqualTo("r1");
        assertThat(value(row, "duration")).isEqualTo("100.0");
        assertThat(value(row, "emissions")).isEqualTo("0.0924");
        assertThat(Double.parseDouble(value(row, "emissions_rate"))).isEqualTo(0.000924, within(1e-15));
        assertThat(value(row, "cpu_power")).isEqualTo("36000.0");
        assertThat(value(row, "cpu_energy")).isEqualTo("1.5");             // 1 kWh IT x PUE 1.5
        assertThat(value(row, "ram_energy")).isEqualTo("0.15");
        assertThat(value(row, "gpu_energy")).isEmpty();                    // not measured: empty, not 0
        assertThat(value(row, "gpu_power")).isEmpty();
        assertThat(Double.parseDouble(value(row, "energy_consumed"))).isEqualTo(1.65, within(1e-12));
        assertThat(value(row, "country_name")).isEqualTo("France");
        assertThat(value(row, "country_iso_code")).isEqualTo("FRA");
        assertThat(value(row, "python_version")).isEqualTo("17.0.15");
        assertThat(value(row, "codecarbon_version")).isEqualTo("0.1.0");
        assertThat(value(row, "cpu_count")).isEqualTo("64");
        assertThat(value(row, "gpu_model")).isEqualTo("2 x NVIDIA H200");
        assertThat(value(row, "ram_total_size")).isEqualTo("503.5");
        assertThat(value(row, "tracking_mode")).isEqualTo("machine");
        assertThat(value(row, "cpu_utilization_percent")).isEqualTo("42.5");
        assertThat(value(row, "ram_utilization_percent")).isEmpty();
        assertThat(value(row, "on_cloud")).isEqualTo("N");
        assertThat(value(row, "pue")).isEqualTo("1.5");
        assertThat(value(row, "wue")).isEmpty();
        assertThat(value(row, "water_consumed")).isEmpty();
    }

    @Test
    void write_tinyNumbers_haveNoExponent() throws IOException {
        writer(false).write(TestResults.run("r1").emissionsKg(1.25e-9).build());
        assertThat(value(rows().get(1).fields(), "emissions")).isEqualTo("0.00000000125");
    }

    @Test
    void write_periodicSavesOfOneRun_appendMode_keepOneRowForTheRun() throws IOException {
        CsvOutputWriter first = writer(false);
        first.write(TestResults.run("earlier").build());
        CsvOutputWriter w = writer(false);
        w.write(TestResults.run("r1").isFinal(false).emissionsKg(0.01).build());
        w.write(TestResults.run("r1").isFinal(false).emissionsKg(0.02).build());
        w.write(TestResults.run("r1").emissionsKg(0.03).build());

        List<CsvText.Record> rows = rows();
        assertThat(rows).hasSize(3);
        assertThat(value(rows.get(1).fields(), "run_id")).isEqualTo("earlier");
        assertThat(value(rows.get(2).fields(), "run_id")).isEqualTo("r1");
        assertThat(value(rows.get(2).fields(), "emissions")).isEqualTo("0.03");
    }

    @Test
    void write_twoRuns_appendMode_addsARowEach() throws IOException {
        writer(false).write(TestResults.run("a").build());
        writer(false).write(TestResults.run("b").build());
        assertThat(rows()).extracting(r -> r.fields().get(2)).containsExactly("run_id", "a", "b");
    }

    @Test
    void write_updateMode_replacesRowWithSameRunIdInPlace() throws IOException {
        writer(false).write(TestResults.run("a").build());
        writer(false).write(TestResults.run("b").emissionsKg(1).build());
        writer(false).write(TestResults.run("c").build());

        writer(true).write(TestResults.run("b").emissionsKg(2).build());

        List<CsvText.Record> rows = rows();
        assertThat(rows).extracting(r -> r.fields().get(2)).containsExactly("run_id", "a", "b", "c");
        assertThat(value(rows.get(2).fields(), "emissions")).isEqualTo("2.0");
    }

    @Test
    void write_updateMode_newRunId_appends() throws IOException {
        writer(true).write(TestResults.run("a").build());
        writer(true).write(TestResults.run("b").build());
        assertThat(rows()).hasSize(3);
    }

    @Test
    void write_otherRowsAreCopiedByteForByte() throws IOException {
        Path file = dir.resolve("emissions.csv");
        String foreign = "2021-09-23T15:04:51,codecarbon,x1,e,1.0,1e-05,0,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n";
        Files.writeString(file, CODECARBON_HEADER + "\n" + foreign.substring(0, foreign.length() - 1));
        writer(false).write(TestResults.run("r1").build());
        String text = Files.readString(file);
        assertThat(text).startsWith(CODECARBON_HEADER + "\n" + foreign);
        assertThat(rows()).hasSize(3);
    }

    @Test
    void write_headerDiffers_keepsNumberedBackupsAndStartsNewFile() throws IOException {
        Path file = dir.resolve("emissions.csv");
        Files.writeString(file, "timestamp,project_name,run_id\nold,one,x\n");
        writer(false).write(TestResults.run("r1").build());
        Files.writeString(file, "a,b\n1,2\n");
        writer(false).write(TestResults.run("r2").build());

        assertThat(dir.resolve("emissions.csv.1.bak")).hasContent("timestamp,project_name,run_id\nold,one,x\n");
        assertThat(dir.resolve("emissions.csv.2.bak")).hasContent("a,b\n1,2\n");
        assertThat(rows()).hasSize(2);
        assertThat(value(rows().get(1).fields(), "run_id")).isEqualTo("r2");
    }

    @Test
    void write_emptyExistingFile_writesHeader() throws IOException {
        Files.writeString(dir.resolve("emissions.csv"), "");
        writer(false).write(TestResults.run("r1").build());
        assertThat(Files.readAllLines(dir.resolve("emissions.csv")).get(0)).isEqualTo(CODECARBON_HEADER);
        assertThat(dir.resolve("emissions.csv.1.bak")).doesNotExist();
    }

    @Test
    void write_textWithCommasQuotesAndNewlines_neverShiftsColumns() throws IOException {
        String project = "a, \"quoted\"\nproject ";
        writer(false).write(TestResults.run("r1").projectName(project).build());

        List<CsvText.Record> rows = rows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).fields()).hasSize(38);
        assertThat(value(rows.get(1).fields(), "project_name")).isEqualTo(project);
        assertThat(value(rows.get(1).fields(), "run_id")).isEqualTo("r1");
    }

    @Test
    void write_directoryIsARegularFile_throwsIOException() throws IOException {
        Path notADir = Files.writeString(dir.resolve("out"), "x");
        CsvOutputWriter w = new CsvOutputWriter(notADir, false, ZoneOffset.UTC);
        assertThatThrownBy(() -> w.write(TestResults.run("r1").build())).isInstanceOf(IOException.class);
        assertThat(notADir).hasContent("x");
    }

    @Test
    void write_missingDirectory_isCreated() throws IOException {
        Path nested = dir.resolve("a/b");
        new CsvOutputWriter(nested, false, ZoneOffset.UTC).write(TestResults.run("r1").build());
        assertThat(nested.resolve("emissions.csv")).exists();
    }

    @Test
    void write_leavesNoTemporaryFiles() throws IOException {
        writer(false).write(TestResults.run("r1").build());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void write_withTasks_writesTaskFileWithARowPerTask() throws IOException {
        EmissionsResult run = TestResults.run("r1")
                .tasks(List.of(TestResults.task("r1", "load, data", 1000), TestResults.task("r1", "train", 5000)))
                .build();
        writer(false).write(run);
        writer(false).write(run);

        Path file = dir.resolve("emissions_exp-1_r1.csv");
        List<CsvText.Record> rows = CsvText.records(Files.readString(file));
        assertThat(Files.readAllLines(file).get(0)).isEqualTo(TASK_HEADER);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).fields()).hasSize(36);
        assertThat(rows.get(1).fields().get(0)).isEqualTo("load, data");
        assertThat(rows.get(2).fields().get(0)).isEqualTo("train");
        assertThat(rows.get(2).fields().get(CsvColumns.TASK.indexOf("gpu_count"))).isEqualTo("2");
    }

    @Test
    void taskFile_hostileExperimentId_staysInsideDirectory() {
        for (String id : List.of("../../etc/passwd", "..", "a/b\\c", "C:\\x", "", "é ü", ".hidden")) {
            Path f = CsvOutputWriter.taskFile(dir, id, "run/../1");
            assertThat(f.getParent()).as(id).isEqualTo(dir);
            assertThat(f.getFileName().toString()).as(id)
                    .startsWith("emissions_").endsWith(".csv").doesNotContain("..", "/", "\\", ":");
        }
        assertThat(CsvOutputWriter.safe("exp-1.v2_b")).isEqualTo("exp-1.v2_b");
        assertThat(CsvOutputWriter.safe("")).isEqualTo("default");
        assertThat(CsvOutputWriter.safe("x".repeat(500))).hasSize(100);
    }

    @Test
    @org.junit.jupiter.api.Timeout(30)
    void write_twoRunsSavingConcurrently_loseNoRow() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (String id : List.of("a", "b")) {
                CsvOutputWriter w = writer(false);
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 25; i++) {
                        w.write(TestResults.run(id).emissionsKg(i).build());
                    }
                    return null;
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<CsvText.Record> rows = rows();
        assertThat(rows).hasSize(3);
        assertThat(rows.subList(1, 3)).extracting(r -> value(r.fields(), "run_id")).containsExactlyInAnyOrder("a", "b");
        assertThat(rows.subList(1, 3)).extracting(r -> value(r.fields(), "emissions")).containsOnly("24.0");
    }

    private List<CsvText.Record> rows() throws IOException {
        return CsvText.records(Files.readString(dir.resolve("emissions.csv"), StandardCharsets.UTF_8));
    }

    private static String value(List<String> row, String column) {
        return row.get(CsvColumns.RUN.indexOf(column));
    }
}
