package io.carbon4j.tracker;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a tracker reads settings that the builder did not set. Keys are given without the {@code carbon4j.}
 * prefix ({@code sampling.interval}).
 *
 * <p>{@link #system()} reads the system property {@code carbon4j.<key>} first, then the environment variable
 * {@code CARBON4J_<KEY>} (upper case, {@code .} as {@code _}). Tests use {@link #of(Map)} or {@link #empty()} so
 * that they never depend on the real environment.
 *
 * <h2>Thread safety</h2>
 * Implementations must be thread-safe.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ConfigSource {

    /** A value and where it came from, e.g. {@code system property carbon4j.pue}. */
    record Value(String value, String origin) {
        /** Validates the fields. */
        public Value {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(origin, "origin");
        }
    }

    /** The value of {@code key}, if this source has one. */
    Optional<Value> get(String key);

    /** System properties {@code carbon4j.*}, then environment variables {@code CARBON4J_*}. */
    static ConfigSource system() {
        return key -> {
            String property = TrackerProperties.PREFIX + key;
            String value = System.getProperty(property);
            if (value != null) {
                return Optional.of(new Value(value, "system property " + property));
            }
            String env = environmentName(key);
            value = System.getenv(env);
            return value == null ? Optional.empty() : Optional.of(new Value(value, "environment variable " + env));
        };
    }

    /** A fixed map of keys (without prefix) to values; the origin reads {@code config map}. */
    static ConfigSource of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return key -> Optional.ofNullable(copy.get(key)).map(v -> new Value(v, "config map key " + key));
    }

    /** A source with no values: only builder calls and defaults apply. */
    static ConfigSource empty() {
        return key -> Optional.empty();
    }

    /** The environment variable name of {@code key}: {@code sampling.interval} is {@code CARBON4J_SAMPLING_INTERVAL}. */
    static String environmentName(String key) {
        return "CARBON4J_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
