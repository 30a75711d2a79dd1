package io.carbon4j.tracker;

/**
 * A named task opened with {@link EmissionsTracker#task(String)}: an epoch, a validation pass, an inference
 * batch. Closing it records its end; its result appears in {@link EmissionsResult#tasks()}.
 *
 * <p>A task is a pair of counter snapshots, so opening and closing cost a clock read and an allocation; tasks may
 * nest and overlap freely and be opened and closed on any thread.
 *
 * <h2>Thread safety</h2>
 * Thread-safe; {@link #close()} is idempotent.
 *
 * @since 0.1.0
 */
public interface TaskScope extends AutoCloseable {

    /** The task's name. */
    String name();

    /** Whether the task is still open. */
    boolean isOpen();

    /** Ends the task. Idempotent; never throws. */
    @Override
    void close();
}
