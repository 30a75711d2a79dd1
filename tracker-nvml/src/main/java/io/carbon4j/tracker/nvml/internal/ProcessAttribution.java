package io.carbon4j.tracker.nvml.internal;

import static io.carbon4j.tracker.nvml.internal.NvmlRecords.PROCESS_INFO_PID;
import static io.carbon4j.tracker.nvml.internal.NvmlRecords.PROCESS_INFO_SIZE;
import static io.carbon4j.tracker.nvml.internal.NvmlRecords.SAMPLE_PID;
import static io.carbon4j.tracker.nvml.internal.NvmlRecords.SAMPLE_SIZE;
import static io.carbon4j.tracker.nvml.internal.NvmlRecords.SAMPLE_SM_UTIL;
import static io.carbon4j.tracker.nvml.internal.NvmlRecords.SAMPLE_TIME_STAMP;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Charges this process its share of each GPU's energy, by streaming-multiprocessor (SM) utilisation.
 *
 * <p>Per GPU and interval: if NVML's compute-process list does not hold this PID, the share is 0. Otherwise it is
 * this PID's summed {@code smUtil} divided by every process's summed {@code smUtil}, over the utilisation samples
 * NVML took since the last one seen. With no SM activity at all in the interval (an idle GPU, or no samples), the
 * interval's energy, which is then idle power, is split equally among the listed compute processes: all of it when
 * this process is the only one. The cumulative result goes to {@code EnergySample.setProcessJoules}; the core reports
 * the rest of the GPU's energy as unattributed.
 *
 * <p>Buffers grow when NVML reports {@code INSUFFICIENT_SIZE} and are otherwise reused, so steady-state reads
 * allocate nothing.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe; confined to the sampler thread with the source that owns it.
 */
