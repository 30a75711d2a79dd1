package io.carbon4j.tracker.output;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The built-in output writers. Each file writer rewrites its file atomically (temporary file, fsync, rename) on
 * every save, creates the directory when missing, and throws {@link java.io.IOException} from
 * {@link OutputWriter#write} when it cannot write (the tracker then logs it, keeps running, and reports it in
 * {@code EmissionsResult.outputErrors()}). See {@code docs/outputs.md}.
 *
 * <h2>Thread safety</h2>
 * The writers serialise access to a shared file among all writers of this JVM and, where the file system
 * supports locks, among processes.
 *
 * @since 0.1.0
 */
public final class Outputs {

    private Outputs() {}

    /**
     * {@code emissions.csv} in {@code dir}: CodeCarbon's 38 columns in its order and units, one row per run. Saves
     * of the same run replace its row. In append mode ({@code update} false) the run's first save adds a row at
     * the end; in update mode it replaces any earlier row with the same run id. A file whose header differs is
     * kept as {@code emissions.csv.N.bak} and a new file started. A run with tasks also gets
     * {@code emissions_<experiment>_<run_id>.csv}, one row per task.
     */
    public static OutputWriter csv(Path dir, boolean update) {
        Objects.requireNonNull(dir, "dir");
        return new CsvOutputWriter(dir, update, null);
    }

    /**
     * {@code emissions.jsonl} in {@code dir}: one JSON object per run with the CSV's fields and carbon4j's own
     * (provenance, channels, sources, intensity source, sampling, tasks); saves of the same run replace its line.
     */
    public static OutputWriter jsonl(Path dir) {
        Objects.requireNonNull(dir, "dir");
        return new JsonlOutputWriter(dir, null);
    }

    /** One SLF4J INFO line (logger {@code io.carbon4j.tracker}) at start and one at stop. */
    public static OutputWriter log() {
        return new LogOutputWriter();
    }
}
