package io.carbon4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.carbon4j.tracker.ConfigSource;
import io.carbon4j.tracker.EmissionsResult;
import io.carbon4j.tracker.Provenance;
import io.carbon4j.tracker.SourceReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end against a fake powercap tree whose counters advance in real time at a known power and wrap
 * several times during the run: the reported CPU and RAM energy must match power × duration.
 */
class DemoRaplAccuracyTest {

    private static final double PACKAGE_WATTS = 40.0;
    private static final double DRAM_WATTS = 6.0;
    /**
     * 2^26 µJ: a package counter at 40 W wraps every 1.7 s, so a 5 s run wraps it about three times, while the
     * thread that plays the hardware never falls a whole wrap behind on a loaded machine.
     */
    private static final long RANGE_UJ = 1L << 26;

    @TempDir
    Path root;

    @Test
    @Timeout(60)
    void demo_fakeRaplTreeAtKnownPower_reportsEnergyWithinOnePercent() throws Exception {
        Path pkg = zone("intel-rapl:0", "package-0");
        Path dram = zone("intel-rapl:0/intel-rapl:0:0", "dram");
        AtomicBoolean running = new AtomicBoolean(true);
        long t0 = System.nanoTime();
        Thread counters = new Thread(() -> {
            // Energy is a function of the clock, rewritten in place (as sysfs does) every half millisecond or so.
            while (running.get()) {
                double seconds = (System.nanoTime() - t0) / 1e9;
                write(pkg, (long) (PACKAGE_WATTS * seconds * 1e6) % (RANGE_UJ + 1));
                write(dram, (long) (DRAM_WATTS * seconds * 1e6) % (RANGE_UJ + 1));
                java.util.concurrent.locks.LockSupport.parkNanos(500_000);
            }
        }, "fake-rapl-counters");
        counters.setDaemon(true);
        counters.setPriority(Thread.MAX_PRIORITY);
        counters.start();

        Demo.Options options = Demo.Options.parse(new String[] {"--seconds", "5", "--threads", "1"});
        options.config = ConfigSource.of(Map.of(
                "rapl.root", root.toString(),
                "carbon.intensity", "100",
                "output.formats", "none",
                "shutdown.hook", "false",
                "sources", "rapl"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EmissionsResult r;
        try {
            r = Demo.run(options, new PrintStream(out, true, StandardCharsets.UTF_8));
        } finally {
            running.set(false);
            counters.join();
        }

        double seconds = r.duration().toNanos() / 1e9;
        assertThat(r.sources()).filteredOn(s -> s.status() == SourceReport.Status.USED)
                .extracting(SourceReport::name).containsExactly("rapl");
        assertThat(r.cpu().provenance()).isEqualTo(Provenance.MEASURED);
        assertThat(r.ram().provenance()).isEqualTo(Provenance.MEASURED);
        // Several wraps happened: 40 W over ~5 s is ~200 J against a 67 J range (at least two wraps).
        assertThat(PACKAGE_WATTS * seconds).isGreaterThan(2 * RANGE_UJ / 1e6);
        assertThat(r.cpu().meanPowerWatts()).isCloseTo(PACKAGE_WATTS, within(PACKAGE_WATTS * 0.01));
        assertThat(r.ram().meanPowerWatts()).isCloseTo(DRAM_WATTS, within(DRAM_WATTS * 0.01));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("TOTAL (run)").contains("rapl");
    }

    private Path zone(String rel, String name) throws IOException {
        Path dir = Files.createDirectories(root.resolve(rel));
        Files.writeString(dir.resolve("name"), name + "\n");
        Files.writeString(dir.resolve("max_energy_range_uj"), RANGE_UJ + "\n");
        Path energy = dir.resolve("energy_uj");
        write(energy, 0);
        return energy;
    }

    /**
     * Rewrites the counter in place with one fixed-width write at offset 0, never truncating, so that a concurrent
     * read sees a whole number (sysfs never shows a reader half a value; a truncate-then-write would).
     */
    private static void write(Path file, long microjoules) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(String.format("%020d%n", microjoules).getBytes(StandardCharsets.US_ASCII)), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
