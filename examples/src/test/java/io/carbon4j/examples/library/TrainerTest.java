package io.carbon4j.examples.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbon4j.examples.Bench;
import io.carbon4j.tracker.EmissionsResult;
import io.carbon4j.tracker.EmissionsTracker;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerTest {

    private static List<String> trackerThreads() {
        List<String> names = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("emissions-tracker")) {
                names.add(t.getName());
            }
        }
        return names;
    }

    /** A model that records the tracker threads alive while it trains. */
    private static final class Probe implements Trainer.Model {
        final List<String> seen = new ArrayList<>();

        @Override
        public double trainEpoch() {
            seen.addAll(trackerThreads());
            return 0.25;
        }

        @Override
        public double evaluate() {
            seen.addAll(trackerThreads());
            return 1.0;
        }
    }

    @Test
    void fit_defaultTracker_startsNoTrackerThread() throws Exception {
        List<String> before = trackerThreads();
        Probe probe = new Probe();

        Trainer.Fit fit = new Trainer().fit(probe, 2, (epoch, loss) -> { });

        assertThat(fit.epochs()).isEqualTo(2);
        assertThat(probe.seen).allMatch(before::contains);
        assertThat(EmissionsTracker.noop().snapshot().tasks()).isEmpty();
    }

    @Test
    void fit_applicationTracker_trackerThreadSeenAndTasksRecorded() throws Exception {
        Bench bench = new Bench(10.0);
        Probe probe = new Probe();
        EmissionsResult result;

        try (EmissionsTracker tracker = bench.builder().projectName("trainer-test").start()) {
            new Trainer(tracker).fit(probe, 2, (epoch, loss) -> bench.work(1));
            result = tracker.stop();
        }

        // The probe proves the thread check can fail: with a real tracker, its sampler thread is visible.
        assertThat(probe.seen).anyMatch(name -> name.startsWith("emissions-tracker-trainer-test-"));
        assertThat(result.tasks()).hasSize(4);
    }

    @Test
    void fit_noEpochs_throws() {
        assertThatThrownBy(() -> new Trainer().fit(new Probe(), 0, (e, l) -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("epochs");
    }
}