final class ProcessAttribution {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessAttribution.class);

    /** A list can grow between the sizing call and the fetch; after this many tries the interval is skipped. */
    private static final int MAX_TRIES = 3;

    private final Nvml nvml;
    private final NvmlLibrary library;
    private final long pid;
    private final IntByReference count = new IntByReference();
    private final long[] lastSeenMicros;
    private final double[] lastDeviceJoules;
    private final boolean[] hasLast;
    private final double[] processJoules;
    private final boolean[] warned;
    private Memory processes;
    private int processCapacity;
    private Memory samples;
    private int sampleCapacity;

    private final String[] labels;
    private long smOurs;
    private long smAll;

    ProcessAttribution(Nvml nvml, long pid, String[] labels) {
        int devices = labels.length;
        this.labels = labels.clone();
        this.nvml = nvml;
        this.library = nvml.library();
        this.pid = pid;
        lastSeenMicros = new long[devices];
        lastDeviceJoules = new double[devices];
        hasLast = new boolean[devices];
        processJoules = new double[devices];
        warned = new boolean[devices];
        processCapacity = 16;
        processes = new Memory((long) processCapacity * PROCESS_INFO_SIZE);
        sampleCapacity = 64;
        samples = new Memory((long) sampleCapacity * SAMPLE_SIZE);
    }

    /**
     * Starts a device at zero joules (the source's origin) and skips the samples NVML already holds, so that the
     * first interval is not charged with the driver's history ({@code lastSeenTimeStamp} 0 means "the whole buffer").
     */
    void prime(int device, Pointer handle) {
        lastDeviceJoules[device] = 0;
        hasLast[device] = true;
        lastSeenMicros[device] = 0;
        smShares(device, handle);
    }

    /**
     * Takes the device's cumulative joules of this read and returns this process's cumulative joules, or {@code NaN}
     * when the device could not be read or NVML cannot list its processes.
     */
    double update(int device, Pointer handle, double deviceJoules) {
        if (Double.isNaN(deviceJoules)) {
            return Double.NaN;
        }
        double delta = hasLast[device] ? deviceJoules - lastDeviceJoules[device] : 0;
        lastDeviceJoules[device] = deviceJoules;
        hasLast[device] = true;
        double share = share(device, handle);
        if (Double.isNaN(share)) {
            return Double.NaN;
        }
        if (delta > 0) {
            processJoules[device] += share * delta;
        }
        return processJoules[device];
    }

    /** This process's share of the device's energy since the last call, or {@code NaN} if unknown. */
    double share(int device, Pointer handle) {
        int listed = listedProcesses(device, handle);
        if (listed < 0) {
            return Double.NaN;
        }
        if (listed == 0) {
            smShares(device, handle);
            return 0;
        }
        if (smShares(device, handle) && smAll > 0) {
            return (double) smOurs / smAll;
        }
        return 1.0 / listed;
    }

    /**
     * The number of compute processes on the device if this PID is among them, 0 if it is not, -1 if NVML could not
     * say.
     */
    private int listedProcesses(int device, Pointer handle) {
        for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
            count.setValue(processCapacity);
            int rc = library.nvmlDeviceGetComputeRunningProcesses_v3(handle, count, processes);
            if (rc == NvmlReturn.INSUFFICIENT_SIZE.code()) {
                // Headroom: the list may grow again before the next call.
                growProcesses(Math.max(count.getValue(), processCapacity) * 2);
                continue;
            }
            if (rc != NvmlReturn.SUCCESS.code()) {
                warnOnce(device, "listing its compute processes", rc);
                return -1;
            }
            int n = Math.min(count.getValue(), processCapacity);
            for (int i = 0; i < n; i++) {
                if (Integer.toUnsignedLong(processes.getInt((long) i * PROCESS_INFO_SIZE + PROCESS_INFO_PID)) == pid) {
                    return n;
                }
            }
            return 0;
        }
        warnOnce(device, "listing its compute processes", NvmlReturn.INSUFFICIENT_SIZE.code());
        return -1;
    }

    /**
     * Sums this PID's and all processes' {@code smUtil} over the samples newer than the last seen into {@link #smOurs}
     * and {@link #smAll}, advancing the last seen; {@code false} when NVML has none or cannot say (NOT_SUPPORTED on
     * MIG).
     */
    private boolean smShares(int device, Pointer handle) {
        for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
            count.setValue(sampleCapacity);
            int rc = library.nvmlDeviceGetProcessUtilization(handle, samples, count, lastSeenMicros[device]);
            if (rc == NvmlReturn.INSUFFICIENT_SIZE.code()) {
                // Sizing protocol: a NULL buffer answers with the number of records the driver holds.
                count.setValue(0);
                library.nvmlDeviceGetProcessUtilization(handle, Pointer.NULL, count, lastSeenMicros[device]);
                growSamples(Math.max(count.getValue(), sampleCapacity) * 2);
                continue;
            }
            if (rc == NvmlReturn.NOT_FOUND.code()) {
                return false;
            }
            if (rc != NvmlReturn.SUCCESS.code()) {
                LOG.debug("nvmlDeviceGetProcessUtilization on {} returned {}", labels[device], nvml.describe(rc));
                return false;
            }
            int n = Math.min(count.getValue(), sampleCapacity);
            long ours = 0;
            long all = 0;
            long newest = lastSeenMicros[device];
            for (int i = 0; i < n; i++) {
                long base = (long) i * SAMPLE_SIZE;
                long sm = Integer.toUnsignedLong(samples.getInt(base + SAMPLE_SM_UTIL));
                all += sm;
                if (Integer.toUnsignedLong(samples.getInt(base + SAMPLE_PID)) == pid) {
                    ours += sm;
                }
                long ts = samples.getLong(base + SAMPLE_TIME_STAMP);
                if (Long.compareUnsigned(ts, newest) > 0) {
                    newest = ts;
                }
            }
            lastSeenMicros[device] = newest;
            smOurs = ours;
            smAll = all;
            return true;
        }
        return false;
    }

    private void growProcesses(int records) {
        processCapacity = records;
        processes = new Memory((long) records * PROCESS_INFO_SIZE);
    }

    private void growSamples(int records) {
        sampleCapacity = Math.max(records, 1);
        samples = new Memory((long) sampleCapacity * SAMPLE_SIZE);
    }

    private void warnOnce(int device, String what, int rc) {
        if (!warned[device]) {
            warned[device] = true;
            LOG.warn("NVML failed {} of {}: {}; its energy is not attributed to this process "
                    + "(in a container, NVML sees host PIDs only with --pid=host)", what, labels[device],
                    nvml.describe(rc));
        } else {
            LOG.debug("NVML failed {} of {}: {}", what, labels[device], nvml.describe(rc));
        }
    }
}
