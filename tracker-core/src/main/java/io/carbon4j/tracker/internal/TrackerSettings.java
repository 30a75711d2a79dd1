package io.carbon4j.tracker.internal;

import io.carbon4j.tracker.ConfigSource;
import io.carbon4j.tracker.TrackerConfigurationException;
import io.carbon4j.tracker.TrackerProperties;
import io.carbon4j.tracker.TrackingMode;
import io.carbon4j.tracker.intensity.GridLocation;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The resolved, validated, immutable settings of one tracker. Precedence, highest first: builder calls, system
 * property {@code carbon4j.<key>}, environment variable {@code CARBON4J_<KEY>}, default. Every bad value fails
 * here with a message naming the key, its origin, the value and the expected form; nothing is clamped.
 */
public final class TrackerSettings {

    static final Duration MAX_INTERVAL = Duration.ofDays(1);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Set<String> FORMATS = Set.of("csv", "jsonl", "log");
    private static final int MAX_TEXT = 256;

    private final Map<String, String> builderValues;
    private final ConfigSource configSource;

    final String projectName;
    final String experimentId;
    final Duration samplingInterval;
    final Duration saveInterval;
    final Duration stopTimeout;
    final TrackingMode trackingMode;
    final String attributionModel;
    final List<String> sources;
    final GridLocation location;
    final OptionalDouble carbonIntensity;
    final double pue;
    final Path outputDir;
    final Set<String> outputFormats;
    final boolean outputUpdate;
    final Path raplRoot;
    final Optional<Path> nvmlLibrary;
    final boolean shutdownHook;
    final boolean requirePowerSource;
    final boolean failOnOutputError;
    final OptionalDouble cpuPower;
    final OptionalDouble ramPower;

    private TrackerSettings(Map<String, String> builderValues, ConfigSource configSource) {
        this.builderValues = Map.copyOf(builderValues);
        this.configSource = configSource;
        projectName = text(TrackerProperties.PROJECT_NAME, "carbon4j");
        experimentId = text(TrackerProperties.EXPERIMENT_ID, "default");
        samplingInterval = duration(TrackerProperties.SAMPLING_INTERVAL, Duration.ofSeconds(1));
        saveInterval = duration(TrackerProperties.SAVE_INTERVAL, Duration.ofSeconds(60));
        stopTimeout = duration(TrackerProperties.STOP_TIMEOUT, Duration.ofSeconds(5));
        trackingMode = mode();
        attributionModel = choice(TrackerProperties.ATTRIBUTION_MODEL, "capacity", "capacity", "busy");
        sources = names();
        location = new GridLocation(
                code(TrackerProperties.COUNTRY),
                code(TrackerProperties.REGION),
                code(TrackerProperties.CLOUD_PROVIDER),
                code(TrackerProperties.CLOUD_REGION));
        carbonIntensity = number(TrackerProperties.CARBON_INTENSITY, 0, 10_000, "a number of gCO2eq/kWh from 0 to 10000, such as 56 or 380.5");
        pue = number(TrackerProperties.PUE, 1.0, 10.0, "a number from 1.0 to 10.0, such as 1.2").orElse(1.0);
        outputDir = path(TrackerProperties.OUTPUT_DIR).orElse(Path.of("."));
        outputFormats = formats();
        outputUpdate = "update".equals(choice(TrackerProperties.OUTPUT_MODE, "append", "append", "update"));
        raplRoot = path(TrackerProperties.RAPL_ROOT).orElse(Path.of("/sys/class/powercap"));
        nvmlLibrary = path(TrackerProperties.NVML_LIBRARY);
        shutdownHook = bool(TrackerProperties.SHUTDOWN_HOOK, true);
        requirePowerSource = bool(TrackerProperties.REQUIRE_POWER_SOURCE, false);
        failOnOutputError = bool(TrackerProperties.FAIL_ON_OUTPUT_ERROR, false);
        cpuPower = number(TrackerProperties.CPU_POWER, 0, 100_000, "a power in watts from 0 to 100000, such as 65");
        ramPower = number(TrackerProperties.RAM_POWER, 0, 100_000, "a power in watts from 0 to 100000, such as 10");
        if (location.cloudProvider() != null && location.cloudRegion() == null) {
            throw new TrackerConfigurationException("carbon4j.cloud.provider is set ('" + location.cloudProvider()
                    + "' from " + originOf(TrackerProperties.CLOUD_PROVIDER)
                    + ") but carbon4j.cloud.region is not; set both, e.g. aws and us-east-1");
        }
        if (location.cloudRegion() != null && location.cloudProvider() == null) {
            throw new TrackerConfigurationException("carbon4j.cloud.region is set ('" + location.cloudRegion()
                    + "' from " + originOf(TrackerProperties.CLOUD_REGION)
                    + ") but carbon4j.cloud.provider is not; set both, e.g. aws and us-east-1");
        }
    }

