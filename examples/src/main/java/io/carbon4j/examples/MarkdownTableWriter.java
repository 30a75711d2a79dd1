package io.carbon4j.examples;

import io.carbon4j.tracker.EmissionsResult;
import io.carbon4j.tracker.output.OutputWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * A custom {@link OutputWriter}: the final result as a Markdown table, one row per task and a total, ready to
 * paste into a pull request or a lab notebook. Running totals are ignored; the file is replaced at each run.
 *
 * <h2>Thread safety</h2>
 * The tracker never calls one writer from two threads at once, so none is needed.
 */
public final class MarkdownTableWriter implements OutputWriter {

    private final Path file;

    /** Writes to {@code file}, creating its directory if needed. */
    public MarkdownTableWriter(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public String name() {
        return "markdown";
    }

    @Override
    public void write(EmissionsResult result) throws IOException {
        if (!result.isFinal()) {
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, table(result), StandardCharsets.UTF_8);
    }

    /** The Markdown text for {@code result}. */
    static String table(EmissionsResult result) {
        StringBuilder md = new StringBuilder();
        md.append("| task | time (s) | energy (J) | energy (kWh) | CO2eq (g) |\n");
        md.append("|---|---:|---:|---:|---:|\n");
        for (EmissionsResult task : result.tasks()) {
            row(md, task.taskName().orElse(""), task);
        }
        row(md, "**total**", result);
        md.append('\n');
        md.append(String.format(Locale.ROOT, "CPU: %s, %s. GPU: %s, %s. RAM: %s, %s. Intensity: %s. PUE %s.%n",
                result.cpu().provenance().key(), result.cpu().method(), result.gpu().provenance().key(),
                result.gpu().method(), result.ram().provenance().key(), result.ram().method(),
                result.carbonIntensity().describe(), result.pue()));
        return md.toString();
    }

    private static void row(StringBuilder md, String name, EmissionsResult r) {
        md.append(String.format(Locale.ROOT, "| %s | %.3f | %.4g | %.4g | %.4g |%n", name.replace("|", "\\|"),
                r.duration().toNanos() / 1e9, r.energyJoules(), r.energyKwh(), r.emissionsKg() * 1000));
    }
}
