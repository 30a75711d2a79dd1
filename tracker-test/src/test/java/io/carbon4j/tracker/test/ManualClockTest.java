package io.carbon4j.tracker.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ManualClockTest {

    @Test
    void advance_durationAndSeconds_moveMonotonicAndWallTogether() {
        ManualClock clock = new ManualClock();

        clock.advance(Duration.ofMillis(1500)).advanceSeconds(0.25);

        assertThat(clock.nanoTime()).isEqualTo(ManualClock.START_NANOS + 1_750_000_000L);
        assertThat(clock.wallTime()).isEqualTo(ManualClock.START_WALL_TIME.plusMillis(1750));
    }

    @Test
    void advance_negativeOrNaN_isRejected() {
        ManualClock clock = new ManualClock();

        assertThatThrownBy(() -> clock.advance(Duration.ofNanos(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.advanceSeconds(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.advanceSeconds(-0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.nanoTime()).isEqualTo(ManualClock.START_NANOS);
    }
}
