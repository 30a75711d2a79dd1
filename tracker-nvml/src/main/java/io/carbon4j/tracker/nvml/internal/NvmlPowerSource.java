package io.carbon4j.tracker.nvml.internal;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import io.carbon4j.tracker.TrackingMode;
import io.carbon4j.tracker.spi.Channel;
import io.carbon4j.tracker.spi.Component;
import io.carbon4j.tracker.spi.EnergySample;
import io.carbon4j.tracker.spi.Measurement;
import io.carbon4j.tracker.spi.PowerIntegrator;
import io.carbon4j.tracker.spi.PowerSource;
import io.carbon4j.tracker.spi.PowerSourceException;
import io.carbon4j.tracker.spi.SourceContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The energy of every visible NVIDIA GPU, one {@link Channel} per GPU.
 *
 * <p>Each GPU is read from its cumulative energy counter ({@code nvmlDeviceGetTotalEnergyConsumption}, millijoules,
 * Volta and newer) when the counter works at open, and otherwise by integrating {@code nvmlDeviceGetPowerUsage}
 * over the measured monotonic interval. A GPU that reports {@code GPU_IS_LOST} is never called again and reads
 * {@code NaN} from then on; any other error gives {@code NaN} for that read only. Either way the other GPUs go on and
 * the core keeps the energy measured so far.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: opened on the starting thread, then read and closed on the sampler thread.
 */
final class NvmlPowerSource implements PowerSource {

    private static final Logger LOG = LoggerFactory.getLogger(NvmlPowerSource.class);

    /** A visible GPU found at open. */
    record Gpu(int index, Pointer handle, String name, String uuid) {}

    private final Nvml nvml;
    private final NvmlLibrary library;
    private final List<Channel> channels;
    private final Pointer[] handles;
    private final boolean[] counter;
    private final long[] originMillijoules;
    private final long[] lastMillijoules;
    private final PowerIntegrator integrator;
    private final boolean[] lost;
    private final boolean[] warned;
    private final boolean[] utilizationSupported;
    private final LongByReference energy = new LongByReference();
    private final IntByReference power = new IntByReference();
    private final NvmlUtilization utilization = new NvmlUtilization();
    private final ProcessAttribution attribution;
    private final LongSupplier nanoTime;
    private boolean closed;

    private NvmlPowerSource(Nvml nvml, List<Gpu> gpus, boolean[] counter, long[] origin, SourceContext context) {
        this.nvml = nvml;
        this.library = nvml.library();
        this.nanoTime = context::nanoTime;
        int n = gpus.size();
        this.handles = new Pointer[n];
        this.counter = counter.clone();
        this.originMillijoules = origin.clone();
        this.lastMillijoules = origin.clone();
        this.integrator = new PowerIntegrator(n);
        this.lost = new boolean[n];
        this.warned = new boolean[n];
        this.utilizationSupported = new boolean[n];
        List<Channel> list = new ArrayList<>(n);
        String[] labels = new String[n];
        NvmlMemory memory = new NvmlMemory();
        for (int i = 0; i < n; i++) {
            Gpu gpu = gpus.get(i);
            handles[i] = gpu.handle();
            utilizationSupported[i] = true;
            labels[i] = "GPU " + gpu.index() + " (" + gpu.uuid() + ")";
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("index", Integer.toString(gpu.index()));
            attributes.put("uuid", gpu.uuid());
            attributes.put("name", gpu.name());
            attributes.put("model", gpu.name());
            if (library.nvmlDeviceGetMemoryInfo(gpu.handle(), memory) == NvmlReturn.SUCCESS.code()) {
                attributes.put("memory_total_bytes", Long.toUnsignedString(memory.total));
            }
            list.add(new Channel("gpu-" + gpu.index(), Component.GPU,
                    counter[i] ? Measurement.COUNTER : Measurement.INTEGRATED_POWER,
                    gpu.name() + " (" + gpu.uuid() + ")", attributes));
        }
        this.channels = List.copyOf(list);
        // NVML only writes the record: skip JNA's reflective copy into native memory before every call.
        utilization.setAutoWrite(false);
        this.attribution = context.trackingMode() == TrackingMode.PROCESS
                ? new ProcessAttribution(nvml, context.processId(), labels)
                : null;
    }

