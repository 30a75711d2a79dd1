package io.carbon4j.tracker.internal;

import io.carbon4j.tracker.ConfigSource;
import io.carbon4j.tracker.internal.estimate.CpuAttribution;
import io.carbon4j.tracker.internal.estimate.ProcessAttributor;
import java.util.Objects;
import java.util.Optional;

/**
 * Process shares for process tracking mode, from {@link ProcessAttributor}: CPU by the model of
 * {@code carbon4j.attribution.model} ({@code capacity}, the default, or {@code busy}), RAM by resident set over used
 * memory, GPU from the GPU source's own per-process energy.
 */
final class JvmProcessShare implements ProcessShare {

    private final ProcessAttributor attributor;
    private final String model;

    /**
     * Reads the model choice from {@code settings}.
     *
     * @throws io.carbon4j.tracker.TrackerConfigurationException when {@code carbon4j.attribution.model} is not
     *                                                           {@code capacity} or {@code busy}
     */
    JvmProcessShare(TrackerSettings settings) {
        this(ProcessAttributor.system(model(settings)));
    }

    JvmProcessShare(ProcessAttributor attributor) {
        this.attributor = Objects.requireNonNull(attributor, "attributor");
        this.model = attributor.model();
    }

    static CpuAttribution model(TrackerSettings settings) {
        Optional<ConfigSource.Value> raw = settings.raw(CpuAttribution.KEY);
        if (raw.isEmpty()) {
            return CpuAttribution.CAPACITY;
        }
        return CpuAttribution.parse(raw.get().value())
                .orElseThrow(() -> TrackerSettings.invalid(CpuAttribution.KEY, raw.get(), "capacity or busy"));
    }

    @Override
    public void update(long intervalNanos, double[] shares) {
        attributor.update(intervalNanos, shares);
    }

    @Override
    public void close() {
        attributor.close();
    }

    @Override
    public String model() {
        return model;
    }
}
