package dev.closeloop.escalation.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Walks the open time of a {@link BusinessHours} forward from an instant, one local date at a time, so a long
 * closure (a weekend, a fortnight of holidays) costs one step per date rather than one per minute.
 *
 * <p>The spans it returns never overlap and come in time order, even where the windows of a change day overlap in
 * real time (00:00-01:30 and 01:30-03:00 on an autumn change day): open time is counted once.
 */
final class OpenSpans {

    /**
     * How many dates in a row may be closed before the search gives up: about three years. Holidays are a finite
     * list, so a calendar with working days opens again; closed for longer means the holidays are wrong, and an
     * exception says so instead of a deadline decades away.
     */
    static final int MAX_CLOSED_DATES = 3 * 366;

    private final BusinessHours hours;
    private final LocalDate lastDate;
    private final Deque<Span> found = new ArrayDeque<>();
    private LocalDate date;
    private Instant covered;

    /**
     * @param from  nothing before it is returned; a span already open at {@code from} starts at {@code from}
     * @param until where the caller stops looking, or {@code null} to search on (up to {@link #MAX_CLOSED_DATES})
     */
    OpenSpans(BusinessHours hours, Instant from, Instant until) {
        this.hours = hours;
        // A window of the previous date can still be open at `from` (one ending at 24:00 just after a gap).
        this.date = localDate(from).minusDays(1);
        this.lastDate = until == null ? null : localDate(until);
        this.covered = from;
    }

    /**
     * The next open span, or {@code null} once the search has passed {@code until}.
     *
     * @throws IllegalStateException when searching without {@code until} finds about three years closed in a row
     */
    Span next() {
        int closedDates = 0;
        while (found.isEmpty()) {
            if (lastDate != null && date.isAfter(lastDate)) {
                return null;
            }
            if (lastDate == null && closedDates++ > MAX_CLOSED_DATES) {
                throw new IllegalStateException("no open time in the " + MAX_CLOSED_DATES
                        + " dates (about 3 years) after " + covered + " in " + hours.zone()
                        + ": do the holidays close every working day?");
            }
            for (Span span : hours.spansOn(date)) {
                Instant start = span.start().isBefore(covered) ? covered : span.start();
                if (start.isBefore(span.end())) {
                    found.add(new Span(start, span.end()));
                    covered = span.end();
                }
            }
            date = date.plusDays(1);
        }
        return found.poll();
    }

    private LocalDate localDate(Instant at) {
        return at.atZone(hours.zone()).toLocalDate();
    }
}
