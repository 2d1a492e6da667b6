package dev.closeloop.escalation.calendar;

import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Europe/London changes on 25 October 2026 (02:00 BST becomes 01:00 GMT, 01:00-02:00 happens twice) and on
 * 28 March 2027 (01:00 GMT becomes 02:00 BST, 01:00-02:00 never happens). Expectations are UTC instants, so an
 * offset taken on the wrong side of the change shows as an hour out.
 */
class DaylightSavingTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final BusinessHours LONDON_OFFICE = BusinessHours.weekdays(LONDON, TimeWindow.parse("09:00-17:00"));
    private static final LocalDate AUTUMN_CHANGE = LocalDate.of(2026, 10, 25);
    private static final LocalDate SPRING_CHANGE = LocalDate.of(2027, 3, 28);
    private static final Instant AUTUMN_SATURDAY_NOON = Instant.parse("2026-10-24T12:00:00Z"); // 13:00 BST
    private static final Instant SPRING_SATURDAY_NOON = Instant.parse("2027-03-27T12:00:00Z"); // 12:00 GMT

    @Test
    void theChangeDaysAreSundays() {
        assertThat(AUTUMN_CHANGE.getDayOfWeek()).isEqualTo(SUNDAY);
        assertThat(SPRING_CHANGE.getDayOfWeek()).isEqualTo(SUNDAY);
    }

    @Test
    void fridayAfternoonAcrossTheOctoberChangeEndsOnMondayInGmt() {
        Instant friday1600Bst = Instant.parse("2026-10-23T15:00:00Z");

        assertThat(LONDON_OFFICE.addBusinessTime(friday1600Bst, Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-10-26T10:00:00Z")); // Monday 10:00 GMT
    }

    @Test
    void fridayAfternoonAcrossTheMarchChangeEndsOnMondayInBst() {
        Instant friday1600Gmt = Instant.parse("2027-03-26T16:00:00Z");

        assertThat(LONDON_OFFICE.addBusinessTime(friday1600Gmt, Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2027-03-29T09:00:00Z")); // Monday 10:00 BST
    }

    @Test
    void theWholeDayOfTheChangeIsTwentyThreeHoursInMarchAndTwentyFiveInOctober() {
        BusinessHours sundays = onSundays(TimeWindow.WHOLE_DAY);

        assertThat(openOverWeekend(sundays, SPRING_CHANGE)).isEqualTo(Duration.ofHours(23));
        assertThat(openOverWeekend(sundays, AUTUMN_CHANGE)).isEqualTo(Duration.ofHours(25));
        assertThat(sundays.addBusinessTime(SPRING_SATURDAY_NOON, Duration.ofHours(23)))
                .as("23 hours use up the spring Sunday").isEqualTo(Instant.parse("2027-03-28T23:00:00Z"));
    }

    @Test
    void aTwentyFourSevenSiteCountsRealHoursAcrossTheSpringForwardNight() {
        Instant deadline = BusinessHours.always(LONDON).addBusinessTime(SPRING_SATURDAY_NOON, Duration.ofHours(24));

        assertThat(deadline).isEqualTo(Instant.parse("2027-03-28T12:00:00Z"));
        assertThat(deadline.atZone(LONDON).toLocalTime()).as("the wall clock moved an hour on")
                .isEqualTo(LocalTime.of(13, 0));
    }

    @Test
    void aNightWindowOnTheSpringForwardDayCountsOnlyItsRealLength() {
        BusinessHours nights = onSundays(TimeWindow.parse("00:30-03:00"));

        // 00:30 GMT (00:30Z) to 03:00 BST (02:00Z): one and a half hours, not two and a half.
        assertThat(openOverWeekend(nights, SPRING_CHANGE)).isEqualTo(Duration.ofMinutes(90));
        assertThat(nights.addBusinessTime(SPRING_SATURDAY_NOON, Duration.ofMinutes(90)))
                .isEqualTo(Instant.parse("2027-03-28T02:00:00Z"));
        assertThat(openOverWeekend(nights, SPRING_CHANGE.plusWeeks(1))).as("the next Sunday")
                .isEqualTo(Duration.ofMinutes(150));
    }

    @Test
    void aWindowStartingInTheSkippedHourOpensAsLateAsTheGapPushesIt() {
        BusinessHours nights = onSundays(TimeWindow.parse("01:30-03:00"));

        // 01:30 does not exist; as ZonedDateTime.of does, it moves forward by the gap to 02:30 BST (01:30Z).
        assertThat(nights.nextOpening(SPRING_SATURDAY_NOON))
                .contains(Instant.parse("2027-03-28T01:30:00Z"));
        assertThat(openOverWeekend(nights, SPRING_CHANGE)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aNightWindowOnTheFallBackDayCoversTheRepeatedHourBothTimes() {
        BusinessHours nights = onSundays(TimeWindow.parse("00:30-03:00"));

        // 00:30 BST (23:30Z on Saturday) to 03:00 GMT (03:00Z): three and a half hours.
        assertThat(nights.nextOpening(AUTUMN_SATURDAY_NOON))
                .contains(Instant.parse("2026-10-24T23:30:00Z"));
        assertThat(openOverWeekend(nights, AUTUMN_CHANGE)).isEqualTo(Duration.ofMinutes(210));
    }

    @Test
    void aWindowEndingInTheRepeatedHourEndsAtItsSecondOccurrence() {
        BusinessHours nights = onSundays(TimeWindow.parse("00:00-01:30"));

        // 00:00 BST (23:00Z on Saturday) to the later 01:30, in GMT (01:30Z).
        assertThat(nights.isOpen(Instant.parse("2026-10-25T01:15:00Z"))).as("01:15 GMT, the second time").isTrue();
        assertThat(nights.isOpen(Instant.parse("2026-10-25T01:30:00Z"))).isFalse();
        assertThat(openOverWeekend(nights, AUTUMN_CHANGE)).isEqualTo(Duration.ofMinutes(150));
    }

    @Test
    void windowsThatOverlapInRealTimeOnTheFallBackDayAreCountedOnce() {
        BusinessHours nights = onSundays(TimeWindow.parse("00:00-01:30"), TimeWindow.parse("01:30-03:00"));

        // [23:00Z, 01:30Z) and [00:30Z, 03:00Z) together are 23:00Z to 03:00Z.
        assertThat(openOverWeekend(nights, AUTUMN_CHANGE)).isEqualTo(Duration.ofHours(4));
        assertThat(nights.addBusinessTime(AUTUMN_SATURDAY_NOON, Duration.ofHours(4)))
                .isEqualTo(Instant.parse("2026-10-25T03:00:00Z"));
        // On the spring day the same windows are 00:00 GMT to 03:00 BST: two real hours.
        assertThat(openOverWeekend(nights, SPRING_CHANGE)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aDayWithAGapAtMidnightStartsAtTheFirstValidInstant() {
        // America/Santiago moves from 24:00 to 01:00 on Sunday 6 September 2026 (start of southern summer time).
        ZoneId santiago = ZoneId.of("America/Santiago");
        LocalDate changeDay = LocalDate.of(2026, 9, 6);
        BusinessHours site = BusinessHours.always(santiago);
        Instant saturdayLate = changeDay.minusDays(1).atTime(23, 0).atZone(santiago).toInstant();

        assertThat(santiago.getRules().getValidOffsets(changeDay.atStartOfDay())).as("midnight is skipped").isEmpty();
        assertThat(site.addBusinessTime(saturdayLate, Duration.ofHours(2))).isEqualTo(saturdayLate.plus(
                Duration.ofHours(2)));
        assertThat(site.businessTimeBetween(changeDay.atStartOfDay(santiago).toInstant(),
                changeDay.plusDays(1).atStartOfDay(santiago).toInstant())).isEqualTo(Duration.ofHours(23));
    }

    /** The open time from Saturday 00:00Z to Monday 00:00Z around {@code sunday}: all of that local Sunday. */
    private static Duration openOverWeekend(BusinessHours hours, LocalDate sunday) {
        return hours.businessTimeBetween(sunday.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                sunday.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static BusinessHours onSundays(TimeWindow... windows) {
        return new BusinessHours(LONDON, Map.of(SUNDAY, List.of(windows)), Set.of());
    }
}