    /**
     * Opens a source on the GPUs of {@code nvml} that {@code CUDA_VISIBLE_DEVICES} (read through {@code environment})
     * leaves visible. On failure the caller still owns {@code nvml} and closes it.
     *
     * @throws PowerSourceException when no GPU is visible or none can be read
     */
    static NvmlPowerSource open(Nvml nvml, SourceContext context, Function<String, String> environment)
            throws PowerSourceException {
        NvmlLibrary library = nvml.library();
        List<Gpu> visible = visibleGpus(nvml, environment);
        List<Gpu> usable = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        LongByReference energy = new LongByReference();
        IntByReference power = new IntByReference();
        long[] origin = new long[visible.size()];
        boolean[] counter = new boolean[visible.size()];
        for (Gpu gpu : visible) {
            int rc = library.nvmlDeviceGetTotalEnergyConsumption(gpu.handle(), energy);
            int slot = usable.size();
            if (rc == NvmlReturn.SUCCESS.code()) {
                counter[slot] = true;
                origin[slot] = energy.getValue();
                usable.add(gpu);
                continue;
            }
            if (rc == NvmlReturn.NOT_SUPPORTED.code()) {
                int prc = library.nvmlDeviceGetPowerUsage(gpu.handle(), power);
                if (prc == NvmlReturn.SUCCESS.code()) {
                    LOG.info("GPU {} ({}) has no energy counter (older than Volta, or a vGPU); integrating its power "
                            + "readings instead", gpu.index(), gpu.name());
                    usable.add(gpu);
                    continue;
                }
                rc = prc;
            }
            String problem = "GPU " + gpu.index() + " (" + gpu.uuid() + "): " + nvml.describe(rc);
            problems.add(problem);
            LOG.warn("Skipping {}: it reports neither energy nor power", problem);
        }
        if (usable.isEmpty()) {
            throw new PowerSourceException("no visible GPU can be read: " + String.join("; ", problems));
        }
        NvmlPowerSource source = new NvmlPowerSource(nvml, usable, Arrays.copyOf(counter, usable.size()),
                Arrays.copyOf(origin, usable.size()), context);
        source.start();
        return source;
    }

    /** The first power readings and the process-utilisation baseline. */
    private void start() {
        for (int i = 0; i < handles.length; i++) {
            if (!counter[i]) {
                readPower(i);
            }
            if (attribution != null) {
                attribution.prime(i, handles[i]);
            }
        }
    }

    /**
     * Every GPU in NVML index order, filtered and ordered by {@code CUDA_VISIBLE_DEVICES}.
     *
     * @throws PowerSourceException when NVML lists no GPU or none is visible
     */
    static List<Gpu> visibleGpus(Nvml nvml, Function<String, String> environment) throws PowerSourceException {
        NvmlLibrary library = nvml.library();
        IntByReference count = new IntByReference();
        int rc = library.nvmlDeviceGetCount_v2(count);
        if (rc != NvmlReturn.SUCCESS.code()) {
            throw new PowerSourceException("nvmlDeviceGetCount_v2 failed with " + nvml.describe(rc));
        }
        List<Gpu> all = new ArrayList<>();
        List<String> uuids = new ArrayList<>();
        PointerByReference handle = new PointerByReference();
        byte[] text = new byte[Math.max(NvmlLibrary.NAME_BUFFER_SIZE, NvmlLibrary.UUID_BUFFER_SIZE)];
        for (int i = 0; i < count.getValue(); i++) {
            rc = library.nvmlDeviceGetHandleByIndex_v2(i, handle);
            if (rc != NvmlReturn.SUCCESS.code()) {
                // Keeps NVML indices aligned; an empty UUID never matches a prefix.
                LOG.warn("GPU {} cannot be opened: {}; it is not measured", i, nvml.describe(rc));
                all.add(null);
                uuids.add("");
                continue;
            }
            Pointer h = handle.getValue();
            String name = library.nvmlDeviceGetName(h, text, NvmlLibrary.NAME_BUFFER_SIZE) == 0
                    ? Native.toString(text, StandardCharsets.UTF_8.name())
                    : "NVIDIA GPU";
            String uuid = library.nvmlDeviceGetUUID(h, text, NvmlLibrary.UUID_BUFFER_SIZE) == 0
                    ? Native.toString(text, StandardCharsets.UTF_8.name())
                    : "";
            all.add(new Gpu(i, h, name, uuid.isEmpty() ? "index-" + i : uuid));
            uuids.add(uuid);
        }
        String spec = environment.apply(VisibleDevices.VARIABLE);
        VisibleDevices.Selection selection = VisibleDevices.select(spec, uuids, mig -> migParent(library, mig));
        for (String note : selection.notes()) {
            LOG.warn("{}", note);
        }
        List<Gpu> visible = new ArrayList<>();
        for (int index : selection.indices()) {
            if (all.get(index) != null) {
                visible.add(all.get(index));
            }
        }
        if (visible.isEmpty()) {
            throw new PowerSourceException(all.isEmpty()
                    ? "NVML lists no GPU on this machine; " + Nvml.NOT_FOUND_HELP
                    : "no GPU is visible to this process: " + VisibleDevices.VARIABLE + "="
                            + (spec == null ? "(unset)" : "'" + spec + "'") + " selects none of the " + all.size()
                            + " GPUs NVML lists");
        }
        return visible;
    }

