package io.carbon4j.examples;

import io.carbon4j.tracker.ComponentEnergy;
import io.carbon4j.tracker.EmissionsResult;
import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.SourceReport;
import io.carbon4j.tracker.TaskScope;
import io.carbon4j.tracker.TrackerConfigurationException;
import io.carbon4j.tracker.TrackerProperties;
import io.carbon4j.tracker.ConfigSource;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The carbon4j demo: trains a small neural network on generated data for about {@code --seconds} seconds, each
 * epoch and each validation pass a task, then serves inference queries, and prints what each phase cost.
 *
 * <pre>
 * java -jar examples/target/carbon4j-demo.jar [--seconds N] [--threads N] [--output-dir DIR]
 *      [-Dcarbon4j.country=FR ...any carbon4j.* setting]
 * </pre>
 */
public final class Demo {

    private Demo() {}

    /** Entry point; exit code 2 for a configuration error. */
    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("carbon4j-demo: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        try {
            EmissionsResult result = run(options, System.out);
            if (!result.outputErrors().isEmpty()) {
                System.exit(1);
            }
        } catch (TrackerConfigurationException e) {
            System.err.println("carbon4j-demo: configuration error: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Runs the workload under a tracker and prints the report; returns the final result. */
    static EmissionsResult run(Options options, PrintStream out) throws Exception {
        EmissionsTracker.Builder builder = EmissionsTracker.builder(options.config);
        if (options.outputDir != null) {
            builder.outputDir(options.outputDir);
        } else if (options.config.get(TrackerProperties.OUTPUT_DIR).isEmpty()) {
            builder.outputDir(Path.of("carbon4j-output"));
        }
        if (options.config.get(TrackerProperties.PROJECT_NAME).isEmpty()) {
            builder.projectName("carbon4j-demo");
        }
        if (options.config.get(TrackerProperties.SAMPLING_INTERVAL).isEmpty()) {
            builder.samplingInterval(java.time.Duration.ofMillis(250));
        }
        options.customize.accept(builder);

        out.printf(Locale.ROOT, "carbon4j demo: training a %d-%d-1 MLP on %d samples for ~%d s on %d thread(s)%n",
                options.features, options.hidden, options.samples, options.seconds, options.threads);
        ExecutorService pool = Executors.newFixedThreadPool(options.threads, r -> {
            Thread t = new Thread(r, "demo-worker");
            t.setDaemon(true);
            return t;
        });
        EmissionsResult result;
        int queries = 0;
        try (EmissionsTracker tracker = builder.start()) {
            TinyMlp.Data train;
            TinyMlp.Data validation;
            try (TaskScope prep = tracker.task("data-generation")) {
                // One rule, split: validation must be unseen samples of the rule the model learns.
                TinyMlp.Data all = new TinyMlp.Data(options.samples + options.samples / 4, options.features, 1);
                train = all.slice(0, options.samples);
                validation = all.slice(options.samples, all.y.length);
            }
            TinyMlp model = new TinyMlp(options.features, options.hidden, 3);
            long deadline = System.nanoTime() + (long) (options.seconds * 0.75e9);
            int epoch = 0;
            while (epoch < options.minEpochs || (System.nanoTime() < deadline && epoch < options.maxEpochs)) {
                epoch++;
                double loss;
                try (TaskScope t = tracker.task("epoch-" + epoch)) {
                    loss = model.trainEpoch(train, 256, 0.5, pool, options.threads);
                }
                double acc;
                try (TaskScope t = tracker.task("validation-" + epoch)) {
                    acc = model.accuracy(validation, pool, options.threads);
                }
                out.printf(Locale.ROOT, "  epoch %2d  loss %.4f  validation accuracy %.3f%n", epoch, loss, acc);
            }
            long inferenceEnd = System.nanoTime() + (long) (options.seconds * 0.2e9);
            try (TaskScope t = tracker.task("inference")) {
                double[] h = new double[options.hidden];
                double checksum = 0;
                do {
                    for (int k = 0; k < 1000; k++) {
                        checksum += model.predict(validation.x[queries % validation.x.length], h);
                        queries++;
                    }
                } while (System.nanoTime() < inferenceEnd || queries < 10_000);
                if (Double.isNaN(checksum)) {
                    out.println("  (model diverged)");
                }
            }
            result = tracker.stop();
        } finally {
            pool.shutdownNow();
        }
        report(result, queries, out);
        return result;
    }

    static void report(EmissionsResult r, int queries, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "%-18s %9s %12s %13s %12s %9s%n", "task", "time (s)", "energy (J)", "energy (kWh)",
                "CO2eq (g)", "power (W)");
        long epochCount = r.tasks().stream().filter(t -> t.taskName().orElse("").startsWith("epoch-")).count();
        for (EmissionsResult t : r.tasks("data-generation")) {
            row(out, "data-generation", t.duration().toNanos() / 1e9, t.energyJoules(), t.emissionsKg());
        }
        group(out, r.tasks(), "epoch-", "training (" + epochCount + " ep.)");
        group(out, r.tasks(), "validation-", "validation (" + epochCount + ")");
        for (EmissionsResult t : r.tasks("inference")) {
            row(out, "inference", t.duration().toNanos() / 1e9, t.energyJoules(), t.emissionsKg());
        }
        row(out, "TOTAL (run)", r.duration().toNanos() / 1e9, r.energyJoules(), r.emissionsKg());

        double trainJ = sum(r.tasks(), "epoch-");
        double validJ = sum(r.tasks(), "validation-");
        long epochs = epochCount;
        out.println();
        if (epochs > 0) {
            out.printf(Locale.ROOT, "training: %d epochs, %.2f J per epoch; validation costs %.1f%% of training energy%n",
                    epochs, trainJ / epochs, trainJ > 0 ? 100 * validJ / trainJ : 0);
        }
        List<EmissionsResult> inference = r.tasks("inference");
        if (!inference.isEmpty() && queries > 0) {
            EmissionsResult inf = inference.get(0);
            out.printf(Locale.ROOT, "inference: %d queries, %.3g J and %.3g gCO2eq per query%n", queries,
                    inf.energyJoules() / queries, inf.emissionsKg() * 1000 / queries);
        }
        out.println();
        for (ComponentEnergy c : List.of(r.cpu(), r.gpu(), r.ram())) {
            out.printf(Locale.ROOT, "%-4s %10.2f J  %-12s %s%n", c.component().key(), c.energyJoules(),
                    c.provenance().key(), c.method());
            if (r.trackingMode() == io.carbon4j.tracker.TrackingMode.PROCESS && c.machineEnergyJoules() > 0) {
                out.printf(Locale.ROOT, "     this process %.2f J (%.1f%%) of the machine's %.2f J; unattributed %.2f J%n",
                        c.energyJoules(), 100 * c.energyJoules() / c.machineEnergyJoules(), c.machineEnergyJoules(),
                        c.unattributedJoules());
            }
        }
        out.println("sources:");
        for (SourceReport s : r.sources()) {
            out.println("  " + s);
        }
        out.println("carbon intensity: " + r.carbonIntensity().describe() + "; PUE " + r.pue());
        out.printf(Locale.ROOT, "run %s: %.3f s, %.6f kWh, %.6f kgCO2eq (%d samples every %s)%n", r.runId(),
                r.duration().toNanos() / 1e9, r.energyKwh(), r.emissionsKg(), r.sampling().samples(),
                r.sampling().interval());
        if (!r.outputErrors().isEmpty()) {
            out.println("output errors: " + r.outputErrors());
        }
    }

    private static double sum(List<EmissionsResult> tasks, String prefix) {
        return tasks.stream().filter(t -> t.taskName().orElse("").startsWith(prefix))
                .mapToDouble(EmissionsResult::energyJoules).sum();
    }

    private static void group(PrintStream out, List<EmissionsResult> tasks, String prefix, String label) {
        double seconds = 0;
        double joules = 0;
        double kg = 0;
        for (EmissionsResult t : tasks) {
            if (t.taskName().orElse("").startsWith(prefix)) {
                seconds += t.duration().toNanos() / 1e9;
                joules += t.energyJoules();
                kg += t.emissionsKg();
            }
        }
        row(out, label, seconds, joules, kg);
    }

    private static void row(PrintStream out, String name, double seconds, double joules, double kg) {
        out.printf(Locale.ROOT, "%-18s %9.3f %12.2f %13.3e %12.4f %9.2f%n", name, seconds, joules, joules / 3.6e6,
                kg * 1000, seconds > 0 ? joules / seconds : 0);
    }

    /** Command-line options. */
    static final class Options {
        static final String USAGE = "usage: java -jar carbon4j-demo.jar [--seconds N] [--threads N] [--output-dir DIR]"
                + " [-Dcarbon4j.<key>=<value> ...]";

        int seconds = 10;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        Path outputDir;
        int samples = 40_000;
        int features = 64;
        int hidden = 64;
        int minEpochs = 2;
        int maxEpochs = 1000;
        /** Where unset keys are read from; tests replace it. */
        ConfigSource config = ConfigSource.system();
        java.util.function.Consumer<EmissionsTracker.Builder> customize = b -> {};

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--seconds":
                        o.seconds = positive(a, value(args, ++i, a));
                        break;
                    case "--threads":
                        o.threads = positive(a, value(args, ++i, a));
                        break;
                    case "--output-dir":
                        o.outputDir = Path.of(value(args, ++i, a));
                        break;
                    case "--help":
                    case "-h":
                        throw new IllegalArgumentException("help");
                    default:
                        throw new IllegalArgumentException("unknown argument '" + a + "'");
                }
            }
            return o;
        }

        private static String value(String[] args, int i, String flag) {
            if (i >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[i];
        }

        private static int positive(String flag, String v) {
            try {
                int n = Integer.parseInt(v.strip());
                if (n > 0 && n <= 100_000) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(flag + " expects a positive whole number, got '" + v + "'");
        }
    }
}
