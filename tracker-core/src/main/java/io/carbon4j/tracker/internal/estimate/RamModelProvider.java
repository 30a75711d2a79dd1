package io.carbon4j.tracker.internal.estimate;

import io.carbon4j.tracker.spi.Availability;
import io.carbon4j.tracker.spi.Channel;
import io.carbon4j.tracker.spi.Component;
import io.carbon4j.tracker.spi.Measurement;
import io.carbon4j.tracker.spi.PowerSource;
import io.carbon4j.tracker.spi.PowerSourceException;
import io.carbon4j.tracker.spi.PowerSourceProvider;
import io.carbon4j.tracker.spi.SourceContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * {@code ram-model}: RAM power estimated as {@value #WATTS_PER_GIB} W per GiB of installed memory, for machines
 * where nothing measures DRAM. Priority -100: any measurement wins.
 *
 * <p>The constant is Cloud Carbon Footprint's memory coefficient (0.000392 kWh per GB-hour); eco2AI uses 3/8 W per
 * GB. DRAM power is dominated by refresh and standby power, which scale with capacity rather than with use, so the
 * model charges installed memory; in process mode the core then takes the process's resident share.
 *
 * <h2>Thread safety</h2>
 * Stateless; the sources it opens are confined to the sampler thread.
 */
public final class RamModelProvider implements PowerSourceProvider {

    /** The provider's configuration name. */
    public static final String NAME = "ram-model";
    /** Watts per GiB of installed memory. */
    static final double WATTS_PER_GIB = 0.392;
    private static final double GIB = 1024.0 * 1024 * 1024;

    private final LongSupplier installedBytes;

    /** For {@link java.util.ServiceLoader}: reads this machine's memory at open. */
    public RamModelProvider() {
        this(io.carbon4j.tracker.internal.Environment::installedMemoryBytes);
    }

    RamModelProvider(LongSupplier installedBytes) {
        this.installedBytes = Objects.requireNonNull(installedBytes, "installedBytes");
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Only ram: it is not opened when a higher-priority source already covers it. */
    @Override
    public java.util.Set<io.carbon4j.tracker.spi.Component> reportableComponents() {
        return java.util.Set.of(io.carbon4j.tracker.spi.Component.RAM);
    }

    @Override
    public int priority() {
        return -100;
    }

    @Override
    public Availability probe(SourceContext context) {
        return Availability.available("estimate from installed memory");
    }

    @Override
    public PowerSource open(SourceContext context) throws PowerSourceException {
        long bytes;
        try {
            bytes = installedBytes.getAsLong();
        } catch (RuntimeException | LinkageError e) {
            throw new PowerSourceException("installed memory could not be read: " + e, e);
        }
        if (bytes <= 0) {
            throw new PowerSourceException("installed memory could not be read");
        }
        double gib = bytes / GIB;
        double watts = WATTS_PER_GIB * gib;
        String description = String.format(Locale.ROOT,
                "estimated (%s W per GiB x %.1f GiB installed = %s W; Cloud Carbon Footprint memory coefficient)",
                CpuPowerPlan.watts(WATTS_PER_GIB), gib, CpuPowerPlan.watts(watts));
        Channel channel = new Channel("ram", Component.RAM, Measurement.ESTIMATE, description, Map.of(
                "installed_gib", String.format(Locale.ROOT, "%.3f", gib),
                "watts", CpuPowerPlan.watts(watts)));
        return new ConstantPowerSource(List.of(channel), new double[] {watts}, context::nanoTime);
    }
}
