package io.carbon4j.tracker.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTextTest {

    @Test
    void field_specialCharacters_areQuoted() {
        assertThat(CsvText.field("plain")).isEqualTo("plain");
        assertThat(CsvText.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvText.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvText.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvText.field(" padded")).isEqualTo("\" padded\"");
        assertThat(CsvText.field("")).isEmpty();
    }

    @Test
    void records_roundTripOfWrittenRecord_givesSameFields() {
        List<String> values = List.of("a,b", "q\"q", "x\r\ny", "", "end");
        List<CsvText.Record> r = CsvText.records(CsvText.record(values) + CsvText.record(List.of("1", "2")));
        assertThat(r).hasSize(2);
        assertThat(r.get(0).fields()).containsExactlyElementsOf(values);
        assertThat(r.get(1).raw()).isEqualTo("1,2\n");
    }

    @Test
    void number_formatsWithoutExponentAndEmptyForNaN() {
        assertThat(CsvText.number(1.5)).isEqualTo("1.5");
        assertThat(CsvText.number(1e-7)).isEqualTo("0.00000010");
        assertThat(CsvText.number(2.5e12)).isEqualTo("2500000000000");
        assertThat(CsvText.number(Double.NaN)).isEmpty();
        assertThat(CsvText.number(Double.POSITIVE_INFINITY)).isEmpty();
    }
}
