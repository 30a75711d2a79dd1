package io.carbon4j.tracker.nvml.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Structure;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java view of every NVML record against the C compiler's: the fake library is compiled from the nvml.h
 * declarations and reports {@code sizeof} and {@code offsetof} for each.
 */
class NvmlLayoutTest {

    private static FakeNvml fake;

    @BeforeAll
    static void load() {
        fake = FakeNvml.load();
    }

    private static String[] fieldOrder(Class<? extends Structure> type) {
        return type.getAnnotation(Structure.FieldOrder.class).value();
    }

    @Test
    void utilization_sizeAndFieldOrder_matchC() {
        NvmlUtilization u = new NvmlUtilization();
        u.gpu = 0x11111111;
        u.memory = 0x22222222;
        u.write();

        assertThat(fieldOrder(NvmlUtilization.class)).containsExactly("gpu", "memory");
        assertThat(u.size()).isEqualTo(fake.fake_nvml_layout(0, -1)).isEqualTo(8);
        assertThat(u.getPointer().getInt(fake.fake_nvml_layout(0, 0))).isEqualTo(0x11111111);
        assertThat(u.getPointer().getInt(fake.fake_nvml_layout(0, 1))).isEqualTo(0x22222222);
    }

    @Test
    void memory_sizeAndFieldOrder_matchC() {
        NvmlMemory m = new NvmlMemory();
        m.total = 1L << 40;
        m.free = 3;
        m.used = (1L << 40) - 3;
        m.write();

        assertThat(fieldOrder(NvmlMemory.class)).containsExactly("total", "free", "used");
        assertThat(m.size()).isEqualTo(fake.fake_nvml_layout(1, -1)).isEqualTo(24);
        assertThat(m.getPointer().getLong(fake.fake_nvml_layout(1, 0))).isEqualTo(1L << 40);
        assertThat(m.getPointer().getLong(fake.fake_nvml_layout(1, 1))).isEqualTo(3);
        assertThat(m.getPointer().getLong(fake.fake_nvml_layout(1, 2))).isEqualTo((1L << 40) - 3);
    }

    @Test
    void processInfoV3_offsets_matchC() {
        assertThat(List.of(NvmlRecords.PROCESS_INFO_SIZE, NvmlRecords.PROCESS_INFO_PID,
                        NvmlRecords.PROCESS_INFO_USED_GPU_MEMORY, NvmlRecords.PROCESS_INFO_GPU_INSTANCE_ID,
                        NvmlRecords.PROCESS_INFO_COMPUTE_INSTANCE_ID))
                .containsExactly(fake.fake_nvml_layout(2, -1), fake.fake_nvml_layout(2, 0),
                        fake.fake_nvml_layout(2, 1), fake.fake_nvml_layout(2, 2), fake.fake_nvml_layout(2, 3))
                .containsExactly(24, 0, 8, 16, 20);
    }

    @Test
    void processUtilizationSample_offsets_matchC() {
        assertThat(List.of(NvmlRecords.SAMPLE_SIZE, NvmlRecords.SAMPLE_PID, NvmlRecords.SAMPLE_TIME_STAMP,
                        NvmlRecords.SAMPLE_SM_UTIL, NvmlRecords.SAMPLE_MEM_UTIL, NvmlRecords.SAMPLE_ENC_UTIL,
                        NvmlRecords.SAMPLE_DEC_UTIL))
                .containsExactly(fake.fake_nvml_layout(3, -1), fake.fake_nvml_layout(3, 0),
                        fake.fake_nvml_layout(3, 1), fake.fake_nvml_layout(3, 2), fake.fake_nvml_layout(3, 3),
                        fake.fake_nvml_layout(3, 4), fake.fake_nvml_layout(3, 5))
                .containsExactly(32, 0, 8, 16, 20, 24, 28);
    }
}
