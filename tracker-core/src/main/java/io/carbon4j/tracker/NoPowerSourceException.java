package io.carbon4j.tracker;

/**
 * Thrown by {@code start()} when {@code require.power.source} is set and no power source could be opened. By
 * default a tracker without a source still runs, records duration and carbon intensity, and logs one warning.
 *
 * @since 0.1.0
 */
public final class NoPowerSourceException extends TrackerException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message lists every source tried and why it was skipped. */
    public NoPowerSourceException(String message) {
        super(message);
    }
}
