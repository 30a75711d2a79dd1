package io.carbon4j.tracker.rapl.internal;

import io.carbon4j.tracker.TrackerProperties;
import io.carbon4j.tracker.rapl.Rapl;
import io.carbon4j.tracker.spi.Availability;
import io.carbon4j.tracker.spi.PowerSource;
import io.carbon4j.tracker.spi.PowerSourceException;
import io.carbon4j.tracker.spi.PowerSourceProvider;
import io.carbon4j.tracker.spi.SourceContext;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code rapl} provider (priority 100): CPU package and DRAM energy from the Linux powercap tree at
 * {@link SourceContext#raplRoot()}. Public only because {@link java.util.ServiceLoader} instantiates it; its
 * package is not exported. See {@code docs/rapl.md}.
 *
 * <p>Construction touches nothing; {@link #probe} reads the zone names, ranges and one value of each counted
 * counter; {@link #open} does the same and keeps the counters open.
 */
public final class RaplPowerSourceProvider implements PowerSourceProvider {

    private static final Logger LOG = LoggerFactory.getLogger(RaplPowerSourceProvider.class);

    private final FileAccess files;

    /** The provider on the real file system; the constructor {@link java.util.ServiceLoader} calls. */
    public RaplPowerSourceProvider() {
        this(FileAccess.files());
    }

    RaplPowerSourceProvider(FileAccess files) {
        this.files = files;
    }

    @Override
    public String name() {
        return Rapl.NAME;
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Availability probe(SourceContext context) {
        try {
            PowercapReader.Selection selection = select(context);
            probed = new Probed(context.raplRoot(), psys(context), selection);
            return Availability.available(selection.description);
        } catch (PowerSourceException e) {
            return Availability.unavailable(e.getMessage());
        } catch (RuntimeException e) {
            LOG.debug("RAPL probe failed", e);
            return Availability.unavailable("RAPL probe failed: " + e);
        }
    }

    @Override
    public PowerSource open(SourceContext context) throws PowerSourceException {
        // The tracker opens right after probing: reuse the probe's walk of the tree (once) instead of walking it
        // again, which cost about 10 ms of a cold start.
        Probed p = probed;
        probed = null;
        PowercapReader.Selection selection = p != null && p.root.equals(context.raplRoot()) && p.psys == psys(context)
                ? p.selection
                : select(context);
        for (String decision : selection.decisions) {
            LOG.info("RAPL: {}", decision);
        }
        LOG.debug("RAPL: reading {}", selection.description);
        return new RaplPowerSource(selection.counted, files, context::nanoTime);
    }

    /** The last probe's selection, consumed by the next open. */
    private volatile Probed probed;

    private static final class Probed {
        final java.nio.file.Path root;
        final boolean psys;
        final PowercapReader.Selection selection;

        Probed(java.nio.file.Path root, boolean psys, PowercapReader.Selection selection) {
            this.root = root;
            this.psys = psys;
            this.selection = selection;
        }
    }

    private PowercapReader.Selection select(SourceContext context) throws PowerSourceException {
        boolean psys = psys(context);
        return new PowercapReader(context.raplRoot(), files).select(psys);
    }

    /** The {@code rapl.psys} setting; a value other than true or false is an error, never a silent default. */
    static boolean psys(SourceContext context) throws PowerSourceException {
        Optional<String> raw = context.property(Rapl.PSYS);
        if (raw.isEmpty()) {
            return false;
        }
        String value = raw.get().strip().toLowerCase(Locale.ROOT);
        if (value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        String shown = raw.get().length() > 60 ? raw.get().substring(0, 60) + "..." : raw.get();
        throw new PowerSourceException("Invalid value '" + shown + "' for " + TrackerProperties.PREFIX + Rapl.PSYS
                + " (from a builder property, the system property " + TrackerProperties.PREFIX + Rapl.PSYS
                + " or the environment variable CARBON4J_RAPL_PSYS); expected true or false");
    }
}
