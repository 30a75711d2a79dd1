package io.carbon4j.tracker;

/**
 * Base of every exception carbon4j throws. All are unchecked: a tracker must never force a {@code throws} clause
 * onto the code it measures.
 *
 * @since 0.1.0
 */
public class TrackerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message. */
    public TrackerException(String message) {
        super(message);
    }

    /** Creates an exception with a message and its cause. */
    public TrackerException(String message, Throwable cause) {
        super(message, cause);
    }
}
