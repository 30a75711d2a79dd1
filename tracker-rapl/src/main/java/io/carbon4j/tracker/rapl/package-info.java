/**
 * Hand wiring of the RAPL power source: {@link io.carbon4j.tracker.rapl.Rapl#provider()} and the source's own
 * configuration key. With {@code tracker-rapl} on the class or module path the tracker finds the source by itself;
 * this package is only needed to register it in code (for example with discovery turned off).
 */
package io.carbon4j.tracker.rapl;
