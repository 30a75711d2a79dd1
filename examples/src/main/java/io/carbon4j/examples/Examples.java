package io.carbon4j.examples;

import io.carbon4j.tracker.ConfigSource;
import io.carbon4j.tracker.EmissionsResult;
import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.SourceReport;
import io.carbon4j.tracker.TrackerConfigurationException;
import io.carbon4j.tracker.TrackerProperties;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** What the examples share: the builder a real run starts from, a worker pool, number formatting. */
final class Examples {

    private Examples() {}

    /**
     * The builder the examples' {@code main} methods use: real sources discovered, outputs to
     * {@code carbon4j-output/}, 100 ms sampling (the phases are short). Any {@code carbon4j.*} system property or
     * {@code CARBON4J_*} variable overrides these defaults.
     */
    static EmissionsTracker.Builder realBuilder(String projectName) {
        ConfigSource config = ConfigSource.system();
        EmissionsTracker.Builder builder = EmissionsTracker.builder(config);
        if (config.get(TrackerProperties.PROJECT_NAME).isEmpty()) {
            builder.projectName(projectName);
        }
        if (config.get(TrackerProperties.SAMPLING_INTERVAL).isEmpty()) {
            builder.samplingInterval(Duration.ofMillis(100));
        }
        if (config.get(TrackerProperties.OUTPUT_DIR).isEmpty()) {
            builder.outputDir(Path.of("carbon4j-output"));
        }
        return builder;
    }

    /** A piece of work that may throw. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    /**
     * Runs an example's {@code main} body; a configuration error (a bad {@code carbon4j.*} value) is printed
     * without a stack trace and exits with status 2, as the demo does.
     */
    static void runMain(String example, Body body) throws Exception {
        try {
            body.run();
        } catch (TrackerConfigurationException e) {
            System.err.println(example + ": configuration error: " + e.getMessage());
            System.exit(2);
        }
    }

    /** A daemon pool with one thread per core. */
    static ExecutorService pool(int threads) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "example-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** Sum of the energies (J, with PUE) of the tasks. */
    static double joules(List<EmissionsResult> tasks) {
        return tasks.stream().mapToDouble(EmissionsResult::energyJoules).sum();
    }

    /** Sum of the emissions (kgCO2eq) of the tasks. */
    static double kg(List<EmissionsResult> tasks) {
        return tasks.stream().mapToDouble(EmissionsResult::emissionsKg).sum();
    }

    /**
     * Training and held-out data drawn from the same rule: {@link TinyMlp.Data} draws its rule from the seed, then
     * the samples in order, so the first {@code train} samples of a larger set with the same seed are exactly the
     * training set, and the rest are unseen samples of the same rule.
     */
    static TinyMlp.Data[] trainAndHeldOut(int train, int heldOut, int features, long seed) {
        return new TinyMlp.Data[] {new TinyMlp.Data(train, features, seed), new TinyMlp.Data(train + heldOut, features, seed)};
    }

    /** Accuracy of {@code mlp} on the samples of {@code data} from index {@code from} on. */
    static double accuracy(TinyMlp mlp, TinyMlp.Data data, int from) {
        double[] hidden = new double[mlp.hidden];
        int ok = 0;
        for (int k = from; k < data.y.length; k++) {
            if ((mlp.predict(data.x[k], hidden) >= 0.5 ? 1 : 0) == data.y[k]) {
                ok++;
            }
        }
        return ok / (double) Math.max(1, data.y.length - from);
    }

    /** The sources and intensity lines every example ends with: what the figures rest on. */
    static void printProvenance(EmissionsResult r, PrintStream out) {
        for (SourceReport s : r.sources()) {
            out.println("source " + s);
        }
        out.printf(Locale.ROOT, "cpu %s (%s), gpu %s (%s), ram %s (%s)%n",
                r.cpu().provenance().key(), r.cpu().method(),
                r.gpu().provenance().key(), r.gpu().method(),
                r.ram().provenance().key(), r.ram().method());
        out.println("carbon intensity: " + r.carbonIntensity().describe() + "; PUE " + r.pue());
        if (!r.outputErrors().isEmpty()) {
            out.println("output errors: " + r.outputErrors());
        }
    }
}
