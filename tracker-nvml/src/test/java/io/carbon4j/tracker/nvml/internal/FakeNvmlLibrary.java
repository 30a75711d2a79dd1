package io.carbon4j.tracker.nvml.internal;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A Java stand-in for {@code libnvidia-ml}: scripted devices and return codes, recorded calls. Handles encode the
 * device index as {@code new Pointer(index + 1)}.
 */
final class FakeNvmlLibrary implements NvmlLibrary {

    /** One scripted GPU. */
    static final class Device {
        String name;
        String uuid;
        long energyMj;
        int energyResult;
        int powerMw;
        int powerResult;
        int utilization;
        int utilizationResult;
        int processResult;
        int error;
        boolean lost;
        int[] pids = new int[0];
        final List<long[]> samples = new ArrayList<>(); // {pid, timeStamp, smUtil}

        Device(String name, String uuid) {
            this.name = name;
            this.uuid = uuid;
        }
    }

    final List<Device> devices = new ArrayList<>();
    int initResult;
    int initCalls;
    int shutdownCalls;
    int references;
    int callsWhileUninitialized;

    Device add(String name, String uuid) {
        Device d = new Device(name, uuid);
        devices.add(d);
        return d;
    }

    private Device device(Pointer handle) {
        return devices.get((int) Pointer.nativeValue(handle) - 1);
    }

    /** The result every device call starts with: uninitialised, lost or the scripted error. */
    private int check(Pointer handle) {
        if (references == 0) {
            callsWhileUninitialized++;
            return NvmlReturn.UNINITIALIZED.code();
        }
        Device d = device(handle);
        return d.lost ? NvmlReturn.GPU_IS_LOST.code() : d.error;
    }

    @Override
    public int nvmlInit_v2() {
        initCalls++;
        if (initResult == 0) {
            references++;
        }
        return initResult;
    }

    @Override
    public int nvmlShutdown() {
        shutdownCalls++;
        if (references == 0) {
            return NvmlReturn.UNINITIALIZED.code();
        }
        references--;
        return 0;
    }

    @Override
    public String nvmlErrorString(int result) {
        return "fake error " + result;
    }

    @Override
    public int nvmlDeviceGetCount_v2(IntByReference deviceCount) {
        if (references == 0) {
            return NvmlReturn.UNINITIALIZED.code();
        }
        deviceCount.setValue(devices.size());
        return 0;
    }

    @Override
    public int nvmlDeviceGetHandleByIndex_v2(int index, PointerByReference device) {
        device.setValue(new Pointer(index + 1L));
        return 0;
    }

    @Override
    public int nvmlDeviceGetHandleByUUID(String uuid, PointerByReference device) {
        return NvmlReturn.NOT_FOUND.code();
    }

    @Override
    public int nvmlDeviceGetDeviceHandleFromMigDeviceHandle(Pointer migDevice, PointerByReference device) {
        return NvmlReturn.NOT_FOUND.code();
    }

    @Override
    public int nvmlDeviceGetName(Pointer device, byte[] name, int length) {
        return copy(device, device(device).name, name);
    }

    @Override
    public int nvmlDeviceGetUUID(Pointer device, byte[] uuid, int length) {
        return copy(device, device(device).uuid, uuid);
    }

    private int copy(Pointer handle, String text, byte[] out) {
        int rc = check(handle);
        if (rc != 0) {
            return rc;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, out, 0, bytes.length);
        out[bytes.length] = 0;
        return 0;
    }

    @Override
    public int nvmlDeviceGetTotalEnergyConsumption(Pointer device, LongByReference energy) {
        int rc = check(device);
        if (rc == 0 && device(device).energyResult != 0) {
            rc = device(device).energyResult;
        }
        if (rc == 0) {
            energy.setValue(device(device).energyMj);
        }
        return rc;
    }

    @Override
    public int nvmlDeviceGetPowerUsage(Pointer device, IntByReference power) {
        int rc = check(device);
        if (rc == 0 && device(device).powerResult != 0) {
            rc = device(device).powerResult;
        }
        if (rc == 0) {
            power.setValue(device(device).powerMw);
        }
        return rc;
    }

    @Override
    public int nvmlDeviceGetUtilizationRates(Pointer device, NvmlUtilization utilization) {
        int rc = check(device);
        if (rc == 0 && device(device).utilizationResult != 0) {
            rc = device(device).utilizationResult;
        }
        if (rc == 0) {
            utilization.gpu = device(device).utilization;
            utilization.memory = device(device).utilization / 2;
        }
        return rc;
    }

    @Override
    public int nvmlDeviceGetMemoryInfo(Pointer device, NvmlMemory memory) {
        int rc = check(device);
        if (rc == 0) {
            memory.total = 80L << 30;
            memory.used = 1L << 30;
            memory.free = memory.total - memory.used;
        }
        return rc;
    }

    @Override
    public int nvmlDeviceGetComputeRunningProcesses_v3(Pointer device, IntByReference infoCount, Pointer infos) {
        int rc = check(device);
        if (rc == 0 && device(device).processResult != 0) {
            rc = device(device).processResult;
        }
        if (rc != 0) {
            return rc;
        }
        int[] pids = device(device).pids;
        if (infoCount.getValue() < pids.length) {
            infoCount.setValue(pids.length);
            return NvmlReturn.INSUFFICIENT_SIZE.code();
        }
        for (int i = 0; i < pids.length; i++) {
            long base = (long) i * NvmlRecords.PROCESS_INFO_SIZE;
            infos.setInt(base + NvmlRecords.PROCESS_INFO_PID, pids[i]);
            infos.setLong(base + NvmlRecords.PROCESS_INFO_USED_GPU_MEMORY, 1L << 20);
            infos.setInt(base + NvmlRecords.PROCESS_INFO_GPU_INSTANCE_ID, -1);
            infos.setInt(base + NvmlRecords.PROCESS_INFO_COMPUTE_INSTANCE_ID, -1);
        }
        infoCount.setValue(pids.length);
        return 0;
    }

    @Override
    public int nvmlDeviceGetProcessUtilization(
            Pointer device, Pointer utilization, IntByReference processSamplesCount, long lastSeenTimeStamp) {
        int rc = check(device);
        if (rc != 0) {
            return rc;
        }
        List<long[]> newer = new ArrayList<>();
        for (long[] s : device(device).samples) {
            if (s[1] > lastSeenTimeStamp) {
                newer.add(s);
            }
        }
        if (utilization == null) {
            processSamplesCount.setValue(Math.max(1, device(device).samples.size()));
            return NvmlReturn.INSUFFICIENT_SIZE.code();
        }
        if (newer.isEmpty()) {
            return NvmlReturn.NOT_FOUND.code();
        }
        if (processSamplesCount.getValue() < newer.size()) {
            processSamplesCount.setValue(newer.size());
            return NvmlReturn.INSUFFICIENT_SIZE.code();
        }
        for (int i = 0; i < newer.size(); i++) {
            long base = (long) i * NvmlRecords.SAMPLE_SIZE;
            utilization.setInt(base + NvmlRecords.SAMPLE_PID, (int) newer.get(i)[0]);
            utilization.setLong(base + NvmlRecords.SAMPLE_TIME_STAMP, newer.get(i)[1]);
            utilization.setInt(base + NvmlRecords.SAMPLE_SM_UTIL, (int) newer.get(i)[2]);
        }
        processSamplesCount.setValue(newer.size());
        return 0;
    }
}
