/**
 * The RAPL power source: powercap zone discovery, counter reading with wrap-around handling, and the provider
 * registered with {@link java.util.ServiceLoader}. Not exported; see {@code docs/rapl.md} for the rules it follows.
 */
package io.carbon4j.tracker.rapl.internal;
