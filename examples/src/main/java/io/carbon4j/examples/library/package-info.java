/** An example library that accepts an {@link io.carbon4j.tracker.EmissionsTracker} and defaults to the no-op one. */
package io.carbon4j.examples.library;
