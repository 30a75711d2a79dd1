package io.carbon4j.tracker.output;

import io.carbon4j.tracker.EmissionsResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code emissions.csv} (one row per run, CodeCarbon's 38 columns) and, for a run with tasks,
 * {@code emissions_<experiment>_<run_id>.csv} (one row per task). Every change rewrites the file atomically.
 */
final class CsvOutputWriter implements OutputWriter {

    static final String FILE = "emissions.csv";

    private static final Logger LOG = LoggerFactory.getLogger(CsvOutputWriter.class);
    private static final int MAX_NAME_PART = 100;

    private final Path dir;
    private final boolean update;
    /** The timestamp's zone; null for the system's, looked up at the first save (not on the start path). */
    private final ZoneId zone;
    /** Whether this writer already put its run's row into the file (append mode then replaces that row). */
    private boolean wroteRow;

    CsvOutputWriter(Path dir, boolean update, ZoneId zone) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.update = update;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public void write(EmissionsResult result) throws IOException {
        Path file = dir.resolve(FILE);
        ZoneId z = zone();
        String row = CsvText.record(CsvColumns.row(CsvColumns.RUN, CsvColumns.values(result, result, z)));
        AtomicFiles.locked(file, () -> {
            writeRunRow(file, result.runId(), row);
            return null;
        });
        wroteRow = true;
        if (!result.tasks().isEmpty()) {
            writeTasks(result);
        }
    }

    private ZoneId zone() {
        return zone != null ? zone : ZoneId.systemDefault();
    }

    private void writeRunRow(Path file, String runId, String row) throws IOException {
        String header = CsvText.record(CsvColumns.RUN);
        List<CsvText.Record> records = read(file);
        if (!records.isEmpty() && !records.get(0).fields().equals(CsvColumns.RUN)) {
            Path backup = backup(file);
            LOG.warn("{} has other columns than carbon4j writes; kept it as {} and started a new file", file, backup);
            records = List.of();
        }
        int replace = -1;
        if (wroteRow || update) {
            int idColumn = CsvColumns.RUN.indexOf("run_id");
            for (int i = 1; i < records.size(); i++) {
                List<String> f = records.get(i).fields();
                if (f.size() > idColumn && f.get(idColumn).equals(runId)) {
                    replace = i;
                    if (update) {
                        break;
                    }
                    // Append mode: this writer's row is the last one with its run id.
                }
            }
        }
        List<CsvText.Record> keep = records;
        int at = replace;
        AtomicFiles.replace(file, out -> {
            out.write(header);
            for (int i = 1; i < keep.size(); i++) {
                out.write(i == at ? row : keep.get(i).raw());
            }
            if (at < 0) {
                out.write(row);
            }
        });
    }

    private void writeTasks(EmissionsResult run) throws IOException {
        Path file = taskFile(dir, run.experimentId(), run.runId());
        List<String> lines = new ArrayList<>();
        for (EmissionsResult task : run.tasks()) {
            Map<String, String> values = CsvColumns.values(task, run, zone());
            lines.add(CsvText.record(CsvColumns.row(CsvColumns.TASK, values)));
        }
        AtomicFiles.replace(file, out -> {
            out.write(CsvText.record(CsvColumns.TASK));
            for (String l : lines) {
                out.write(l);
            }
        });
    }

    /**
     * The task file for a run: {@code emissions_<experiment>_<run_id>.csv} with both parts reduced to letters,
     * digits, {@code .}, {@code -} and {@code _}, so the file always lands directly inside {@code dir}.
     */
    static Path taskFile(Path dir, String experimentId, String runId) {
        String name = "emissions_" + safe(experimentId) + "_" + safe(runId) + ".csv";
        Path file = dir.resolve(name);
        if (file.getFileName() == null || !file.getFileName().toString().equals(name)
                || !Objects.equals(file.getParent(), dir.getFileName() == null ? null : dir)) {
            throw new IllegalStateException("task file name " + name + " is not a plain name inside " + dir);
        }
        return file;
    }

    static String safe(String part) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < part.length() && sb.length() < MAX_NAME_PART; i++) {
            char c = part.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_' || (c == '.' && sb.length() > 0);
            sb.append(ok ? c : '_');
        }
        String s = sb.toString();
        // No ".." anywhere, so no part of the name can read as a parent directory on any platform.
        while (s.contains("..")) {
            s = s.replace("..", "_.");
        }
        return s.isEmpty() ? "default" : s;
    }

    private static List<CsvText.Record> read(Path file) throws IOException {
        try {
            return CsvText.records(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /** Moves {@code file} to the first free {@code emissions.csv.N.bak} (N = 1, 2, ...). */
    static Path backup(Path file) throws IOException {
        for (int n = 1; ; n++) {
            Path b = file.resolveSibling(file.getFileName() + "." + n + ".bak");
            if (!Files.exists(b)) {
                Files.move(file, b, StandardCopyOption.ATOMIC_MOVE);
                return b;
            }
        }
    }
}
