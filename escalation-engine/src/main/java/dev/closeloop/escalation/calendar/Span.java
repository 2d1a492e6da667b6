package dev.closeloop.escalation.calendar;

import java.time.Duration;
import java.time.Instant;

/** One stretch of open real time, start inclusive and end exclusive: a window placed on a date and zone. */
record Span(Instant start, Instant end) {

    Duration length() {
        return Duration.between(start, end);
    }

    boolean contains(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }
}
