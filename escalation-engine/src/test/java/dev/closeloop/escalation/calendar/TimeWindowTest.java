package dev.closeloop.escalation.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeWindowTest {

    @Test
    void aWindowIsReadAsStartAndEndInLocalTime() {
        TimeWindow window = TimeWindow.parse("09:00-17:30");

        assertThat(window.start()).isEqualTo(LocalTime.of(9, 0));
        assertThat(window.end()).isEqualTo(LocalTime.of(17, 30));
        assertThat(window.endsAtMidnight()).isFalse();
    }

    @Test
    void twentyFourHundredEndsTheWindowAtMidnightAndZeroToTwentyFourIsTheWholeDay() {
        assertThat(TimeWindow.parse("00:00-24:00")).isEqualTo(TimeWindow.WHOLE_DAY);
        assertThat(TimeWindow.parse("22:00-24:00").end()).isEqualTo(LocalTime.MAX);
        assertThat(TimeWindow.parse("22:00-24:00").endsAtMidnight()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "09:00-17:30", "00:00-24:00", "08:15-12:00", "22:00-24:00", "09:00:30-17:00" })
    void theTextRoundTrips(String text) {
        assertThat(TimeWindow.parse(text).toString()).isEqualTo(text);
        assertThat(TimeWindow.parse(TimeWindow.parse(text).toString())).isEqualTo(TimeWindow.parse(text));
    }

    @Test
    void spacesAroundTheTimesAreIgnored() {
        assertThat(TimeWindow.parse(" 09:00 - 17:30 ")).isEqualTo(TimeWindow.parse("09:00-17:30"));
    }

    @Test
    void anEndBeforeTheStartIsRejectedBecauseWindowsDoNotRunPastMidnight() {
        assertThatIllegalArgumentException().isThrownBy(() -> TimeWindow.parse("17:00-09:00"))
                .withMessage("17:00-09:00: end must be after start");
    }

    @Test
    void anEmptyWindowIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> TimeWindow.parse("09:00-09:00"))
                .withMessage("09:00-09:00: end must be after start");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TimeWindow(LocalTime.of(12, 0), LocalTime.of(12, 0)))
                .withMessage("12:00-12:00: end must be after start");
    }

    @Test
    void aStartThatIsNotATimeOfDayIsNamed() {
        assertThatIllegalArgumentException().isThrownBy(() -> TimeWindow.parse("9-17:00"))
                .withMessage("9-17:00: start '9' is not a time of day (expected HH:mm, 00:00 to 24:00)");
    }

    @Test
    void anEndThatIsNotATimeOfDayIsNamed() {
        assertThatIllegalArgumentException().isThrownBy(() -> TimeWindow.parse("09:00-25:00"))
                .withMessage("09:00-25:00: end '25:00' is not a time of day (expected HH:mm, 00:00 to 24:00)");
    }

    @Test
    void twentyFourHundredCannotStartAWindow() {
        assertThatIllegalArgumentException().isThrownBy(() -> TimeWindow.parse("24:00-24:00"))
                .withMessageStartingWith("24:00-24:00: start cannot be 24:00");
    }

    @ParameterizedTest
    @ValueSource(strings = { "09:00", "09:00-12:00-13:00", "09:00 to 17:00" })
    void textWithoutExactlyOneDashIsRejected(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> TimeWindow.parse(text))
                .withMessage(text + ": expected HH:mm-HH:mm, e.g. 09:00-17:30");
    }

    @Test
    void missingTextIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> TimeWindow.parse(" "))
                .withMessageStartingWith("time window is missing");
        assertThatIllegalArgumentException().isThrownBy(() -> TimeWindow.parse(null))
                .withMessageStartingWith("time window is missing");
    }

    @Test
    void windowsOverlapOnlyWhenTheyShareTime() {
        TimeWindow morning = TimeWindow.parse("08:00-12:00");

        assertThat(morning.overlaps(TimeWindow.parse("11:00-13:00"))).isTrue();
        assertThat(morning.overlaps(TimeWindow.parse("09:00-10:00"))).isTrue();
        assertThat(morning.overlaps(TimeWindow.parse("12:00-17:00"))).isFalse();
        assertThat(morning.overlaps(TimeWindow.parse("06:00-08:00"))).isFalse();
    }
}
