/**
 * Output writers: CodeCarbon-compatible {@code emissions.csv}, {@code emissions.jsonl}, a log line, and the
 * {@link io.carbon4j.tracker.output.OutputWriter} interface for custom destinations.
 */
package io.carbon4j.tracker.output;
