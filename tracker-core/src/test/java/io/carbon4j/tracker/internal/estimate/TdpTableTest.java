package io.carbon4j.tracker.internal.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TdpTableTest {

    private final TdpTable table = TdpTable.bundled();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Intel(R) Core(TM) i7-8700K CPU @ 3.70GHz            | EXACT | Intel Core i7-8700K            | 95
            Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz            | EXACT | Intel Xeon Gold 6248           | 150
            Intel(R) Xeon(R) Gold 6248R CPU @ 3.00GHz           | EXACT | Intel Xeon Gold 6248R          | 205
            Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz      | EXACT | Intel Xeon Platinum 8259CL     | 210
            Intel(R) Xeon(R) Platinum 8175M CPU @ 2.50GHz       | EXACT | Intel Xeon Platinum 8175M      | 240
            Intel(R) Xeon(R) CPU E5-2686 v4 @ 2.30GHz           | EXACT | Intel Xeon E5-2686 v4          | 145
            Intel(R) Xeon(R) CPU E5-2670 0 @ 2.60GHz            | EXACT | Intel Xeon E5-2670             | 115
            11th Gen Intel(R) Core(TM) i7-1165G7 @ 2.80GHz      | EXACT | Intel Core i7-1165G7           | 28
            Intel(R) Core(TM) i5-8259U CPU @ 2.30GHz            | EXACT | Intel Core i5-8259U            | 28
            Intel(R) Core(TM)2 Duo CPU     E8400  @ 3.00GHz     | EXACT | Intel Core 2 Duo E8400         | 65
            AMD EPYC 7763 64-Core Processor                     | EXACT | AMD EPYC 7763                  | 280
            AMD EPYC 9654 96-Core Processor                     | EXACT | AMD EPYC 9654                  | 360
            AMD Ryzen 9 7950X 16-Core Processor                 | EXACT | AMD Ryzen 9 7950X              | 170
            AMD Ryzen Threadripper 1950X 16-Core Processor      | EXACT | AMD Ryzen Threadripper 1950X   | 180
            AMD Ryzen 7 5800H with Radeon Graphics              | TOKEN | AMD Ryzen 7 5800H              | 45
            Apple M1                                            | EXACT | Apple M1                       | 10
            Apple M1 Pro                                        | TOKEN | Apple M1                       | 10
            AMD Sempron(tm) Processor 3000+                     | EXACT | AMD Sempron 3000+              | 62
            """)
    void match_realCpuNames_findRow(String name, MatchQuality quality, String row, double tdp) {
        TdpMatch m = table.match(name);

        assertThat(m.quality()).isEqualTo(quality);
        assertThat(m.row()).isEqualTo(row);
        assertThat(m.tdpWatts()).isEqualTo(tdp);
        assertThat(m.candidates()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            AMD EPYC 7B13 64-Core Processor        | amd epyc
            Intel(R) Xeon(R) CPU @ 2.20GHz         | intel xeon
            AMD EPYC                               | amd epyc
            Intel(R) Core(TM) i9-99999K            | intel core
            Qualcomm Snapdragon X Elite            | qualcomm snapdragon
            Intel Sempron 3000+                    | intel sempron
            """)
    void match_virtualisedOrUnlistedNames_familyOnly(String name, String family) {
        TdpMatch m = table.match(name);

        assertThat(m.quality()).isEqualTo(MatchQuality.FAMILY);
        assertThat(m.row()).isEqualTo(family);
        assertThat(m.tdpWatts()).isNaN();
        assertThat(m.hasTdp()).isFalse();
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            Neoverse-N1
            ARMv8 Processor rev 1 (v8l)
            ''
            Some Future Chip 3000
            """)
    void match_unknownNames_none(String name) {
        assertThat(table.match(name).quality()).isEqualTo(MatchQuality.NONE);
    }

    @Test
    void match_null_none() {
        assertThat(table.match(null)).isEqualTo(TdpMatch.none());
    }

    @Test
    void match_modelNumberOnOneSideOnly_noRow() {
        // "6248" must not match "6248R" and the reverse: model tokens must agree both ways.
        TdpTable t = TdpTable.parse("cpu_name,tdp_watts\nIntel Xeon Gold 6248R,205\n");

        assertThat(t.match("Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz").quality()).isEqualTo(MatchQuality.FAMILY);
    }

    @Test
    void match_tiedRowsWithDifferentTdp_takesFirstAndCountsTies() {
        TdpMatch m = table.match("Intel(R) Atom(TM) CPU E625CT");

        assertThat(m.row()).isEqualTo("Intel Atom E625CT");
        assertThat(m.tdpWatts()).isEqualTo(3.0);
        assertThat(m.candidates()).isEqualTo(2);
    }

    @Test
    void match_tiedRowsWithSameTdp_notAmbiguous() {
        TdpMatch m = table.match("Intel Core i5-750S");

        assertThat(m.tdpWatts()).isEqualTo(82.0);
        assertThat(m.candidates()).isEqualTo(1);
    }

    @Test
    void parse_malformedAndZeroTdp_skipped() {
        TdpTable t = TdpTable.parse("cpu_name,tdp_watts\nIntel Celeron 1000A,27.29.5\nIntel Quark D1000,0.0\n"
                + "\"Intel EP80579 Integrated, 1066 MHz\",18.0\nIntel Core i3-1000,15\n");

        assertThat(t.size()).isEqualTo(2);
        assertThat(t.match("Intel Celeron 1000A").hasTdp()).isFalse();
        assertThat(t.match("Intel EP80579 Integrated, 1066 MHz").tdpWatts()).isEqualTo(18.0);
    }

    @Test
    void bundled_allUsableRowsLoad() {
        // 4 903 upstream rows, minus 4 malformed values and 1 zero.
        assertThat(table.size()).isEqualTo(4898);
    }

    @Test
    void tokens_stripMarksFillerAndClock() {
        assertThat(CpuNames.tokens("11th Gen Intel(R) Core(TM) i7-1165G7 CPU @ 2.80GHz"))
                .containsExactly("intel", "core", "i7-1165g7");
        assertThat(CpuNames.tokens("AMD EPYC 7B13 64-Core Processor")).containsExactly("amd", "epyc", "7b13");
        assertThat(CpuNames.statedCores("AMD EPYC 7B13 64-Core Processor")).isEqualTo(64);
        assertThat(CpuNames.statedCores("Intel(R) Xeon(R) CPU @ 2.20GHz")).isZero();
    }
}
