package io.carbon4j.examples;

import io.carbon4j.tracker.EmissionsResult;
import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.TaskScope;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;

/**
 * Trains two models of different cost on the same data, each epoch, validation pass and inference phase a task,
 * and answers the question an ML engineer asks: does the model that costs more to train pay back its training
 * energy in cheaper queries, and after how many?
 *
 * <p>Model A is a wide network (128 hidden units) trained for 2 epochs; model B a narrow one (16 hidden units)
 * trained for 40, which costs more to train but is cheaper per query. The break-even is the training-energy difference divided by the per-query energy difference.
 *
 * <pre>
 * java -cp examples/target/carbon4j-demo.jar io.carbon4j.examples.TrainingLoopExample
 * </pre>
 */
public final class TrainingLoopExample {

    /** One model under comparison: what a training loop needs of it. */
    interface Model {
        /** One epoch of training; returns the mean loss. */
        double trainEpoch() throws Exception;

        /** One validation pass; returns the accuracy. */
        double validate() throws Exception;

        /** Answers inference query number {@code i}. */
        double query(int i);
    }

    /** A model, its name and how many epochs it is trained. */
    record Candidate(String name, Model model, int epochs) {}

    /** What one candidate cost: energies in joules (with PUE), emissions in kgCO2eq. */
    record Cost(String name, int epochs, double trainingJoules, double trainingKg, double validationJoules,
            double validationKg, int queries, double inferenceJoules, double inferenceKg) {

        double joulesPerEpoch() {
            return trainingJoules / epochs;
        }

        double joulesPerQuery() {
            return inferenceJoules / queries;
        }

        double kgPerQuery() {
            return inferenceKg / queries;
        }
    }

    private TrainingLoopExample() {}

    /** Runs the comparison on this machine's real power sources. */
    public static void main(String[] args) throws Exception {
        Examples.runMain("TrainingLoopExample", () -> {
            int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
            ExecutorService pool = Examples.pool(threads);
            try {
                run(Examples.realBuilder("training-loop-example"), candidates(pool, threads), 100_000, System.out);
            } finally {
                pool.shutdownNow();
            }
        });
    }

    /**
     * The two real candidates: a wide network trained for 2 epochs and a narrow one trained for 40, on 20,000
     * generated samples of 64 features, validated and queried on 5,000 unseen samples. Before returning, it warms
     * up the JIT on a throwaway network, so that compilation is not charged to whichever model runs first.
     */
    static List<Candidate> candidates(ExecutorService pool, int threads) throws Exception {
        TinyMlp.Data[] data = Examples.trainAndHeldOut(20_000, 5_000, 64, 1);
        TinyMlp warmUp = new TinyMlp(64, 32, 9);
        for (int i = 0; i < 3; i++) {
            warmUp.trainEpoch(data[0], 256, 0.5, pool, threads);
            Examples.accuracy(warmUp, data[1], 20_000);
        }
        MlpModel wide = new MlpModel(new TinyMlp(64, 128, 3), data[0], data[1], pool, threads);
        MlpModel narrow = new MlpModel(new TinyMlp(64, 16, 3), data[0], data[1], pool, threads);
        return List.of(new Candidate("A wide (128 hidden)", wide, 2), new Candidate("B narrow (16 hidden)", narrow, 40));
    }

    /** Trains, validates and queries each candidate under one tracker, then prints and returns the costs. */
    static List<Cost> run(EmissionsTracker.Builder builder, List<Candidate> candidates, int queries, PrintStream out)
            throws Exception {
        EmissionsResult result;
        try (EmissionsTracker tracker = builder.start()) {
            for (Candidate c : candidates) {
                for (int epoch = 1; epoch <= c.epochs(); epoch++) {
                    double loss;
                    try (TaskScope t = tracker.task(c.name() + "/epoch-" + epoch)) {
                        loss = c.model().trainEpoch();
                    }
                    if (epoch == c.epochs()) {
                        out.printf(Locale.ROOT, "%s: %d epochs, final loss %.4f%n", c.name(), epoch, loss);
                    }
                }
                double accuracy;
                try (TaskScope t = tracker.task(c.name() + "/validation")) {
                    accuracy = c.model().validate();
                }
                out.printf(Locale.ROOT, "%s: validation accuracy %.3f%n", c.name(), accuracy);
                double checksum = 0;
                try (TaskScope t = tracker.task(c.name() + "/inference")) {
                    for (int q = 0; q < queries; q++) {
                        checksum += c.model().query(q);
                    }
                }
                if (Double.isNaN(checksum)) {
                    out.println(c.name() + ": the model diverged");
                }
            }
            result = tracker.stop();
        }
        List<Cost> costs = new ArrayList<>();
        for (Candidate c : candidates) {
            List<EmissionsResult> epochs = new ArrayList<>();
            for (int epoch = 1; epoch <= c.epochs(); epoch++) {
                epochs.addAll(result.tasks(c.name() + "/epoch-" + epoch));
            }
            List<EmissionsResult> validation = result.tasks(c.name() + "/validation");
            List<EmissionsResult> inference = result.tasks(c.name() + "/inference");
            costs.add(new Cost(c.name(), c.epochs(), Examples.joules(epochs), Examples.kg(epochs),
                    Examples.joules(validation), Examples.kg(validation), queries, Examples.joules(inference),
                    Examples.kg(inference)));
        }
        print(result, costs, out);
        return costs;
    }

