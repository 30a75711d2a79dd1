package io.carbon4j.tracker.nvml.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Path;

/**
 * The scripting side of the compiled fake {@code libnvidia-ml} (src/test/c/fake_nvml.c). It is loaded from the same
 * file as the {@link NvmlLibrary} under test, so both see one copy of the fake's state.
 */
public interface FakeNvml extends Library {

    int SUCCESS = 0;
    int NOT_SUPPORTED = 3;
    int NO_PERMISSION = 4;
    int DRIVER_NOT_LOADED = 9;
    int GPU_IS_LOST = 15;
    int LIB_RM_VERSION_MISMATCH = 18;

    /**
     * The fake built by the test build ({@code fake.nvml.library}, set by Surefire). Tests that need it are skipped,
     * not failed, on a machine without a C compiler, where the build does not make it (profile no-c-compiler); CI
     * installs gcc, so there they always run.
     */
    static Path path() {
        String p = System.getProperty("fake.nvml.library");
        if (p == null) {
            throw new IllegalStateException("system property fake.nvml.library is not set (run through Maven)");
        }
        Path path = Path.of(p);
        org.assertj.core.api.Assumptions.assumeThat(java.nio.file.Files.exists(path))
                .as("fake libnvidia-ml at %s (built with gcc; install a C compiler to run these tests)", path)
                .isTrue();
        return path;
    }

    /** Loads the fake and resets it to no devices. */
    static FakeNvml load() {
        FakeNvml fake = Native.load(path().toString(), FakeNvml.class);
        fake.fake_nvml_reset();
        return fake;
    }

    /** The binding under test, on the fake. */
    static NvmlLibrary binding() {
        return Native.load(path().toString(), NvmlLibrary.class);
    }

    void fake_nvml_reset();

    void fake_nvml_set_device_count(int count);

    void fake_nvml_set_device(int i, String name, String uuid);

    void fake_nvml_add_mig(int parent, String uuid);

    void fake_nvml_set_init_result(int code);

    void fake_nvml_set_power(int i, double baseMw, double amplitudeMw, double periodMs);

    double fake_nvml_true_energy_mj(int i);

    void fake_nvml_set_energy_offset_mj(int i, double mj);

    void fake_nvml_advance_ms(double ms);

    void fake_nvml_set_energy_result(int i, int code);

    void fake_nvml_set_power_result(int i, int code);

    void fake_nvml_set_lost(int i, int lost);

    void fake_nvml_set_error(int i, int code);

    void fake_nvml_set_utilization(int i, int gpu, int memory);

    void fake_nvml_set_memory(int i, long total, long used);

    void fake_nvml_set_processes(int i, int count, int[] pids);

    void fake_nvml_set_process_size_races(int i, int races);

    void fake_nvml_add_process_sample(int i, int pid, long timeStampMicros, int sm);

    int fake_nvml_init_calls();

    int fake_nvml_shutdown_calls();

    int fake_nvml_ref_count();

    int fake_nvml_calls_while_uninitialized();

    int fake_nvml_device_calls();

    int fake_nvml_layout(int which, int field);
}
