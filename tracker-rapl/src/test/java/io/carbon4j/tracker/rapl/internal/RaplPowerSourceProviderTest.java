package io.carbon4j.tracker.rapl.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbon4j.tracker.rapl.Rapl;
import io.carbon4j.tracker.spi.Availability;
import io.carbon4j.tracker.spi.Channel;
import io.carbon4j.tracker.spi.Component;
import io.carbon4j.tracker.spi.PowerSource;
import io.carbon4j.tracker.spi.PowerSourceException;
import io.carbon4j.tracker.spi.PowerSourceProvider;
import io.carbon4j.tracker.test.ManualClock;
import io.carbon4j.tracker.test.TestSourceContext;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RaplPowerSourceProviderTest {

    @TempDir
    Path root;

    private final ManualClock clock = new ManualClock();

    /** Root-only energy_uj, as on Linux 5.10+; name and max_energy_range_uj stay world-readable. */
    private static final FileAccess ENERGY_DENIED = path -> {
        if (path.getFileName().toString().equals("energy_uj")) {
            throw new AccessDeniedException(path.toString());
        }
        return FileChannel.open(path, StandardOpenOption.READ);
    };

    @Test
    void nameAndPriority_areRaplAndHundred() {
        PowerSourceProvider p = Rapl.provider();

        assertThat(p.name()).isEqualTo("rapl");
        assertThat(p.priority()).isEqualTo(100);
    }

    /** Both registrations: the module descriptor (module path) and the services file (class path). */
    @Test
    void registration_moduleAndServicesFile_nameTheProvider() throws Exception {
        String service = PowerSourceProvider.class.getName();
        // Other modules on the path (tracker-core's estimators) have a services file too: read this module's own.
        java.net.URL own = RaplPowerSourceProvider.class.getProtectionDomain().getCodeSource().getLocation();
        java.nio.file.Path file = java.nio.file.Path.of(own.toURI()).resolve("META-INF/services/" + service);
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
                    .isEqualTo(RaplPowerSourceProvider.class.getName());
        }
        Module module = RaplPowerSourceProvider.class.getModule();
        if (module.isNamed()) {
            assertThat(module.getDescriptor().provides())
                    .anySatisfy(p -> {
                        assertThat(p.service()).isEqualTo(service);
                        assertThat(p.providers()).containsExactly(RaplPowerSourceProvider.class.getName());
                    });
        }
    }

    @Test
    void probe_oneSocket_isAvailableAndSaysWhatItFound() {
        new FakePowercap(root).oneSocket();

        Availability a = new RaplPowerSourceProvider().probe(TestSourceContext.create().withRaplRoot(root).withClock(clock));

        assertThat(a.isAvailable()).isTrue();
        assertThat(a.reason()).startsWith("1 package (package-0), 1 dram zone (package-0/dram) under " + root);
    }

    @Test
    void probe_energyFileDenied_isUnavailableWithFileCauseAndFix() {
        new FakePowercap(root).oneSocket();

        Availability a = new RaplPowerSourceProvider(ENERGY_DENIED).probe(TestSourceContext.create().withRaplRoot(root).withClock(clock));

        assertThat(a.isAvailable()).isFalse();
        assertThat(a.reason())
                .contains(root.resolve("intel-rapl:0").resolve("energy_uj").toString())
                .contains("root only", "CVE-2020-8694", "udev rule")
                .contains("sudo chmod a+r " + root + "/intel-rapl*:*/energy_uj")
                .endsWith("docs/troubleshooting.md#rapl-permission");
    }

    @Test
    void open_energyFileDenied_throwsTheSameReason() {
        new FakePowercap(root).oneSocket();

        assertThatThrownBy(() -> new RaplPowerSourceProvider(ENERGY_DENIED).open(TestSourceContext.create().withRaplRoot(root).withClock(clock)))
                .isInstanceOf(PowerSourceException.class)
                .hasMessageContaining("CVE-2020-8694")
                .hasCauseInstanceOf(AccessDeniedException.class);
    }

    @Test
    void probe_invalidPsysValue_isUnavailableNamingKeyValueAndForm() {
        new FakePowercap(root).oneSocket();

        Availability a = new RaplPowerSourceProvider().probe(TestSourceContext.create().withRaplRoot(root).withClock(clock).withProperty("rapl.psys", "yes"));

        assertThat(a.isAvailable()).isFalse();
        assertThat(a.reason()).isEqualTo("Invalid value 'yes' for carbon4j.rapl.psys (from a builder property, the"
                + " system property carbon4j.rapl.psys or the environment variable CARBON4J_RAPL_PSYS); expected"
                + " true or false");
    }

    @Test
    void open_invalidPsysValue_throws() {
        new FakePowercap(root).oneSocket();

        TestSourceContext context = TestSourceContext.create().withRaplRoot(root).withClock(clock).withProperty("rapl.psys", "1");

        assertThatThrownBy(() -> new RaplPowerSourceProvider().open(context))
                .isInstanceOf(PowerSourceException.class)
                .hasMessageContaining("'1' for carbon4j.rapl.psys");
    }

    @Test
    void open_psysTrue_reportsTheWholePlatformAsCpu() throws Exception {
        FakePowercap fake = new FakePowercap(root).oneSocket();
        fake.zone("intel-rapl:1", "psys", 9_000_000L, FakePowercap.XEON_RANGE);

        try (PowerSource source = new RaplPowerSourceProvider()
                .open(TestSourceContext.create().withRaplRoot(root).withClock(clock).withProperty("rapl.psys", " TRUE "))) {
            assertThat(source.channels()).extracting(Channel::id, Channel::component)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("psys", Component.CPU));
        }
    }

    @Test
    void open_psysFalse_reportsPackagesAndDram() throws Exception {
        FakePowercap fake = new FakePowercap(root).oneSocket();
        fake.zone("intel-rapl:1", "psys", 9_000_000L, FakePowercap.XEON_RANGE);

        try (PowerSource source = new RaplPowerSourceProvider()
                .open(TestSourceContext.create().withRaplRoot(root).withClock(clock).withProperty("rapl.psys", "false"))) {
            assertThat(source.channels()).extracting(Channel::id).containsExactly("package-0", "dram-0");
        }
    }

    @Test
    void probe_noPowercap_isUnavailableNamingTheRoot() {
        Path missing = root.resolve("sys/class/powercap");

        Availability a = new RaplPowerSourceProvider().probe(TestSourceContext.create().withRaplRoot(missing).withClock(clock));

        assertThat(a.isAvailable()).isFalse();
        assertThat(a.reason()).contains(missing.toString(), "carbon4j.rapl.root");
    }

    @Test
    void probe_fileAccessThrowsUnexpectedly_neverThrows() {
        new FakePowercap(root).oneSocket();
        FileAccess broken = path -> {
            throw new IllegalStateException("boom");
        };

        Availability a = new RaplPowerSourceProvider(broken).probe(TestSourceContext.create().withRaplRoot(root).withClock(clock));

        assertThat(a.isAvailable()).isFalse();
    }
}
