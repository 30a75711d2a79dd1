/**
 * A JUnit 5 extension that measures each test's energy and emissions with carbon4j: annotate a test class or
 * method with {@link io.carbon4j.tracker.junit.MeasureEnergy}.
 */
package io.carbon4j.tracker.junit;
