package io.carbon4j.tracker.nvml.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VisibleDevicesTest {

    private static final List<String> UUIDS = List.of(
            "GPU-1a2b0000-0000-0000-0000-000000000000",
            "GPU-1a2c0000-0000-0000-0000-000000000000",
            "GPU-ffff0000-0000-0000-0000-000000000000");

    private static final Map<String, String> MIG_PARENTS =
            Map.of("MIG-3c4d0000-0000-0000-0000-000000000000", UUIDS.get(2));

    private static List<Integer> select(String spec) {
        return VisibleDevices.select(spec, UUIDS, mig -> Optional.ofNullable(MIG_PARENTS.get(mig))).indices();
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0,1,2 | 0 1 2",
        "2,0 | 2 0",
        "' 1 , 2 ' | 1 2",
        "1,7,2 | 1",
        "1,x,2 | 1",
        "1,,2 | 1",
        "-1,2 | ''",
        "GPU-ffff | 2",
        "gpu-FFFF | 2",
        "GPU-1a2 | ''",
        "GPU-1a2b,GPU-1a2c | 0 1",
        "GPU- | ''",
        "GPU-9999,0 | ''",
        "MIG-3c4d0000-0000-0000-0000-000000000000 | 2",
        "MIG-3c4d0000-0000-0000-0000-000000000000,2,0 | 2 0",
        "MIG-GPU-1a2c0000-0000-0000-0000-000000000000/1/0 | 1",
        "MIG-unknown,0 | ''",
        "0,0,1 | 0 1",
        "00001 | 1",
    })
    void select_spec_followsCudaRules(String spec, String expected) {
        List<Integer> want = expected.isBlank()
                ? List.of()
                : Arrays.stream(expected.trim().split(" ")).map(Integer::valueOf).collect(Collectors.toList());

        assertThat(select(spec)).containsExactlyElementsOf(want);
    }

    @Test
    void select_unset_isEveryDevice() {
        assertThat(select(null)).containsExactly(0, 1, 2);
    }

    @Test
    void select_empty_isNoDevice() {
        assertThat(select("")).isEmpty();
        assertThat(select("  ")).isEmpty();
    }

    @Test
    void select_invalidEntry_notesWhatIsIgnored() {
        VisibleDevices.Selection s = VisibleDevices.select("0,bad,1", UUIDS, mig -> Optional.empty());

        assertThat(s.indices()).containsExactly(0);
        assertThat(s.notes()).singleElement().asString()
                .contains("'bad'")
                .contains("CUDA_VISIBLE_DEVICES='0,bad,1'")
                .contains("1 entries after it");
    }
}
