package io.carbon4j.tracker;

import java.util.List;

/**
 * Every configuration key carbon4j reads, without the {@code carbon4j.} prefix.
 *
 * <p>Each key can be set, highest precedence first, by a builder call, by the system property
 * {@code carbon4j.<key>}, or by the environment variable {@code CARBON4J_<KEY>} (upper case, {@code .} as
 * {@code _}); otherwise the documented default applies. {@code docs/configuration.md} lists the same keys.
 *
 * @since 0.1.0
 */
public final class TrackerProperties {

    /** The prefix of system properties. */
    public static final String PREFIX = "carbon4j.";

    /** Project name written to every output row. Default {@code carbon4j}. */
    public static final String PROJECT_NAME = "project.name";
    /** Experiment identifier written to every output row. Default {@code default}. */
    public static final String EXPERIMENT_ID = "experiment.id";
    /** Sampling interval, a duration such as {@code 500ms}, {@code 10s}, {@code 2m}. Default {@code 1s}. */
    public static final String SAMPLING_INTERVAL = "sampling.interval";
    /** Interval of the periodic save of running totals (crash safety). Default {@code 60s}. */
    public static final String SAVE_INTERVAL = "save.interval";
    /** {@code machine} (default) or {@code process}. */
    public static final String TRACKING_MODE = "tracking.mode";
    /**
     * Process mode's CPU attribution model: {@code capacity} (default; process CPU time over interval × logical
     * CPUs, the idle rest unattributed) or {@code busy} (process CPU time over all busy CPU time).
     */
    public static final String ATTRIBUTION_MODEL = "attribution.model";
    /** Comma-separated power-source names to use instead of discovery, e.g. {@code rapl,nvml}. */
    public static final String SOURCES = "sources";
    /** ISO 3166-1 alpha-2 or alpha-3 country code of the grid, e.g. {@code FR} or {@code FRA}. */
    public static final String COUNTRY = "country";
    /** Sub-national region or grid zone, e.g. {@code US-CA}, {@code CA-QC}, {@code AU-NSW}. */
    public static final String REGION = "region";
    /** Cloud provider: {@code aws}, {@code gcp} or {@code azure}. */
    public static final String CLOUD_PROVIDER = "cloud.provider";
    /** Cloud region of the provider, e.g. {@code us-east-1}, {@code europe-west1}, {@code westeurope}. */
    public static final String CLOUD_REGION = "cloud.region";
    /** Forced carbon intensity in gCO2eq/kWh; overrides every table. */
    public static final String CARBON_INTENSITY = "carbon.intensity";
    /** Power usage effectiveness of the data centre, a number &gt;= 1. Default {@code 1.0}. */
    public static final String PUE = "pue";
    /** Directory for output files. Default: the working directory. */
    public static final String OUTPUT_DIR = "output.dir";
    /** Comma-separated outputs: {@code csv}, {@code jsonl}, {@code log}; {@code none} for none. Default all three. */
    public static final String OUTPUT_FORMATS = "output.formats";
    /** CSV write mode: {@code append} (a row per run, default) or {@code update} (the run's row is replaced). */
    public static final String OUTPUT_MODE = "output.mode";
    /** Root of the powercap tree. Default {@code /sys/class/powercap}. */
    public static final String RAPL_ROOT = "rapl.root";
    /** Report the RAPL {@code psys} (whole platform) counter as CPU energy instead of the packages. Default false. */
    public static final String RAPL_PSYS = "rapl.psys";
    /** Path to the NVML library file, or the directory holding it. Default: the system's library search path. */
    public static final String NVML_LIBRARY = "nvml.library";
    /** Whether a JVM shutdown hook writes the result when the process exits. Default {@code true}. */
    public static final String SHUTDOWN_HOOK = "shutdown.hook";
    /** Whether {@code start()} fails when no power source is available. Default {@code false}. */
    public static final String REQUIRE_POWER_SOURCE = "require.power.source";
    /** Whether {@code stop()} throws when an output fails. Default {@code false}. */
    public static final String FAIL_ON_OUTPUT_ERROR = "fail.on.output.error";
    /** How long {@code stop()} waits for the final sample and the sources to close. Default {@code 5s}. */
    public static final String STOP_TIMEOUT = "stop.timeout";
    /** Forced CPU power in watts, replacing any CPU measurement or model. */
    public static final String CPU_POWER = "cpu.power";
    /** Forced RAM power in watts, replacing any RAM measurement or model. */
    public static final String RAM_POWER = "ram.power";

    /** Every key above, in documentation order. */
    public static final List<String> ALL = List.of(
            PROJECT_NAME,
            EXPERIMENT_ID,
            SAMPLING_INTERVAL,
            SAVE_INTERVAL,
            TRACKING_MODE,
            ATTRIBUTION_MODEL,
            SOURCES,
            COUNTRY,
            REGION,
            CLOUD_PROVIDER,
            CLOUD_REGION,
            CARBON_INTENSITY,
            PUE,
            OUTPUT_DIR,
            OUTPUT_FORMATS,
            OUTPUT_MODE,
            RAPL_ROOT,
            RAPL_PSYS,
            NVML_LIBRARY,
            SHUTDOWN_HOOK,
            REQUIRE_POWER_SOURCE,
            FAIL_ON_OUTPUT_ERROR,
            STOP_TIMEOUT,
            CPU_POWER,
            RAM_POWER);

    private TrackerProperties() {}
}
