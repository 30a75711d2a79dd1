package io.carbon4j.examples.reliability;

import io.carbon4j.tracker.ConfigSource;
import io.carbon4j.tracker.EmissionsResult;
import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.output.OutputWriter;
import io.carbon4j.tracker.spi.Component;
import io.carbon4j.tracker.test.FakePowerSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A child JVM for the crash tests: a tracker with a 50 W source, saving often, that announces each save on stdout
 * ("SAVED" for running totals, "FINAL" for the final result), then ends as the first argument says:
 * {@code hang} (wait to be killed or terminated) or {@code exit} (System.exit after the first save).
 */
public final class CrashChild {

    private CrashChild() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path dir = Path.of(args[1]);
        CountDownLatch firstSave = new CountDownLatch(1);
        OutputWriter announce = new OutputWriter() {
            @Override
            public String name() {
                return "announce";
            }

            @Override
            public void write(EmissionsResult result) {
                System.out.println(result.isFinal() ? "FINAL" : "SAVED");
                System.out.flush();
                firstSave.countDown();
            }
        };
        EmissionsTracker.builder(ConfigSource.of(Map.of()))
                .discoverPowerSources(false)
                .addPowerSource(new FakePowerSource("constant").channel("cpu", Component.CPU, 50.0))
                .projectName("crash-" + mode)
                .samplingInterval(Duration.ofMillis(20))
                .saveInterval(Duration.ofMillis(100))
                .carbonIntensity(100)
                .outputDir(dir)
                .outputFormats("csv", "jsonl")
                .addOutput(announce)
                .start();
        System.out.println("STARTED");
        System.out.flush();
        firstSave.await();
        if (mode.equals("exit")) {
            System.exit(0);
        }
        new CountDownLatch(1).await();
    }
}