    /** The UUID of the physical GPU holding MIG device {@code migUuid}, if NVML knows it. */
    private static Optional<String> migParent(NvmlLibrary library, String migUuid) {
        PointerByReference mig = new PointerByReference();
        if (library.nvmlDeviceGetHandleByUUID(migUuid, mig) != NvmlReturn.SUCCESS.code()) {
            return Optional.empty();
        }
        PointerByReference parent = new PointerByReference();
        if (library.nvmlDeviceGetDeviceHandleFromMigDeviceHandle(mig.getValue(), parent)
                != NvmlReturn.SUCCESS.code()) {
            return Optional.empty();
        }
        byte[] text = new byte[NvmlLibrary.UUID_BUFFER_SIZE];
        if (library.nvmlDeviceGetUUID(parent.getValue(), text, text.length) != NvmlReturn.SUCCESS.code()) {
            return Optional.empty();
        }
        return Optional.of(Native.toString(text, StandardCharsets.UTF_8.name()));
    }

    @Override
    public List<Channel> channels() {
        return channels;
    }

    @Override
    public void read(EnergySample sample) {
        if (closed) {
            throw new IllegalStateException("the NVML source is closed");
        }
        for (int i = 0; i < handles.length; i++) {
            if (lost[i]) {
                sample.setJoules(i, Double.NaN);
                continue;
            }
            double joules = counter[i] ? readCounter(i) : readPower(i);
            sample.setJoules(i, joules);
            if (lost[i]) {
                continue;
            }
            readUtilization(i, sample);
            if (attribution != null) {
                sample.setProcessJoules(i, attribution.update(i, handles[i], joules));
            }
        }
    }

    private double readCounter(int i) {
        int rc = library.nvmlDeviceGetTotalEnergyConsumption(handles[i], energy);
        if (rc != NvmlReturn.SUCCESS.code()) {
            failed(i, "nvmlDeviceGetTotalEnergyConsumption", rc);
            return Double.NaN;
        }
        long raw = energy.getValue();
        if (Long.compareUnsigned(raw, lastMillijoules[i]) < 0) {
            // The counter restarts when the driver reloads. Reporting 0 shows the core a decrease, which it
            // rebases on instead of counting.
            LOG.info("Energy counter of {} went backwards (driver reload); rebased", channels.get(i).id());
            originMillijoules[i] = raw;
        }
        lastMillijoules[i] = raw;
        return (raw - originMillijoules[i]) / 1000.0;
    }

    private double readPower(int i) {
        int rc = library.nvmlDeviceGetPowerUsage(handles[i], power);
        long now = nanoTime.getAsLong();
        if (rc != NvmlReturn.SUCCESS.code()) {
            failed(i, "nvmlDeviceGetPowerUsage", rc);
            return Double.NaN;
        }
        return integrator.update(i, Integer.toUnsignedLong(power.getValue()) / 1000.0, now);
    }

    private void readUtilization(int i, EnergySample sample) {
        if (!utilizationSupported[i]) {
            return;
        }
        int rc = library.nvmlDeviceGetUtilizationRates(handles[i], utilization);
        if (rc == NvmlReturn.SUCCESS.code()) {
            sample.setUtilizationPercent(i, Integer.toUnsignedLong(utilization.gpu));
        } else if (rc == NvmlReturn.NOT_SUPPORTED.code()) {
            utilizationSupported[i] = false;
        } else {
            LOG.debug("nvmlDeviceGetUtilizationRates of {} returned {}", channels.get(i).id(), nvml.describe(rc));
        }
    }

    private void failed(int i, String call, int rc) {
        Channel channel = channels.get(i);
        if (rc == NvmlReturn.GPU_IS_LOST.code()) {
            lost[i] = true;
            LOG.warn("{} {} is lost ({} returned {}); it is no longer read and its energy so far is kept",
                    channel.id(), channel.description(), call, nvml.describe(rc));
        } else if (!warned[i]) {
            warned[i] = true;
            LOG.warn("{} {} could not be read ({} returned {}); such reads are skipped", channel.id(),
                    channel.description(), call, nvml.describe(rc));
        } else {
            LOG.debug("{} returned {} for {}", call, nvml.describe(rc), channel.id());
        }
    }

    boolean isLost(int channel) {
        return lost[channel];
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        nvml.close();
    }
}
