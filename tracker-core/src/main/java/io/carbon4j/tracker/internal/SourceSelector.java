package io.carbon4j.tracker.internal;

import io.carbon4j.tracker.ConfigSource;
import io.carbon4j.tracker.SourceReport;
import io.carbon4j.tracker.SourceReport.Status;
import io.carbon4j.tracker.TrackerConfigurationException;
import io.carbon4j.tracker.TrackerProperties;
import io.carbon4j.tracker.spi.Availability;
import io.carbon4j.tracker.spi.Channel;
import io.carbon4j.tracker.spi.Component;
import io.carbon4j.tracker.spi.PowerSource;
import io.carbon4j.tracker.spi.PowerSourceException;
import io.carbon4j.tracker.spi.PowerSourceProvider;
import io.carbon4j.tracker.spi.SourceContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds, probes, opens and ranks power sources. Every call into a provider is treated as untrusted: a provider that
 * fails to load, probe or open (including a missing native library or class) is reported and skipped, never
 * thrown into the user's code.
 */
final class SourceSelector {

    private static final Logger LOG = LoggerFactory.getLogger(SourceSelector.class);

    /** The opened, ranked sources and a report for every provider considered. */
    static final class Selection {
        final List<SourceSlot> slots;
        final List<SourceReport> reports;
        /** What each provider said it can report, by name (empty when it did not say). */
        final Map<String, Set<Component>> declared;

        Selection(List<SourceSlot> slots, List<SourceReport> reports, Map<String, Set<Component>> declared) {
            this.slots = slots;
            this.reports = reports;
            this.declared = declared;
        }
    }

    private SourceSelector() {}

    static Selection select(
            TrackerSettings settings,
            List<PowerSourceProvider> registered,
            boolean discover,
            ClassLoader loader,
            SourceContext context) {
        List<SourceReport> reports = new ArrayList<>();
        Map<String, PowerSourceProvider> providers = new LinkedHashMap<>();
        for (PowerSourceProvider p : registered) {
            String name = safeName(p, reports);
            if (name != null) {
                providers.putIfAbsent(name, p);
            }
        }
        if (discover) {
            discover(loader, providers, reports);
        }

        List<PowerSourceProvider> selected = new ArrayList<>();
        if (settings.sources.isEmpty()) {
            selected.addAll(providers.values());
        } else {
            for (String wanted : settings.sources) {
                if (!providers.containsKey(wanted)) {
                    ConfigSource.Value raw = settings.raw(TrackerProperties.SOURCES).orElseThrow();
                    throw new TrackerConfigurationException("Unknown power source '" + wanted + "' in "
                            + TrackerProperties.PREFIX + TrackerProperties.SOURCES + " (from " + raw.origin()
                            + ", value '" + TrackerSettings.printable(raw.value()) + "'); known sources: "
                            + (providers.isEmpty() ? "none (no provider on the class path)"
                                    : String.join(", ", new TreeSet<>(providers.keySet()))));
                }
                selected.add(providers.get(wanted));
            }
            for (Map.Entry<String, PowerSourceProvider> e : providers.entrySet()) {
                if (!settings.sources.contains(e.getKey())) {
                    reports.add(new SourceReport(e.getKey(), Status.SKIPPED,
                            "not selected by " + TrackerProperties.PREFIX + TrackerProperties.SOURCES, Set.of()));
                }
            }
        }

        // Providers are probed and opened in priority order, so that one whose components are all covered by a
        // higher-priority source is neither probed nor opened (an estimator never pays its cost next to RAPL).
        List<PowerSourceProvider> ranked = new ArrayList<>(selected);
        ranked.sort(Comparator.comparingInt(SourceSelector::safePriority).reversed());

        List<SourceSlot> slots = new ArrayList<>();
        Map<Component, String> coveredBy = new LinkedHashMap<>();
        for (PowerSourceProvider p : ranked) {
            String name = p.name();
            Set<Component> declared = declaredComponents(p);
            if (!declared.isEmpty() && coveredBy.keySet().containsAll(declared)) {
                Set<String> winners = new TreeSet<>();
                for (Component comp : declared) {
                    winners.add(comp.key() + " by " + coveredBy.get(comp));
                }
                reports.add(new SourceReport(name, Status.SKIPPED,
                        "not probed: its components are already measured: " + String.join(", ", winners), Set.of()));
                continue;
            }
            Availability a;
            try {
                a = p.probe(context);
                if (a == null) {
                    a = Availability.unavailable("probe returned no answer");
                }
            } catch (RuntimeException | LinkageError | ServiceConfigurationError e) {
                a = Availability.unavailable("probe failed: " + describe(e));
                LOG.warn("Power source {} could not be probed; skipping it", name, e);
            }
            if (!a.isAvailable()) {
                reports.add(new SourceReport(name, Status.UNAVAILABLE, a.reason(), Set.of()));
                continue;
            }
            String reason = a.reason();
            PowerSource source;
            List<Channel> channels;
            try {
                source = p.open(context);
                if (source == null) {
                    throw new PowerSourceException("open returned no source");
                }
                channels = source.channels();
                validate(channels);
            } catch (PowerSourceException e) {
                reports.add(new SourceReport(name, Status.FAILED, e.getMessage(), Set.of()));
                LOG.debug("Power source {} could not be opened", name, e);
                continue;
            } catch (RuntimeException | LinkageError e) {
                reports.add(new SourceReport(name, Status.FAILED, "open failed: " + describe(e), Set.of()));
                LOG.warn("Power source {} failed to open; skipping it", name, e);
                continue;
            }
            boolean[] assigned = new boolean[channels.size()];
            Set<Component> used = EnumSet.noneOf(Component.class);
            for (int i = 0; i < channels.size(); i++) {
                Component comp = channels.get(i).component();
                if (!coveredBy.containsKey(comp) || coveredBy.get(comp).equals(name)) {
                    assigned[i] = true;
                    used.add(comp);
                }
            }
            if (used.isEmpty()) {
                Set<String> winners = new TreeSet<>();
                for (Channel ch : channels) {
                    winners.add(ch.component().key() + " by " + coveredBy.get(ch.component()));
                }
                reports.add(new SourceReport(name, Status.SKIPPED,
                        "available (" + reason + ") but its components are already measured: "
                                + String.join(", ", winners), Set.of()));
                try {
                    source.close();
                } catch (RuntimeException | LinkageError e) {
                    LOG.debug("Power source {} failed to close", name, e);
                }
                continue;
            }
            for (Component comp : used) {
                coveredBy.putIfAbsent(comp, name);
            }
            slots.add(new SourceSlot(name, source, channels, assigned));
            reports.add(new SourceReport(name, Status.USED, reason, used));
        }
        Map<String, Set<Component>> declared = new LinkedHashMap<>();
        for (Map.Entry<String, PowerSourceProvider> e : providers.entrySet()) {
            declared.put(e.getKey(), declaredComponents(e.getValue()));
        }
        return new Selection(slots, reports, declared);
    }

