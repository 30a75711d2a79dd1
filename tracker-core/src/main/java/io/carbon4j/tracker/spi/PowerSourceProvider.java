package io.carbon4j.tracker.spi;

/**
 * A factory for a {@link PowerSource}, discovered with {@link java.util.ServiceLoader} or registered in code with
 * {@code EmissionsTracker.Builder.addPowerSource(...)}.
 *
 * <p>Providers must have a cheap public no-argument constructor: discovery instantiates every provider on the
 * class path, including those that are never used. Native libraries and files are touched only in
 * {@link #probe(SourceContext)} and {@link #open(SourceContext)}.
 *
 * <h2>Selection</h2>
 * Available providers are opened in descending {@link #priority()}; for each {@link Component} the
 * highest-priority open source that reports it wins. Estimators use negative priorities so that any measurement
 * beats them. {@code carbon4j.sources=rapl,nvml} selects providers by {@link #name()} instead.
 *
 * <h2>Failure</h2>
 * {@code probe} never throws: it answers {@link Availability#unavailable(String)} with a reason. {@code open} throws
 * {@link PowerSourceException} with a reason; the core reports the provider as skipped and goes on. Anything else
 * thrown (including {@link LinkageError} for a missing native library or class) is caught and reported the same
 * way.
 *
 * <h2>Thread safety</h2>
 * {@code probe} and {@code open} are called on the thread that starts the tracker; providers are typically
 * stateless.
 *
 * @since 0.1.0
 */
public interface PowerSourceProvider {

    /** Stable, lower-case configuration name, e.g. {@code rapl}, {@code nvml}, {@code cpu-model}. */
    String name();

    /** Higher wins per component. Hardware counters use 100, power polling 50, models -100. */
    default int priority() {
        return 0;
    }

    /**
     * The components this provider's sources can report, when known before opening; empty when unknown. The core
     * skips opening a provider whose components are all covered by higher-priority sources, so an estimator that
     * would lose to a measurement never pays its opening cost.
     */
    default java.util.Set<Component> reportableComponents() {
        return java.util.Set.of();
    }

    /** Checks, cheaply and without side effects, whether a source can be opened here. Never throws. */
    Availability probe(SourceContext context);

    /**
     * Opens the source.
     *
     * @throws PowerSourceException with a reason a user can act on when the source cannot be opened
     */
    PowerSource open(SourceContext context) throws PowerSourceException;
}
