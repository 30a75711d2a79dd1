package io.carbon4j.tracker.output;

import io.carbon4j.tracker.EmissionsResult;
import java.io.IOException;

/**
 * Receives results: once at start (for a start line), periodically with running totals (crash safety and
 * {@code flush()}), and once with the final result.
 *
 * <p>A writer that throws never fails the user's run: the tracker logs the failure, records it in
 * {@link EmissionsResult#outputErrors()}, and goes on with the other writers (unless
 * {@code fail.on.output.error} is set, and then only {@code stop()} throws).
 *
 * <h2>Thread safety</h2>
 * The tracker never calls one writer from two threads at once.
 *
 * @since 0.1.0
 */
public interface OutputWriter {

    /** A short name for logs and error messages ({@code csv}, {@code jsonl}, {@code log}). */
    String name();

    /** Called once when the tracker has started, with an empty result that carries sources and intensity. */
    default void start(EmissionsResult initial) throws IOException {}

    /**
     * Writes a result: running totals ({@link EmissionsResult#isFinal()} false) or the final result. Each call
     * supersedes the previous one for the same run id.
     */
    void write(EmissionsResult result) throws IOException;

    /** Called once after the final write. */
    default void close() throws IOException {}
}
