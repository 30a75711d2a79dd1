package io.carbon4j.tracker.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.carbon4j.tracker.ChannelEnergy;
import io.carbon4j.tracker.ComponentEnergy;
import io.carbon4j.tracker.EmissionsResult;
import io.carbon4j.tracker.Provenance;
import io.carbon4j.tracker.RunEnvironment;
import io.carbon4j.tracker.SamplingStats;
import io.carbon4j.tracker.SourceReport;
import io.carbon4j.tracker.intensity.CarbonIntensity;
import io.carbon4j.tracker.spi.Component;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Writes {@code emissions.jsonl}: one JSON object per run, its {@code run_id} first, with the CSV's fields and
 * carbon4j's own (components with provenance, channels, sources, intensity source, sampling, tasks). A later write
 * of the same run replaces its line; the whole file is rewritten atomically.
 */
final class JsonlOutputWriter implements OutputWriter {

    static final String FILE = "emissions.jsonl";

    /**
     * A streaming generator needs none of databind's start-up cost; the factory sits in a holder so that creating
     * the writer on the tracker's start path loads no Jackson class until the first save.
     */
    private static final class Json {
        static final JsonFactory FACTORY = new JsonFactory();
    }
    private static final double JOULES_PER_KWH = 3.6e6;

    private final Path dir;
    /** The zone of the CSV-style timestamp; null for the system's, looked up at the first save (not at start). */
    private final ZoneId zone;

