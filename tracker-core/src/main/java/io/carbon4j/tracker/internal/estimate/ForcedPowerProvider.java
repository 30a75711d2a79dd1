package io.carbon4j.tracker.internal.estimate;

import io.carbon4j.tracker.TrackerProperties;
import io.carbon4j.tracker.spi.Availability;
import io.carbon4j.tracker.spi.Channel;
import io.carbon4j.tracker.spi.Component;
import io.carbon4j.tracker.spi.Measurement;
import io.carbon4j.tracker.spi.PowerSource;
import io.carbon4j.tracker.spi.PowerSourceException;
import io.carbon4j.tracker.spi.PowerSourceProvider;
import io.carbon4j.tracker.spi.SourceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code forced-power}: the constant powers of {@code carbon4j.cpu.power} and {@code carbon4j.ram.power}. Forced
 * means forced: at priority 1000 it wins over every measurement for the component it covers, and the results call
 * the figure ESTIMATED, "forced by carbon4j.cpu.power (65 W)". Unavailable (and so silent) when neither key is set.
 *
 * <p>The keys are validated by the tracker's settings before any provider runs; this provider re-checks them so that
 * it never integrates a nonsensical value when used on its own.
 *
 * <h2>Thread safety</h2>
 * Stateless; the sources it opens are confined to the sampler thread.
 */
public final class ForcedPowerProvider implements PowerSourceProvider {

    /** The provider's configuration name. */
    public static final String NAME = "forced-power";
    private static final double MAX_WATTS = 100_000;

    /** For {@link java.util.ServiceLoader}. */
    public ForcedPowerProvider() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 1000;
    }

    @Override
    public Availability probe(SourceContext context) {
        try {
            OptionalDouble cpu = watts(context, TrackerProperties.CPU_POWER);
            OptionalDouble ram = watts(context, TrackerProperties.RAM_POWER);
            if (cpu.isEmpty() && ram.isEmpty()) {
                return Availability.unavailable("neither " + TrackerProperties.PREFIX + TrackerProperties.CPU_POWER
                        + " nor " + TrackerProperties.PREFIX + TrackerProperties.RAM_POWER + " is set");
            }
            return Availability.available("forced power:" + (cpu.isPresent() ? " cpu " + w(cpu) + " W" : "")
                    + (ram.isPresent() ? " ram " + w(ram) + " W" : ""));
        } catch (IllegalArgumentException e) {
            return Availability.unavailable(e.getMessage());
        }
    }

    @Override
    public PowerSource open(SourceContext context) throws PowerSourceException {
        List<Channel> channels = new ArrayList<>();
        List<Double> powers = new ArrayList<>();
        try {
            add(context, TrackerProperties.CPU_POWER, "cpu", Component.CPU, channels, powers);
            add(context, TrackerProperties.RAM_POWER, "ram", Component.RAM, channels, powers);
        } catch (IllegalArgumentException e) {
            throw new PowerSourceException(e.getMessage(), e);
        }
        if (channels.isEmpty()) {
            throw new PowerSourceException("neither " + TrackerProperties.PREFIX + TrackerProperties.CPU_POWER
                    + " nor " + TrackerProperties.PREFIX + TrackerProperties.RAM_POWER + " is set");
        }
        double[] watts = new double[powers.size()];
        for (int i = 0; i < watts.length; i++) {
            watts[i] = powers.get(i);
        }
        return new ConstantPowerSource(channels, watts, context::nanoTime);
    }

    private static void add(SourceContext context, String key, String id, Component component, List<Channel> channels,
            List<Double> powers) {
        OptionalDouble w = watts(context, key);
        if (w.isPresent()) {
            channels.add(new Channel(id, component, Measurement.ESTIMATE,
                    "forced by " + TrackerProperties.PREFIX + key + " (" + w(w) + " W)", Map.of("watts", w(w))));
            powers.add(w.getAsDouble());
        }
    }

    private static String w(OptionalDouble w) {
        return CpuPowerPlan.watts(w.getAsDouble());
    }

    /** The value of {@code key} in watts; {@link IllegalArgumentException} naming the key when it is not a power. */
    static OptionalDouble watts(SourceContext context, String key) {
        Optional<String> raw = context.property(key);
        if (raw.isEmpty() || raw.get().isBlank()) {
            return OptionalDouble.empty();
        }
        String v = raw.get().strip();
        double d;
        try {
            if (!v.matches("[+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
                throw new NumberFormatException(v);
            }
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        if (!(d >= 0 && d <= MAX_WATTS)) {
            throw new IllegalArgumentException("Invalid value '" + v + "' for " + TrackerProperties.PREFIX + key
                    + "; expected a power in watts from 0 to 100000, such as 65");
        }
        return OptionalDouble.of(d);
    }
}
