package io.carbon4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.carbon4j.examples.TrainingLoopExample.Candidate;
import io.carbon4j.examples.TrainingLoopExample.Cost;
import io.carbon4j.examples.TrainingLoopExample.Model;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrainingLoopExampleTest {

    private final Bench bench = new Bench(100.0);
    private final ExecutorService pool = Examples.pool(2);
    private final TinyMlp.Data[] data = Examples.trainAndHeldOut(256, 64, 8, 1);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /** A real model whose phases also advance the bench clock by fixed amounts. */
    private Model timed(int hidden, double epochSeconds, double validationSeconds, double querySeconds) {
        Model real = new TrainingLoopExample.MlpModel(new TinyMlp(8, hidden, 3), data[0], data[1], pool, 2);
        return new Model() {
            @Override
            public double trainEpoch() throws Exception {
                bench.work(epochSeconds);
                return real.trainEpoch();
            }

            @Override
            public double validate() throws Exception {
                bench.work(validationSeconds);
                return real.validate();
            }

            @Override
            public double query(int i) {
                bench.work(querySeconds);
                return real.query(i);
            }
        };
    }

    @Test
    void run_twoCandidates_exactPhaseEnergiesPerEpochPerQueryAndBreakEven() throws Exception {
        List<Candidate> candidates = List.of(
                new Candidate("A", timed(16, 2.0, 0.5, 0.010), 2),
                new Candidate("B", timed(4, 1.0, 0.25, 0.001), 6));
        ByteArrayOutputStream text = new ByteArrayOutputStream();

        List<Cost> costs = TrainingLoopExample.run(bench.builder(), candidates, 100,
                new PrintStream(text, true, StandardCharsets.UTF_8));

        Cost a = costs.get(0);
        Cost b = costs.get(1);
        assertThat(a.trainingJoules()).isCloseTo(400.0, within(1e-9));
        assertThat(a.joulesPerEpoch()).isCloseTo(200.0, within(1e-9));
        assertThat(a.validationJoules()).isCloseTo(50.0, within(1e-9));
        assertThat(a.inferenceJoules()).isCloseTo(100.0, within(1e-9));
        assertThat(a.joulesPerQuery()).isCloseTo(1.0, within(1e-9));
        assertThat(a.trainingKg()).isCloseTo(400.0 * Bench.KG_PER_JOULE, within(1e-15));
        assertThat(b.trainingJoules()).isCloseTo(600.0, within(1e-9));
        assertThat(b.joulesPerEpoch()).isCloseTo(100.0, within(1e-9));
        assertThat(b.joulesPerQuery()).isCloseTo(0.1, within(1e-9));
        assertThat(b.kgPerQuery()).isCloseTo(0.1 * Bench.KG_PER_JOULE, within(1e-18));
        // (600 - 400) J / (1.0 - 0.1) J per query = 222.2 queries
        assertThat(TrainingLoopExample.breakEvenQueries(a, b).getAsDouble()).isCloseTo(200 / 0.9, within(1e-6));
        String out = text.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("break-even: B's extra training (200.0 J) pays back after 223 queries"
                + " (it saves 0.9000 J per query)");
        assertThat(out).contains("A: 200.0 J per epoch (2 epochs); 1.000 J and 0.0001111 gCO2eq per query (100 queries)");
    }

    @Test
    void breakEvenQueries_dearerModelFirst_isSymmetric() {
        Cost dear = new Cost("X", 1, 500, 0, 0, 0, 10, 1, 0);
        Cost cheap = new Cost("Y", 1, 100, 0, 0, 0, 10, 5, 0);

        // 400 J extra training / (0.5 - 0.1) J saved per query
        assertThat(TrainingLoopExample.breakEvenQueries(dear, cheap).getAsDouble()).isCloseTo(1000.0, within(1e-9));
        assertThat(TrainingLoopExample.breakEvenQueries(cheap, dear).getAsDouble()).isCloseTo(1000.0, within(1e-9));
        assertThat(TrainingLoopExample.breakEvenLine(cheap, dear)).contains("X's extra training (400.0 J) pays back"
                + " after 1000 queries");
    }

    @Test
    void breakEvenLine_nothingMeasured_saysSo() {
        Cost a = new Cost("A", 1, 0, 0, 0, 0, 10, 0, 0);
        Cost b = new Cost("B", 1, 0, 0, 0, 0, 10, 0, 0);

        assertThat(TrainingLoopExample.breakEvenLine(a, b)).contains("no energy was measured");
    }

    @Test
    void accuracy_heldOutSamplesOfSameRule_betterThanChance() throws Exception {
        TinyMlp.Data[] d = Examples.trainAndHeldOut(2_000, 500, 8, 1);
        TinyMlp mlp = new TinyMlp(8, 8, 3);
        for (int epoch = 0; epoch < 5; epoch++) {
            mlp.trainEpoch(d[0], 64, 0.5, pool, 2);
        }

        assertThat(d[1].x[1_999]).containsExactly(d[0].x[1_999]);
        assertThat(Examples.accuracy(mlp, d[1], 2_000)).isGreaterThan(0.8);
    }

    @Test
    void breakEvenQueries_dearerModelNotCheaperPerQuery_neverPaysBack() {
        Cost a = new Cost("A", 1, 100, 0, 0, 0, 10, 1, 0);
        Cost b = new Cost("B", 1, 300, 0, 0, 0, 10, 2, 0);

        assertThat(TrainingLoopExample.breakEvenQueries(a, b)).isEmpty();
        assertThat(TrainingLoopExample.breakEvenLine(a, b)).contains("B costs 200.0 J more to train").contains("never");
    }
}
