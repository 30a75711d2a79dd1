package io.carbon4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchJobExampleTest {

    private final Bench bench = new Bench(100.0);

    @Test
    void run_tenMillisecondsPerRecord_oneJoulePerRecord() throws Exception {
        List<String> records = BatchJobExample.generate(250);
        ByteArrayOutputStream text = new ByteArrayOutputStream();

        BatchJobExample.Summary s = BatchJobExample.run(bench.builder(), records, 100, record -> {
            bench.work(0.010);
            return BatchJobExample.process(record);
        }, new PrintStream(text, true, StandardCharsets.UTF_8));

        assertThat(s.records()).isEqualTo(250);
        assertThat(s.batches()).isEqualTo(3);
        assertThat(s.joules()).isCloseTo(250.0, within(1e-9));
        assertThat(s.joulesPerRecord()).isCloseTo(1.0, within(1e-12));
        assertThat(s.kgPerRecord()).isCloseTo(Bench.KG_PER_JOULE, within(1e-18));
        String out = text.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("batch-3         50        50.00          1.000");
        assertThat(out).contains("per record: 1.000 J, 0.1111 mgCO2eq; per million records: 0.2778 kWh, 0.1111 kgCO2eq");
    }

    @Test
    void process_sameRecord_sameDigest() throws Exception {
        String record = BatchJobExample.generate(1).get(0);

        assertThat(BatchJobExample.process(record)).hasSize(32).isEqualTo(BatchJobExample.process(record));
    }

    @Test
    void process_malformedRecord_throwsNamingIt() {
        assertThatThrownBy(() -> BatchJobExample.process("1,only-two"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'1,only-two'");
    }
}
