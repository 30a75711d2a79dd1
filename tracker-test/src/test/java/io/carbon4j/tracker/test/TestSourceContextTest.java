package io.carbon4j.tracker.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbon4j.tracker.TrackingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestSourceContextTest {

    @Test
    void create_defaults_areTheTrackerDefaults() {
        TestSourceContext context = TestSourceContext.create();

        assertThat(context.raplRoot()).isEqualTo(Path.of("/sys/class/powercap"));
        assertThat(context.nvmlLibrary()).isEmpty();
        assertThat(context.trackingMode()).isEqualTo(TrackingMode.MACHINE);
        assertThat(context.samplingInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(context.property("rapl.psys")).isEmpty();
        assertThat(context.nanoTime()).isEqualTo(ManualClock.START_NANOS);
        assertThat(context.processId()).isEqualTo(TestSourceContext.DEFAULT_PROCESS_ID);
    }

    @Test
    void with_eachSetting_returnsChangedCopyAndLeavesOriginal() {
        ManualClock clock = new ManualClock();
        TestSourceContext original = TestSourceContext.create();

        TestSourceContext changed = original.withRaplRoot(Path.of("/tmp/powercap"))
                .withNvmlLibrary(Path.of("/opt/libnvidia-ml.so.1"))
                .withTrackingMode(TrackingMode.PROCESS)
                .withSamplingInterval(Duration.ofMillis(250))
                .withProperties(Map.of("a", "1"))
                .withProperty("rapl.psys", "true")
                .withClock(clock)
                .withProcessId(7);
        clock.advanceSeconds(2);

        assertThat(changed.raplRoot()).isEqualTo(Path.of("/tmp/powercap"));
        assertThat(changed.nvmlLibrary()).contains(Path.of("/opt/libnvidia-ml.so.1"));
        assertThat(changed.trackingMode()).isEqualTo(TrackingMode.PROCESS);
        assertThat(changed.samplingInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(changed.property("a")).contains("1");
        assertThat(changed.property("rapl.psys")).contains("true");
        assertThat(changed.nanoTime()).isEqualTo(ManualClock.START_NANOS + 2_000_000_000L);
        assertThat(changed.processId()).isEqualTo(7);
        assertThat(original.property("rapl.psys")).isEmpty();
        assertThat(original.trackingMode()).isEqualTo(TrackingMode.MACHINE);
    }

    @Test
    void withSamplingInterval_zero_isRejected() {
        assertThatThrownBy(() -> TestSourceContext.create().withSamplingInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0S");
    }
}
