package io.carbon4j.tracker.spi;

import java.util.Map;
import java.util.Objects;

/**
 * One energy channel of a {@link PowerSource}: a socket's package counter, a DRAM zone, one GPU.
 *
 * <p>Channels are fixed when the source is opened; their order is the index order of {@link EnergySample}.
 *
 * @param id          stable identifier, unique within its source, e.g. {@code package-0}, {@code dram-1},
 *                    {@code gpu-0}
 * @param component   the component this channel's energy is accounted to
 * @param measurement how the channel's energy is obtained
 * @param description a human description, e.g. {@code "NVIDIA H200 (GPU-3f2a...)"} or {@code "RAPL package-0"}
 * @param attributes  extra facts written to the JSONL output (socket, uuid, index, model); may be empty
 * @since 0.1.0
 */
public record Channel(
        String id, Component component, Measurement measurement, String description, Map<String, String> attributes) {

    /** Validates and copies the attributes. */
    public Channel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(measurement, "measurement");
        Objects.requireNonNull(description, "description");
        attributes = Map.copyOf(Objects.requireNonNull(attributes, "attributes"));
        if (id.isBlank()) {
            throw new IllegalArgumentException("channel id must not be blank");
        }
    }

    /** A channel without attributes. */
    public static Channel of(String id, Component component, Measurement measurement, String description) {
        return new Channel(id, component, measurement, description, Map.of());
    }

    /** A copy of this channel with another measurement kind (used when a GPU falls back to power polling). */
    public Channel withMeasurement(Measurement newMeasurement) {
        return new Channel(id, component, newMeasurement, description, attributes);
    }
}
