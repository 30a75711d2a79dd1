package io.carbon4j.tracker.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Measures the energy and emissions of each test with carbon4j and appends one row per test to a CSV report.
 *
 * <pre>{@code
 * @MeasureEnergy
 * class MatrixTest {
 *     @Test
 *     void multiply_largeMatrices_matchesReference() { ... }
 * }
 * }</pre>
 *
 * <p>One tracker runs per test class (started before the first test, stopped after the last); each test method is
 * a task of it. The report is written when the class finishes, because a task's energy is known only once the
 * sample after its end has been taken. See {@link EnergyExtension} for the report's columns.
 *
 * <h2>Configuration</h2>
 * Attributes here beat the usual {@code carbon4j.*} keys, which are read from JUnit configuration parameters
 * ({@code junit-platform.properties}, {@code -D} system properties), then from {@code CARBON4J_*} environment
 * variables. A {@link #config() customizer} runs last and wins over both.
 *
 * @since 0.1.0
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EnergyExtension.class)
public @interface MeasureEnergy {

    /** The project name written to the report; default {@code carbon4j.project.name}, else the class's simple name. */
    String projectName() default "";

    /**
     * The sampling interval, e.g. {@code 50ms}; default {@code carbon4j.sampling.interval}, else {@code 100ms}. A
     * test's energy is resolved to this interval: shorter tests are interpolated between two samples.
     */
    String samplingInterval() default "";

    /**
     * The CSV report file, appended to; default the configuration parameter {@code carbon4j.junit.report}, else
     * {@code target/carbon4j/energy-report.csv} under the working directory.
     */
    String report() default "";

    /** Customizers applied, in order, to the tracker's builder after everything else. */
    Class<? extends TrackerCustomizer>[] config() default {};
}
