package dev.closeloop.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(2), 2, Duration.ofMinutes(5));

    @Test
    void delayDoublesFromTheInitialOneUntilTheCap() {
        assertThat(schedule.delayAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(schedule.delayAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(schedule.delayAfter(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(schedule.delayAfter(8)).isEqualTo(Duration.ofSeconds(256));
        assertThat(schedule.delayAfter(9)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void delayStaysAtTheCapHoweverManyAttemptsFailed() {
        assertThat(schedule.delayAfter(50)).isEqualTo(Duration.ofMinutes(5));
        assertThat(schedule.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, 2, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(2), 0.5, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofMinutes(10), 2, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
