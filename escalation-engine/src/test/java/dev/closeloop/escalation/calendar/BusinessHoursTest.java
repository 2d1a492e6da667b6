package dev.closeloop.escalation.calendar;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Building business hours, and whether someone is open now or when they next are. */
class BusinessHoursTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final TimeWindow NINE_TO_FIVE = TimeWindow.parse("09:00-17:00");
    private static final BusinessHours LONDON_OFFICE = BusinessHours.weekdays(LONDON, NINE_TO_FIVE);

    @Test
    void overlappingWindowsOfADayAreRejectedNamingTheDay() {
        Map<DayOfWeek, List<TimeWindow>> week = Map.of(MONDAY,
                List.of(TimeWindow.parse("08:00-12:00"), TimeWindow.parse("11:00-13:00")));

        assertThatIllegalArgumentException().isThrownBy(() -> new BusinessHours(LONDON, week, Set.of()))
                .withMessage("MONDAY: windows 08:00-12:00 and 11:00-13:00 overlap");
    }

    @Test
    void windowsThatTouchAreAllowedAndKeptInTimeOrder() {
        BusinessHours hours = new BusinessHours(LONDON, Map.of(MONDAY,
                List.of(TimeWindow.parse("13:00-17:00"), TimeWindow.parse("08:00-13:00"))), Set.of());

        assertThat(hours.week().get(MONDAY)).containsExactly(
                TimeWindow.parse("08:00-13:00"), TimeWindow.parse("13:00-17:00"));
    }

    @Test
    void aDayLeftOutIsClosedAndEqualToOneGivenNoWindows() {
        BusinessHours leftOut = new BusinessHours(LONDON, Map.of(MONDAY, List.of(NINE_TO_FIVE)), Set.of());
        BusinessHours empty = new BusinessHours(LONDON,
                Map.of(MONDAY, List.of(NINE_TO_FIVE), SUNDAY, List.of()), Set.of());

        assertThat(leftOut.week()).containsOnlyKeys(DayOfWeek.values());
        assertThat(leftOut.week().get(SATURDAY)).isEmpty();
        assertThat(leftOut).isEqualTo(empty);
    }

    @Test
    void theHoursAreAnImmutableCopyOfWhatWasGiven() {
        List<TimeWindow> monday = new ArrayList<>(List.of(NINE_TO_FIVE));
        Map<DayOfWeek, List<TimeWindow>> week = new EnumMap<>(Map.of(MONDAY, monday));
        Set<LocalDate> holidays = new HashSet<>(Set.of(LocalDate.of(2026, 12, 25)));
        BusinessHours hours = new BusinessHours(LONDON, week, holidays);

        monday.add(TimeWindow.parse("18:00-19:00"));
        week.put(SUNDAY, List.of(NINE_TO_FIVE));
        holidays.add(LocalDate.of(2026, 12, 28));

        assertThat(hours.week().get(MONDAY)).containsExactly(NINE_TO_FIVE);
        assertThat(hours.week().get(SUNDAY)).isEmpty();
        assertThat(hours.holidays()).containsExactly(LocalDate.of(2026, 12, 25));
        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> hours.week().get(MONDAY).add(NINE_TO_FIVE));
        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> hours.holidays().add(LocalDate.of(2027, 1, 1)));
    }

    @Test
    void missingPartsAreRejected() {
        assertThatNullPointerException().isThrownBy(() -> new BusinessHours(null, Map.of(), Set.of()))
                .withMessage("zone");
        assertThatNullPointerException().isThrownBy(() -> BusinessHours.weekdays(LONDON, null))
                .withMessage("window");
        List<TimeWindow> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatNullPointerException()
                .isThrownBy(() -> new BusinessHours(LONDON, Map.of(MONDAY, withNull), Set.of()))
                .withMessage("MONDAY: a window is missing");
    }

    @Test
    void weekdaysAreOpenMondayToFridayInTheOneWindow() {
        assertThat(LONDON_OFFICE.week().get(MONDAY)).containsExactly(NINE_TO_FIVE);
        assertThat(LONDON_OFFICE.week().get(DayOfWeek.FRIDAY)).containsExactly(NINE_TO_FIVE);
        assertThat(LONDON_OFFICE.week().get(SATURDAY)).isEmpty();
        assertThat(LONDON_OFFICE.week().get(SUNDAY)).isEmpty();
        assertThat(LONDON_OFFICE.holidays()).isEmpty();
    }

    @Test
    void withHolidaysAddsClosedDatesToTheSameWeek() {
        BusinessHours christmas = LONDON_OFFICE.withHolidays(List.of(LocalDate.of(2026, 12, 25)))
                .withHolidays(List.of(LocalDate.of(2026, 12, 28)));

        assertThat(christmas.week()).isEqualTo(LONDON_OFFICE.week());
        assertThat(christmas.holidays()).containsExactlyInAnyOrder(LocalDate.of(2026, 12, 25),
                LocalDate.of(2026, 12, 28));
        assertThat(christmas.isOpen(london("2026-12-28T10:00"))).isFalse();
        assertThat(LONDON_OFFICE.isOpen(london("2026-12-28T10:00"))).isTrue();
    }

    @Test
    void aWindowIsOpenFromItsStartUntilJustBeforeItsEnd() {
        assertThat(LONDON_OFFICE.isOpen(london("2026-06-15T08:59:59"))).isFalse();
        assertThat(LONDON_OFFICE.isOpen(london("2026-06-15T09:00"))).isTrue();
        assertThat(LONDON_OFFICE.isOpen(london("2026-06-15T16:59:59"))).isTrue();
        assertThat(LONDON_OFFICE.isOpen(london("2026-06-15T17:00"))).isFalse();
        assertThat(LONDON_OFFICE.isOpen(london("2026-06-20T11:00"))).as("Saturday").isFalse();
    }

    @Test
    void aLunchBreakBetweenTwoWindowsIsClosedUntilTheAfternoonWindow() {
        BusinessHours hours = new BusinessHours(LONDON, Map.of(MONDAY,
                List.of(TimeWindow.parse("08:00-12:00"), TimeWindow.parse("13:00-17:00"))), Set.of());

        assertThat(hours.isOpen(london("2026-06-15T11:59"))).isTrue();
        assertThat(hours.isOpen(london("2026-06-15T12:30"))).isFalse();
        assertThat(hours.nextOpening(london("2026-06-15T12:30"))).contains(london("2026-06-15T13:00"));
    }

    @Test
    void aHolidayIsClosedAllDay() {
        BusinessHours hours = BusinessHours.always(LONDON).withHolidays(List.of(LocalDate.of(2026, 12, 25)));

        assertThat(hours.isOpen(london("2026-12-24T23:59"))).isTrue();
        assertThat(hours.isOpen(london("2026-12-25T00:00"))).isFalse();
        assertThat(hours.isOpen(london("2026-12-25T12:00"))).isFalse();
        assertThat(hours.nextOpening(london("2026-12-25T12:00"))).contains(london("2026-12-26T00:00"));
    }

    @Test
    void nextOpeningWhenOpenIsThatInstantItself() {
        Instant open = london("2026-06-15T10:17:42.5");

        assertThat(LONDON_OFFICE.nextOpening(open)).contains(open);
        assertThat(LONDON_OFFICE.nextOpening(london("2026-06-15T09:00"))).contains(london("2026-06-15T09:00"));
    }

    @Test
    void nextOpeningAtTheEndOfAWindowIsTheNextDaysStart() {
        assertThat(LONDON_OFFICE.nextOpening(london("2026-06-15T17:00"))).contains(london("2026-06-16T09:00"));
    }

    @Test
    void nextOpeningWhenClosedAllWeekendIsMondaysStart() {
        assertThat(LONDON_OFFICE.nextOpening(london("2026-06-19T17:30"))).contains(london("2026-06-22T09:00"));
        assertThat(LONDON_OFFICE.nextOpening(london("2026-06-21T23:59"))).contains(london("2026-06-22T09:00"));
    }

    @Test
    void hoursWithNoWindowsAreNeverOpen() {
        BusinessHours never = new BusinessHours(LONDON, Map.of(), Set.of());

        assertThat(never.isOpen(london("2026-06-15T10:00"))).isFalse();
        assertThat(never.nextOpening(london("2026-06-15T10:00"))).isEmpty();
    }

    @Test
    void aNightShiftInTwoWindowsIsOpenAcrossMidnight() {
        BusinessHours nights = new BusinessHours(LONDON, Map.of(
                MONDAY, List.of(TimeWindow.parse("22:00-24:00")),
                DayOfWeek.TUESDAY, List.of(TimeWindow.parse("00:00-06:00"))), Set.of());

        assertThat(nights.isOpen(london("2026-06-15T23:59:59"))).isTrue();
        assertThat(nights.isOpen(london("2026-06-16T00:00"))).isTrue();
        assertThat(nights.isOpen(london("2026-06-16T06:00"))).isFalse();
        assertThat(nights.nextOpening(london("2026-06-16T00:00"))).contains(london("2026-06-16T00:00"));
    }

    @Test
    void theSameUtcInstantIsOpenInTokyoAndClosedInLondonUnderTheSameRule() {
        BusinessHours tokyoManager = BusinessHours.weekdays(TOKYO, NINE_TO_FIVE);
        Instant tokyoLunchtime = Instant.parse("2026-06-15T03:00:00Z"); // 12:00 JST, 04:00 BST
        Instant londonMorning = Instant.parse("2026-06-15T10:00:00Z"); // 19:00 JST, 11:00 BST

        assertThat(tokyoManager.isOpen(tokyoLunchtime)).isTrue();
        assertThat(LONDON_OFFICE.isOpen(tokyoLunchtime)).isFalse();
        assertThat(tokyoManager.isOpen(londonMorning)).isFalse();
        assertThat(LONDON_OFFICE.isOpen(londonMorning)).isTrue();
    }

    @Test
    void nextOpeningGivesEachManagerTheirOwnLocalNineOClock() {
        BusinessHours tokyoManager = BusinessHours.weekdays(TOKYO, NINE_TO_FIVE);
        Instant sundayNight = Instant.parse("2026-06-14T22:00:00Z"); // Monday 07:00 JST, Sunday 23:00 BST

        assertThat(tokyoManager.nextOpening(sundayNight)).contains(Instant.parse("2026-06-15T00:00:00Z"));
        assertThat(LONDON_OFFICE.nextOpening(sundayNight)).contains(Instant.parse("2026-06-15T08:00:00Z"));
    }

    @Test
    void nextOpeningFindsAWindowAfterAYearOfHolidays() {
        BusinessHours closedFor2026 = LONDON_OFFICE.withHolidays(
                LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2027, 1, 1)).toList());

        assertThat(closedFor2026.nextOpening(london("2026-01-01T00:00"))).contains(london("2027-01-01T09:00"));
    }

    @Test
    void nextOpeningGivesUpAfterAboutThreeYearsClosed() {
        BusinessHours closedFourYears = LONDON_OFFICE.withHolidays(
                LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2030, 1, 1)).toList());

        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> closedFourYears.nextOpening(london("2026-01-01T00:00")))
                .withMessageContaining("about 3 years")
                .withMessageContaining("Europe/London")
                .withMessageContaining("holidays");
        assertThat(closedFourYears.isOpen(london("2027-06-15T10:00"))).isFalse();
    }

    static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
    }
}
