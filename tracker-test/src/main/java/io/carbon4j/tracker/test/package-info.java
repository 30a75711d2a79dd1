/**
 * Test fixtures for code that uses or extends carbon4j: a {@link io.carbon4j.tracker.test.ManualClock} that moves
 * only when a test says so, an immutable {@link io.carbon4j.tracker.test.TestSourceContext} to open providers with,
 * a {@link io.carbon4j.tracker.test.FakePowerSource} that draws set watts over that clock, and
 * {@link io.carbon4j.tracker.test.PowerSourceContract}, the JUnit 5 tests every
 * {@link io.carbon4j.tracker.spi.PowerSource} should pass. Published so that source authors and users test against
 * the same fixtures as carbon4j's own modules; add the artifact with test scope.
 */
package io.carbon4j.tracker.test;
