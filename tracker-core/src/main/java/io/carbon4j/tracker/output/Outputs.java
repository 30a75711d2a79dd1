package io.carbon4j.tracker.output;

import io.carbon4j.tracker.EmissionsResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in output writers. (First version: the complete writers land with the outputs work.)
 *
 * @since 0.1.0
 */
public final class Outputs {

    private Outputs() {}

    /** {@code emissions.csv} in {@code dir}, CodeCarbon's columns; {@code update} replaces this run's row. */
    public static OutputWriter csv(Path dir, boolean update) {
        Objects.requireNonNull(dir, "dir");
        return new OutputWriter() {
            @Override
            public String name() {
                return "csv";
            }

            @Override
            public void write(EmissionsResult result) throws IOException {
                throw new IOException("csv output not yet implemented");
            }
        };
    }

    /** {@code emissions.jsonl} in {@code dir}. */
    public static OutputWriter jsonl(Path dir) {
        Objects.requireNonNull(dir, "dir");
        return new OutputWriter() {
            @Override
            public String name() {
                return "jsonl";
            }

            @Override
            public void write(EmissionsResult result) throws IOException {
                throw new IOException("jsonl output not yet implemented");
            }
        };
    }

    /** An SLF4J INFO line at start and at stop. */
    public static OutputWriter log() {
        Logger log = LoggerFactory.getLogger("io.carbon4j.tracker");
        return new OutputWriter() {
            @Override
            public String name() {
                return "log";
            }

            @Override
            public void start(EmissionsResult initial) {
                log.info("carbon4j started run {}: sources {}; intensity {}", initial.runId(), initial.sources(),
                        initial.carbonIntensity().describe());
            }

            @Override
            public void write(EmissionsResult result) {
                if (result.isFinal()) {
                    log.info("carbon4j stopped: {}", result);
                }
            }
        };
    }
}
