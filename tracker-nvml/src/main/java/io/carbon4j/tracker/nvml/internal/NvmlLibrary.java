package io.carbon4j.tracker.nvml.internal;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The functions of {@code libnvidia-ml} that carbon4j calls, mapped one to one (nvml.h, API 12/13).
 *
 * <p>Every function but {@link #nvmlErrorString(int)} returns an {@code nvmlReturn_t} as a raw {@code int}; {@link
 * NvmlReturn} names it. {@code nvmlDevice_t} is an opaque {@link Pointer}; {@code unsigned int} maps to {@code int}
 * and {@code unsigned long long} to {@code long}, both read as unsigned. Arrays of records are passed as native
 * memory read at the offsets of {@link NvmlRecords}, because a record-size mismatch there yields garbage PIDs rather
 * than an error.
 *
 * <p>Versioned symbols ({@code _v2}, {@code _v3}) are bound on purpose: the unsuffixed names are the old ABIs with
 * smaller records.
 */
public interface NvmlLibrary extends Library {

    /** {@code NVML_DEVICE_NAME_V2_BUFFER_SIZE}. */
    int NAME_BUFFER_SIZE = 96;

    /** {@code NVML_DEVICE_UUID_V2_BUFFER_SIZE}. */
    int UUID_BUFFER_SIZE = 96;

    /** Initialises NVML; reference-counted, so each successful call needs one {@link #nvmlShutdown()}. */
    int nvmlInit_v2();

    /** Releases one reference taken by {@link #nvmlInit_v2()}. */
    int nvmlShutdown();

    /** A static description of a return code; never freed. */
    String nvmlErrorString(int result);

    /** {@code nvmlDeviceGetCount_v2(unsigned int *deviceCount)}. */
    int nvmlDeviceGetCount_v2(IntByReference deviceCount);

    /** {@code nvmlDeviceGetHandleByIndex_v2(unsigned int index, nvmlDevice_t *device)}. */
    int nvmlDeviceGetHandleByIndex_v2(int index, PointerByReference device);

    /** {@code nvmlDeviceGetHandleByUUID(const char *uuid, nvmlDevice_t *device)}; also finds MIG devices. */
    int nvmlDeviceGetHandleByUUID(String uuid, PointerByReference device);

    /** {@code nvmlDeviceGetDeviceHandleFromMigDeviceHandle(nvmlDevice_t migDevice, nvmlDevice_t *device)}. */
    int nvmlDeviceGetDeviceHandleFromMigDeviceHandle(Pointer migDevice, PointerByReference device);

    /** {@code nvmlDeviceGetName(nvmlDevice_t device, char *name, unsigned int length)}. */
    int nvmlDeviceGetName(Pointer device, byte[] name, int length);

    /** {@code nvmlDeviceGetUUID(nvmlDevice_t device, char *uuid, unsigned int length)}. */
    int nvmlDeviceGetUUID(Pointer device, byte[] uuid, int length);

    /** Millijoules since the driver was loaded (Volta and newer); {@code unsigned long long *energy}. */
    int nvmlDeviceGetTotalEnergyConsumption(Pointer device, LongByReference energy);

    /** Milliwatts, instantaneous or a one-second average depending on the architecture. */
    int nvmlDeviceGetPowerUsage(Pointer device, IntByReference power);

    /** {@code nvmlDeviceGetUtilizationRates(nvmlDevice_t device, nvmlUtilization_t *utilization)}. */
    int nvmlDeviceGetUtilizationRates(Pointer device, NvmlUtilization utilization);

    /** {@code nvmlDeviceGetMemoryInfo(nvmlDevice_t device, nvmlMemory_t *memory)} (the 24-byte v1 record). */
    int nvmlDeviceGetMemoryInfo(Pointer device, NvmlMemory memory);

    /**
     * {@code nvmlDeviceGetComputeRunningProcesses_v3(nvmlDevice_t, unsigned int *infoCount, nvmlProcessInfo_t *infos)}
     * with {@link NvmlRecords#PROCESS_INFO_SIZE}-byte records.
     */
    int nvmlDeviceGetComputeRunningProcesses_v3(Pointer device, IntByReference infoCount, Pointer infos);

    /**
     * {@code nvmlDeviceGetProcessUtilization(nvmlDevice_t, nvmlProcessUtilizationSample_t *utilization,
     * unsigned int *processSamplesCount, unsigned long long lastSeenTimeStamp)} with {@link
     * NvmlRecords#SAMPLE_SIZE}-byte records.
     */
    int nvmlDeviceGetProcessUtilization(
            Pointer device, Pointer utilization, IntByReference processSamplesCount, long lastSeenTimeStamp);
}