    private static void discover(ClassLoader loader, Map<String, PowerSourceProvider> providers, List<SourceReport> reports) {
        ServiceLoader<PowerSourceProvider> sl;
        try {
            sl = ServiceLoader.load(PowerSourceProvider.class, loader);
        } catch (ServiceConfigurationError | RuntimeException e) {
            LOG.warn("Power-source discovery failed; only sources registered in code are used", e);
            return;
        }
        Iterator<PowerSourceProvider> it = sl.iterator();
        for (int guard = 0; guard < 1000; guard++) {
            PowerSourceProvider p;
            try {
                if (!it.hasNext()) {
                    return;
                }
                p = it.next();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                LOG.warn("A power-source provider could not be loaded and is skipped: {}", describe(e));
                LOG.debug("Provider loading failure", e);
                reports.add(new SourceReport("unknown", Status.FAILED, "could not be loaded: " + describe(e), Set.of()));
                continue;
            }
            String name = safeName(p, reports);
            if (name != null) {
                providers.putIfAbsent(name, p);
            }
        }
    }

    private static String safeName(PowerSourceProvider p, List<SourceReport> reports) {
        try {
            String name = p.name();
            if (name == null || name.isBlank()) {
                reports.add(new SourceReport(p.getClass().getName(), Status.FAILED, "provider has no name", Set.of()));
                return null;
            }
            return name;
        } catch (RuntimeException | LinkageError e) {
            reports.add(new SourceReport(p.getClass().getName(), Status.FAILED, "name() failed: " + describe(e), Set.of()));
            return null;
        }
    }

    private static Set<Component> declaredComponents(PowerSourceProvider p) {
        try {
            Set<Component> set = p.reportableComponents();
            return set == null ? Set.of() : set;
        } catch (RuntimeException | LinkageError e) {
            return Set.of();
        }
    }

    private static int safePriority(PowerSourceProvider p) {
        try {
            return p.priority();
        } catch (RuntimeException | LinkageError e) {
            return 0;
        }
    }

    private static void validate(List<Channel> channels) throws PowerSourceException {
        if (channels == null) {
            throw new PowerSourceException("source reported no channel list");
        }
        Set<String> ids = new HashSet<>();
        for (Channel ch : channels) {
            if (ch == null) {
                throw new PowerSourceException("source reported a null channel");
            }
            if (!ids.add(ch.id())) {
                throw new PowerSourceException("source reported channel id '" + ch.id() + "' twice");
            }
        }
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
