package dev.closeloop.escalation.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When someone (a site, a manager) is open for business: windows per weekday in their own IANA zone, minus
 * holiday dates. SLA deadlines count only this open time ("acknowledge within 30 minutes of business time at the
 * recipient's site"); quiet hours wait for {@link #nextOpening}.
 *
 * <p>Time is real elapsed time between instants; each window is placed on each local date in {@code zone}, so on a
 * daylight-saving change day it is longer or shorter in real time (see {@link TimeWindow} for gaps and overlaps).
 * A holiday closes the whole local date. Windows are per date, so a window ending at 24:00 meets the next date's
 * window starting at 00:00 and the two count as one stretch.
 *
 * @param zone     where the windows and holidays are read
 * @param week     the windows of each day, sorted and never overlapping; a day with no windows is closed (every day
 *                 is present in the copy held, an empty list if the given map had none)
 * @param holidays local dates closed all day
 */
public record BusinessHours(ZoneId zone, Map<DayOfWeek, List<TimeWindow>> week, Set<LocalDate> holidays) {

    public BusinessHours {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(week, "week");
        Objects.requireNonNull(holidays, "holidays");
        Map<DayOfWeek, List<TimeWindow>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, sortedWithoutOverlap(day, week.getOrDefault(day, List.of())));
        }
        week = Map.copyOf(days);
        holidays = Set.copyOf(holidays);
    }

    /** Open every hour of every day, for a site that staffs around the clock. */
    public static BusinessHours always(ZoneId zone) {
        return every(zone, List.of(DayOfWeek.values()), TimeWindow.WHOLE_DAY);
    }

    /** Open Monday to Friday in the same window, no holidays: the common office. */
    public static BusinessHours weekdays(ZoneId zone, TimeWindow window) {
        return every(zone, List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY), window);
    }

    /** The same hours with these dates closed as well, as holiday lists usually arrive separately from the week. */
    public BusinessHours withHolidays(Collection<LocalDate> dates) {
        Set<LocalDate> all = new HashSet<>(holidays);
        all.addAll(dates);
        return new BusinessHours(zone, week, all);
    }

    public boolean isOpen(Instant at) {
        Objects.requireNonNull(at, "at");
        LocalDate date = at.atZone(zone).toLocalDate();
        // The previous date's last window can still be open here when a gap pushed its 24:00 past midnight.
        return spansOn(date.minusDays(1)).stream().anyMatch(span -> span.contains(at))
                || spansOn(date).stream().anyMatch(span -> span.contains(at));
    }

    /**
     * {@code at} itself when open, else the start of the next open window; empty if there are no windows on any day.
     *
     * @throws IllegalStateException when windows exist but holidays close about three years in a row
     */
    public Optional<Instant> nextOpening(Instant at) {
        Objects.requireNonNull(at, "at");
        if (neverOpen()) {
            return Optional.empty();
        }
        return Optional.of(new OpenSpans(this, at, null).next().start());
    }

    /**
     * The instant by which {@code amount} of open time has elapsed counting from {@code from}. A deadline that
     * uses up a window exactly is that window's end, not the next opening; zero is {@code from} itself, open or not.
     *
     * @throws IllegalArgumentException when {@code amount} is negative
     * @throws IllegalStateException    when {@code amount} is positive and there is no open time to count: no
     *                                  windows at all, or holidays closing about three years in a row
     */
    public Instant addBusinessTime(Instant from, Duration amount) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("business time to add must not be negative: " + amount);
        }
        if (amount.isZero()) {
            return from;
        }
        if (neverOpen()) {
            throw new IllegalStateException("cannot add " + amount + " of business time: never open (no windows on any"
                    + " day) in " + zone);
        }
        OpenSpans spans = new OpenSpans(this, from, null);
        Duration remaining = amount;
        while (true) {
            Span span = spans.next();
            if (remaining.compareTo(span.length()) <= 0) {
                return span.start().plus(remaining);
            }
            remaining = remaining.minus(span.length());
        }
    }

    /**
     * The open time between two instants, e.g. how much business time an acknowledgement took. Negative when
     * {@code to} is before {@code from}, so "time left until the deadline" reads as overdue once it has passed.
     */
    public Duration businessTimeBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            return businessTimeBetween(to, from).negated();
        }
        OpenSpans spans = new OpenSpans(this, from, to);
        Duration total = Duration.ZERO;
        for (Span span = spans.next(); span != null && span.start().isBefore(to); span = spans.next()) {
            Instant end = span.end().isAfter(to) ? to : span.end();
            total = total.plus(Duration.between(span.start(), end));
        }
        return total;
    }

    /** The open spans of one local date in real time, in start order; none on a holiday. */
    List<Span> spansOn(LocalDate date) {
        if (holidays.contains(date)) {
            return List.of();
        }
        List<Span> spans = new ArrayList<>();
        for (TimeWindow window : week.get(date.getDayOfWeek())) {
            Span span = new Span(window.startOn(date, zone), window.endOn(date, zone));
            // A window wholly inside a spring-forward gap can shift to nothing.
            if (span.start().isBefore(span.end())) {
                spans.add(span);
            }
        }
        spans.sort(Comparator.comparing(Span::start));
        return spans;
    }

    private boolean neverOpen() {
        return week.values().stream().allMatch(List::isEmpty);
    }

    private static BusinessHours every(ZoneId zone, List<DayOfWeek> days, TimeWindow window) {
        Objects.requireNonNull(window, "window");
        Map<DayOfWeek, List<TimeWindow>> week = new EnumMap<>(DayOfWeek.class);
        days.forEach(day -> week.put(day, List.of(window)));
        return new BusinessHours(zone, week, Set.of());
    }

    private static List<TimeWindow> sortedWithoutOverlap(DayOfWeek day, List<TimeWindow> windows) {
        Objects.requireNonNull(windows, () -> day + ": windows");
        List<TimeWindow> sorted = new ArrayList<>(windows);
        sorted.forEach(window -> Objects.requireNonNull(window, () -> day + ": a window is missing"));
        sorted.sort(Comparator.comparing(TimeWindow::start));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                throw new IllegalArgumentException(
                        day + ": windows " + sorted.get(i - 1) + " and " + sorted.get(i) + " overlap");
            }
        }
        return List.copyOf(sorted);
    }
}
