package io.carbon4j.tracker.spi;

import io.carbon4j.tracker.TrackerException;

/**
 * Thrown by {@link PowerSourceProvider#open(SourceContext)} when a source cannot be opened. The core reports the
 * provider as skipped with this message and goes on with the other sources.
 *
 * @since 0.1.0
 */
public class PowerSourceException extends TrackerException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message a user can act on. */
    public PowerSourceException(String message) {
        super(message);
    }

    /** Creates an exception with a message and its cause. */
    public PowerSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
