package io.carbon4j.tracker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbon4j.tracker.ConfigSource;
import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.TrackerConfigurationException;
import io.carbon4j.tracker.TrackerProperties;
import io.carbon4j.tracker.TrackingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrackerSettingsTest {

    /** A config source that behaves like system properties over environment variables, without touching either. */
    private static ConfigSource layered(Map<String, String> props, Map<String, String> env) {
        return key -> {
            if (props.containsKey(key)) {
                return Optional.of(new ConfigSource.Value(props.get(key), "system property carbon4j." + key));
            }
            String name = ConfigSource.environmentName(key);
            return Optional.ofNullable(env.get(name)).map(v -> new ConfigSource.Value(v, "environment variable " + name));
        };
    }

    private static TrackerSettings resolve(Map<String, String> builder, Map<String, String> props, Map<String, String> env) {
        return TrackerSettings.resolve(builder, layered(props, env));
    }

    @Test
    void resolve_nothingSet_usesDefaults() {
        TrackerSettings s = TrackerSettings.resolve(Map.of(), ConfigSource.empty());

        assertThat(s.projectName).isEqualTo("carbon4j");
        assertThat(s.experimentId).isEqualTo("default");
        assertThat(s.samplingInterval).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.saveInterval).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.trackingMode).isEqualTo(TrackingMode.MACHINE);
        assertThat(s.pue).isEqualTo(1.0);
        assertThat(s.carbonIntensity).isEmpty();
        assertThat(s.outputFormats).containsExactlyInAnyOrder("csv", "jsonl", "log");
        assertThat(s.outputDir).isEqualTo(Path.of("."));
        assertThat(s.raplRoot).isEqualTo(Path.of("/sys/class/powercap"));
        assertThat(s.nvmlLibrary).isEmpty();
        assertThat(s.shutdownHook).isTrue();
        assertThat(s.location.isEmpty()).isTrue();
        assertThat(s.sources).isEmpty();
    }

    @Test
    void resolve_sameKeyEverywhere_builderBeatsPropertyBeatsEnvironment() {
        Map<String, String> env = Map.of("CARBON4J_PUE", "1.3", "CARBON4J_PROJECT_NAME", "from-env",
                "CARBON4J_SAMPLING_INTERVAL", "3s");
        Map<String, String> props = Map.of("pue", "1.2", "project.name", "from-prop");
        Map<String, String> builder = Map.of("pue", "1.1");

        TrackerSettings s = resolve(builder, props, env);

        assertThat(s.pue).isEqualTo(1.1);
        assertThat(s.projectName).isEqualTo("from-prop");
        assertThat(s.samplingInterval).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void system_propertyAndEnvironmentNames_followTheConvention() {
        String key = "test.only.key";
        System.setProperty("carbon4j." + key, "x");
        try {
            assertThat(ConfigSource.system().get(key)).contains(new ConfigSource.Value("x", "system property carbon4j.test.only.key"));
        } finally {
            System.clearProperty("carbon4j." + key);
        }
        assertThat(ConfigSource.environmentName("sampling.interval")).isEqualTo("CARBON4J_SAMPLING_INTERVAL");
        assertThat(ConfigSource.system().get("surely.not.set.anywhere")).isEmpty();
    }

    @Test
    void resolve_badDurationFromEnvironment_namesKeyOriginValueAndForm() {
        assertThatThrownBy(() -> resolve(Map.of(), Map.of(), Map.of("CARBON4J_SAMPLING_INTERVAL", "abc")))
                .isInstanceOf(TrackerConfigurationException.class)
                .hasMessage("Invalid value 'abc' for carbon4j.sampling.interval (from environment variable"
                        + " CARBON4J_SAMPLING_INTERVAL); expected a positive duration of at most 1d, such as 500ms,"
                        + " 10s or 2m");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sampling.interval | 0s          | a positive duration",
        "sampling.interval | -1s         | a positive duration",
        "sampling.interval | 10          | a positive duration",
        "sampling.interval | 2d          | at most 1d",
        "sampling.interval | 10ns        | at least 1ms",
        "save.interval     | soon        | a positive duration",
        "pue               | 0.9         | from 1.0 to 10.0",
        "pue               | NaN         | from 1.0 to 10.0",
        "pue               | 1e400       | from 1.0 to 10.0",
        "pue               | ''          | from 1.0 to 10.0",
        "carbon.intensity  | -5          | gCO2eq/kWh from 0 to 10000",
        "carbon.intensity  | Infinity    | gCO2eq/kWh from 0 to 10000",
        "carbon.intensity  | 12abc       | gCO2eq/kWh from 0 to 10000",
        "tracking.mode     | container   | one of machine, process",
        "attribution.model | fair        | one of capacity, busy",
        "output.formats    | csv,xml     | csv, jsonl, log, or none",
        "output.mode       | overwrite   | one of append, update",
        "shutdown.hook     | yes         | true or false",
        "require.power.source | 1        | true or false",
        "sources           | rapl;nvml   | comma-separated list of power-source names",
        "country           | F*R         | a code of letters",
        "project.name      | '   '       | a non-empty text",
        "cpu.power         | -1          | a power in watts",
        "ram.power         | 1000000     | a power in watts",
        "nvml.library      | ' '         | a file-system path",
    })
    void resolve_badValue_failsWithExpectedForm(String key, String value, String expected) {
        assertThatThrownBy(() -> resolve(Map.of(), Map.of(key, value), Map.of()))
                .isInstanceOf(TrackerConfigurationException.class)
                .hasMessageContaining("for carbon4j." + key + " (from system property carbon4j." + key + ")")
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining(expected);
    }

    @Test
    void resolve_controlCharactersInProjectName_rejectedAndShownEscaped() {
        assertThatThrownBy(() -> resolve(Map.of("project.name", "a\nb,c"), Map.of(), Map.of()))
                .isInstanceOf(TrackerConfigurationException.class)
                .hasMessageContaining("'a\\nb,c' for carbon4j.project.name (from builder)");
    }

    @Test
    void resolve_cloudProviderWithoutRegion_fails() {
        assertThatThrownBy(() -> resolve(Map.of("cloud.provider", "aws"), Map.of(), Map.of()))
                .isInstanceOf(TrackerConfigurationException.class)
                .hasMessageContaining("carbon4j.cloud.region is not");
    }

    @Test
    void resolve_validValues_parsed() {
        Map<String, String> v = new HashMap<>();
        v.put(TrackerProperties.SAMPLING_INTERVAL, "250ms");
        v.put(TrackerProperties.TRACKING_MODE, "PROCESS");
        v.put(TrackerProperties.SOURCES, " rapl , NVML ");
        v.put(TrackerProperties.OUTPUT_FORMATS, "jsonl");
        v.put(TrackerProperties.OUTPUT_MODE, "update");
        v.put(TrackerProperties.CARBON_INTENSITY, "56");
        v.put(TrackerProperties.COUNTRY, "fr");
        v.put(TrackerProperties.NVML_LIBRARY, "/opt/nvidia/lib");

        TrackerSettings s = TrackerSettings.resolve(v, ConfigSource.empty());

        assertThat(s.samplingInterval).isEqualTo(Duration.ofMillis(250));
        assertThat(s.trackingMode).isEqualTo(TrackingMode.PROCESS);
        assertThat(s.sources).containsExactly("rapl", "nvml");
        assertThat(s.outputFormats).containsExactly("jsonl");
        assertThat(s.outputUpdate).isTrue();
        assertThat(s.carbonIntensity).hasValue(56.0);
        assertThat(s.location.country()).isEqualTo("fr");
        assertThat(s.nvmlLibrary).contains(Path.of("/opt/nvidia/lib"));
    }

    @Test
    void builder_typedSetters_validateImmediately() {
        EmissionsTracker.Builder b = EmissionsTracker.builder(ConfigSource.empty());
        assertThatThrownBy(() -> b.samplingInterval(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.pue(0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.carbonIntensity(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.projectName(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void builder_propertyWithPrefix_isTheSameKey() {
        assertThatThrownBy(() -> EmissionsTracker.builder(ConfigSource.empty())
                        .property("carbon4j.pue", "zero")
                        .start())
                .isInstanceOf(TrackerConfigurationException.class)
                .hasMessageContaining("'zero' for carbon4j.pue (from builder)");
    }

    @ParameterizedTest
    @CsvSource({
        "500ms, PT0.5S",
        "10s, PT10S",
        "2m, PT2M",
        "1h, PT1H",
        "1.5s, PT1.5S",
        "250us, PT0.00025S",
        "PT3S, PT3S",
        "' 7 s ', PT7S",
        "1d, PT24H",
    })
    void parse_validDurations(String text, String iso) {
        assertThat(DurationParser.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @CsvSource({"abc", "10", "ms", "1.2.3s", "-1s", "1 parsec", "99999999999999999999h"})
    void parse_invalidDurations_returnNull(String text) {
        assertThat(DurationParser.parse(text)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"PT1S, 1s", "PT0.5S, 500ms", "PT0.00025S, 250us", "PT0.000000001S, 1ns"})
    void format_roundTrips(String iso, String text) {
        assertThat(DurationParser.format(Duration.parse(iso))).isEqualTo(text);
        assertThat(DurationParser.parse(text)).isEqualTo(Duration.parse(iso));
    }
}
