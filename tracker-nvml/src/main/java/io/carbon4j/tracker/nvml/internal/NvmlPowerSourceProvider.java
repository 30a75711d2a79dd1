package io.carbon4j.tracker.nvml.internal;

import io.carbon4j.tracker.spi.Availability;
import io.carbon4j.tracker.spi.PowerSource;
import io.carbon4j.tracker.spi.PowerSourceException;
import io.carbon4j.tracker.spi.PowerSourceProvider;
import io.carbon4j.tracker.spi.SourceContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code nvml} power source: the energy of every NVIDIA GPU visible to this process, through {@code
 * libnvidia-ml}.
 *
 * <p>Discovery only constructs this class, which holds no JNA type: the library is loaded when the provider is probed
 * or opened, from {@code carbon4j.nvml.library} (a file, or a directory holding {@code libnvidia-ml.so.1}, {@code
 * libnvidia-ml.so} or {@code nvml.dll}) or else from the system's names. Without the driver, or without the JNA jar,
 * the probe answers "unavailable" with the reason and a link to {@code docs/troubleshooting.md#nvml-not-found}.
 *
 * <p>The probe initialises NVML, lists the visible GPUs and shuts NVML down again; an open source holds one NVML
 * reference until it is closed.
 *
 * <h2>Thread safety</h2>
 * Stateless; safe from any thread.
 */
public final class NvmlPowerSourceProvider implements PowerSourceProvider {

    private static final Logger LOG = LoggerFactory.getLogger(NvmlPowerSourceProvider.class);

    private final LibraryLoader loader;
    private final Function<String, String> environment;

    /** The provider that {@link java.util.ServiceLoader} instantiates; it reads the real environment. */
    public NvmlPowerSourceProvider() {
        this(null, System::getenv);
    }

    /**
     * @param loader      the library to use, or {@code null} to load {@code libnvidia-ml} with JNA
     * @param environment the process environment ({@code CUDA_VISIBLE_DEVICES}, Windows install paths)
     */
    NvmlPowerSourceProvider(LibraryLoader loader, Function<String, String> environment) {
        this.loader = loader;
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public String name() {
        return "nvml";
    }

    /** Only gpu: it is not opened when a higher-priority source already covers it. */
    @Override
    public java.util.Set<io.carbon4j.tracker.spi.Component> reportableComponents() {
        return java.util.Set.of(io.carbon4j.tracker.spi.Component.GPU);
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Availability probe(SourceContext context) {
        if (loader == null && context.nvmlLibrary().isEmpty() && isLinux() && !driverPresent(Path.of("/"))) {
            // Loading JNA and failing every dlopen costs tens of milliseconds cold, on the tracker's start path;
            // without the driver's device files there is nothing for NVML to find anyway.
            return Availability.unavailable("no NVIDIA driver found (neither /proc/driver/nvidia nor /dev/nvidiactl"
                    + " exists); if libnvidia-ml is installed, set carbon4j.nvml.library to the library file or its"
                    + " directory; see docs/troubleshooting.md#nvml-not-found");
        }
        try {
            LibraryLoader.LoadedLibrary loaded = load(context);
            Nvml nvml = Nvml.init(loaded.library());
            try {
                List<NvmlPowerSource.Gpu> gpus = NvmlPowerSource.visibleGpus(nvml, environment);
                return Availability.available(describe(gpus) + " via " + loaded.origin());
            } finally {
                nvml.close();
            }
        } catch (LibraryLoader.NvmlLoadException | PowerSourceException e) {
            LOG.debug("NVML unavailable", e);
            return Availability.unavailable(e.getMessage());
        } catch (LinkageError e) {
            LOG.debug("NVML binding could not be linked", e);
            return Availability.unavailable(linkageReason(e));
        } catch (RuntimeException e) {
            LOG.debug("NVML probe failed", e);
            return Availability.unavailable("NVML probe failed: " + e + "; " + Nvml.NOT_FOUND_HELP);
        }
    }

    @Override
    public PowerSource open(SourceContext context) throws PowerSourceException {
        LibraryLoader.LoadedLibrary loaded;
        try {
            loaded = load(context);
        } catch (LibraryLoader.NvmlLoadException e) {
            throw new PowerSourceException(e.getMessage(), e);
        } catch (LinkageError e) {
            throw new PowerSourceException(linkageReason(e), e);
        }
        Nvml nvml = Nvml.init(loaded.library());
        try {
            return NvmlPowerSource.open(nvml, context, environment);
        } catch (RuntimeException | LinkageError e) {
            nvml.close();
            throw e;
        }
    }

    private LibraryLoader.LoadedLibrary load(SourceContext context) throws LibraryLoader.NvmlLoadException {
        LibraryLoader l = loader != null ? loader : new NvmlLoader(environment);
        return l.load(context.nvmlLibrary());
    }

    /** Whether the NVIDIA kernel driver shows itself under {@code root} (the file-system root, or a test's). */
    static boolean driverPresent(Path root) {
        return Files.exists(root.resolve("proc/driver/nvidia")) || Files.exists(root.resolve("dev/nvidiactl"));
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux");
    }

    private static String linkageReason(LinkageError e) {
        return "the NVML binding could not be linked (" + e + "); is the JNA jar (net.java.dev.jna:jna) on the class "
                + "path, and is libnvidia-ml the driver's library? " + Nvml.NOT_FOUND_HELP;
    }

    private static String describe(List<NvmlPowerSource.Gpu> gpus) {
        StringBuilder b = new StringBuilder();
        b.append(gpus.size()).append(gpus.size() == 1 ? " GPU: " : " GPUs: ");
        for (int i = 0; i < gpus.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(gpus.get(i).index()).append(' ').append(gpus.get(i).name());
        }
        return b.toString();
    }
}
