package io.carbon4j.examples;

import io.carbon4j.tracker.spi.Availability;
import io.carbon4j.tracker.spi.Channel;
import io.carbon4j.tracker.spi.Component;
import io.carbon4j.tracker.spi.EnergySample;
import io.carbon4j.tracker.spi.Measurement;
import io.carbon4j.tracker.spi.PowerIntegrator;
import io.carbon4j.tracker.spi.PowerSource;
import io.carbon4j.tracker.spi.PowerSourceProvider;
import io.carbon4j.tracker.spi.SourceContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A power source for a device carbon4j does not know: an accelerator box on a smart plug that reports its power
 * draw in watts. The plug reports power, not energy, so the source integrates it with {@link PowerIntegrator} over
 * the measured time between reads; its channel is therefore {@link Measurement#INTEGRATED_POWER}, accounted as
 * {@link Component#GPU}.
 *
 * <p>Registered in code with {@code EmissionsTracker.builder().addPowerSource(new SmartPlugProvider(...))}. The
 * no-argument constructor reads the plug from the file named by {@code carbon4j.smartplug.file} (a file a
 * home-automation bridge keeps updated with the current watts); without it the provider reports itself unavailable
 * and says how to configure it.
 *
 * <h2>Thread safety</h2>
 * The provider is stateless; each source is confined to the tracker's sampler thread, as the SPI guarantees.
 */
public final class SmartPlugProvider implements PowerSourceProvider {

    /** The key (without {@code carbon4j.}) naming the file that holds the plug's power in watts. */
    public static final String FILE_KEY = "smartplug.file";

    /** Reads the plug's current power draw. */
    @FunctionalInterface
    public interface Plug {
        /** The current power in watts. */
        double watts() throws IOException;
    }

    private final Plug plug;

    /** A provider reading the file named by {@code carbon4j.smartplug.file}. */
    public SmartPlugProvider() {
        this.plug = null;
    }

    /** A provider reading {@code plug}. */
    public SmartPlugProvider(Plug plug) {
        this.plug = Objects.requireNonNull(plug, "plug");
    }

    /** A plug whose power is the number in {@code file}, e.g. {@code 42.5}, re-read on every sample. */
    public static Plug file(Path file) {
        Objects.requireNonNull(file, "file");
        return () -> Double.parseDouble(Files.readString(file, StandardCharsets.UTF_8).strip());
    }

    @Override
    public String name() {
        return "smartplug";
    }

    @Override
    public int priority() {
        return 50;
    }

    @Override
    public Availability probe(SourceContext context) {
        if (plug != null) {
            return Availability.available("smart plug registered in code");
        }
        Optional<String> file = context.property(FILE_KEY);
        if (file.isEmpty()) {
            return Availability.unavailable("no smart plug configured: set carbon4j." + FILE_KEY
                    + " to a file that holds the plug's power in watts");
        }
        Path path = Path.of(file.get());
        if (!Files.isReadable(path)) {
            return Availability.unavailable("carbon4j." + FILE_KEY + "=" + path + " is not a readable file");
        }
        return Availability.available("smart plug power from " + path);
    }

    @Override
    public PowerSource open(SourceContext context) {
        Plug p = plug != null ? plug : file(Path.of(context.property(FILE_KEY).orElseThrow()));
        return new Source(p, context);
    }

    /** One channel, the plug's power integrated over the sampler's monotonic clock. */
    private static final class Source implements PowerSource {
        private final Plug plug;
        private final SourceContext context;
        private final PowerIntegrator integrator = new PowerIntegrator(1);
        private final List<Channel> channels =
                List.of(Channel.of("plug-0", Component.GPU, Measurement.INTEGRATED_POWER, "accelerator on a smart plug"));

        Source(Plug plug, SourceContext context) {
            this.plug = plug;
            this.context = context;
        }

        @Override
        public List<Channel> channels() {
            return channels;
        }

        @Override
        public void read(EnergySample sample) {
            double watts;
            try {
                watts = plug.watts();
            } catch (IOException | RuntimeException e) {
                // An unreadable plug is a missing value, not an error: the core counts the miss and goes on.
                sample.setJoules(0, Double.NaN);
                return;
            }
            if (!(watts >= 0) || Double.isInfinite(watts)) {
                sample.setJoules(0, Double.NaN);
                return;
            }
            sample.setJoules(0, integrator.update(0, watts, context.nanoTime()));
        }

        @Override
        public void close() {
            // Nothing to release: the plug is read through a file or the application's own client.
        }
    }
}
