package io.carbon4j.tracker.nvml.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NvmlReturnTest {

    @ParameterizedTest
    @CsvSource({
        "0, SUCCESS", "1, UNINITIALIZED", "2, INVALID_ARGUMENT", "3, NOT_SUPPORTED", "4, NO_PERMISSION",
        "5, ALREADY_INITIALIZED", "6, NOT_FOUND", "7, INSUFFICIENT_SIZE", "8, INSUFFICIENT_POWER",
        "9, DRIVER_NOT_LOADED", "10, TIMEOUT", "11, IRQ_ISSUE", "12, LIBRARY_NOT_FOUND", "13, FUNCTION_NOT_FOUND",
        "14, CORRUPTED_INFOROM", "15, GPU_IS_LOST", "16, RESET_REQUIRED", "17, OPERATING_SYSTEM",
        "18, LIB_RM_VERSION_MISMATCH", "19, IN_USE", "20, MEMORY", "21, NO_DATA", "22, VGPU_ECC_NOT_SUPPORTED",
        "23, INSUFFICIENT_RESOURCES", "24, FREQ_NOT_SUPPORTED", "25, ARGUMENT_VERSION_MISMATCH", "26, DEPRECATED",
        "27, NOT_READY", "28, GPU_NOT_FOUND", "29, INVALID_STATE", "30, RESET_TYPE_NOT_SUPPORTED", "999, UNKNOWN",
        "31, UNKNOWN", "-1, UNKNOWN", "500, UNKNOWN"
    })
    void of_headerCode_mapsToNamedConstant(int code, NvmlReturn expected) {
        assertThat(NvmlReturn.of(code)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"9, 'DRIVER_NOT_LOADED (9: fake error 9)'", "77, 'UNKNOWN (77: fake error 77)'"})
    void describe_code_namesConstantNumberAndText(int code, String expected) {
        assertThat(Nvml.describe(new FakeNvmlLibrary(), code)).isEqualTo(expected);
    }
}
