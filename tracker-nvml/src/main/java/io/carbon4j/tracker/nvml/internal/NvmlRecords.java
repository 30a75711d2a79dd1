package io.carbon4j.tracker.nvml.internal;

/**
 * Byte layouts of the NVML records that are passed as arrays (x86-64, arm64 and Win64 alike: {@code unsigned long
 * long} is 8-aligned, so a 4-byte {@code pid} is followed by 4 bytes of padding). The layout test checks each offset
 * against what a C compiler makes of the same declarations.
 */
final class NvmlRecords {

    /** {@code nvmlProcessInfo_t} (v2 = v3 record): pid, pad, usedGpuMemory, gpuInstanceId, computeInstanceId. */
    static final int PROCESS_INFO_SIZE = 24;

    static final int PROCESS_INFO_PID = 0;
    static final int PROCESS_INFO_USED_GPU_MEMORY = 8;
    static final int PROCESS_INFO_GPU_INSTANCE_ID = 16;
    static final int PROCESS_INFO_COMPUTE_INSTANCE_ID = 20;

    /** {@code nvmlProcessUtilizationSample_t}: pid, pad, timeStamp (µs), smUtil, memUtil, encUtil, decUtil. */
    static final int SAMPLE_SIZE = 32;

    static final int SAMPLE_PID = 0;
    static final int SAMPLE_TIME_STAMP = 8;
    static final int SAMPLE_SM_UTIL = 16;
    static final int SAMPLE_MEM_UTIL = 20;
    static final int SAMPLE_ENC_UTIL = 24;
    static final int SAMPLE_DEC_UTIL = 28;

    private NvmlRecords() {}
}
