package dev.closeloop.escalation.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A daily opening window in local time, start inclusive and end exclusive, such as {@code 09:00-17:30}.
 *
 * <p>{@code 24:00} (the end of the day) is held as {@link LocalTime#MAX}, because {@code LocalTime} has no 24:00
 * and a window must be able to reach the next midnight: {@code 00:00-24:00} is the whole day. A window cannot run
 * past midnight; a night shift is two windows on consecutive days ({@code 22:00-24:00}, then {@code 00:00-06:00}),
 * which join without a gap.
 *
 * <p>On a daylight-saving change day the window keeps its wall-clock times, so its real length changes:
 * <ul>
 * <li>a time in the spring-forward gap moves forward by the length of the gap, as {@link ZonedDateTime#of} does
 * (01:30 in London on the last Sunday of March is 02:30 BST);</li>
 * <li>a time in the autumn overlap is taken at its earlier occurrence for the start and at its later occurrence
 * for the end, so the window covers every instant at which the wall clock shows a time inside it: nobody is
 * treated as closed while their own clock says they are open.</li>
 * </ul>
 *
 * @param start the first open local time
 * @param end   the first closed local time after {@code start}; {@link LocalTime#MAX} for 24:00
 */
public record TimeWindow(LocalTime start, LocalTime end) {

    /** Open the whole local date: {@code 00:00-24:00}. */
    public static final TimeWindow WHOLE_DAY = new TimeWindow(LocalTime.MIDNIGHT, LocalTime.MAX);

    private static final String END_OF_DAY = "24:00";

    public TimeWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException(text(start) + "-" + text(end) + ": end must be after start");
        }
    }

    /**
     * Reads {@code HH:mm-HH:mm} (seconds allowed, {@code 24:00} only as the end), so windows can be written in
     * configuration as people say them.
     *
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static TimeWindow parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("time window is missing (expected HH:mm-HH:mm, e.g. 09:00-17:30)");
        }
        String[] parts = text.strip().split("-", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException(text + ": expected HH:mm-HH:mm, e.g. 09:00-17:30");
        }
        String startText = parts[0].strip();
        String endText = parts[1].strip();
        if (END_OF_DAY.equals(startText)) {
            throw new IllegalArgumentException(text + ": start cannot be 24:00 (a window ends at 24:00, never starts)");
        }
        LocalTime start = time(text, "start", startText);
        LocalTime end = END_OF_DAY.equals(endText) ? LocalTime.MAX : time(text, "end", endText);
        return new TimeWindow(start, end);
    }

    /** Whether the window runs to the next midnight, so it joins a window starting at 00:00 the next day. */
    public boolean endsAtMidnight() {
        return end.equals(LocalTime.MAX);
    }

    /** The same text {@link #parse} reads, e.g. {@code 09:00-17:30} or {@code 00:00-24:00}. */
    @Override
    public String toString() {
        return text(start) + "-" + text(end);
    }

    boolean overlaps(TimeWindow other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /** When this window opens on {@code date} in {@code zone} (see the class comment for the change days). */
    Instant startOn(LocalDate date, ZoneId zone) {
        return ZonedDateTime.of(date, start, zone).toInstant();
    }

    /** When this window closes on {@code date} in {@code zone} (see the class comment for the change days). */
    Instant endOn(LocalDate date, ZoneId zone) {
        if (endsAtMidnight()) {
            return date.plusDays(1).atStartOfDay(zone).toInstant();
        }
        return ZonedDateTime.of(date, end, zone).withLaterOffsetAtOverlap().toInstant();
    }

    private static LocalTime time(String text, String which, String value) {
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    text + ": " + which + " '" + value + "' is not a time of day (expected HH:mm, 00:00 to 24:00)");
        }
    }

    private static String text(LocalTime time) {
        return time.equals(LocalTime.MAX) ? END_OF_DAY : time.toString();
    }
}
