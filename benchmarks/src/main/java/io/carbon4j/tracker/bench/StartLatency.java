package io.carbon4j.tracker.bench;

import io.carbon4j.tracker.EmissionsResult;
import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.SourceReport;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One cold start and stop, in the JVM that runs this main: the time from building the tracker to {@code start()}
 * returning (discovery, probing, opening, the table lookup, the first sample, the outputs' start) and the time of
 * {@code stop()} with CSV and JSONL written. {@link StartLatencyRunner} runs it in fresh JVMs.
 *
 * <p>Prints one line: {@code RESULT start_ms=... stop_ms=... jvm_to_main_ms=... classes=...}. The JVM's own
 * figures (time from JVM start to main, loaded classes) are read after the timed part, so that the management
 * classes they need are not loaded for the tracker in advance.
 *
 * <p>Usage: {@code StartLatency rapl|discover RAPL_ROOT OUTPUT_DIR}. The runner builds the fake powercap tree and
 * removes the output directory, so that this JVM does nothing before the timed part that a real application would
 * not do (building the tree here would load the file-system classes ahead of the tracker).
 */
public final class StartLatency {

    private StartLatency() {}

    public static void main(String[] args) throws Exception {
        long mainMillis = System.currentTimeMillis();
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: StartLatency rapl|discover RAPL_ROOT OUTPUT_DIR");
        }
        Path root = Path.of(args[1]);
        Path out = Path.of(args[2]);
        long t0 = System.nanoTime();
        EmissionsTracker tracker = TrackerPresets.builder(args[0], root, out).start();
        long t1 = System.nanoTime();
        EmissionsResult result = tracker.stop();
        long t2 = System.nanoTime();
        if (result.sources().stream().noneMatch(r -> r.name().equals("rapl") && r.status() == SourceReport.Status.USED)) {
            throw new IllegalStateException("RAPL was not used: " + result.sources());
        }
        if (!result.outputErrors().isEmpty()) {
            throw new IllegalStateException("outputs failed: " + result.outputErrors());
        }
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        System.out.printf(Locale.ROOT, "RESULT start_ms=%.3f stop_ms=%.3f jvm_to_main_ms=%d classes=%d%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, mainMillis - jvmStart, classes);
    }
}
