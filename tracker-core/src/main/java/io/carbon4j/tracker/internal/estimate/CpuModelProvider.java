package io.carbon4j.tracker.internal.estimate;

import io.carbon4j.tracker.spi.Availability;
import io.carbon4j.tracker.spi.PowerSource;
import io.carbon4j.tracker.spi.PowerSourceException;
import io.carbon4j.tracker.spi.PowerSourceProvider;
import io.carbon4j.tracker.spi.SourceContext;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code cpu-model}: CPU power estimated from the bundled TDP table and the machine's CPU load, for machines where
 * nothing measures the CPU (no readable RAPL, virtual machines, macOS, Windows). Priority -100: any measurement
 * wins. See {@link CpuPowerPlan} for the full-load figure and {@link LinearPowerModel} for the load curve.
 *
 * <h2>Thread safety</h2>
 * Stateless; the sources it opens are confined to the sampler thread.
 */
public final class CpuModelProvider implements PowerSourceProvider {

    /** The provider's configuration name. */
    public static final String NAME = "cpu-model";

    private final Supplier<CpuFacts> facts;
    private final Supplier<MachineCpuReader> reader;
    private final Supplier<TdpTable> table;

    /** For {@link java.util.ServiceLoader}: reads this machine, lazily. */
    public CpuModelProvider() {
        this(CpuFacts::system, MachineCpuReader::system, TdpTable::bundled);
    }

    CpuModelProvider(Supplier<CpuFacts> facts, Supplier<MachineCpuReader> reader, Supplier<TdpTable> table) {
        this.facts = Objects.requireNonNull(facts, "facts");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Only cpu: it is not opened when a higher-priority source already covers it. */
    @Override
    public java.util.Set<io.carbon4j.tracker.spi.Component> reportableComponents() {
        return java.util.Set.of(io.carbon4j.tracker.spi.Component.CPU);
    }

    @Override
    public int priority() {
        return -100;
    }

    @Override
    public Availability probe(SourceContext context) {
        try {
            CpuFacts f = facts.get();
            return Availability.available("estimate for CPU '" + (f.modelName().isEmpty() ? "unknown" : f.modelName())
                    + "', " + f.logicalCpus() + " logical CPUs");
        } catch (RuntimeException | LinkageError e) {
            return Availability.unavailable("the CPU could not be described: " + e);
        }
    }

    @Override
    public PowerSource open(SourceContext context) throws PowerSourceException {
        CpuFacts f = facts.get();
        CpuPowerPlan plan = CpuPowerPlan.of(f, table.get().match(f.modelName()));
        MachineCpuReader r = reader.get();
        return new CpuModelSource(plan, new LinearPowerModel(plan.maxWatts(), CpuPowerPlan.IDLE_FRACTION), r,
                context::nanoTime);
    }
}
