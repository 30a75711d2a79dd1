package io.carbon4j.tracker;

import io.carbon4j.tracker.internal.DefaultEmissionsTracker;
import io.carbon4j.tracker.internal.NoopEmissionsTracker;
import io.carbon4j.tracker.internal.TrackerSettings;
import io.carbon4j.tracker.output.OutputWriter;
import io.carbon4j.tracker.spi.CarbonIntensityProvider;
import io.carbon4j.tracker.spi.PowerSourceProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Measures the energy and carbon emissions of the code it wraps.
 *
 * <pre>{@code
 * try (EmissionsTracker tracker = EmissionsTracker.builder()
 *         .projectName("resnet50-finetune")
 *         .samplingInterval(Duration.ofSeconds(1))
 *         .country("DE")
 *         .start()) {
 *     for (int epoch = 0; epoch < epochs; epoch++) {
 *         try (TaskScope task = tracker.task("epoch-" + epoch)) {
 *             train();
 *         }
 *     }
 * }   // final sample taken, sources closed, outputs written; never throws
 * }</pre>
 *
 * <h2>Lifecycle</h2>
 * {@link Builder#start()} resolves the configuration (failing fast on bad values), opens the power sources, takes
 * a first sample and starts one daemon sampler thread. {@link #stop()} takes a final sample, closes the sources,
 * writes the outputs and returns the result; {@link #close()} calls it once and never throws. A JVM shutdown hook
 * (on by default) stops the tracker if the process exits first.
 *
 * <h2>Library authors</h2>
 * Accept an {@code EmissionsTracker} parameter, default it to {@link #noop()}, and open {@linkplain #task(String)
 * tasks} around your phases. Never start a tracker inside a library: two samplers on one machine double-count.
 *
 * <h2>Failure</h2>
 * Measuring never throws into the caller's code: a failing source is isolated and reported, a failing output is
 * logged and listed in {@link EmissionsResult#outputErrors()}. Only configuration errors throw, from the builder
 * and {@code start()}.
 *
 * <h2>Thread safety</h2>
 * All methods are thread-safe.
 *
 * @since 0.1.0
 */
public interface EmissionsTracker extends AutoCloseable {

    /** A builder reading unset keys from system properties and environment variables. */
    static Builder builder() {
        return new Builder(ConfigSource.system());
    }

    /** A builder reading unset keys from {@code source} only (tests, embedding applications). */
    static Builder builder(ConfigSource source) {
        return new Builder(source);
    }

    /** A tracker that does nothing and costs nothing: the default for library code that accepts a tracker. */
    static EmissionsTracker noop() {
        return NoopEmissionsTracker.INSTANCE;
    }

    /** The run id written to every output row; empty for the no-op tracker. */
    String runId();

    /** Opens a named task. Never throws; on a stopped tracker the task records nothing. */
    TaskScope task(String name);

    /** The running totals as of the last sample. Cheap; never calls a source; any thread. */
    EmissionsResult snapshot();

    /** Writes the running totals to the outputs without stopping, and returns them. Never throws. */
    EmissionsResult flush();

    /**
     * Stops the tracker: final sample, sources closed, outputs written. Idempotent: later calls return the same
     * result.
     *
     * @throws TrackerException only when {@code fail.on.output.error} is set and an output failed
     */
    EmissionsResult stop();

    /** Whether the tracker is running (started and not stopped). */
    boolean isRunning();

    /** Stops the tracker if it is running. Never throws; idempotent. */
    @Override
    void close();

    /**
     * Configures and starts an {@link EmissionsTracker}. Every setter corresponds to a key of
     * {@link TrackerProperties}; a value set here beats the system property, which beats the environment variable,
     * which beats the default.
     *
     * <h2>Thread safety</h2>
     * Not thread-safe; use one builder per thread.
     */
    final class Builder {
        private final ConfigSource configSource;
        private final Map<String, String> values = new LinkedHashMap<>();
        private final List<PowerSourceProvider> providers = new ArrayList<>();
        private final List<OutputWriter> outputs = new ArrayList<>();
        private boolean discoverPowerSources = true;
        private TrackerClock clock = TrackerClock.SYSTEM;
        private CarbonIntensityProvider intensityProvider;
        private ClassLoader serviceClassLoader;

        Builder(ConfigSource configSource) {
            this.configSource = Objects.requireNonNull(configSource, "configSource");
        }

        /** {@link TrackerProperties#PROJECT_NAME}. */
        public Builder projectName(String name) {
            return set(TrackerProperties.PROJECT_NAME, Objects.requireNonNull(name, "name"));
        }

        /** {@link TrackerProperties#EXPERIMENT_ID}. */
        public Builder experimentId(String id) {
            return set(TrackerProperties.EXPERIMENT_ID, Objects.requireNonNull(id, "id"));
        }

        /** {@link TrackerProperties#SAMPLING_INTERVAL}; must be positive. */
        public Builder samplingInterval(Duration interval) {
            return set(TrackerProperties.SAMPLING_INTERVAL, positive(interval, "interval"));
        }

        /** {@link TrackerProperties#SAVE_INTERVAL}; must be positive. */
        public Builder saveInterval(Duration interval) {
            return set(TrackerProperties.SAVE_INTERVAL, positive(interval, "interval"));
        }

        /** {@link TrackerProperties#STOP_TIMEOUT}; must be positive. */
        public Builder stopTimeout(Duration timeout) {
            return set(TrackerProperties.STOP_TIMEOUT, positive(timeout, "timeout"));
        }

        /** {@link TrackerProperties#TRACKING_MODE}. */
        public Builder trackingMode(TrackingMode mode) {
            return set(TrackerProperties.TRACKING_MODE, Objects.requireNonNull(mode, "mode").key());
        }

        /** {@link TrackerProperties#SOURCES}: use exactly these providers, by name. */
        public Builder sources(String... names) {
            Objects.requireNonNull(names, "names");
            return set(TrackerProperties.SOURCES, String.join(",", names));
        }

        /** {@link TrackerProperties#COUNTRY}: ISO 3166-1 alpha-2 or alpha-3. */
        public Builder country(String isoCode) {
            return set(TrackerProperties.COUNTRY, Objects.requireNonNull(isoCode, "isoCode"));
        }

        /** {@link TrackerProperties#REGION}: a sub-national region or grid zone, e.g. {@code US-CA}. */
        public Builder region(String code) {
            return set(TrackerProperties.REGION, Objects.requireNonNull(code, "code"));
        }

        /** {@link TrackerProperties#CLOUD_PROVIDER} and {@link TrackerProperties#CLOUD_REGION}. */
        public Builder cloud(String provider, String region) {
            set(TrackerProperties.CLOUD_PROVIDER, Objects.requireNonNull(provider, "provider"));
            return set(TrackerProperties.CLOUD_REGION, Objects.requireNonNull(region, "region"));
        }

        /** {@link TrackerProperties#CARBON_INTENSITY}: force gCO2eq/kWh, a finite number &gt;= 0. */
        public Builder carbonIntensity(double gramsPerKwh) {
            if (!(gramsPerKwh >= 0) || Double.isInfinite(gramsPerKwh)) {
                throw new IllegalArgumentException("carbon intensity must be a finite number >= 0: " + gramsPerKwh);
            }
            return set(TrackerProperties.CARBON_INTENSITY, Double.toString(gramsPerKwh));
        }

        /** {@link TrackerProperties#PUE}: a finite number &gt;= 1. */
        public Builder pue(double pue) {
            if (!(pue >= 1.0) || Double.isInfinite(pue)) {
                throw new IllegalArgumentException("pue must be a finite number >= 1.0: " + pue);
            }
            return set(TrackerProperties.PUE, Double.toString(pue));
        }

        /** {@link TrackerProperties#OUTPUT_DIR}. */
        public Builder outputDir(Path dir) {
            return set(TrackerProperties.OUTPUT_DIR, Objects.requireNonNull(dir, "dir").toString());
        }

        /** {@link TrackerProperties#OUTPUT_FORMATS}: any of {@code csv}, {@code jsonl}, {@code log}, or {@code none}. */
        public Builder outputFormats(String... formats) {
            Objects.requireNonNull(formats, "formats");
            return set(TrackerProperties.OUTPUT_FORMATS, formats.length == 0 ? "none" : String.join(",", formats));
        }

        /** {@link TrackerProperties#RAPL_ROOT}. */
        public Builder raplRoot(Path root) {
            return set(TrackerProperties.RAPL_ROOT, Objects.requireNonNull(root, "root").toString());
        }

        /** {@link TrackerProperties#NVML_LIBRARY}: the library file or its directory. */
        public Builder nvmlLibrary(Path path) {
            return set(TrackerProperties.NVML_LIBRARY, Objects.requireNonNull(path, "path").toString());
        }

        /** {@link TrackerProperties#SHUTDOWN_HOOK}. */
        public Builder registerShutdownHook(boolean register) {
            return set(TrackerProperties.SHUTDOWN_HOOK, Boolean.toString(register));
        }

        /** {@link TrackerProperties#REQUIRE_POWER_SOURCE}. */
        public Builder requirePowerSource(boolean require) {
            return set(TrackerProperties.REQUIRE_POWER_SOURCE, Boolean.toString(require));
        }

        /** {@link TrackerProperties#FAIL_ON_OUTPUT_ERROR}. */
        public Builder failOnOutputError(boolean fail) {
            return set(TrackerProperties.FAIL_ON_OUTPUT_ERROR, Boolean.toString(fail));
        }

        /**
         * Sets any key of {@link TrackerProperties} (or a provider's own key) as a string, validated at
         * {@link #start()} like a system property.
         */
        public Builder property(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            String k = key.startsWith(TrackerProperties.PREFIX) ? key.substring(TrackerProperties.PREFIX.length()) : key;
            return set(k.toLowerCase(Locale.ROOT), value);
        }

        /** Registers a provider in code, in addition to (or, with discovery off, instead of) discovered ones. */
        public Builder addPowerSource(PowerSourceProvider provider) {
            providers.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** Whether to discover providers with {@link java.util.ServiceLoader}. Default {@code true}. */
        public Builder discoverPowerSources(boolean discover) {
            this.discoverPowerSources = discover;
            return this;
        }

        /** The class loader for provider discovery. Default: the one that loaded carbon4j. */
        public Builder serviceClassLoader(ClassLoader loader) {
            this.serviceClassLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /** Adds an output writer, in addition to those named by {@link TrackerProperties#OUTPUT_FORMATS}. */
        public Builder addOutput(OutputWriter writer) {
            outputs.add(Objects.requireNonNull(writer, "writer"));
            return this;
        }

        /** A live or custom carbon-intensity provider, replacing the offline tables. */
        public Builder carbonIntensityProvider(CarbonIntensityProvider provider) {
            this.intensityProvider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /** The clock; tests pass a manual one. */
        public Builder clock(TrackerClock trackerClock) {
            this.clock = Objects.requireNonNull(trackerClock, "clock");
            return this;
        }

        /**
         * Resolves the configuration, opens the sources, takes the first sample and starts sampling.
         *
         * @throws TrackerConfigurationException for a bad setting
         * @throws NoPowerSourceException when {@code require.power.source} is set and nothing can be measured
         */
        public EmissionsTracker start() {
            TrackerSettings settings = TrackerSettings.resolve(values, configSource);
            return DefaultEmissionsTracker.start(
                    settings,
                    List.copyOf(providers),
                    discoverPowerSources,
                    serviceClassLoader,
                    List.copyOf(outputs),
                    intensityProvider,
                    clock);
        }

        private Builder set(String key, String value) {
            values.put(key, value);
            return this;
        }

        private static String positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d.toNanos() % 1_000_000 == 0 ? d.toMillis() + "ms" : d.toNanos() + "ns";
        }
    }
}