    /**
     * The number of queries after which the candidate that costs more to train has saved that extra energy, or
     * empty when it never does (it is not cheaper per query).
     */
    static OptionalDouble breakEvenQueries(Cost a, Cost b) {
        Cost dearer = b.trainingJoules() >= a.trainingJoules() ? b : a;
        Cost cheaper = dearer == b ? a : b;
        double extraTraining = dearer.trainingJoules() - cheaper.trainingJoules();
        double savingPerQuery = cheaper.joulesPerQuery() - dearer.joulesPerQuery();
        if (savingPerQuery <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(extraTraining / savingPerQuery);
    }

    /** The break-even sentence for two candidates. */
    static String breakEvenLine(Cost a, Cost b) {
        if (a.trainingJoules() + b.trainingJoules() + a.inferenceJoules() + b.inferenceJoules() == 0) {
            return "break-even: not computable, no energy was measured (see the sources below)";
        }
        Cost dearer = b.trainingJoules() >= a.trainingJoules() ? b : a;
        Cost cheaper = dearer == b ? a : b;
        OptionalDouble n = breakEvenQueries(a, b);
        if (n.isEmpty()) {
            return String.format(Locale.ROOT, "break-even: %s costs %.4g J more to train and is not cheaper per"
                    + " query: it never pays back", dearer.name(), dearer.trainingJoules() - cheaper.trainingJoules());
        }
        return String.format(Locale.ROOT, "break-even: %s's extra training (%.4g J) pays back after %d queries"
                + " (it saves %.4g J per query)", dearer.name(), dearer.trainingJoules() - cheaper.trainingJoules(),
                (long) Math.ceil(n.getAsDouble()), cheaper.joulesPerQuery() - dearer.joulesPerQuery());
    }

    private static void print(EmissionsResult r, List<Cost> costs, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "%-22s %-10s %12s %12s%n", "model", "phase", "energy (J)", "CO2eq (g)");
        for (Cost c : costs) {
            out.printf(Locale.ROOT, "%-22s %-10s %12.4g %12.4g%n", c.name(), "training", c.trainingJoules(),
                    c.trainingKg() * 1000);
            out.printf(Locale.ROOT, "%-22s %-10s %12.4g %12.4g%n", "", "validation", c.validationJoules(),
                    c.validationKg() * 1000);
            out.printf(Locale.ROOT, "%-22s %-10s %12.4g %12.4g%n", "", "inference", c.inferenceJoules(),
                    c.inferenceKg() * 1000);
        }
        out.println();
        for (Cost c : costs) {
            out.printf(Locale.ROOT, "%s: %.4g J per epoch (%d epochs); %.4g J and %.4g gCO2eq per query (%d queries)%n",
                    c.name(), c.joulesPerEpoch(), c.epochs(), c.joulesPerQuery(), c.kgPerQuery() * 1000, c.queries());
        }
        if (costs.size() >= 2) {
            out.println(breakEvenLine(costs.get(0), costs.get(1)));
        }
        out.printf(Locale.ROOT, "run: %.3f s, %.4g J, %.4g gCO2eq%n", r.duration().toNanos() / 1e9, r.energyJoules(),
                r.emissionsKg() * 1000);
        Examples.printProvenance(r, out);
    }

    /**
     * A {@link TinyMlp} with its data: the real workload of {@link #main}. Validation and queries use the samples
     * of {@code all} past the training set's size: unseen samples of the same rule.
     */
    static final class MlpModel implements Model {
        private final TinyMlp mlp;
        private final TinyMlp.Data train;
        private final TinyMlp.Data all;
        private final ExecutorService pool;
        private final int threads;
        private final double[] hidden;

        MlpModel(TinyMlp mlp, TinyMlp.Data train, TinyMlp.Data all, ExecutorService pool, int threads) {
            if (all.y.length <= train.y.length) {
                throw new IllegalArgumentException("no held-out samples: " + all.y.length + " <= " + train.y.length);
            }
            this.mlp = mlp;
            this.train = train;
            this.all = all;
            this.pool = pool;
            this.threads = threads;
            this.hidden = new double[mlp.hidden];
        }

        @Override
        public double trainEpoch() throws Exception {
            return mlp.trainEpoch(train, 256, 0.5, pool, threads);
        }

        @Override
        public double validate() {
            return Examples.accuracy(mlp, all, train.y.length);
        }

        @Override
        public double query(int i) {
            int heldOut = all.y.length - train.y.length;
            return mlp.predict(all.x[train.y.length + i % heldOut], hidden);
        }
    }
}
