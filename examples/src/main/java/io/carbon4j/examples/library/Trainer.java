package io.carbon4j.examples.library;

import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.TaskScope;
import java.util.Objects;

/**
 * A small training library, written the way a library adds carbon4j hooks: it accepts an {@link EmissionsTracker}
 * from the application, defaults to {@link EmissionsTracker#noop()}, and only opens tasks around its phases. It
 * never starts a tracker itself: the application owns the one tracker (two samplers on one machine would
 * double-count), and an application that does not measure pays nothing.
 *
 * <p>Tasks opened by {@link #fit}: {@code fit}, and inside it {@code fit/epoch-N} per epoch and
 * {@code fit/evaluate}.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe; one fit at a time.
 */
public final class Trainer {

    /** What the trainer needs of a model. */
    public interface Model {
        /** Trains one epoch; returns the mean loss. */
        double trainEpoch() throws Exception;

        /** Evaluates on held-out data; returns the accuracy. */
        double evaluate() throws Exception;
    }

    /** Called after each epoch. */
    @FunctionalInterface
    public interface EpochListener {
        /** Epoch {@code epoch} (from 1) ended with mean loss {@code loss}. */
        void onEpoch(int epoch, double loss);
    }

    /** The outcome of a fit. */
    public record Fit(int epochs, double finalLoss, double accuracy) {}

    private final EmissionsTracker tracker;

    /** A trainer that measures nothing. */
    public Trainer() {
        this(EmissionsTracker.noop());
    }

    /** A trainer that opens tasks on the application's {@code tracker}. */
    public Trainer(EmissionsTracker tracker) {
        this.tracker = Objects.requireNonNull(tracker, "tracker");
    }

    /** Trains {@code model} for {@code epochs} epochs and evaluates it. */
    public Fit fit(Model model, int epochs, EpochListener listener) throws Exception {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1: " + epochs);
        }
        double loss = Double.NaN;
        double accuracy;
        try (TaskScope fit = tracker.task("fit")) {
            for (int epoch = 1; epoch <= epochs; epoch++) {
                try (TaskScope t = tracker.task("fit/epoch-" + epoch)) {
                    loss = model.trainEpoch();
                }
                listener.onEpoch(epoch, loss);
            }
            try (TaskScope t = tracker.task("fit/evaluate")) {
                accuracy = model.evaluate();
            }
        }
        return new Fit(epochs, loss, accuracy);
    }
}
