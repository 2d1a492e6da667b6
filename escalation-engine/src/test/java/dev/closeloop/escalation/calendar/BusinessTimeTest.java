package dev.closeloop.escalation.calendar;

import static dev.closeloop.escalation.calendar.BusinessHoursTest.london;
import static java.time.DayOfWeek.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Deadlines in business time and the business time between two instants, away from the change days. */
class BusinessTimeTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final BusinessHours LONDON_OFFICE = BusinessHours.weekdays(LONDON, TimeWindow.parse("09:00-17:00"));
    private static final BusinessHours CHRISTMAS = LONDON_OFFICE
            .withHolidays(List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26)));
    private static final BusinessHours SPLIT_DAY = new BusinessHours(LONDON, Map.of(
            MONDAY, List.of(TimeWindow.parse("08:00-12:00"), TimeWindow.parse("13:00-17:00")),
            DayOfWeek.TUESDAY, List.of(TimeWindow.parse("08:00-12:00"), TimeWindow.parse("13:00-17:00"))), Set.of());

    @Test
    void aDeadlineWithinTheSameWindowIsPlainClockTime() {
        assertThat(LONDON_OFFICE.addBusinessTime(london("2026-06-15T10:00"), Duration.ofMinutes(30)))
                .isEqualTo(london("2026-06-15T10:30"));
    }

    @Test
    void aDeadlinePastTheEndOfDayContinuesNextMorning() {
        assertThat(LONDON_OFFICE.addBusinessTime(london("2026-06-15T16:45"), Duration.ofMinutes(30)))
                .isEqualTo(london("2026-06-16T09:15"));
    }

    @Test
    void aDeadlineThatUsesUpTheWindowExactlyIsItsEndNotTheNextOpening() {
        assertThat(LONDON_OFFICE.addBusinessTime(london("2026-06-19T16:00"), Duration.ofHours(1)))
                .isEqualTo(london("2026-06-19T17:00"));
    }

    @Test
    void aDeadlineFromFridayAfternoonSkipsTheWeekendToMonday() {
        assertThat(LONDON_OFFICE.addBusinessTime(london("2026-06-19T16:00"), Duration.ofHours(2)))
                .isEqualTo(london("2026-06-22T10:00"));
    }

    @Test
    void aDeadlineSetWhileClosedStartsCountingAtTheNextOpening() {
        assertThat(LONDON_OFFICE.addBusinessTime(london("2026-06-15T07:00"), Duration.ofMinutes(30)))
                .isEqualTo(london("2026-06-15T09:30"));
        assertThat(LONDON_OFFICE.addBusinessTime(london("2026-06-20T12:00"), Duration.ofMinutes(30)))
                .as("from Saturday").isEqualTo(london("2026-06-22T09:30"));
    }

    @Test
    void aDeadlineSkipsTheLunchBreakBetweenTwoWindows() {
        assertThat(SPLIT_DAY.addBusinessTime(london("2026-06-15T11:30"), Duration.ofHours(1)))
                .isEqualTo(london("2026-06-15T13:30"));
        assertThat(SPLIT_DAY.addBusinessTime(london("2026-06-15T11:30"), Duration.ofHours(6)))
                .as("the rest of Monday is 4.5h").isEqualTo(london("2026-06-16T09:30"));
    }

    @Test
    void aDeadlineSkipsChristmasHolidaysAndTheWeekend() {
        assertThat(LocalDate.of(2026, 12, 24).getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);

        assertThat(CHRISTMAS.addBusinessTime(london("2026-12-24T16:30"), Duration.ofHours(1)))
                .isEqualTo(london("2026-12-28T09:30"))
                .isEqualTo(Instant.parse("2026-12-28T09:30:00Z"));
    }

    @Test
    void aLongDeadlineRunsOverManyWeeks() {
        // 40 working days of 8 hours from Monday 15 June 2026 09:00: eight full weeks.
        assertThat(LONDON_OFFICE.addBusinessTime(london("2026-06-15T09:00"), Duration.ofHours(8 * 40)))
                .isEqualTo(london("2026-08-07T17:00"));
    }

    @Test
    void addingNoTimeIsTheStartEvenWhenClosed() {
        Instant saturday = london("2026-06-20T12:00");

        assertThat(LONDON_OFFICE.addBusinessTime(saturday, Duration.ZERO)).isEqualTo(saturday);
    }

    @Test
    void addingNegativeTimeIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LONDON_OFFICE.addBusinessTime(london("2026-06-15T10:00"), Duration.ofMinutes(-1)))
                .withMessageContaining("must not be negative");
    }

    @Test
    void addingTimeToHoursThatAreNeverOpenFails() {
        BusinessHours never = new BusinessHours(LONDON, Map.of(), Set.of());

        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> never.addBusinessTime(london("2026-06-15T10:00"), Duration.ofMinutes(30)))
                .withMessageContaining("never open");
        assertThat(never.businessTimeBetween(london("2026-06-15T10:00"), london("2027-06-15T10:00")))
                .isZero();
    }

    @Test
    void addingTimeFailsWhenHolidaysCloseAboutThreeYearsInARow() {
        BusinessHours closedFourYears = LONDON_OFFICE.withHolidays(
                LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2030, 1, 1)).toList());

        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> closedFourYears.addBusinessTime(london("2026-01-01T00:00"), Duration.ofHours(1)))
                .withMessageContaining("about 3 years");
        assertThat(closedFourYears.businessTimeBetween(london("2026-01-01T00:00"), london("2030-01-01T00:00")))
                .as("a report over the closure does not search past its end").isZero();
    }

    @Test
    void theBusinessTimeOfAWorkingWeekIsFiveTimesEightHours() {
        assertThat(LONDON_OFFICE.businessTimeBetween(london("2026-06-13T00:00"), london("2026-06-20T00:00")))
                .isEqualTo(Duration.ofHours(40));
        assertThat(SPLIT_DAY.businessTimeBetween(london("2026-06-13T00:00"), london("2026-06-20T00:00")))
                .isEqualTo(Duration.ofHours(16));
    }

    @Test
    void theBusinessTimeBetweenCountsPartsOfWindowsAtBothEnds() {
        assertThat(LONDON_OFFICE.businessTimeBetween(london("2026-06-15T16:30"), london("2026-06-16T09:15")))
                .isEqualTo(Duration.ofMinutes(45));
        assertThat(LONDON_OFFICE.businessTimeBetween(london("2026-06-15T10:00"), london("2026-06-15T10:00")))
                .isZero();
        assertThat(LONDON_OFFICE.businessTimeBetween(london("2026-06-20T10:00"), london("2026-06-21T10:00")))
                .as("a weekend").isZero();
    }

    @Test
    void theBusinessTimeBetweenIsNegativeWhenTheEndComesFirst() {
        assertThat(LONDON_OFFICE.businessTimeBetween(london("2026-06-16T09:15"), london("2026-06-15T16:30")))
                .isEqualTo(Duration.ofMinutes(-45));
    }

    @ParameterizedTest(name = "{0} from {1} plus {2}")
    @MethodSource("startsAndAmounts")
    void theBusinessTimeUpToADeadlineIsTheAmountAdded(String hours, Instant from, Duration amount) {
        BusinessHours calendar = calendars().get(hours);

        Instant deadline = calendar.addBusinessTime(from, amount);

        assertThat(calendar.businessTimeBetween(from, deadline)).isEqualTo(amount);
    }

    @ParameterizedTest(name = "{0} from {1} plus {2}")
    @MethodSource("startsAndAmounts")
    void addingTheBusinessTimeBetweenTwoInstantsReachesTheLaterOneOrTheLastClosingBeforeIt(String hours,
            Instant from, Duration amount) {
        BusinessHours calendar = calendars().get(hours);
        Instant to = from.plus(amount.multipliedBy(3));

        Instant reached = calendar.addBusinessTime(from, calendar.businessTimeBetween(from, to));

        assertThat(reached).isBeforeOrEqualTo(to);
        assertThat(calendar.businessTimeBetween(reached, to)).isZero();
        if (calendar.isOpen(to)) {
            assertThat(reached).isEqualTo(to);
        }
    }

    static Stream<Arguments> startsAndAmounts() {
        List<Instant> starts = List.of(london("2026-06-15T08:00"), london("2026-06-15T11:59:59"),
                london("2026-06-19T16:30"), london("2026-12-24T16:30"), london("2026-10-23T16:00"),
                london("2027-03-26T16:00"), Instant.parse("2027-03-28T00:45:00Z"));
        List<Duration> amounts = List.of(Duration.ofSeconds(1), Duration.ofMinutes(30), Duration.ofHours(4),
                Duration.ofHours(9), Duration.ofDays(3), Duration.ofDays(20));
        return calendars().keySet().stream().sorted().flatMap(hours -> starts.stream()
                .flatMap(from -> amounts.stream().map(amount -> Arguments.of(hours, from, amount))));
    }

    private static Map<String, BusinessHours> calendars() {
        return Map.of("office", CHRISTMAS, "split day", SPLIT_DAY, "24x7", BusinessHours.always(LONDON),
                "tokyo", BusinessHours.weekdays(ZoneId.of("Asia/Tokyo"), TimeWindow.parse("09:00-17:00")));
    }
}
