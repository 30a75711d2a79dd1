package io.carbon4j.examples;

import io.carbon4j.examples.library.Trainer;
import io.carbon4j.tracker.EmissionsResult;
import io.carbon4j.tracker.EmissionsTracker;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.ExecutorService;

/**
 * An application using a library ({@link Trainer}) that has carbon4j hooks: the application starts the one
 * tracker and passes it in; the library's tasks then appear in the application's result. Without a tracker the
 * library measures nothing and starts no thread.
 *
 * <pre>
 * java -cp examples/target/carbon4j-demo.jar io.carbon4j.examples.LibraryAuthorExample
 * </pre>
 */
public final class LibraryAuthorExample {

    private LibraryAuthorExample() {}

    /** Fits a model with the library, measured on this machine's real power sources. */
    public static void main(String[] args) throws Exception {
        Examples.runMain("LibraryAuthorExample", () -> {
            int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
            ExecutorService pool = Examples.pool(threads);
            try {
                TinyMlp mlp = new TinyMlp(64, 64, 3);
                TinyMlp.Data[] data = Examples.trainAndHeldOut(20_000, 5_000, 64, 1);
                Trainer.Model model = new Trainer.Model() {
                    @Override
                    public double trainEpoch() throws Exception {
                        return mlp.trainEpoch(data[0], 256, 0.5, pool, threads);
                    }

                    @Override
                    public double evaluate() {
                        return Examples.accuracy(mlp, data[1], data[0].y.length);
                    }
                };
                run(Examples.realBuilder("library-author-example"), model, 5, System.out);
            } finally {
                pool.shutdownNow();
            }
        });
    }

    /** Starts the tracker, hands it to the library, and prints the library's tasks. */
    static EmissionsResult run(EmissionsTracker.Builder builder, Trainer.Model model, int epochs, PrintStream out)
            throws Exception {
        EmissionsResult result;
        try (EmissionsTracker tracker = builder.start()) {
            Trainer trainer = new Trainer(tracker);
            Trainer.Fit fit = trainer.fit(model, epochs,
                    (epoch, loss) -> out.printf(Locale.ROOT, "epoch %d: loss %.4f%n", epoch, loss));
            out.printf(Locale.ROOT, "accuracy %.3f%n", fit.accuracy());
            result = tracker.stop();
        }
        out.println();
        out.printf(Locale.ROOT, "%-14s %9s %12s %12s%n", "task", "time (s)", "energy (J)", "CO2eq (g)");
        for (EmissionsResult task : result.tasks()) {
            out.printf(Locale.ROOT, "%-14s %9.3f %12.4g %12.4g%n", task.taskName().orElse(""),
                    task.duration().toNanos() / 1e9, task.energyJoules(), task.emissionsKg() * 1000);
        }
        Examples.printProvenance(result, out);
        return result;
    }
}