    /** Resolves and validates. */
    public static TrackerSettings resolve(Map<String, String> builderValues, ConfigSource configSource) {
        return new TrackerSettings(builderValues, configSource);
    }

    /** The raw value of {@code key} with its origin, by precedence. */
    Optional<ConfigSource.Value> raw(String key) {
        String v = builderValues.get(key);
        if (v != null) {
            return Optional.of(new ConfigSource.Value(v, "builder"));
        }
        try {
            return configSource.get(key);
        } catch (RuntimeException e) {
            throw new TrackerConfigurationException("Could not read carbon4j." + key + " from the configuration source: " + e, e);
        }
    }

    /** The raw value of any key, for providers' own settings. */
    Optional<String> property(String key) {
        return raw(key).map(ConfigSource.Value::value);
    }

    private String originOf(String key) {
        return raw(key).map(ConfigSource.Value::origin).orElse("default");
    }

    static TrackerConfigurationException invalid(String key, ConfigSource.Value v, String expected) {
        return new TrackerConfigurationException("Invalid value '" + printable(v.value()) + "' for "
                + TrackerProperties.PREFIX + key + " (from " + v.origin() + "); expected " + expected);
    }

    /** The value with control characters made visible, cut to a readable length, for error messages. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < 120; i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (Character.isISOControl(c)) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (s.length() > 120) {
            sb.append("...(").append(s.length()).append(" characters)");
        }
        return sb.toString();
    }

    private String text(String key, String def) {
        Optional<ConfigSource.Value> raw = raw(key);
        if (raw.isEmpty()) {
            return def;
        }
        String s = raw.get().value().strip();
        String expected = "a non-empty text of at most " + MAX_TEXT + " characters without control characters";
        if (s.isEmpty() || s.length() > MAX_TEXT) {
            throw invalid(key, raw.get(), expected);
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                throw invalid(key, raw.get(), expected);
            }
        }
        return s;
    }

    private String code(String key) {
        Optional<ConfigSource.Value> raw = raw(key);
        if (raw.isEmpty()) {
            return null;
        }
        String s = raw.get().value().strip();
        if (s.isEmpty() || s.length() > 64 || !s.matches("[A-Za-z0-9._/ -]+")) {
            throw invalid(key, raw.get(), "a code of letters, digits, '-', '_' or '.' (at most 64), such as "
                    + example(key));
        }
        return s;
    }

    private static String example(String key) {
        switch (key) {
            case TrackerProperties.COUNTRY:
                return "FR or FRA";
            case TrackerProperties.REGION:
                return "US-CA or CA-QC";
            case TrackerProperties.CLOUD_PROVIDER:
                return "aws, gcp or azure";
            default:
                return "us-east-1 or europe-west1";
        }
    }

    private Duration duration(String key, Duration def) {
        Optional<ConfigSource.Value> raw = raw(key);
        if (raw.isEmpty()) {
            return def;
        }
        String expected = "a positive duration of at most 1d, such as 500ms, 10s or 2m";
        Duration d = DurationParser.parse(raw.get().value());
        if (d == null || d.isZero() || d.isNegative() || d.compareTo(MAX_INTERVAL) > 0) {
            throw invalid(key, raw.get(), expected);
        }
        if (d.compareTo(Duration.ofMillis(1)) < 0) {
            throw invalid(key, raw.get(), "a duration of at least 1ms, such as 500ms, 10s or 2m");
        }
        return d;
    }

    private TrackingMode mode() {
        String v = choice(TrackerProperties.TRACKING_MODE, "machine", "machine", "process");
        return TrackingMode.valueOf(v.toUpperCase(Locale.ROOT));
    }

    private String choice(String key, String def, String... allowed) {
        Optional<ConfigSource.Value> raw = raw(key);
        if (raw.isEmpty()) {
            return def;
        }
        String v = raw.get().value().strip().toLowerCase(Locale.ROOT);
        for (String a : allowed) {
            if (a.equals(v)) {
                return a;
            }
        }
        throw invalid(key, raw.get(), "one of " + String.join(", ", allowed));
    }

    private boolean bool(String key, boolean def) {
        Optional<ConfigSource.Value> raw = raw(key);
        if (raw.isEmpty()) {
            return def;
        }
        String v = raw.get().value().strip().toLowerCase(Locale.ROOT);
        if (v.equals("true")) {
            return true;
        }
        if (v.equals("false")) {
            return false;
        }
        throw invalid(key, raw.get(), "true or false");
    }

    private OptionalDouble number(String key, double min, double max, String expected) {
        Optional<ConfigSource.Value> raw = raw(key);
        if (raw.isEmpty()) {
            return OptionalDouble.empty();
        }
        String v = raw.get().value().strip();
        double d;
        try {
            if (!v.matches("[+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
                throw new NumberFormatException(v);
            }
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw invalid(key, raw.get(), expected);
        }
        if (!(d >= min && d <= max)) {
            throw invalid(key, raw.get(), expected);
        }
        return OptionalDouble.of(d);
    }

    private Optional<Path> path(String key) {
        Optional<ConfigSource.Value> raw = raw(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String v = raw.get().value().strip();
        if (v.isEmpty() || v.indexOf('\0') >= 0) {
            throw invalid(key, raw.get(), "a file-system path");
        }
        try {
            return Optional.of(Path.of(v));
        } catch (InvalidPathException e) {
            throw invalid(key, raw.get(), "a file-system path (" + e.getReason() + ")");
        }
    }

    private List<String> names() {
        Optional<ConfigSource.Value> raw = raw(TrackerProperties.SOURCES);
        if (raw.isEmpty() || raw.get().value().isBlank()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String part : raw.get().value().split(",", -1)) {
            String n = part.strip().toLowerCase(Locale.ROOT);
            if (!NAME.matcher(n).matches()) {
                throw invalid(TrackerProperties.SOURCES, raw.get(),
                        "a comma-separated list of power-source names, such as rapl,nvml");
            }
            out.add(n);
        }
        return List.copyOf(out);
    }

    private Set<String> formats() {
        Optional<ConfigSource.Value> raw = raw(TrackerProperties.OUTPUT_FORMATS);
        if (raw.isEmpty()) {
            return Set.of("csv", "jsonl", "log");
        }
        String v = raw.get().value().strip().toLowerCase(Locale.ROOT);
        if (v.equals("none")) {
            return Set.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : v.split(",", -1)) {
            String f = part.strip();
            if (!FORMATS.contains(f)) {
                throw invalid(TrackerProperties.OUTPUT_FORMATS, raw.get(),
                        "a comma-separated list of csv, jsonl, log, or none");
            }
            if (!out.contains(f)) {
                out.add(f);
            }
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(out));
    }

    /** The user's sampling interval. */
    public Duration samplingInterval() {
        return samplingInterval;
    }

    /** Project name. */
    public String projectName() {
        return projectName;
    }

    /** Experiment id. */
    public String experimentId() {
        return experimentId;
    }

    /** Output directory. */
    public Path outputDir() {
        return outputDir;
    }

    /** Output formats. */
    public Set<String> outputFormats() {
        return outputFormats;
    }

    /** Whether the CSV is written in update mode. */
    public boolean outputUpdate() {
        return outputUpdate;
    }

    /** Tracking mode. */
    public TrackingMode trackingMode() {
        return trackingMode;
    }

    /** Forced CPU power, watts. */
    public OptionalDouble cpuPower() {
        return cpuPower;
    }

    /** Forced RAM power, watts. */
    public OptionalDouble ramPower() {
        return ramPower;
    }
}