    JsonlOutputWriter(Path dir, ZoneId zone) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.zone = zone;
    }

    @Override
    public String name() {
        return "jsonl";
    }

    @Override
    public void write(EmissionsResult result) throws IOException {
        Path file = dir.resolve(FILE);
        String line = line(result, zone != null ? zone : ZoneId.systemDefault());
        String prefix = linePrefix(result.runId());
        AtomicFiles.locked(file, () -> {
            List<String> lines = read(file);
            AtomicFiles.replace(file, out -> {
                boolean replaced = false;
                for (String l : lines) {
                    if (l.isBlank()) {
                        continue;
                    }
                    if (l.startsWith(prefix)) {
                        if (!replaced) {
                            out.write(line);
                            out.write('\n');
                            replaced = true;
                        }
                    } else {
                        out.write(l);
                        out.write('\n');
                    }
                }
                if (!replaced) {
                    out.write(line);
                    out.write('\n');
                }
            });
            return null;
        });
    }

    /** How this writer's line for {@code runId} begins; lines are recognised without parsing them. */
    static String linePrefix(String runId) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = Json.FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("run_id", runId);
            g.flush();
        }
        String s = w.toString();
        return s.substring(0, s.length() - 1) + ",";
    }

    private static List<String> read(Path file) throws IOException {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>();
            for (String l : text.split("\n", -1)) {
                lines.add(l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
            }
            return lines;
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /** The JSON object of {@code result}, on one line. */
    static String line(EmissionsResult result, ZoneId zone) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = Json.FACTORY.createGenerator(w)) {
            g.writeStartObject();
            fields(g, result, result, zone);
            g.writeArrayFieldStart("tasks");
            for (EmissionsResult t : result.tasks()) {
                g.writeStartObject();
                g.writeStringField("run_id", t.runId());
                g.writeStringField("task_name", t.taskName().orElse(""));
                fields(g, t, result, zone);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return w.toString();
    }

    private static void fields(JsonGenerator g, EmissionsResult r, EmissionsResult run, ZoneId zone)
            throws IOException {
        Map<String, String> csv = CsvColumns.values(r, run, zone);
        if (r.taskName().isEmpty()) {
            g.writeStringField("run_id", r.runId());
        }
        // CodeCarbon's fields, under the CSV's names and units (unknown values are null).
        for (String c : CsvColumns.RUN) {
            if (c.equals("run_id")) {
                continue;
            }
            String v = csv.get(c);
            if (isNumeric(c)) {
                if (v == null || v.isEmpty()) {
                    g.writeNullField(c);
                } else {
                    g.writeFieldName(c);
                    g.writeNumber(v);
                }
            } else if (v == null) {
                g.writeNullField(c);
            } else {
                g.writeStringField(c, v);
            }
        }
        RunEnvironment env = run.environment();
        g.writeStringField("java_version", env.javaVersion());
        g.writeStringField("carbon4j_version", env.carbon4jVersion());
        g.writeStringField("start_time", r.startTime().toString());
        g.writeStringField("end_time", r.endTime().toString());
        g.writeNumberField("duration_seconds", r.duration().toNanos() / 1e9);
        g.writeBooleanField("final", r.isFinal());
        g.writeBooleanField("complete", r.isComplete());
        number(g, "energy_joules", r.energyJoules());
        number(g, "it_energy_joules", r.itEnergyJoules());
        number(g, "energy_kwh", r.energyKwh());
        number(g, "emissions_kg", r.emissionsKg());
        number(g, "mean_power_watts", r.meanPowerWatts());
        number(g, "effective_intensity_g_per_kwh", r.effectiveIntensityGramsPerKwh());
        double unattributed = 0;
        for (Component c : Component.values()) {
            unattributed += r.component(c).unattributedJoules();
        }
        number(g, "unattributed_energy_joules", unattributed);

        g.writeObjectFieldStart("components");
        for (Component c : Component.values()) {
            ComponentEnergy e = r.component(c);
            g.writeObjectFieldStart(c.key());
            number(g, "energy_joules", e.energyJoules());
            number(g, "energy_kwh", e.energyKwh());
            number(g, "energy_kwh_with_pue", e.energyJoules() * r.pue() / JOULES_PER_KWH);
            number(g, "machine_energy_joules", e.machineEnergyJoules());
            number(g, "unattributed_joules", e.unattributedJoules());
            number(g, "mean_power_watts", e.meanPowerWatts());
            g.writeStringField("provenance", e.provenance().key());
            g.writeBooleanField("measured", e.provenance() == Provenance.MEASURED);
            g.writeStringField("method", e.method());
            optional(g, "utilization_percent", e.utilizationPercent());
            g.writeEndObject();
        }
        g.writeEndObject();

        CarbonIntensity ci = r.carbonIntensity();
        g.writeObjectFieldStart("intensity");
        number(g, "grams_per_kwh", ci.gramsPerKwh());
        g.writeStringField("dataset", ci.dataset());
        g.writeStringField("row_key", ci.rowKey());
        if (ci.year().isPresent()) {
            g.writeNumberField("year", ci.year().getAsInt());
        } else {
            g.writeNullField("year");
        }
        g.writeStringField("fallback_path", ci.fallbackPath());
        g.writeBooleanField("forced", ci.isForced());
        g.writeEndObject();

        g.writeArrayFieldStart("sources");
        for (SourceReport s : r.sources()) {
            g.writeStartObject();
            g.writeStringField("name", s.name());
            g.writeStringField("status", s.status().key());
            g.writeStringField("reason", s.reason());
            g.writeArrayFieldStart("components");
            for (Component c : Component.values()) {
                if (s.components().contains(c)) {
                    g.writeString(c.key());
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();

        if (r.taskName().isEmpty()) {
            g.writeArrayFieldStart("channels");
            for (ChannelEnergy ch : r.channels()) {
                g.writeStartObject();
                g.writeStringField("source", ch.source());
                g.writeStringField("id", ch.channel().id());
                g.writeStringField("component", ch.channel().component().key());
                g.writeStringField("measurement", ch.channel().measurement().key());
                g.writeBooleanField("measured", ch.channel().measurement().isMeasured());
                g.writeStringField("description", ch.channel().description());
                g.writeObjectFieldStart("attributes");
                for (Map.Entry<String, String> a : new TreeMap<>(ch.channel().attributes()).entrySet()) {
                    g.writeStringField(a.getKey(), a.getValue());
                }
                g.writeEndObject();
                number(g, "energy_joules", ch.energyJoules());
                g.writeNumberField("missed_reads", ch.missedReads());
                g.writeStringField("problem", ch.problem());
                g.writeEndObject();
            }
            g.writeEndArray();

            SamplingStats s = r.sampling();
            g.writeObjectFieldStart("sampling");
            g.writeNumberField("samples", s.samples());
            g.writeNumberField("interval_seconds", s.interval().toNanos() / 1e9);
            g.writeNumberField("gaps", s.gaps());
            g.writeNumberField("gap_seconds", s.gapTime().toNanos() / 1e9);
            g.writeEndObject();

            g.writeArrayFieldStart("output_errors");
            for (String e : r.outputErrors()) {
                g.writeString(e);
            }
            g.writeEndArray();
        }
    }

    private static boolean isNumeric(String column) {
        switch (column) {
            case "duration": case "emissions": case "emissions_rate": case "cpu_power": case "gpu_power":
            case "ram_power": case "cpu_energy": case "gpu_energy": case "ram_energy": case "energy_consumed":
            case "water_consumed": case "cpu_count": case "gpu_count": case "longitude": case "latitude":
            case "ram_total_size": case "cpu_utilization_percent": case "gpu_utilization_percent":
            case "ram_utilization_percent": case "ram_used_gb": case "pue": case "wue":
                return true;
            default:
                return false;
        }
    }

    private static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, v);
        }
    }

    private static void optional(JsonGenerator g, String name, OptionalDouble v) throws IOException {
        if (v.isPresent()) {
            number(g, name, v.getAsDouble());
        } else {
            g.writeNullField(name);
        }
    }
}
