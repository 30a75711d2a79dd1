package io.carbon4j.tracker.output;

import io.carbon4j.tracker.EmissionsResult;
import io.carbon4j.tracker.SourceReport;
import io.carbon4j.tracker.intensity.CarbonIntensity;
import io.carbon4j.tracker.spi.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One SLF4J INFO line when the run starts and one when it stops; nothing for periodic saves. */
final class LogOutputWriter implements OutputWriter {

    private final Logger log;

    LogOutputWriter(Logger log) {
        this.log = log;
    }

    LogOutputWriter() {
        this(LoggerFactory.getLogger("io.carbon4j.tracker"));
    }

    @Override
    public String name() {
        return "log";
    }

    @Override
    public void start(EmissionsResult initial) {
        if (!log.isInfoEnabled()) {
            return;
        }
        List<String> used = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (SourceReport s : initial.sources()) {
            if (s.status() == SourceReport.Status.USED) {
                used.add(s.name() + " " + keys(s));
            } else {
                skipped.add(s.name() + " (" + s.status().key() + ": " + s.reason() + ")");
            }
        }
        CarbonIntensity ci = initial.carbonIntensity();
        log.info("carbon4j started run {} (project {}): sources used {}, skipped {}; place {}; intensity {}",
                initial.runId(), initial.projectName(), used.isEmpty() ? "none" : String.join(", ", used),
                skipped.isEmpty() ? "none" : String.join(", ", skipped), place(ci), ci.describe());
    }

    @Override
    public void write(EmissionsResult result) {
        if (!result.isFinal() || !log.isInfoEnabled()) {
            return;
        }
        log.info("carbon4j stopped run {}: {} s, {} kWh ({} J), {} kg CO2eq, mean {} W; cpu {}, gpu {}, ram {};"
                        + " {} task(s)",
                result.runId(),
                String.format(Locale.ROOT, "%.3f", result.duration().toNanos() / 1e9),
                String.format(Locale.ROOT, "%.6f", result.energyKwh()),
                String.format(Locale.ROOT, "%.1f", result.energyJoules()),
                String.format(Locale.ROOT, "%.6f", result.emissionsKg()),
                String.format(Locale.ROOT, "%.1f", result.meanPowerWatts()),
                result.cpu().provenance().key(),
                result.gpu().provenance().key(),
                result.ram().provenance().key(),
                result.tasks().size());
    }

    private static String keys(SourceReport s) {
        StringBuilder sb = new StringBuilder("(");
        for (Component c : Component.values()) {
            if (s.components().contains(c)) {
                sb.append(sb.length() > 1 ? ", " : "").append(c.key());
            }
        }
        return sb.append(')').toString();
    }

    static String place(CarbonIntensity ci) {
        StringBuilder sb = new StringBuilder();
        sb.append(ci.countryIsoCode().isEmpty() ? "none" : ci.countryIsoCode());
        if (!ci.region().isEmpty()) {
            sb.append('/').append(ci.region());
        }
        if (!ci.cloudProvider().isEmpty()) {
            sb.append(" (").append(ci.cloudProvider()).append('/').append(ci.cloudRegion()).append(')');
        }
        return sb.toString();
    }
}
