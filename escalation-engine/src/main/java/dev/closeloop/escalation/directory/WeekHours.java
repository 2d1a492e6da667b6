package dev.closeloop.escalation.directory;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.closeloop.escalation.calendar.TimeWindow;

/** Opening hours as written in the directory: lower-case weekday name → windows such as "09:00-17:00". */
final class WeekHours {

    private WeekHours() {
    }

    static Map<String, List<String>> copy(Map<String, List<String>> week) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        week.forEach((day, windows) -> copy.put(day, windows == null ? List.of() : List.copyOf(windows)));
        return java.util.Collections.unmodifiableMap(copy);
    }

    static Optional<DayOfWeek> day(String name) {
        try {
            return Optional.of(DayOfWeek.valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** Only for validated hours: every day name and window is known to parse. */
    static Map<DayOfWeek, List<TimeWindow>> parse(Map<String, List<String>> week) {
        Map<DayOfWeek, List<TimeWindow>> parsed = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, windows) -> parsed.put(day(day).orElseThrow(),
                windows.stream().map(TimeWindow::parse).toList()));
        return parsed;
    }
}
