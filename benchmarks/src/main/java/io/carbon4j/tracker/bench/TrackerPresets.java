package io.carbon4j.tracker.bench;

import io.carbon4j.tracker.ConfigSource;
import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.TrackingMode;
import io.carbon4j.tracker.internal.BenchAccess;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The tracker configurations the harnesses measure. Every one starts from {@link ConfigSource#empty()}, so that
 * nothing in the environment of the machine running them changes what is measured.
 */
public final class TrackerPresets {

    private TrackerPresets() {}

    /**
     * A tracker on the fake powercap tree {@code raplRoot}, grid intensity from the bundled table for Germany (so that
     * start loads the table), writing CSV and JSONL into {@code outputDir} (or nothing when it is null).
     *
     * @param variant {@code rapl}: only the RAPL source is selected; {@code discover}: every provider on the class
     *                path is discovered and probed (NVML finds no library here; the CPU and RAM estimators are
     *                probed and skipped because RAPL covers their components), as a user who adds the jars and
     *                configures nothing gets
     */
    public static EmissionsTracker.Builder builder(String variant, Path raplRoot, Path outputDir) {
        EmissionsTracker.Builder b = EmissionsTracker.builder(ConfigSource.empty())
                .projectName("bench")
                .raplRoot(raplRoot);
        if (Boolean.getBoolean("carbon4j.bench.forcedIntensity")) {
            b.carbonIntensity(100);
        } else {
            b.country("DE");
        }
        if (outputDir == null) {
            b.outputFormats("none");
        } else {
            b.outputDir(outputDir).outputFormats("csv", "jsonl");
        }
        switch (variant) {
            case "rapl":
                b.sources("rapl");
                break;
            case "discover":
                break;
            default:
                throw new IllegalArgumentException("unknown variant '" + variant + "'; expected rapl or discover");
        }
        return b;
    }

    /**
     * A started tracker on the fake libnvidia-ml ({@link FakeNvmlLib#path()}), sampled only by the caller: the
     * periodic sampler is cancelled at once.
     */
    public static EmissionsTracker nvml(TrackingMode mode) {
        EmissionsTracker t = EmissionsTracker.builder(ConfigSource.empty())
                .projectName("bench")
                .sources("nvml")
                .nvmlLibrary(FakeNvmlLib.path())
                .carbonIntensity(100)
                .outputFormats("none")
                .trackingMode(mode)
                .registerShutdownHook(false)
                .samplingInterval(Duration.ofHours(1))
                .start();
        BenchAccess.stopScheduling(t);
        return t;
    }
}
