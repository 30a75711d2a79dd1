/**
 * The service-provider interface for power sources and carbon-intensity providers.
 *
 * <p>A {@link io.carbon4j.tracker.spi.PowerSourceProvider} is discovered with {@link java.util.ServiceLoader} (or
 * registered in code) and opens a {@link io.carbon4j.tracker.spi.PowerSource}, which reports cumulative energy per
 * {@link io.carbon4j.tracker.spi.Channel}. Sources know nothing of the core beyond this package and
 * {@link io.carbon4j.tracker.spi.SourceContext}.
 */
package io.carbon4j.tracker.spi;
