package io.carbon4j.tracker.nvml.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbon4j.tracker.spi.Availability;
import io.carbon4j.tracker.test.TestSourceContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class DriverPresenceTest {

    @TempDir
    Path root;

    @Test
    void driverPresent_noDriverFiles_isFalse() {
        assertThat(NvmlPowerSourceProvider.driverPresent(root)).isFalse();
    }

    @Test
    void driverPresent_procDriverNvidia_isTrue() throws IOException {
        Files.createDirectories(root.resolve("proc/driver/nvidia"));
        assertThat(NvmlPowerSourceProvider.driverPresent(root)).isTrue();
    }

    @Test
    void driverPresent_devNvidiactlOnly_isTrue() throws IOException {
        Files.createDirectories(root.resolve("dev"));
        Files.createFile(root.resolve("dev/nvidiactl"));
        assertThat(NvmlPowerSourceProvider.driverPresent(root)).isTrue();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void probe_noDriverAndNoLibrarySet_isUnavailableWithoutLoadingJna() {
        org.assertj.core.api.Assumptions.assumeThat(NvmlPowerSourceProvider.driverPresent(Path.of("/"))).isFalse();

        Availability a = new NvmlPowerSourceProvider().probe(TestSourceContext.create());

        assertThat(a.isAvailable()).isFalse();
        assertThat(a.reason()).contains("no NVIDIA driver found").contains("carbon4j.nvml.library")
                .contains("#nvml-not-found");
    }
}
