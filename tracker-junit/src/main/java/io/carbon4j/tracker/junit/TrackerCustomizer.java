package io.carbon4j.tracker.junit;

import io.carbon4j.tracker.EmissionsTracker;

/**
 * Adjusts the tracker that {@link EnergyExtension} starts for a test class: a project name, a forced carbon
 * intensity, a power source registered in code. Named by {@link MeasureEnergy#config()}.
 *
 * <pre>{@code
 * public static final class FrenchGrid implements TrackerCustomizer {
 *     public void customize(EmissionsTracker.Builder builder) {
 *         builder.country("FR").projectName("checkout-service-tests");
 *     }
 * }
 *
 * @MeasureEnergy(config = FrenchGrid.class)
 * class CheckoutTest { ... }
 * }</pre>
 *
 * <p>Implementations need a no-argument constructor that the extension can call (public, or in a package open to
 * {@code io.carbon4j.tracker.junit} when tests run on the module path). The extension applies its own defaults
 * and the annotation's attributes first, so the customizer's calls win.
 *
 * <h2>Thread safety</h2>
 * One instance is created per test class and called once, on the thread that starts the class.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TrackerCustomizer {

    /** Adjusts {@code builder} before the tracker starts. */
    void customize(EmissionsTracker.Builder builder);
}
