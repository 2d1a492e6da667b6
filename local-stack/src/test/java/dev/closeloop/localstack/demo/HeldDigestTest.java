package dev.closeloop.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class HeldDigestTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** A Friday. */
    private static final LocalDate FRIDAY = LocalDate.of(2026, 12, 4);

    @Test
    void hisDayStartsAtTheSameSecondEveryDayAndRunsToMidnight() {
        var hours = HeldDigest.workingHoursFrom(ZonedDateTime.of(2026, 12, 4, 14, 32, 7, 0, LONDON), FRIDAY);

        assertThat(hours).hasSize(7).containsKeys("monday", "friday", "sunday")
                .allSatisfy((day, windows) -> assertThat(windows).containsExactly("14:32:07-24:00"));
    }

    @Test
    void aStartOnTheHourStillNamesItsSeconds() {
        var hours = HeldDigest.workingHoursFrom(ZonedDateTime.of(2026, 12, 4, 9, 0, 0, 0, LONDON), FRIDAY);

        assertThat(hours.get("friday")).containsExactly("09:00:00-24:00");
    }

    @Test
    void aStartAtOrPastMidnightLeavesTodayWithoutHoursSoHeIsNotAtWorkAlready() {
        for (int second : new int[] { 0, 30 }) {
            var hours = HeldDigest.workingHoursFrom(ZonedDateTime.of(2026, 12, 5, 0, 0, second, 0, LONDON), FRIDAY);

            String window = String.format("00:00:%02d-24:00", second);
            assertThat(hours.get("friday")).isEmpty();
            assertThat(hours.get("saturday")).containsExactly(window);
            assertThat(hours.get("thursday")).containsExactly(window);
        }
    }

    @Test
    void theStartIsTheLeadAheadToTheWholeSecond() {
        assertThat(HeldDigest.startAfter(Instant.parse("2026-12-04T14:31:07.345Z"), Duration.ofSeconds(60), LONDON))
                .contains(Instant.parse("2026-12-04T14:32:07Z"));
    }

    @Test
    void noStartIsSetInTheHourTheClocksGoBackButInTheHourBeforeItIs() {
        // 25 October 2026: 02:00 BST becomes 01:00 GMT, so 01:00-02:00 on the wall clock happens twice
        assertThat(HeldDigest.startAfter(Instant.parse("2026-10-25T01:10:00Z"), Duration.ofSeconds(60), LONDON))
                .isEmpty();
        assertThat(HeldDigest.startAfter(Instant.parse("2026-10-25T00:10:00Z"), Duration.ofSeconds(60), LONDON))
                .contains(Instant.parse("2026-10-25T00:11:00Z"));
    }

    @Test
    void theHoursReadBackInHisZoneStartAtTheChosenInstant() {
        Instant start = Instant.parse("2026-07-01T22:59:30Z"); // 23:59:30 BST
        var hours = HeldDigest.workingHoursFrom(start.atZone(LONDON), LocalDate.of(2026, 7, 1));

        String window = hours.get("wednesday").get(0);
        assertThat(window).isEqualTo("23:59:30-24:00");
        assertThat(ZonedDateTime.of(LocalDate.of(2026, 7, 1), java.time.LocalTime.parse(window.split("-")[0]),
                LONDON).toInstant()).isEqualTo(start);
        assertThat(hours.values()).allSatisfy(windows -> assertThat(windows).isEqualTo(List.of(window)));
    }
}
