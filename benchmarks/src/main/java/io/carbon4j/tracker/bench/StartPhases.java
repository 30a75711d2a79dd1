package io.carbon4j.tracker.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.TrackingMode;
import io.carbon4j.tracker.intensity.CarbonIntensityTable;
import io.carbon4j.tracker.intensity.GridLocation;
import io.carbon4j.tracker.spi.EnergySample;
import io.carbon4j.tracker.spi.PowerSource;
import io.carbon4j.tracker.spi.PowerSourceProvider;
import io.carbon4j.tracker.spi.SourceContext;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Where a cold start's time goes: the pieces of {@code start()} and {@code stop()} run one after another in a fresh
 * JVM, each timed, then the real start and stop, which now pay only what the pieces did not warm up. A piece's time
 * is what it costs when it runs first in the JVM (class loading, linking, static initialisation, interpretation).
 * Prints {@code PHASE <name> <ms>} lines. {@link StartLatencyRunner} runs it with {@code --phases}.
 *
 * <p>Usage: {@code StartPhases RAPL_ROOT OUTPUT_DIR}
 */
public final class StartPhases {

    private static long last;

    private StartPhases() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path out = Path.of(args[1]);
        last = System.nanoTime();
        LoggerFactory.getLogger(StartPhases.class).isInfoEnabled();
        phase("slf4j-init");
        Runnable lambda = () -> { };
        lambda.run();
        phase("first-lambda");
        CarbonIntensityTable.bundled().lookup(GridLocation.country("DE"));
        phase("intensity-table");
        List<PowerSourceProvider> providers = new ArrayList<>();
        for (PowerSourceProvider p : ServiceLoader.load(PowerSourceProvider.class)) {
            p.name();
            providers.add(p);
        }
        phase("discovery");
        SourceContext context = context(root);
        PowerSourceProvider rapl = null;
        for (PowerSourceProvider p : providers) {
            long t = System.nanoTime();
            p.probe(context);
            System.out.printf(Locale.ROOT, "PHASE probe-%s %.3f%n", p.name(), (System.nanoTime() - t) / 1e6);
            if (p.name().equals("rapl")) {
                rapl = p;
            }
        }
        last = System.nanoTime();
        PowerSource source = rapl.open(context);
        EnergySample sample = new EnergySample(source.channels().size());
        source.read(sample);
        source.close();
        phase("rapl-open-read-close");
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
        executor.submit(() -> { }).get();
        executor.shutdown();
        executor.awaitTermination(1, TimeUnit.SECONDS);
        phase("executor-thread");
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.writeStartObject();
            g.writeNumberField("energy_kwh", 1.5e-6);
            g.writeEndObject();
        }
        phase("jackson-generator");
        String.format(Locale.ROOT, "%.6f %s", 1.5, "x");
        phase("string-format");
        UUID.randomUUID();
        phase("uuid-securerandom");
        Path tmp = Files.createTempFile("carbon4j-bench", ".tmp");
        Files.move(tmp, tmp.resolveSibling(tmp.getFileName() + ".moved"), StandardCopyOption.ATOMIC_MOVE);
        Files.delete(tmp.resolveSibling(tmp.getFileName() + ".moved"));
        phase("temp-file-atomic-move");
        EmissionsTracker tracker = TrackerPresets.builder("discover", root, out).start();
        phase("tracker-start-rest");
        tracker.stop();
        phase("tracker-stop-rest");
    }

    private static void phase(String name) {
        long now = System.nanoTime();
        System.out.printf(Locale.ROOT, "PHASE %s %.3f%n", name, (now - last) / 1e6);
        last = System.nanoTime();
    }

    private static SourceContext context(Path root) {
        return new SourceContext() {
            @Override
            public Path raplRoot() {
                return root;
            }

            @Override
            public Optional<Path> nvmlLibrary() {
                return Optional.empty();
            }

            @Override
            public TrackingMode trackingMode() {
                return TrackingMode.MACHINE;
            }

            @Override
            public Duration samplingInterval() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Optional<String> property(String key) {
                return Optional.empty();
            }

            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public long processId() {
                return ProcessHandle.current().pid();
            }
        };
    }
}
