package io.carbon4j.tracker.rapl.internal;

import static io.carbon4j.tracker.rapl.internal.FakePowercap.DRAM_RANGE;
import static io.carbon4j.tracker.rapl.internal.FakePowercap.XEON_RANGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.carbon4j.tracker.rapl.internal.RaplZone.Kind;
import io.carbon4j.tracker.spi.PowerSourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PowercapReaderTest {

    @TempDir
    Path root;

    private PowercapReader reader() {
        return new PowercapReader(root, FileAccess.files());
    }

    @Test
    void select_oneSocketWithCoreUncoreDram_countsPackageAndDramOnly() throws Exception {
        new FakePowercap(root).oneSocket();

        PowercapReader.Selection s = reader().select(false);

        assertThat(s.counted)
                .extracting(RaplZone::name, RaplZone::kind, RaplZone::socket, RaplZone::packageName)
                .containsExactly(
                        tuple("package-0", Kind.PACKAGE, 0, "package-0"), tuple("dram", Kind.DRAM, 0, "package-0"));
        assertThat(s.description).contains("1 package (package-0)", "1 dram zone (package-0/dram)",
                "core, uncore ignored (inside the package)");
    }

    @Test
    void select_twoSockets_countsEveryPackageAndDram() throws Exception {
        new FakePowercap(root).twoSockets();

        PowercapReader.Selection s = reader().select(false);

        assertThat(s.counted)
                .extracting(RaplZone::dirName, RaplZone::name, RaplZone::socket)
                .containsExactly(
                        tuple("intel-rapl:0", "package-0", 0),
                        tuple("intel-rapl:1", "package-1", 1),
                        tuple("intel-rapl:0:1", "dram", 0),
                        tuple("intel-rapl:1:1", "dram", 1));
    }

    @Test
    void select_psysPresentByDefault_isNotAdded() throws Exception {
        FakePowercap fake = new FakePowercap(root).oneSocket();
        // On laptops psys is intel-rapl:1: the index says nothing, only the name does.
        fake.zone("intel-rapl:1", "psys", 9_000_000L, XEON_RANGE);

        PowercapReader.Selection s = reader().select(false);

        assertThat(s.counted).extracting(RaplZone::name).containsExactly("package-0", "dram");
        assertThat(s.description).contains("psys (whole platform) not added", "carbon4j.rapl.psys=true");
    }

    @Test
    void select_psysRequested_countsOnlyPsys() throws Exception {
        FakePowercap fake = new FakePowercap(root).oneSocket();
        fake.zone("intel-rapl:1", "psys", 9_000_000L, XEON_RANGE);

        PowercapReader.Selection s = reader().select(true);

        assertThat(s.counted).extracting(RaplZone::name, RaplZone::kind).containsExactly(tuple("psys", Kind.PSYS));
        assertThat(s.description).contains("psys zone (whole platform, reported as CPU)");
    }

    @Test
    void select_psysRequestedButAbsent_throwsNamingTheKey() {
        new FakePowercap(root).oneSocket();

        assertThatThrownBy(() -> reader().select(true))
                .isInstanceOf(PowerSourceException.class)
                .hasMessageContaining("carbon4j.rapl.psys is true but there is no psys zone")
                .hasMessageContaining("package-0 (intel-rapl:0)");
    }

    @Test
    void select_amdPerDieMirrors_countsTheSocketOnce() throws Exception {
        // Zen 1/2 Threadripper: two die zones, one socket counter, no dram.
        FakePowercap fake = new FakePowercap(root);
        fake.zone("intel-rapl:0", "package-0-die-0", 123_456_789L, XEON_RANGE);
        fake.zone("intel-rapl:0/intel-rapl:0:0", "core", 5L, XEON_RANGE);
        fake.zone("intel-rapl:1", "package-0-die-1", 123_456_789L, XEON_RANGE);
        fake.zone("intel-rapl:1/intel-rapl:1:0", "core", 7L, XEON_RANGE);

        PowercapReader.Selection s = reader().select(false);

        assertThat(s.counted).extracting(RaplZone::name, RaplZone::die).containsExactly(tuple("package-0-die-0", 0));
        assertThat(s.description).contains("package-0-die-1 (intel-rapl:1) mirrors package-0-die-0 (intel-rapl:0)");
    }

    @Test
    void select_amdSameNameTwice_countsOnce() throws Exception {
        FakePowercap fake = new FakePowercap(root);
        fake.zone("intel-rapl:0", "package-0", 42_000_000L, XEON_RANGE);
        fake.zone("intel-rapl:1", "package-0", 42_000_000L, XEON_RANGE);

        PowercapReader.Selection s = reader().select(false);

        assertThat(s.counted).extracting(RaplZone::dirName).containsExactly("intel-rapl:0");
        assertThat(s.description).contains("package-0 (intel-rapl:1) is the same domain as package-0 (intel-rapl:0)");
    }

    @Test
    void select_intelMultiDieWithOwnCounters_countsEveryDie() throws Exception {
        FakePowercap fake = new FakePowercap(root);
        fake.zone("intel-rapl:0", "package-0-die-0", 111_000_000L, XEON_RANGE);
        fake.zone("intel-rapl:0/intel-rapl:0:0", "dram", 1_000L, DRAM_RANGE);
        fake.zone("intel-rapl:1", "package-0-die-1", 222_000_000L, XEON_RANGE);
        fake.zone("intel-rapl:1/intel-rapl:1:0", "dram", 2_000L, DRAM_RANGE);

        PowercapReader.Selection s = reader().select(false);

        assertThat(s.counted)
                .extracting(RaplZone::name, RaplZone::packageName)
                .containsExactly(
                        tuple("package-0-die-0", "package-0-die-0"),
                        tuple("package-0-die-1", "package-0-die-1"),
                        tuple("dram", "package-0-die-0"),
                        tuple("dram", "package-0-die-1"));
    }

    @Test
    void select_mmioDuplicateOfPackage_keepsTheMsrZone() throws Exception {
        FakePowercap fake = new FakePowercap(root).oneSocket();
        fake.zone("intel-rapl-mmio:0", "package-0", 1_000_123L, XEON_RANGE);

        PowercapReader.Selection s = reader().select(false);

        assertThat(s.counted).extracting(RaplZone::dirName).containsExactly("intel-rapl:0", "intel-rapl:0:2");
        assertThat(s.description)
                .contains("package-0 (intel-rapl-mmio:0) is the same domain as package-0 (intel-rapl:0)");
    }

    @Test
    void zones_classDirectoryOfSymlinks_findsEachZoneOnceWithItsPackage() throws Exception {
        // The real layout: /sys/class/powercap holds flat links into the nested /sys/devices tree, plus the
        // control type itself and a 'subsystem' link in every zone pointing back at the class directory.
        Path devices = Files.createDirectories(root.resolve("devices/virtual/powercap"));
        Path classDir = Files.createDirectories(root.resolve("class/powercap"));
        FakePowercap fake = new FakePowercap(devices);
        fake.zone("intel-rapl/intel-rapl:0", "package-0", 10L, XEON_RANGE);
        fake.zone("intel-rapl/intel-rapl:0/intel-rapl:0:0", "dram", 20L, DRAM_RANGE);
        fake.zone("intel-rapl/intel-rapl:1", "package-1", 30L, XEON_RANGE);
        fake.zone("intel-rapl/intel-rapl:1/intel-rapl:1:0", "dram", 40L, DRAM_RANGE);
        Files.createSymbolicLink(classDir.resolve("intel-rapl"), devices.resolve("intel-rapl"));
        for (String zone : new String[] {"intel-rapl:0", "intel-rapl:0/intel-rapl:0:0", "intel-rapl:1",
                "intel-rapl:1/intel-rapl:1:0"}) {
            Path target = devices.resolve("intel-rapl").resolve(zone);
            Files.createSymbolicLink(classDir.resolve(target.getFileName().toString()), target);
            Files.createSymbolicLink(target.resolve("subsystem"), classDir);
        }

        PowercapReader.Selection s = new PowercapReader(classDir, FileAccess.files()).select(false);
        Path realDevices = devices.toRealPath();

        assertThat(s.counted)
                .extracting(RaplZone::name, RaplZone::packageName, z -> z.realPath().startsWith(realDevices))
                .containsExactly(
                        tuple("package-0", "package-0", true),
                        tuple("package-1", "package-1", true),
                        tuple("dram", "package-0", true),
                        tuple("dram", "package-1", true));
        assertThat(s.notes()).isEmpty();
    }

    @Test
    void zones_flatCopiedTree_findsDramPackageByDirectoryName() {
        FakePowercap fake = new FakePowercap(root);
        fake.zone("intel-rapl:1", "package-1", 10L, XEON_RANGE);
        fake.zone("intel-rapl:1:0", "dram", 20L, DRAM_RANGE);

        assertThat(reader().zones()).extracting(RaplZone::dirName, RaplZone::packageName, RaplZone::socket)
                .containsExactly(tuple("intel-rapl:1", "package-1", 1), tuple("intel-rapl:1:0", "package-1", 1));
    }

    @Test
    void zones_constraintMaxPower_isReadInWatts() {
        FakePowercap fake = new FakePowercap(root).oneSocket();
        fake.text("intel-rapl:0/constraint_0_max_power_uw", "205000000\n");
        fake.text("intel-rapl:0/constraint_1_max_power_uw", "1500000000\n");

        assertThat(reader().zones()).filteredOn(z -> z.kind() == Kind.PACKAGE)
                .extracting(RaplZone::maxPowerWatts).containsExactly(1500.0);
    }

    @Test
    void select_rangeMissing_skipsTheZoneWithANote() throws Exception {
        FakePowercap fake = new FakePowercap(root).twoSockets();
        fake.text("intel-rapl:1/max_energy_range_uj", "garbage\n");

        PowercapReader.Selection s = reader().select(false);

        assertThat(s.counted).extracting(RaplZone::name).containsExactly("package-0", "dram", "dram");
        assertThat(s.description).contains("skipped package-1 (intel-rapl:1): max_energy_range_uj is missing");
    }

    @Test
    void select_rootMissing_throwsNamingTheRootAndSetting() {
        Path missing = root.resolve("nope");

        assertThatThrownBy(() -> new PowercapReader(missing, FileAccess.files()).select(false))
                .isInstanceOf(PowerSourceException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("carbon4j.rapl.root");
    }

    @Test
    void select_emptyRoot_throwsNoZone() {
        assertThatThrownBy(() -> reader().select(false))
                .isInstanceOf(PowerSourceException.class)
                .hasMessageContaining("No RAPL zone under " + root);
    }

    @Test
    void select_onlyDramNoPackage_throwsNoPackage() {
        new FakePowercap(root).zone("intel-rapl:0", "dram", 1L, DRAM_RANGE);

        assertThatThrownBy(() -> reader().select(false))
                .isInstanceOf(PowerSourceException.class)
                .hasMessageContaining("No RAPL package zone")
                .hasMessageContaining("dram (intel-rapl:0)");
    }

    @Test
    void zones_unreadableName_isIgnoredNotFatal() throws IOException {
        FakePowercap fake = new FakePowercap(root).oneSocket();
        fake.zone("intel-rapl:1", "x", 1L, XEON_RANGE);
        fake.text("intel-rapl:1/name", "");

        assertThat(reader().zones()).extracting(RaplZone::dirName, RaplZone::kind)
                .contains(tuple("intel-rapl:1", Kind.OTHER));
    }

    @Test
    void socketAndDie_names_areParsed() {
        assertThat(RaplZone.socketAndDie("package-1")).containsExactly(1, -1);
        assertThat(RaplZone.socketAndDie("package-0-die-3")).containsExactly(0, 3);
        assertThat(RaplZone.socketAndDie("package-x")).containsExactly(-1, -1);
        assertThat(RaplZone.socketAndDie("psys")).containsExactly(-1, -1);
        assertThat(RaplZone.socketAndDie(null)).containsExactly(-1, -1);
    }
}
