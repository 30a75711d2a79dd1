package io.carbon4j.tracker.output;

import io.carbon4j.tracker.ComponentEnergy;
import io.carbon4j.tracker.EmissionsResult;
import io.carbon4j.tracker.Provenance;
import io.carbon4j.tracker.RunEnvironment;
import io.carbon4j.tracker.intensity.CarbonIntensity;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * CodeCarbon's {@code emissions.csv} columns (its {@code EmissionsData} fields, in order) and the values carbon4j
 * writes in them. See {@code docs/outputs.md} for each column's unit and meaning.
 */
final class CsvColumns {

    /** The 38 run columns, in CodeCarbon's order. */
    static final List<String> RUN = List.of(
            "timestamp", "project_name", "run_id", "experiment_id", "duration", "emissions", "emissions_rate",
            "cpu_power", "gpu_power", "ram_power", "cpu_energy", "gpu_energy", "ram_energy", "energy_consumed",
            "water_consumed", "country_name", "country_iso_code", "region", "cloud_provider", "cloud_region", "os",
            "python_version", "codecarbon_version", "cpu_count", "cpu_model", "gpu_count", "gpu_model", "longitude",
            "latitude", "ram_total_size", "tracking_mode", "cpu_utilization_percent", "gpu_utilization_percent",
            "ram_utilization_percent", "ram_used_gb", "on_cloud", "pue", "wue");

    /** The 36 task columns: {@code task_name}, then the run columns without experiment_id, pue and wue. */
    static final List<String> TASK = taskColumns();

    private static final double JOULES_PER_KWH = 3.6e6;

    private CsvColumns() {}

    private static List<String> taskColumns() {
        List<String> cols = new ArrayList<>();
        cols.add("task_name");
        for (String c : RUN) {
            if (!c.equals("experiment_id") && !c.equals("pue") && !c.equals("wue")) {
                cols.add(c);
            }
        }
        return List.copyOf(cols);
    }

    /**
     * The values of {@code result} by column name. Machine facts and location come from {@code run} (a task's own
     * result carries no machine facts).
     */
    static Map<String, String> values(EmissionsResult result, EmissionsResult run, ZoneId zone) {
        Map<String, String> v = new LinkedHashMap<>();
        RunEnvironment env = run.environment();
        CarbonIntensity ci = result.carbonIntensity();
        double pue = result.pue();
        v.put("task_name", result.taskName().orElse(""));
        v.put("timestamp", timestamp(result, zone));
        v.put("project_name", result.projectName());
        v.put("run_id", result.runId());
        v.put("experiment_id", result.experimentId());
        v.put("duration", CsvText.number(result.duration().toNanos() / 1e9));
        v.put("emissions", CsvText.number(result.emissionsKg()));
        v.put("emissions_rate", CsvText.number(result.emissionsRateKgPerSecond()));
        v.put("cpu_power", power(result.cpu()));
        v.put("gpu_power", power(result.gpu()));
        v.put("ram_power", power(result.ram()));
        v.put("cpu_energy", energyKwh(result.cpu(), pue));
        v.put("gpu_energy", energyKwh(result.gpu(), pue));
        v.put("ram_energy", energyKwh(result.ram(), pue));
        v.put("energy_consumed", CsvText.number(result.energyKwh()));
        v.put("water_consumed", "");
        v.put("country_name", ci.countryName());
        v.put("country_iso_code", ci.countryIsoCode());
        v.put("region", ci.region());
        v.put("cloud_provider", ci.cloudProvider());
        v.put("cloud_region", ci.cloudRegion());
        v.put("os", env.os());
        v.put("python_version", env.javaVersion());
        v.put("codecarbon_version", env.carbon4jVersion());
        v.put("cpu_count", Integer.toString(env.cpuCount()));
        v.put("cpu_model", env.cpuModel());
        v.put("gpu_count", Integer.toString(env.gpuCount()));
        v.put("gpu_model", env.gpuModel());
        v.put("longitude", "");
        v.put("latitude", "");
        v.put("ram_total_size", CsvText.number(env.ramTotalGib()));
        v.put("tracking_mode", result.trackingMode().key());
        v.put("cpu_utilization_percent", optional(result.cpu().utilizationPercent()));
        v.put("gpu_utilization_percent", optional(result.gpu().utilizationPercent()));
        v.put("ram_utilization_percent", optional(result.ram().utilizationPercent()));
        v.put("ram_used_gb", "");
        v.put("on_cloud", ci.cloudProvider().isEmpty() ? "N" : "Y");
        v.put("pue", CsvText.number(pue));
        v.put("wue", "");
        return v;
    }

    /** The values of {@code columns}, in order. */
    static List<String> row(List<String> columns, Map<String, String> values) {
        List<String> row = new ArrayList<>(columns.size());
        for (String c : columns) {
            row.add(values.getOrDefault(c, ""));
        }
        return row;
    }

    /** CodeCarbon's timestamp: local time of the result's end, to the second, without a zone. */
    static String timestamp(EmissionsResult result, ZoneId zone) {
        LocalDateTime t = LocalDateTime.ofInstant(result.endTime(), zone).truncatedTo(ChronoUnit.SECONDS);
        return String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
    }

    private static String power(ComponentEnergy e) {
        return e.provenance() == Provenance.NOT_MEASURED ? "" : CsvText.number(e.meanPowerWatts());
    }

    private static String energyKwh(ComponentEnergy e, double pue) {
        return e.provenance() == Provenance.NOT_MEASURED ? "" : CsvText.number(e.energyJoules() * pue / JOULES_PER_KWH);
    }

    private static String optional(OptionalDouble d) {
        return d.isPresent() ? CsvText.number(d.getAsDouble()) : "";
    }
}
