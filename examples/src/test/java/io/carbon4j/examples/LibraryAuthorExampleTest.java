package io.carbon4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.carbon4j.examples.library.Trainer;
import io.carbon4j.tracker.EmissionsResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LibraryAuthorExampleTest {

    private final Bench bench = new Bench(50.0);

    @Test
    void run_applicationTracker_libraryTasksNestWithExactEnergy() throws Exception {
        Trainer.Model model = new Trainer.Model() {
            @Override
            public double trainEpoch() {
                bench.work(2.0);
                return 0.5;
            }

            @Override
            public double evaluate() {
                bench.work(1.0);
                return 0.9;
            }
        };
        ByteArrayOutputStream text = new ByteArrayOutputStream();

        EmissionsResult r = LibraryAuthorExample.run(bench.builder(), model, 3,
                new PrintStream(text, true, StandardCharsets.UTF_8));

        assertThat(r.tasks()).extracting(t -> t.taskName().orElseThrow())
                .containsExactly("fit", "fit/epoch-1", "fit/epoch-2", "fit/epoch-3", "fit/evaluate");
        assertThat(r.tasks("fit").get(0).energyJoules()).isCloseTo(350.0, within(1e-9));
        assertThat(r.tasks("fit/epoch-2").get(0).energyJoules()).isCloseTo(100.0, within(1e-9));
        assertThat(r.tasks("fit/evaluate").get(0).energyJoules()).isCloseTo(50.0, within(1e-9));
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("epoch 3: loss 0.5000").contains("accuracy 0.900");
    }
}
