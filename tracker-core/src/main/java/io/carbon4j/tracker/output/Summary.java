package io.carbon4j.tracker.output;

import io.carbon4j.tracker.ComponentEnergy;
import io.carbon4j.tracker.EmissionsResult;
import io.carbon4j.tracker.Provenance;
import io.carbon4j.tracker.SourceReport;
import io.carbon4j.tracker.intensity.CarbonIntensity;
import io.carbon4j.tracker.spi.Component;
import java.util.Locale;
import java.util.Objects;

/**
 * A human-readable, multi-line summary of a result, for applications to print or log. Library code never prints
 * it; the demo does.
 *
 * <pre>
 * carbon4j run 3f2a... (project resnet50, experiment default), final
 *   duration        12.500 s
 *   energy          0.000868 kWh (3125.0 J, PUE 1.20 included)
 *   emissions       0.000297 kg CO2eq
 *   mean power      250.0 W
 *   cpu             2000.0 J  measured   rapl (counter)
 *   ...
 * </pre>
 *
 * <h2>Thread safety</h2>
 * Stateless; thread-safe.
 *
 * @since 0.1.0
 */
public final class Summary {

    private static final double JOULES_PER_KWH = 3.6e6;

    private Summary() {}

    /**
     * Formats {@code result}: for the run and for each task, the duration, energy (kWh and J, PUE included),
     * emissions, mean power, and each component's energy with how it was obtained; then the sources used and
     * skipped, and the place and carbon intensity with its source and year.
     */
    public static String format(EmissionsResult result) {
        Objects.requireNonNull(result, "result");
        StringBuilder sb = new StringBuilder();
        sb.append("carbon4j run ").append(result.runId())
                .append(" (project ").append(result.projectName())
                .append(", experiment ").append(result.experimentId()).append("), ")
                .append(result.isFinal() ? "final" : "running totals").append('\n');
        block(sb, result, "  ");
        for (EmissionsResult task : result.tasks()) {
            sb.append("  task '").append(task.taskName().orElse("")).append('\'')
                    .append(task.isComplete() ? "" : " (incomplete)").append('\n');
            block(sb, task, "    ");
        }
        sb.append("  sources\n");
        if (result.sources().isEmpty()) {
            sb.append("    none found\n");
        }
        for (SourceReport s : result.sources()) {
            sb.append("    ").append(s.name()).append(' ').append(s.status().key());
            if (!s.components().isEmpty()) {
                sb.append(" for");
                for (Component c : Component.values()) {
                    if (s.components().contains(c)) {
                        sb.append(' ').append(c.key());
                    }
                }
            }
            sb.append(": ").append(s.reason()).append('\n');
        }
        CarbonIntensity ci = result.carbonIntensity();
        sb.append("  place           ").append(place(ci)).append('\n');
        sb.append("  intensity       ").append(ci.describe()).append('\n');
        if (!result.outputErrors().isEmpty()) {
            sb.append("  output errors\n");
            for (String e : result.outputErrors()) {
                sb.append("    ").append(e).append('\n');
            }
        }
        return sb.toString();
    }

    private static void block(StringBuilder sb, EmissionsResult r, String indent) {
        double seconds = r.duration().toNanos() / 1e9;
        line(sb, indent, "duration", String.format(Locale.ROOT, "%.3f s", seconds));
        line(sb, indent, "energy", String.format(Locale.ROOT, "%.6f kWh (%.1f J, PUE %.2f included)",
                r.energyKwh(), r.energyJoules(), r.pue()));
        line(sb, indent, "emissions", String.format(Locale.ROOT, "%.6f kg CO2eq", r.emissionsKg()));
        line(sb, indent, "mean power", String.format(Locale.ROOT, "%.1f W", r.meanPowerWatts()));
        for (Component c : Component.values()) {
            ComponentEnergy e = r.component(c);
            String figure = e.provenance() == Provenance.NOT_MEASURED
                    ? "-"
                    : String.format(Locale.ROOT, "%.1f J (%.6f kWh)", e.energyJoules(), e.energyJoules() / JOULES_PER_KWH);
            line(sb, indent, c.key(), String.format(Locale.ROOT, "%-30s %-12s %s", figure, e.provenance().key(),
                    e.method()));
        }
    }

    private static void line(StringBuilder sb, String indent, String label, String value) {
        sb.append(indent).append(String.format(Locale.ROOT, "%-16s", label)).append(value).append('\n');
    }

    private static String place(CarbonIntensity ci) {
        StringBuilder sb = new StringBuilder();
        if (!ci.countryName().isEmpty() || !ci.countryIsoCode().isEmpty()) {
            sb.append(ci.countryName()).append(" (").append(ci.countryIsoCode()).append(')');
        }
        if (!ci.region().isEmpty()) {
            sb.append(sb.length() > 0 ? ", region " : "region ").append(ci.region());
        }
        if (!ci.cloudProvider().isEmpty()) {
            sb.append(sb.length() > 0 ? ", " : "").append(ci.cloudProvider()).append('/').append(ci.cloudRegion());
        }
        return sb.length() == 0 ? "not set (World average)" : sb.toString();
    }
}
