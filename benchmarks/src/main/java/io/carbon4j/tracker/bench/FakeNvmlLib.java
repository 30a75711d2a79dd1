package io.carbon4j.tracker.bench;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The compiled fake {@code libnvidia-ml} of the NVML module's tests ({@code tracker-nvml/src/test/c/fake_nvml.c}):
 * the one the NVML build left in {@code tracker-nvml/target/fake-nvml}, or else compiled here with {@code gcc} into
 * a temporary directory. Paths are relative to the repository root, where {@code benchmarks/run.sh} runs; set
 * {@code -Dcarbon4j.bench.repo=DIR} to run from elsewhere.
 */
public final class FakeNvmlLib {

    private static Path cached;

    private FakeNvmlLib() {}

    /** The scripting functions of the fake; the library is the same loaded image the NVML source binds to. */
    public interface Control extends Library {
        void fake_nvml_reset();

        void fake_nvml_set_device_count(int count);

        void fake_nvml_set_device(int i, String name, String uuid);

        void fake_nvml_set_power(int i, double baseMw, double amplitudeMw, double periodMs);

        void fake_nvml_set_utilization(int i, int gpu, int memory);

        void fake_nvml_advance_ms(double ms);
    }

    /** The library file, building it when needed. */
    public static synchronized Path path() {
        if (cached != null) {
            return cached;
        }
        Path repo = Path.of(System.getProperty("carbon4j.bench.repo", "."));
        Path built = repo.resolve("tracker-nvml/target/fake-nvml/libnvidia-ml.so.1");
        if (Files.isRegularFile(built)) {
            cached = built.toAbsolutePath();
            return cached;
        }
        Path source = repo.resolve("tracker-nvml/src/test/c/fake_nvml.c");
        if (!Files.isRegularFile(source)) {
            throw new IllegalStateException("Neither " + built + " nor " + source + " exists; run from the repository"
                    + " root or set -Dcarbon4j.bench.repo");
        }
        try {
            Path dir = Files.createTempDirectory("carbon4j-bench-nvml");
            Path lib = dir.resolve("libnvidia-ml.so.1");
            Process gcc = new ProcessBuilder(List.of("gcc", "-shared", "-fPIC", "-O1",
                    "-Wl,-soname,libnvidia-ml.so.1", "-o", lib.toString(), source.toString(), "-lm"))
                    .inheritIO().start();
            if (!gcc.waitFor(120, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
                throw new IllegalStateException("gcc could not build the fake libnvidia-ml from " + source);
            }
            cached = lib;
            return cached;
        } catch (IOException e) {
            throw new UncheckedIOException("gcc could not be run to build the fake libnvidia-ml", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the fake libnvidia-ml", e);
        }
    }

    /**
     * Loads the fake and scripts {@code gpus} GPUs (A100s at 250 W, 40 % busy); the next NVML init sees them.
     */
    public static Control script(int gpus) {
        Control fake = Native.load(path().toString(), Control.class);
        fake.fake_nvml_reset();
        for (int i = 0; i < gpus; i++) {
            fake.fake_nvml_set_device(i, "NVIDIA A100-SXM4-40GB", String.format("GPU-%08d-0000-0000-0000-000000000000", i));
        }
        fake.fake_nvml_set_device_count(gpus);
        for (int i = 0; i < gpus; i++) {
            fake.fake_nvml_set_power(i, 250_000, 0, 0);
            fake.fake_nvml_set_utilization(i, 40, 10);
        }
        return fake;
    }
}
