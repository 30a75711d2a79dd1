package io.carbon4j.tracker.internal;

import io.carbon4j.tracker.EmissionsResult;
import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.RunEnvironment;
import io.carbon4j.tracker.SamplingStats;
import io.carbon4j.tracker.TaskScope;
import io.carbon4j.tracker.intensity.CarbonIntensity;
import java.time.Duration;
import java.time.Instant;

/** The tracker that does nothing: no thread, no source, no output, no allocation per task. */
public final class NoopEmissionsTracker implements EmissionsTracker {

    /** The single instance. */
    public static final NoopEmissionsTracker INSTANCE = new NoopEmissionsTracker();

    private static final TaskScope NOOP_TASK = new TaskScope() {
        @Override
        public String name() {
            return "noop";
        }

        @Override
        public boolean isOpen() {
            return false;
        }

        @Override
        public void close() {}
    };

    private static final EmissionsResult EMPTY = EmissionsResult.builder()
            .runId("")
            .projectName("noop")
            .experimentId("")
            .time(Instant.EPOCH, Instant.EPOCH, Duration.ZERO)
            .isFinal(true)
            .carbonIntensity(CarbonIntensity.builder(0).dataset("none").rowKey("noop").build())
            .environment(new RunEnvironment("", "", "", "", 0, 0, "", 0))
            .sampling(new SamplingStats(0, Duration.ZERO, 0, Duration.ZERO))
            .build();

    private NoopEmissionsTracker() {}

    @Override
    public String runId() {
        return "";
    }

    @Override
    public TaskScope task(String name) {
        return NOOP_TASK;
    }

    @Override
    public EmissionsResult snapshot() {
        return EMPTY;
    }

    @Override
    public EmissionsResult flush() {
        return EMPTY;
    }

    @Override
    public EmissionsResult stop() {
        return EMPTY;
    }

    @Override
    public boolean isRunning() {
        return false;
    }

    @Override
    public void close() {}

    @Override
    public String toString() {
        return "EmissionsTracker.noop()";
    }
}
