package io.carbon4j.tracker.intensity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    @Test
    void parse_quotedCommasQuotesNewlinesAndUtf8_keepsFields() {
        CsvRows t = parse("\uFEFFa,b,c,d\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\",Québec\r\n\n1,,3,\"\"", "c", "a", "b", "d");
        assertThat(t.rows()).hasSize(2);
        assertThat(values(t.rows().get(0), 4)).containsExactly("two\nlines", "x, y", "say \"hi\"", "Québec");
        assertThat(values(t.rows().get(1), 4)).containsExactly("3", "1", "", "");
    }

    @Test
    void parse_unwantedColumns_areNotKept() {
        CsvRows t = parse("a,b\n1,2\n", "b");
        assertThat(values(t.rows().get(0), 1)).containsExactly("2");
    }

    @Test
    void parse_rowWidthDiffers_namesFileAndRow() {
        assertThatThrownBy(() -> parse("a,b\n1,2\n3\n", "a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("t.csv: row 3 has 1 fields; the header has 2");
    }

    @Test
    void parse_unterminatedQuote_fails() {
        assertThatThrownBy(() -> parse("a\n\"open\n", "a")).hasMessageContaining("unterminated");
    }

    @Test
    void parse_textAfterClosingQuote_fails() {
        assertThatThrownBy(() -> parse("a\n\"x\"y\n", "a")).hasMessageContaining("after a closing quote");
    }

    @Test
    void parse_missingColumn_namesColumn() {
        assertThatThrownBy(() -> parse("a\n1\n", "b")).hasMessage("t.csv: no column 'b'");
    }

    @Test
    void parse_empty_hasNoHeader() {
        assertThatThrownBy(() -> parse("", "a")).hasMessage("t.csv: no header row");
    }

    @Test
    void row_isEmptyAndContains_readPositionsAndQuotedValues() {
        CsvRows.Row r = parse("a,b,c\n,x-y,\"q-\"\n", "a", "b", "c").rows().get(0);
        assertThat(r.isEmpty(0)).isTrue();
        assertThat(r.isEmpty(1)).isFalse();
        assertThat(r.contains(1, '-')).isTrue();
        assertThat(r.contains(2, '-')).isTrue();
        assertThat(r.contains(1, '+')).isFalse();
    }

    private static java.util.List<String> values(CsvRows.Row row, int n) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(row.get(i));
        }
        return out;
    }

    private static CsvRows parse(String text, String... columns) {
        return CsvRows.parse("t.csv", text.getBytes(StandardCharsets.UTF_8), columns);
    }
}
