package io.carbon4j.tracker.junit;

import io.carbon4j.tracker.EmissionsResult;
import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.TaskScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The measurement of one test class: its tracker, one record per test, and the report rows written when it closes.
 * Closed by {@code afterAll}, or by the extension store when the class context closes; closing twice does nothing.
 */
final class ClassRun implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClassRun.class);
    /** Serialises appends from classes running in parallel in one JVM; a file lock covers other JVMs (forks). */
    private static final Object REPORT_LOCK = new Object();

    static final String HEADER = "timestamp,run_id,project_name,test_class,test_method,display_name,status,"
            + "duration_s,energy_joules,emissions_kg,cpu_joules,gpu_joules,ram_joules,provenance";

    enum Status {
        PASSED, FAILED, ABORTED, SKIPPED;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Class<?> testClass;
    private final EmissionsTracker tracker;
    private final Path report;
    private final Object lock = new Object();
    private final Map<String, TestRecord> records = new LinkedHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    ClassRun(Class<?> testClass, EmissionsTracker tracker, Path report) {
        this.testClass = testClass;
        this.tracker = tracker;
        this.report = report;
    }

    void testStarted(ExtensionContext context) {
        String method = context.getTestMethod().map(m -> m.getName()).orElse(context.getDisplayName());
        synchronized (lock) {
            // Opening the task under the lock keeps the records in the order of result.tasks().
            TestRecord r = new TestRecord(context, method, Instant.now());
            r.task = tracker.task(method);
            records.put(context.getUniqueId(), r);
        }
    }

    void testFinished(ExtensionContext context) {
        TestRecord r = record(context);
        if (r != null && r.task != null) {
            r.task.close();
            if (r.status == null) {
                // TestWatcher has not reported yet (it runs after afterEach); a later call replaces this.
                r.status = context.getExecutionException().isPresent() ? Status.FAILED : Status.PASSED;
            }
        }
    }

    void status(ExtensionContext context, Status status) {
        TestRecord r = record(context);
        if (r != null) {
            r.status = status;
        }
    }

    void testSkipped(ExtensionContext context) {
        String method = context.getTestMethod().map(m -> m.getName()).orElse(context.getDisplayName());
        TestRecord r = new TestRecord(context, method, Instant.now());
        r.status = Status.SKIPPED;
        synchronized (lock) {
            records.put(context.getUniqueId(), r);
        }
    }

    private TestRecord record(ExtensionContext context) {
        synchronized (lock) {
            return records.get(context.getUniqueId());
        }
    }

    /** Stops the tracker and appends the rows. Never throws; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        EmissionsResult result;
        try {
            result = tracker.stop();
        } catch (RuntimeException e) {
            LOG.warn("carbon4j: stopping the tracker of {} failed; using its last running totals", testClass.getName(), e);
            result = tracker.snapshot();
        } finally {
            tracker.close();
        }
        List<String> rows;
        synchronized (lock) {
            rows = rows(result);
        }
        try {
            append(report, rows);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("carbon4j: could not write the energy report {} for {}", report.toAbsolutePath(), testClass.getName(), e);
        }
    }

    private List<String> rows(EmissionsResult result) {
        List<EmissionsResult> tasks = result.tasks();
        List<String> rows = new ArrayList<>();
        int next = 0;
        for (TestRecord r : records.values()) {
            EmissionsResult task = null;
            if (r.task != null && next < tasks.size()) {
                task = tasks.get(next++);
            }
            rows.add(row(result, r, task));
        }
        return rows;
    }

    private String row(EmissionsResult run, TestRecord r, EmissionsResult task) {
        List<String> cells = new ArrayList<>();
        cells.add(r.start.toString());
        cells.add(run.runId());
        cells.add(run.projectName());
        cells.add(r.className);
        cells.add(r.method);
        cells.add(r.displayName);
        cells.add((r.status == null ? Status.PASSED : r.status).key());
        if (task == null) {
            for (int i = 0; i < 7; i++) {
                cells.add("");
            }
        } else {
            cells.add(number(task.duration().toNanos() / 1e9));
            cells.add(number(task.energyJoules()));
            cells.add(number(task.emissionsKg()));
            cells.add(number(task.cpu().energyJoules()));
            cells.add(number(task.gpu().energyJoules()));
            cells.add(number(task.ram().energyJoules()));
            cells.add("cpu:" + task.cpu().provenance().key() + ";gpu:" + task.gpu().provenance().key() + ";ram:"
                    + task.ram().provenance().key());
        }
        StringBuilder line = new StringBuilder();
        for (String cell : cells) {
            if (line.length() > 0) {
                line.append(',');
            }
            line.append(csv(cell));
        }
        return line.toString();
    }

    private static String number(double value) {
        return Double.toString(value);
    }

    static String csv(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static void append(Path report, List<String> rows) throws IOException {
        Path parent = report.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        synchronized (REPORT_LOCK) {
            try (FileChannel channel = FileChannel.open(report, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
                    FileLock ignored = channel.lock()) {
                StringBuilder text = new StringBuilder();
                if (channel.size() == 0) {
                    text.append(HEADER).append('\n');
                }
                for (String row : rows) {
                    text.append(row).append('\n');
                }
                channel.write(java.nio.ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    /** One test: its task (none when skipped) and its outcome. */
    private static final class TestRecord {
        final String className;
        final String method;
        final String displayName;
        final Instant start;
        TaskScope task;
        volatile Status status;

        TestRecord(ExtensionContext context, String method, Instant start) {
            this.className = context.getTestClass().map(Class::getName).orElse("");
            this.method = method;
            this.displayName = context.getDisplayName();
            this.start = start;
        }
    }
}
