package io.carbon4j.tracker.junit;

import io.carbon4j.tracker.ConfigSource;
import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.TrackerProperties;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link MeasureEnergy}: one {@link EmissionsTracker} per test class, one task per
 * test, one CSV row per test.
 *
 * <h2>Lifecycle</h2>
 * The tracker starts in {@code beforeAll} (or before the first annotated test, when only methods are annotated) and
 * is kept in the class's {@link ExtensionContext.Store}, which closes it even if a callback fails. Each test opens a
 * task in {@code beforeEach} and closes it in {@code afterEach}. In {@code afterAll} the tracker stops and the rows
 * are appended to the report: a task's energy is known only after the sample that follows its end. Tests of
 * {@code @Nested} classes share the outermost measured class's tracker, so that two samplers never run at once.
 *
 * <h2>Report</h2>
 * A CSV file (RFC 4180), header written when the file is new, columns: {@code timestamp} (test start, UTC),
 * {@code run_id}, {@code project_name}, {@code test_class}, {@code test_method}, {@code display_name}, {@code status}
 * ({@code passed}, {@code failed}, {@code aborted}, {@code skipped}), {@code duration_s}, {@code energy_joules}
 * (with PUE), {@code emissions_kg} (kgCO2eq), {@code cpu_joules}, {@code gpu_joules}, {@code ram_joules},
 * {@code provenance} (e.g. {@code cpu:measured;gpu:not_measured;ram:estimated}). Skipped tests have empty figures.
 *
 * <h2>Accuracy</h2>
 * The figures are the machine's energy over the test's wall-clock span (or the process's share in
 * {@code carbon4j.tracking.mode=process}). Tests that run in parallel overlap, and each is charged everything drawn
 * while it ran. A test shorter than the sampling interval is interpolated between the two samples around it.
 *
 * <h2>Failure</h2>
 * Measuring never fails a test: a tracker that cannot measure records durations only, and a report that cannot be
 * written is logged. Only a bad configuration (an invalid {@code carbon4j.*} value, a customizer that cannot be
 * created) fails the class, with {@link ExtensionConfigurationException}.
 *
 * <h2>Thread safety</h2>
 * Stateless; the per-class state is in the extension store and is thread-safe, so tests may run in parallel.
 *
 * @since 0.1.0
 */
public final class EnergyExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, TestWatcher {

    /** The configuration parameter (or system property) naming the report file. */
    public static final String REPORT_PARAMETER = "carbon4j.junit.report";

    /** The report file used when neither the annotation nor {@link #REPORT_PARAMETER} names one. */
    public static final Path DEFAULT_REPORT = Path.of("target", "carbon4j", "energy-report.csv");

    static final String DEFAULT_SAMPLING_INTERVAL = "100ms";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EnergyExtension.class);
    private static final String RUN_KEY = "class-run";

    /** Creates the extension; JUnit calls it. */
    public EnergyExtension() {}

    @Override
    public void beforeAll(ExtensionContext context) {
        if (findRun(context).isEmpty()) {
            MeasureEnergy annotation = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), MeasureEnergy.class)
                    .orElse(null);
            context.getStore(NAMESPACE).put(RUN_KEY, startRun(context, annotation));
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ClassRun run = findRun(context).orElseGet(() -> {
            // Only methods are annotated: beforeAll did not run for this extension; start at the class level.
            ExtensionContext classContext = classContext(context);
            MeasureEnergy annotation = context.getTestMethod()
                    .flatMap(m -> AnnotationSupport.findAnnotation(m, MeasureEnergy.class))
                    .orElse(null);
            return classContext.getStore(NAMESPACE)
                    .getOrComputeIfAbsent(RUN_KEY, k -> startRun(classContext, annotation), ClassRun.class);
        });
        run.testStarted(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        findRun(context).ifPresent(run -> run.testFinished(context));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ClassRun run = context.getStore(NAMESPACE).get(RUN_KEY, ClassRun.class);
        if (run != null) {
            run.close();
        }
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        status(context, ClassRun.Status.PASSED);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        status(context, ClassRun.Status.FAILED);
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        status(context, ClassRun.Status.ABORTED);
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        findRun(context).ifPresent(run -> run.testSkipped(context));
    }

    private static void status(ExtensionContext context, ClassRun.Status status) {
        findRun(context).ifPresent(run -> run.status(context, status));
    }

    /** The run of the nearest enclosing context that has one, if any. */
    private static Optional<ClassRun> findRun(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            ClassRun run = c.get().getStore(NAMESPACE).get(RUN_KEY, ClassRun.class);
            if (run != null) {
                return Optional.of(run);
            }
        }
        return Optional.empty();
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    private static ClassRun startRun(ExtensionContext context, MeasureEnergy annotation) {
        Class<?> testClass = context.getRequiredTestClass();
        ConfigSource config = configSource(context);
        EmissionsTracker.Builder builder = EmissionsTracker.builder(config);
        // Defaults of the extension, weaker than any configured value: the extension writes its own report, and
        // tests are short, so sample often.
        if (config.get(TrackerProperties.OUTPUT_FORMATS).isEmpty()) {
            builder.outputFormats("none");
        }
        if (config.get(TrackerProperties.SAMPLING_INTERVAL).isEmpty()) {
            builder.property(TrackerProperties.SAMPLING_INTERVAL, DEFAULT_SAMPLING_INTERVAL);
        }
        if (config.get(TrackerProperties.PROJECT_NAME).isEmpty()) {
            builder.projectName(testClass.getSimpleName());
        }
        Path report = context.getConfigurationParameter(REPORT_PARAMETER).map(Path::of).orElse(DEFAULT_REPORT);
        if (annotation != null) {
            if (!annotation.projectName().isEmpty()) {
                builder.projectName(annotation.projectName());
            }
            if (!annotation.samplingInterval().isEmpty()) {
                builder.property(TrackerProperties.SAMPLING_INTERVAL, annotation.samplingInterval());
            }
            if (!annotation.report().isEmpty()) {
                report = Path.of(annotation.report());
            }
            for (Class<? extends TrackerCustomizer> type : annotation.config()) {
                instantiate(type).customize(builder);
            }
        }
        try {
            return new ClassRun(testClass, builder.start(), report);
        } catch (RuntimeException e) {
            throw new ExtensionConfigurationException(
                    "carbon4j could not start a tracker for " + testClass.getName() + ": " + e.getMessage(), e);
        }
    }

    /** {@code carbon4j.*} from JUnit configuration parameters (which include system properties), then the environment. */
    private static ConfigSource configSource(ExtensionContext context) {
        ConfigSource system = ConfigSource.system();
        return key -> {
            String name = TrackerProperties.PREFIX + key;
            Optional<String> value = context.getConfigurationParameter(name);
            if (value.isPresent()) {
                return Optional.of(new ConfigSource.Value(value.get(), "JUnit configuration parameter " + name));
            }
            return system.get(key);
        };
    }

    private static TrackerCustomizer instantiate(Class<? extends TrackerCustomizer> type) {
        try {
            Constructor<? extends TrackerCustomizer> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExtensionConfigurationException("@MeasureEnergy(config = " + type.getName() + ".class): cannot"
                    + " create the customizer; it needs a no-argument constructor that io.carbon4j.tracker.junit can"
                    + " call (a public or static nested class; on the module path, its package opened to"
                    + " io.carbon4j.tracker.junit): " + e, e);
        }
    }
}
