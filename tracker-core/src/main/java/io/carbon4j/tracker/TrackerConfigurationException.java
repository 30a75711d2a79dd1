package io.carbon4j.tracker;

/**
 * A setting has a value carbon4j cannot use. The message names the key, where the value came from (builder, system
 * property, environment variable), the value, and the expected form, for example:
 *
 * <pre>Invalid value 'abc' for carbon4j.sampling.interval (from environment variable CARBON4J_SAMPLING_INTERVAL);
 * expected a duration such as 500ms, 10s or 2m</pre>
 *
 * <p>Thrown by the builder's setters and by {@code start()}; never while a tracker is running.
 *
 * @since 0.1.0
 */
public final class TrackerConfigurationException extends TrackerException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception with a complete message. */
    public TrackerConfigurationException(String message) {
        super(message);
    }

    /** Creates an exception with a complete message and its cause. */
    public TrackerConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
